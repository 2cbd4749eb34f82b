"""Local exports: CSV in CP932 and in UTF-8 with BOM, and XLSX."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from wardsite.errors import SiteInputError
from wardsite.faq.pull import pull_faq
from wardsite.faq.sources.spreadsheet import SpreadsheetConfig, SpreadsheetSource, decode_csv

ROWS = [
    ["番号", "質問", "回答", "分類", "分類名", "タグ", "更新日時", "状態"],
    [
        "1001",
        "パスワードを忘れました",
        "IDポータルで**再設定**できます。",
        "acct",
        "アカウント",
        "パスワード、統合ID guide:account/password-reset",
        "2026-11-20 09:00",
        "公開",
    ],
    [
        "1002",
        "ロックされました",
        "30分待つと解除されます。",
        "acct",
        "アカウント",
        "ロック",
        "2026/11/19 10:00",
        "公開",
    ],
    ["1003", "作成中の質問", "まだです。", "acct", "アカウント", "", "2026-11-19", "下書き"],
    ["1004", "", "題名のない行", "acct", "アカウント", "", "2026-11-19", "公開"],
    [
        "1005",
        "髙﨑さんの①番の質問～",
        "機種依存文字（髙・﨑・①・～）も読めます。",
        "dev",
        "機器",
        "",
        "2026-11-18T08:00:00+09:00",
        "公開",
    ],
]


def write_csv(path: Path, encoding: str) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(ROWS)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["cp932", "utf-8-sig", "utf-8"])
def test_csv_encodings(tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "faq.csv", encoding)
    result = SpreadsheetSource(SpreadsheetConfig(path)).fetch_all()
    entries = {e.id: e for e in result.entries}
    assert set(entries) == {"1001", "1002", "1005"}  # draft skipped, bad row skipped
    assert entries["1005"].title == "髙﨑さんの①番の質問～"
    assert "<strong>再設定</strong>" in entries["1001"].body_html
    assert entries["1001"].tags == ("パスワード", "統合ID")
    assert "guide:account/password-reset" in entries["1001"].labels
    assert any("1004" in w and "title" in w for w in result.warnings)
    assert {c.name for c in result.categories} == {"アカウント", "機器"}


def test_bom_is_not_part_of_the_first_header(tmp_path: Path) -> None:
    assert decode_csv("番号".encode("utf-8-sig"), "x").startswith("番号")


def test_xlsx(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    for row in ROWS:
        sheet.append(row)
    path = tmp_path / "faq.xlsx"
    book.save(path)
    result = SpreadsheetSource(SpreadsheetConfig(path)).fetch_all()
    assert {e.id for e in result.entries} == {"1001", "1002", "1005"}


def test_unreadable_file_falls_back(tmp_path: Path) -> None:
    path = tmp_path / "faq.csv"
    path.write_bytes(b"\x81\x00\xff\xfe garbage")
    with pytest.raises(SiteInputError):
        SpreadsheetSource(SpreadsheetConfig(path)).fetch_all()
    outcome = pull_faq(SpreadsheetSource(SpreadsheetConfig(path)), tmp_path / "s.json")
    assert outcome.mode == "bundled" and outcome.stale_kind == "bad-data"


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "faq.csv"
    path.write_text("id,question\n1,q\n", encoding="utf-8")
    with pytest.raises(SiteInputError) as caught:
        SpreadsheetSource(SpreadsheetConfig(path)).fetch_all()
    assert "answer" in str(caught.value) and "faq.csv" in str(caught.value)
