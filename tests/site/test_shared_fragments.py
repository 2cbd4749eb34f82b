"""Material's menu rendered once for the pages outside it (wardsite_mkdocs.shared_fragments)."""

from __future__ import annotations

import re
from pathlib import Path

from support.build import COUNTED_TEMPLATES


def _renders(site: Path, template: str) -> int:
    """Renders of ``template`` in the build of ``site`` (``tools.log`` beside it)."""
    lines = (site.parent / "tools.log").read_text("utf-8").splitlines()
    return lines.count(f"template {template}")


#: A page's "last updated" date: the build without shortcuts runs in a copy of the
#: project, outside git, where a guide's date is the day of the build.
_DATE = re.compile(rb"<time>[^<]*</time>")


def _without_dates(content: bytes) -> bytes:
    return _DATE.sub(b"<time></time>", content)


def _faq_answers(site: Path) -> int:
    return sum(1 for prefix in ("faq", "en/faq") for _ in (site / prefix).glob("*/index.html"))


def test_pages_outside_the_menu_share_its_render(site_build: tuple[Path, str]) -> None:
    """The FAQ answers (not in the menu, all in faq/) need one menu per language.
    Failed before: the menu and the tabs were rendered once for every page."""
    site, log = site_build
    pages = sum(1 for _ in site.rglob("*.html"))
    answers = _faq_answers(site)
    assert answers > 50
    for template in COUNTED_TEMPLATES:
        assert 0 < _renders(site, template) <= pages - answers + 2, template
    assert "menus shared by pages outside them" in log


def test_the_site_is_the_same_with_every_menu_rendered_for_its_page(
    site_build: tuple[Path, str], site_build_without_shortcuts: tuple[Path, str]
) -> None:
    """Every file of the site, byte for byte (but the guides' dates), against a build
    that renders each page's menu itself (and converts each FAQ page itself)."""
    site, _ = site_build
    other, log = site_build_without_shortcuts
    assert "menus shared" not in log
    pages = sum(1 for _ in site.rglob("*.html"))
    assert _renders(other, "partials/nav.html") >= pages - 2  # 404.html: per language
    ours = {p.relative_to(site): p for p in site.rglob("*") if p.is_file()}
    each = {p.relative_to(other): p for p in other.rglob("*") if p.is_file()}
    assert ours.keys() == each.keys()
    for path, file in ours.items():
        assert _without_dates(file.read_bytes()) == _without_dates(each[path].read_bytes()), path
