"""Reading articles from files, folders and stdin; HTML reduced to its text."""
from __future__ import annotations

import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from quotestance.model.text import ArticleError, decode_article

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
# Largest file read: a news article is a few KB of text, its web page a few hundred KB to a few
# MB (scripts, markup). Only this much (+1 byte) is ever read, so memory stays bounded on a stray file.
MAX_BYTES = 8 * 1024 * 1024
# Most text an article may hold once read (and reduced from HTML). The longest long reads are
# well under 200,000 characters; a bigger file is more likely not one article (a dump, a book), and
# is refused with one line. Attribution of 64 KB takes 0.06 s here and of 256 KB 0.2 s (it took
# 10 s before two quadratic scans were removed), so the limit is about meaning, not speed.
MAX_CHARS = 400_000


def expand(paths: list[str]) -> list[str]:
    """Files as given, folders as their articles (sorted), "-" for stdin; raise on what is missing.
    A file named twice (twice over, or alone and in its folder) is kept once, where first named."""
    out = _expand(paths)
    seen: set[str] = set()
    once = []
    for name in out:
        key = name if name == "-" else os.path.realpath(name)
        if key not in seen:
            seen.add(key)
            once.append(name)
    return once


def _expand(paths: list[str]) -> list[str]:
    out: list[str] = []
    for p in paths:
        if p == "-":
            if "-" in out:
                raise ArticleError("-: standard input can be read only once")
            out.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            # A broken or looping link is kept, so that reading it is an error (or a --skip-bad warning), not silence.
            found = sorted(str(f) for f in path.rglob("*")
                           if f.suffix.lower() in ARTICLE_SUFFIXES and (f.is_file() or f.is_symlink()))
            if not found:
                raise ArticleError(f"{p}: no articles (.txt, .html) in this folder")
            out.extend(found)
        elif path.is_file():
            out.append(p)
        else:
            raise ArticleError(f"{p}: no such file or folder")
    return out


