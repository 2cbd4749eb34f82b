"""./scripts/report on log files: parsing, hostile lines, masking, the HTML and CSV."""

from __future__ import annotations

import csv
import gzip
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import pytest

from wardsite_ops.report.cli import main
from wardsite_ops.report.events import parse_line
from wardsite_ops.report.logread import MAX_LINE, ReadStats, expand, read_lines
from wardsite_ops.report.privacy import mask_query
from wardsite_ops.report.vocabulary import Vocabulary

MASKING = json.loads((Path(__file__).parent / "fixtures" / "masking.json").read_text("utf-8"))


def line(stamp: str = "2026-12-07T10:00:00+0900", status: int = 204, **fields: object) -> bytes:
    return f"{stamp} {status} {urlencode({'v': 1, **fields})}".encode()


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))[1:]


@pytest.mark.parametrize(("query", "masked"), MASKING)
def test_personal_looking_queries_are_masked(query: str, masked: str) -> None:
    assert mask_query(query) == masked


def test_a_line_becomes_an_event_with_its_japanese_week() -> None:
    week, event = parse_line(line(e="search", q="パスワード", lang="ja", n=3))
    assert (week, event.kind, event.query, event.results) == (
        "2026-12-07",
        "search",
        "パスワード",
        3,
    )
    # Sunday 23:30 UTC is Monday in Japan: the next week.
    week, _ = parse_line(
        line("2026-12-06T15:30:00+0000", e="vote", page="a/", lang="ja", helpful=1)
    )
    assert week == "2026-12-07"


@pytest.mark.parametrize(
    "bad",
    [
        line(status=403, e="vote", page="a/", lang="ja", helpful=1),  # refused by the access rule
        line(e="vote", page="a/", lang="ja", helpful=2),
        line(e="reason", page="a/", lang="ja", reason="<script>"),
        line(e="search", q="x", lang="fr", n=1),
        line(e="search", q="x", lang="ja", n=-1),
        line(e="click", q="x", lang="ja", n=3, rank=0),
        line(e="hack", lang="ja"),
        b"2026-12-07T10:00:00+0900 204 v=1&e=search&q=\xff\xfe&lang=ja&n=0",
        b"2026-12-07T10:00:00+0900 204 v=1&e=search&q=%FF%FE&lang=ja&n=0",
        b"\xff\xfe\x00 garbage",
        b"",
        b'127.0.0.1 - - [07/Dec/2026:10:00:00 +0900] "GET / HTTP/1.1" 200 5',
        b"2026-99-99T10:00:00+0900 204 v=1&e=vote&page=a%2F&lang=ja&helpful=1",
    ],
)
def test_hostile_or_foreign_lines_are_skipped(bad: bytes) -> None:
    assert parse_line(bad) is None


def test_rotated_and_gzip_files_are_read_oldest_first_and_huge_lines_skipped(
    tmp_path: Path,
) -> None:
    (tmp_path / "beacon.log").write_bytes(b"new\n")
    (tmp_path / "beacon.log.1").write_bytes(b"x" * (MAX_LINE * 3) + b"\nmiddle\n")
    with gzip.open(tmp_path / "beacon.log.2.gz", "wb") as handle:
        handle.write(b"old\nlast-without-newline")
    (tmp_path / "beacon.log.3.gz").write_bytes(b"\x1f\x8bnot really gzip")
    files = expand([tmp_path])
    assert [f.name for f in files] == [
        "beacon.log.3.gz",
        "beacon.log.2.gz",
        "beacon.log.1",
        "beacon.log",
    ]
    stats = ReadStats()
    assert list(read_lines(files, stats)) == [b"old", b"last-without-newline", b"middle", b"new"]
    assert stats.too_long == 1
    assert stats.unreadable_files == [str(tmp_path / "beacon.log.3.gz")]


def test_unknown_words_of_a_failed_query_are_synonym_candidates() -> None:
    vocabulary = Vocabulary({"ぱすわど", "わすれる", "てれわく", "会議"}, {"を", "が"})
    assert vocabulary.unknown_words("パスワードを再発行") == ["再発行"]
    assert vocabulary.unknown_words("テレワーク zoom 会議") == ["zoom"]
    assert vocabulary.unknown_words("[番号] [メール]") == []


def test_report_from_logs_with_hostile_lines(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    lines = [
        *[line(e="search", q="ぶいぴーえぬ", lang="ja", n=0)] * 3,
        line(e="search", q="<script>alert('x')</script>", lang="ja", n=0),
        line(e="search", q='=HYPERLINK("http://evil")', lang="ja", n=0),
        line(e="search", q="連絡 taro@example.jp 03-1234-5678", lang="ja", n=0),
        *[line(e="search", q="印刷", lang="ja", n=4)] * 2,
        line(e="search", q="teams", lang="en", n=7),
        line(e="click", q="teams", lang="en", n=7, rank=2, page="en/teams/"),
        *[line(e="vote", page="account/lockout/", lang="ja", helpful=0)] * 2,
        line(e="reason", page="account/lockout/", lang="ja", reason="outdated"),
        line(e="vote", page="account/lockout/", lang="ja", helpful=1),
        line(e="vote", page="<img src=x onerror=alert(1)>/", lang="ja", helpful=0),
        line("2026-12-14T09:00:00+0900", e="vote", page="help/", lang="ja", helpful=1),
        b"\xff\xfe\xfd invalid utf-8 \x00\x01",
        b"2026-12-07T10:00:00+0900 204 " + b"A" * (MAX_LINE * 2),
        b"2026-12-07T10:00:00+0900 204 v=1&e=search&q=<b>raw</b>&lang=ja&n=0",
    ]
    (logs / "beacon.log.1").write_bytes(b"\n".join(lines[:8]) + b"\n")
    with gzip.open(logs / "beacon.log.2.gz", "wb") as handle:
        handle.write(b"\n".join(lines[8:]) + b"\n")
    out = tmp_path / "report"
    assert main([str(logs), "--out", str(out), "--min-votes", "1"]) == 0

    no_results = read_csv(out / "no-results.csv")
    assert no_results[0][:3] == ["ぶいぴーえぬ", "日本語", "3"]
    queries = [row[0] for row in no_results]
    assert "連絡 [メール] [番号]" in queries
    assert '\'=hyperlink("http://evil")' in queries  # defused for spreadsheets
    assert read_csv(out / "no-clicks.csv") == [["印刷", "日本語", "2", "4"]]
    pages = read_csv(out / "pages.csv")
    assert pages[0][0] == "<img src=x onerror=alert(1)>/"
    lockout = next(row for row in pages if row[0] == "account/lockout/")
    assert lockout[1:4] == ["1", "2", "33%"] and lockout[7] == "1"  # 情報が古い
    weekly = read_csv(out / "weekly.csv")
    assert [row[0] for row in weekly] == ["2026-12-07", "2026-12-14"]
    # 10 searches: the raw (unencoded) one is readable, so it counts, escaped.
    assert weekly[0][1:] == ["10", "7", "70%", "1", "1", "3"]

    html = (out / "report.html").read_text("utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<b>raw</b>" not in html
    assert "taro@example.jp" not in html and "1234-5678" not in html
    assert "default-src 'none'" in html
    assert "読み飛ばした行" in html


def test_command_line_errors_are_japanese(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wardsite_ops.report.cli", str(tmp_path / "nothing.log")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 3
    assert "ログが見つかりません" in result.stderr
