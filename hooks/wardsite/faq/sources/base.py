"""What every FAQ source returns, and the interface the pull relies on."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from wardsite.errors import SiteInputError
from wardsite.faq.errors import FaqEntryError
from wardsite.faq.model import FaqCategory, FaqEntry

log = logging.getLogger("wardsite.faq")
#: Entries and categories skipped for bad data: the build log shows these as WARNING
#: (so ``mkdocs build --strict`` fails and someone fixes the article), while the
#: helpdesk being unreachable stays INFO (every page carries a note instead).
SKIPPED_LOGGER = "wardsite.faq.skipped"
skip_log = logging.getLogger(SKIPPED_LOGGER)

#: Upper bound on entries in one pull, so a runaway helpdesk cannot flood the build.
DEFAULT_MAX_ENTRIES = 5000


@dataclass
class SourceResult:
    """Entries and categories read in one pull.

    ``complete`` is True for a full listing (an entry missing from it was withdrawn)
    and False for a change list (only the entries in it changed). ``removed`` lists
    (id, locale) pairs the change list reports as gone or unpublished. ``cursor``
    is the value to resume from next time (Zendesk: the export's ``end_time``).
    """

    entries: list[FaqEntry] = field(default_factory=list)
    categories: list[FaqCategory] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    #: (id, locale) seen but not shown to this site's readers (restricted to a user
    #: segment): dropped without a "withdrawn" page, whose title could leak.
    hidden: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    complete: bool = True
    cursor: int | None = None
    hosts: list[str] = field(default_factory=list)


class FaqSource(Protocol):
    """A helpdesk. ``fetch_changes`` may return a full listing if it cannot do better."""

    name: str

    def fetch_all(self) -> SourceResult: ...

    def fetch_changes(self, cursor: int) -> SourceResult: ...


def skipped(result: SourceResult, message: str) -> None:
    """Record an entry or category left out for bad data (not for visibility)."""
    result.warnings.append(message)
    skip_log.warning("%s", message)


def collect(result: SourceResult, build: Callable[[], FaqEntry], raw_id: object) -> None:
    """Validate one entry into ``result``; a bad entry becomes a warning naming its id."""
    try:
        result.entries.append(build())
    except FaqEntryError as exc:
        skipped(result, f"FAQ {exc.entry_id} を飛ばしました：{exc}")
    except SiteInputError as exc:
        skipped(result, f"FAQ {str(raw_id)[:40]} を飛ばしました：{exc}")


def collect_category(result: SourceResult, build: Callable[[], FaqCategory]) -> None:
    try:
        result.categories.append(build())
    except SiteInputError as exc:
        skipped(result, f"カテゴリを飛ばしました：{exc}")
