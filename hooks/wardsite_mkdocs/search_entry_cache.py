"""During ``serve``: Material's search entries of a page taken from the previous
rebuild when the page's HTML, address, title and table of contents are the same.

Material's search plugin parses every page's HTML again in each rebuild (about
a sixth of a rebuild once pages are not converted again). Its index object has
no option for this, so the one method that reads a page is wrapped on the
instance of this build (``config.plugins["material/search"].search_index``).
"""

from __future__ import annotations

import copy
from typing import Any

from wardsite.rendercache import SEARCH_ENTRIES, content_key


def _toc_key(items: Any) -> list[str]:
    out: list[str] = []
    for item in items or ():
        out.append(f"{getattr(item, 'id', '')}\0{getattr(item, 'url', '')}")
        out.extend(_toc_key(getattr(item, "children", ())))
    return out


def page_key(page: Any) -> str:
    meta = page.meta
    return content_key(
        page.url or "",
        page.content or "",
        str(meta.get("title", page.title)),
        repr(meta.get("search")),
        repr(meta.get("tags")),
        *_toc_key(page.toc),
    )


def reuse_entries(search_plugin: Any) -> None:
    """Wrap ``search_plugin.search_index.add_entry_from_context`` (once per index)."""
    index = getattr(search_plugin, "search_index", None)
    if index is None or getattr(index, "_wardsite_cached", False):
        return
    original = index.add_entry_from_context

    def add_entry_from_context(page: Any) -> None:
        key = page_key(page)
        found = SEARCH_ENTRIES.get(key)
        if found is not None:
            index.entries.extend(copy.deepcopy(found))
            return
        before = len(index.entries)
        original(page)
        SEARCH_ENTRIES.put(key, copy.deepcopy(index.entries[before:]))

    index.add_entry_from_context = add_entry_from_context
    index._wardsite_cached = True
