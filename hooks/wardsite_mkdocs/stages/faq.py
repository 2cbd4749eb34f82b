"""The helpdesk FAQ: pulled once per build, pages per language, images once.

FAQ pages of one shape are converted from Markdown once per language build
(:mod:`wardsite.faq.skeleton`): the last Markdown step hands MkDocs the shape,
and the first step on the HTML, before any plugin, puts the page's own text back.

The settings, the pull with its fallback, images and the page Markdown live in
``wardsite.faq``; adding the pages to MkDocs in ``wardsite_mkdocs.faq_pages``.
Settings: ``extra.faq`` in mkdocs.yml and the ``WARDSITE_FAQ_*`` environment
variables, parsed once into ``wardsite.faq.config.FaqConfig``.
"""

from __future__ import annotations

import copy
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from wardsite.devloop import LOOP
from wardsite.errors import SiteInputError
from wardsite.faq import publish
from wardsite.faq import status as faq_status
from wardsite.faq.asked import asked_titles
from wardsite.faq.config import FaqConfig, load_faq_config
from wardsite.faq.images import ImageStore
from wardsite.faq.pull import PullOutcome
from wardsite.faq.skeleton import Skeleton, make_skeleton, new_marker
from wardsite.lastupdated import format_date
from wardsite_mkdocs.faq_pages import add_faq_pages, guide_titles, route_faq_log
from wardsite_mkdocs.i18n import build_language
from wardsite_mkdocs.site_build import SiteBuild

log = logging.getLogger("mkdocs.hooks.faq")
route_faq_log(log)

#: The FAQ a fresh clone publishes (refresh: see data/faq/README.md).
BUNDLED = "data/faq/snapshot/faq-snapshot.json"


@dataclass(frozen=True)
class _Converted:
    """What converting one skeleton gave (see :mod:`wardsite.faq.skeleton`)."""

    html: str
    toc: Any
    title: str | None
    anchor_ids: frozenset[str]
    #: Links to anchors of other pages (MkDocs' ``links_to_anchors``) ...
    links: dict[File, dict[str, str]] | None
    #: ... and of the page itself (the headings' permalinks), for whichever page it is.
    own_links: dict[str, str] | None


