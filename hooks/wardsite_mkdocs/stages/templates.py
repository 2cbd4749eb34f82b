"""Material's menu and search box rendered once for the pages that share them.

Thin glue around ``wardsite.fragmentcache`` (the cache) and
``wardsite_mkdocs.shared_fragments`` (which pages share which template's text).
The output is the same as without it (tests/site/test_shared_fragments.py).
"""

from __future__ import annotations

import logging

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from wardsite.fragmentcache import SharedFragments
from wardsite_mkdocs.shared_fragments import MENU_TEMPLATES, share_fragments
from wardsite_mkdocs.site_build import SiteBuild

log = logging.getLogger("mkdocs.hooks.templates")


class TemplatesStage:
    def __init__(self) -> None:
        self.shared = SharedFragments()

    def share(self, env: Environment, config: MkDocsConfig, files: Files) -> None:
        share_fragments(env, self.shared)

    def report(self, build: SiteBuild, config: MkDocsConfig) -> None:
        """One log line (for the benchmarks), then counting starts again."""
        counts = ", ".join(
            f"{name}: {self.shared.renders[name]} renders, {self.shared.reuses[name]} reused"
            for name in MENU_TEMPLATES
        )
        log.info(f"menus shared by pages outside them ({counts})")
        self.shared.renders.clear()
        self.shared.reuses.clear()
