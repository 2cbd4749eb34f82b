"""MkDocs entry points for a fast edit loop (``./scripts/serve``) and build.

Thin glue around ``wardsite.devloop`` (search indexes built after the page
reload during ``serve``), ``wardsite.rendercache`` (during ``serve``, a page
whose Markdown and surroundings did not change is not converted again, and
its entries in Material's search index are not parsed again),
``wardsite_mkdocs.page_outputs`` (during ``serve``, a page whose whole template
context did not change is not rendered again), ``wardsite_mkdocs.theme_listing``
(the theme's files listed once) and ``wardsite.templatecache`` (Material's
templates compiled once per process, not once per language and rebuild).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from wardsite.devloop import LOOP
from wardsite.rendercache import OUTPUTS, PAGES, SEARCH_ENTRIES, Rendered, content_key
from wardsite.templatecache import TEMPLATES
from wardsite_mkdocs.i18n import build_language, is_nested_language_build
from wardsite_mkdocs.livereload import reload_browsers, watch_without_polling
from wardsite_mkdocs.page_outputs import RENDERED, CachedTemplate
from wardsite_mkdocs.search_entry_cache import reuse_entries
from wardsite_mkdocs.theme_listing import LISTING


def on_startup(command: str, dirty: bool) -> None:
    LOOP.start(command, os.environ)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    # After a new search index is in place, open pages reload to load it.
    LOOP.on_published = lambda: reload_browsers(server)
    if LOOP.serving:
        watch_without_polling(server)
    return server


def on_pre_build(config: MkDocsConfig) -> None:
    # A background index job of the previous rebuild must not land in this one.
    LOOP.rebuild_started()
    if not is_nested_language_build(config):
        PAGES.new_round()
        SEARCH_ENTRIES.new_round()
        OUTPUTS.new_round()
    RENDERED.enabled = LOOP.serving
    if LOOP.serving:
        RENDERED.new_language_build(config)


# After Material's search plugin (0) and mkdocs-static-i18n (-100) made this
# language build's search index.
@event_priority(-200)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    search = config.plugins.get("material/search")
    if LOOP.serving and search is not None:
        reuse_entries(search)
    if LOOP.serving:
        LISTING.install(config.theme)
    return config


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = TEMPLATES
    if LOOP.serving:
        env.template_class = CachedTemplate
    return env


# Last: the context exactly as the template will get it.
@event_priority(-10000)
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **_: object
) -> dict[str, Any]:
    RENDERED.page_context(context, page, config)
    return context


# --- Pages not converted again when nothing they depend on changed (serve) ---

#: Per language build: the hash of what every page's conversion depends on
#: besides its own Markdown (language, mkdocs.yml, every file's place).
_site_key: dict[str, str] = {}
#: Page source path → (cache key, what the previous rebuild gave or None).
_pending: dict[str, tuple[str, Rendered | None]] = {}


# Last, after FAQ and session pages are added (wardsite_mkdocs.generated_pages).
@event_priority(-10000)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if LOOP.serving:
        places = sorted(f"{f.src_uri}\0{f.dest_uri}" for f in files)
        settings = Path(config.config_file_path).read_bytes()
        _site_key["key"] = content_key(build_language(config), settings, *places)
    return files


# Last: the Markdown every other hook and plugin has produced.
@event_priority(-10000)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    if not LOOP.serving:
        return markdown
    key = content_key(_site_key["key"], page.file.src_uri, page.url, markdown)
    found = PAGES.get(key)
    _pending[page.file.src_uri] = (key, found)
    if found is not None:
        # Not converted (not even a Markdown converter made for it); on_page_content
        # puts the rest of what the conversion found back.
        page.render = lambda config, files: setattr(page, "content", found.html)  # type: ignore[method-assign]
    return markdown


# First: the HTML exactly as the Markdown conversion gave it.
@event_priority(10000)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    pending = _pending.pop(page.file.src_uri, None)
    if pending is None:
        return html
    key, found = pending
    page.__dict__.pop("render", None)  # the class's own again (see on_page_markdown)
    if found is None:
        links = {f.src_uri: dict(a) for f, a in (page.links_to_anchors or {}).items()}
        anchors = frozenset(page.present_anchor_ids or ())
        PAGES.put(key, Rendered(html, page.toc, page._title_from_render, anchors, links))
        return html
    page.toc = found.toc
    page._title_from_render = found.title
    page.present_anchor_ids = set(found.anchors)
    targets = {src: files.get_file_from_path(src) for src in found.links}
    page.links_to_anchors = {f: dict(found.links[s]) for s, f in targets.items() if f is not None}
    return found.html
