"""What one site build does with the FAQ: get a snapshot once, then pages per language.

:func:`obtain` turns :class:`~wardsite.faq.config.FaqConfig` into a
:class:`~wardsite.faq.pull.PullOutcome` (the bundled snapshot when no helpdesk is
configured, else a pull with fallback); :func:`pages_for` renders the pages of one
language at language-neutral paths (``faq/<id>.md``), whatever the language. No MkDocs here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wardsite.errors import SiteInputError
from wardsite.faq.config import FaqConfig, require_source
from wardsite.faq.images import SITE_DIR, ImageStore
from wardsite.faq.pull import BUNDLED_SNAPSHOT, PullOptions, PullOutcome, pull_faq
from wardsite.faq.render import DEFAULT_LANG, RenderContext, page_path, render_language
from wardsite.faq.snapshot import Snapshot, load_snapshot
from wardsite.faq.sources.base import FaqSource
from wardsite.faq.sources.jsonfeed import JsonFeedConfig, JsonFeedSource
from wardsite.faq.sources.spreadsheet import SpreadsheetConfig, SpreadsheetSource
from wardsite.faq.sources.zendesk import ZendeskConfig, ZendeskSource

#: The FAQ overview, the one FAQ page in the menu.
INDEX_PATH = page_path("index")


@dataclass(frozen=True)
class FaqPage:
    """``src_uri`` is language-neutral (``faq/123.md``); ``lang`` the content's language."""

    src_uri: str
    markdown: str
    lang: str
    in_nav: bool = False


def make_source(config: FaqConfig, root: Path) -> FaqSource:
    """The helpdesk, feed or file ``config`` names; SiteInputError when its address is missing."""
    require_source(config)
    if config.adapter == "file":
        return SpreadsheetSource(
            SpreadsheetConfig(
                root / config.path, config.locales, config.exclude_sections, config.max_entries
            )
        )
    client = config.client()
    if config.adapter == "zendesk":
        return ZendeskSource(
            ZendeskConfig(
                config.locales,
                config.include_sections,
                config.exclude_sections,
                max_entries=config.max_entries,
                allowed_user_segments=config.allowed_user_segments,
            ),
            client,
        )
    return JsonFeedSource(
        JsonFeedConfig(
            config.feed_path,
            config.locales,
            config.include_sections,
            config.exclude_sections,
            config.max_entries,
        ),
        client,
    )


def obtain(config: FaqConfig, root: Path, *, bundled_path: Path = BUNDLED_SNAPSHOT) -> PullOutcome:
    """The FAQ to publish; SiteInputError (FaqStrictError in strict mode) stops the build."""
    if not config.live:
        if config.strict:
            raise SiteInputError(
                "mkdocs.yml",
                "extra.faq.strict",
                "が有効ですが、ヘルプデスクの接続先（base_url）が設定されていません。",
                "環境変数 WARDSITE_FAQ_BASE_URL か extra.faq.base_url に接続先を書くか、"
                "strict を外してください。",
            )
        snapshot = load_snapshot(bundled_path) or Snapshot("bundled", datetime.now(UTC))
        return PullOutcome(snapshot, "bundled", stale_kind="offline", reason="接続先が未設定")
    source = make_source(config, root)
    try:
        return pull_faq(
            source,
            config.state_path(root),
            bundled_path=bundled_path,
            options=PullOptions(strict=config.strict),
        )
    finally:
        client = getattr(source, "client", None)
        if client is not None:
            client.close()


def image_store(config: FaqConfig, outcome: PullOutcome, root: Path) -> ImageStore:
    """Downloads only after a fresh pull from a web helpdesk; otherwise the copies on disk."""
    cache = config.state_path(root).parent / "images"
    if not (config.web and outcome.fresh):
        return ImageStore(cache)
    return ImageStore(cache, config.image_client())


def pages_for(
    outcome: PullOutcome,
    lang: str,
    *,
    helpdesk: Mapping[str, Any],
    guides: Mapping[str, str],
    images: ImageStore | None = None,
    directory_urls: bool = True,
) -> list[FaqPage]:
    """Every FAQ page of ``lang``: entries, categories, withdrawn entries and the overview.

    Only entries written in ``lang`` are published in it (Japanese entries are not
    copied under ``/en/``). The overview always exists, so the menu link never breaks.
    """
    snap = outcome.snapshot
    depth = 2 if directory_urls else 1  # faq/<id>/ or faq/<id>.html
    if lang != DEFAULT_LANG:
        depth += 1  # en/faq/<id>/
    handler: Callable[[str], str | None] | None = None
    if images is not None:
        handler = images.handler("../" * depth + SITE_DIR + "/")
    ctx = RenderContext(
        lang,
        helpdesk,
        guides,
        outcome.staleness_note(lang),
        hosts=snap.hosts,
        image_handler=handler,
        published=frozenset(e.key for e in snap.entries),
    )
    return [
        FaqPage(p.path, p.text, lang, in_nav=p.path == INDEX_PATH)
        for p in render_language(snap, ctx)
    ]
