"""The build order of the whole site, in one place.

``hooks/wardsite_hook.py`` hands every MkDocs event to :class:`Pipeline`,
which runs the steps listed in :func:`steps` for that event, in the order
listed. The data flows one way:

    sources (org.yml, docs/, sessions/*.yml, the helpdesk FAQ, data/)
      → validated models (wardsite.org, wardsite.sessions, wardsite.faq, …)
      → generated pages (sessions, FAQ) added to MkDocs' files
      → every page rendered; its search documents collected with its language
      → the per-language search indexes, media and JSON files of the site.

mkdocs-static-i18n builds the default language, then each other language in
a nested build started from its own ``on_post_build``; the nested build runs
``on_config`` again. That is why each step has a :class:`Scope`: the one
guard in :meth:`Pipeline.on_config` runs ``BUILD`` steps (load, probe, pull)
only in the first language's build, ``LANGUAGE`` steps in every language's
build, and ``SITE`` steps once when every language is built.

The stages (one module each in ``wardsite_mkdocs.stages``) keep their state on
their own objects; the engine-independent work is in ``wardsite``.

Beside the pipeline, ``hooks/devloop_hook.py`` only makes ``mkdocs serve``
rebuilds faster (pages not converted again, templates compiled once; see
``wardsite.devloop``); it never changes what is built. During ``serve`` the
search stage writes its indexes in the background and the FAQ stage keeps the
FAQ pulled at start-up.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum, IntEnum
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from wardsite_mkdocs.i18n import is_nested_language_build
from wardsite_mkdocs.site_build import SiteBuild
from wardsite_mkdocs.stages import finish
from wardsite_mkdocs.stages.announcements import AnnouncementsStage
from wardsite_mkdocs.stages.faq import FaqStage
from wardsite_mkdocs.stages.glossary import GlossaryStage
from wardsite_mkdocs.stages.org import OrgStage
from wardsite_mkdocs.stages.pages import PagesStage
from wardsite_mkdocs.stages.search import SearchStage
from wardsite_mkdocs.stages.sessions import SessionsStage
from wardsite_mkdocs.stages.templates import TemplatesStage


class Priority(IntEnum):
    """Where the pipeline's event handlers run among the plugins' (higher first).

    At equal priority MkDocs runs plugins before hooks.
    """

    #: After mkdocs-static-i18n's on_config (-100), which sets ``theme.language``
    #: to the language being built.
    CONFIG = -110
    #: After mkdocs-static-i18n's on_files (-100), which rebuilds the file list per
    #: language: generated files added before it crash it or are dropped.
    FILES = -200
    #: After mkdocs-static-i18n's page events (50) and, at equal priority, after
    #: Material's search plugin indexed the page (on_page_context) and
    #: mkdocs-glightbox wrapped the images (on_page_content, on_post_page).
    PAGE = -50
    #: The page's HTML straight from the Markdown conversion: before every
    #: plugin's on_page_content (mkdocs-glightbox: 0), after devloop_hook's
    #: (10000), which puts back pages it kept from the previous rebuild.
    CONVERTED = 9000
    #: After devloop_hook's on_env (0), which gives the environment its template
    #: class and bytecode cache: the templates loaded here are the build's.
    ENV = -100
    #: After mkdocs-static-i18n's on_post_build (-100), which runs the other
    #: languages' builds: the one call that sees the whole site.
    SITE = -150


class Event(Enum):
    CONFIG = "config"
    FILES = "files"
    ENV = "env"
    PAGE_MARKDOWN = "page_markdown"
    PAGE_CONVERTED = "page_content (first)"
    PAGE_CONTENT = "page_content"
    PAGE_CONTEXT = "page_context"
    POST_PAGE = "post_page"
    TEMPLATE_CONTEXT = "template_context"
    POST_TEMPLATE = "post_template"
    POST_BUILD = "post_build"


class Scope(Enum):
    BUILD = "once per build, in the first language's build"
    LANGUAGE = "in each language's build"
    SITE = "once, after every language is built"


@dataclass(frozen=True)
class Step:
    event: Event
    stage: str
    run: Callable[..., Any]
    why: str
    scope: Scope = Scope.LANGUAGE

    @property
    def name(self) -> str:
        return f"{self.stage}.{self.run.__name__}"


@dataclass
class Stages:
    """One object per capability; each keeps its own state for the build."""

    org: OrgStage
    pages: PagesStage
    glossary: GlossaryStage
    sessions: SessionsStage
    faq: FaqStage
    announcements: AnnouncementsStage
    search: SearchStage
    templates: TemplatesStage

    @classmethod
    def create(cls) -> Stages:
        org = OrgStage()
        faq = FaqStage()
        search = SearchStage(org, faq)
        return cls(
            org=org,
            pages=PagesStage(),
            glossary=GlossaryStage(),
            sessions=SessionsStage(),
            faq=faq,
            announcements=AnnouncementsStage(),
            search=search,
            templates=TemplatesStage(),
        )


def steps(s: Stages) -> list[Step]:
    """Every step of a build, in the order MkDocs' events come and run."""
    C, F, ENV, MD, CONV, HTML, CTX, POST, TCTX, TPL, END = (
        Event.CONFIG,
        Event.FILES,
        Event.ENV,
        Event.PAGE_MARKDOWN,
        Event.PAGE_CONVERTED,
        Event.PAGE_CONTENT,
        Event.PAGE_CONTEXT,
        Event.POST_PAGE,
        Event.TEMPLATE_CONTEXT,
        Event.POST_TEMPLATE,
        Event.POST_BUILD,
    )
    B, S = Scope.BUILD, Scope.SITE
    return [
        # -- sources → validated models (on_config) ---------------------------------
        Step(C, "org", s.org.load, "org.yml is read and checked once; every stage uses it", B),
        Step(C, "pages", s.pages.read_history, "one `git log` dates every page", B),
        Step(C, "sessions", s.sessions.load, "sessions/*.yml checked, videos probed", B),
        Step(C, "faq", s.faq.obtain, "the helpdesk FAQ pulled (or its last good copy)", B),
        Step(C, "announcements", s.announcements.load, "one 'now' for both languages", B),
        Step(C, "search", s.search.start, "the worker's version for its URL", B),
        Step(C, "org", s.org.localize, "site name and facts in the language being built"),
        Step(C, "glossary", s.glossary.load, "terms with org facts of this language"),
        # -- generated pages (on_files, after i18n sorted the files by language) ---
        Step(F, "sessions", s.sessions.add_pages, "the catalogue and one page per session"),
        Step(F, "faq", s.faq.add_pages, "the FAQ pages written in this language"),
        Step(F, "announcements", s.announcements.check_links, "links may name generated pages"),
        # -- the language build's Jinja environment (on_env) ---------------------------
        Step(ENV, "templates", s.templates.share, "menus of pages outside them rendered once"),
        # -- each page's Markdown (on_page_markdown) ----------------------------------
        Step(MD, "pages", s.pages.page_facts, "front matter check, date, untranslated note"),
        Step(MD, "faq", s.faq.page_date, "FAQ pages carry the helpdesk's own date"),
        Step(MD, "announcements", s.announcements.page_list, "the list on the home page"),
        Step(MD, "glossary", s.glossary.page_terms, "glossary page, tooltips, admonitions"),
        Step(MD, "org", s.org.fill_placeholders, "last: fills {{ org.* }} others added too"),
        Step(MD, "faq", s.faq.convert_once, "last: FAQ pages of one shape converted once"),
        # -- each page's HTML as converted, before any plugin sees it -----------------
        Step(CONV, "faq", s.faq.fill_in, "each FAQ page's own text into its shape's HTML"),
        # -- each page's HTML (on_page_content, after mkdocs-glightbox) --------------
        Step(HTML, "pages", s.pages.mark_language, "lang= on content in another language"),
        Step(HTML, "a11y", finish.label_task_items, "task list checkboxes get names"),
        Step(HTML, "figures", finish.tidy_figures, "text in place of glightbox's links"),
        # -- each page's template context (after Material's search indexed it) -------
        Step(CTX, "announcements", s.announcements.page_banner, "the banner of this section"),
        Step(CTX, "sessions", s.sessions.add_transcripts, "one search document per passage"),
        Step(CTX, "search", s.search.collect_page, "the page's documents, with its language"),
        # -- each finished page (on_post_page): not in the search index ---------------
        Step(POST, "feedback", finish.add_feedback, "the 'was this helpful?' box"),
        Step(POST, "a11y", finish.name_landmarks, "names for Material's landmarks"),
        # -- pages made from templates only (404.html) --------------------------------
        Step(TCTX, "announcements", s.announcements.template_banner, "banners on 404.html"),
        Step(TPL, "a11y", finish.name_404_landmarks, "before the copy per language"),
        Step(TPL, "notfound", finish.not_found_per_language, "en/404.html beside /404.html"),
        # -- the whole site (on_post_build, after every language) --------------------
        Step(END, "sessions", s.sessions.copy_media, "one copy of the media at the root", S),
        Step(END, "search", s.search.write_indexes, "one index per language", S),
        Step(END, "faq", s.faq.copy_images, "the images the FAQ pages use", S),
        Step(END, "announcements", s.announcements.write_json, "chosen at view time", S),
        Step(END, "templates", s.templates.report, "the renders the menus took, logged", S),
    ]


