"""Results of slow looks at files, kept while the file stays the same.

A file counts as unchanged while its resolved path, size and modification time
(nanoseconds) are the same. ``mkdocs serve`` rebuilds the site in one process
after every save, and mkdocs-static-i18n runs every hook's ``on_config`` once
per language: without this, each recording is opened with ffprobe again on
every rebuild and in every language's build.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class StatCache(Generic[T]):
    """``get(path, *extra)`` returns ``compute(path, *extra)``, computed again only
    when the file changed (``extra`` is not part of the key: a name for messages).

    Failures are not kept (the next call tries again), so a fixed file is
    seen at once. Thread-safe; at most ``limit`` files are kept.
    """

    def __init__(self, compute: Callable[..., T], limit: int = 1024) -> None:
        self._compute = compute
        self._limit = limit
        self._lock = threading.Lock()
        self._kept: dict[str, tuple[tuple[int, int], T]] = {}

    def get(self, path: Path, *extra: Any) -> T:
        try:
            stat = path.stat()
            name = str(path.resolve())
        except OSError:
            return self._compute(path, *extra)  # reports the problem in its own words
        stamp = (stat.st_size, stat.st_mtime_ns)
        with self._lock:
            kept = self._kept.get(name)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        value = self._compute(path, *extra)
        with self._lock:
            if len(self._kept) >= self._limit:
                self._kept.clear()
            self._kept[name] = (stamp, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
