"""MkDocs entry point: one "page not found" page per language (wardsite.notfound)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from wardsite.notfound import not_found_page


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    i18n = config.plugins.get("i18n")
    default = i18n.default_language if i18n is not None else config.theme["language"]
    site_dir = Path(config.site_dir)
    dest = not_found_page(site_dir, config.theme["language"], default)
    if dest == site_dir / "404.html":
        return output
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(output, encoding="utf-8")
    # Empty output: MkDocs then leaves the default language's /404.html alone.
    return ""
