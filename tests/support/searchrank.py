"""The page locations a built bundle ranks for a query (Python analysis + lunr.py)."""

from __future__ import annotations

from typing import Any

from lunr.index import Index

from wardsite.search.query import QueryAnalyzer, search


def ranked(bundle: dict[str, Any], query: str) -> list[str]:
    """Locations of the documents ``bundle`` finds for ``query``, best first."""
    results = search(Index.load(bundle["index"]), QueryAnalyzer(bundle["analysis"]), query)
    return [bundle["docs"][int(ref)]["location"] for ref, _score in results]
