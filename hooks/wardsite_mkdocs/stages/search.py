"""The site search's prebuilt indexes, one per language.

Material's search plugin splits each page into section documents in its
``on_page_context``; right after it (same event, hooks after plugins) this
stage takes those documents with the language being built, and once every
language is built writes the per-language indexes
(:mod:`wardsite_mkdocs.search_bundles`; analysis and index builder in
``wardsite.search``). The browser worker that reads them is
``overrides/assets/javascripts/search/worker.js`` (wired in overrides/main.html).
Material still writes its own ``search/search_index.json`` for its own search
(the benchmarks' baseline); our site does not load it.

A guide page's own document also gets how people ask for it (``asked``): the
phrases of its front matter ``asked:`` (:func:`wardsite.pagemeta.asked_phrases`)
and the titles of the FAQ entries that point to it (the FAQ stage found them
when it added the FAQ pages of the same language, see
:mod:`wardsite.faq.asked`); only our copy of the document carries them, not
Material's index.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from wardsite.devloop import LOOP
from wardsite.errors import SiteInputError
from wardsite.pagemeta import asked_phrases
from wardsite.search.fallback import drop_fallback_copies
from wardsite.search.segment import DocumentAnalyzer
from wardsite.search.shards import ShardStats
from wardsite_mkdocs import search_entries
from wardsite_mkdocs.i18n import build_language, neutral_src_uri
from wardsite_mkdocs.search_bundles import (
    ASKED,
    BUNDLE_DIR,
    WORKER_DIR,
    load_site_paraphrases,
    load_site_synonyms,
    worker_version,
    write_bundles,
    write_worker_script,
)
from wardsite_mkdocs.site_build import SiteBuild
from wardsite_mkdocs.stages.faq import FaqStage
from wardsite_mkdocs.stages.org import OrgStage

log = logging.getLogger("mkdocs.hooks.search")


class SearchStage:
    def __init__(self, org: OrgStage, faq: FaqStage) -> None:
        self.org = org
        #: Its ``asked`` (guide → FAQ titles pointing to it) is of the language being built.
        self.faq = faq
        #: Search documents per language built, per page (URL), in page order.
        self.docs: dict[str, dict[str, list[dict[str, Any]]]] = {}
        self._index: object | None = None
        self._taken = 0
        #: ``mkdocs serve --dirtyreload`` renders only the changed pages: the
        #: other pages' documents are kept from the build before.
        self.dirty = False
        #: Kept across `serve` rebuilds: only texts that changed are segmented again.
        self._analyzer: DocumentAnalyzer | None = None

    def start(self, build: SiteBuild, config: MkDocsConfig) -> None:
        if not self.dirty:
            self.docs = {}
        self._index, self._taken = None, 0
        # overrides/main.html adds it to the worker's URL (a new worker after each change)
        custom = config.theme.custom_dir or build.root / "overrides"
        config.extra["search_worker_version"] = worker_version(Path(custom) / WORKER_DIR)

    def collect_page(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> None:
        """The documents Material made of this page (and the stages added), with its language."""
        index = search_entries.search_index(config)
        entries = getattr(index, "entries", None)
        if entries is None:
            return
        if index is not self._index:  # Material starts a new index in each language's build
            self._index, self._taken = index, 0
        new = entries[self._taken :]
        self._taken = len(entries)
        pages = self.docs.setdefault(build_language(config), {})
        docs = [dict(e) for e in new]
        asked = self._asked(page)
        if asked:
            for doc in docs:
                if "#" not in str(doc.get("location", "")):  # the page's own document
                    doc[ASKED] = list(asked)
        pages[page.url] = docs

    def _asked(self, page: Page) -> list[str]:
        """The page's own ``asked:`` phrases, then the FAQ questions that point to it."""
        try:
            own = asked_phrases(page.meta, page.file.src_uri)
        except SiteInputError:
            own = ()  # the pages stage reported it (a warning: strict builds stop)
        faq = self.faq.asked.get(neutral_src_uri(page).removesuffix(".md"), ())
        return [*own, *faq]

    def write_indexes(self, build: SiteBuild, config: MkDocsConfig) -> None:
        started = time.perf_counter()
        site_dir = Path(config.site_dir)
        collected = {
            lang: [d for page in pages.values() for d in page] for lang, pages in self.docs.items()
        }
        docs = drop_fallback_copies(collected, build.languages, build.default)
        try:
            synonyms = load_site_synonyms(build.root)
            paraphrases = load_site_paraphrases(build.root)
        except SiteInputError as exc:
            raise PluginError(str(exc)) from None
        if self._analyzer is None or not LOOP.serving:
            self._analyzer = DocumentAnalyzer()
        analyzer = self._analyzer

        def build_into(out_dir: Path) -> list[ShardStats]:
            written = write_bundles(
                site_dir,
                docs,
                material_config=search_entries.index_config(config),
                synonyms=synonyms,
                paraphrases=paraphrases,
                top_pages=list(config.extra.get("search_top_pages", [])),
                helpdesk={lang: self.org.facts(lang)["helpdesk"] for lang in build.languages},
                default=build.default,
                analyzer=analyzer,
                out_dir=out_dir,
            )
            analyzer.forget_unused()
            return written

        write_worker_script(site_dir)
        if LOOP.background:
            # serve: the page reloads now with the last index; the new one follows.
            LOOP.restore(site_dir / BUNDLE_DIR)
            LOOP.submit(build_into, site_dir / BUNDLE_DIR)
            return
        try:
            written = build_into(site_dir / BUNDLE_DIR)
        except SiteInputError as exc:
            raise PluginError(str(exc)) from None
        if LOOP.serving:
            LOOP.keep(site_dir / BUNDLE_DIR, list(build.languages))
        summary = ", ".join(
            f"{s.lang}: {s.docs} docs on {s.pages} pages, {s.files} files, {s.bytes // 1024} KB"
            for s in written
        )
        log.info(f"search indexes in {time.perf_counter() - started:.1f} s: {summary}")
