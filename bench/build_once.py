"""What the pipeline's "once per build" guard saves (not a test).

    .venv/bin/python bench/build_once.py [--runs 5]

mkdocs-static-i18n runs ``on_config`` again for each extra language. Before
the guard (hooks/wardsite_mkdocs/pipeline.py) the build read git's history and
the session files (probing every video with ffprobe) once per language; now
once per build. Prints the median time of each load of this repository, once
(now) beside twice (before), with the number of outside programs each runs.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from wardsite.announcements.model import load_announcements
from wardsite.lastupdated import git_dates
from wardsite.org import load_org
from wardsite.sessions.metadata import load_sessions

ROOT = Path(__file__).resolve().parents[1]


def _median(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    videos = len(list((ROOT / "media").rglob("video.mp4")))
    loads: list[tuple[str, Callable[[], object], str]] = [
        ("git history", lambda: git_dates(ROOT / "docs"), "git rev-parse + git log"),
        ("sessions", lambda: load_sessions(ROOT / "sessions", ROOT), f"ffprobe x{videos}"),
        ("org.yml", lambda: load_org(ROOT / "org.yml"), "-"),
        (
            "announcements",
            lambda: load_announcements(ROOT / "data" / "announcements.yml", ROOT / "docs"),
            "-",
        ),
    ]
    print(f"{'load':<15}{'once (now)':>12}{'twice (before)':>16}  programs run per load")
    total = 0.0
    for name, work, programs in loads:
        once = _median(work, args.runs)
        total += once
        print(f"{name:<15}{once:>11.3f}s{2 * once:>15.3f}s  {programs}")
    print(f"{'total':<15}{total:>11.3f}s{2 * total:>15.3f}s  saved per build: {total:.3f}s")


if __name__ == "__main__":
    main()
