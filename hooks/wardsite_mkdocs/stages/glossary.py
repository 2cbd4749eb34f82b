"""The glossary, tooltips and admonition titles.

The glossary file is read and checked by ``wardsite.glossary``; Japanese-friendly
tooltips come from the ``wardsite.markdown_abbr`` Markdown extension; default
admonition titles from ``wardsite.admonitions``.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from wardsite import glossary
from wardsite.admonitions import add_default_titles
from wardsite.errors import SiteInputError
from wardsite_mkdocs.i18n import content_language
from wardsite_mkdocs.site_build import SiteBuild

TERMS_FILE = "data/glossary/terms.yml"


class GlossaryStage:
    def __init__(self) -> None:
        self.terms: dict[str, list[glossary.Entry]] = {}

    def load(self, build: SiteBuild, config: MkDocsConfig) -> None:
        """Per language: the tooltips quote org.yml facts in the language being built."""
        try:
            self.terms = glossary.load_terms(
                build.root / TERMS_FILE, build.docs_dir, config.extra["org"]
            )
        except SiteInputError as exc:
            raise PluginError(str(exc)) from None

    def page_terms(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        lang = content_language(page, config)
        entries = self.terms.get(lang, [])
        if glossary.MARKER in markdown:
            markdown = markdown.replace(
                glossary.MARKER, glossary.glossary_markdown(entries, page.file.src_uri, lang)
            )
        markdown = add_default_titles(markdown, lang)
        if page.meta.get("tooltips", True):
            markdown += glossary.abbreviations(entries)
        return markdown
