"""MkDocs entry points for the helpdesk FAQ (pages under ``faq/`` and ``en/faq/``).

Thin glue: the settings, the pull with its fallback, images and the page
Markdown live in ``wardsite.faq``; adding the pages to MkDocs in
``wardsite_mkdocs.faq_pages``. Settings: ``extra.faq`` in mkdocs.yml and the
``WARDSITE_FAQ_*`` environment variables (see ``wardsite.faq.settings``).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from wardsite.devloop import LOOP
from wardsite.errors import SiteInputError
from wardsite.faq import publish
from wardsite.faq import status as faq_status
from wardsite.faq.images import ImageStore
from wardsite.faq.pull import PullOutcome
from wardsite.faq.settings import FaqSettings, resolve_settings, state_path
from wardsite.lastupdated import format_date
from wardsite_mkdocs.faq_pages import add_faq_pages, guide_titles, route_faq_log
from wardsite_mkdocs.generated_pages import AFTER_I18N
from wardsite_mkdocs.i18n import build_language, is_nested_language_build, project_root

log = logging.getLogger("mkdocs.hooks.faq")

#: The FAQ a fresh clone publishes (refresh: see data/faq/README.md).
BUNDLED = "data/faq/snapshot/faq-snapshot.json"
route_faq_log(log)

_state: dict[str, object] = {}


# Runs after mkdocs-static-i18n's on_config (-100), like the other hooks; pulls
# once per `mkdocs build` (or per `serve` process), not again in each language's build.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if "outcome" in _state and (is_nested_language_build(config) or LOOP.serving):
        # `serve` keeps the FAQ it pulled at start-up: a save does not pull again.
        return config
    root = project_root(config)
    try:
        settings = resolve_settings(config.extra.get("faq"), os.environ)
        log.info(f"FAQ の取得元：{settings.describe()}")
        outcome = publish.obtain(settings, root, bundled_path=root / BUNDLED)
    except SiteInputError as exc:  # includes FaqStrictError
        raise PluginError(str(exc)) from None
    _record_status(settings, outcome, root)
    if outcome.fresh:
        log.info(f"FAQ：{len(outcome.snapshot.entries)}件を公開します（{outcome.mode}）。")
    else:
        log.info(
            f"FAQ：{len(outcome.snapshot.entries)}件を公開します。"
            f"各ページに注記「{outcome.staleness_note('ja')}」を付けます。"
        )
    _state.update(
        settings=settings, outcome=outcome, images=publish.image_store(settings, outcome, root)
    )
    return config


def _record_status(settings: FaqSettings, outcome: PullOutcome, root: Path) -> None:
    """``<state_dir>/faq-status.json`` for CI (``scripts/faq-status``); never fails the build."""
    base_url = str(settings.raw.get("base_url") or "")
    try:
        faq_status.record(
            state_path(settings, root).parent,
            live=settings.live,
            fresh=outcome.fresh,
            mode=outcome.mode,
            stale_kind=outcome.stale_kind,
            reason=outcome.reason,
            pulled_at=outcome.snapshot.pulled_at,
            entries=len(outcome.snapshot.entries),
            skipped=len(outcome.warnings),
            hide=(base_url, urlsplit(base_url).netloc),
        )
    except OSError as exc:
        log.warning(f"FAQ の状態ファイルを書けませんでした（{exc}）。")


# After mkdocs-static-i18n's on_files (-100): generated files added before it
# crash it or are dropped (see wardsite_mkdocs.generated_pages).
@event_priority(AFTER_I18N)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    outcome: PullOutcome = _state["outcome"]  # type: ignore[assignment]
    images: ImageStore = _state["images"]  # type: ignore[assignment]
    lang = build_language(config)
    org = config.extra["org"]
    pages = publish.pages_for(
        outcome,
        lang,
        helpdesk=org["helpdesk"],
        guides=guide_titles(files, org),
        images=images,
        directory_urls=config.use_directory_urls,
    )
    add_faq_pages(files, config, pages)
    _state["dates"] = {
        e.id: format_date(e.updated_at, lang) for e in outcome.snapshot.entries if e.locale == lang
    }
    return files


# pages_hook dates pages from git; FAQ pages have no file, they carry the
# helpdesk's own "updated" time.
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    faq_id = page.meta.get("faq_id")
    dates: dict[str, str] = _state.get("dates", {})  # type: ignore[assignment]
    if faq_id and not page.file.abs_src_path and faq_id in dates:
        page.meta["revision_date"] = dates[faq_id]
    return markdown


# After mkdocs-static-i18n's on_post_build (-100), which runs the other
# languages' builds: one copy of the images at the site root for every language.
@event_priority(-150)
def on_post_build(config: MkDocsConfig) -> None:
    if is_nested_language_build(config):
        return
    images: ImageStore | None = _state.get("images")  # type: ignore[assignment]
    settings: FaqSettings | None = _state.get("settings")  # type: ignore[assignment]
    if images is not None and settings is not None:
        copied = images.copy_used(Path(config.site_dir))
        if copied:
            log.info(f"FAQ の画像 {copied}件をサイトに入れました。")
