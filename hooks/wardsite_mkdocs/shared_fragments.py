"""Which of Material's included templates a page can share with others, and under what key.

Material 9.8.2 renders the menu (``partials/nav.html``, and the tabs in
``partials/tabs.html``) for every page. What in it depends on the page:

* which items are marked active, and the page's own table of contents: only for
  a page *in* the menu (a page outside it, such as an FAQ answer, marks nothing);
* every link, written relative to the page's folder by the ``url`` filter
  (``mkdocs.utils.get_relative_url``): for a page outside the menu whose
  folder holds no menu item, that is the same text for every page in the same
  parent folder (``faq/4400101/`` and ``faq/4400102/`` both link ``../../start/``).

So pages outside the menu share one render per parent folder. The search box
(``partials/search.html``) and the colour switch (``partials/palette.html``)
read only the language's texts and the theme's settings: one render per
language build. Re-read these templates when upgrading Material; the tests
compare the whole site with and without sharing.
"""

from __future__ import annotations

import posixpath
from collections.abc import Hashable, Iterator
from typing import Any

from jinja2 import Environment

from wardsite.fragmentcache import SharedFragments

#: Included templates whose text depends on the page only through the menu rules above.
MENU_TEMPLATES = ("partials/nav.html", "partials/tabs.html")
#: Included templates whose text is the same on every page of one language build.
LANGUAGE_TEMPLATES = ("partials/search.html", "partials/palette.html")


def _parts(url: str) -> list[str]:
    """``url``'s path segments as ``mkdocs.utils.get_relative_url`` compares them."""
    path = posixpath.normpath("/" + url)[1:]
    return path.split("/") if path else []


def _page_folder(url: str) -> list[str]:
    """The folder the ``url`` filter makes links relative to (a file name dropped)."""
    folder, _, name = url.rpartition("/")
    return _parts(folder if "." in name else url)


def _nav_urls(items: Any) -> Iterator[str]:
    for item in items:
        url = getattr(item, "url", None)
        if isinstance(url, str):
            yield url
        yield from _nav_urls(getattr(item, "children", None) or ())


class MenuKeys:
    """Keys for the menu templates (the navigation is the including context's ``nav``)."""

    def __init__(self) -> None:
        self._nav: Any = None
        self._in_menu: set[int] = set()
        self._targets: list[list[str]] = []

    def _learn(self, nav: Any) -> None:
        """The menu's pages and link targets (once per navigation, i.e. per language build)."""
        self._nav = nav
        self._in_menu = {id(page) for page in nav.pages}
        urls = [*_nav_urls(nav.items), *([nav.homepage.url] if nav.homepage else [])]
        self._targets = [_parts(url) for url in urls]

    def key(self, context: Any) -> Hashable | None:
        page, nav = context.get("page"), context.get("nav")
        # Duck-typed: MkDocs and ProperDocs each have their own Page and Navigation.
        if not isinstance(getattr(page, "url", None), str) or not hasattr(nav, "pages"):
            return None
        if nav is not self._nav:
            self._learn(nav)
        if id(page) in self._in_menu or any(item.active for item in nav.items):
            return None
        folder = _page_folder(page.url)
        if not folder or any(t[: len(folder)] == folder for t in self._targets):
            return None  # a menu item inside the page's own folder: its link differs
        return (tuple(folder[:-1]), context.get("base_url"))


def share_fragments(env: Environment, shared: SharedFragments) -> None:
    """Install the sharing of :data:`MENU_TEMPLATES` and :data:`LANGUAGE_TEMPLATES` in ``env``."""
    menu = MenuKeys()
    for name in MENU_TEMPLATES:
        shared.share(env, name, menu.key)
    for name in LANGUAGE_TEMPLATES:
        shared.share(env, name, lambda context: "")
