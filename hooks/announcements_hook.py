"""MkDocs entry points for site announcements (``data/announcements.yml``).

Thin glue: reading and checking the file and the markup live in
``wardsite.announcements``. The banner goes into Material's announcement area
(``{% block announce %}`` in overrides/main.html), the list replaces
``{{ announcements }}`` on the home page, and ``assets/announcements.json``
lets the browser choose the current announcements at view time
(overrides/assets/javascripts/announcements.js).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wardsite.announcements.model import Announcement, check_links, load_announcements
from wardsite.announcements.render import (
    announcements_json,
    banner_html,
    banner_items,
    list_html,
)
from wardsite_mkdocs.generated_pages import AFTER_I18N
from wardsite_mkdocs.i18n import (
    build_language,
    default_language,
    is_default_build,
    is_nested_language_build,
    project_root,
    site_languages,
)

log = logging.getLogger("mkdocs.hooks.announcements")

#: The announcements file, beside mkdocs.yml.
DATA_FILE = Path("data") / "announcements.yml"
#: What the home page writes where the list goes.
PLACEHOLDER = "{{ announcements }}"
#: Written into the built site for announcements.js.
JSON_FILE = Path("assets") / "announcements.json"

_state: dict[str, Any] = {"items": (), "now": None}


def _items() -> tuple[Announcement, ...]:
    return _state["items"]


def _now() -> dt.datetime:
    return _state["now"]


def _prefix(config: MkDocsConfig) -> str:
    lang = build_language(config)
    return "" if lang == default_language(config) else f"{lang}/"


# After mkdocs-static-i18n's on_config (-100), which sets the build's language.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = project_root(config)
    found = load_announcements(root / DATA_FILE, Path(config.docs_dir))
    _state["loaded"] = found
    _state["items"] = found.announcements
    if is_default_build(config):
        # One moment for the whole build (both languages).
        _state["now"] = dt.datetime.now(dt.UTC)
        for error in found.errors:
            log.warning(str(error))  # --strict turns these into a failed build
    elif _state["now"] is None:
        _state["now"] = dt.datetime.now(dt.UTC)
    path = str(root / DATA_FILE)
    if path not in config.watch:
        config.watch.append(path)
    return config


# After the pages generated from data (FAQ, sessions) are added, so a link
# may point at one of them.
@event_priority(AFTER_I18N - 50)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = {getattr(f, "norm_src_uri", f.src_uri) for f in files.documentation_pages()}
    loaded = _state["loaded"]
    checked = check_links(loaded, pages)
    _state["items"] = checked.announcements
    if is_default_build(config):
        for error in checked.errors[len(loaded.errors) :]:
            log.warning(str(error))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    if PLACEHOLDER not in markdown:
        return markdown
    base = get_relative_url(".", page.url or ".")
    html = list_html(_items(), _now(), build_language(config), base, _prefix(config))
    return markdown.replace(PLACEHOLDER, f"\n\n{html}\n\n")


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **_: object
) -> dict[str, Any]:
    src = getattr(page.file, "norm_src_uri", page.file.src_uri)
    section = src.split("/", 1)[0] if "/" in src else ""
    context["ward_announcements"] = _banner(config, context, section)
    return context


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    # Pages without a source file (404.html) get the banners for every section.
    context["ward_announcements"] = _banner(config, context, "")
    return context


def _banner(config: MkDocsConfig, context: dict[str, Any], section: str) -> str:
    items = banner_items(_items(), _now(), section)
    base = str(context.get("base_url") or ".")
    return banner_html(items, build_language(config), base, _prefix(config))


# After mkdocs-static-i18n's on_post_build (-100): only the outer build writes
# the file, at the site root, for every language.
@event_priority(-150)
def on_post_build(config: MkDocsConfig) -> None:
    if is_nested_language_build(config):
        return
    languages, default = site_languages(config)
    prefixes = {lang: "" if lang == default else f"{lang}/" for lang in languages}
    target = Path(config.site_dir) / JSON_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(announcements_json(_items(), _now(), prefixes), encoding="utf-8")
