"""The counts the report shows, from events."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from wardsite_ops.report.events import REASONS, Event


@dataclass
class QueryStats:
    searches: int = 0
    no_result: int = 0
    clicks: int = 0
    rank_total: int = 0
    results_last: int = 0
    clicked_pages: Counter[str] = field(default_factory=Counter)


@dataclass
class PageStats:
    yes: int = 0
    no: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def votes(self) -> int:
        return self.yes + self.no

    @property
    def rate(self) -> float:
        return self.yes / self.votes if self.votes else 0.0


@dataclass
class WeekStats:
    searches: int = 0
    no_result: int = 0
    clicks: int = 0
    yes: int = 0
    no: int = 0


@dataclass
class Tally:
    queries: dict[tuple[str, str], QueryStats] = field(
        default_factory=lambda: defaultdict(QueryStats)
    )
    pages: dict[str, PageStats] = field(default_factory=lambda: defaultdict(PageStats))
    weeks: dict[str, WeekStats] = field(default_factory=lambda: defaultdict(WeekStats))
    events: int = 0
    skipped: int = 0

    def add(self, dated: tuple[str, Event] | None) -> None:
        """Count one (week, event) from events.parse_line; None is a skipped line."""
        if dated is None:
            self.skipped += 1
            return
        self.events += 1
        week_name, event = dated
        week = self.weeks[week_name]
        kind = event.kind
        if kind == "search":
            stats = self.queries[(event.lang, event.query)]
            stats.searches += 1
            stats.results_last = event.results
            week.searches += 1
            if event.results == 0:
                stats.no_result += 1
                week.no_result += 1
        elif kind == "click":
            stats = self.queries[(event.lang, event.query)]
            stats.clicks += 1
            stats.rank_total += event.rank
            if event.page:
                stats.clicked_pages[event.page] += 1
            week.clicks += 1
        elif kind == "vote":
            page = self.pages[event.page]
            if event.helpful:
                page.yes += 1
                week.yes += 1
            else:
                page.no += 1
                week.no += 1
        else:
            self.pages[event.page].reasons[event.reason] += 1

    def add_all(self, events: Iterable[tuple[str, Event] | None]) -> Tally:
        for event in events:
            self.add(event)
        return self

    # -- what the report lists ----------------------------------------------

    def no_result_queries(self) -> list[tuple[str, str, QueryStats]]:
        """Queries that found nothing, most frequent first."""
        rows = [(lang, q, s) for (lang, q), s in self.queries.items() if s.no_result]
        return sorted(rows, key=lambda r: (-r[2].no_result, r[0], r[1]))

    def unclicked_queries(self) -> list[tuple[str, str, QueryStats]]:
        """Queries with results that nobody clicked, most frequent first."""
        rows = [
            (lang, q, s)
            for (lang, q), s in self.queries.items()
            if s.searches > s.no_result and s.clicks == 0
        ]
        return sorted(rows, key=lambda r: (-(r[2].searches - r[2].no_result), r[0], r[1]))

    def least_helpful_pages(self, min_votes: int) -> list[tuple[str, PageStats]]:
        """Pages with at least ``min_votes`` votes, the lowest 役に立った rate first."""
        rows = [(page, s) for page, s in self.pages.items() if s.votes >= min_votes]
        return sorted(rows, key=lambda r: (r[1].rate, -r[1].votes, r[0]))

    def weekly(self) -> list[tuple[str, WeekStats]]:
        return sorted(self.weeks.items())


REASON_NAMES = {
    "steps": "手順どおりにできない",
    "missing": "探している情報がない",
    "unclear": "分かりにくい",
    "outdated": "情報が古い",
}
assert set(REASON_NAMES) == set(REASONS)
