"""Reading by sound: wrong kanji conversions (印冊 → 印刷) and words typed in kana,
wholly (いんさつ) or in part (いん刷).

The slips below found nothing or only character bigrams before: a stretch of
two kanji was too short for the one-kanji slip of longer words. The shared
vectors prove analysis.js agrees, and the shard test that the browser has the
readings it needs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wardsite.search.index import SearchDoc, build_index
from wardsite.search.query import QueryAnalyzer
from wardsite.search.readings import TABLE, homophone_data, kanji_readings, sounds_in_word
from wardsite_ops import kanji_readings as generator

UNIHAN = Path("/usr/share/unicode")


def typo_terms(bundle: dict[str, Any], query: str) -> set[str]:
    clauses = QueryAnalyzer(bundle["analysis"]).analyze(query)
    return {c["term"] for c in clauses if c["kind"] == "typo"}


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("印冊", "印刷"),  # the second kanji: 冊 and 刷 are both さつ
        ("真請", "申請"),  # the first kanji: 真 and 申 are both しん
        ("印冊したい", "印刷"),
    ],
)
def test_a_homophone_kanji_reaches_the_word(
    ja_bundle: dict[str, Any], query: str, term: str
) -> None:
    assert term in typo_terms(ja_bundle, query)


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("いん刷", "印刷"),  # the first kanji typed as its sound
        ("印さつ", "印刷"),  # the second
        ("しょう認", "承認"),
        ("印さつしたい", "印刷"),
        ("スマホで印さつ", "印刷"),  # typed last without a space: no half-typed さつ…
    ],
)
def test_a_word_typed_with_one_kanji_in_kana_is_the_word(
    ja_bundle: dict[str, Any], query: str, term: str
) -> None:
    """The IME converted only part of the word (さく除 for 削除): it found nothing."""
    assert term in typo_terms(ja_bundle, query)


@pytest.mark.parametrize("query", ["印じ", "申こう", "を印刷", "印刷さつ", "印さ"])
def test_kana_that_is_not_the_kanjis_sound_in_the_word_is_no_mixed_spelling(
    ja_bundle: dict[str, Any], query: str
) -> None:
    # じ is not 刷's sound in 印刷; 申こう is no word; one kana (さ) is mostly a particle
    assert typo_terms(ja_bundle, query) == set()


@pytest.mark.parametrize("query", ["印字", "申込", "印刷"])
def test_other_sounds_and_real_words_are_no_slip(ja_bundle: dict[str, Any], query: str) -> None:
    # 字 (じ) sounds unlike 刷 (さつ); 申込 and 印刷 are words of the pages
    assert typo_terms(ja_bundle, query) == set()


def test_a_words_sounds_come_from_its_reading_and_the_kanjis_onyomi() -> None:
    table = {
        "印": ("いん",),
        "刷": ("さつ",),
        "学": ("がく",),
        "校": ("こう",),
        "同": ("どう", "とう"),
    }
    assert sounds_in_word("印刷", "いんさつ", table) == ({"いん"}, {"さつ"})
    assert sounds_in_word("学校", "がっこう", table) == ({"がっ"}, {"こう"})  # the rest is 学's
    # 同 may read とう, but not in 同報: 通 (つう, とう) typed for 同 is no slip
    assert sounds_in_word("同報", "どうほう", table) == ({"どう"}, {"ほう"})


def test_only_the_sounds_some_word_has_are_shipped() -> None:
    table = {"印": ("いん",), "刷": ("さつ",), "冊": ("さつ", "さく"), "字": ("じ",)}
    pairs, readings = homophone_data({"印刷": {"いんさつ"}}, table)
    assert pairs == [["印刷", ["いん"], ["さつ"]]]
    assert readings == [["冊", ["さつ"]], ["刷", ["さつ"]], ["印", ["いん"]]]


def test_a_kanji_with_another_sound_in_the_word_is_no_slip() -> None:
    docs = [
        SearchDoc("bcc/", "同報メール", "一斉に同報します。"),
        SearchDoc("print/", "印刷", "印刷"),
    ]
    analyzer = QueryAnalyzer(build_index(docs, "ja")["analysis"])
    found = {c["term"]: c["kind"] for c in analyzer.analyze("同方")}
    assert found.get("同報") == "typo"  # 方 (ほう) for 報 (ほう)
    for query in ("通報", "印字"):  # 通 reads とう, never どう; 字 is no さつ
        assert not {c["term"] for c in analyzer.analyze(query)} & {"同報", "印刷"}


def test_the_table_is_what_the_tool_writes_from_unihan() -> None:
    """data/search/kanji-readings.tsv = python -m wardsite_ops.kanji_readings (unicode-data)."""
    assert (UNIHAN / "Unihan_Readings.txt.bz2").is_file(), "scripts/test が unicode-data を入れます"
    readings = generator.kanji_readings(UNIHAN)
    expected = generator.render(readings, generator.unicode_version(UNIHAN))
    assert TABLE.read_text(encoding="utf-8") == expected
    table = kanji_readings()
    assert len(table) > 2000 and table["刷"] == ("さつ",) and "にん" in table["人"]


@pytest.mark.parametrize("query", ["わすれた", "ぱすわーど わすれた"])
def test_a_verb_typed_in_kana_reaches_the_verb(ja_bundle: dict[str, Any], query: str) -> None:
    """Not only nouns: わすれた is 忘れる (it gave the bigram わす before)."""
    words = {
        c["term"]
        for c in QueryAnalyzer(ja_bundle["analysis"]).analyze(query)
        if c["kind"] == "word"
    }
    assert "忘れる" in words


def test_a_kanji_for_a_verb_is_no_word_inside_a_compound(ja_bundle: dict[str, Any]) -> None:
    """忘却 is a compound, not 忘 (忘れる) + 却; 忘れた still is 忘れる (failed before)."""
    analyzer = QueryAnalyzer(ja_bundle["analysis"])
    assert "忘れる" not in {c["term"] for c in analyzer.analyze("忘却")}
    assert "忘れる" in {c["term"] for c in analyzer.analyze("忘れた")}


@pytest.mark.parametrize(("query", "word"), [("めっちゃ重い", "重い"), ("家から仕事", "仕事")])
def test_intensifiers_and_particles_give_no_clause(
    ja_bundle: dict[str, Any], query: str, word: str
) -> None:
    """めっちゃ gave the bigrams めっ・っち・ちゃ, から the colour カラー (failed before)."""
    terms = [c["term"] for c in QueryAnalyzer(ja_bundle["analysis"]).analyze(query)]
    assert word in terms or any(word in t for t in terms)
    assert not {"めっ", "っち", "ちゃ", "から"} & set(terms)


@pytest.mark.parametrize("ending", ["わからん", "わかんない", "分からん", "わかんなくて"])
def test_spoken_forms_of_not_knowing_give_no_clause(ja_bundle: dict[str, Any], ending: str) -> None:
    """わからん gave the bigram から and the half-typed らん (failed before)."""
    analyzer = QueryAnalyzer(ja_bundle["analysis"])
    assert analyzer.analyze("印刷していいのか" + ending) == analyzer.analyze("印刷していいのか")


def test_a_negative_purpose_ending_is_no_kana_reading() -> None:
    """消さないように read ないよう as 内容, a word of the pages (failed before)."""
    docs = [
        SearchDoc("restore/", "消したファイルを戻す", "消したファイルの内容を確かめます。"),
        SearchDoc("mail/", "メールの内容", "内容を書きます。"),
    ]
    analyzer = QueryAnalyzer(build_index(docs, "ja", [])["analysis"])
    assert "内容" in {c["term"] for c in analyzer.analyze("内容")}
    assert "内容" not in {c["term"] for c in analyzer.analyze("消さないように")}
    assert "内容" not in {c["term"] for c in analyzer.analyze("消さないようにしたい")}


@pytest.mark.parametrize(
    "query",
    [
        "パスワードは定期的に変えないといけませんか",
        "研修を受けなければいけないの",
        "消さないといけない",
    ],
)
def test_obligation_grammar_is_no_word(query: str) -> None:
    """〜ないといけない read いけ as 行く, a word of the pages (failed before)."""
    docs = [
        SearchDoc("map/", "会場への行き方", "会場へ行く道です。"),
        SearchDoc("account/", "パスワード", "定期的に変える必要はありません。"),
        SearchDoc("rules/", "きまり", "持ち出す前に、必ず確かめなければいけません。"),
    ]
    analyzer = QueryAnalyzer(build_index(docs, "ja", [])["analysis"])
    assert "行く" in {c["term"] for c in analyzer.analyze("会場に行く")}
    assert "行く" not in {c["term"] for c in analyzer.analyze(query)}
