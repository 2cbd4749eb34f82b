"""./scripts/report LOG... [--site DIR] [--out DIR]: the helpdesk's report.

Exit codes: 0 written; 2 wrong arguments; 3 no log file could be read.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from wardsite_ops.report.events import LANGS, parse_line
from wardsite_ops.report.logread import ReadStats, expand, read_lines
from wardsite_ops.report.output import ReportOptions, build_tables, write_report
from wardsite_ops.report.tally import Tally
from wardsite_ops.report.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parents[3]


def run(
    logs: list[Path], out: Path, site: Path | None, options: ReportOptions
) -> tuple[Tally, ReadStats, list[Path]]:
    files = expand(logs)
    stats = ReadStats()
    tally = Tally().add_all(parse_line(line) for line in read_lines(files, stats))
    vocabularies = {lang: Vocabulary.from_site(site, lang) if site else None for lang in LANGS}
    if site is None:
        note = (
            "（サイトの索引を指定しなかったので、辞書にないことばは調べていません。"
            "--site で指定します）"
        )
    elif not any(vocabularies.values()):
        note = (
            f"（{site} に検索の索引がありません。"
            "ビルドしたサイトのフォルダーを --site で指定します）"
        )
    else:
        note = ""
    tables = build_tables(tally, vocabularies, options)
    written = write_report(out, tally, tables, stats, options, note)
    return tally, stats, written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="./scripts/report",
        description="ページの「役に立ちましたか」と検索の記録（Web サーバーのログ）から、"
        "ヘルプデスク向けのレポート（HTML と CSV）を作ります。",
    )
    parser.add_argument(
        "logs",
        nargs="+",
        type=Path,
        help="ログのファイルかフォルダー"
        "（beacon.log、beacon.log.1、beacon.log.2.gz など。いくつでも）",
    )
    parser.add_argument(
        "--out", type=Path, default=Path("report"), help="書き出すフォルダー（既定: report）"
    )
    parser.add_argument(
        "--site",
        type=Path,
        default=None,
        help="ビルドしたサイトのフォルダー"
        "（検索の辞書にないことばを調べるため。既定: ./site があればそれ）",
    )
    parser.add_argument(
        "--min-votes", type=int, default=5, help="ページを載せる最低の回答数（既定: 5）"
    )
    parser.add_argument("--top", type=int, default=100, help="各表に載せる最大の行数（既定: 100）")
    parser.add_argument(
        "--site-url",
        default="",
        help="ページへのリンクにするサイトの URL（例: https://guide.example/）",
    )
    args = parser.parse_args(argv)
    site = args.site
    if site is None and (ROOT / "site" / "search").is_dir():
        site = ROOT / "site"
    missing = [str(p) for p in args.logs if not p.exists()]
    if missing:
        print(
            f"エラー: ログが見つかりません: {'、'.join(missing)}。場所と名前を確かめてください。",
            file=sys.stderr,
        )
        return 3
    started = time.perf_counter()
    options = ReportOptions(
        min_votes=max(1, args.min_votes), top=max(1, args.top), site_url=args.site_url
    )
    tally, stats, written = run(args.logs, args.out, site, options)
    if not stats.files or len(stats.unreadable_files) == len(stats.files):
        print(
            "エラー: 読めるログがありませんでした。ファイルの権限と形式を確かめてください。",
            file=sys.stderr,
        )
        return 3
    seconds = time.perf_counter() - started
    print(
        f"{stats.lines:,} 行を読み、{tally.events:,} 件を集計しました"
        f"（読み飛ばし {tally.skipped + stats.too_long:,} 行、{seconds:.1f} 秒）。"
    )
    for path in written:
        print(f"  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
