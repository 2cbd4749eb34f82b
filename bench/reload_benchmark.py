"""Editor reload benchmark (not a test): save → browser reload with the real dev server.

    .venv/bin/python -m bench.reload_benchmark [--rounds 2] [--faq-entries 1000]

In temporary copies of the project, starts the dev server as ``./scripts/serve``
does (``mkdocs serve --livereload`` on 127.0.0.1, a free port) twice: first
"before", with the build code (``hooks/``, mkdocs.yml) of ``--baseline`` (default ``main``,
taken with ``git archive``) and ``WARDSITE_RELOAD=full`` (every save rebuilds
everything, search indexes included), then "after", as ``./scripts/serve``
runs it now. For a guide
page, a session file (``sessions/*.yml``) and ``data/search/synonyms.yml`` it
saves an edit carrying a new word and prints:

- ``reload``: save → the livereload endpoint tells the browser to reload;
- ``shown``: save → the served page shows the word (guide, session);
- ``search``: save → the served search index (``search/ja/lexicon/*.json``) has it.

Beside them, the time of a full ``mkdocs build`` of the same copy, and the
ratios after/before. ``--faq-entries N`` fills the local dev helpdesk
(``wardsite.faq.devserver``) with N articles and serves the site with that FAQ.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import faq_benchmark

ROOT = Path(__file__).resolve().parents[1]
COPY = ("docs", "overrides", "hooks", "data", "sessions", "media", "org.yml", "mkdocs.yml")
MODES = ("before", "after")


@dataclass(frozen=True)
class Target:
    """One kind of edit: the file, the page that shows it, how the word goes in."""

    name: str
    path: str
    page: str | None
    edit: Callable[[str, str], str]


def _guide(text: str, word: str) -> str:
    return text.rstrip("\n") + f"\n\n{word} を確かめる段落です。\n"


def _session(text: str, word: str) -> str:
    return re.sub(r"^title: (.*)$", rf"title: \1 {word}", text, count=1, flags=re.M)


def _synonyms(text: str, word: str) -> str:
    # A new group of two new words (a word may be in one group only).
    return text.rstrip("\n") + f"\n  - {word}, {word}alt\n"


TARGETS = (
    Target("guide", "docs/start/first-day.md", "/start/first-day/", _guide),
    Target("session", "sessions/dx-mindset-01.yml", "/learning/sessions/dx-mindset-01/", _session),
    Target("synonyms", "data/search/synonyms.yml", None, _synonyms),
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str, timeout: float = 900) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return None


class DevServer:
    """``mkdocs serve --livereload`` of a project copy on 127.0.0.1."""

    def __init__(self, project: Path, env: dict[str, str], log: Path) -> None:
        self.base = f"http://127.0.0.1:{free_port()}"
        self._log = log.open("w")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "--livereload",
                "--dev-addr",
                self.base.removeprefix("http://"),
            ],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"the dev server stopped (see {self._log.name})")
            if fetch(self.base + "/", timeout=5) is not None:
                return
            time.sleep(0.2)
        raise SystemExit("the dev server did not start")

    def epoch(self, page: str) -> int:
        html = fetch(self.base + page, timeout=900) or ""  # waits for a running rebuild
        found = re.search(r"livereload\((\d+),", html)
        if not found:
            raise SystemExit(f"no livereload script on {page}")
        return int(found[1])

    def wait_reload(self, epoch: int) -> int:
        """Block like the browser's long poll until a newer epoch is visible; that epoch."""
        while True:
            answer = fetch(f"{self.base}/livereload/{epoch}/1", timeout=120)
            if answer is not None and int(answer) > epoch:
                return int(answer)

    def search_has(self, word: str, lang: str = "ja") -> bool:
        meta = fetch(f"{self.base}/search/{lang}/meta.json", timeout=10)
        if not meta:
            return False
        try:
            shards = int(json.loads(meta)["lexiconShards"])
        except (ValueError, KeyError):
            return False
        for n in range(shards):
            shard = fetch(f"{self.base}/search/{lang}/lexicon/{n}.json", timeout=10) or ""
            if f'"{word}"' in shard:
                return True
        return False

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self._log.close()


def poll(check: Callable[[], bool], started: float, timeout: float = 300) -> float:
    while time.perf_counter() - started < timeout:
        if check():
            return time.perf_counter() - started
        time.sleep(0.05)
    return float("nan")


