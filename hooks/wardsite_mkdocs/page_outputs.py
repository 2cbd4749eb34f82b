"""Pages not rendered through Material's templates again during ``serve``.

A page's HTML file is its template rendered with its context (the page, the
whole navigation, the configuration, what the plugins added). After one
edit, nearly every page's context is the same as in the previous rebuild, so
rendering it again (a third of a rebuild) gives the same text. Here the whole
context is hashed, conservatively: every value reachable from it (the menu's
titles and addresses, ``config`` with ``extra``, the page's own fields and
whatever hooks put on it), the templates of the project (``overrides/``) and
the hooks' code. When the hash was seen in the previous rebuild, that
rebuild's output is used instead of rendering; the ``post_page`` events still
run on it, and the page is still written.

A title change changes the navigation, so every page's key changes and every
menu is rendered again; a Japanese edit changes the content of the English
page that falls back to it, so that page is rendered again too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import jinja2
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from wardsite.rendercache import OUTPUTS
from wardsite_mkdocs.theme_listing import folders_state, installed

#: Context keys that differ on every build without changing the HTML.
#: ``build_date_utc``: no template of Material or ``overrides/`` reads it
#: (checked by tests/devloop/test_serve_reload.py).
VOLATILE = frozenset({"build_date_utc"})
#: Context values that are the same objects, unchanged, for every page of a
#: language build (the page list, mkdocs-static-i18n's settings).
SHARED = frozenset({"nav", "pages", "i18n_config"})


class _Digest:
    """Feeds any value reachable from a template context into a hash."""

    def __init__(self, memo: dict[int, tuple[Any, bytes]]) -> None:
        self.hash = hashlib.sha256()
        #: id → (object, digest) of objects the same for the whole build (kept
        #: alive here, so that no other object takes their id meanwhile).
        self._memo = memo
        self._seen: dict[int, int] = {}  # containers hashed before → their number

    def add(self, value: Any) -> None:
        h = self.hash
        if value is None or isinstance(value, (bool, int, float)):
            h.update(f"{type(value).__name__}:{value!r};".encode())
        elif isinstance(value, str):
            data = value.encode("utf-8", "surrogatepass")
            h.update(b"s%d:" % len(data) + data)
        elif isinstance(value, bytes):
            h.update(b"b%d:" % len(value) + value)
        elif isinstance(value, (datetime, date)):
            h.update(f"d:{value.isoformat()};".encode())
        elif isinstance(value, Page):
            # Another page: how menus, links and prev/next show it.
            self._fields("page", value.url, value.title, value.file.src_uri)
        elif isinstance(value, Link):
            self._fields("link", value.url, value.title)
        elif isinstance(value, File):
            self._fields("file", value.src_uri, value.dest_uri, value.url)
        elif isinstance(value, (Section, Navigation)):
            self._shared(value)
        elif isinstance(value, BasePlugin):
            # Its settings; its state (e.g. the search index so far) is no input.
            self._fields("plugin", type(value).__qualname__, value.config)
        elif isinstance(value, (ModuleType, type)) or callable(value):
            # Code, not data (the project's code is in source_key).
            name = f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
            h.update(f"x:{type(value).__qualname__}:{name};".encode())
        elif id(value) in self._seen:  # shared or a cycle: hashed once
            h.update(b"r%d;" % self._seen[id(value)])
        else:
            self._seen[id(value)] = len(self._seen)
            self._container(value)

    def _fields(self, kind: str, *values: Any) -> None:
        self.hash.update(kind.encode() + b"(")
        for value in values:
            self.add(value)
        self.hash.update(b")")

    def _shared(self, value: Section | Navigation) -> None:
        """The menu (or one section of it): hashed once per build."""
        found = self._memo.get(id(value))
        if found is None:
            inner = _Digest(self._memo)
            if isinstance(value, Section):
                inner._fields("section", value.title, list(value.children))
            else:
                inner._fields("nav", list(value.items), list(value.pages))
            found = self._memo[id(value)] = (value, inner.hash.digest())
        self.hash.update(b"m:" + found[1])

    def _container(self, value: Any) -> None:
        h = self.hash
        if isinstance(value, (Mapping, Config)):
            h.update(f"{{{type(value).__qualname__}".encode())
            for key in sorted(value, key=repr):
                self.add(repr(key))
                self.add(value[key])
            h.update(b"}")
        elif isinstance(value, (list, tuple)):
            h.update(b"[")
            for item in value:
                self.add(item)
            h.update(b"]")
        elif isinstance(value, (set, frozenset)):
            h.update(b"<")
            for item in sorted(value, key=repr):
                self.add(item)
            h.update(b">")
        elif hasattr(value, "__dict__"):
            h.update(f"o:{type(value).__module__}.{type(value).__qualname__}(".encode())
            fields = vars(value)
            for key in sorted(fields):
                h.update(key.encode() + b"=")
                self.add(fields[key])
            h.update(b")")
        else:  # no fields to read (slots, C types): its text
            h.update(f"v:{type(value).__qualname__}:{value!r};".encode())


def source_key(config: Any) -> bytes:
    """The project's own templates and hooks' code (file, size, time), hashed.

    Material's installed templates do not change while the server runs.
    """
    folders = [Path(d) for d in config.theme.dirs if not installed(Path(d))]
    folders += [Path(module.__file__).parent for module in config.hooks.values()]
    return folders_state(sorted(set(folders)))


class RenderedPages:
    """The key of the page about to be rendered, and the template class that uses it."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[Any, bytes]] = {}
        self._site: bytes = b""
        self._pending: tuple[int, str, str | None] | None = None
        self.enabled = False

    def new_language_build(self, config: Any) -> None:
        """Per language build: the menu and config objects are new or changed."""
        self._memo = {}
        self._site = source_key(config)
        self._pending = None

    def page_context(self, context: dict[str, Any], page: Page, config: Any) -> None:
        """Called last before ``template.render(context)`` for ``page``."""
        if not self.enabled:
            return
        digest = _Digest(self._memo)
        digest.add(self._site)
        digest.add(page.meta.get("template", "main.html"))
        digest._fields("this", vars(page))  # the page itself, every field
        # mkdocs-static-i18n sets extra.alternate per page; the rest is the same.
        digest.add(self._once(config, lambda: {k: v for k, v in config.items() if k != "extra"}))
        extra = config.extra
        digest.add(self._once(extra, lambda: {k: v for k, v in extra.items() if k != "alternate"}))
        digest.add(extra.get("alternate"))
        for key in sorted(context):
            if key in VOLATILE or key == "config":
                continue
            digest.add(key)
            value = context[key]
            digest.add(self._once(value, lambda v=value: v) if key in SHARED else value)
        key = digest.hash.hexdigest()
        self._pending = (id(context), key, OUTPUTS.get(key))

    def _once(self, value: Any, part: Callable[[], Any]) -> bytes:
        """The hash of ``part()``, computed once per language build for ``value``."""
        found = self._memo.get(id(value))
        if found is None:
            inner = _Digest(self._memo)
            inner.add(part())
            found = self._memo[id(value)] = (value, inner.hash.digest())
        return found[1]

    def render(
        self, template: jinja2.Template, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> str:
        """The page's template output: the previous rebuild's when the key is known."""
        pending, self._pending = self._pending, None
        if pending is None or not args or id(args[0]) != pending[0] or kwargs:
            return jinja2.Template.render(template, *args, **kwargs)
        _, key, found = pending
        if found is not None:
            return found
        output = jinja2.Template.render(template, *args)
        OUTPUTS.put(key, output)
        return output


#: The dev server's one instance.
RENDERED = RenderedPages()


class CachedTemplate(jinja2.Template):
    """A template whose page renders go through :data:`RENDERED`."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        return RENDERED.render(self, args, kwargs)
