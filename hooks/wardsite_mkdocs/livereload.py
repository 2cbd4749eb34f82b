"""Tell the browsers that ``mkdocs serve`` is serving to reload, outside a rebuild.

MkDocs' live reload server (``mkdocs.livereload.LiveReloadServer``, the same
in ProperDocs 1.6) has no public call for this: a page long-polls
``/livereload/<epoch>/…`` and reloads when the server's visible epoch grows;
a rebuild grows it. This grows it without a rebuild, and does nothing while a
rebuild runs (that rebuild reloads the pages anyway) or on a server that
lacks these attributes.
"""

from __future__ import annotations

from typing import Any


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
