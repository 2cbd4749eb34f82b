"""Our own JSON feed, served by the local helpdesk from the same sample."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from support.faqdesk import FAST, INTERNAL_SECTION, Helpdesk
from support.httpserver import serve_directory
from wardsite.faq.errors import FaqSourceError
from wardsite.faq.feedschema import check_page
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


EXAMPLE = SCHEMA.parent / "examples" / "faq-feed.example.json"


def test_example_feed_follows_the_schema_and_is_read() -> None:
    page = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    check = check_page(page)
    assert check.frame == [] and check.items == {}
    with serve_directory(EXAMPLE.parent) as base:
        client = HttpClient(base + "/", limits=FAST)
        result = JsonFeedSource(JsonFeedConfig(EXAMPLE.name), client).fetch_all()
    assert sorted(e.locale for e in result.entries) == ["en", "ja"]
    assert result.warnings == []


def test_local_helpdesk_feed_follows_the_schema(helpdesk: Helpdesk) -> None:
    url: str | None = helpdesk.base_url + "/faq-feed/v1/entries.json"
    pages = 0
    while url:
        with urllib.request.urlopen(url, timeout=10) as response:
            page = json.loads(response.read())
        check = check_page(page)
        assert (check.frame, check.items) == ([], {}), url
        url, pages = page["next"], pages + 1
    assert pages >= 4


def test_feed_breaking_the_schema_is_refused_in_japanese(tmp_path: Path) -> None:
    page = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    page["version"] = 2
    del page["next"]
    (tmp_path / "feed.json").write_text(json.dumps(page), encoding="utf-8")
    with serve_directory(tmp_path) as base:
        source = JsonFeedSource(JsonFeedConfig("feed.json"), HttpClient(base + "/", limits=FAST))
        with pytest.raises(FaqSourceError) as caught:
            source.fetch_all()
    message = caught.value.reason
    assert "schemas/faq-feed.schema.json" in message
    assert "next がありません" in message and "version は 1 にします" in message


def test_entry_breaking_the_schema_is_left_out_with_a_warning(tmp_path: Path) -> None:
    page = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    page["entries"][0]["question"] = "長" * 201
    page["entries"][1]["id"] = "../secret"
    (tmp_path / "feed.json").write_text(json.dumps(page), encoding="utf-8")
    with serve_directory(tmp_path) as base:
        source = JsonFeedSource(JsonFeedConfig("feed.json"), HttpClient(base + "/", limits=FAST))
        result = source.fetch_all()
    assert result.entries == []
    assert any(
        "entries の1番目の question が長すぎます（200文字まで）" in w for w in result.warnings
    )
    assert any("entries の2番目の id" in w and "使えない形" in w for w in result.warnings)
