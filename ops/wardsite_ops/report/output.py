"""The report: one Japanese HTML page and CSV files for spreadsheets.

Everything from the logs is escaped (HTML) or defused (CSV: a cell that a
spreadsheet would run as a formula gets a leading apostrophe). The HTML page
forbids every script and outside request by its own Content-Security-Policy.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from wardsite_ops.report.logread import ReadStats
from wardsite_ops.report.tally import REASON_NAMES, PageStats, QueryStats, Tally
from wardsite_ops.report.vocabulary import Vocabulary

LANG_NAMES = {"ja": "日本語", "en": "英語"}


@dataclass
class ReportOptions:
    min_votes: int = 5
    top: int = 100
    site_url: str = ""


@dataclass
class Tables:
    """Every table of the report as rows of plain values (HTML and CSV use the same)."""

    no_result: list[list[str]]
    unclicked: list[list[str]]
    pages: list[list[str]]
    weekly: list[list[str]]


NO_RESULT_HEAD = ["検索語", "言語", "結果なしの回数", "検索の辞書にないことば（同義語の候補）"]
UNCLICKED_HEAD = ["検索語", "言語", "検索の回数", "結果の数（最後の回）"]
PAGES_HEAD = ["ページ", "はい", "いいえ", "役に立った率", *REASON_NAMES.values()]
WEEKLY_HEAD = [
    "週（月曜日から）",
    "検索",
    "結果なし",
    "結果なしの割合",
    "クリック",
    "はい",
    "いいえ",
]


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def build_tables(
    tally: Tally, vocabularies: dict[str, Vocabulary | None], options: ReportOptions
) -> Tables:
    def candidates(lang: str, query: str) -> str:
        vocabulary = vocabularies.get(lang)
        if vocabulary is None:
            return "（検索の索引がないため調べていません）"
        return "、".join(vocabulary.unknown_words(query))

    no_result = [
        [q, LANG_NAMES[lang], str(s.no_result), candidates(lang, q)]
        for lang, q, s in tally.no_result_queries()[: options.top]
    ]
    unclicked = [
        [q, LANG_NAMES[lang], str(s.searches - s.no_result), str(s.results_last)]
        for lang, q, s in tally.unclicked_queries()[: options.top]
    ]
    pages = [
        [page, str(s.yes), str(s.no), _percent(s.yes, s.votes)]
        + [str(s.reasons.get(code, 0)) for code in REASON_NAMES]
        for page, s in tally.least_helpful_pages(options.min_votes)[: options.top]
    ]
    weekly = [
        [
            week,
            str(w.searches),
            str(w.no_result),
            _percent(w.no_result, w.searches),
            str(w.clicks),
            str(w.yes),
            str(w.no),
        ]
        for week, w in tally.weekly()
    ]
    return Tables(no_result, unclicked, pages, weekly)


# -- CSV ---------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def write_csv(path: Path, head: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """UTF-8 with a byte order mark, which Excel needs to read Japanese."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(head)
    writer.writerows([_cell(v) for v in row] for row in rows)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")


# -- HTML --------------------------------------------------------------------

_STYLE = """
body { font-family: "Noto Sans CJK JP", "Yu Gothic UI", "Meiryo", sans-serif; margin: 2rem auto;
       max-width: 72rem; padding: 0 1rem; line-height: 1.7; color: #1a1a1a; background: #fff; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #888; padding: 0.3rem 0.6rem; vertical-align: top; text-align: left; }
th { background: #eef1f8; }
td.n { text-align: right; }
caption { text-align: left; font-weight: 700; margin-bottom: 0.3rem; }
.note { color: #333; }
"""


