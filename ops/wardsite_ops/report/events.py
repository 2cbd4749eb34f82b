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
from urllib.parse import unquote_plus

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


def _number(value: bytes, limit: int) -> int | None:
    if not value.isdigit() or len(value) > 7:
        return None
    number = int(value)
    return number if number <= limit else None


def _clean(value: str, limit: int) -> str:
    text = "".join(ch for ch in value if ch.isprintable())
    return " ".join(text.split())[:limit]


# Field values repeat a lot (the same queries and pages): each distinct raw
# value is decoded once. None marks a value that is not valid.
@lru_cache(maxsize=1 << 16)
def _text(raw: bytes, limit: int) -> str | None:
    try:
        text = unquote_plus(raw.decode("ascii"), errors="strict")
    except (UnicodeDecodeError, ValueError):
        return None
    return _clean(text, limit)


@lru_cache(maxsize=1 << 16)
def _query(raw: bytes) -> str | None:
    text = _text(raw, 4 * MAX_PAGE)
    return mask_query(normalize_query(text)) if text else None


_KIND = {k.encode(): k for k in KINDS}
_LANG = {k.encode(): k for k in LANGS}
_REASON = {k.encode(): k for k in REASONS}


@lru_cache(maxsize=1 << 17)
def parse_fields(payload: bytes) -> Event | None:
    """The event in a URL-encoded payload, or None when it is not a valid one."""
    fields: dict[bytes, bytes] = {}
    for part in payload.split(b"&", 20)[:20]:
        key, _, value = part.partition(b"=")
        fields[key] = value
    if fields.get(b"v") != b"1":
        return None
    kind = _KIND.get(fields.get(b"e", b""))
    lang = _LANG.get(fields.get(b"lang", b""))
    if kind is None or lang is None:
        return None
    if kind in ("vote", "reason"):
        page = _text(fields.get(b"page", b""), MAX_PAGE)
        if not page:
            return None
        if kind == "vote":
            helpful = fields.get(b"helpful")
            if helpful not in (b"0", b"1"):
                return None
            return Event(kind, lang, page=page, helpful=helpful == b"1")
        reason = _REASON.get(fields.get(b"reason", b""))
        if reason is None:
            return None
        return Event(kind, lang, page=page, reason=reason)
    query = _query(fields.get(b"q", b""))
    results = _number(fields.get(b"n", b""), MAX_RESULTS)
    if not query or results is None:
        return None
    if kind == "search":
        return Event(kind, lang, query=query, results=results)
    rank = _number(fields.get(b"rank", b""), MAX_RANK)
    if not rank:
        return None
    page = _text(fields.get(b"page", b""), MAX_PAGE) or ""
    return Event(kind, lang, page=page, query=query, results=results, rank=rank)


def parse_line(line: bytes) -> tuple[str, Event] | None:
    """(week, event) of a log line, or None (another status, another format, broken).

    The week is the Monday of the event's week in Japan time ("2026-11-30").
    """
    parts = line.split(b" ", 2)
    if len(parts) != 3 or parts[1] != b"204" or len(parts[0]) != 24:
        return None
    event = parse_fields(parts[2].strip())
    if event is None:
        return None
    stamp = parts[0]
    try:
        week = week_of(stamp[:13].decode("ascii") + stamp[19:].decode("ascii"))
    except UnicodeDecodeError:
        return None
    return (week, event) if week is not None else None
