"""MkDocs entry point for figures: tidy the HTML mkdocs-glightbox leaves.

Thin glue around ``wardsite.figures``; runs after mkdocs-glightbox has wrapped
the images (plugins' events run before hooks' at the same priority).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from wardsite.figures import tidy_lightbox_html


@event_priority(-50)
def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    return tidy_lightbox_html(html)
