"""How fast ./scripts/report reads beacon logs: prints lines per second.

Writes LINES log lines (default 1,000,000; a realistic mix of searches,
clicks, votes and reasons over 5,000 distinct queries and 300 pages, with
1% hostile lines) into a temporary folder as three files like logrotate
leaves them (beacon.log.2.gz, beacon.log.1, beacon.log), then times, in the
same run:

- baseline: only reading the lines (gzip and splitting, no parsing);
- report: the whole report (reading, parsing, counting, HTML and CSV).

    .venv/bin/python -m bench.report_benchmark [--lines N] [--site site/]
"""

from __future__ import annotations

import argparse
import gzip
import random
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from wardsite_ops.report.cli import run
from wardsite_ops.report.logread import ReadStats, expand, read_lines
from wardsite_ops.report.output import ReportOptions

WORDS = [
    "パスワード",
    "忘れた",
    "テレワーク",
    "接続",
    "できない",
    "印刷",
    "会議",
    "Teams",
    "共有",
    "ファイル",
    "VPN",
    "申請",
    "異動",
]


def make_lines(count: int, seed: int = 1) -> list[bytes]:
    rng = random.Random(seed)
    queries = [" ".join(rng.sample(WORDS, rng.randint(1, 3))) + f" {i}" for i in range(5000)]
    pages = [f"guide/page-{i}/" for i in range(300)]
    lines = []
    for i in range(count):
        day = 1 + (i * 60 // count)
        stamp = f"2026-{10 + day // 31:02d}-{1 + day % 28:02d}T{rng.randint(0, 23):02d}:15:00+0900"
        roll = rng.random()
        if roll < 0.01:
            lines.append(b"\xff\xfe<script>" + bytes(rng.getrandbits(8) for _ in range(40)))
            continue
        if roll < 0.55:
            fields = {"e": "search", "q": rng.choice(queries), "n": rng.choice([0, 3, 12])}
        elif roll < 0.8:
            fields = {"e": "click", "q": rng.choice(queries), "n": 12, "rank": rng.randint(1, 10)}
            fields["page"] = rng.choice(pages)
        elif roll < 0.95:
            fields = {"e": "vote", "page": rng.choice(pages), "helpful": rng.choice("01")}
        else:
            fields = {"e": "reason", "page": rng.choice(pages), "reason": "unclear"}
        payload = urlencode({"v": 1, **fields, "lang": "ja"})
        lines.append(f"{stamp} 204 {payload}".encode())
    return lines


def write_logs(folder: Path, lines: list[bytes]) -> None:
    third = len(lines) // 3
    with gzip.open(folder / "beacon.log.2.gz", "wb") as handle:
        handle.write(b"\n".join(lines[:third]) + b"\n")
    (folder / "beacon.log.1").write_bytes(b"\n".join(lines[third : 2 * third]) + b"\n")
    (folder / "beacon.log").write_bytes(b"\n".join(lines[2 * third :]) + b"\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--site", type=Path, default=None, help="a built site (vocabulary)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wardsite-report-bench-") as tmp:
        folder = Path(tmp)
        write_logs(folder, make_lines(args.lines))
        files = expand([folder])

        started, cpu = time.perf_counter(), time.process_time()
        stats = ReadStats()
        count = sum(1 for _ in read_lines(files, stats))
        baseline, baseline_cpu = time.perf_counter() - started, time.process_time() - cpu

        started, cpu = time.perf_counter(), time.process_time()
        tally, stats, _ = run([folder], folder / "out", args.site, ReportOptions())
        report, report_cpu = time.perf_counter() - started, time.process_time() - cpu

    print(f"lines: {args.lines:,} in 3 files (one .gz); events counted: {tally.events:,}")
    print("(wall time; CPU time of this process in brackets: steadier on a shared machine)")
    print(
        f"baseline (read lines only):   {baseline:6.2f} s ({baseline_cpu:6.2f} s CPU)"
        f"  {count / baseline:10,.0f} lines/s"
    )
    print(
        f"report (parse, count, write): {report:6.2f} s ({report_cpu:6.2f} s CPU)"
        f"  {stats.lines / report:10,.0f} lines/s"
    )
    print(f"ratio report / baseline: {report / baseline:.1f} ({report_cpu / baseline_cpu:.1f} CPU)")


if __name__ == "__main__":
    main()
