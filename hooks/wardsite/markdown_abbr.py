"""Abbreviations that work in Japanese text, shown once per page.

Python-Markdown's ``abbr`` extension only matches a term between ``\\b``
word boundaries. Japanese has no spaces, so "MFAの設定" or "LGWAN接続系" never
match. This extension matches ASCII terms only where no ASCII letter or digit
touches them, and Japanese terms anywhere. It marks only the first place a
term appears on a page (outside headings and links), so a page is not covered
in dotted underlines. Use it instead of ``abbr`` in ``markdown_extensions``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor

#: Elements whose text never gets a tooltip.
SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "abbr", "kbd", "button"}


def term_pattern(terms: list[str]) -> re.Pattern[str]:
    """One regex for all terms, longest first; ASCII ends need ASCII boundaries."""
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        part = re.escape(term)
        if term[:1].isascii() and term[:1].isalnum():
            part = r"(?<![A-Za-z0-9])" + part
        if term[-1:].isascii() and term[-1:].isalnum():
            part += r"(?![A-Za-z0-9])"
        parts.append(part)
    return re.compile("|".join(parts))


class FirstAbbrTreeprocessor(AbbrTreeprocessor):
    """Wrap the first occurrence of each defined term in ``<abbr title>``."""

    def run(self, root: etree.Element) -> etree.Element | None:
        if not self.abbrs:
            return None
        self.RE = term_pattern(list(self.abbrs))
        self._done: set[str] = set()
        self._walk(root)
        return None

    def _walk(self, el: etree.Element) -> None:
        if el.tag in SKIP:
            return
        el.text = self._mark(el, el.text, 0)
        for child in list(el):
            self._walk(child)
            index = list(el).index(child) + 1
            child.tail = self._mark(el, child.tail, index)

    def _mark(self, parent: etree.Element, text: str | None, index: int) -> str | None:
        """Wrap the first new term in ``text``; insert the abbr at ``index`` in ``parent``."""
        if not text or type(text) is not str:  # AtomicString: code, raw HTML
            return text
        for match in self.RE.finditer(text):
            term = match.group(0)
            if term in self._done or not self.abbrs.get(term):
                continue
            self._done.add(term)
            abbr = self.create_element(self.abbrs[term], term, "")
            parent.insert(index, abbr)
            abbr.tail = self._mark(parent, text[match.end() :], index + 1)
            return text[: match.start()]
        return text


class FirstAbbrExtension(AbbrExtension):
    """``abbr`` with Japanese-friendly matching, first occurrence only."""

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.register(FirstAbbrTreeprocessor(md, self.abbrs), "abbr", 7)


def makeExtension(**kwargs: object) -> FirstAbbrExtension:
    return FirstAbbrExtension(**kwargs)
