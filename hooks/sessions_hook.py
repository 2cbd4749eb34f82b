"""MkDocs entry points for the recorded training sessions.

Thin glue: loading and checking ``sessions/*.yml``, the page Markdown, the
transcript search documents and the list of media files live in
``wardsite.sessions``; adding pages and search documents to MkDocs lives in
``wardsite_mkdocs``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from wardsite.sessions import render
from wardsite.sessions.metadata import Catalogue, load_sessions
from wardsite.sessions.model import Session
from wardsite.sessions.paths import copy_media, write_site_file
from wardsite_mkdocs import search_entries
from wardsite_mkdocs.generated_pages import AFTER_I18N, GeneratedPage, add_pages
from wardsite_mkdocs.i18n import (
    build_language,
    default_language,
    is_default_build,
    project_root,
)

log = logging.getLogger("mkdocs.hooks.sessions")

#: Where the session pages are written in (Japanese).
CONTENT_LANG = "ja"

_state: dict[str, object] = {"catalogue": Catalogue((), ()), "pages": {}}


def _catalogue() -> Catalogue:
    return _state["catalogue"]  # type: ignore[return-value]


# Runs after mkdocs-static-i18n's on_config (-100), which sets theme.language
# for the language being built: problems are reported once, in the default
# language's build, not again in each language's.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = project_root(config)
    catalogue = load_sessions(root / "sessions", root)
    _state["catalogue"] = catalogue
    if is_default_build(config):
        for error in catalogue.errors:
            log.warning(str(error))  # --strict turns these into a failed build
    # `mkdocs serve` watches only docs_dir and mkdocs.yml by default.
    for folder in ("sessions", "media"):
        path = str(root / folder)
        if (root / folder).is_dir() and path not in config.watch:
            config.watch.append(path)
    return config


# After mkdocs-static-i18n's on_files (-100): generated files added before it
# crash it or are dropped (see wardsite_mkdocs.generated_pages).
@event_priority(AFTER_I18N)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    sessions = _catalogue().sessions
    default = default_language(config)
    lang = build_language(config)
    prefix = "" if lang == default else f"{lang}/"
    directory_urls = config.use_directory_urls
    pages = render.render_pages(sessions, directory_urls=directory_urls, site_prefix=prefix)
    add_pages(files, config, (GeneratedPage(p, md, CONTENT_LANG) for p, md in pages))
    _state["pages"] = {render.session_page_path(s): s for s in sessions}
    return files


# After Material's search plugin indexed the page (on_page_context): add one
# search document per transcript passage, linking to its time (#t=MM:SS). The
# transcript itself carries data-search-exclude, so it is not indexed twice.
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    pages: dict[str, Session] = _state["pages"]  # type: ignore[assignment]
    session = pages.get(page.file.src_uri)
    if session is not None and not (page.meta.get("search") or {}).get("exclude"):
        directory_urls = config.use_directory_urls
        documents = render.transcript_sections(session, directory_urls=directory_urls)
        location = render.session_page_url(session, directory_urls=directory_urls)
        search_entries.add_documents(config, search_entries.rebase(documents, location, page.url))
    return output


def on_post_build(config: MkDocsConfig) -> None:
    # One copy of the media at the site root, where every language's pages
    # point (the other languages build into sub-folders of it).
    if not is_default_build(config):
        return
    # Every path was checked when sessions/*.yml was read; copy_media checks
    # again that it stays inside the session's media folder and the site.
    root = project_root(config)
    sources = render.media_sources(_catalogue().sessions)
    site = Path(config.site_dir)
    for problem in copy_media(root, site, sources):
        log.warning(problem)
    for session in _catalogue().sessions:
        track = render.chapters_track(session)
        if track is not None:
            write_site_file(site, session.key, *track)
