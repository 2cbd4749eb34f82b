"""Our own JSON feed, served by the local helpdesk from the same sample."""

from __future__ import annotations

import json
from pathlib import Path

from support.faqdesk import FAST, INTERNAL_SECTION, Helpdesk
from wardsite.faq.http import HttpClient
from wardsite.faq.sources.jsonfeed import JsonFeedConfig, JsonFeedSource

SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "faq-feed.schema.json"


def test_feed_pages_are_followed(helpdesk: Helpdesk) -> None:
    client = HttpClient(helpdesk.base_url, limits=FAST)
    config = JsonFeedConfig(
        "faq-feed/v1/entries.json", exclude_sections=frozenset({INTERNAL_SECTION})
    )
    result = JsonFeedSource(config, client).fetch_all()
    assert len([e for e in result.entries if e.locale == "ja"]) >= 80
    assert any(e.locale == "en" for e in result.entries)
    assert all(e.category_id != INTERNAL_SECTION for e in result.entries)
    assert client.requests_made >= 4  # 25 per page
    assert result.complete


def test_schema_is_valid_json_and_names_required_fields() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    entry = schema["$defs"]["entry"]
    assert set(entry["required"]) >= {"id", "question", "answer", "category", "updated_at"}
    assert schema["required"] == ["version", "entries", "next"]
