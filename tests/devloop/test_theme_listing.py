"""The dev server's remembered list of the theme's static files
(wardsite_mkdocs.theme_listing) gives MkDocs' own list, and sees a file added
to the project's own theme folder."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from wardsite_mkdocs.theme_listing import ThemeListing


def theme_files(config: MkDocsConfig) -> list[str]:
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted(f.src_uri for f in files)


def test_listing_matches_mkdocs_and_follows_own_folder(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    overrides = tmp_path / "overrides"
    (overrides / "assets").mkdir(parents=True)
    (overrides / "assets" / "a.css").write_text("a{}", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ntheme:\n  name: material\n  custom_dir: overrides\n", "utf-8"
    )
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    expected = theme_files(config)
    assert "assets/a.css" in expected and len(expected) > 20  # Material's own files too

    listing = ThemeListing()
    listing.install(config.theme)
    assert theme_files(config) == expected
    assert theme_files(config) == expected  # from the remembered list

    (overrides / "assets" / "b.css").write_text("b{}", "utf-8")
    assert theme_files(config) == sorted([*expected, "assets/b.css"])
