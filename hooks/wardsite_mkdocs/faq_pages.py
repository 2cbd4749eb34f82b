"""FAQ pages into a MkDocs build: the guides they may link to, the pages, their log.

The FAQ itself (pull, snapshot, rendering) is :mod:`wardsite.faq`; this module only
knows MkDocs' files and logging.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from wardsite import placeholders, yamlfile
from wardsite.errors import SiteInputError
from wardsite.faq.publish import FaqPage
from wardsite.faq.sources.base import SKIPPED_LOGGER
from wardsite_mkdocs.generated_pages import GeneratedPage, add_pages


def guide_titles(files: Files, org: Mapping[str, Any]) -> dict[str, str]:
    """Guide path without ``.md`` (``account/password-reset``) → its title, for this build.

    After mkdocs-static-i18n's ``on_files`` the files are those of the language
    being built (its translation, or the Japanese page as a fallback).
    """
    titles: dict[str, str] = {}
    for file in files.documentation_pages():
        if not file.abs_src_path:
            continue  # generated pages (FAQ, sessions) are not guides
        title = _front_matter_title(Path(file.abs_src_path))
        if not title:
            continue
        with contextlib.suppress(SiteInputError):  # the org stage reports it on the page itself
            title = placeholders.expand(title, org, file.src_uri)
        neutral = getattr(file, "norm_src_uri", file.src_uri)
        titles[neutral.removesuffix(".md")] = title
    return titles


def add_faq_pages(files: Files, config: MkDocsConfig, pages: Iterable[FaqPage]) -> list[File]:
    """Add the pages; only the FAQ overview is meant for the menu."""
    pages = list(pages)
    in_nav = {p.src_uri for p in pages if p.in_nav}
    added = add_pages(
        files,
        config,
        (GeneratedPage(p.src_uri, p.markdown, p.lang) for p in pages),
        fallback_to_default=False,
    )
    for file in added:
        if file.src_uri not in in_nav:
            # Thousands of entries stay out of the menu without an "omitted" line each.
            file.inclusion = InclusionLevel.NOT_IN_NAV
    return added


class _ToBuildLog(logging.Handler):
    """Re-emit ``wardsite.faq`` records (already redacted) in MkDocs' log.

    The helpdesk being down must not fail ``mkdocs build --strict``, which counts
    warnings: it stays INFO (every FAQ page carries a note; FAQ strict mode is the
    switch that stops the build). An article or category skipped for bad data
    (``wardsite.faq.skipped``) is a WARNING: nobody would notice it otherwise.
    """

    HANDLER_NAME = "wardsite-faq-to-mkdocs"

    def __init__(self, target: logging.Logger) -> None:
        super().__init__(logging.INFO)
        self.target = target

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == SKIPPED_LOGGER and record.levelno >= logging.WARNING:
            self.target.warning("FAQ: %s", record.getMessage())
        else:
            self.target.info("FAQ: %s", record.getMessage())


def route_faq_log(target: logging.Logger) -> None:
    """Send the FAQ core's log to ``target`` once (hooks are reloaded by ``mkdocs serve``)."""
    source = logging.getLogger("wardsite.faq")
    for handler in list(source.handlers):
        if handler.get_name() == _ToBuildLog.HANDLER_NAME:
            source.removeHandler(handler)
    handler = _ToBuildLog(target)
    handler.set_name(_ToBuildLog.HANDLER_NAME)
    source.addHandler(handler)
    source.setLevel(logging.INFO)
    source.propagate = False


def _front_matter_title(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    if not text.startswith("---"):
        return None
    head = text[3:].split("\n---", 1)[0]
    try:
        meta = yamlfile.safe_load(head)
    except yaml.YAMLError:
        return None
    title = meta.get("title") if isinstance(meta, dict) else None
    return title.strip() if isinstance(title, str) and title.strip() else None
