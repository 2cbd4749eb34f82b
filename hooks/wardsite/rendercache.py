"""Pages converted from Markdown, kept across ``serve`` rebuilds by content.

``mkdocs serve`` converts every page again after each save, although one page
changed. A page's HTML depends only on its final Markdown (after every hook),
its place in the site and the site's file list (links), the language and the
Markdown settings; when all of these hash to a key seen in the previous
rebuild, the HTML and what the conversion found (table of contents, title,
anchors) are taken from that rebuild. Entries unused for a whole rebuild are
dropped, so the cache holds about one site.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

V = TypeVar("V")


@dataclass(frozen=True)
class Rendered:
    """What converting one page gave."""

    html: str
    toc: Any
    title: str | None
    anchors: frozenset[str]
    #: Links to anchors of other pages: target page's source path → {anchor: link}.
    links: dict[str, dict[str, str]]


def content_key(*parts: str | bytes) -> str:
    """A hash of ``parts`` (in order, each kept apart from the next)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class RenderCache(Generic[V]):
    """Key → value (a :class:`Rendered`, a page's search entries), for the
    current and the previous rebuild."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[str, V] = {}
        self._used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def new_round(self) -> None:
        """A rebuild starts: forget what the previous one did not use."""
        with self._lock:
            if self._used:
                self._entries = {k: v for k, v in self._entries.items() if k in self._used}
            self._used = set()
            self.hits = self.misses = 0

    def get(self, key: str) -> V | None:
        with self._lock:
            found = self._entries.get(key)
            self._used.add(key)
            if found is None:
                self.misses += 1
            else:
                self.hits += 1
            return found

    def put(self, key: str, value: V) -> None:
        with self._lock:
            self._entries[key] = value
            self._used.add(key)


#: The process's caches (the dev server's rebuilds): converted pages, each
#: page's entries in Material's search index (wardsite_mkdocs.search_entry_cache),
#: and each page's template output (wardsite_mkdocs.page_outputs).
PAGES: RenderCache[Rendered] = RenderCache()
SEARCH_ENTRIES: RenderCache[list[dict[str, Any]]] = RenderCache()
OUTPUTS: RenderCache[str] = RenderCache()
