"""Tell the browsers that ``mkdocs serve`` is serving to reload, outside a rebuild;
let it notice saved files without polling.

MkDocs' live reload server (``mkdocs.livereload.LiveReloadServer``, the same
in ProperDocs 1.6) has no public call for this: a page long-polls
``/livereload/<epoch>/…`` and reloads when the server's visible epoch grows;
a rebuild grows it. This grows it without a rebuild, and does nothing while a
rebuild runs (that rebuild reloads the pages anyway) or on a server that
lacks these attributes.
"""

from __future__ import annotations

from typing import Any

from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver


def reload_browsers(server: Any) -> bool:
    """True when the open pages were told to reload."""
    cond = getattr(server, "_epoch_cond", None)
    if cond is None or not hasattr(server, "_visible_epoch"):
        return False
    with cond:
        if server._visible_epoch != server._wanted_epoch:
            return False  # a rebuild is running
        epoch = server._visible_epoch + 1
        server._wanted_epoch = epoch
        server._visible_epoch = epoch
        cond.notify_all()
    return True


def watch_without_polling(server: Any) -> bool:
    """Let the server learn of saved files from the kernel, not by polling.

    MkDocs' server lists every watched folder every half second (its
    ``PollingObserver``): a save waits a quarter of a second on average
    before the rebuild starts, and the listing costs CPU all the time. Where
    watchdog has a native observer (inotify on Linux), the paths watched so
    far are moved to it, and later ``server.watch`` calls use it too. Only
    changes count: the build's own reads of the files must not start another
    rebuild. True when moved; a server without these attributes, or a system
    without a native observer, is left as it is.
    """
    paths = getattr(server, "_watched_paths", None)
    if not isinstance(paths, dict) or not isinstance(server.observer, PollingObserver):
        return False
    if issubclass(Observer, PollingObserver):
        return False  # no native observer on this system
    counts = dict(paths)
    for path, count in counts.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = _ChangesObserver()
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
    return True


#: Events of a changed file (not opened or read).
CHANGES = (FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent)


class _ChangesObserver(Observer):  # type: ignore[misc,valid-type]
    """The native observer, reporting only :data:`CHANGES` to every handler."""

    def schedule(self, event_handler: Any, path: str, *, recursive: bool = False, **_: Any) -> Any:
        return super().schedule(
            event_handler, path, recursive=recursive, event_filter=list(CHANGES)
        )
