"""Site announcements (``data/announcements.yml``): banner, home page list, JSON.

Reading and checking the file and the markup live in ``wardsite.announcements``.
The banner goes into Material's announcement area (``{% block announce %}`` in
overrides/main.html), the list replaces ``{{ announcements }}`` on the home
page, and ``assets/announcements.json`` lets the browser choose the current
announcements at view time (overrides/assets/javascripts/announcements.js).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wardsite.announcements.model import (
    Announcement,
    AnnouncementFile,
    check_links,
    load_announcements,
)
from wardsite.announcements.render import (
    announcements_json,
    banner_html,
    banner_items,
    list_html,
)
from wardsite_mkdocs.i18n import build_language, neutral_src_uri
from wardsite_mkdocs.site_build import SiteBuild

log = logging.getLogger("mkdocs.hooks.announcements")

#: The announcements file, beside mkdocs.yml.
DATA_FILE = Path("data") / "announcements.yml"
#: What the home page writes where the list goes.
PLACEHOLDER = "{{ announcements }}"
#: Written into the built site for announcements.js.
JSON_FILE = Path("assets") / "announcements.json"


class AnnouncementsStage:
    def __init__(self) -> None:
        self.build: SiteBuild | None = None
        self.loaded = AnnouncementFile((), ())
        #: Announcements whose links were checked, per language built.
        self.items: dict[str, tuple[Announcement, ...]] = {}

    def load(self, build: SiteBuild, config: MkDocsConfig) -> None:
        self.build = build
        self.loaded = load_announcements(build.root / DATA_FILE, build.docs_dir)
        self.items = {}
        for error in self.loaded.errors:
            log.warning(str(error))  # --strict turns these into a failed build
        build.watch(config, build.root / DATA_FILE)

    def check_links(self, build: SiteBuild, files: Files, config: MkDocsConfig) -> None:
        """After the generated pages are added, so a link may point at one of them."""
        lang = build_language(config)
        pages = {getattr(f, "norm_src_uri", f.src_uri) for f in files.documentation_pages()}
        checked = check_links(self.loaded, pages)
        self.items[lang] = checked.announcements
        if lang == build.default:
            for error in checked.errors[len(self.loaded.errors) :]:
                log.warning(str(error))

    def _now_and_items(self, lang: str) -> tuple[Any, tuple[Announcement, ...]]:
        build = self.build
        if build is None:
            return None, ()
        return build.started, self.items.get(lang, self.loaded.announcements)

    def page_list(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        if PLACEHOLDER not in markdown or self.build is None:
            return markdown
        lang = build_language(config)
        now, items = self._now_and_items(lang)
        base = get_relative_url(".", page.url or ".")
        html = list_html(items, now, lang, base, self.build.prefix(lang))
        return markdown.replace(PLACEHOLDER, f"\n\n{html}\n\n")

    def page_banner(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> None:
        src = neutral_src_uri(page)
        section = src.split("/", 1)[0] if "/" in src else ""
        context["ward_announcements"] = self._banner(config, context, section)

    def template_banner(self, context: dict[str, Any], name: str, config: MkDocsConfig) -> None:
        # Pages without a source file (404.html) get the banners for every section.
        context["ward_announcements"] = self._banner(config, context, "")

    def _banner(self, config: MkDocsConfig, context: dict[str, Any], section: str) -> str:
        if self.build is None:
            return ""
        lang = build_language(config)
        now, items = self._now_and_items(lang)
        base = str(context.get("base_url") or ".")
        return banner_html(banner_items(items, now, section), lang, base, self.build.prefix(lang))

    def write_json(self, build: SiteBuild, config: MkDocsConfig) -> None:
        """One file at the site root for every language (checked as the default language)."""
        _, items = self._now_and_items(build.default)
        prefixes = {lang: build.prefix(lang) for lang in build.languages}
        target = Path(config.site_dir) / JSON_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(announcements_json(items, build.started, prefixes), encoding="utf-8")