def read_article(name: str) -> str:
    """One article's text, as the offsets index it."""
    if name == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        with open(name, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ArticleError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MB, not a news article")
    text = decode_article(data, name)
    del data
    if name.lower().endswith((".html", ".htm")) or (name == "-" and looks_like_html(text)):
        text = html_to_text(text)
    if len(text) > MAX_CHARS:
        raise ArticleError(f"{name}: more than {MAX_CHARS:,} characters of text, not a news article")
    return text


# How a web page starts (after a byte-order mark, blank space and comments): stdin has no file name
# to say "HTML", so a page piped in is recognised by its first tag, one of those that open pages
# and page fragments. A comment is matched one way only (no backtracking through many of them).
_PAGE_TAGS = ("html|head|body|meta|title|link|script|style|article|section|main|header|nav|div|p|span|"
              "h[1-6]|ul|ol|table|figure|blockquote")
_HTML_START = re.compile(rf"\ufeff?(?:\s|<!--(?:(?!-->).)*-->)*<(?:!doctype\s+html\b|\?xml\b|(?:{_PAGE_TAGS})[\s/>])",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` starts as an HTML page or fragment does."""
    return _HTML_START.match(text[:4096]) is not None


class _TextOf(HTMLParser):
    """A page's visible text, block by block, each piece tagged with where it stood (``title``,
    ``h1``, ``article`` or ``page``) and whether it is paragraph text; with ``furniture``,
    without the page's furniture.

    Furniture: navigation, footers, asides, buttons and menus, and the elements whose class or id
    names an advert, a share bar, a newsletter box, a cookie notice, related links or teasers
    (see _is_furniture). One element is left out at a time, its nesting counted per kind, so the
    parse stays linear; a left-out ``<p>`` or ``<li>`` ends where HTML ends an unclosed one.
    """

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article",
              "title", "ul", "ol", "table", "header", "main", "figure", "form"}
    ALWAYS_SKIP = {"script", "style", "noscript", "template"}
    FURNITURE = {"nav", "footer", "aside", "button", "menu", "select", "svg", "iframe"}
    CLASSED = {"div", "section", "aside", "figure", "ul", "ol", "table", "article", "a", "span", "p", "li"}
    LISTS = {"ul", "ol"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, furniture: bool = True):
        super().__init__(convert_charrefs=True)
        self.furniture = furniture
        self.parts: list[tuple[str, bool, str]] = []  # (where, in a <p>, text)
        self.skip_tag: str | None = None  # the element being left out, and how deep in its own kind
        self.skip_depth = 0
        self.skip_lists = 0  # lists opened inside a left-out <li>: their items are not its siblings
        self.depth = {"title": 0, "h1": 0, "article": 0}
        self.in_p = False

    def handle_starttag(self, tag, attrs):
        if self.skip_tag and not self._ends_skip(tag, start=True):
            return
        if tag in self.ALWAYS_SKIP or self.furniture and (
                tag in self.FURNITURE or (tag in self.CLASSED or "-" in tag) and _is_furniture(attrs)):
            self.skip_tag, self.skip_depth, self.skip_lists = tag, 1, 0
            return
        if tag in self.depth:
            self.depth[tag] += 1
        if tag in self.BLOCKS:
            self.in_p = tag == "p"
            self.parts.append((self._where(), False, "\n"))

    def _ends_skip(self, tag: str, start: bool) -> bool:
        """Whether ``tag`` (a start or end tag met while leaving an element out) ends that element;
        counts its nesting otherwise."""
        skip = self.skip_tag
        if skip in ("p", "li") and self.skip_depth == 1:
            if skip == "p" and (tag in self.BLOCKS if start else tag != "p" and tag in self.BLOCKS):
                self.skip_tag = None  # a block, or its container's end, ends an open <p>
                return True
            if skip == "li" and not self.skip_lists and (tag == "li" if start else tag in self.LISTS):
                self.skip_tag = None  # the next item, or the list's end, ends an open <li>
                return True
        if skip == "li" and tag in self.LISTS:
            self.skip_lists += 1 if start else -1
        if tag == skip:
            self.skip_depth += 1 if start else -1
            if not self.skip_depth:
                self.skip_tag = None
        return False

    def handle_endtag(self, tag):
        if self.skip_tag:
            self._ends_skip(tag, start=False)
            if self.skip_tag or tag in ("p", "li"):
                return
        if tag in self.VOID:
            return
        if tag in self.BLOCKS:
            self.in_p = False
            self.parts.append((self._where(), False, "\n"))
        if self.depth.get(tag):
            self.depth[tag] -= 1

    def handle_data(self, data):
        if not self.skip_tag:
            self.parts.append((self._where(), self.in_p, data.replace("\n", " ")))

    def _where(self) -> str:
        d = self.depth
        return "title" if d["title"] else "h1" if d["h1"] else "article" if d["article"] else "page"

    def text(self) -> tuple[str, bool]:
        """The story's text, and whether it holds any outside the ``<title>``. Where ``<article>`` elements hold more paragraph text than the rest
        of the page, only they and the ``<h1>`` (a page of headlines and links round one story);
        else the whole page (the story outside, teasers in ``<article>``). The ``<title>`` only
        where no ``<h1>`` gives the headline (a title restates it, and its quotes would be found
        twice) and its headline part is not already in the text."""
        in_p = {"article": 0, "page": 0}
        for where, para, t in self.parts:
            if para and where in in_p:
                in_p[where] += len(t.strip())
        keep = {"h1", "article"} if in_p["article"] > in_p["page"] else {"h1", "article", "page"}
        body = "".join(t for where, _, t in self.parts if where in keep)
        has_body = any(c.isalnum() for c in body)
        title = " ".join("".join(t for where, _, t in self.parts if where == "title").split())
        if title:
            h1 = " ".join("".join(t for where, _, t in self.parts if where == "h1").split()).lower()
            parts = [p for p in _TITLE_PARTS.split(title) if p.strip()]
            headline = max(parts, key=len) if parts else ""
            site_h1 = any(h1 == p.lower() for p in parts if p is not headline)  # <h1>The Courier</h1>
            if headline and (not h1 or site_h1) and headline not in " ".join(body.split()):
                return "".join(t for where, _, t in self.parts if where in keep or where == "title"), has_body
        return body, has_body


# "Headline | Site", "Headline - Site", "Headline — Site": a title's parts.
_TITLE_PARTS = re.compile(r"\s+[|\-\u2013\u2014\u00b7:]\s+")
# Class or id words of page furniture (adverts, share bars, sign-up boxes, cookie notices, related
# links, teasers) as news sites commonly name them, matched as a part of a class token split at
# "-" and "_" ("ad-slot", "related_stories"); a token with a negating part names a page's state,
# not furniture ("has-share-tools", "no-ads", "ad-free", "cookies-not-set").
_FURNITURE_WORDS = frozenset("ad ads advert adverts advertisement promo promos share sharing social newsletter related "
                             "cookie cookies subscribe paywall teaser teasers outbrain taboola recommended trending "
                             "readnext mostread".split())
_FURNITURE_TOKENS = frozenset("read-next more-stories most-read top-stories".split())
_NEGATING = frozenset("has no not free without is enabled".split())


def _is_furniture(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name in ("class", "id") and value:
            for token in value.lower().split():
                parts = set(re.split(r"[-_]", token))
                if (token in _FURNITURE_TOKENS or parts & _FURNITURE_WORDS) and not parts & _NEGATING:
                    return True
    return False


def _page_text(html: str, furniture: bool) -> tuple[str, bool]:
    """The page's text, and whether any of it is outside the ``<title>``."""
    p = _TextOf(furniture)
    p.feed(html)
    p.close()
    return p.text()


def html_to_text(html: str) -> str:
    """The story's visible text in an HTML page, one block element per line (see _TextOf)."""
    text, has_body = _page_text(html, furniture=True)
    if not has_body:  # furniture rules that took all but the title: read the page whole
        text, _ = _page_text(html, furniture=False)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line) + "\n"
