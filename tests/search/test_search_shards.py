"""The sharded index: the browser engine on the shards answers exactly like lunr.js."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from test_search_index import EN_FIRST, JA_FIRST

from support.searchvectors import QUERY_CASES
from wardsite.faq.render import FAQ_SEARCH_BOOST
from wardsite.search.index import SearchDoc, build_index, write_index
from wardsite.search.paraphrases import parse_paraphrases
from wardsite.search.query import QueryAnalyzer
from wardsite.search.shards import (
    SHARD_FORMAT,
    doc_runs,
    posting_rows,
    shard_count,
    shard_files,
    shard_of,
    write_shards,
)
from wardsite.search.synonyms import SynonymGroup

HERE = Path(__file__).resolve().parent
#: Tiny shards, so that the sample pages are cut into many files.
TINY = {"lexicon": 400, "postings": 300}

#: Slips in the first character (the lexicon shard of the first character cannot
#: find these: the shard of the second one must), swaps, half-typed words,
#: questions, stop words only, lunr syntax, nothing known.
EDGE_QUERIES = [
    "pnedrive",
    "nedrive",
    "xonedrive",
    "noedrive",
    "材宅勤務",
    "すぱわーど",
    "ぱすわーど",
    "パスワ",
    "多要素",
    "Shar",
    "パスワード 変更 手順",
    "Teams 会議",
    "設定",
    "の",
    "どうすればいいですか",
    "title:パスワード~2",
    "zzzz",
    "",
]


def run_engine(node: str, bundle: dict[str, Any], tmp_path: Path, queries: list[str]) -> dict:
    folder = tmp_path / bundle["lang"]
    write_shards(bundle, folder, TINY)
    write_index(bundle, tmp_path / "full.json")
    (tmp_path / "queries.json").write_text(json.dumps(queries, ensure_ascii=False), "utf-8")
    args = [HERE / "engine_query.cjs", tmp_path / "full.json", folder, tmp_path / "queries.json"]
    result = subprocess.run(
        [node, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_engine_on_shards_answers_like_lunr_js_on_the_full_index(
    lang: str, node: str, ja_bundle: dict[str, Any], en_bundle: dict[str, Any], tmp_path: Path
) -> None:
    bundle = ja_bundle if lang == "ja" else en_bundle
    queries = sorted({*JA_FIRST, *EN_FIRST, *QUERY_CASES, *EDGE_QUERIES})
    answers = run_engine(node, bundle, tmp_path, queries)
    meta = json.loads((tmp_path / lang / "meta.json").read_text("utf-8"))
    assert meta["lexiconShards"] >= 8 and meta["postingShards"] >= 8
    assert sum(1 for a in answers.values() if a["lunr"]) >= 20
    total = meta["lexiconShards"] + meta["postingShards"]
    for query, answer in answers.items():
        # the clauses from the fetched lexicon shards are the full lexicon's ...
        assert answer["shardClauses"] == answer["clauses"], query
        # ... and the scores on the fetched postings are lunr.js's, to the last bit
        assert answer["engine"] == answer["lunr"], query
        assert len(answer["fetched"]) < total, query
    first = {q: a["engine"][0][0] if a["engine"] else None for q, a in answers.items()}
    expected = JA_FIRST if lang == "ja" else EN_FIRST
    for query, location in expected.items():
        assert bundle["docs"][int(first[query])]["location"] == location, query


def test_coverage_is_the_share_of_query_words_a_document_matches(node: str, tmp_path: Path) -> None:
    """A list that repeats one query word matches half of a two-word query."""
    docs = [
        SearchDoc(
            "faq/", "よくある質問", "パスワードを忘れた。パスワードの期限。パスワードの長さ。"
        ),
        SearchDoc("change/", "変更の手順", "パスワードを変更する手順です。"),
        SearchDoc("pin/", "暗証番号", "暗証番号を変更する。"),
    ]
    synonyms = [SynonymGroup(("パスワード", "暗証番号"), 1)]
    bundle = build_index(docs, "ja", synonyms)
    queries = ["パスワード 変更", "パスワード"]
    answers = run_engine(node, bundle, tmp_path, queries)
    share = {
        bundle["docs"][int(ref)]["location"]: value
        for ref, value in answers["パスワード 変更"]["coverage"].items()
    }
    # a synonym (暗証番号) covers the word it stands for
    assert share == {"faq/": 0.5, "change/": 1.0, "pin/": 1.0}
    assert set(answers["パスワード"]["coverage"].values()) == {1.0}


def test_an_english_word_with_several_terms_is_one_word_of_the_query(
    node: str, tmp_path: Path
) -> None:
    """connecting is connect and two katakana terms: one word of "vpn connecting".

    Counted as three words, the Wi-Fi page matched three of four (failed before).
    """
    docs = [
        SearchDoc("en/wifi/", "Connecting to Wi-Fi", "If the connection fails, try connecting."),
        SearchDoc("en/vpn/", "VPN at home", "The VPN lets you work at home."),
    ]
    bundle = build_index(docs, "en", [])
    answers = run_engine(node, bundle, tmp_path, ["vpn connecting"])
    words = [c for c in answers["vpn connecting"]["clauses"] if c["kind"] == "word"]
    assert len(words) >= 3  # vpn, connect and at least one katakana term
    share = {
        bundle["docs"][int(ref)]["location"]: value
        for ref, value in answers["vpn connecting"]["coverage"].items()
    }
    assert share == {"en/wifi/": 0.5, "en/vpn/": 0.5}


def test_a_topic_page_outranks_a_list_that_names_the_topic_in_one_section(
    node: str, tmp_path: Path
) -> None:
    """A page's own document and its best section add up (engine.js rankPages).

    The list page's section titled with the query word scores highest of all
    documents; the page that is about the topic (title, lead and a section)
    comes first.
    """
    section = 0.7  # SECTION_BOOST of the build (wardsite_mkdocs.search_bundles)
    docs = [
        SearchDoc("overview/", "Teams の使い方", "会議、チャット、録画の概要です。"),
        SearchDoc("overview/#rec", "録画", "会議を録画できます。", boost=section),
        SearchDoc("overview/#chat", "チャット", "チャットで連絡します。", boost=section),
        SearchDoc("recording/", "会議の録画と保存先", "録画を始める手順と、録画の保存先です。"),
        SearchDoc("recording/#start", "録画を始める", "録画ボタンを押します。", boost=section),
        SearchDoc("recording/#share", "共有する", "リンクで共有します。", boost=section),
    ]
    bundle = build_index(docs, "ja")
    answer = run_engine(node, bundle, tmp_path, ["録画"])["録画"]
    pages = json.loads((tmp_path / "ja" / "pages.json").read_text("utf-8"))
    best_doc = bundle["docs"][int(answer["engine"][0][0])]["location"]
    assert best_doc == "overview/#rec"
    assert [pages[n][0] for n in answer["pages"]] == ["recording/", "overview/"]


RANK_PAGES = """
const fs = require("fs");
const search = process.argv[1] + "/overrides/assets/javascripts/search/";
const index = require(search + "engine.js").createIndex(
  JSON.parse(fs.readFileSync(process.argv[2], "utf8")), require(search + "analysis.js"));
