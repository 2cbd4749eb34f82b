"""Adapter for a helpdesk's local export: CSV (CP932 or UTF-8, with or without BOM) or XLSX.

Columns (English or Japanese header, any order): id/番号, question/質問,
answer/回答 (Markdown or HTML), category/分類 (a category id; its name is the
same text unless a ``category_name``/分類名 column gives one), tags/タグ
(separated by commas, 、 or spaces), updated_at/更新日時, status/状態
(published/公開, draft/下書き, internal/内部), locale/言語 (default ja).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wardsite.errors import SiteInputError
from wardsite.faq.model import make_category, make_entry
from wardsite.faq.sources.base import DEFAULT_MAX_ENTRIES, SourceResult, collect, collect_category
from wardsite.faq.sources.jsonfeed import answer_to_html

HEADERS = {
    "id": "id", "番号": "id", "no": "id",
    "question": "question", "質問": "question", "title": "question", "タイトル": "question",
    "answer": "answer", "回答": "answer", "body": "answer", "本文": "answer",
    "category": "category", "分類": "category", "カテゴリ": "category",
    "category_name": "category_name", "分類名": "category_name", "カテゴリ名": "category_name",
    "tags": "tags", "タグ": "tags",
    "updated_at": "updated_at", "更新日時": "updated_at", "更新日": "updated_at",
    "status": "status", "状態": "status",
    "locale": "locale", "言語": "locale",
    "answer_format": "answer_format", "形式": "answer_format",
}  # fmt: skip
STATUS = {"published": "published", "公開": "published", "draft": "draft", "下書き": "draft"}
MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass
class SpreadsheetConfig:
    path: Path
    locales: tuple[str, ...] = ("ja", "en")
    exclude_sections: frozenset[str] = frozenset()
    max_entries: int = DEFAULT_MAX_ENTRIES


def decode_csv(data: bytes, source: str) -> str:
    """UTF-8 with BOM, then strict UTF-8, then CP932 (Shift_JIS as Windows writes it)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932")
    except UnicodeDecodeError:
        raise SiteInputError(
            source,
            "(文字コード)",
            "が UTF-8 でも Shift_JIS（CP932）でもありません。",
            "Excel の「名前を付けて保存」で「CSV UTF-8（コンマ区切り）」を選んで"
            "保存し直してください。",
        ) from None


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows as {column: text} with normalised column names, numbered as in the file."""
    source = path.name
    if path.stat().st_size > MAX_FILE_BYTES:
        raise SiteInputError(
            source, "(ファイル全体)", "が大きすぎます。", "50MB 以下にしてください。"
        )
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path)
    else:
        rows = csv.reader(io.StringIO(decode_csv(path.read_bytes(), source), newline=""))
    header: list[str] | None = None
    for number, row in enumerate(rows, start=1):
        cells = ["" if c is None else str(c) for c in row]
        if header is None:
            header = [HEADERS.get(re.sub(r"\s+", "", c).lower(), "") for c in cells]
            missing = [k for k in ("id", "question", "answer", "category") if k not in header]
            if missing:
                raise SiteInputError(
                    source,
                    "1行目（見出し）",
                    f"に {', '.join(missing)} の列がありません。",
                    "見出しに id・question・answer・category"
                    "（または 番号・質問・回答・分類）を書いてください。",
                )
            continue
        if not any(c.strip() for c in cells):
            continue
        yield number, {k: v for k, v in zip(header, cells, strict=False) if k}


def _xlsx_rows(path: Path) -> Iterator[list[Any]]:
    from openpyxl import load_workbook  # only needed for XLSX exports

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        yield from (list(r) for r in book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()


class SpreadsheetSource:
    name = "file"

    def __init__(self, config: SpreadsheetConfig) -> None:
        self.config = config
        self.locales = {loc.lower().split("-")[0] for loc in config.locales}

    def fetch_changes(self, cursor: int) -> SourceResult:
        return self.fetch_all()

    def fetch_all(self) -> SourceResult:
        result = SourceResult(complete=True)
        source = self.config.path.name
        categories: dict[tuple[str, str], str] = {}
        count = 0
        for number, row in read_rows(self.config.path):
            count += 1
            if count > self.config.max_entries:
                raise SiteInputError(
                    source,
                    "(行数)",
                    f"が上限（{self.config.max_entries:,}件）を超えました。",
                    "行を減らしてください。",
                )
            locale = (row.get("locale") or "ja").strip().lower().split("-")[0]
            status = STATUS.get((row.get("status") or "published").strip().lower(), "other")
            category = (row.get("category") or "").strip()
            if locale not in self.locales or status != "published":
                continue
            if category in self.config.exclude_sections:
                continue
            categories.setdefault(
                (category, locale), (row.get("category_name") or category).strip()
            )
            collect(
                result,
                lambda r=row, loc=locale, n=number: make_entry(
                    id=r.get("id"),
                    locale=loc,
                    title=r.get("question"),
                    body_html=answer_to_html(r.get("answer") or "", r.get("answer_format") or ""),
                    category_id=r.get("category"),
                    updated_at=r.get("updated_at"),
                    labels=r.get("tags") or "",
                    labels_field="tags",
                    source=f"{source} の {n} 行目",
                ),
                row.get("id"),
            )
        for (cid, loc), name in categories.items():
            collect_category(
                result,
                lambda c=cid, lo=loc, nm=name: make_category(
                    id=c, locale=lo, name=nm or c, source=source
                ),
            )
        return result
