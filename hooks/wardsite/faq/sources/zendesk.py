"""Zendesk Help Center API adapter (public API, read only).

Endpoints used:

* ``GET /api/v2/help_center/{locale}/sections.json`` and ``.../articles.json`` with
  cursor pagination: ``page[size]``, then ``links.next`` while ``meta.has_more``.
* ``GET /api/v2/help_center/incremental/articles.json?start_time=<unix>``: the
  articles changed since then; follow ``next_page`` until ``end_of_stream``
  (or no ``next_page``); the last ``end_time`` is the next start time.

Drafts, articles in excluded sections and articles not shown to everyone never
become entries. Drafts and excluded articles in a change list are reported as
removed, so a page that was published becomes "withdrawn"; restricted articles
are reported as hidden: their page goes without a "withdrawn" page (its title
may be the reason the article was restricted).

Who may read an article: ``user_segment_id`` (null = everyone) and, on newer
plans, ``user_segment_ids`` (a list; empty = everyone; a reader in ANY of them
may read it). Sections and categories carry no visibility of their own in the
Help Center API (``permission_group_id`` is about who may *edit*), so the
article fields decide. An article restricted to a segment is published only
when ``allowed_user_segments`` lists one of its segments; a value we cannot
read is treated as restricted (and warned about).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from wardsite.faq.errors import FaqSourceError
from wardsite.faq.http import HttpClient
from wardsite.faq.model import make_category, make_entry
from wardsite.faq.sources.base import (
    DEFAULT_MAX_ENTRIES,
    SourceResult,
    collect,
    collect_category,
    skipped,
)

#: Start the next change list a little before this pull began, so edits made while
#: we were reading are not missed (applying a change twice is harmless).
CURSOR_OVERLAP_SECONDS = 300


@dataclass
class ZendeskConfig:
    locales: tuple[str, ...] = ("ja", "en-us")
    include_sections: frozenset[str] | None = None
    exclude_sections: frozenset[str] = frozenset()
    page_size: int = 100
    max_entries: int = DEFAULT_MAX_ENTRIES
    allowed_user_segments: frozenset[str] = frozenset()


class ZendeskSource:
    name = "zendesk"

    def __init__(self, config: ZendeskConfig, client: HttpClient) -> None:
        self.config = config
        self.client = client
        self.locales = {loc.lower().split("-")[0] for loc in config.locales}
        #: Settings that decide which articles are published: a snapshot pulled under
        #: other settings is re-read in full, not patched (see ``pull.pull_faq``).
        self.policy = "segments:" + ",".join(sorted(config.allowed_user_segments))

    # -- public -----------------------------------------------------------------

    def fetch_all(self) -> SourceResult:
        started = int(time.time())
        result = SourceResult(complete=True, hosts=[urlsplit(self.client.base_url).netloc.lower()])
        self._read_sections(result)
        seen = 0
        for locale in self.config.locales:
            path = f"api/v2/help_center/{locale}/articles.json"
            for article in self._cursor_pages(path, "articles"):
                seen += 1
                self._check_count(seen)
                self._take(article, result, change_list=False)
        result.cursor = max(0, started - CURSOR_OVERLAP_SECONDS)
        return result

    def fetch_changes(self, cursor: int) -> SourceResult:
        result = SourceResult(complete=False, hosts=[urlsplit(self.client.base_url).netloc.lower()])
        self._read_sections(result)
        url: str | None = "api/v2/help_center/incremental/articles.json"
        params: dict[str, Any] | None = {"start_time": int(cursor)}
        end_time = int(cursor)
        seen = 0
        visited: set[str] = set()
        while url:
            page = self.client.get_json(url, params)
            params = None
            articles = _list_field(page, "articles")
            for article in articles:
                seen += 1
                self._check_count(seen)
                self._take(article, result, change_list=True)
            if isinstance(page.get("end_time"), int):
                end_time = max(end_time, page["end_time"])
            next_url = page.get("next_page")
            if page.get("end_of_stream") is True or not next_url or not articles:
                break
            if not isinstance(next_url, str) or next_url in visited:
                raise FaqSourceError(
                    "ヘルプデスクの変更一覧の「次のページ」が不正か、同じページを繰り返しています。"
                )
            visited.add(next_url)
            url = next_url
        result.cursor = end_time
        return result

    # -- reading ----------------------------------------------------------------

    def _read_sections(self, result: SourceResult) -> None:
        for locale in self.config.locales:
            path = f"api/v2/help_center/{locale}/sections.json"
            for section in self._cursor_pages(path, "sections"):
                if not isinstance(section, dict) or not self._section_wanted(section.get("id")):
                    continue
                collect_category(
                    result,
                    lambda s=section, loc=locale: make_category(
                        id=s.get("id"),
                        locale=s.get("locale") or loc,
                        name=s.get("name"),
                        description=s.get("description") or "",
                        position=s.get("position", 0),
                        source="Zendesk sections",
                    ),
                )

    def _cursor_pages(self, path: str, key: str) -> Iterator[Any]:
        url: str | None = path
        params: dict[str, Any] | None = {"page[size]": self.config.page_size}
        visited: set[str] = set()
        max_pages = self.config.max_entries // max(1, self.config.page_size) + 10
        for _ in range(max_pages):
            assert url is not None
            page = self.client.get_json(url, params)
            params = None
            yield from _list_field(page, key)
            meta = page.get("meta") if isinstance(page.get("meta"), dict) else {}
            links = page.get("links") if isinstance(page.get("links"), dict) else {}
            if not meta.get("has_more"):
                return
            next_url = links.get("next")
            if not isinstance(next_url, str) or not next_url or next_url in visited:
                raise FaqSourceError(
                    f"ヘルプデスクの一覧（{key}）に続きがあるのに、次のページの URL が不正です。"
                )
            visited.add(next_url)
            url = next_url
        raise FaqSourceError(f"ヘルプデスクの一覧（{key}）のページ数が上限を超えました。")

    def _check_count(self, seen: int) -> None:
        if seen > self.config.max_entries:
            raise FaqSourceError(
                f"ヘルプデスクの記事が上限（{self.config.max_entries:,}件）を超えました。"
                "設定の max_entries を確かめてください。"
            )

    def _section_wanted(self, section_id: Any) -> bool:
        sid = str(section_id)
        if sid in self.config.exclude_sections:
            return False
        return self.config.include_sections is None or sid in self.config.include_sections

    def _take(self, article: Any, result: SourceResult, *, change_list: bool) -> None:
        if not isinstance(article, dict):
            skipped(
                result, "ヘルプデスクの記事一覧に、記事ではない値がありました（飛ばしました）。"
            )
            return
        locale = str(article.get("locale") or "").lower().split("-")[0]
        if locale not in self.locales:
            return
        html_url = article.get("html_url")
        if isinstance(html_url, str):
            host = urlsplit(html_url).netloc.lower()
            if host and host not in result.hosts:
                result.hosts.append(host)
        key = (str(article.get("id")), locale)
        if not self._visible(article, result):
            result.hidden.append(key)
            return
        if bool(article.get("draft")) or not self._section_wanted(article.get("section_id")):
            if change_list and article.get("id") is not None:
                result.removed.append(key)
            return
        collect(
            result,
            lambda a=article: make_entry(
                id=a.get("id"),
                locale=a.get("locale"),
                title=a.get("title"),
                body_html=a.get("body"),
                category_id=a.get("section_id"),
                updated_at=a.get("updated_at"),
                status="published",
                labels=a.get("label_names"),
                source_url=a.get("html_url") or "",
                position=a.get("position", 0),
                promoted=a.get("promoted", False),
                source="Zendesk articles",
            ),
            article.get("id"),
        )

    def _visible(self, article: dict[str, Any], result: SourceResult) -> bool:
        """True when the helpdesk shows the article to everyone or to an allowed segment."""
        try:
            segments = article_segments(article)
        except ValueError as exc:
            skipped(
                result,
                f"FAQ {str(article.get('id'))[:40]} を飛ばしました：{exc}の値が読めないため、"
                "誰に公開されている記事か分かりません。ヘルプデスクで記事の「表示対象」を確かめてください。",
            )
            return False
        return not segments or bool(segments & self.config.allowed_user_segments)


def article_segments(article: dict[str, Any]) -> frozenset[str]:
    """The user segments an article is restricted to; empty = everyone.

    Raises ValueError naming the field when a value is neither null nor an id (list).
    """
    found: set[str] = set()
    single = article.get("user_segment_id")
    if single is not None:
        found.add(_segment_id(single, "user_segment_id"))
    many = article.get("user_segment_ids")
    if many is not None:
        if not isinstance(many, list):
            raise ValueError("user_segment_ids ")
        found.update(_segment_id(x, "user_segment_ids") for x in many)
    return frozenset(found)


def _segment_id(value: Any, name: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).isdigit():
        raise ValueError(f"{name} ")
    return str(int(value))


def _list_field(page: dict[str, Any], key: str) -> list[Any]:
    value = page.get(key)
    if not isinstance(value, list):
        raise FaqSourceError(f"ヘルプデスクの応答に「{key}」の一覧がありません。", kind="bad-data")
    return value
