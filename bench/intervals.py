"""How far apart two query sets' scores are, with a 95% bootstrap interval.

A gap between a held-out set and the tuning sets says whether the tuning
generalises; with 14 queries of a kind one query moves MRR@10 by 0.07, so the
gap is printed with the range it could take under resampling. Percentile
bootstrap: each set's queries are drawn again with replacement, independently,
and the difference of the means is taken each time. Written here on the
standard library (a dozen lines) because numpy and scipy are not otherwise
needed by the project.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import NamedTuple

RESAMPLES = 2000


class Gap(NamedTuple):
    """mean(held) - mean(base), and the 2.5% and 97.5% points of its resamples."""

    diff: float
    low: float
    high: float


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def bootstrap_gap(
    held: Sequence[float], base: Sequence[float], resamples: int = RESAMPLES, seed: int = 0
) -> Gap:
    """The gap between two sets' per-query scores (same seed, same interval)."""
    if not held or not base:
        raise ValueError("both sets need at least one query")
    draw = random.Random(seed)
    diffs = sorted(
        _mean(draw.choices(held, k=len(held))) - _mean(draw.choices(base, k=len(base)))
        for _ in range(resamples)
    )
    return Gap(
        _mean(held) - _mean(base),
        diffs[int(0.025 * (resamples - 1))],
        diffs[int(0.975 * (resamples - 1))],
    )
