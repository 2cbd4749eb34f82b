"""Full-length training recordings benchmark (not a test): publish, page, index, highlight.

    .venv/bin/python -m bench.session_benchmark                 # about 3-5 minutes
    .venv/bin/python -m bench.session_benchmark --minutes 90 --cues 1500

All on this machine, with the same generated media as the tests
(tests/support/longmedia.py: tiny 160x90 clips, 8 kHz mono audio):

1. Generation time of the test recording (``--minutes`` long), uncached.
2. publish-session time per minute of recording: the browser-safe MP4 (decode
   check + remux) and a 10-minute MPEG-4/MP3 file (decode check + conversion).
   Baseline: the recording's own length (ratio = publish time / real time).
3. Two strict builds of a copy of the project: as it is (baseline) and with the
   long session published as 第7回. Prints the session page's bytes (beside a
   4-cue sample page) and the search index growth (all of ``search/``) per
   hour of recording.
4. In Chromium, the cost of one transcript highlight update, when the cue
   changes and when it does not (most timeupdate events): ours (binary
   search) beside the old update() (a scan of every cue), same page, same run.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from support.browser import CHROMIUM, CHROMIUM_ARGS
from support.build import build_site, copy_project
from support.httpserver import serve_directory
from support.longmedia import long_clip, publish_long_session

ROOT = Path(__file__).resolve().parents[1]

SESSION = "learning/sessions/hands-on-07/"
SAMPLE = "learning/sessions/hands-on-01/"

# Runs in the page: time N updates at spread-out positions (the cue changes
# every time) and 5 N at an unchanged position (most timeupdate events), ours
# beside the old update() (a scan over every cue, then the same class change
# and an immediate scroll), on the same page. Ours moves the scroll to the
# next animation frame, where the browser lays out the page anyway.
HIGHLIGHT_JS = """(n) => {
  const video = document.querySelector('video');
  const box = document.querySelector('[data-ws-transcript]');
  const spans = [...box.querySelectorAll('span[data-s]')];
  const duration = parseFloat(document.querySelector('[data-ws-duration]')
      .getAttribute('data-ws-duration'));
  const cues = spans.map((s) => ({link: s, start: parseFloat(s.getAttribute('data-s')),
                                  end: parseFloat(s.getAttribute('data-e'))}));
  let current = null;
  function oldUpdate() {
    const t = video.currentTime;
    let found = null;
    for (let i = 0; i < cues.length; i++) {
      if (cues[i].start <= t && t < cues[i].end) found = cues[i];
    }
    if (found === current) return;
    if (current) current.link.classList.remove('ws-cue--active');
    current = found;
    if (!current) return;
    current.link.classList.add('ws-cue--active');
    const top = current.link.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - current.link.offsetHeight) {
      box.scrollTop = Math.max(top - box.clientHeight / 3, 0);
    }
  }
  const times = Array.from({length: n}, (_, i) => ((i * 7919) % n) / n * duration);
  function timeChanged(update) {
    const took = [];
    for (const t of times) {
      video.currentTime = t;
      const start = performance.now(); update(); took.push(performance.now() - start);
    }
    return took;
  }
  function timeSame(update) {
    const took = [];
    for (const t of times) {
      video.currentTime = t;
      update();
      for (let r = 0; r < 5; r++) {
        const start = performance.now(); update(); took.push(performance.now() - start);
      }
    }
    return took;
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const clear = () => box.querySelectorAll('.ws-cue--active')
      .forEach((e) => e.classList.remove('ws-cue--active'));
  // Each twice, old first: the second round of each is measured (warm).
  let oldChanged, oldSame, oursChanged, oursSame;
  for (let round = 0; round < 2; round++) {
    clear(); current = null;
    oldChanged = mean(timeChanged(oldUpdate));
    oldSame = mean(timeSame(oldUpdate));
    clear();
    oursChanged = mean(timeChanged(box.wsUpdate));
    oursSame = mean(timeSame(box.wsUpdate));
  }
  return {oursChanged, oursSame, oldChanged, oldSame, cues: spans.length};
}"""


def _search_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in (site / "search").rglob("*") if p.is_file())


def _build(project: Path) -> tuple[Path, float]:
    site = project / "site"
    started = time.perf_counter()
    result = build_site(site, project / "mkdocs.yml")
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stdout}{result.stderr}")
    return site, time.perf_counter() - started


def _highlight(site: Path, updates: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with serve_directory(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url + SESSION)
        page.wait_for_function("document.querySelector('video').readyState >= 1")
        result = page.evaluate(HIGHLIGHT_JS, updates)
        page.goto("about:blank")  # stop the video download before the server stops
        browser.close()
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=int, default=60)
    parser.add_argument("--cues", type=int, default=1500)
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--workdir", type=Path, help="keep the projects here (default: temporary)")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="session-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    hours = args.minutes / 60

    gen_dir = work / "generated"
    shutil.rmtree(gen_dir, ignore_errors=True)
    _, gen_seconds = long_clip(args.minutes, "mp4", folder=gen_dir)
    print(f"generate {args.minutes} min test recording: {gen_seconds:.1f} s", flush=True)

    base_project = work / "baseline"
    long_project = work / "long"
    convert_project = work / "convert"
    for folder in (base_project, long_project, convert_project):
        shutil.rmtree(folder, ignore_errors=True)
        copy_project(folder)
    remux = publish_long_session(long_project, args.minutes, args.cues)
    convert = publish_long_session(convert_project, 10, args.cues // 6, kind="mkv")
    print(f"published in {remux:.1f} s (remux) and {convert:.1f} s (10 min, convert)", flush=True)

    base_site, base_build = _build(base_project)
    long_site, long_build = _build(long_project)
    page = (long_site / SESSION / "index.html").stat().st_size
    sample_page = (long_site / SAMPLE / "index.html").stat().st_size
    base_index, long_index = _search_bytes(base_site), _search_bytes(long_site)
    highlight = _highlight(long_site, args.updates)

    rows = [
        ("figure", "this run", "baseline", "ratio"),
        (
            "publish, browser-safe MP4 (s per minute of recording)",
            f"{remux / args.minutes:.3f}",
            "60.000 (real time)",
            f"{remux / (args.minutes * 60):.4f}",
        ),
        (
            "publish, MPEG-4/MP3 → H.264/AAC (s per minute)",
            f"{convert / 10:.3f}",
            "60.000 (real time)",
            f"{convert / 600:.4f}",
        ),
        (
            f"session page bytes ({args.cues} cues)",
            f"{page:,}",
            f"{sample_page:,} (4-cue sample page)",
            f"{page / sample_page:.1f}",
        ),
        (
            "page bytes per cue (above the sample page)",
            f"{(page - sample_page) / args.cues:.0f}",
            "",
            "",
        ),
        (
            "search index bytes per hour of recording",
            f"{(long_index - base_index) / hours:,.0f}",
            f"{base_index:,} (whole site index)",
            f"{(long_index - base_index) / hours / base_index:.3f}",
        ),
        (
            "highlight update, cue changed, ms",
            f"{highlight['oursChanged']:.4f}",
            f"{highlight['oldChanged']:.4f} (old: scan all cues)",
            f"{highlight['oursChanged'] / highlight['oldChanged']:.3f}",
        ),
        (
            "highlight update, same cue (most timeupdates), ms",
            f"{highlight['oursSame']:.4f}",
            f"{highlight['oldSame']:.4f} (old: scan all cues)",
            f"{highlight['oursSame'] / highlight['oldSame']:.3f}",
        ),
        (
            "build time, s",
            f"{long_build:.1f}",
            f"{base_build:.1f}",
            f"{long_build / base_build:.2f}",
        ),
    ]
    width = [max(len(r[i]) for r in rows) for i in range(4)]
    print()
    for row in rows:
        print("  ".join(cell.ljust(width[i]) for i, cell in enumerate(row)).rstrip())
    print(f"\n(projects in {work}; cues on the page: {highlight['cues']:.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
