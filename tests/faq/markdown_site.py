"""Python-Markdown configured like the site (extensions read from mkdocs.yml), for tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import yaml

MKDOCS_YML = Path(__file__).resolve().parents[2] / "mkdocs.yml"


def site_markdown() -> markdown.Markdown:
    # mkdocs.yml uses !!python tags for slugify and emoji; it is our own trusted file.
    config: dict[str, Any] = yaml.load(
        MKDOCS_YML.read_text(encoding="utf-8"), Loader=yaml.UnsafeLoader
    )
    names: list[str] = []
    settings: dict[str, Any] = {}
    for item in config.get("markdown_extensions", []):
        if isinstance(item, dict):
            ((name, value),) = item.items()
            names.append(name)
            settings[name] = value or {}
        else:
            names.append(item)
    return markdown.Markdown(extensions=names, extension_configs=settings)


def body_of(page_text: str) -> str:
    """The Markdown after the front matter."""
    assert page_text.startswith("---\n")
    return page_text.split("\n---\n", 1)[1]
