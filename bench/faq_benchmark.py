"""FAQ benchmark (not a test): 5,000 entries from the local helpdesk, pulled and built.

    .venv/bin/python -m bench.faq_benchmark [--entries 5000] [--baseline 46f345c | --baseline none]

Prints: the time of a full pull alone; the build time of the site with the FAQ
(first build: full pull; second build with nothing changed upstream), now and
at the ``--baseline`` commit ("before", built from ``git archive`` of that
commit with its own hooks, in the same run and against the same helpdesk),
with the ratio; the same site without the FAQ; the requests the second,
unchanged build made; and the machine's load (``os.getloadavg``) at the start
and the end. Each build's time is given as wall clock and as the CPU time of
the build process (the figure that other jobs on a shared machine change
least). Now and before are built alternately, so a change in the load falls on
both. Everything runs on 127.0.0.1 in a temporary copy of the project.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from wardsite.faq import publish
from wardsite.faq.config import load_faq_config
from wardsite_mkdocs.pipeline import skip_stages

ROOT = Path(__file__).resolve().parents[1]

COPY = ("docs", "overrides", "hooks", "data", "sessions", "media", "org.yml", "mkdocs.yml")
#: The commit measured as "before" (issue 14 item 5: before the build pipeline work).
BASELINE = "46f345c"
SECTIONS = [360001, 360002, 360003, 360004, 360005, 360006, 360007, 360008, 360009, 360010]


def start_helpdesk() -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "wardsite_ops.faqdesk", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    line = proc.stdout.readline() if proc.stdout else ""
    return proc, line.strip().rsplit(" ", 1)[-1]


def call(url: str, payload: object | None = None) -> dict:
    data = None if payload is None else json.dumps(payload).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as response:
        return json.loads(response.read())


def add_entries(base: str, total: int) -> int:
    """Fill the helpdesk up to ``total`` articles (the sample's count included)."""
    sample = json.loads((ROOT / "data/faq/sample/articles.json").read_text("utf-8"))["articles"]
    missing = total - len(sample)
    body = (
        "<p>{n} 番目の質問への回答です。統合ID・パスワード・Teams・OneDrive の操作を"
        "説明します。</p>"
        "<ol><li>ポータルを開きます。</li><li>「設定」を押します。</li><li>画面の指示に従います。</li></ol>"
        "<p>解決しないときはヘルプデスクへ。</p>"
    )
    batch = []
    for n in range(missing):
        batch.append(
            {
                "id": 7_000_000 + n,
                "locale": "ja",
                "section_id": SECTIONS[n % len(SECTIONS)],
                "title": f"ベンチマーク用の質問 {n}：パスワードと多要素認証について",
                "body": body.format(n=n),
                "label_names": ["ベンチマーク", "guide:account/password-reset"],
                "updated_at": "2026-11-01T00:00:00Z",
            }
        )
        if len(batch) == 1000:
            call(f"{base}/_articles", batch)
            batch = []
    if batch:
        call(f"{base}/_articles", batch)
    return missing


def copy_project(dest: Path, *, with_faq: bool, root: Path = ROOT) -> Path:
    for name in COPY:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy(src, dest / name)
    config = dest / "mkdocs.yml"
    if not with_faq:
        text = config.read_text("utf-8")
        text = skip_stages(text, ["faq"])
        text = text.replace("          - よくある質問: faq/index.md\n", "")
        config.write_text(text, "utf-8")
    return config


def export_commit(commit: str, dest: Path) -> Path:
    """The project as it was at ``commit`` (tracked files only), in ``dest``."""
    dest.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def with_hooks_of(root: Path) -> dict[str, str]:
    """Environment whose ``wardsite`` packages are those of ``root`` (not the installed ones)."""
    paths = [str(root / "hooks"), str(root / "ops"), str(ROOT / "ops")]
    old = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": os.pathsep.join(paths + ([old] if old else []))}


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds, and the CPU seconds (user + system) the build used: on a
    machine shared with other jobs the CPU time is the figure to compare."""

    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"{self.wall:.1f} s (CPU {self.cpu:.1f} s)"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(config: Path, site: Path, env: dict[str, str]) -> tuple[Timing, str]:
    started, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)],
        cwd=config.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
    )
    elapsed = Timing(time.perf_counter() - started, _children_cpu() - cpu)
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stdout}{result.stderr}")
    return elapsed, result.stdout + result.stderr


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument(
        "--baseline", default=BASELINE, help='commit built as "before" ("none": skip it)'
    )
    args = parser.parse_args()
    print(f"load average (1, 5, 15 min) at the start: {load()}")
    proc, base = start_helpdesk()
    try:
        with tempfile.TemporaryDirectory(prefix="faq-bench-") as tmp:
            work = Path(tmp)
            added = add_entries(base, args.entries)
            print(f"helpdesk {base}: {added} generated articles + the sample")

            env = {"WARDSITE_FAQ_BASE_URL": base}
            raw = {"base_url": base, "state_dir": str(work / "pull-state")}
            settings = load_faq_config({**raw, "exclude_sections": ["360099"]}, {})
            before = len(call(f"{base}/_requests")["requests"])
            started = time.perf_counter()
            outcome = publish.obtain(settings, ROOT)
            pull_s = time.perf_counter() - started
            pulled = len(call(f"{base}/_requests")["requests"]) - before
            published = len(outcome.snapshot.entries)
            print(f"full pull: {pull_s:.1f} s, {published} entries published, {pulled} requests")

            with_faq = copy_project(work / "with", with_faq=True)
            without = copy_project(work / "without", with_faq=False)
            # The copy's own hooks: editing the working tree during the run changes nothing.
            state = {
                "WARDSITE_FAQ_STATE_DIR": str(work / "build-state"),
                **with_hooks_of(work / "with"),
            }
            old: Path | None = None
            old_env: dict[str, str] = {}
            if args.baseline != "none":
                old_root = export_commit(args.baseline, work / "baseline-src")
                old = copy_project(work / "baseline", with_faq=True, root=old_root)
                old_env = {
                    **env,
                    **with_hooks_of(old_root),
                    "WARDSITE_FAQ_STATE_DIR": str(work / "baseline-state"),
                }
            first_s, _ = build(with_faq, work / "site1", {**env, **state})
            old_first = build(old, work / "old1", old_env)[0] if old else None
            before = len(call(f"{base}/_requests")["requests"])
            second_s, log = build(with_faq, work / "site2", {**env, **state})
            requests = call(f"{base}/_requests")["requests"][before:]
            old_second = build(old, work / "old2", old_env)[0] if old else None
            plain_s, _ = build(without, work / "site0", with_hooks_of(work / "without"))
            pages = sum(1 for _ in (work / "site2" / "faq").rglob("index.html"))
            print(f"build with FAQ ({pages} ja FAQ pages), before = {args.baseline}:")
            for name, now, then in (
                ("first (full pull)", first_s, old_first),
                ("second (unchanged)", second_s, old_second),
            ):
                if then is None:
                    print(f"  {name}: now {now}")
                else:
                    print(
                        f"  {name}: before {then}, now {now}, ratio {now.wall / then.wall:.2f} "
                        f"(CPU {now.cpu / then.cpu:.2f})"
                    )
            print(f"build without FAQ: {plain_s}")
            print(f"requests made by the second, unchanged build: {len(requests)}")
            for r in requests:
                print(f"  {r['path']} {r['query']}")
            size = sum(p.stat().st_size for p in (work / "site2").rglob("*") if p.is_file())
            print(f"site size with FAQ: {size / 1e6:.0f} MB")
            for line in log.splitlines():
                if any(k in line for k in ("search indexes", "Documentation built", "per shape")):
                    print("  " + line.strip())
    finally:
        proc.terminate()
        proc.wait(5)
    print(f"load average (1, 5, 15 min) at the end: {load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
