"""The benchmark's gaps between held-out and tuning sets, with bootstrap intervals."""

from __future__ import annotations

import pytest

from bench.intervals import bootstrap_gap
from bench.search_quality import Outcome, Query, format_gaps, score


def test_the_interval_holds_the_gap_and_narrows_with_more_queries() -> None:
    small = bootstrap_gap([1.0, 0.0] * 5, [1.0] * 9 + [0.0])
    large = bootstrap_gap([1.0, 0.0] * 500, [1.0] * 900 + [0.0] * 100)
    assert small.diff == pytest.approx(-0.4) == large.diff
    assert small.low < small.diff < small.high
    assert large.low < large.diff < large.high
    assert large.high - large.low < (small.high - small.low) / 5


def test_equal_sets_have_an_interval_around_zero() -> None:
    gap = bootstrap_gap([1.0, 0.5, 0.0] * 20, [0.0, 1.0, 0.5] * 20)
    assert gap.diff == pytest.approx(0.0, abs=1e-12)
    assert gap.low < 0 < gap.high


def test_the_same_seed_gives_the_same_interval() -> None:
    scores = [1.0, 0.5, 0.0, 1.0]
    assert bootstrap_gap(scores, scores[::-1]) == bootstrap_gap(scores, scores[::-1])


def test_an_empty_set_is_an_error() -> None:
    with pytest.raises(ValueError):
        bootstrap_gap([], [1.0])


def _outcome(set_name: str, kind: str, first: bool) -> Outcome:
    query = Query("q", kind, {"a/": 2}, "ja", set_name)
    ranked = ["a/"] if first else ["b/", "a/"]
    return Outcome(query, ranked, scores={**score(query, ranked), "MRR+faq": 0, "S@1+faq": 0})


def test_gaps_list_each_held_out_set_against_the_pool_and_tune() -> None:
    outcomes = [
        *[_outcome("tune", "keyword", True) for _ in range(10)],
        *[_outcome("dev", "typo", i % 2 == 0) for i in range(10)],
        *[_outcome("validation", "typo", i % 2 == 0) for i in range(10)],
    ]
    lines = format_gaps(outcomes).splitlines()
    validation = next(line for line in lines if line.startswith("validation "))
    # pool MRR 0.875 and S@1 0.75; tune 1.0; validation 0.75 and 0.5
    assert validation.split()[1:3] == ["10", "-0.125"]
    assert "-0.250" in validation
    assert any(line.strip().startswith("typo") for line in lines)
    assert not any(line.startswith("dev") for line in lines)


def test_no_gaps_without_a_tuning_set() -> None:
    assert format_gaps([_outcome("validation", "typo", True)]) == ""
