"""One beacon log line → one event (format: wardsite_ops.beacon).

``2026-12-06T10:15:00+0900 204 v=1&e=search&q=...&lang=ja&n=3``

Anything else (another status, another format, broken encoding, unknown
fields, out-of-range numbers) is counted as skipped, never raised. Text
fields are decoded with replacement characters, trimmed to their limits and
the query is masked again (privacy.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl

from wardsite_ops.report.privacy import mask_query, normalize_query

KINDS = frozenset({"vote", "reason", "search", "click"})
REASONS = ("steps", "missing", "unclear", "outdated")
LANGS = frozenset({"ja", "en"})
MAX_PAGE = 300
MAX_RESULTS = 1_000_000
MAX_RANK = 10_000
JST = dt.timezone(dt.timedelta(hours=9))


@dataclass(frozen=True, slots=True)
class Event:
    kind: str
    week: str  # Monday of the week, Japan time: "2026-11-30"
    lang: str
    page: str = ""  # vote, reason: the page; click: the page clicked
    query: str = ""  # search, click
    results: int = -1  # search, click
    rank: int = 0  # click
    helpful: bool = False  # vote
    reason: str = ""  # reason


@lru_cache(maxsize=4096)
def week_of(stamp: str) -> str | None:
    """Monday (Japan time) of the week of ``YYYY-MM-DDTHH`` + offset (``2026-12-06T10+0000``)."""
    try:
        moment = dt.datetime.strptime(stamp, "%Y-%m-%dT%H%z")
    except ValueError:
        return None
    day = moment.astimezone(JST).date()
    return (day - dt.timedelta(days=day.weekday())).isoformat()


def _number(value: str, limit: int) -> int | None:
    if not value.isdigit() or len(value) > 7:
        return None
    number = int(value)
    return number if number <= limit else None


def _clean(value: str, limit: int) -> str:
    text = "".join(ch for ch in value if ch.isprintable())
    return " ".join(text.split())[:limit]


@lru_cache(maxsize=65536)
def parse_fields(payload: bytes, week: str) -> Event | None:
    """The event in a URL-encoded payload, or None when it is not a valid one."""
    try:
        text = payload.decode("ascii")
    except UnicodeDecodeError:
        return None
    fields = dict(parse_qsl(text, errors="replace", max_num_fields=20))
    if fields.get("v") != "1":
        return None
    kind = fields.get("e", "")
    lang = fields.get("lang", "")
    if kind not in KINDS or lang not in LANGS:
        return None
    if kind in ("vote", "reason"):
        page = _clean(fields.get("page", ""), MAX_PAGE)
        if not page or "\ufffd" in page:
            return None
        if kind == "vote":
            helpful = fields.get("helpful")
            if helpful not in ("0", "1"):
                return None
            return Event(kind, week, lang, page=page, helpful=helpful == "1")
        reason = fields.get("reason", "")
        if reason not in REASONS:
            return None
        return Event(kind, week, lang, page=page, reason=reason)
    query = mask_query(normalize_query(_clean(fields.get("q", ""), 4 * MAX_PAGE)))
    results = _number(fields.get("n", ""), MAX_RESULTS)
    if not query or results is None:
        return None
    if kind == "search":
        return Event(kind, week, lang, query=query, results=results)
    rank = _number(fields.get("rank", ""), MAX_RANK)
    page = _clean(fields.get("page", ""), MAX_PAGE)
    if not rank:
        return None
    return Event(kind, week, lang, page=page, query=query, results=results, rank=rank)


def parse_line(line: bytes) -> Event | None:
    """The event on a log line, or None (another status, another format, broken)."""
    parts = line.split(b" ", 2)
    if len(parts) != 3 or parts[1] != b"204" or len(parts[0]) != 24:
        return None
    stamp = parts[0]
    try:
        week = week_of(stamp[:13].decode("ascii") + stamp[19:].decode("ascii"))
    except UnicodeDecodeError:
        return None
    if week is None:
        return None
    return parse_fields(parts[2].strip(), week)
