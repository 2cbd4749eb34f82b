"""The editable synonym file: the real one loads; mistakes get Japanese messages with lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from lunr.index import Index

from wardsite.errors import SiteInputError
from wardsite.search.index import SearchDoc, build_index, unreached_message
from wardsite.search.paraphrases import parse_paraphrases
from wardsite.search.query import QueryAnalyzer, search
from wardsite.search.synonyms import load_synonyms, parse_synonyms

REAL = Path(__file__).resolve().parents[2] / "data" / "search" / "synonyms.yml"


def test_real_file_loads_with_the_groups_the_issue_names() -> None:
    groups = load_synonyms(REAL)
    words = {word for group in groups for word in group.words}
    assert {"テレワーク", "在宅勤務", "リモートワーク", "サインイン", "ログイン"} <= words
    assert {"Teams", "チームズ", "多要素認証", "MFA", "二段階認証", "OneDrive"} <= words
    assert all(len(group.words) >= 2 for group in groups)


def test_commas_and_lists_both_work() -> None:
    groups = parse_synonyms(
        "groups:\n  - テレワーク、在宅勤務，リモートワーク\n  - [Teams, チームズ]\n"
    )
    assert groups[0].words == ("テレワーク", "在宅勤務", "リモートワーク")
    assert groups[1].words == ("Teams", "チームズ")
    assert (groups[0].line, groups[1].line) == (2, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("groups:\n  - a, b\n - c, d\n", "行目"),
        ("words:\n  - a, b\n", "「groups」"),
        ("groups:\n  - テレワーク\n", "1つしかありません"),
        ("groups:\n  - テレワーク, , 在宅勤務\n", "空のことば"),
        ("groups:\n  - チームズ, ﾁｰﾑｽﾞ\n", "2回あります"),
        ("groups:\n  - a, b\n  - c, d\n  - B, e\n", "2 行目のグループの「b」と同じ"),
        ("groups:\n  - a, b\n  - {x: y}\n", "形が正しくありません"),
        ("groups:\n  - a, ・・\n", "文字や数字で始まり"),
    ],
)
def test_mistakes_are_reported_in_japanese(text: str, expected: str) -> None:
    with pytest.raises(SiteInputError) as caught:
        parse_synonyms(text, "synonyms.yml")
    message = str(caught.value)
    assert message.startswith("synonyms.yml: ")
    assert expected in message


def test_error_names_the_line_of_the_group() -> None:
    with pytest.raises(SiteInputError) as caught:
        parse_synonyms("# メモ\ngroups:\n  - a, b\n  - ひとつだけ\n", "synonyms.yml")
    assert caught.value.field == "groups の 2 番目のグループ（4 行目）"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SiteInputError, match="見つかりません"):
        load_synonyms(tmp_path / "synonyms.yml")


def test_a_phrase_matches_pages_that_set_latin_and_japanese_apart_with_a_space() -> None:
    """QRコード in the synonym file, "QR コード" on the page. Failed before: no result."""
    docs = [
        SearchDoc("mfa/", "多要素認証の設定", "画面に出る QR コード をスマートフォンで読みます。"),
        SearchDoc("other/", "会議室の予約", "会議室は予定表から予約します。"),
    ]
    bundle = build_index(
        docs, "ja", synonyms=parse_synonyms("groups:\n  - QRコード, 二次元コード\n")
    )
    for query in ("QRコード", "二次元コード"):
        results = search(Index.load(bundle["index"]), QueryAnalyzer(bundle["analysis"]), query)
        assert [bundle["docs"][int(ref)]["location"] for ref, _ in results][:1] == ["mfa/"], query


def test_the_build_names_the_dictionary_lines_that_lead_to_no_page() -> None:
    """Editors learn which synonym groups and paraphrase lines find nothing on the site."""
    docs = [SearchDoc("telework/", "テレワークを始める", "自宅で仕事をします。")]
    synonyms = parse_synonyms("groups:\n  - 年休, 有給休暇\n  - テレワーク, 在宅勤務\n")
    paraphrases = parse_paraphrases(
        "paraphrases:\n  - 家で仕事 → テレワーク\n  - 休みを取る → 有給休暇\n"
        "  - 出張 → 出張旅費の精算\n"
    )
    bundle = build_index(docs, "ja", synonyms=synonyms, paraphrases=paraphrases)
    assert [(u.file, u.line) for u in bundle["unreached"]] == [
        ("synonyms.yml", 2),
        ("paraphrases.yml", 3),
        ("paraphrases.yml", 4),
    ]
    english = build_index(
        [SearchDoc("en/", "Annual leave", "有給休暇 (paid leave)")],
        "en",
        synonyms=synonyms,
        paraphrases=paraphrases,
    )["unreached"]
    message = unreached_message({"ja": bundle["unreached"], "en": english})
    # only what no language reaches: the English page has 有給休暇
    assert message is not None
    assert "paraphrases.yml 4 行目：出張旅費の精算" in message
    assert "synonyms.yml" not in message and "3 行目" not in message
    assert unreached_message({"ja": []}) is None
