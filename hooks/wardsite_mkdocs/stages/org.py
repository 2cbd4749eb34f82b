"""org.yml: read once per build, localised for each language, filled into pages."""

from __future__ import annotations

import logging
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from wardsite import placeholders
from wardsite.errors import SiteInputError
from wardsite.org import load_org, localized, org_config
from wardsite_mkdocs.i18n import build_language
from wardsite_mkdocs.site_build import SiteBuild

log = logging.getLogger("mkdocs.hooks.org")

ORG_FILE = "org.yml"


class OrgStage:
    def __init__(self) -> None:
        self.raw: dict[str, Any] = {}

    def load(self, build: SiteBuild, config: MkDocsConfig) -> None:
        try:
            self.raw = load_org(build.root / ORG_FILE)
        except SiteInputError as exc:
            raise PluginError(str(exc)) from None

    def facts(self, lang: str) -> dict[str, Any]:
        return localized(self.raw, lang)

    def localize(self, build: SiteBuild, config: MkDocsConfig) -> None:
        lang = build_language(config)
        config.extra["org"] = self.facts(lang)  # templates and pages quote any key: {{ org.x }}
        site = org_config(self.raw, lang).site
        config.site_name = site.name
        config.site_description = site.description
        config.copyright = site.copyright

    def fill_placeholders(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        org = config.extra["org"]
        try:
            placeholders.expand_meta(page.meta, org, page.file.src_uri)
            return placeholders.expand(markdown, org, page.file.src_uri)
        except SiteInputError as exc:
            log.warning(str(exc))
            return markdown
