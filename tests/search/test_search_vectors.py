"""The shared vectors in Python, and the same vectors through analysis.js in Node."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from support.searchvectors import OUTPUT, make_vectors, sample_bundle
from wardsite.search.index import SearchDoc, build_index
from wardsite.search.query import QueryAnalyzer, another_form, conversion_slip, one_edit_apart

ROOT = Path(__file__).resolve().parents[2]
VECTORS: dict[str, Any] = json.loads(OUTPUT.read_text(encoding="utf-8"))
ANALYZER = QueryAnalyzer(VECTORS["analysis"])


@pytest.mark.parametrize("case", VECTORS["query"], ids=[c["input"] for c in VECTORS["query"]])
def test_query_vector(case: dict[str, Any]) -> None:
    assert ANALYZER.analyze(case["input"]) == case["expected"]


def test_vector_file_is_up_to_date() -> None:
    """Fails when the analysis changed without `python -m support.searchvectors`."""
    assert make_vectors() == VECTORS


def terms(text: str) -> dict[str, str]:
    return {c["term"]: c["kind"] for c in ANALYZER.analyze(text)}


def test_expected_behaviour_of_the_vectors() -> None:
    """Hand-written checks, so the generated expectations cannot drift unnoticed."""
    assert terms("ﾊﾟｽﾜｰﾄﾞ")["ぱすわど"] == "word"
    assert terms("在宅勤務")["てれわく"] == "synonym"
    assert terms("ちーむず")["team"] == "synonym"  # English words by their stem
    # a half-typed word brings its completion's synonyms too (lockou → lockout → ロック)
    assert terms("パスワ") == {"ぱすわど": "prefix", "password": "prefix", "pw": "prefix"}
    assert terms("onedr") == {"onedr": "prefix", "わんどらいぶ": "prefix"}
    assert terms("在宅勤無")["在宅勤務"] == "typo"
    assert terms("onedirve")["onedr"] == "typo"
    assert terms("passwrod")["ぱすわど"] == "typo"  # a Latin slip brings the synonyms too
    assert terms("ふくごうき") == {"複合機": "word"}  # kana reading of a kanji word
    assert "始める" not in terms("辞める")  # the only kanji replaced is no slip
    question = terms("パスワードを忘れたときはどうすればいいですか")
    assert question["ぱすわど"] == "word" and question["忘れる"] == "word"
    assert not {"時", "良い", "為る", "どう", "です"} & set(question)
    assert set(terms("How do I reset my password?")) >= {"reset", "password", "ぱすわど"}
    assert "how" not in terms("How do I reset my password?")
    assert terms("方法") == {"方法": "ngram"}
    assert terms("") == {} and terms("?!") == {}


def test_half_typed_word_completes_to_words_not_to_the_phrases_built_on_them() -> None:
    """パスワ is パスワード, not パスワードを忘れた → 再設定 (a paraphrase in the fixtures).

    Failed before: the phrase's own words and paraphrase (忘れる, 再設定) came in.
    """
    assert "再設定" not in terms("パスワ") and "忘れる" not in terms("パスワ")
    # typed far enough that only the phrase begins with it: the phrase is the completion
    assert terms("パスワードを忘")["再設定"] == "prefix"
    assert terms("OneDriveがい")["容量"] == "prefix"


def test_finished_word_gets_no_completion() -> None:
    assert "prefix" not in terms("パスワ ").values()
    assert "prefix" not in terms("パスワード").values()


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("onedrive", "onedrve", True),
        ("onedrive", "onedirve", True),
        ("onedrive", "onedriv", True),
        ("onedrive", "onedrivee", True),
        ("onedrive", "onedrive", False),
        ("onedrive", "oendirve", False),
        ("teams", "steam", False),
    ],
)
def test_one_edit_apart(a: str, b: str, expected: bool) -> None:
    assert one_edit_apart(a, b) is expected
    assert one_edit_apart(b, a) is expected


@pytest.mark.parametrize(
    ("typed", "known", "expected"),
    [
        ("retiring", "retire", True),
        ("resetting", "reset", True),
        ("printers", "printing", True),
        ("meetings", "meeting", True),
        ("applied", "apply", True),
        ("sharing", "sharepoint", False),  # "epoint" is no English ending
        ("outlxxk", "outlook", False),  # a slip, not an ending
        ("signing", "signature", False),
        ("teams", "teach", False),
        ("reset", "reset", False),
    ],
)
def test_another_form(typed: str, known: str, expected: bool) -> None:
    """A form of an English word that no page uses reaches the forms pages use."""
    assert another_form(typed, known) is expected


def test_a_form_no_page_uses_reaches_the_stem_of_the_forms_pages_use() -> None:
    """Failed before: "resetting" (not in the sample pages) reached nothing."""
    english = QueryAnalyzer(sample_bundle("en")["analysis"])
    assert {"term": "reset", "kind": "typo", "boost": 0.5} in english.analyze("resetting")


def test_a_wrong_kanji_conversion_reads_as_the_word_not_as_three_words() -> None:
    """他要素認証 (the IME's homophone 他 for 多) is 多要素認証, not 他 + 要素 + 認証.

    Failed before: three known words always won over one slip. Two words stay
    two words: 印刷機 is 印刷 + 機, not a slip of a 3-kanji word.
    """
    assert terms("他要素認証")["多要素認証"] == "typo"
    assert "他" not in terms("他要素認証")
    assert terms("印刷機")["印刷"] == "word"
    assert conversion_slip("他要素認証", "多要素認証")
    assert not conversion_slip("家の仕事", "家で仕事")  # a particle is no conversion
    assert not conversion_slip("課の人", "外の人")  # words and particles, not one compound


def test_a_kanji_does_not_slip_to_a_kana() -> None:
    """電話じゃなく is 電話 + じゃなく, not a slip of 電話機 (failed before)."""
    docs = [SearchDoc("phone/", "電話機の使い方", "内線の電話をかけます。")]
    analyzer = QueryAnalyzer(build_index(docs, "ja")["analysis"])
    found = {c["term"]: c["kind"] for c in analyzer.analyze("電話じゃなく")}
    assert "電話機" not in found and found["電話"] == "word"
    assert {c["term"]: c["kind"] for c in analyzer.analyze("電話器")}["電話機"] == "typo"


def test_an_expression_in_another_inflection_brings_its_paraphrases() -> None:
    """パスワード忘れちゃった has the words of パスワードを忘れた (→ 再設定) side by side.

    Failed before: only the exact expression brought its paraphrases, and
    ちゃっ was read as a slip of チャット.
    """
    assert terms("パスワード忘れちゃった")["再設定"] == "paraphrase"
    # the expression is one word of the query, as when typed as written (coverage)
    assert terms("パスワード忘れちゃった")["ぱすわどを忘れた"] == "word"
    assert "ちゃっと" not in terms("パスワード忘れちゃった")
    assert "再設定" not in terms("忘れたパスワード")  # another order is another meaning
    assert "てれわく" not in terms("家 電話 仕事")  # words apart are no expression
    assert "再設定" not in terms("パスワードは忘れない")  # negated: another situation


def test_vectors_in_node(node: str) -> None:
    result = subprocess.run(
        [node, "--test", str(ROOT / "tests" / "search" / "analysis.test.mjs")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
