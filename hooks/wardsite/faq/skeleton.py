"""FAQ pages converted once per shape, not once per page.

An FAQ entry page is mostly raw HTML: the question, the dates, the answer and
the tags are one-line HTML blocks (:mod:`wardsite.faq.render`), which
Python-Markdown passes through untouched. Only our own fixed parts are
Markdown (the related guides, the helpdesk box). With 5,000 entries the build
spent most of the FAQ's time converting pages that differ only in those raw
blocks.

:func:`make_skeleton` replaces each top-level one-line HTML block by a marker
block (``<div data-wardsite-slot="…"></div>``) and the mail subject inside the
helpdesk box (the only part of it that names the entry) by a marker word. Pages
with the same skeleton convert to the same HTML except at the markers, so the
build converts each skeleton once and :meth:`Skeleton.fill` puts each page's
own text back in place of the markers. Python-Markdown keeps a top-level raw
block byte for byte and a start tag inside the helpdesk box as written, so the
result is the HTML the page's own conversion gives; the FAQ tests compare both
on every page.

A block is only replaced when a parse shows it is ONE balanced element that
ends on its line (otherwise Markdown could read on into the next block); the
same parse collects the ids MkDocs would find in it (for anchor checks). The
markers carry a random word chosen per process, so no text from the helpdesk
can forge one; the filling is a single pass, so filled text is never searched
for markers again.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

#: Block-level tags our raw blocks start with (Markdown treats them as raw blocks).
BLOCK_TAGS = frozenset({"div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"})
#: Elements without an end tag.
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_FIRST_TAG = re.compile(r"<([a-z][a-z0-9]*)\b([^>]*)>")
#: ``<div … markdown>``: a block whose content Markdown converts (md_in_html).
_MARKDOWN_ATTR = re.compile(r"\smarkdown(?:\s*=|\s|$)")
#: The mail subject of the helpdesk box: percent-encoded, so it has no character
#: that HTML or Markdown would change.
_SUBJECT = re.compile(r'(\?subject=)([A-Za-z0-9%._~-]+)(")')


@dataclass(frozen=True)
class Skeleton:
    """A page's Markdown with its own parts replaced by markers."""

    text: str
    #: Marker → the text it stands for, in the order of the page.
    values: dict[str, str]
    #: Ids (and ``<a name>``) in the replaced blocks, as MkDocs collects them.
    anchor_ids: frozenset[str]
    marker: str

    def fill(self, html: str) -> str | None:
        """The page's HTML from the skeleton's, or None when a marker is not found
        exactly once (then the page must be converted on its own)."""
        if not self.values:
            return html
        found = _marker_re(self.marker).findall(html)
        if sorted(found) != sorted(self.values):
            return None
        return _marker_re(self.marker).sub(lambda m: self.values[m.group(0)], html)


_MARKERS: dict[str, re.Pattern[str]] = {}


def _marker_re(marker: str) -> re.Pattern[str]:
    if marker not in _MARKERS:
        _MARKERS[marker] = re.compile(
            rf'<div data-wardsite-slot="{marker}-\d+"></div>|{marker}s\d+'
        )
    return _MARKERS[marker]


def new_marker() -> str:
    return "wsk" + secrets.token_hex(8)


def make_skeleton(markdown: str, marker: str) -> Skeleton:
    """Replace the page's own parts of ``markdown`` by markers (see the module doc)."""
    chunks = markdown.split("\n\n")
    values: dict[str, str] = {}
    anchors: set[str] = set()
    depth = 0
    out: list[str] = []
    for chunk in chunks:
        if depth == 0:
            core = chunk.strip("\n")
            ids = _single_block(core)
            if ids is not None:
                slot = f'<div data-wardsite-slot="{marker}-{len(values)}"></div>'
                values[slot] = core
                anchors |= ids
                start = chunk.index(core)
                out.append(chunk[:start] + slot + chunk[start + len(core) :])
                continue
        else:

            def subject(m: re.Match[str]) -> str:
                word = f"{marker}s{len(values)}"
                values[word] = m.group(2)
                return m.group(1) + word + m.group(3)

            chunk = _SUBJECT.sub(subject, chunk)
        depth += _depth_change(chunk)
        out.append(chunk)
    return Skeleton("\n\n".join(out), values, frozenset(anchors), marker)


def _depth_change(chunk: str) -> int:
    """+1 for a chunk opening a ``markdown`` block, -1 for its ``</div>``."""
    if chunk.strip() == "</div>":
        return -1
    first = _FIRST_TAG.match(chunk)
    if first and _MARKDOWN_ATTR.search(first.group(2)) and _balanced(chunk) is None:
        return 1
    return 0


def _single_block(chunk: str) -> frozenset[str] | None:
    """The ids of ``chunk`` when it is one balanced block element on one line, else None."""
    if "\n" in chunk or not chunk.startswith("<"):
        return None
    first = _FIRST_TAG.match(chunk)
    if first is None or first.group(1) not in BLOCK_TAGS or _MARKDOWN_ATTR.search(first.group(2)):
        return None
    return _balanced(chunk)


@lru_cache(maxsize=4096)  # the same dates, tags and boilerplate blocks on many pages
def _balanced(chunk: str) -> frozenset[str] | None:
    """The ids of ``chunk`` when it is one balanced element ending at its end, else None."""
    checker = _BlockCheck()
    try:
        checker.feed(chunk)
        checker.close()
    except AssertionError:  # html.parser's own errors on broken markup
        return None
    return frozenset(checker.anchor_ids) if checker.ends_at_end(len(chunk)) else None


class _BlockCheck(HTMLParser):
    """One element: the first start tag's end tag closes it at the very end."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.closed_at: int | None = None
        self.broken = False
        self.anchor_ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if value is not None and (key == "id" or (key == "name" and tag == "a")):
                self.anchor_ids.add(value)
        if self.closed_at is not None:
            self.broken = True  # a second element after the first
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        if not self.stack or self.stack[-1] != tag:
            self.broken = True
            return
        self.stack.pop()
        if not self.stack:
            line, col = self.getpos()
            self.closed_at = col + len(f"</{tag}>") if line == 1 else None

    def handle_data(self, data: str) -> None:
        if self.closed_at is not None and data:
            self.broken = True  # text after the element

    def handle_comment(self, data: str) -> None:
        self.broken = True

    def handle_decl(self, decl: str) -> None:
        self.broken = True

    def handle_pi(self, data: str) -> None:
        self.broken = True

    def unknown_decl(self, data: str) -> None:
        self.broken = True

    def ends_at_end(self, length: int) -> bool:
        return not self.broken and not self.stack and self.closed_at == length
