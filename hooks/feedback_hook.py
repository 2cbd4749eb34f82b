"""MkDocs entry point for the page feedback box (wardsite.feedback).

The box is added to the finished page (``on_post_page``), after Material's
search plugin has read the content, so its words are not in the search index.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from wardsite.feedback import add_widget, applies
from wardsite_mkdocs.i18n import build_language


def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    src = getattr(page.file, "norm_src_uri", page.file.src_uri)
    if not applies(src, page.meta):
        return output
    return add_widget(output, build_language(config))
