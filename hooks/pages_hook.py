"""MkDocs entry points for page-level facts: front matter checks,
"last updated" dates and the note on untranslated pages."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from wardsite.errors import SiteInputError
from wardsite.lastupdated import format_date, git_dates, last_updated
from wardsite.pagemeta import check_front_matter
from wardsite.translation import add_untranslated_note, mark_content_language, search_boost

log = logging.getLogger("mkdocs.hooks.pages")

_dates: dict[Path, datetime] = {}


def on_config(config: MkDocsConfig) -> None:
    # Read git history once per build rather than once per page.
    _dates.clear()
    _dates.update(git_dates(Path(config.docs_dir)))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    try:
        check_front_matter(page.meta, page.file.src_uri)
    except SiteInputError as exc:
        log.warning(str(exc))
    page_lang = config.theme["language"]
    if page.file.abs_src_path:
        moment = last_updated(Path(page.file.abs_src_path), _dates)
        page.meta["revision_date"] = format_date(moment, page_lang)
    content_lang = _content_lang(page, config)
    if content_lang != page_lang:
        # Material's search plugin reads page.meta["search"]["boost"] when it indexes the page.
        search = dict(page.meta.get("search") or {})
        search["boost"] = search_boost(float(search.get("boost", 1)), page_lang, content_lang)
        page.meta["search"] = search
    return add_untranslated_note(markdown, page_lang, content_lang)


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    return mark_content_language(html, config.theme["language"], _content_lang(page, config))


def _content_lang(page: Page, config: MkDocsConfig) -> str:
    # mkdocs-static-i18n marks each file with the language its content is in.
    return getattr(page.file, "locale", config.theme["language"])
