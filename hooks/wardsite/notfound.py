"""Where each language's "page not found" page goes in the built site.

MkDocs renders the theme's 404.html once per build, and mkdocs-static-i18n
runs one build per language into the same folder, so the last language's page
would overwrite the default language's /404.html. The default language keeps
/404.html; every other language gets /<lang>/404.html.
"""

from __future__ import annotations

from pathlib import Path


def not_found_page(site_dir: Path, language: str, default_language: str) -> Path:
    """The file the 404 page of ``language`` belongs in."""
    if language == default_language:
        return site_dir / "404.html"
    return site_dir / language / "404.html"