def measure(server: DevServer, project: Path, target: Target, word: str) -> dict[str, float]:
    """Save the edit, time reload / shown / search, then put the file back and settle."""
    path = project / target.path
    original = path.read_text(encoding="utf-8")
    epoch = server.epoch(target.page or "/")
    times: dict[str, float] = {}
    marks: dict[str, float] = {}

    def long_poll() -> None:
        # Only a reload after the save counts (not a late one of the step before).
        seen = epoch
        while True:
            seen = server.wait_reload(seen)
            if "started" in marks:
                times["reload"] = time.perf_counter() - marks["started"]
                return

    poller = threading.Thread(target=long_poll, daemon=True)
    poller.start()
    time.sleep(0.3)  # the long poll is waiting, as in the browser
    started = marks["started"] = time.perf_counter()
    path.write_text(target.edit(original, word), encoding="utf-8")
    if target.page:
        page = server.base + target.page
        times["shown"] = poll(lambda: word in (fetch(page) or ""), started)
    times["search"] = poll(lambda: server.search_has(word), started)
    poller.join(300)
    # Back to the original; wait until the search index no longer has the word.
    epoch = server.epoch(target.page or "/")
    path.write_text(original, encoding="utf-8")
    server.wait_reload(epoch)
    poll(lambda: not server.search_has(word), time.perf_counter())
    time.sleep(1.5)  # the reload after the index update, if any, is over
    return times


def copy_project(dest: Path, baseline: str | None = None) -> Path:
    """A copy of the project; with ``baseline``, ``hooks/`` and mkdocs.yml of that revision."""
    for name in COPY:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, dest / name)
    if baseline:
        shutil.rmtree(dest / "hooks")
        archive = subprocess.run(
            ["git", "archive", baseline, "hooks", "mkdocs.yml"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x"], cwd=dest, input=archive, check=True)
    # The pages stage dates pages from git history: one commit, as in a fresh clone.
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@127.0.0.1"]
    subprocess.run(["git", "init", "-q"], cwd=dest, check=True)
    subprocess.run(["git", "add", "-A"], cwd=dest, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "copy"], cwd=dest, check=True)
    return dest


def mode_env(project: Path, mode: str) -> dict[str, str]:
    """The copy's own hooks/ first on the path (not the worktree's editable install)."""
    env = {"PYTHONPATH": str(project / "hooks")}
    return {**env, "WARDSITE_RELOAD": "full"} if mode == "before" else env


def full_build(project: Path, env: dict[str, str], site: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        check=True,
    )
    return time.perf_counter() - started


def start_helpdesk(entries: int) -> tuple[subprocess.Popen[str], str]:
    """The local dev helpdesk on a free port, filled up to ``entries`` articles."""
    proc, base = faq_benchmark.start_helpdesk()
    faq_benchmark.add_entries(base, entries)
    return proc, base


def fmt(value: float) -> str:
    return "—" if value != value else f"{value:5.1f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2, help="edits per file and mode")
    parser.add_argument("--faq-entries", type=int, default=0, help="dev helpdesk articles")
    parser.add_argument("--only", choices=[t.name for t in TARGETS], action="append")
    parser.add_argument("--baseline", default="main", help="git revision of the 'before' hooks/")
    args = parser.parse_args()
    targets = [t for t in TARGETS if not args.only or t.name in args.only]
    load_at_start = os.getloadavg()[0]
    helpdesk = None
    env: dict[str, str] = {}
    results: dict[str, dict[str, dict[str, list[float]]]] = {}
    builds: dict[str, float] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="reload-bench-") as tmp:
            work = Path(tmp)
            if args.faq_entries:
                helpdesk, base = start_helpdesk(args.faq_entries)
                env = {
                    "WARDSITE_FAQ_BASE_URL": base,
                    "WARDSITE_FAQ_STATE_DIR": str(work / "faq-state"),
                }
                print(f"FAQ: dev helpdesk {base} with {args.faq_entries} articles")
            for mode in MODES:
                baseline = args.baseline if mode == "before" else None
                project = copy_project(work / f"project-{mode}", baseline)
                extra = mode_env(project, mode)
                builds[mode] = full_build(project, {**env, **extra}, work / f"site-{mode}")
                server = DevServer(project, {**env, **extra}, work / f"serve-{mode}.log")
                try:
                    server.wait_ready()
                    time.sleep(1)
                    for target in targets:
                        for n in range(args.rounds):
                            word = f"zqreload{mode}{target.name}{chr(97 + n)}"  # letters: one word
                            got = measure(server, project, target, word)
                            row = results.setdefault(target.name, {}).setdefault(mode, {})
                            for key, value in got.items():
                                row.setdefault(key, []).append(value)
                            print(f"  {mode:6} {target.name:8} {json.dumps(got)}", flush=True)
                finally:
                    server.stop()
    finally:
        if helpdesk is not None:
            helpdesk.terminate()
            helpdesk.wait(5)
    print()
    print(f"{'edit':10} {'time':7} {'before':>8} {'after':>8} {'after/before':>13}")
    for name, modes in results.items():
        for key in ("reload", "shown", "search"):
            if key not in modes.get("before", {}):
                continue
            before = statistics.median(modes["before"][key])
            after = statistics.median(modes["after"][key])
            print(f"{name:10} {key:7} {fmt(before):>8} {fmt(after):>8} {after / before:13.2f}")
    print(
        f"{'full build':18} {fmt(builds['before']):>8} {fmt(builds['after']):>8}"
        f" {builds['after'] / builds['before']:13.2f}"
    )
    print(
        f"(median of {args.rounds} edits each; machine load (1 min): "
        f"{load_at_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end, "
        f"{os.cpu_count()} CPUs)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
