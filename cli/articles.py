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
    ``h1``, ``article`` or ``page``); with ``furniture``, without the page's furniture.

    Furniture: navigation, footers, asides, buttons and menus, and the divs, sections, lists,
    figures and tables whose class or id names an advert, a share bar, a newsletter box, a cookie
    notice or related links. Only elements whose end tag HTML requires are left out, so a page
    that leaves a ``<p>`` or ``<li>`` open cannot hide the rest of itself; nesting is counted per
    skipped element, so the parse stays linear in the page.
    """

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article",
              "title"}
    ALWAYS_SKIP = {"script", "style", "noscript", "template"}
    FURNITURE = {"nav", "footer", "aside", "button", "menu", "select", "svg", "iframe"}
    CLASSED = {"div", "section", "aside", "figure", "ul", "ol", "table"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, furniture: bool = True):
        super().__init__(convert_charrefs=True)
        self.furniture = furniture
        self.parts: list[tuple[str, str]] = []
        self.skip_tag: str | None = None  # the element being left out, and how deep in its own kind
        self.skip_depth = 0
        self.depth = {"title": 0, "h1": 0, "article": 0}

    def handle_starttag(self, tag, attrs):
        if self.skip_tag:
            self.skip_depth += tag == self.skip_tag
            return
        if tag in self.ALWAYS_SKIP or self.furniture and (
                tag in self.FURNITURE or tag in self.CLASSED and _is_furniture(attrs)):
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in self.depth:
            self.depth[tag] += 1
        if tag in self.BLOCKS:
            self.parts.append((self._where(), "\n"))

    def handle_endtag(self, tag):
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if not self.skip_depth:
                    self.skip_tag = None
            return
        if tag in self.VOID:
            return
        if tag in self.BLOCKS:
            self.parts.append((self._where(), "\n"))
        if self.depth.get(tag):
            self.depth[tag] -= 1

    def handle_data(self, data):
        if not self.skip_tag:
            self.parts.append((self._where(), data.replace("\n", " ")))

    def _where(self) -> str:
        d = self.depth
        return "title" if d["title"] else "h1" if d["h1"] else "article" if d["article"] else "page"

    def text(self) -> str:
        """The story: where an ``<article>`` holds more text than the rest of the body, only it and
        the ``<h1>``. The ``<title>`` is left out when an ``<h1>`` of HEADLINE_WORDS or more words
        gives the headline (the title restates it, and its quotes would be found twice), or when
        the title's longest part is already in the text; else it may be the only headline."""
        size = {w: 0 for w in ("title", "h1", "article", "page")}
        for where, t in self.parts:
            size[where] += len(t.strip())
        keep = {"h1", "article"} if size["article"] > size["page"] else {"h1", "article", "page"}
        body = "".join(t for where, t in self.parts if where in keep)
        h1 = "".join(t for where, t in self.parts if where == "h1")
        title = " ".join("".join(t for where, t in self.parts if where == "title").split())
        headline = max(_TITLE_PARTS.split(title), key=len) if title else ""
        if headline and len(h1.split()) < HEADLINE_WORDS and headline not in " ".join(body.split()):
            return "".join(t for where, t in self.parts if where in keep or where == "title")
        return body


# An <h1> this long is a headline, not a site's name ("The Courier", "BBC News"): the shortest
# headlines in the labelled articles have eight words.
HEADLINE_WORDS = 4
# "Headline | Site", "Headline - Site", "Headline — Site": a title's parts.
_TITLE_PARTS = re.compile(r"\s+[|\-\u2013\u2014\u00b7:]\s+")
# Class or id words of page furniture inside the story's markup (adverts, share bars, sign-up
# boxes, cookie notices, related links), as news sites commonly name them; whole words only.
_FURNITURE = re.compile(r"(?:^|[\s_-])(?:ad|ads|advert|advertisement|promo|share|sharing|social|newsletter|"
                        r"related|cookie|cookies|subscribe|paywall)(?:$|[\s_-])", re.IGNORECASE)


def _is_furniture(attrs: list[tuple[str, str | None]]) -> bool:
    return any(name in ("class", "id") and value and _FURNITURE.search(value) for name, value in attrs)


def _page_text(html: str, furniture: bool) -> str:
    p = _TextOf(furniture)
    p.feed(html)
    p.close()
    return p.text()


def html_to_text(html: str) -> str:
    """The story's visible text in an HTML page, one block element per line (see _TextOf)."""
    text = _page_text(html, furniture=True)
    if not any(c.isalnum() for c in text):  # furniture rules that took everything: read the page whole
        text = _page_text(html, furniture=False)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line) + "\n"
