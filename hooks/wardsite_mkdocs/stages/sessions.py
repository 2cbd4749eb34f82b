"""Recorded training sessions: sessions/*.yml → pages, transcript search documents, media."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from wardsite.sessions import render
from wardsite.sessions.metadata import Catalogue, load_sessions
from wardsite.sessions.model import Session
from wardsite.sessions.paths import copy_media, write_site_file
from wardsite_mkdocs import search_entries
from wardsite_mkdocs.generated_pages import GeneratedPage, add_pages
from wardsite_mkdocs.i18n import build_language
from wardsite_mkdocs.site_build import SiteBuild

log = logging.getLogger("mkdocs.hooks.sessions")

#: The language the session pages are written in.
CONTENT_LANG = "ja"


class SessionsStage:
    def __init__(self) -> None:
        self.catalogue = Catalogue((), ())
        #: Session page (language-neutral src_uri) → its session.
        self.pages: dict[str, Session] = {}

    def load(self, build: SiteBuild, config: MkDocsConfig) -> None:
        """Read and check every session file; each video is probed with ffprobe here."""
        self.catalogue = load_sessions(build.root / "sessions", build.root)
        self.pages = {render.session_page_path(s): s for s in self.catalogue.sessions}
        for error in self.catalogue.errors:
            log.warning(str(error))  # --strict turns these into a failed build
        for folder in ("sessions", "media"):
            if (build.root / folder).is_dir():
                build.watch(config, build.root / folder)

    def add_pages(self, build: SiteBuild, files: Files, config: MkDocsConfig) -> None:
        prefix = build.prefix(build_language(config))
        pages = render.render_pages(
            self.catalogue.sessions,
            directory_urls=config.use_directory_urls,
            site_prefix=prefix,
        )
        add_pages(files, config, (GeneratedPage(p, md, CONTENT_LANG) for p, md in pages))

    def add_transcripts(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> None:
        """One search document per transcript passage, linking to its time (#t=MM:SS).

        The transcript on the page carries data-search-exclude, so it is not indexed twice.
        They go into Material's index (its own search finds them too), from where the
        search stage collects them with the page.
        """
        session = self.pages.get(page.file.src_uri)
        if session is None or (page.meta.get("search") or {}).get("exclude"):
            return
        directory_urls = config.use_directory_urls
        documents = render.transcript_sections(session, directory_urls=directory_urls)
        location = render.session_page_url(session, directory_urls=directory_urls)
        search_entries.add_documents(config, search_entries.rebase(documents, location, page.url))

    def copy_media(self, build: SiteBuild, config: MkDocsConfig) -> None:
        """One copy at the site root, where every language's pages point.

        Every path was checked when sessions/*.yml was read; copy_media checks
        again that it stays inside the session's media folder and the site.
        """
        sessions = self.catalogue.sessions
        site = Path(config.site_dir)
        for problem in copy_media(build.root, site, render.media_sources(sessions)):
            log.warning(problem)
        for session in sessions:
            track = render.chapters_track(session)
            if track is not None:
                write_site_file(site, session.key, *track)
