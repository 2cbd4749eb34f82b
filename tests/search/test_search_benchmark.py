"""Quality floor of the site search on the development benchmark (bench/).

Runs every query of bench/search_queries.yml through the real search box of
the built site in Chromium (our engine only; the comparison with Material's
default search is `python bench/search_quality.py`).
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from support.benchscript import load_bench

MRR_FLOOR = 0.80
NO_RESULT_CEILING = 0.05


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_bench("search_quality")


def test_queries_file_is_well_formed(bench: ModuleType, site: Path) -> None:
    queries = bench.load_queries()
    assert len(queries) >= 150
    assert {q.kind for q in queries} == set(bench.KINDS)
    for query in queries:
        assert 2 in query.relevant.values(), query.text
        for location in query.relevant:
            assert (site / location / "index.html").is_file(), (query.text, location)


def test_search_quality_floor(bench: ModuleType, site: Path, browser) -> None:
    outcomes = bench.benchmark(["ours"], site=site, browser=browser)["ours"]
    table = bench.summarize(outcomes)
    report = bench.format_table({"ours": table}) + "\n" + bench.format_failures(outcomes)
    print(report)
    assert table["all"]["MRR@10"] >= MRR_FLOOR, report
    assert table["all"]["none"] <= NO_RESULT_CEILING, report


def test_the_material_copy_uses_materials_own_worker(
    bench: ModuleType, site: Path, tmp_path: Path
) -> None:
    copy = bench.material_copy(site, tmp_path / "material")
    for page in ("index.html", "en/account/index.html"):
        html = (copy / page).read_text("utf-8")
        assert "assets/javascripts/workers/search." in html, page
        assert "assets/javascripts/search/worker.js" not in html.split("__config", 1)[1], page
