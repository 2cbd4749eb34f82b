"""Validated FAQ entries and categories, the one shape every source produces.

Sources map their own fields onto the keyword arguments of :func:`make_entry`
and :func:`make_category`; everything that reaches a page went through here.
Entry ids become URLs (``faq/<id>/``), so they are restricted to safe characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from wardsite.errors import SiteInputError
from wardsite.faq.errors import FaqEntryError

#: Ids become path segments of stable URLs; these names are taken by our own pages.
RESERVED_IDS = frozenset({"index", "categories", "withdrawn"})
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
LOCALE_PATTERN = re.compile(r"^[a-z]{2}(-[a-z0-9]{2,8})?$")
#: A label or tag, after runs of white space became one space ("Microsoft Teams" is a
#: normal Zendesk label); only characters that never belong in a word are refused.
TAG_PATTERN = re.compile(r"^[^<>{}`\"']{1,64}$")
#: C0/C1 control characters except tab and newline; Python-Markdown uses
#: \x02/\x03 as its own placeholder markers, so they must never reach a page.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

MAX_TITLE_CHARS = 200
MAX_BODY_CHARS = 200_000
MAX_TAGS = 30
STATUSES = ("published", "draft")


@dataclass(frozen=True)
class FaqCategory:
    """A group of entries (a Zendesk section); one index page per locale."""

    id: str
    locale: str
    name: str
    description: str = ""
    position: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class FaqEntry:
    """One published or draft FAQ entry; ``body_html`` is NOT yet sanitised."""

    id: str
    locale: str
    title: str
    body_html: str
    category_id: str
    updated_at: datetime
    status: str = "published"
    tags: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    source_url: str = ""
    position: int = 0
    promoted: bool = False

    @property
    def key(self) -> tuple[str, str]:
        """Entries are unique per (id, locale): translations share the id."""
        return (self.id, self.locale)

    @property
    def published(self) -> bool:
        return self.status == "published"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["updated_at"] = self.updated_at.isoformat()
        data["tags"] = list(self.tags)
        data["labels"] = list(self.labels)
        return data


def clean_text(value: str) -> str:
    """Drop control characters and normalise line ends."""
    return CONTROL_CHARS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def parse_time(value: Any) -> datetime:
    """Parse ISO 8601 (``Z`` allowed) or a Unix time; naive times are taken as UTC."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        parsed = datetime.fromtimestamp(value, tz=UTC)
    elif isinstance(value, str) and value.strip():
        text = value.strip().replace("Z", "+00:00").replace("/", "-")
        parsed = datetime.fromisoformat(text)
    else:
        raise ValueError("empty")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def check_id(value: Any, source: str, what: str = "id") -> str:
    """Return the id as text or raise SiteInputError naming it."""
    text = (
        str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""
    )
    if not ID_PATTERN.match(text) or text in RESERVED_IDS:
        raise SiteInputError(
            source,
            what,
            f"「{str(value)[:40]}」は FAQ の番号として使えません。",
            "英数字・ハイフン・下線だけの64文字以内にしてください。",
        )
    return text


def make_category(
    *, id: Any, locale: Any, name: Any, description: Any = "", position: Any = 0, source: str
) -> FaqCategory:
    """Validate one category; raise SiteInputError on bad input."""
    cid = check_id(id, source, "カテゴリの id")
    loc = _locale(locale, source, f"カテゴリ {cid} の locale")
    title = clean_text(str(name or "")).strip()
    if not title or len(title) > MAX_TITLE_CHARS:
        raise SiteInputError(
            source,
            f"カテゴリ {cid} の name",
            "が空か長すぎます。",
            "200文字以内の名前を付けてください。",
        )
    return FaqCategory(
        id=cid,
        locale=loc,
        name=title,
        description=clean_text(str(description or "")).strip()[:500],
        position=_int(position),
    )


