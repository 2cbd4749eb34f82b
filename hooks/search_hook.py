"""MkDocs entry point for the site search's prebuilt indexes.

Thin glue: splitting Material's index by language and writing the indexes
live in ``wardsite_mkdocs.search_bundles``; the analysis, the index builder
and the sharding in ``wardsite.search``. The browser worker that reads them is
``overrides/assets/javascripts/search/worker.js`` (wired in overrides/main.html).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from wardsite.devloop import LOOP
from wardsite.errors import SiteInputError
from wardsite.org import load_org, localized
from wardsite.search.segment import DocumentAnalyzer
from wardsite.search.shards import ShardStats
from wardsite_mkdocs.i18n import is_nested_language_build, project_root, site_languages
from wardsite_mkdocs.search_bundles import (
    BUNDLE_DIR,
    WORKER_DIR,
    load_site_paraphrases,
    load_site_synonyms,
    read_material_index,
    worker_version,
    write_bundles,
    write_setup,
    write_worker_script,
)

log = logging.getLogger("mkdocs.hooks.search")

#: Kept across `serve` rebuilds: only texts that changed are segmented again.
_analyzer: list[DocumentAnalyzer] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # overrides/main.html adds it to the worker's URL (a new worker after each change)
    source = Path(config.theme.custom_dir or project_root(config) / "overrides") / WORKER_DIR
    config.extra["search_worker_version"] = worker_version(source)
    return config


# Runs after mkdocs-static-i18n's on_post_build (-100), which builds the other
# languages and then rewrites the combined search/search_index.json; only the
# outer build's call sees every language, nested builds are skipped.
@event_priority(-150)
def on_post_build(config: MkDocsConfig) -> None:
    if is_nested_language_build(config):
        return
    started = time.perf_counter()
    site = Path(config.site_dir)
    try:
        synonyms = load_site_synonyms(project_root(config))
        paraphrases = load_site_paraphrases(project_root(config))
        languages, default = site_languages(config)
        org = load_org(project_root(config) / "org.yml")
        helpdesk = {lang: localized(org, lang)["helpdesk"] for lang in languages}
        material = read_material_index(site)
    except SiteInputError as exc:
        raise PluginError(str(exc)) from None
    write_setup(site, material)
    write_worker_script(site)
    if not _analyzer:
        _analyzer.append(DocumentAnalyzer())

    def build(out_dir: Path) -> list[ShardStats]:
        written = write_bundles(
            site,
            languages,
            default,
            synonyms,
            paraphrases,
            top_pages=list(config.extra.get("search_top_pages", [])),
            helpdesk=helpdesk,
            material=material,
            analyzer=_analyzer[0],
            out_dir=out_dir,
        )
        _analyzer[0].forget_unused()
        return written

    if LOOP.background:
        LOOP.restore(site / BUNDLE_DIR)
        LOOP.submit(build, site / BUNDLE_DIR)
        return
    try:
        written = build(site / BUNDLE_DIR)
    except SiteInputError as exc:
        raise PluginError(str(exc)) from None
    if LOOP.serving:
        LOOP.keep(site / BUNDLE_DIR, list(languages))
    summary = ", ".join(
        f"{s.lang}: {s.docs} docs on {s.pages} pages, {s.files} files, {s.bytes // 1024} KB"
        for s in written
    )
    log.info(f"search indexes in {time.perf_counter() - started:.1f} s: {summary}")
