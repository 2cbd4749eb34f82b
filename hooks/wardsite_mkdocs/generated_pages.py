"""Add pages generated at build time (FAQ entries, session pages) to MkDocs.

Generated files get no language handling from mkdocs-static-i18n: added
before its ``on_files`` they crash it, so they are added after it (the
pipeline's ``on_files`` runs at ``Priority.FILES``, below its -100) with the
attributes the plugin would have set: the content language, the build
language, the language alternates and the sitemap list.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from wardsite_mkdocs.i18n import build_language, default_language


@dataclass(frozen=True)
class GeneratedPage:
    """A page made at build time.

    ``src_uri`` is language-neutral (``faq/123.md``); ``lang`` is the language
    the content is written in.
    """

    src_uri: str
    markdown: str
    lang: str


def add_pages(
    files: Files,
    config: MkDocsConfig,
    pages: Iterable[GeneratedPage],
    *,
    fallback_to_default: bool = True,
) -> list[File]:
    """Add the pages that belong to the language being built; return the new files.

    A page in the build language is always added. A page in the default
    language is also added to other languages' builds when
    ``fallback_to_default`` is true, like untranslated Markdown pages.
    """
    lang = build_language(config)
    default = default_language(config)
    prefix = "" if lang == default else f"{lang}/"
    added: list[File] = []
    for page in pages:
        if page.lang != lang and not (fallback_to_default and page.lang == default):
            continue
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.dest_uri = prefix + file.dest_uri
        file.url = file._get_url(config.use_directory_urls)
        file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_uri))
        # The attributes mkdocs-static-i18n gives the files it handles.
        file.locale = page.lang
        file.locale_alternate_of = lang
        file.localization = None
        file.norm_src_uri = page.src_uri
        file.alternates = {lang: file}
        files.append(file)
        added.append(file)
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        # The sitemap lists the pages of each language from here.
        i18n.i18n_files_per_language.setdefault(lang, []).extend(added)
    return added
