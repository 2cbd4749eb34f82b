"""Read a built site's search shards (``search/<lang>/``) as the browser fetches them."""

from __future__ import annotations

import json
from pathlib import Path


def field_postings(site: Path, lang: str, field_name: str) -> dict[str, list[str]]:
    """Term → locations of the documents that have it in ``field_name``."""
    folder = site / "search" / lang
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    locations: list[str] = []
    for n in range(len(meta["runs"])):
        run = json.loads((folder / "docs" / f"{n}.json").read_text("utf-8"))
        locations += [doc[0] for doc in run]
    field = meta["fields"].index(field_name)
    out: dict[str, list[str]] = {}
    for path in sorted((folder / "postings").glob("*.json")):
        for row in json.loads(path.read_text("utf-8")):
            ref, refs = 0, []
            for gap in row[2 + 2 * field]:
                ref += gap
                refs.append(locations[ref])
            if refs:
                out[row[0]] = refs
    return out


def indexed_terms(site: Path, lang: str) -> set[str]:
    """Every term of the language's index, in any field."""
    folder = site / "search" / lang
    return {
        row[0]
        for path in (folder / "postings").glob("*.json")
        for row in json.loads(path.read_text("utf-8"))
    }