def skip_stages(config_text: str, stages: Iterable[str]) -> str:
    """mkdocs.yml text whose build leaves out ``stages`` (``extra.skip_stages``).

    For the benchmarks, which build the site without the FAQ, the sessions or
    our search to compare like with like. A step's name (``faq.convert_once``)
    leaves out that step only (tests compare the output with and without it).
    """
    names = ", ".join(stages)
    return config_text.replace("\nextra:\n", f"\nextra:\n  skip_stages: [{names}]\n", 1)


def _skipped(config: MkDocsConfig, all_steps: Iterable[Step]) -> set[str]:
    skip = set(config.extra.get("skip_stages") or ())
    unknown = skip - {name for step in all_steps for name in (step.stage, step.name)}
    if unknown:
        raise PluginError(
            f"mkdocs.yml の extra.skip_stages に、ない段階 {sorted(unknown)} が書かれています。"
            "段階の名前（または faq.convert_once のような手順の名前）は "
            "hooks/wardsite_mkdocs/pipeline.py の一覧から選んでください。"
        )
    return skip


class Pipeline:
    """Runs :func:`steps` for each MkDocs event; holds the build's state."""

    def __init__(self) -> None:
        self.stages = Stages.create()
        self.all_steps = steps(self.stages)
        self.active = list(self.all_steps)
        self.build: SiteBuild | None = None
        #: Seconds each BUILD step took in the last build (for the benchmarks' log).
        self.timings: dict[str, float] = {}

    def on_startup(self, command: str, dirty: bool) -> None:
        self.stages.search.dirty = dirty

    def _steps(self, event: Event, scope: Scope | None = None) -> list[Step]:
        return [s for s in self.active if s.event is event and (scope is None or s.scope is scope)]

    # -- on_config: the one "once per build" guard ---------------------------------
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.build is None or not is_nested_language_build(config):
            self.build = SiteBuild.start(config)
            skip = _skipped(config, self.all_steps)
            self.active = [s for s in self.all_steps if not {s.stage, s.name} & skip]
            self.timings = {}
            for step in self._steps(Event.CONFIG, Scope.BUILD):
                started = time.perf_counter()
                step.run(self.build, config)
                self.timings[step.name] = time.perf_counter() - started
        for step in self._steps(Event.CONFIG, Scope.LANGUAGE):
            step.run(self.build, config)
        return config

    def on_files(self, files: Any, config: MkDocsConfig) -> Any:
        self._each(Event.FILES, self._build(), files, config)
        return files

    def on_env(self, env: Any, config: MkDocsConfig, files: Any) -> Any:
        self._each(Event.ENV, env, config, files)
        return env

    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig) -> str:
        return self._chain(Event.PAGE_MARKDOWN, markdown, page, config)

    def on_page_converted(self, html: str, page: Any, config: MkDocsConfig, files: Any) -> str:
        return self._chain(Event.PAGE_CONVERTED, html, page, config, files)

    def on_page_content(self, html: str, page: Any, config: MkDocsConfig) -> str:
        return self._chain(Event.PAGE_CONTENT, html, page, config)

    def on_page_context(self, context: dict[str, Any], page: Any, config: MkDocsConfig) -> Any:
        self._each(Event.PAGE_CONTEXT, context, page, config)
        return context

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        return self._chain(Event.POST_PAGE, output, page, config)

    def on_template_context(self, context: dict[str, Any], name: str, config: MkDocsConfig) -> Any:
        self._each(Event.TEMPLATE_CONTEXT, context, name, config)
        return context

    def on_post_template(self, output: str, name: str, config: MkDocsConfig) -> str:
        return self._chain(Event.POST_TEMPLATE, output, name, config)

    def on_post_build(self, config: MkDocsConfig) -> None:
        if is_nested_language_build(config):
            return  # the outer build's call comes after every language
        for step in self._steps(Event.POST_BUILD, Scope.SITE):
            step.run(self._build(), config)

    def _chain(self, event: Event, value: str, *args: Any) -> str:
        """Each step gets the text the step before it returned."""
        for step in self._steps(event):
            value = step.run(value, *args)
        return value

    def _each(self, event: Event, *args: Any) -> None:
        for step in self._steps(event):
            step.run(*args)

    def _build(self) -> SiteBuild:
        if self.build is None:
            raise RuntimeError("on_config has not run")
        return self.build
