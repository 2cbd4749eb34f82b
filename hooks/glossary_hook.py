"""MkDocs entry points for the glossary, tooltips and admonition titles.

Thin glue: the glossary file is read and checked by ``wardsite.glossary``;
Japanese-friendly tooltips come from the ``wardsite.markdown_abbr`` Markdown
extension; default admonition titles from ``wardsite.admonitions``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from wardsite import glossary
from wardsite.admonitions import add_default_titles
from wardsite.errors import SiteInputError
from wardsite_mkdocs.i18n import project_root

_terms: dict[str, list[glossary.Entry]] = {}


# After org_hook's on_config (-110), which puts org.yml into config.extra.
@event_priority(-120)
def on_config(config: MkDocsConfig) -> None:
    path = project_root(config) / "data" / "glossary" / "terms.yml"
    try:
        terms = glossary.load_terms(path, Path(config.docs_dir), config.extra["org"])
    except SiteInputError as exc:
        raise PluginError(str(exc)) from None
    _terms.clear()
    _terms.update(terms)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    # mkdocs-static-i18n marks each file with the language its content is in.
    lang = getattr(page.file, "locale", config.theme["language"])
    entries = _terms.get(lang, [])
    if glossary.MARKER in markdown:
        markdown = markdown.replace(
            glossary.MARKER, glossary.glossary_markdown(entries, page.file.src_uri, lang)
        )
    markdown = add_default_titles(markdown, lang)
    if page.meta.get("tooltips", True):
        markdown += glossary.abbreviations(entries)
    return markdown
