"""What the current MkDocs build is, in mkdocs-static-i18n terms.

mkdocs-static-i18n builds the default language first, then each other
language in a nested build started from its own ``on_post_build`` (with its
``building`` flag set); ``theme.language`` is set for the language being
built. Hooks ask these questions here rather than reading the plugin.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def project_root(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml (org.yml, sessions/, data/ live beside it)."""
    return Path(config.config_file_path).parent


def build_language(config: MkDocsConfig) -> str:
    """The language of the site being built now."""
    return str(config.theme["language"])


def default_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return str(i18n.default_language) if i18n is not None else build_language(config)


def site_languages(config: MkDocsConfig) -> tuple[list[str], str]:
    """(languages built, default language)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        lang = build_language(config)
        return [lang], lang
    return list(i18n.build_languages), str(i18n.default_language)


def is_nested_language_build(config: MkDocsConfig) -> bool:
    """True inside the build of a non-default language (started by the plugin).

    In the outer build's ``on_post_build`` after the plugin's (priority below
    -100) this is False again: that is the one call that sees every language.
    """
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and getattr(i18n, "building", False))


def content_language(page: Page, config: MkDocsConfig) -> str:
    """The language a page's text is written in (mkdocs-static-i18n marks each file)."""
    return str(getattr(page.file, "locale", build_language(config)))


def neutral_src_uri(page: Page) -> str:
    """The page's path without a language suffix (``guide.en.md`` → ``guide.md``)."""
    return str(getattr(page.file, "norm_src_uri", page.file.src_uri))
