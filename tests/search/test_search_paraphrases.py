"""The editable paraphrase file: it loads, mistakes get Japanese messages, it expands one way."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.searchrank import ranked
from wardsite.errors import SiteInputError
from wardsite.search.index import SearchDoc, build_index
from wardsite.search.paraphrases import load_paraphrases, parse_paraphrases
from wardsite.search.query import QueryAnalyzer
from wardsite.search.synonyms import parse_synonyms

REAL = Path(__file__).resolve().parents[2] / "data" / "search" / "paraphrases.yml"

DOCS = [
    SearchDoc("telework/", "テレワークを始める", "申請して承認を得てから、自宅で働きます。"),
    SearchDoc("devices/", "パソコンと周辺機器", "動きがおかしいときは、週に1回は再起動します。"),
    SearchDoc("home/", "家族の連絡先", "家の電話番号を届け出ます。"),
]
PARAPHRASES = "paraphrases:\n  - 家で仕事, 家で働く → テレワーク\n  - 固まった → 再起動\n"


def test_real_file_loads_with_the_situations_the_issue_names() -> None:
    entries = load_paraphrases(REAL)
    expressions = {e for entry in entries for e in entry.expressions}
    # wanting to work somewhere, being unable, breaking, being full, being away, mistakes
    situations = {"家で仕事", "つながらない", "壊れた", "いっぱい", "留守", "間違えて消した"}
    assert situations <= expressions
    assert all(entry.means for entry in entries)


def test_arrows_and_commas() -> None:
    entries = parse_paraphrases("paraphrases:\n  - 家で仕事、家から -> テレワーク, 在宅勤務\n")
    assert entries[0].expressions == ("家で仕事", "家から")
    assert entries[0].means == ("テレワーク", "在宅勤務")
    assert entries[0].line == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("paraphrases:\n  - a → b\n - c → d\n", "行目"),
        ("groups:\n  - a → b\n", "「paraphrases」"),
        ("paraphrases:\n  - 家で仕事, テレワーク\n", "矢印「→」が1つだけ"),
        ("paraphrases:\n  - 家で仕事 → → テレワーク\n", "矢印「→」が1つだけ"),
        ("paraphrases:\n  - 家で仕事, , 家から → テレワーク\n", "左（ふだんの言い方）に空"),
        ("paraphrases:\n  - 家で仕事 → テレワーク,\n", "右（サイトのことば）に空"),
        ("paraphrases:\n  - いえから → テレワーク\n  - イエから → 在宅\n", "2 行目にもあります"),
        ("paraphrases:\n  - テレワーク → てれわーく\n", "左と右の両方"),
        ("paraphrases:\n  - ・・ → テレワーク\n", "文字や数字で始まり"),
    ],
)
def test_mistakes_are_reported_in_japanese(text: str, expected: str) -> None:
    with pytest.raises(SiteInputError) as caught:
        parse_paraphrases(text, "paraphrases.yml")
    assert str(caught.value).startswith("paraphrases.yml: ")
    assert expected in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SiteInputError, match="見つかりません"):
        load_paraphrases(tmp_path / "paraphrases.yml")


def test_an_everyday_expression_finds_the_page_named_with_the_site_word() -> None:
    without = build_index(DOCS, "ja")
    bundle = build_index(DOCS, "ja", paraphrases=parse_paraphrases(PARAPHRASES))
    # failed before paraphrases existed: 家 alone ranks the page about family first
    assert ranked(without, "家で仕事したい")[0] == "home/"
    assert ranked(bundle, "家で仕事したい")[0] == "telework/"
    assert ranked(bundle, "画面が固まった")[0] == "devices/"


def test_paraphrases_go_one_way_and_keep_the_expression_words() -> None:
    bundle = build_index(DOCS, "ja", paraphrases=parse_paraphrases(PARAPHRASES))
    analyzer = QueryAnalyzer(bundle["analysis"])
    kinds = {c["term"]: c["kind"] for c in analyzer.analyze("家で仕事")}
    assert kinds["てれわく"] == "paraphrase"
    assert kinds["家"] == "word"  # the page that says 家 is still found
    assert "home/" in ranked(bundle, "家で仕事")
    assert all(c["kind"] != "paraphrase" for c in analyzer.analyze("テレワーク"))


LEAVE_DOCS = [
    SearchDoc("leave/", "長く休むとき", "育児休業や休職の前に、アカウントの扱いを確かめます。"),
    SearchDoc("rules/", "テレワークのルール", "仕事をしてよい場所と時間を決めています。"),
    SearchDoc("other/", "会議室の予約", "会議室は予定表から予約します。"),
]


def test_a_paraphrase_of_one_synonym_applies_to_the_whole_group() -> None:
    """産休 → 育児休業 also for 産前産後休業 (same group). Failed before: no result."""
    bundle = build_index(
        LEAVE_DOCS,
        "ja",
        synonyms=parse_synonyms("groups:\n  - 産休, 産前産後休業\n"),
        paraphrases=parse_paraphrases("paraphrases:\n  - 産休 → 育児休業\n"),
    )
    assert ranked(bundle, "産前産後休業")[:1] == ["leave/"]
    assert ranked(bundle, "産休")[:1] == ["leave/"]


def test_a_site_phrase_no_page_has_as_written_falls_back_to_its_words() -> None:
    """The page says 仕事をしてよい場所と時間; the phrase 仕事をしてよい場所と期間 is on none.

    Failed before: the expression led to a phrase term that no document has.
    """
    dead = "paraphrases:\n  - どこで働いていい → 仕事をしてよい場所と期間\n"
    live = "paraphrases:\n  - どこで働いていい → 仕事をしてよい場所\n"
    for text in (dead, live):
        bundle = build_index(LEAVE_DOCS, "ja", paraphrases=parse_paraphrases(text))
        assert ranked(bundle, "どこで働いていい")[:1] == ["rules/"], text
    analyzer = QueryAnalyzer(
        build_index(LEAVE_DOCS, "ja", paraphrases=parse_paraphrases(live))["analysis"]
    )
    # a phrase that a page has stays one phrase (no loose 場所 on its own)
    assert "場所" not in {c["term"] for c in analyzer.analyze("どこで働いていい")}
