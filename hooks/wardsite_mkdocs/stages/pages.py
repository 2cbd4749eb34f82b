"""Page-level facts: front matter checks, "last updated" dates, untranslated pages."""

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
from wardsite_mkdocs.i18n import build_language, content_language
from wardsite_mkdocs.site_build import SiteBuild

log = logging.getLogger("mkdocs.hooks.pages")


class PagesStage:
    def __init__(self) -> None:
        self.dates: dict[Path, datetime] = {}

    def read_history(self, build: SiteBuild, config: MkDocsConfig) -> None:
        self.dates = git_dates(build.docs_dir)

    def page_facts(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        try:
            check_front_matter(page.meta, page.file.src_uri)
        except SiteInputError as exc:
            log.warning(str(exc))
        page_lang = build_language(config)
        if page.file.abs_src_path:
            moment = last_updated(Path(page.file.abs_src_path), self.dates)
            page.meta["revision_date"] = format_date(moment, page_lang)
        content_lang = content_language(page, config)
        if content_lang != page_lang:
            # Material's search plugin reads page.meta["search"]["boost"] when it indexes the page.
            search = dict(page.meta.get("search") or {})
            search["boost"] = search_boost(float(search.get("boost", 1)), page_lang, content_lang)
            page.meta["search"] = search
        return add_untranslated_note(markdown, page_lang, content_lang)

    def mark_language(self, html: str, page: Page, config: MkDocsConfig) -> str:
        return mark_content_language(html, build_language(config), content_language(page, config))
