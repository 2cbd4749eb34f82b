"""Search quality benchmark: our search against Material's default, in Chromium.

    .venv/bin/python -m bench.search_quality            # both engines, all sets
    .venv/bin/python -m bench.search_quality --engine ours --failures
    .venv/bin/python -m bench.search_quality --engine ours --set tuning validation

Seventeen query sets. Nine may be tuned on: ``bench/search_queries.yml``
("tune"), ``bench/search_dev.yml`` ("dev", a second development set written in
other personas after the seventh held-out set), ``bench/search_blind7.yml``
to ``bench/search_blind11.yml`` ("blind7" to "blind11"),
``bench/search_blind13.yml`` ("blind13") and ``bench/search_blind14.yml``
("blind14"): blind sets, each measured (0.862, 0.902, 0.911, 0.890, 0.907,
0.937 and 0.925 MRR@10) before its misses were read. This is a rolling
hold-out: the newest blind set, once measured, becomes tuning material and a
new one is written first. Eight are held out:
``bench/search_validation.yml`` ("validation", written separately and never
tuned on), ``bench/search_holdout.yml`` ("holdout", a third, smaller set in
other people's wording, written before the ranking changes it is meant to
judge), ``bench/search_confirm.yml`` ("confirm", a fourth, larger set written
later from the pages alone), ``bench/search_fresh.yml`` ("fresh", a fifth set
written blind: without running the search or opening its vocabulary, its code
or the other sets), ``bench/search_final.yml`` ("final", a sixth set written
blind in new personas from the pages without their ``asked:`` front matter),
``bench/search_blind12.yml`` ("blind12", written blind in new personas
after blind11's measurement and before its misses were read, measured at the
start and the end of the session that moved blind11 to tuning),
``bench/search_blind15.yml`` ("blind15", written blind in new personas before
blind14 was measured, measured once (0.906) at the end of the session that
moved blind14 to tuning) and ``bench/search_blind16.yml`` ("blind16", written
blind in new personas before blind15 was measured; not measured yet).
Of the held-out sets only aggregate figures are printed;
``--failures`` lists the tuning sets' misses only.

Builds the site once with ``mkdocs build --strict`` into a temporary folder,
then makes a second copy whose pages point Material at its own bundled search
worker again (the ``"search"`` URL in each page's ``#__config``): that copy is
exactly what the site is without our worker override, searching Material's
``search_index.json`` of the same build. Each copy is served on 127.0.0.1 and
every query of ``bench/search_queries.yml`` is typed into the real search box
(``input[data-md-component="search-query"]``) of headless Chromium, from the
Japanese or English home page; the result list Material renders gives the
ranking (one entry per page, in the order shown).

Metrics, overall and per kind of query: MRR@10 (reciprocal rank of the first
relevant page), nDCG@10 (graded: 2 = the answer, 1 = also helps), Success@1
(the first page is relevant), Recall@5 (share of the relevant pages in the
top 5) and the no-result rate.

Pages under ``faq/`` are not judged: they are generated from the helpdesk's
FAQ snapshot, which changes without the queries being re-graded. As usual
for unjudged documents, they are taken out of each ranked list before the
metrics are computed ("condensed lists"); a query whose only results are FAQ
pages still counts as answered. ``MRR+faq`` and ``S@1+faq`` are MRR@10 and
Success@1 on the full list instead, an FAQ answer counting as a miss: what a
judge who grades only the guide pages sees (the issue's independent set), and
the cost of FAQ answers ranked above the guide they point to.
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from bench.intervals import bootstrap_gap
from support.browser import CHROMIUM, CHROMIUM_ARGS
from support.build import build_site
from support.httpserver import serve_directory

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "bench" / "search_queries.yml"
VALIDATION = ROOT / "bench" / "search_validation.yml"
HOLDOUT = ROOT / "bench" / "search_holdout.yml"
CONFIRM = ROOT / "bench" / "search_confirm.yml"
FRESH = ROOT / "bench" / "search_fresh.yml"
FINAL = ROOT / "bench" / "search_final.yml"
BLIND7 = ROOT / "bench" / "search_blind7.yml"
BLIND8 = ROOT / "bench" / "search_blind8.yml"
BLIND9 = ROOT / "bench" / "search_blind9.yml"
BLIND10 = ROOT / "bench" / "search_blind10.yml"
BLIND11 = ROOT / "bench" / "search_blind11.yml"
BLIND12 = ROOT / "bench" / "search_blind12.yml"
BLIND13 = ROOT / "bench" / "search_blind13.yml"
BLIND14 = ROOT / "bench" / "search_blind14.yml"
BLIND15 = ROOT / "bench" / "search_blind15.yml"
BLIND16 = ROOT / "bench" / "search_blind16.yml"
DEV = ROOT / "bench" / "search_dev.yml"
#: The query sets by name; failures are only ever listed for the tuning sets.
SETS = {
    "tune": QUERIES,
    "dev": DEV,
    "validation": VALIDATION,
    "holdout": HOLDOUT,
    "confirm": CONFIRM,
    "fresh": FRESH,
    "final": FINAL,
    "blind7": BLIND7,
    "blind8": BLIND8,
    "blind9": BLIND9,
    "blind10": BLIND10,
    "blind11": BLIND11,
    "blind12": BLIND12,
    "blind13": BLIND13,
    "blind14": BLIND14,
    "blind15": BLIND15,
    "blind16": BLIND16,
}
#: The sets the analyzer and ranking may be tuned on (their misses are listed).
TUNING_SETS = (
    "tune",
    "dev",
    "blind7",
    "blind8",
    "blind9",
    "blind10",
    "blind11",
    "blind13",
    "blind14",
)
KINDS = ("keyword", "colloquial", "variant", "synonym", "english", "question", "partial", "typo")
ENGINES = ("ours", "material")
METRICS = ("MRR@10", "nDCG@10", "S@1", "R@5", "none", "MRR+faq", "S@1+faq")

#: Result pages the queries do not judge (see the module docstring).
UNJUDGED = ("faq/", "en/faq/")

SEARCH_BOX = 'input[data-md-component="search-query"]'
#: Our worker's URL in a page's config: ?lang=ja and the version (& written as \u0026).
_OUR_WORKER = re.compile(
    r'"search": "([./]*)assets/javascripts/search/worker\.js\?lang=\w+(?:\\u0026v=\w+)?"'
)


@dataclass(frozen=True)
class Query:
    text: str
    kind: str
    relevant: dict[str, int]
    site: str = "ja"
    set: str = "tune"


@dataclass
class Outcome:
    query: Query
    ranked: list[str]
    raw: list[str] = field(default_factory=list)
    seconds: float = 0.0
    scores: dict[str, float] = field(default_factory=dict)


def load_queries(path: Path = QUERIES, set_name: str = "tune") -> list[Query]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    queries = [
        Query(
            str(q["q"]),
            q["kind"],
            {str(k): int(v) for k, v in q["relevant"].items()},
            q.get("site", "ja"),
            set_name,
        )
        for q in raw
    ]
    unknown = {q.kind for q in queries} - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds in {path.name}: {sorted(unknown)}")
    return queries


# -- metrics -------------------------------------------------------------------


def score(query: Query, ranked: Sequence[str], answered: bool | None = None) -> dict[str, float]:
    """The metrics of one query from the ranked (judged) page locations."""
    rel = query.relevant
    top = list(ranked[:10])
    rr = next((1 / (i + 1) for i, page in enumerate(top) if page in rel), 0.0)
    dcg = sum((2 ** rel.get(page, 0) - 1) / math.log2(i + 2) for i, page in enumerate(top))
    ideal = sorted(rel.values(), reverse=True)[:10]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return {
        "MRR@10": rr,
        "nDCG@10": dcg / idcg if idcg else 0.0,
        "S@1": 1.0 if top and top[0] in rel else 0.0,
        "R@5": len(set(ranked[:5]) & set(rel)) / len(rel),
        "none": 0.0 if (ranked if answered is None else answered) else 1.0,
    }


def summarize(outcomes: Iterable[Outcome]) -> dict[str, dict[str, float]]:
    """{"all" | kind: {metric: mean, "n": count}}."""
    groups: dict[str, list[Outcome]] = {"all": []}
    for outcome in outcomes:
        groups["all"].append(outcome)
        groups.setdefault(outcome.query.kind, []).append(outcome)
    table: dict[str, dict[str, float]] = {}
    for name in ("all", *KINDS):
        items = groups.get(name, [])
        if not items:
            continue
        row = {m: sum(o.scores[m] for o in items) / len(items) for m in METRICS}
        row["n"] = len(items)
        table[name] = row
    return table


# -- sites and browser -----------------------------------------------------------


def material_copy(site: Path, dest: Path) -> Path:
    """A copy of a built site whose pages use Material's own search worker again."""
    shutil.copytree(site, dest)
    workers = sorted((dest / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if not workers:
        raise FileNotFoundError("Material's search worker is missing from the built site")
    worker = f"assets/javascripts/workers/{workers[0].name}"
    rewritten = 0
    for page in dest.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        new = _OUR_WORKER.sub(lambda m: f'"search": "{m.group(1)}{worker}"', html)
        if new != html:
            page.write_text(new, encoding="utf-8")
            rewritten += 1
    if not rewritten:
        raise RuntimeError("no page names our search worker: the Material copy would measure ours")
    return dest


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _page_of(href: str, base: str) -> str:
    path = unquote(urlsplit(href).path)
    prefix = urlsplit(base).path
    return path[len(prefix) :] if path.startswith(prefix) else path.lstrip("/")


_READ_RESULTS = """(sel) => Array.from(document.querySelectorAll(sel)).map(a => a.href)"""


class SearchBox:
    """The search box of one page of a served site, driven like a person would."""

    def __init__(self, browser: Any, base_url: str, start: str) -> None:
        self.base = base_url
        self.context = browser.new_context(locale="ja-JP")
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)
        self.page.goto(base_url + start)
        self.box = self.page.locator(SEARCH_BOX)
        self.meta = self.page.locator(".md-search-result__meta")
        self.box.click()
        # Material shows the placeholder once its worker answered "ready".
        self.placeholder = self._translation("search.result.placeholder")
        self.page.wait_for_function(
            "(t) => document.querySelector('.md-search-result__meta').textContent === t",
            arg=self.placeholder,
        )

    def _translation(self, key: str) -> str:
        return self.page.evaluate(
            "(k) => JSON.parse(document.getElementById('__config').textContent).translations[k]",
            key,
        )

    def search(self, text: str) -> list[str]:
        """Type a query, wait for the answer; return the result pages in order."""
        self.box.fill("")
        self.box.press("End")
        self.page.wait_for_function(
            "(t) => document.querySelector('.md-search-result__meta').textContent === t",
            arg=self.placeholder,
        )
        self.box.fill(text)
        self.box.press("End")
        self.page.wait_for_function(
            "(t) => document.querySelector('.md-search-result__meta').textContent !== t",
            arg=self.placeholder,
        )
        hrefs = self.page.evaluate(_READ_RESULTS, "li.md-search-result__item > a:first-child")
        ranked: list[str] = []
        for href in hrefs:
            page = _page_of(href, self.base)
            if page not in ranked:
                ranked.append(page)
        return ranked

    def close(self) -> None:
        self.context.close()


def run_queries(browser: Any, base_url: str, queries: Sequence[Query]) -> list[Outcome]:
    boxes: dict[str, SearchBox] = {}
    outcomes: list[Outcome] = []
    try:
        for query in queries:
            if query.site not in boxes:
                start = "" if query.site == "ja" else f"{query.site}/"
                boxes[query.site] = SearchBox(browser, base_url, start)
            started = time.perf_counter()
            raw = boxes[query.site].search(query.text)
            ranked = [page for page in raw if not page.startswith(UNJUDGED)]
            outcome = Outcome(query, ranked, raw, time.perf_counter() - started)
            outcome.scores = score(query, ranked, answered=bool(raw))
            full = score(query, raw)
            outcome.scores.update({"MRR+faq": full["MRR@10"], "S@1+faq": full["S@1"]})
            outcomes.append(outcome)
    finally:
        for box in boxes.values():
            box.close()
    return outcomes


def run_engine(browser: Any, site: Path, queries: Sequence[Query]) -> list[Outcome]:
    with serve_directory(site) as url:
        return run_queries(browser, url, queries)


# -- report ----------------------------------------------------------------------


def format_table(tables: dict[str, dict[str, dict[str, float]]]) -> str:
    engines = list(tables)
    head1 = f"{'':11}{'n':>4}  " + "  ".join(f"{m:^{8 * len(engines)}}" for m in METRICS)
    head2 = f"{'':11}{'':>4}  " + "  ".join(
        "".join(f"{e[:7]:>8}" for e in engines) for _ in METRICS
    )
    lines = [head1, head2]
    first = tables[engines[0]]
    for name in first:
        cells = []
        for metric in METRICS:
            cells.append("".join(f"{tables[e][name][metric]:>8.3f}" for e in engines))
        lines.append(f"{name:11}{int(first[name]['n']):>4}  " + "  ".join(cells))
    return "\n".join(lines)


def load_sets(names: Iterable[str] = SETS) -> list[Query]:
    """The queries of the named sets, in order (each query knows its set)."""
    return [q for name in names for q in load_queries(SETS[name], name)]


def by_set(outcomes: Iterable[Outcome]) -> dict[str, list[Outcome]]:
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault(outcome.query.set, []).append(outcome)
    return groups


def format_failures(outcomes: Iterable[Outcome]) -> str:
    """The tuning sets' queries not answered first (never a held-out set's)."""
    lines = []
    for o in outcomes:
        if o.scores["S@1"] < 1 and o.query.set in TUNING_SETS:
            got = ", ".join(o.ranked[:3]) or "(no result)"
            want = ", ".join(p for p, g in o.query.relevant.items() if g == 2)
            lines.append(f"[{o.query.set} {o.query.kind}] {o.query.text!r}: got {got}; want {want}")
    return "\n".join(lines)


def _scores(outcomes: Iterable[Outcome], metric: str, kind: str = "all") -> list[float]:
    return [o.scores[metric] for o in outcomes if kind in ("all", o.query.kind)]


def format_gaps(outcomes: Sequence[Outcome]) -> str:
    """Each held-out set against the tuning sets pooled and against "tune" alone.

    MRR@10 and S@1 differences (held-out minus tuning) with a 95% bootstrap
    interval; for the validation set per kind too. Empty unless the run had a
    tuning set and a held-out set.
    """
    split = by_set(outcomes)
    pool = [o for name in TUNING_SETS for o in split.get(name, [])]
    held = [name for name in SETS if name in split and name not in TUNING_SETS]
    if not pool or not held:
        return ""
    bases = {"pool": pool, "tune": split.get("tune", [])}
    lines = [
        f"{'':11}{'n':>4}  "
        + "  ".join(f"{m} - {b:<4} [95%]".rjust(26) for m in ("MRR@10", "S@1") for b in bases)
    ]

    def row(label: str, items: Sequence[Outcome], kind: str = "all") -> str:
        cells = []
        for metric in ("MRR@10", "S@1"):
            for base in bases.values():
                mine, theirs = _scores(items, metric, kind), _scores(base, metric, kind)
                if mine and theirs:
                    gap = bootstrap_gap(mine, theirs)
                    cells.append(f"{gap.diff:+.3f} [{gap.low:+.3f}, {gap.high:+.3f}]".rjust(26))
                else:
                    cells.append("-".rjust(26))
        n = len(_scores(items, "S@1", kind))
        return f"{label:11}{n:>4}  " + "  ".join(cells)

    lines += [row(name, split[name]) for name in held]
    if "validation" in split:
        lines.append("validation, per kind:")
        lines += [
            row(f"  {kind}", split["validation"], kind)
            for kind in KINDS
            if _scores(split["validation"], "S@1", kind)
        ]
    return "\n".join(lines)


def benchmark(
    engines: Sequence[str] = ENGINES,
    queries: Sequence[Query] | None = None,
    site: Path | None = None,
    browser: Any = None,
) -> dict[str, list[Outcome]]:
    """Run the queries on each engine; build the site first unless ``site`` is given."""
    queries = list(queries if queries is not None else load_sets())
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        if site is None:
            site = Path(tmp) / "ours"
            result = build_site(site)
            if result.returncode != 0:
                raise RuntimeError(f"mkdocs build failed:\n{result.stdout}{result.stderr}")
        sites = {"ours": site}
        if "material" in engines:
            sites["material"] = material_copy(site, Path(tmp) / "material")
        if browser is not None:
            return {e: run_engine(browser, sites[e], queries) for e in engines}
        with chromium() as own:
            return {e: run_engine(own, sites[e], queries) for e in engines}


def _set_names(chosen: Sequence[str]) -> list[str]:
    """The sets named on the command line, in SETS order ("tuning", "all" expanded)."""
    wanted = set(chosen)
    if "all" in wanted:
        return list(SETS)
    if "tuning" in wanted:
        wanted |= set(TUNING_SETS)
    return [name for name in SETS if name in wanted]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=[*ENGINES, "both"], default="both")
    parser.add_argument(
        "--failures", action="store_true", help="list the tuning sets' queries not answered first"
    )
    parser.add_argument(
        "--set",
        nargs="+",
        choices=[*SETS, "tuning", "all"],
        default=["all"],
        help='one or more sets; "tuning" names the sets that may be tuned on',
    )
    args = parser.parse_args(argv)
    engines = list(ENGINES) if args.engine == "both" else [args.engine]
    queries = load_sets(_set_names(args.set))
    started = time.perf_counter()
    results = benchmark(engines, queries)
    print(
        f"{len(queries)} queries, {time.perf_counter() - started:.0f} s "
        f"(engines: {', '.join(engines)})"
    )
    split = {engine: by_set(outcomes) for engine, outcomes in results.items()}
    for name in SETS:
        if name in split[engines[0]]:
            tables = {engine: summarize(split[engine][name]) for engine in engines}
            print(f"\n[{name}]\n{format_table(tables)}")
    pooled = {e: [o for o in results[e] if o.query.set in TUNING_SETS] for e in engines}
    if all(pooled.values()):
        tables = {engine: summarize(pooled[engine]) for engine in engines}
        print(f"\n[tuning sets pooled]\n{format_table(tables)}")
    gaps = format_gaps(results[engines[0]])
    if gaps:
        print(f"\nGaps to the tuning sets ({engines[0]}):\n{gaps}")
    if args.failures:
        for engine, outcomes in results.items():
            print(f"\nNot first for {engine}:\n{format_failures(outcomes)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
