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

from wardsite.errors import SiteInputError
from wardsite.org import load_org, localized
from wardsite_mkdocs.i18n import is_nested_language_build, project_root, site_languages
from wardsite_mkdocs.search_bundles import (
    WORKER_DIR,
    load_site_paraphrases,
    load_site_synonyms,
    worker_version,
    write_bundles,
    write_worker_script,
)

log = logging.getLogger("mkdocs.hooks.search")


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
    try:
        synonyms = load_site_synonyms(project_root(config))
        paraphrases = load_site_paraphrases(project_root(config))
        languages, default = site_languages(config)
        org = load_org(project_root(config) / "org.yml")
        helpdesk = {lang: localized(org, lang)["helpdesk"] for lang in languages}
        written = write_bundles(
            Path(config.site_dir),
            languages,
            default,
            synonyms,
            paraphrases,
            top_pages=list(config.extra.get("search_top_pages", [])),
            helpdesk=helpdesk,
        )
    except SiteInputError as exc:
        raise PluginError(str(exc)) from None
    write_worker_script(Path(config.site_dir))
    summary = ", ".join(
        f"{s.lang}: {s.docs} docs on {s.pages} pages, {s.files} files, {s.bytes // 1024} KB"
        for s in written
    )
    log.info(f"search indexes in {time.perf_counter() - started:.1f} s: {summary}")
