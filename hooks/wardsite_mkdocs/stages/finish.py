"""Finishing touches on the HTML that keep no state: accessibility fixes, figures,
the feedback box and one "page not found" page per language."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from wardsite.a11y import label_task_items as _label_task_items
from wardsite.a11y import name_landmarks as _name_landmarks
from wardsite.feedback import add_widget, applies
from wardsite.figures import tidy_lightbox_html
from wardsite.notfound import not_found_page
from wardsite_mkdocs.i18n import build_language, default_language, neutral_src_uri


def label_task_items(html: str, page: Page, config: MkDocsConfig) -> str:
    return _label_task_items(html)


def tidy_figures(html: str, page: Page, config: MkDocsConfig) -> str:
    """Runs after mkdocs-glightbox has wrapped the images (see Priority.PAGE)."""
    return tidy_lightbox_html(html)


def add_feedback(output: str, page: Page, config: MkDocsConfig) -> str:
    """Added to the finished page, after Material's search plugin read the content,
    so its words are not in the search index."""
    if not applies(neutral_src_uri(page), page.meta):
        return output
    return add_widget(output, build_language(config))


def name_landmarks(output: str, page: Page, config: MkDocsConfig) -> str:
    return _name_landmarks(output)


def name_404_landmarks(output: str, template_name: str, config: MkDocsConfig) -> str:
    # The 404 page is rendered from a template, not as a page.
    return _name_landmarks(output) if template_name == "404.html" else output


def not_found_per_language(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page of a non-default language goes to its own folder (``en/404.html``)."""
    if template_name != "404.html":
        return output
    site_dir = Path(config.site_dir)
    dest = not_found_page(site_dir, build_language(config), default_language(config))
    if dest == site_dir / "404.html":
        return output
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(output, encoding="utf-8")
    # Empty output: MkDocs then leaves the default language's /404.html alone.
    return ""