const results = JSON.parse(process.argv[3]);
process.stdout.write(JSON.stringify(index.rankPages(results).map((p) => p.page)));
"""


@pytest.mark.parametrize(
    ("scores", "first"),
    [
        # one section of a list outscores the topic page's own document, but the
        # topic page's own document and its section together say more
        ({"list/#a": 3.4, "topic/": 3.2, "topic/#s": 0.8, "list/": 0.3}, "topic/"),
        # a strong part alone (a phrase said in a recording) still carries its page
        ({"talk/#t=00:05": 1.2, "topic/": 0.65, "list/": 0.6}, "talk/"),
    ],
)
def test_rank_pages_adds_a_pages_own_document_and_its_best_section(
    node: str, tmp_path: Path, scores: dict[str, float], first: str
) -> None:
    docs = [
        SearchDoc("list/", "一覧", "a"),
        SearchDoc("list/#a", "A", "a"),
        SearchDoc("topic/", "話題", "b"),
        SearchDoc("topic/#s", "S", "b"),
        SearchDoc("talk/", "録画", "c"),
        SearchDoc("talk/#t=00:05", "録画 0:05", "c"),
    ]
    bundle = build_index(docs, "ja")
    write_shards(bundle, tmp_path / "ja", TINY)
    refs = {doc["location"]: ref for ref, doc in enumerate(bundle["docs"])}
    results = [{"ref": refs[loc], "score": score} for loc, score in scores.items()]
    root = HERE.parents[1]
    meta = tmp_path / "ja" / "meta.json"
    args = [node, "-e", RANK_PAGES, str(root), str(meta), json.dumps(results)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    pages = json.loads((tmp_path / "ja" / "pages.json").read_text("utf-8"))
    assert pages[json.loads(done.stdout)[0]][0] == first


def test_a_guide_outranks_an_faq_answer_whose_title_repeats_the_question(
    node: str, tmp_path: Path
) -> None:
    """FAQ answers weigh FAQ_SEARCH_BOOST: the guide they point to comes first.

    The answer's title is the whole question (every query word in the boosted
    title field); the guide's title names the task and its text the situation.
    """
    docs = [
        SearchDoc(
            "faq/1/",
            "パスワードを忘れました。どうすればよいですか？",
            "パスワードの再設定のガイドを見てください。",
            boost=FAQ_SEARCH_BOOST,
        ),
        SearchDoc(
            "account/reset/",
            "パスワードを再設定する",
            "パスワードを忘れたときは、本人確認のあとで新しいパスワードを決めます。",
        ),
        SearchDoc("account/", "アカウント", "サインインの名前とパスワードのきまりです。"),
    ]
    bundle = build_index(docs, "ja")
    answer = run_engine(node, bundle, tmp_path, ["パスワード 忘れた"])["パスワード 忘れた"]
    pages = json.loads((tmp_path / "ja" / "pages.json").read_text("utf-8"))
    assert [pages[n][0] for n in answer["pages"]][:2] == ["account/reset/", "faq/1/"]


def test_shard_of_is_fnv1a_over_code_points() -> None:
    # FNV-1a 32-bit of "a" is 0xE40C292C; code points, not UTF-16 units, for 𠮷
    assert shard_of("a", 2**31) == 0xE40C292C % 2**31
    assert shard_of("", 7) == 0x811C9DC5 % 7
    assert shard_of("𠮷", 1 << 20) != shard_of("\ud842\udfb7", 1 << 20)
    assert all(0 <= shard_of(text, 16) < 16 for text in ("パスワード", "onedrive", "𠮷野家"))


def test_shard_count_is_a_power_of_two_near_the_target() -> None:
    assert shard_count(0, 1000) == 1
    assert shard_count(1000, 1000) == 1
    assert shard_count(1001, 1000) == 2
    assert shard_count(10_000_000, 1000) == 4096


def test_doc_runs_group_a_page_with_its_sections() -> None:
    docs = [
        {"location": "a/", "title": "A"},
        {"location": "a/#one", "title": "One"},
        {"location": "b/#x", "title": "X"},
        {"location": "b/", "title": "B"},
        {"location": "c/#t=00:10", "title": "C 0:10"},
        {"location": "a/#two", "title": "Two"},
    ]
    grouped = doc_runs(docs)
    assert grouped.runs == [[2, 0], [2, 1], [1, 2], [1, 0]]
    assert grouped.pages == [["a/", "A"], ["b/", "B"], ["c/", "C 0:10"]]


def test_postings_hold_lunrs_stored_weights(ja_bundle: dict[str, Any]) -> None:
    index = ja_bundle["index"]
    rows = posting_rows(index)
    assert len(rows) == len(index["invertedIndex"])
    fields = index["fields"]
    vectors = dict(index["fieldVectors"])
    for term, number, *lists in rows[:: max(1, len(rows) // 200)]:
        for f, name in enumerate(fields):
            ref = 0
            for gap, weight in zip(lists[2 * f], lists[2 * f + 1], strict=True):
                ref += gap
                elements = vectors[f"{name}/{ref}"]
                stored = dict(zip(elements[::2], elements[1::2], strict=True))
                assert weight / 1000 == stored[number], (term, name, ref)


def test_every_lexicon_key_is_in_the_shards_of_its_first_two_characters(
    ja_bundle: dict[str, Any],
) -> None:
    files = shard_files(ja_bundle, TINY)
    meta = json.loads(files["meta.json"])
    count = meta["lexiconShards"]
    shards = [json.loads(files[f"lexicon/{n}.json"]) for n in range(count)]
    keys = [{entry[1] for entry in shard["entries"]} for shard in shards]
    for key, _terms in ja_bundle["analysis"]["lexicon"]:
        for char in list(key)[:2]:
            assert key in keys[shard_of(char, count)], key


def test_meta_is_small_and_the_docs_follow_its_runs(ja_bundle: dict[str, Any]) -> None:
    files = shard_files(ja_bundle)
    meta = json.loads(files["meta.json"])
    assert meta["version"] == SHARD_FORMAT
    assert meta["docCount"] == len(ja_bundle["docs"]) == sum(run[0] for run in meta["runs"])
    assert "lexicon" not in meta["analysis"] and "synonyms" not in meta["analysis"]
    assert meta["analysis"]["stopwords"] == ja_bundle["analysis"]["stopwords"]
    assert len(files["meta.json"]) < len(files["pages.json"]) + 4000
    docs = [doc for n in range(len(meta["runs"])) for doc in json.loads(files[f"docs/{n}.json"])]
    assert docs == [[d["location"], d["title"], d["text"]] for d in ja_bundle["docs"]]
    pages = json.loads(files["pages.json"])
    for (_, page), n in zip(meta["runs"], range(len(meta["runs"])), strict=True):
        first_location = json.loads(files[f"docs/{n}.json"])[0][0]
        assert pages[page][0] == first_location.split("#")[0]


def test_rewriting_replaces_old_files_and_changes_the_id(tmp_path: Path) -> None:
    folder = tmp_path / "ja"
    one = [SearchDoc(f"p{n}/", f"ページ{n}", "印刷の手順です。" * (n + 1)) for n in range(30)]
    write_shards(build_index(one, "ja"), folder, TINY)
    first_id = json.loads((folder / "meta.json").read_text("utf-8"))["id"]
    assert (folder / "docs" / "29.json").is_file()
    write_shards(build_index(one[:3], "ja"), folder, TINY)
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    assert meta["id"] != first_id
    assert not (folder / "docs" / "29.json").exists()
    assert len(list((folder / "docs").glob("*.json"))) == 3


def test_the_worker_version_changes_with_its_source(tmp_path: Path) -> None:
    from wardsite_mkdocs.search_bundles import WORKER_PARTS, worker_version

    for name in WORKER_PARTS:
        (tmp_path / name).write_text(f"/* {name} */", encoding="utf-8")
    before = worker_version(tmp_path)
    assert len(before) == 12 and before == worker_version(tmp_path)
    (tmp_path / "engine.js").write_text("/* changed */", encoding="utf-8")
    assert worker_version(tmp_path) != before


def test_lexicon_shards_stay_near_their_size_with_long_synonym_lists(
    ja_bundle: dict[str, Any],
) -> None:
    """Synonym and paraphrase lists count towards a lexicon shard's size.

    Each shard carries the lists of its keys' terms; counting only the keys
    made shards of several times the aimed-at size once the paraphrase
    dictionary grew, and every first search fetched them.
    """
    bundle = json.loads(json.dumps(ja_bundle))
    analysis = bundle["analysis"]
    terms = sorted({term for _key, terms in analysis["lexicon"] for term in terms})
    analysis["synonyms"] = [
        [term, [[f"{term}の言い換え{n}", "paraphrase"] for n in range(12)]] for term in terms
    ]
    target = 4000
    files = shard_files(bundle, {"lexicon": target, "postings": TINY["postings"]})
    count = json.loads(files["meta.json"])["lexiconShards"]
    sizes = [len(files[f"lexicon/{n}.json"]) for n in range(count)]
    assert sum(sizes) / count <= target, (count, sum(sizes))
    # Every term's list is still in the shard of each of its keys.
    for key, key_terms in analysis["lexicon"]:
        shard = json.loads(files[f"lexicon/{shard_of(key[0], count)}.json"])
        assert set(key_terms) <= {term for term, _others in shard["synonyms"]}, key


def test_the_browser_reads_a_verb_typed_last_as_python_does(node: str, tmp_path: Path) -> None:
    """query.py _is_inflected and analysis.js isInflected agree, katakana included."""
    docs = [
        SearchDoc("web/", "ホームページを開く", "開けないときは、画面転送を使います。"),
        SearchDoc("mail/", "添付ファイル", "添付ファイルが開けないときの手順です。"),
    ]
    lines = "paraphrases:\n  - 開けない添付 → 添付ファイル\n  - 添付ファイルが開けない → 添付\n"
    bundle = build_index(docs, "ja", paraphrases=parse_paraphrases(lines))
    queries = ["ホームページが開けない", "添付ファイルが", "開けない", "開けない "]
    answers = run_engine(node, bundle, tmp_path, queries)
    python = QueryAnalyzer(bundle["analysis"])
    for query in queries:
        assert answers[query]["clauses"] == python.analyze(query), query
        assert answers[query]["shardClauses"] == python.analyze(query), query
    kinds = {c["term"]: c["kind"] for c in python.analyze("ホームページが開けない")}
    assert kinds["開ける"] == "word"
