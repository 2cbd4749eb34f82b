"""Material for MkDocs' search index of the build: add documents to it, read it.

Material's search plugin collects one entry per page section in
``config.plugins["search"].search_index.entries`` (dicts with ``location``,
``title`` and ``text``, the shape of ``search_index.json`` docs) and writes
them in its ``on_post_build`` (mkdocs-static-i18n combines every language's
into one ``search/search_index.json``, which only Material's own search reads).
Documents added here in a page's ``on_page_context``, after Material indexed
the page, are part of that page's entries; the build's search stage collects
them with the page.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig


def search_index(config: MkDocsConfig) -> object | None:
    """Material's index of the language being built, or None without the search plugin."""
    for name in ("search", "material/search"):
        plugin = config.plugins.get(name)
        if plugin is None:
            continue
        plugin_config = getattr(plugin, "config", None)
        if plugin_config is not None and not plugin_config.get("enabled", True):
            return None
        return getattr(plugin, "search_index", None)
    return None


def rebase(
    documents: Iterable[Mapping[str, str]], page_location: str, page_url: str
) -> list[dict[str, str]]:
    """Documents whose locations start with ``page_location`` (the page's URL in
    the default language), moved onto ``page_url`` (its URL in this build, e.g.
    ``en/learning/sessions/hands-on-01/``)."""
    out: list[dict[str, str]] = []
    for doc in documents:
        location = doc["location"]
        if location.startswith(page_location):
            location = page_url + location[len(page_location) :]
        out.append({**doc, "location": location})
    return out


def add_documents(config: MkDocsConfig, documents: Iterable[Mapping[str, str]]) -> int:
    """Append documents to the search index of the build; return how many.

    Does nothing (returns 0) when the search plugin is missing or disabled.
    """
    index = search_index(config)
    entries = getattr(index, "entries", None)
    if entries is None:
        return 0
    added = [dict(doc) for doc in documents]
    entries.extend(added)
    return len(added)


def index_config(config: MkDocsConfig) -> dict[str, Any]:
    """The ``config`` Material writes into its index (lang, separator, pipeline, fields)."""
    index = search_index(config)
    settings = getattr(index, "config", None) or {}
    picked = {key: settings[key] for key in ("lang", "separator", "pipeline", "fields")}
    return json.loads(json.dumps(picked, default=str))  # plain JSON values, as Material writes
