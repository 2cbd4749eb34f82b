"""The theme's static files listed once per ``serve`` process, not per rebuild.

Every build (and mkdocs-static-i18n's build of each language) lists every
file of every theme folder to find the theme's static files. Material's
folder holds thousands of icons, so this takes a tenth of a rebuild, although
installed files do not change while the server runs. The list is kept per
theme folders and the state (names, sizes, times) of the folders that are not
installed (``overrides/``), so a file added to or removed from them is seen.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

#: The filter MkDocs' ``Files.add_files_from_theme`` passes (its local function).
_MKDOCS_FILTER = "Files.add_files_from_theme.<locals>.filter"


def installed(folder: Path) -> bool:
    """Whether ``folder`` belongs to the Python installation (an installed package)."""
    resolved = folder.resolve()
    prefixes = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix)}
    return any(resolved.is_relative_to(prefix) for prefix in prefixes)


def folders_state(folders: list[Path]) -> bytes:
    """Names, sizes and times of the files in ``folders``, hashed (not ``__pycache__``)."""
    digest = hashlib.sha256()
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                stat = os.stat(os.path.join(root, name))
                digest.update(f"{root}/{name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.digest()


class ThemeListing:
    """``env.list_templates`` for MkDocs' static-file filter, remembered."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._found: dict[tuple[Any, ...], list[str]] = {}

    def install(self, theme: Any) -> None:
        """Make ``theme.get_env()`` return environments that use the remembered list."""
        if getattr(theme, "_wardsite_listing", False):
            return  # the same config again (the next language's build)
        make_env: Callable[[], jinja2.Environment] = theme.get_env
        static = tuple(theme.static_templates)

        def get_env() -> jinja2.Environment:
            env = make_env()
            uncached = env.list_templates

            def list_templates(
                extensions: Any = None, filter_func: Callable[[str], bool] | None = None
            ) -> list[str]:
                name = getattr(filter_func, "__qualname__", "")
                if extensions is not None or filter_func is None or name != _MKDOCS_FILTER:
                    return uncached(extensions=extensions, filter_func=filter_func)
                return self._listed(theme.dirs, static, lambda: uncached(filter_func=filter_func))

            env.list_templates = list_templates  # type: ignore[method-assign]
            return env

        theme.get_env = get_env
        theme._wardsite_listing = True

    def _listed(
        self, dirs: list[str], static: tuple[str, ...], run: Callable[[], list[str]]
    ) -> list[str]:
        own = [Path(d) for d in dirs if not installed(Path(d))]
        key = (tuple(dirs), static, folders_state(own))
        with self._lock:
            found = self._found.get(key)
        if found is None:
            found = run()
            with self._lock:
                if len(self._found) >= 16:  # old states of overrides/
                    self._found.clear()
                self._found[key] = found
        return list(found)


#: The dev server's one listing.
LISTING = ThemeListing()