class FaqStage:
    def __init__(self) -> None:
        self.settings: FaqConfig | None = None
        self.outcome: PullOutcome | None = None
        self.images: ImageStore | None = None
        #: Entry id → its "updated" date, for the language being built.
        self.dates: dict[str, str] = {}
        #: FAQ pages of the language being built (source paths).
        self.page_paths: set[str] = set()
        #: Converted skeletons of this language build: (folder, URL folder, skeleton) → result.
        self.shapes: dict[tuple[str, str, str], _Converted] = {}
        #: Page being converted → (shape key, its skeleton, its own Markdown).
        self.pending: dict[str, tuple[tuple[str, str, str], Skeleton, str]] = {}
        self.marker = new_marker()
        #: Language → [FAQ pages, skeletons converted] in this build (for the log).
        self.converted: dict[str, list[int]] = {}
        #: Guide path (``account/password-reset``) → titles of the FAQ entries of the
        #: language being built that point to it (the search stage indexes them).
        self.asked: dict[str, tuple[str, ...]] = {}

    def obtain(self, build: SiteBuild, config: MkDocsConfig) -> None:
        self.converted = {}
        if LOOP.serving and self.outcome is not None:
            # `serve` keeps the FAQ it pulled at start-up: a save does not pull again.
            return
        root = build.root
        try:
            settings = load_faq_config(config.extra.get("faq"), os.environ)
            log.info(f"FAQ の取得元：{settings.describe()}")
            outcome = publish.obtain(settings, root, bundled_path=root / BUNDLED)
        except SiteInputError as exc:  # includes FaqStrictError
            raise PluginError(str(exc)) from None
        _record_status(settings, outcome, root)
        count = len(outcome.snapshot.entries)
        if outcome.fresh:
            log.info(f"FAQ：{count}件を公開します（{outcome.mode}）。")
        else:
            log.info(
                f"FAQ：{count}件を公開します。"
                f"各ページに注記「{outcome.staleness_note('ja')}」を付けます。"
            )
        self.settings, self.outcome = settings, outcome
        self.images = publish.image_store(settings, outcome, root)

    def add_pages(self, build: SiteBuild, files: Files, config: MkDocsConfig) -> None:
        self.asked = {}
        if self.outcome is None:
            return
        lang = build_language(config)
        org = config.extra["org"]
        guides = guide_titles(files, org)
        pages = publish.pages_for(
            self.outcome,
            lang,
            helpdesk=org["helpdesk"],
            guides=guides,
            images=self.images,
            directory_urls=config.use_directory_urls,
        )
        added = add_faq_pages(files, config, pages)
        self.page_paths = {f.src_uri for f in added}
        self.shapes, self.pending = {}, {}
        self.converted[lang] = [0, 0]
        entries = self.outcome.snapshot.entries
        self.dates = {e.id: format_date(e.updated_at, lang) for e in entries if e.locale == lang}
        self.asked = asked_titles(entries, lang, guides)

    def page_date(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        """Guides are dated from git; FAQ pages carry the helpdesk's own "updated" time."""
        faq_id = page.meta.get("faq_id")
        if faq_id and not page.file.abs_src_path and faq_id in self.dates:
            page.meta["revision_date"] = self.dates[faq_id]
        return markdown

    def convert_once(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        """Last Markdown step: hand MkDocs the page's skeleton, or nothing when a page
        of the same shape was converted already (:meth:`fill_in` puts the HTML back)."""
        src = page.file.src_uri
        if src not in self.page_paths:
            return markdown
        skeleton = make_skeleton(markdown, self.marker)
        if not skeleton.values:
            return markdown
        key = (src.rpartition("/")[0], page.url.rstrip("/").rpartition("/")[0], skeleton.text)
        self.pending[src] = (key, skeleton, markdown)
        self.converted[build_language(config)][0] += 1
        if key not in self.shapes:
            return skeleton.text
        # Converted already: MkDocs makes no Markdown converter for this page
        # (building one costs more than the conversion); fill_in sets the rest.
        page.render = lambda config, files: setattr(page, "content", "")  # type: ignore[method-assign]
        return ""

    def fill_in(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """First step on the HTML, before any plugin: the page's own HTML from its skeleton's."""
        pending = self.pending.pop(page.file.src_uri, None)
        if pending is None:
            return html
        key, skeleton, markdown = pending
        page.__dict__.pop("render", None)  # the class's own again (see convert_once)
        page.markdown = markdown
        done = self.shapes.get(key)
        if done is None:
            self.converted[build_language(config)][1] += 1
            links = page.links_to_anchors
            done = _Converted(
                html,
                page.toc,
                page._title_from_render,
                frozenset(page.present_anchor_ids or ()),
                None if links is None else {f: a for f, a in links.items() if f is not page.file},
                None if links is None else links.get(page.file),
            )
            self.shapes[key] = done
        filled = skeleton.fill(done.html)
        if filled is None:  # a marker went missing: convert this page on its own
            page.render(config, files)
            return page.content or ""
        page.toc = copy.deepcopy(done.toc)
        page._title_from_render = done.title
        page.present_anchor_ids = set(done.anchor_ids | skeleton.anchor_ids)
        if done.links is None:
            page.links_to_anchors = None
        else:
            page.links_to_anchors = {f: dict(a) for f, a in done.links.items()}
            if done.own_links is not None:
                page.links_to_anchors[page.file] = dict(done.own_links)
        return filled

    def copy_images(self, build: SiteBuild, config: MkDocsConfig) -> None:
        shapes = ", ".join(
            f"{lang}: {n} pages, {m} conversions" for lang, (n, m) in self.converted.items()
        )
        if any(n for n, _ in self.converted.values()):
            log.info(f"FAQ pages converted once per shape ({shapes})")
        if self.images is None:
            return
        copied = self.images.copy_used(Path(config.site_dir))
        if copied:
            log.info(f"FAQ の画像 {copied}件をサイトに入れました。")


def _record_status(settings: FaqConfig, outcome: PullOutcome, root: Path) -> None:
    """``<state_dir>/faq-status.json`` for CI (``scripts/faq-status``); never fails the build."""
    base_url = settings.base_url
    try:
        faq_status.record(
            settings.state_path(root).parent,
            live=settings.live,
            fresh=outcome.fresh,
            mode=outcome.mode,
            stale_kind=outcome.stale_kind,
            reason=outcome.reason,
            pulled_at=outcome.snapshot.pulled_at,
            entries=len(outcome.snapshot.entries),
            skipped=len(outcome.warnings),
            hide=(base_url, urlsplit(base_url).netloc),
        )
    except OSError as exc:
        log.warning(f"FAQ の状態ファイルを書けませんでした（{exc}）。")
