"""A lunr 2.3.9 index from documents whose fields are already lists of terms.

lunr.py's ``Builder`` is written for raw text: for every term it makes a
``Token`` with a deep-copied metadata dict, runs a pipeline, and inserts each
vector element with a binary search. Our fields arrive already analysed
(SudachiPy terms and bigrams) with the pipeline reset and no metadata, so all
of that is wasted work; with a 5,000-entry helpdesk it was more than half of
the search stage. This module computes the same serialised index directly.

It is hand-written on purpose, but kept to lunr's own definitions: the
inverse document frequency is lunr's :func:`lunr.idf.idf`, the version is
lunr's, and ``tests/search/test_lunr_build.py`` checks that the output equals
lunr.py's ``Builder`` on the site's documents, so the browser side (lunr's
index format) cannot tell the difference.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lunr import __TARGET_JS_VERSION__
from lunr.idf import idf


@dataclass(frozen=True)
class LunrDoc:
    """One document: its ref, its terms per field, and its boost (1 = none)."""

    ref: str
    fields: Mapping[str, Sequence[str]]
    boost: float = 1.0


def build_lunr_index(
    docs: Sequence[LunrDoc], field_boosts: Mapping[str, float], k1: float, b: float
) -> dict[str, Any]:
    """The serialised index lunr.py's Builder makes for ``docs`` (empty pipelines)."""
    fields = list(field_boosts)
    b = min(max(b, 0), 1)  # lunr clamps b the same way
    postings: dict[str, dict[str, Any]] = {}
    frequencies: list[tuple[str, str, float, dict[str, int], int]] = []
    totals = dict.fromkeys(fields, 0)
    for doc in docs:
        for name in fields:
            terms = [str(term).lower() for term in doc.fields.get(name) or ()]
            counts: dict[str, int] = {}
            for term in terms:
                counts[term] = counts.get(term, 0) + 1
                posting = postings.get(term)
                if posting is None:
                    posting = {field: {} for field in fields}
                    posting["_index"] = len(postings)
                    postings[term] = posting
                posting[name].setdefault(doc.ref, {})
            frequencies.append((name, doc.ref, doc.boost, counts, len(terms)))
            totals[name] += len(terms)
    average = {name: totals[name] / len(docs) for name in fields} if docs else {}
    idf_of: dict[str, float] = {}
    vectors: list[list[Any]] = []
    for name, ref, boost, counts, length in frequencies:
        elements: list[tuple[int, float]] = []
        for term, tf in counts.items():
            term_idf = idf_of.get(term)
            if term_idf is None:
                term_idf = idf_of[term] = idf(postings[term], len(docs))
            score = term_idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (length / average[name])) + tf)
            score *= field_boosts[name]
            score *= boost
            elements.append((postings[term]["_index"], round(score, 3)))
        elements.sort()
        vectors.append([f"{name}/{ref}", [value for pair in elements for value in pair]])
    return {
        "version": __TARGET_JS_VERSION__,
        "fields": fields,
        "fieldVectors": vectors,
        "invertedIndex": [[term, postings[term]] for term in sorted(postings)],
        "pipeline": [],
    }
