"""The FAQ snapshot: what was last published, with its pull time, cursor and withdrawn entries.

One JSON file. The pull writes it atomically (temporary file + ``os.replace``) after
every good pull; the bundled copy in ``data/faq/snapshot/`` is the default of a fresh
clone. Withdrawn entries are remembered forever (id, title, category), so their
old URLs keep answering with a "withdrawn" page.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from wardsite.errors import SiteInputError
from wardsite.faq.model import (
    FaqCategory,
    FaqEntry,
    category_from_dict,
    check_id,
    entry_from_dict,
    parse_time,
)
from wardsite.faq.sources.base import SourceResult

log = logging.getLogger("wardsite.faq")

FORMAT = 1
FILE_NAME = "faq-snapshot.json"


@dataclass(frozen=True)
class Withdrawn:
    """An entry that left the FAQ; its page stays, saying so."""

    id: str
    locale: str
    title: str
    category_id: str
    withdrawn_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "locale": self.locale,
            "title": self.title,
            "category_id": self.category_id,
            "withdrawn_at": self.withdrawn_at.isoformat(),
        }


@dataclass(frozen=True)
class Snapshot:
    source: str
    pulled_at: datetime
    entries: tuple[FaqEntry, ...] = ()
    categories: tuple[FaqCategory, ...] = ()
    withdrawn: tuple[Withdrawn, ...] = ()
    cursor: int | None = None
    last_full_at: datetime | None = None
    hosts: tuple[str, ...] = field(default=())
    #: The source's publishing settings when pulled (e.g. allowed user segments).
    policy: str = ""

    def entry_ids(self) -> set[str]:
        return {e.id for e in self.entries} | {w.id for w in self.withdrawn}

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "source": self.source,
            "pulled_at": self.pulled_at.isoformat(),
            "last_full_at": self.last_full_at.isoformat() if self.last_full_at else None,
            "cursor": self.cursor,
            "hosts": list(self.hosts),
            "policy": self.policy,
            "categories": [c.to_dict() for c in sorted(self.categories, key=_cat_order)],
            "entries": [e.to_dict() for e in sorted(self.entries, key=_entry_order)],
            "withdrawn": [w.to_dict() for w in sorted(self.withdrawn, key=lambda w: w.id)],
        }


def load_snapshot(path: Path) -> Snapshot | None:
    """Read a snapshot; None when the file is missing; SiteInputError when it is damaged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SiteInputError(
            str(path),
            "(ファイル全体)",
            f"が壊れていて読めません（{type(exc).__name__}）。",
            "このファイルを消すと、次のビルドで同梱の FAQ から作り直します。",
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SiteInputError(
            str(path),
            "format",
            f"が {FORMAT} ではありません。",
            "このファイルを消してビルドし直してください。",
        )
    where = str(path)
    try:
        return Snapshot(
            source=str(data.get("source") or ""),
            pulled_at=parse_time(data["pulled_at"]),
            last_full_at=parse_time(data["last_full_at"]) if data.get("last_full_at") else None,
            cursor=int(data["cursor"]) if data.get("cursor") is not None else None,
            hosts=tuple(str(h) for h in data.get("hosts") or ()),
            policy=str(data.get("policy") or ""),
            categories=tuple(category_from_dict(c, where) for c in data.get("categories") or ()),
            entries=tuple(entry_from_dict(e, where) for e in data.get("entries") or ()),
            withdrawn=tuple(
                Withdrawn(
                    id=check_id(w["id"], where),
                    locale=str(w.get("locale") or "ja"),
                    title=str(w.get("title") or w["id"]),
                    category_id=str(w.get("category_id") or ""),
                    withdrawn_at=parse_time(w["withdrawn_at"]),
                )
                for w in data.get("withdrawn") or ()
            ),
        )
    except SiteInputError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise SiteInputError(
            where,
            "(ファイル全体)",
            f"の中身が FAQ スナップショットの形になっていません（{exc}）。",
            "このファイルを消してビルドし直してください。",
        ) from None


def save_snapshot(path: Path, snapshot: Snapshot) -> None:
    """Write atomically: readers see the old or the new file, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(snapshot.to_dict(), ensure_ascii=False, indent=1) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def apply_result(
    base: Snapshot | None, result: SourceResult, *, source: str, now: datetime, policy: str = ""
) -> Snapshot:
    """The snapshot after a pull: a full listing replaces, a change list patches."""
    old_entries = {e.key: e for e in (base.entries if base else ())}
    old_withdrawn = {(w.id, w.locale): w for w in (base.withdrawn if base else ())}
    if result.complete:
        entries = {e.key: e for e in result.entries}
        gone = [key for key in old_entries if key not in entries]
    else:
        entries = dict(old_entries)
        for entry in result.entries:
            entries[entry.key] = entry
        gone = [key for key in result.removed if key in entries]
        for key in gone:
            del entries[key]
    hidden = set(result.hidden)
    for key in hidden:
        entries.pop(key, None)
    gone = [key for key in gone if key not in hidden]
    withdrawn = {key: w for key, w in old_withdrawn.items() if key not in hidden}
    for key in hidden & old_entries.keys():
        log.info("FAQ %s（%s）は表示対象が限られたため、ページごと外します。", *key)
    for key in gone:
        old = old_entries[key]
        withdrawn[key] = Withdrawn(old.id, old.locale, old.title, old.category_id, now)
        log.info("FAQ %s（%s）はヘルプデスクで公開をやめたため、取り下げページにします。", *key)
    for key in entries:
        withdrawn.pop(key, None)  # republished
    categories = tuple(result.categories) or (base.categories if base else ())
    hosts = tuple(dict.fromkeys([*(base.hosts if base else ()), *result.hosts]))
    return Snapshot(
        source=source,
        pulled_at=now,
        entries=tuple(entries.values()),
        categories=categories,
        withdrawn=tuple(withdrawn.values()),
        cursor=result.cursor if result.cursor is not None else (base.cursor if base else None),
        last_full_at=now if result.complete else (base.last_full_at if base else None),
        hosts=hosts,
        policy=policy,
    )


def with_time(snapshot: Snapshot, pulled_at: datetime) -> Snapshot:
    return replace(snapshot, pulled_at=pulled_at)


def _entry_order(e: FaqEntry) -> tuple[str, int, str]:
    return (e.locale, int(e.id) if e.id.isdigit() else 0, e.id)


def _cat_order(c: FaqCategory) -> tuple[str, int, str]:
    return (c.locale, c.position, c.id)
