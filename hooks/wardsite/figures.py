"""The enlarged picture keeps its alt text.

mkdocs-glightbox wraps each image in ``<a class="glightbox">`` but does not
pass the image's alt text on, so the picture GLightbox shows after a click
has an empty ``alt``. GLightbox reads ``data-alt`` from the link.
"""

from __future__ import annotations

import re

_LINKED_IMAGE = re.compile(r'(<a class="glightbox"(?![^>]*\sdata-alt=)[^>]*)>(\s*<img\b[^>]*>)')
_ALT = re.compile(r'\salt="([^"]*)"')


def pass_alt_to_lightbox(html: str) -> str:
    """Copy each lightbox image's alt text to its link as ``data-alt``."""

    def add(match: re.Match[str]) -> str:
        alt = _ALT.search(match.group(2))
        if not alt:
            return match.group(0)
        return f'{match.group(1)} data-alt="{alt.group(1)}">{match.group(2)}'

    return _LINKED_IMAGE.sub(add, html)
