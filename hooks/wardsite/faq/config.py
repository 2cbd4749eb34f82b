"""The ``faq:`` settings (from mkdocs.yml, later) → a source, pull options and paths.

Example::

    faq:
      adapter: zendesk            # zendesk | json | file
      base_url: https://example.zendesk.com
      locales: [ja, en-us]
      exclude_sections: ["360000000009"]
      allowed_user_segments: []   # zendesk: segment ids this site may show (see below)
      token_env: WARD_FAQ_TOKEN   # the token itself only ever comes from the environment
      email_env: WARD_FAQ_EMAIL   # optional: Zendesk "{email}/token" basic auth
      strict: false
      state_dir: .cache/faq
      timeouts: {connect: 5, read: 15, total: 30}
      retries: 3
      max_entries: 5000
      max_bytes: 10485760

``allowed_user_segments``: by default only articles the helpdesk shows to everyone
are published. List a Zendesk user segment id here only when every reader of this
site belongs to that segment's audience, e.g. the built-in "Signed-in users"
segment when the site itself requires the ward's Entra ID sign-in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wardsite.errors import SiteInputError
from wardsite.faq.http import HttpClient, HttpLimits
from wardsite.faq.pull import PullOptions
from wardsite.faq.sources.base import DEFAULT_MAX_ENTRIES, FaqSource
from wardsite.faq.sources.jsonfeed import JsonFeedConfig, JsonFeedSource
from wardsite.faq.sources.spreadsheet import SpreadsheetConfig, SpreadsheetSource
from wardsite.faq.sources.zendesk import ZendeskConfig, ZendeskSource

ADAPTERS = ("zendesk", "json", "file")


@dataclass(frozen=True)
class FaqSetup:
    source: FaqSource
    options: PullOptions
    state_path: Path


def setup_from_config(raw: Mapping[str, Any], *, root: Path, where: str = "mkdocs.yml") -> FaqSetup:
    """Validate the settings; raise SiteInputError naming the field and the fix."""

    def field_error(name: str, problem: str, fix: str) -> SiteInputError:
        return SiteInputError(where, f"faq.{name}", problem, fix)

    if "token" in raw or "password" in raw:
        raise field_error(
            "token",
            "に秘密の値が直接書かれています。",
            "token_env に環境変数の名前を書き、値は環境変数で渡してください。",
        )
    adapter = str(raw.get("adapter") or "")
    if adapter not in ADAPTERS:
        raise field_error(
            "adapter",
            f"「{adapter}」は使えません。",
            "zendesk・json・file のどれかにしてください。",
        )
    locales = tuple(str(x) for x in raw.get("locales") or ("ja", "en-us"))
    include = raw.get("include_sections")
    include_set = frozenset(str(x) for x in include) if include else None
    exclude = frozenset(str(x) for x in raw.get("exclude_sections") or ())
    max_entries = int(raw.get("max_entries") or DEFAULT_MAX_ENTRIES)
    segments = raw.get("allowed_user_segments") or []
    if not isinstance(segments, list) or not all(
        isinstance(x, int | str) and not isinstance(x, bool) and str(x).strip().isdigit()
        for x in segments
    ):
        raise field_error(
            "allowed_user_segments",
            "がユーザーセグメントの番号の一覧になっていません。",
            "ヘルプデスクのユーザーセグメントの番号（数字）を [360000777] のように並べてください。"
            "全員に公開の記事だけを載せるなら [] にします。",
        )
    allowed = frozenset(str(int(str(x).strip())) for x in segments)
    timeouts = raw.get("timeouts") or {}
    limits = HttpLimits(
        connect_timeout=float(timeouts.get("connect", 5)),
        read_timeout=float(timeouts.get("read", 15)),
        total_timeout=float(timeouts.get("total", 30)),
        retries=int(raw.get("retries", 3)),
        max_bytes=int(raw.get("max_bytes") or HttpLimits.max_bytes),
    )
    state_path = root / str(raw.get("state_dir") or ".cache/faq") / "faq-snapshot.json"
    options = PullOptions(strict=bool(raw.get("strict", False)))

    source: FaqSource
    if adapter == "file":
        path = raw.get("path")
        if not path:
            raise field_error(
                "path", "がありません。", "CSV か XLSX のファイルの場所を書いてください。"
            )
        source = SpreadsheetSource(
            SpreadsheetConfig(root / str(path), locales, exclude, max_entries)
        )
        return FaqSetup(source, options, state_path)
    base_url = str(raw.get("base_url") or "")
    if not base_url.startswith(("http://", "https://")):
        raise field_error(
            "base_url",
            "が http(s):// で始まっていません。",
            "ヘルプデスクの URL を書いてください。",
        )
    client = HttpClient(
        base_url,
        token_env=raw.get("token_env"),
        email_env=raw.get("email_env"),
        limits=limits,
    )
    if adapter == "zendesk":
        source = ZendeskSource(
            ZendeskConfig(
                base_url,
                locales,
                include_set,
                exclude,
                max_entries=max_entries,
                allowed_user_segments=allowed,
            ),
            client,
        )
    else:
        feed = str(raw.get("feed_path") or "faq-feed/v1/entries.json")
        source = JsonFeedSource(
            JsonFeedConfig(feed, locales, include_set, exclude, max_entries), client
        )
    return FaqSetup(source, options, state_path)
