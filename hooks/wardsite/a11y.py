"""Accessibility fixes applied to the HTML that Markdown and Material write.

Two things a browser script cannot do as well:

- pymdownx.tasklist (``custom_checkbox``) wraps only the box in its
  ``<label>``; the item's text sits outside it, so a screen reader announces
  "checkbox, disabled" with no name. Each box gets ``aria-labelledby``
  pointing at its item's text.
- Material names several landmarks alike (the breadcrumbs and the main
  navigation are both "ナビゲーション", the two tables of contents both
  "目次") and leaves others unnamed (the search dialog and its search
  landmark, the "last updated" aside, the nested navigation of a section
  with an index page). Each gets a distinct name in the page's language.
"""

from __future__ import annotations

import re

_TASK = re.compile(
    r'(<label class="task-list-control">\s*<input type="checkbox")([^>]*?)(\s*/?>)'
    r"(.*?</label>)"
    # The item's own text: up to a nested list, the end of the item or paragraph.
    r"(.*?)(?=<ul|<ol|</li>|</p>|<div)",
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")

TASK_ID_PREFIX = "task-item-"


def label_task_items(html: str) -> str:
    """Give every task-list checkbox an accessible name: the text of its item."""
    count = 0

    def name(match: re.Match[str]) -> str:
        nonlocal count
        opening, attrs, close, rest, text = match.groups()
        if "aria-label" in attrs or not _TAG.sub("", text).strip():
            return match.group(0)
        count += 1
        ident = f"{TASK_ID_PREFIX}{count}"
        return (
            f'{opening}{attrs} aria-labelledby="{ident}"{close}{rest}'
            f'<span id="{ident}">{text}</span>'
        )

    return _TASK.sub(name, html)


#: Landmark names by language.
_NAMES = {
    "ja": {
        "breadcrumbs": "パンくずリスト",
        "search_dialog": "サイト内検索",
        "search_options": "検索の操作",
        "page_info": "ページの情報",
        "search_form": "サイト内検索",
        "toc_in_drawer": "このページの目次（メニュー内）",
        "footer": "前後のページ",
    },
    "en": {
        "breadcrumbs": "Breadcrumbs",
        "search_dialog": "Site search",
        "search_options": "Search options",
        "page_info": "About this page",
        "search_form": "Site search",
        "toc_in_drawer": "Table of contents (in the menu)",
        "footer": "Previous and next page",
    },
}

#: Material's landmarks to (re)name: (key in _NAMES, opening of the element up
#: to where the name goes, whether Material already gives it an aria-label).
_LANDMARKS = [
    ("breadcrumbs", '<nav class="md-path"', True),
    ("search_dialog", '<div class="md-search" data-md-component="search" role="dialog"', False),
    ("search_options", '<nav class="md-search__options"', True),
    # The search landmark in the dialog (the home page has a search form of its own).
    ("search_form", '<div class="md-search__inner" role="search"', False),
    ("page_info", '<aside class="md-source-file"', False),
    ("footer", '<nav class="md-footer__inner md-grid"', True),
]
_REWRITES = [
    (key, re.compile(f"({re.escape(opening)})" + (' aria-label="[^"]*"' if named else "(?=>)")))
    for key, opening, named in _LANDMARKS
]

# The table of contents inside the primary navigation (shown in the drawer on
# narrow screens) repeats the name of the one in the secondary sidebar.
_DRAWER_TOC = re.compile(
    r'(<label class="md-nav__link md-nav__link--active" for="__toc">.*?'
    r'<nav class="md-nav md-nav--secondary") aria-label="[^"]*"',
    re.DOTALL,
)
# A section with an index page: Material labels its nested navigation by the
# expand arrow next to the page link, which has no text, so every such
# navigation is an unnamed landmark. Name it by its own title instead.
_NESTED_NAV = re.compile(
    r'(<nav class="md-nav" data-md-level="\d+") aria-labelledby="[^"]*"([^>]*>\s*'
    r'<label class="md-nav__title" for="[^"]*">)(.*?)(</label>)',
    re.DOTALL,
)
_LANG = re.compile(r'<html[^>]*\slang="([^"]+)"')


def name_landmarks(html: str) -> str:
    """Give Material's landmarks distinct names in the language of the page."""
    match = _LANG.search(html)
    lang = match.group(1).split("-")[0] if match else "ja"
    names = _NAMES.get(lang, _NAMES["en"])
    for key, pattern in _REWRITES:
        html = pattern.sub(rf'\1 aria-label="{names[key]}"', html, count=1)
    html = _NESTED_NAV.sub(_name_nested_nav, html)
    return _DRAWER_TOC.sub(rf'\1 aria-label="{names["toc_in_drawer"]}"', html, count=1)


def _name_nested_nav(match: re.Match[str]) -> str:
    opening, rest, title, close = match.groups()
    name = re.sub(r"\s+", " ", _TAG.sub("", title)).strip()
    if not name:
        return match.group(0)
    return f'{opening} aria-label="{name}"{rest}{title}{close}'
