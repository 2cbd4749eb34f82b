from __future__ import annotations

import json
from pathlib import Path

import pytest

from wardsite.search.normalize import katakana_runs, katakana_to_hiragana, normalize
from wardsite.search.segment import bigrams, text_bigrams

VECTORS = Path(__file__).resolve().parents[2] / "data" / "search" / "test-vectors.json"
CASES = json.loads(VECTORS.read_text(encoding="utf-8"))["normalize"]


@pytest.mark.parametrize("case", CASES, ids=[c["input"] or "(empty)" for c in CASES])
def test_vector(case: dict[str, str]) -> None:
    assert normalize(case["input"]) == case["expected"]


def test_width_kana_and_long_vowels_fold_together() -> None:
    spellings = ["パスワード", "ﾊﾟｽﾜｰﾄﾞ", "ぱすわーど", "ぱすわど", "パスワ－ド"]
    assert {normalize(s) for s in spellings} == {"ぱすわど"}


def test_normalize_is_idempotent() -> None:
    for case in CASES:
        once = normalize(case["input"])
        assert normalize(once) == once


def test_katakana_outside_the_hiragana_range_stays() -> None:
    assert katakana_to_hiragana("ヷヺ・") == "ヷヺ・"


def test_bigrams() -> None:
    assert bigrams("ぱすわど") == ["ぱす", "すわ", "わど"]
    assert bigrams("字") == []
    assert text_bigrams("ﾊﾟｽﾜｰﾄﾞ と OneDrive") == ["ぱす", "すわ", "わど"]


@pytest.mark.parametrize(
    ("text", "stretches"),
    [
        ("送信したメールを", ["める"]),
        ("ﾊﾟｽﾜｰﾄﾞを忘れた", ["ぱすわど"]),
        ("パス-ワード と チーム", ["ぱすわど", "ちむ"]),
        ("すごーい", []),
        ("在宅勤務", []),
    ],
)
def test_katakana_runs_point_into_the_folded_text(text: str, stretches: list[str]) -> None:
    folded = normalize(text)
    assert [folded[start:end] for start, end in katakana_runs(text)] == stretches