def make_entry(
    *,
    id: Any,
    locale: Any,
    title: Any,
    body_html: Any,
    category_id: Any,
    updated_at: Any,
    status: Any = "published",
    tags: Iterable[Any] | None = None,
    labels: Iterable[Any] | None = None,
    source_url: Any = "",
    position: Any = 0,
    promoted: Any = False,
    labels_field: str = "label_names",
    source: str,
) -> FaqEntry:
    """Validate one entry; raise FaqEntryError naming the entry id and field."""
    try:
        eid = check_id(id, source)
    except SiteInputError:
        raise FaqEntryError(
            source, str(id)[:40], "id", "が番号として使えない文字を含んでいます。"
        ) from None

    def bad(fld: str, problem: str) -> FaqEntryError:
        return FaqEntryError(source, eid, fld, problem)

    try:
        loc = _locale(locale, source, "locale")
    except SiteInputError:
        raise bad("locale", f"「{str(locale)[:20]}」は言語コードではありません。") from None
    if not isinstance(title, str) or not clean_text(title).strip():
        raise bad("title", "が空です。")
    text_title = " ".join(clean_text(title).split())
    if len(text_title) > MAX_TITLE_CHARS:
        raise bad("title", f"が長すぎます（{MAX_TITLE_CHARS}文字まで）。")
    if not isinstance(body_html, str) or not body_html.strip():
        raise bad("body", "が空です。")
    if len(body_html) > MAX_BODY_CHARS:
        raise bad("body", f"が大きすぎます（{len(body_html):,}文字。{MAX_BODY_CHARS:,}文字まで）。")
    if category_id is None or str(category_id).strip() == "":
        raise bad("section_id", "がありません。")
    try:
        cat = check_id(category_id, source)
    except SiteInputError:
        raise bad("section_id", "が番号として使えない文字を含んでいます。") from None
    try:
        updated = parse_time(updated_at)
    except (ValueError, TypeError, OverflowError, OSError):
        raise bad("updated_at", f"「{str(updated_at)[:40]}」は日時として読めません。") from None
    state = str(status or "published").strip().lower()
    if state not in STATUSES:
        raise bad("status", f"「{state[:20]}」は published か draft のどちらかにしてください。")
    return FaqEntry(
        id=eid,
        locale=loc,
        title=text_title,
        body_html=clean_text(body_html),
        category_id=cat,
        updated_at=updated,
        status=state,
        labels=(checked_labels := _words(labels, labels_field, bad)),
        # Tags shown on the page: given ones, or the labels minus machine labels (guide:…).
        tags=_words(tags, "tags", bad)
        if tags is not None
        else tuple(x for x in checked_labels if ":" not in x),
        source_url=str(source_url or "")[:2000],
        position=_int(position),
        promoted=bool(promoted),
    )


def entry_from_dict(data: Mapping[str, Any], source: str) -> FaqEntry:
    """Read an entry written by :meth:`FaqEntry.to_dict` (snapshots)."""
    return make_entry(
        id=data.get("id"),
        locale=data.get("locale"),
        title=data.get("title"),
        body_html=data.get("body_html"),
        category_id=data.get("category_id"),
        updated_at=data.get("updated_at"),
        status=data.get("status", "published"),
        tags=data.get("tags"),
        labels=data.get("labels"),
        source_url=data.get("source_url", ""),
        position=data.get("position", 0),
        promoted=data.get("promoted", False),
        source=source,
    )


def category_from_dict(data: Mapping[str, Any], source: str) -> FaqCategory:
    return make_category(
        id=data.get("id"),
        locale=data.get("locale"),
        name=data.get("name"),
        description=data.get("description", ""),
        position=data.get("position", 0),
        source=source,
    )


def _locale(value: Any, source: str, what: str) -> str:
    text = str(value or "").strip().lower().replace("_", "-")
    if not LOCALE_PATTERN.match(text):
        raise SiteInputError(
            source, what, "が言語コードではありません。", "ja や en-us のように書いてください。"
        )
    return text.split("-")[0]


def _int(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _words(values: Iterable[Any] | None, fld: str, bad: Any) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        # One spreadsheet cell: words separated by commas or spaces. A list (Zendesk's
        # label_names) keeps each label whole, spaces included.
        values = [v for v in re.split(r"[,、;；\s]+", values) if v]
    out: list[str] = []
    for value in values:
        word = " ".join(clean_text(str(value)).split())
        if not word:
            continue
        if not TAG_PATTERN.match(word):
            raise bad(
                fld,
                f"「{word[:30]}」に使えない文字（< > {{ }} ` 引用符）があるか、"
                "64文字を超えています。",
            )
        if word not in out:
            out.append(word)
    if len(out) > MAX_TAGS:
        raise bad(fld, f"が多すぎます（{MAX_TAGS}個まで）。")
    return tuple(out)
