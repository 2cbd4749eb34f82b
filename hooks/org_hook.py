"""MkDocs entry points for the organisation facts in ``org.yml``.

Thin glue: loading, validation and placeholder filling live in
``wardsite.org`` and ``wardsite.placeholders``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from wardsite import placeholders
from wardsite.errors import SiteInputError
from wardsite.org import load_org, localized

log = logging.getLogger("mkdocs.hooks.org")


# Runs after mkdocs-static-i18n's on_config (-100), which sets theme.language
# for the language being built, so facts are localised for that language.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    org_file = Path(config.config_file_path).parent / "org.yml"
    try:
        org = localized(load_org(org_file), config.theme["language"])
    except SiteInputError as exc:
        raise PluginError(str(exc)) from None
    config.extra["org"] = org
    config.site_name = org["site"]["name"]
    config.site_description = org["site"]["description"]
    config.copyright = org["site"].get("copyright")
    return config


# Runs last among Markdown hooks so notes added by other hooks get filled in too.
@event_priority(-100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    org = config.extra["org"]
    try:
        placeholders.expand_meta(page.meta, org, page.file.src_uri)
        return placeholders.expand(markdown, org, page.file.src_uri)
    except SiteInputError as exc:
        log.warning(str(exc))
        return markdown
