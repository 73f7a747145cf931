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
    """A page's visible text, block by block, without the page's furniture.

    Left out: scripts and styles; navigation, footers, asides, forms, buttons and menus; elements
    whose class or id names an advert, a share bar, a newsletter box or related links. The
    ``<title>`` is kept only for a page with no ``<h1>`` (where there is one, the title repeats the
    headline and a quote in it would be found twice). When the page marks its story with
    ``<article>``, only the articles and any ``<h1>`` outside them are kept, so a byline bar or a
    cookie notice outside the story is not read as a paragraph of it.
    """

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article",
              "title"}
    SKIP = {"script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button", "menu", "select",
            "svg", "iframe"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[tuple[str, str]] = []  # (where: "title", "h1", "article" or "page"; text)
        self.skip: list[str] = []  # the open elements being left out, innermost last
        self.open: list[str] = []  # the open elements that decide where text belongs
        self.has_h1 = self.has_article = False

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            if tag == "br" and not self.skip:
                self.parts.append((self._where(), "\n"))
            return
        if self.skip or tag in self.SKIP or _is_furniture(attrs):
            self.skip.append(tag)
            return
        if tag in ("title", "h1", "article"):
            self.open.append(tag)
            self.has_h1 |= tag == "h1"
            self.has_article |= tag == "article"
        if tag in self.BLOCKS:
            self.parts.append((self._where(), "\n"))

    def handle_endtag(self, tag):
        if self.skip:
            if tag in self.skip:  # close up to the matching element (a page may leave some unclosed)
                while self.skip.pop() != tag:
                    pass
            return
        if tag in self.BLOCKS:
            self.parts.append((self._where(), "\n"))
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data):
        if not self.skip:
            self.parts.append((self._where(), data.replace("\n", " ")))

    def _where(self) -> str:
        for tag in ("title", "h1", "article"):
            if tag in self.open:
                return tag
        return "page"

    def text(self) -> str:
        keep = {"h1", "article"} if self.has_article else {"h1", "article", "page"}
        if not self.has_h1:
            keep.add("title")
        return "".join(t for where, t in self.parts if where in keep)


# Class or id words of page furniture inside the story's markup (adverts, share bars, sign-up
# boxes, related links), as news sites commonly name them; matched as whole words of the attribute.
_FURNITURE = re.compile(r"(?:^|[\s_-])(?:ad|ads|advert|advertisement|promo|share|sharing|social|newsletter|"
                        r"related|cookie|cookies|subscribe|paywall)(?:$|[\s_-])", re.IGNORECASE)


def _is_furniture(attrs: list[tuple[str, str | None]]) -> bool:
    return any(name in ("class", "id") and value and _FURNITURE.search(value) for name, value in attrs)


def html_to_text(html: str) -> str:
    """The story's visible text in an HTML page, one block element per line (see _TextOf)."""
    p = _TextOf()
    p.feed(html)
    p.close()
    lines = (" ".join(line.split()) for line in p.text().split("\n"))
    return "\n".join(line for line in lines if line) + "\n"
