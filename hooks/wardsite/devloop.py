"""The editor's loop (``./scripts/serve``): slow work moved after the page reload.

``mkdocs serve`` rebuilds the whole site after each save and reloads the
browser only when the rebuild is over. The search indexes take seconds to
build, yet the page the editor looks at does not need them, so during
``serve`` they are built by one background thread after the rebuild:

1. the rebuild ends with the last published indexes copied back into the
   fresh site (search keeps working, one edit behind), and the browser reloads;
2. the thread builds the new indexes in a folder of its own and swaps them
   into the site, unless a newer rebuild has started meanwhile (then that
   rebuild's job replaces it: only the newest job runs);
3. when an index changed, the open pages are told to reload once more
   (:attr:`DevLoop.on_published`): a page's search worker reads the index
   when the page loads, so only then does its search find the edit.

``WARDSITE_RELOAD=full`` turns this off (main's behaviour: everything inside
the rebuild), for the benchmark's baseline and when in doubt.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("mkdocs.wardsite.devloop")

#: Set to ``full`` to rebuild everything inside each ``serve`` rebuild.
MODE_VARIABLE = "WARDSITE_RELOAD"


class DevLoop:
    """Whether this process is the dev server, and its background index job."""

    def __init__(self) -> None:
        self.serving = False
        self._cond = threading.Condition()
        self._generation = 0  # bumped when a rebuild starts
        self._pending: tuple[int, Callable[[Path], object], Path] | None = None
        self._running = False
        self._thread: threading.Thread | None = None
        self._kept: Path | None = None  # the last indexes swapped in (their copy)
        self.published = 0  # generation of the indexes in the site
        #: Called (from the thread) after a changed index was swapped in.
        self.on_published: Callable[[], None] | None = None

    def start(self, command: str, environ: dict[str, str] | os._Environ[str]) -> None:
        """Called once, before the first build (MkDocs ``on_startup``)."""
        self.serving = command == "serve" and environ.get(MODE_VARIABLE, "") != "full"
        if self.serving:
            log.info("編集用の表示：検索の索引は、ページを表示し直したあとに作ります。")

    @property
    def background(self) -> bool:
        """True when the indexes go to the background (serve, after the first build)."""
        return self.serving and self._kept is not None

    def rebuild_started(self) -> None:
        """A new rebuild: a running job's result is stale and must not be swapped in."""
        with self._cond:
            self._generation += 1

    def restore(self, target: Path) -> None:
        """Put the last published indexes into ``target`` (the freshly cleaned site's folder)."""
        with self._cond:
            if self._kept is None:
                return
            for child in self._kept.iterdir():
                dest = target / child.name
                if dest.exists():
                    shutil.rmtree(dest)
                shutil.copytree(child, dest, copy_function=_link)

    def keep(self, target: Path, names: list[str]) -> None:
        """Remember ``target/<name>`` folders (built in the foreground) for :meth:`restore`."""
        with self._cond:
            kept = self._kept_dir()
            for name in names:
                _replace_dir(target / name, kept / name, copy=True)

    def submit(self, build: Callable[[Path], object], target: Path) -> None:
        """Run ``build(folder)`` in the background; swap its sub-folders into ``target``."""
        with self._cond:
            self._pending = (self._generation, build, target)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._work, name="wardsite-search-index", daemon=True
                )
                self._thread.start()
            self._cond.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """True once no job is pending or running (tests, the benchmark)."""
        with self._cond:
            return self._cond.wait_for(
                lambda: self._pending is None and not self._running, timeout=timeout
            )

    def _kept_dir(self) -> Path:
        if self._kept is None:
            self._kept = Path(tempfile.mkdtemp(prefix="wardsite-search-"))
        return self._kept

    def _work(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending is not None)
                assert self._pending is not None
                generation, build, target = self._pending
                self._pending = None
                self._running = True
            staging = Path(tempfile.mkdtemp(prefix="wardsite-search-new-"))
            try:
                started = time.perf_counter()
                build(staging)
                with self._cond:
                    if generation != self._generation or self._pending is not None:
                        continue  # a newer rebuild: its own job follows
                    kept = self._kept_dir()
                    changed = any(_changed(child, kept / child.name) for child in staging.iterdir())
                    for child in staging.iterdir():
                        _replace_dir(child, kept / child.name, copy=True)
                        _replace_dir(child, target / child.name, copy=False)
                    self.published = generation
                log.info(f"検索の索引を新しくしました（{time.perf_counter() - started:.1f} 秒）。")
                if changed and self.on_published is not None:
                    self.on_published()
            except Exception as exc:  # the next save tries again; the page is not affected
                log.warning(f"検索の索引を作れませんでした（{exc}）。前の索引のままです。")
            finally:
                shutil.rmtree(staging, ignore_errors=True)
                with self._cond:
                    self._running = False
                    self._cond.notify_all()


def _changed(new: Path, old: Path) -> bool:
    """Whether two index folders differ (their ``meta.json`` carries the index's hash)."""
    try:
        return (new / "meta.json").read_bytes() != (old / "meta.json").read_bytes()
    except OSError:
        return True


def _link(source: str, dest: str) -> None:
    """A hard link (no copying; nothing writes into these files), else a copy."""
    try:
        os.link(source, dest)
    except OSError:  # another file system
        shutil.copy2(source, dest)


def _replace_dir(source: Path, dest: Path, *, copy: bool) -> None:
    """Put ``source`` at ``dest`` (a copy, or moved), replacing what was there."""
    old = dest.with_name(f".{dest.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if dest.exists():
        dest.rename(old)
    if copy:
        shutil.copytree(source, dest)
    else:
        shutil.move(str(source), str(dest))
    shutil.rmtree(old, ignore_errors=True)


#: The one dev loop of this process (the hooks share it).
LOOP = DevLoop()
