"""What every stage may ask about the build in progress (both languages)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from wardsite_mkdocs.i18n import project_root, site_languages


@dataclass(frozen=True)
class SiteBuild:
    """One ``mkdocs build`` (or ``serve`` rebuild) with all its language builds."""

    root: Path  #: the folder of mkdocs.yml
    docs_dir: Path
    languages: tuple[str, ...]
    default: str
    started: dt.datetime  #: one moment for every language (announcements)

    @classmethod
    def start(cls, config: MkDocsConfig) -> SiteBuild:
        languages, default = site_languages(config)
        return cls(
            root=project_root(config),
            docs_dir=Path(config.docs_dir),
            languages=tuple(languages),
            default=default,
            started=dt.datetime.now(dt.UTC),
        )

    def prefix(self, lang: str) -> str:
        """The URL folder of a language: ``""`` for the default, ``"en/"`` for English."""
        return "" if lang == self.default else f"{lang}/"

    def watch(self, config: MkDocsConfig, path: Path) -> None:
        """Have ``mkdocs serve`` rebuild when ``path`` changes (it watches only docs/)."""
        if str(path) not in config.watch:
            config.watch.append(str(path))
