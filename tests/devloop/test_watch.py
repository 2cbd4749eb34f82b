"""MkDocs' live reload server, moved off polling (wardsite_mkdocs.livereload):
a saved file starts a rebuild at once, a file the build only reads does not."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from bench.reload_benchmark import free_port
from wardsite_mkdocs.livereload import watch_without_polling


def test_saves_rebuild_and_reads_do_not(tmp_path: Path) -> None:
    watched = tmp_path / "docs"
    watched.mkdir()
    page = watched / "page.md"
    page.write_text("a", "utf-8")
    builds: list[float] = []
    server = LiveReloadServer(
        builder=lambda: builds.append(time.monotonic()),
        host="127.0.0.1",
        port=free_port(),
        root=str(tmp_path),
    )
    server.watch(str(watched))
    assert watch_without_polling(server)
    assert not isinstance(server.observer, PollingObserver)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    try:
        time.sleep(0.5)
        page.read_text("utf-8")
        time.sleep(1.0)
        assert builds == [], "reading a watched file started a rebuild"
        saved = time.monotonic()
        page.write_text("b", "utf-8")
        deadline = saved + 5
        while not builds and time.monotonic() < deadline:
            time.sleep(0.01)
        assert builds, "the save did not start a rebuild"
        assert builds[0] - saved < 0.4  # no half-second poll (0.1 s of it is MkDocs' own wait)
    finally:
        server.shutdown()
        thread.join(5)