def _table(
    caption: str,
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    empty: str,
    link_column: int | None = None,
    site_url: str = "",
) -> str:
    if not rows:
        return f'<p class="note">{escape(empty)}</p>'
    out = [f"<table><caption>{escape(caption)}</caption><thead><tr>"]
    out += [f'<th scope="col">{escape(h)}</th>' for h in head]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>")
        for index, value in enumerate(row):
            numeric = value.replace("%", "").isdigit()
            cls = ' class="n"' if numeric else ""
            text = escape(value)
            if index == link_column and site_url and not value.startswith(("/", "\\")):
                text = f'<a href="{escape(site_url + value)}">{text}</a>'
            out.append(f"<td{cls}>{text}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def render_html(
    tally: Tally,
    tables: Tables,
    stats: ReadStats,
    options: ReportOptions,
    vocab_note: str,
) -> str:
    searches = sum(w.searches for w in tally.weeks.values())
    no_result = sum(w.no_result for w in tally.weeks.values())
    clicks = sum(w.clicks for w in tally.weeks.values())
    yes = sum(w.yes for w in tally.weeks.values())
    no = sum(w.no for w in tally.weeks.values())
    weeks = [week for week, _ in tally.weekly()]
    period = f"{weeks[0]} の週 〜 {weeks[-1]} の週" if weeks else "（記録なし）"
    skipped = tally.skipped + stats.too_long
    summary: list[tuple[str, str]] = [
        ("期間", period),
        ("読んだログ", f"{len(stats.files)} ファイル、{stats.lines:,} 行"),
        ("集計した記録", f"{tally.events:,} 件"),
        (
            "読み飛ばした行",
            f"{skipped:,} 行（形式が違う・壊れている・長すぎる・サイトの外からの要求）",
        ),
        ("検索", f"{searches:,} 回（結果なし {no_result:,} 回、{_percent(no_result, searches)}）"),
        ("検索結果のクリック", f"{clicks:,} 回"),
        (
            "「役に立ちましたか」の回答",
            f"はい {yes:,}、いいえ {no:,}（役に立った率 {_percent(yes, yes + no)}）",
        ),
    ]
    if stats.unreadable_files:
        summary.append(("読めなかったファイル", "、".join(stats.unreadable_files)))
    dl = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in summary)
    section: Callable[[str, str, str], str] = lambda h, intro, body: (  # noqa: E731
        f"<section><h2>{escape(h)}</h2><p>{escape(intro)}</p>{body}</section>"
    )
    parts = [
        "<!doctype html>",
        '<html lang="ja"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>サイトの利用状況レポート</title>",
        f"<style>{_STYLE}</style></head><body><main>",
        "<h1>サイトの利用状況レポート</h1>",
        f"<dl>{dl}</dl>",
        section(
            "見つからなかった検索語（結果が 0 件）",
            "多い順です。「検索の辞書にないことば」は、サイトのページに出てこないことばです。"
            "同じ意味のことばがページにあれば data/search/synonyms.yml に足し、"
            "なければページを書くか直すことを考えます。" + vocab_note,
            _table("結果が 0 件だった検索語", NO_RESULT_HEAD, tables.no_result, "ありません。"),
        ),
        section(
            "結果は出たが、どれも開かれなかった検索語",
            "結果の題名が探しているものに見えなかった検索語です。上位のページの題名や"
            "説明を見直すか、同じ意味のことばを足します。",
            _table("クリックのなかった検索語", UNCLICKED_HEAD, tables.unclicked, "ありません。"),
        ),
        section(
            "役に立たなかったページ",
            f"回答が {options.min_votes} 件以上あるページを、役に立った率が低い順に並べています。"
            "理由の数は「いいえ」のあとに選ばれたものです。",
            _table(
                "役に立った率の低いページ",
                PAGES_HEAD,
                tables.pages,
                f"回答が {options.min_votes} 件以上のページはまだありません。",
                link_column=0,
                site_url=options.site_url,
            ),
        ),
        section(
            "週ごとの推移",
            "週は月曜日から日曜日まで（日本時間）です。",
            _table("週ごとの件数", WEEKLY_HEAD, tables.weekly, "記録がありません。"),
        ),
        "</main></body></html>",
    ]
    return "\n".join(parts) + "\n"


def write_report(
    out: Path, tally: Tally, tables: Tables, stats: ReadStats, options: ReportOptions, note: str
) -> list[Path]:
    """Write report.html and the CSV files into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "no-results.csv": (NO_RESULT_HEAD, tables.no_result),
        "no-clicks.csv": (UNCLICKED_HEAD, tables.unclicked),
        "pages.csv": (PAGES_HEAD, tables.pages),
        "weekly.csv": (WEEKLY_HEAD, tables.weekly),
    }
    written = []
    for name, (head, rows) in files.items():
        write_csv(out / name, head, rows)
        written.append(out / name)
    html_path = out / "report.html"
    html_path.write_text(render_html(tally, tables, stats, options, note), encoding="utf-8")
    return [html_path, *written]


__all__ = ["PageStats", "QueryStats", "ReportOptions", "build_tables", "write_report"]
