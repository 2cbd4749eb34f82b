"""The built site refers to no outside host for anything a browser loads."""

from __future__ import annotations

import re
from pathlib import Path

from support.builtsite import parse_page

# Attributes that only point somewhere (a click), never load anything.
_NAVIGATION_ONLY = {("a", "href"), ("form", "action")}
_OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


def test_html_loads_nothing_from_outside(site: Path) -> None:
    found = []
    for path in site.rglob("*.html"):
        for tag, attr, value in parse_page(path).urls:
            if (tag, attr) in _NAVIGATION_ONLY:
                continue
            values = (
                [m[0] or m[1] for m in _CSS_URL.findall(value)]
                if attr == "style"
                else [v.strip().split(" ")[0] for v in value.split(",")]
            )
            found += [
                f"{path.relative_to(site)}: <{tag} {attr}={v}>" for v in values if _OUTSIDE.match(v)
            ]
    assert not found, "\n".join(found)


def test_stylesheets_load_nothing_from_outside(site: Path) -> None:
    found = []
    for path in site.rglob("*.css"):
        for url, imported in _CSS_URL.findall(path.read_text("utf-8")):
            value = url or imported
            if _OUTSIDE.match(value):
                found.append(f"{path.relative_to(site)}: {value}")
    assert not found, "\n".join(found)


def test_no_web_font_service_is_mentioned_in_pages(site: Path) -> None:
    for path in site.rglob("*.html"):
        text = path.read_text("utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
