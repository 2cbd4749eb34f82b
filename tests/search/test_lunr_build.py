"""Our direct lunr index writer makes exactly what lunr.py's Builder makes."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from lunr.builder import Builder

from wardsite.search.index import BM25, FIELD_BOOSTS, IndexBuilder, SearchDoc, _Vocabulary
from wardsite.search.lunrbuild import LunrDoc, build_lunr_index

ROOT = Path(__file__).resolve().parents[2]


def lunr_reference(
    docs: Sequence[LunrDoc], boosts: Mapping[str, float], k1: float, b: float
) -> dict[str, Any]:
    """The index as lunr.py's Builder makes it (the way the build used it before)."""
    builder = Builder()
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.metadata_whitelist = []
    builder.k1(k1)
    builder.b(b)
    builder.ref("id")
    for name, boost in boosts.items():
        builder.field(name, boost)
    for doc in docs:
        fields: dict[str, Any] = {
            "id": doc.ref,
            **{name: list(doc.fields[name]) for name in boosts},
        }
        builder.add(fields, {"boost": doc.boost} if doc.boost != 1 else None)
    # Through JSON, as it is written to the site (lunr's postings are defaultdicts).
    return json.loads(json.dumps(builder.build().serialize()))


def site_docs() -> list[SearchDoc]:
    """Every guide page of this repository and every FAQ entry of the bundled snapshot."""
    docs: list[SearchDoc] = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        headings = re.findall(r"^#{2,3} (.+)$", text, flags=re.M)
        title = next(iter(re.findall(r"^# (.+)$", text, flags=re.M)), path.stem)
        docs.append(SearchDoc(str(path.relative_to(ROOT)), title, text, tuple(headings)))
    snapshot = json.loads((ROOT / "data/faq/snapshot/faq-snapshot.json").read_text("utf-8"))
    for entry in snapshot["entries"]:
        docs.append(
            SearchDoc(f"faq/{entry['id']}/", entry["title"], entry["body_html"], boost=0.15)
        )
    return docs


@pytest.fixture(scope="module")
def analysed() -> list[LunrDoc]:
    return IndexBuilder().lunr_docs(site_docs(), _Vocabulary())


def test_the_sites_documents_give_lunr_pys_index(analysed: list[LunrDoc]) -> None:
    assert len(analysed) > 100
    ours = json.loads(json.dumps(build_lunr_index(analysed, FIELD_BOOSTS, BM25["k1"], BM25["b"])))
    assert ours == lunr_reference(analysed, FIELD_BOOSTS, BM25["k1"], BM25["b"])


@pytest.mark.parametrize(("k1", "b"), [(1.2, 0.75), (0.5, 0.0), (2.0, 1.5)])
def test_edge_cases_give_lunr_pys_index(k1: float, b: float) -> None:
    docs = [
        LunrDoc("0", {"title": ["OneDrive", "onedrive"], "text": ["a", "a", "a", "b"]}, 2.0),
        LunrDoc("1", {"title": [], "text": ["b", "C"]}),
        LunrDoc("2", {"title": ["a"], "text": []}, 0.15),
    ]
    boosts = {"title": 10.0, "text": 1.0}
    ours = json.loads(json.dumps(build_lunr_index(docs, boosts, k1, b)))
    assert ours == lunr_reference(docs, boosts, k1, b)
