"""Write one prebuilt, sharded search index per language.

The documents come per language from the search stage
(``wardsite_mkdocs.stages.search``), in the shape of Material's index entries
(``location``, ``title``, ``text``, ``boost``). This module adds each page's
section headings to the page's own document (so a page whose headings name the
topic ranks first), keeps the FAQ questions that point to a page (``asked``) on
its own document, builds each language's bundle with
:func:`wardsite.search.index.build_index` and writes it cut into the small
files the browser fetches per query (:func:`wardsite.search.shards.write_shards`)
in ``search/<lang>/``. It also writes ``search/setup.json`` (see
:func:`write_setup`).

The browser side is ``overrides/assets/javascripts/search/worker.js``: it
reads the index of the page's language instead of building one.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from wardsite.search.index import (
    SearchDoc,
    Unreached,
    build_index,
    page_location,
    strip_html,
    unreached_message,
)
from wardsite.search.loanwords import english_spellings
from wardsite.search.noresult import help_data, write_help
from wardsite.search.paraphrases import Paraphrase, load_paraphrases
from wardsite.search.segment import DocumentAnalyzer
from wardsite.search.shards import ShardStats, write_shards
from wardsite.search.synonyms import SynonymGroup, load_synonyms

#: Where the bundles go, relative to the site folder (worker.js reads the same).
BUNDLE_DIR = "search"
#: What Material's main thread loads instead of search_index.json (overrides/main.html).
SETUP_FILE = "setup.json"
#: Boost of a part of a page (a section, a transcript passage) relative to the page's
#: own document. A short section title such as "多要素認証（MFA）" on an overview page
#: otherwise outscores the page whose own title is about that topic (field length
#: normalisation favours the shorter title); a page's document already carries its
#: section titles as boosted headings. 0.65 to 0.75 measured the same on the dev set.
SECTION_BOOST = 0.7
#: Key of a page entry's FAQ question titles (:mod:`wardsite.faq.asked`), set by the
#: search stage on its own copy of the page's document.
ASKED = "asked"

log = logging.getLogger("mkdocs.hooks.search")


def docs_with_headings(entries: Iterable[Mapping[str, Any]]) -> list[SearchDoc]:
    """SearchDocs for Material's entries; a page's document gets its section titles.

    Material gives one entry per page (location without ``#``) and one per
    section (``page/#anchor``); sections without text are dropped. The section
    titles are the page's headings; they go into the page entry's ``headings``
    field, which is boosted. Section documents are weighted by
    :data:`SECTION_BOOST`, so a page's own title outranks a like-worded section
    title on another page.
    """
    # A section whose text was all excluded (data-search-exclude) is left out.
    entries = [e for e in entries if "#" not in str(e.get("location", "")) or e.get("text")]
    headings: dict[str, list[str]] = {}
    for entry in entries:
        location = str(entry.get("location", ""))
        if "#" in location:
            title = str(entry.get("title", "")).strip()
            if title:
                headings.setdefault(page_location(location), []).append(title)
    docs: list[SearchDoc] = []
    for entry in entries:
        location = str(entry.get("location", ""))
        section = "#" in location
        boost = float(entry.get("boost", 1) or 1)
        docs.append(
            SearchDoc(
                location=location,
                title=str(entry.get("title", "")),
                text=str(entry.get("text", "")),
                headings=() if section else tuple(headings.get(location, ())),
                asked=() if section else tuple(str(t) for t in entry.get(ASKED) or ()),
                boost=boost * SECTION_BOOST if section else boost,
            )
        )
    return docs


def write_bundles(
    site_dir: Path,
    docs: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    default: str,
    material_config: Mapping[str, Any],
    synonyms: Sequence[SynonymGroup],
    paraphrases: Sequence[Paraphrase] = (),
    top_pages: Sequence[str] = (),
    helpdesk: Mapping[str, Mapping[str, Any]] | None = None,
    analyzer: DocumentAnalyzer | None = None,
    out_dir: Path | None = None,
) -> list[ShardStats]:
    """Write one index per language from its documents (Material's entry shape).

    Into ``out_dir/<lang>/`` (default: the site's ``search/``). The dev server
    passes an ``analyzer`` kept across rebuilds, so only texts that changed are
    segmented again, and an ``out_dir`` outside the site (see ``wardsite.devloop``).
    """
    write_setup(site_dir, material_config)
    out_dir = out_dir or site_dir / BUNDLE_DIR
    written: list[ShardStats] = []
    # One analyzer for every language: untranslated pages (fallback) repeat the
    # default language's text, which it then segments only once.
    analyzer = analyzer or DocumentAnalyzer()
    unreached: dict[str, list[Unreached]] = {}
    by_lang = {lang: docs_with_headings(entries) for lang, entries in docs.items()}
    # English typed on any language's pages: the English words of them all.
    spellings = english_spellings(
        text
        for page_docs in by_lang.values()
        for doc in page_docs
        for text in (doc.title, strip_html(doc.text))
    )
    for lang, page_docs in by_lang.items():
        bundle = build_index(page_docs, lang, synonyms, analyzer, paraphrases, spellings)
        unreached[lang] = bundle["unreached"]
        written.append(write_shards(bundle, out_dir / lang))
        prefix = "" if lang == default else f"{lang}/"
        contact = (helpdesk or {}).get(lang, {})
        data = help_data(page_docs, analyzer.morphemes, top_pages, prefix, contact)
        write_help(data, out_dir / lang)
    message = unreached_message(unreached)
    if message:
        log.info(message)
    return written


def write_setup(site_dir: Path, material_config: Mapping[str, Any]) -> Path:
    """``search/setup.json``: Material's index ``config`` with no docs.

    Material's main thread fetches ``search_index.json`` only to post it to the
    worker, which ignores its docs (it loads the bundle instead);
    overrides/main.html sends that request here. The ``config`` (separator)
    still serves Material's highlighting of ``?h=`` words on the target page.
    """
    path = site_dir / BUNDLE_DIR / SETUP_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"config": dict(material_config), "docs": []}, ensure_ascii=False),
        encoding="utf-8",
    )
    return path


#: The browser side, as MkDocs copies it from overrides/ (worker first loads the others).
WORKER_DIR = "assets/javascripts/search"
WORKER_PARTS = ("analysis.js", "engine.js", "worker.js")


def worker_version(source_dir: Path) -> str:
    """A short hash of the worker's source files, for its URL (``?v=``).

    The worker's URL is not content-hashed like Material's assets: without
    this, a browser could keep an older worker that reads another index format.
    """
    digest = hashlib.sha256()
    for name in WORKER_PARTS:
        digest.update((source_dir / name).read_bytes())
    return digest.hexdigest()[:12]


def write_worker_script(site_dir: Path) -> Path:
    """Put ``analysis.js`` and ``engine.js`` in front of the built ``worker.js``.

    The worker would otherwise load them with ``importScripts``, one request
    after the other, before it can load the index; the separate files stay for
    Node and the tests. worker.js skips its ``importScripts`` when they are there.
    """
    folder = site_dir / WORKER_DIR
    parts = [(folder / name).read_text(encoding="utf-8") for name in WORKER_PARTS]
    path = folder / "worker.js"
    path.write_text(";\n".join(parts), encoding="utf-8")
    return path


def load_site_synonyms(config_dir: Path) -> list[SynonymGroup]:
    """The editors' synonym file, ``data/search/synonyms.yml`` next to mkdocs.yml."""
    return load_synonyms(config_dir / "data" / "search" / "synonyms.yml")


def load_site_paraphrases(config_dir: Path) -> list[Paraphrase]:
    """The editors' paraphrase file, ``data/search/paraphrases.yml`` next to mkdocs.yml."""
    return load_paraphrases(config_dir / "data" / "search" / "paraphrases.yml")
