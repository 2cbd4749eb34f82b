"""English words: a page is found by any form of its words (transferred, transfer).

SudachiPy reads the English words its dictionary knows as katakana
(meeting → ミーティング) and leaves their other forms as written (meetings), so
without stemming "transfer" did not find "When you are transferred".
"""

from __future__ import annotations

from typing import Any

import pytest

from support.searchrank import ranked
from wardsite.search.english import IRREGULAR, english_stem, irregular_forms, is_english_word
from wardsite.search.index import SearchDoc, build_index
from wardsite.search.query import QueryAnalyzer
from wardsite.search.synonyms import SynonymGroup
from wardsite_ops import english_irregular as generator

EN_DOCS = [
    SearchDoc("en/transfer/", "When you are transferred", "Your ID moves with you on 1 April."),
    SearchDoc("en/internet/", "View websites", "Only a picture reaches you (screen transfer)."),
    SearchDoc("en/retire/", "When you retire", "You can no longer sign in after your last day."),
    SearchDoc("en/files/", "Your files", "Before your retirement, move your files."),
    SearchDoc("en/lock/", "If your account is locked", "The lock ends, or reset your password."),
    SearchDoc("en/meet/", "Meetings in Teams", "Start meetings here. A meeting has a link."),
]
JA_DOCS = [
    SearchDoc("meet/", "会議", "ミーティングの始め方です。"),
    SearchDoc("print/", "印刷", "プリンターで印刷します。"),
]


@pytest.fixture(scope="module")
def en_bundle() -> dict[str, Any]:
    synonyms = [SynonymGroup(("ロック", "ロックアウト", "lockout"), 1)]
    return build_index(EN_DOCS, "en", synonyms)


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ("transfer", "en/transfer/"),  # the title says "transferred"
        ("transferred", "en/transfer/"),
        ("retirement", "en/retire/"),  # the title says "retire"
        ("meeting", "en/meet/"),  # pages say "meetings"
    ],
)
def test_any_form_of_an_english_word_finds_the_page(
    en_bundle: dict[str, Any], query: str, location: str
) -> None:
    assert ranked(en_bundle, query)[:1] == [location]


def test_a_synonym_group_in_katakana_reaches_the_english_words(
    en_bundle: dict[str, Any],
) -> None:
    """ロック is SudachiPy's reading of "lock": typed, or as a synonym, it finds "locked"."""
    assert ranked(en_bundle, "ロック")[:1] == ["en/lock/"]
    assert ranked(en_bundle, "lockout")[:1] == ["en/lock/"]


def test_an_english_word_on_the_japanese_site_finds_the_katakana_word() -> None:
    """Staff type English words on the Japanese site: meetings → ミーティング.

    SudachiPy knows "meeting" (ミーティング), not "meetings": the stem joins them.
    """
    bundle = build_index([*JA_DOCS, *EN_DOCS[-1:]], "ja")
    assert "meet/" in ranked(bundle, "meeting")
    assert "meet/" in ranked(bundle, "meetings")


def test_only_latin_words_are_stemmed() -> None:
    assert [english_stem(w) for w in ("transferred", "files", "retirement")] == [
        "transfer",
        "file",
        "retir",
    ]
    assert is_english_word("teams")
    assert not any(is_english_word(w) for w in ("fido2", "m365", "pc", "会議", "ミーティング"))


def test_english_function_words_give_no_clause() -> None:
    """ "at", "from", "while" matched any page that says them (failed before)."""
    docs = [
        SearchDoc("en/lost/", "A lost phone", "Call at once, from wherever you are."),
        SearchDoc("en/park/", "At the park", "While you work from home or at the park."),
    ]
    bundle = build_index(docs, "en", [])
    terms = {c["term"] for c in QueryAnalyzer(bundle["analysis"]).analyze("lost phone at the park")}
    assert "park" in terms and "at" not in terms
    for word in ("from", "while", "this", "your", "has"):
        assert word not in {
            c["term"] for c in QueryAnalyzer(bundle["analysis"]).analyze(word + " phone")
        }


def test_an_irregular_verb_form_is_a_word_of_its_base_form() -> None:
    """lost is no Snowball form of lose: it was only a one-letter slip of it (failed before)."""
    docs = [
        SearchDoc("en/lose/", "If you lose a PC or smartphone", "Phone the helpdesk at once."),
        SearchDoc("en/send/", "Send a file", "Send a link instead of an attachment."),
        SearchDoc("en/desk/", "The front desk", "Lost property and mail sent to you."),
    ]
    bundle = build_index(docs, "en", [])
    analyzer = QueryAnalyzer(bundle["analysis"])
    for query, base in (("lost", "lose"), ("sent", "send"), ("lose", "lost")):
        assert {"term": base, "kind": "word", "boost": 1.0} in analyzer.analyze(query), query
    assert ranked(bundle, "lost smartphone")[:1] == ["en/lose/"]


def test_the_irregular_table_is_what_the_tool_writes_from_wordnet() -> None:
    """data/search/english-irregular.tsv = python -m wardsite_ops.english_irregular."""
    assert (generator.WORDNET / "verb.exc").is_file(), "scripts/test が wordnet-base を入れます"
    assert IRREGULAR.read_text(encoding="utf-8") == generator.render(generator.irregular_pairs())
    forms = irregular_forms()
    assert forms["lost"] == "lose" and forms["sent"] == "send" and "transferred" not in forms
