"""Adapter for our own JSON FAQ feed (``schemas/faq-feed.schema.json``), for non-Zendesk vendors.

Each page is first checked against the schema (``wardsite.faq.feedschema``): a
page with a broken frame is refused, an entry breaking the schema is left out
with a warning; this module then reads only fields the schema has vouched for.

A feed is one or more pages; each page is an object with ``entries`` (and, on any
page, ``categories``) and ``next``: the URL of the next page, or null. Answers are
Markdown (``answer_format: "markdown"``, the default) or HTML; Markdown is turned
into HTML here and sanitised like any helpdesk HTML later. The feed has no change
list, so ``fetch_changes`` reads the whole feed (it is small by design).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import markdown

from wardsite.faq.errors import FaqSourceError
from wardsite.faq.feedschema import SCHEMA_PATH, check_page
from wardsite.faq.http import HttpClient
from wardsite.faq.model import make_category, make_entry
from wardsite.faq.sources.base import (
    DEFAULT_MAX_ENTRIES,
    SourceResult,
    collect,
    collect_category,
    skipped,
)

PUBLISHED = "published"
SCHEMA_NAME = f"schemas/{SCHEMA_PATH.name}"


@dataclass
class JsonFeedConfig:
    url: str
    locales: tuple[str, ...] = ("ja", "en")
    include_sections: frozenset[str] | None = None
    exclude_sections: frozenset[str] = frozenset()
    max_entries: int = DEFAULT_MAX_ENTRIES
    max_pages: int = 200


def answer_to_html(answer: str, answer_format: str) -> str:
    """Markdown answers become HTML (sanitised later); HTML answers pass as they are."""
    if answer_format == "html":
        return answer
    return markdown.markdown(answer, extensions=["tables", "sane_lists"], output_format="html")


class JsonFeedSource:
    name = "json"

    def __init__(self, config: JsonFeedConfig, client: HttpClient) -> None:
        self.config = config
        self.client = client
        self.locales = {loc.lower().split("-")[0] for loc in config.locales}

    def fetch_changes(self, cursor: int) -> SourceResult:
        return self.fetch_all()

    def fetch_all(self) -> SourceResult:
        result = SourceResult(complete=True, hosts=[urlsplit(self.client.base_url).netloc.lower()])
        url: str | None = self.config.url
        visited: set[str] = set()
        seen = 0
        for _ in range(self.config.max_pages):
            assert url is not None
            page = self.client.get_json(url)
            check = check_page(page)
            if check.frame:
                raise FaqSourceError(
                    f"FAQ フィードが決まり（{SCHEMA_NAME}）に合いません："
                    + " ".join(check.frame[:3]),
                    kind="bad-data",
                )
            for index, raw in enumerate(page.get("categories") or []):
                if ("categories", index) in check.items:
                    skipped(result, _left_out(raw, check.items["categories", index]))
                elif self._wanted(raw.get("id")):
                    collect_category(result, lambda r=raw: _category(r))
            for index, raw in enumerate(page["entries"]):
                seen += 1
                if seen > self.config.max_entries:
                    raise FaqSourceError(
                        f"FAQ フィードの件数が上限（{self.config.max_entries:,}件）を超えました。"
                    )
                if ("entries", index) in check.items:
                    skipped(result, _left_out(raw, check.items["entries", index]))
                else:
                    self._take(raw, result)
            next_url = page.get("next")
            if not next_url:
                return result
            if not isinstance(next_url, str) or next_url in visited:
                raise FaqSourceError("FAQ フィードの next が不正か、同じページを繰り返しています。")
            visited.add(next_url)
            url = next_url
        raise FaqSourceError("FAQ フィードのページ数が上限を超えました。")

    def _wanted(self, category: Any) -> bool:
        cid = str(category)
        if cid in self.config.exclude_sections:
            return False
        return self.config.include_sections is None or cid in self.config.include_sections

    def _take(self, raw: dict[str, Any], result: SourceResult) -> None:
        locale = str(raw.get("locale") or "ja").lower().split("-")[0]
        if locale not in self.locales:
            return
        if str(raw.get("status") or PUBLISHED) != PUBLISHED or not self._wanted(
            raw.get("category")
        ):
            return
        answer = raw.get("answer")
        fmt = str(raw.get("answer_format") or "markdown")
        collect(
            result,
            lambda: make_entry(
                id=raw.get("id"),
                locale=locale,
                title=raw.get("question"),
                body_html=answer_to_html(answer, fmt) if isinstance(answer, str) else None,
                category_id=raw.get("category"),
                updated_at=raw.get("updated_at"),
                labels=raw.get("tags") or [],
                labels_field="tags",
                source_url=raw.get("url") or "",
                position=raw.get("position", 0),
                source="FAQ フィード",
            ),
            raw.get("id"),
        )


def _left_out(raw: Any, problem: str) -> str:
    ident = str(raw.get("id"))[:40] if isinstance(raw, dict) else "?"
    return f"FAQ フィードの {ident} を飛ばしました：{problem}"


def _category(raw: dict[str, Any]) -> Any:
    return make_category(
        id=raw.get("id"),
        locale=raw.get("locale") or "ja",
        name=raw.get("name"),
        description=raw.get("description") or "",
        position=raw.get("position", 0),
        source="FAQ フィード categories",
    )
