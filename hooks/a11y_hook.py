"""MkDocs entry points for the accessibility fixes in wardsite.a11y."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from wardsite.a11y import label_task_items, name_landmarks


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    return label_task_items(html)


def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    return name_landmarks(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # The 404 page is rendered from a template, not as a page.
    if template_name == "404.html":
        return name_landmarks(output_content)
    return output_content
