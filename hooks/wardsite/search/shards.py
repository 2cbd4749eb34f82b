"""Split a search bundle into small files that the browser fetches per query.

A bundle (:func:`wardsite.search.index.build_index`) holds everything for one
language: the lunr index, the query side's lexicon and synonyms, and the text
of every document. On a site of thousands of pages that is megabytes, and a
browser that loads it whole waits seconds before its first answer. Here the
bundle is cut the way the query side reads it, so that a query fetches only
what it needs (all paths relative to ``search/<lang>/``):

``meta.json`` (fetched once, when the search starts; small)
    Format version, a content ``id`` (added to every other file's URL so that a
    browser never mixes files of two builds), the lunr ``fields``, the number
    of documents, the shard counts, the query side's small settings (stop
    words, clause boosts, fields per kind of clause, limits) and ``runs``: one
    ``[document count, page number]`` per run of consecutive documents of one
    page (a page and its sections), in document order.

``pages.json`` (fetched when the search starts, waited for only by a result
with more pages than are shown with their text)
    ``[location, title]`` per page number.

``lexicon/<n>.json``
    ``{"entries": [[ordinal, key, [terms]], ...], "synonyms": [[term,
    [[other, kind], ...]], ...], "phrases": [[ordinal, term, [words], polarity],
    ...], "kanjiPairs": [[word, [sounds], [sounds]], ...], "kanjiReadings":
    [[kanji, [readings]], ...]}`` (phrases and readings: :func:`lexicon_shards`).
    A lexicon key goes into the shard of its first and of its second character
    (:func:`shard_of`). The query side fetches the shards of every character
    of the normalised query (and of the kana its romaji words spell:
    romaji.py); a key it may use (the query's words, completions of a half-typed word, one-slip
    typos, also in the first character) always starts with, or has as its
    second character, a character of the query, so those shards hold every
    key the full lexicon would give for that query. ``ordinal`` is the key's
    place in the full lexicon: the analyser's tie rules follow lexicon order.

``postings/<n>.json``
    ``[[term, term number, refs of field 1, weights of field 1, refs of field
    2, ...], ...]`` for the terms whose :func:`shard_of` is ``n``: document
    refs as gaps from the previous ref, weights as lunr's stored field-vector
    values in thousandths (lunr.py rounds them to three decimals). That is
    all lunr's scoring reads of a document for a query term, so the browser
    computes lunr's scores exactly (``engine.js``; tests compare with lunr.js
    on the full index).

``docs/<n>.json``
    ``[[location, title, text], ...]``: the documents of the ``n``-th run, for
    result titles, text and highlighting. Fetched only for the pages shown
    with their text.

Shard counts are powers of two sized from the data (:data:`SHARD_BYTES`);
they are in ``meta.json``, so the browser needs no other knowledge.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Version of the file layout above; worker.js refuses another one.
SHARD_FORMAT = 2
#: Aimed-at uncompressed size of one lexicon and one postings shard.
SHARD_BYTES = {"lexicon": 16_000, "postings": 24_000}
MAX_SHARDS = 4096

_FNV_OFFSET = 0x811C9DC5
_FNV_PRIME = 0x01000193


def shard_of(text: str, count: int) -> int:
    """Shard number of a term or a character: FNV-1a over its code points.

    ``engine.js`` computes the same (``shardOf``) in the browser.
    """
    value = _FNV_OFFSET
    for char in text:
        value = ((value ^ ord(char)) * _FNV_PRIME) & 0xFFFFFFFF
    return value % count


def shard_count(total_bytes: int, target: int) -> int:
    """The smallest power of two that keeps shards near ``target`` bytes."""
    count = 1
    while count < MAX_SHARDS and total_bytes / count > target:
        count *= 2
    return count


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class ShardStats:
    """What :func:`write_shards` wrote, for the build log and the benchmarks."""

    lang: str
    docs: int
    pages: int
    files: int
    bytes: int
    lexicon_shards: int
    posting_shards: int


@dataclass(frozen=True)
class DocRuns:
    """Documents grouped the way the browser fetches them (see the module docstring)."""

    runs: list[list[int]]  # [document count, page number] per run
    pages: list[list[str]]  # [location, title] per page number


def doc_runs(docs: Sequence[Mapping[str, str]]) -> DocRuns:
    """Runs of consecutive documents of one page, and the pages they belong to.

    A page's own document has the location without ``#``; its sections and
    transcript passages follow it. A page's title is its own document's, or
    its first document's when it has none.
    """
    runs: list[list[int]] = []
    pages: list[list[str]] = []
    page_no: dict[str, int] = {}
    previous = None
    for doc in docs:
        location = doc["location"]
        page = location.split("#", 1)[0]
        if page not in page_no:
            page_no[page] = len(pages)
            pages.append([page, doc["title"]])
        if location == page:
            pages[page_no[page]][1] = doc["title"]
        if page == previous:
            runs[-1][0] += 1
        else:
            runs.append([1, page_no[page]])
        previous = page
    return DocRuns(runs, pages)


def posting_rows(index: Mapping[str, Any]) -> list[list[Any]]:
    """One row per term (see the module docstring), in term-number order."""
    fields: list[str] = list(index["fields"])
    field_no = {name: number for number, name in enumerate(fields)}
    terms: list[str] = [""] * len(index["invertedIndex"])
    for term, posting in index["invertedIndex"]:
        terms[posting["_index"]] = term
    lists: list[list[list[tuple[int, float]]]] = [[[] for _ in fields] for _ in terms]
    for key, elements in index["fieldVectors"]:
        name, ref = key.split("/", 1)
        f = field_no[name]
        doc = int(ref)
        for i in range(0, len(elements), 2):
            lists[elements[i]][f].append((doc, elements[i + 1]))
    rows: list[list[Any]] = []
    for number, term in enumerate(terms):
        row: list[Any] = [term, number]
        for postings in lists[number]:
            postings.sort()
            gaps: list[int] = []
            weights: list[int] = []
            previous = 0
            for doc, weight in postings:
                gaps.append(doc - previous)
                previous = doc
                weights.append(round(weight * 1000))
            row += [gaps, weights]
        rows.append(row)
    return rows


def lexicon_shards(analysis: Mapping[str, Any], count: int) -> list[dict[str, Any]]:
    """The lexicon and synonyms cut by the first and second character of each key.

    A phrase (an everyday expression's words, matched in any inflection) goes
    into the shard of its first word's first character: a query it matches
    has that character (query.py ``_phrase_clauses``), so the shard is loaded.
    """
    synonyms = {term: others for term, others in analysis["synonyms"]}
    shards: list[dict[str, Any]] = [
        {"entries": [], "synonyms": {}, "phrases": [], "kanjiPairs": [], "kanjiReadings": []}
        for _ in range(count)
    ]
    for ordinal, (key, terms) in enumerate(analysis["lexicon"]):
        for n in sorted({shard_of(char, count) for char in list(key)[:2]}):
            shard = shards[n]
            shard["entries"].append([ordinal, key, terms])
            for term in terms:
                if term in synonyms:
                    shard["synonyms"][term] = synonyms[term]
    for ordinal, (term, words, polarity) in enumerate(analysis.get("phrases", ())):
        shard = shards[shard_of(next(iter(words[0])), count)]
        shard["phrases"].append([ordinal, term, words, polarity])
        if term in synonyms:
            shard["synonyms"][term] = synonyms[term]
    # A two-kanji word's sounds go with the word (the shards of its kanji), a
    # kanji's readings into its own shard: a query compares the kanji it has
    # typed with the words that share the other kanji (query.py).
    for pair in analysis.get("kanjiPairs", ()):
        for n in sorted({shard_of(char, count) for char in pair[0]}):
            shards[n]["kanjiPairs"].append(pair)
    for kanji, sounds in analysis.get("kanjiReadings", ()):
        shards[shard_of(kanji, count)]["kanjiReadings"].append([kanji, sounds])
    for shard in shards:
        shard["synonyms"] = sorted(shard["synonyms"].items())
    return shards


def _lexicon_files(analysis: Mapping[str, Any], target: int) -> tuple[int, list[str]]:
    """The lexicon shards' texts, in as many shards as keep their mean size near ``target``.

    A first guess counts the lexicon's keys (each in up to two shards); the
    synonym and paraphrase lists each shard carries for its terms are then
    measured, and the count doubled while the shards are still too big on
    average: a query fetches the shards of its characters, so big shards make
    every first search fetch more.
    """
    guess = sum(len(_dump(entry)) for entry in analysis["lexicon"]) * 2
    count = shard_count(guess, target)
    while True:
        texts = [_dump(shard) for shard in lexicon_shards(analysis, count)]
        if count >= MAX_SHARDS or sum(map(len, texts)) / count <= target:
            return count, texts
        count *= 2


def _grouped(items: Sequence[Any], keys: Sequence[int], count: int) -> list[list[Any]]:
    groups: list[list[Any]] = [[] for _ in range(count)]
    for item, key in zip(items, keys, strict=True):
        groups[key].append(item)
    return groups


def shard_files(
    bundle: Mapping[str, Any], shard_bytes: Mapping[str, int] = SHARD_BYTES
) -> dict[str, str]:
    """Every file of one language's sharded index: relative path → JSON text."""
    analysis = bundle["analysis"]
    index = bundle["index"]
    docs = bundle["docs"]

    rows = posting_rows(index)
    row_texts = [_dump(row) for row in rows]
    posting_count = shard_count(sum(map(len, row_texts)), shard_bytes["postings"])
    by_shard = _grouped(row_texts, [shard_of(row[0], posting_count) for row in rows], posting_count)

    lexicon_count, lexicon_texts = _lexicon_files(analysis, shard_bytes["lexicon"])

    files: dict[str, str] = {}
    for n, texts in enumerate(by_shard):
        files[f"postings/{n}.json"] = "[" + ",".join(texts) + "]"
    for n, text in enumerate(lexicon_texts):
        files[f"lexicon/{n}.json"] = text
    grouped = doc_runs(docs)
    start = 0
    for n, (size, _page) in enumerate(grouped.runs):
        run = docs[start : start + size]
        files[f"docs/{n}.json"] = _dump([[d["location"], d["title"], d["text"]] for d in run])
        start += size
    files["pages.json"] = _dump(grouped.pages)

    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path].encode() + b"\0")
    settings = {
        key: value
        for key, value in analysis.items()
        if key not in ("lexicon", "synonyms", "phrases", "kanjiPairs", "kanjiReadings")
    }
    files["meta.json"] = _dump(
        {
            "version": SHARD_FORMAT,
            "id": digest.hexdigest()[:16],
            "lang": bundle["lang"],
            "fields": index["fields"],
            "docCount": len(docs),
            "lexiconShards": lexicon_count,
            "postingShards": posting_count,
            "analysis": settings,
            "runs": grouped.runs,
        }
    )
    return files


def write_shards(
    bundle: Mapping[str, Any], folder: Path, shard_bytes: Mapping[str, int] = SHARD_BYTES
) -> ShardStats:
    """Write one language's sharded index into ``folder`` (replacing what was there)."""
    files = shard_files(bundle, shard_bytes)
    if folder.exists():
        shutil.rmtree(folder)
    size = 0
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        size += len(data)
    meta = json.loads(files["meta.json"])
    return ShardStats(
        lang=bundle["lang"],
        docs=meta["docCount"],
        pages=len(json.loads(files["pages.json"])),
        files=len(files),
        bytes=size,
        lexicon_shards=meta["lexiconShards"],
        posting_shards=meta["postingShards"],
    )
