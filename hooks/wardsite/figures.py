"""Tidy what mkdocs-glightbox leaves in a page's HTML.

mkdocs-glightbox wraps each image in ``<a class="glightbox">`` with
selectolax, which returns every page as a whole document
(``<html><head></head><body>…</body></html>``). Material's search then reads
the page differently (the text before the first section went missing), so the
wrapper is removed again. The plugin also does not pass the image's alt text
on, so the picture GLightbox shows after a click had an empty ``alt``;
GLightbox reads ``data-alt`` from the link.
"""

from __future__ import annotations

import re

_LINKED_IMAGE = re.compile(r'(<a class="glightbox"(?![^>]*\sdata-alt=)[^>]*)>(\s*<img\b[^>]*>)')
_ALT = re.compile(r'\salt="([^"]*)"')
_DOCUMENT_START = "<html><head></head><body>"
_DOCUMENT_END = "</body></html>"


def tidy_lightbox_html(html: str) -> str:
    """Remove the document wrapper and copy each lightbox image's alt to its link."""
    start = html.find(_DOCUMENT_START)
    end = html.rfind(_DOCUMENT_END)
    if start != -1 and end > start:
        html = (
            html[:start]
            + html[start + len(_DOCUMENT_START) : end]
            + html[end + len(_DOCUMENT_END) :]
        )

    def add(match: re.Match[str]) -> str:
        alt = _ALT.search(match.group(2))
        if not alt:
            return match.group(0)
        return f'{match.group(1)} data-alt="{alt.group(1)}">{match.group(2)}'

    return _LINKED_IMAGE.sub(add, html)
