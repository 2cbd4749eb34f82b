"""Write ``data/search/test-vectors.json``: shared cases for Python and the browser.

The file holds the query-side ``analysis`` data built from the sample pages in
``tests/search/fixtures`` (so the cases do not change when editors edit the
real synonym file), the normalisation cases with their hand-written expected
results, and the query cases with the clauses the analysis must give. Both
``tests/search/test_search_vectors.py`` (Python) and ``tests/search/analysis.test.mjs``
(Node, the browser code) check every case.

Run ``python -m support.searchvectors`` after a deliberate change to the
analysis, review the diff of the JSON, and commit it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wardsite.search.index import SearchDoc, build_index
from wardsite.search.normalize import normalize
from wardsite.search.paraphrases import load_paraphrases
from wardsite.search.query import QueryAnalyzer
from wardsite.search.synonyms import load_synonyms

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "search" / "fixtures"
OUTPUT = ROOT / "data" / "search" / "test-vectors.json"

#: (input, expected normalised form), written by hand.
NORMALIZE_CASES: tuple[tuple[str, str], ...] = (
    ("ﾊﾟｽﾜｰﾄﾞ", "ぱすわど"),
    ("パスワード", "ぱすわど"),
    ("ぱすわーど", "ぱすわど"),
    ("ぱすわ-ど", "ぱすわど"),
    ("ＯｎｅＤｒｉｖｅ", "onedrive"),
    ("OneDrive", "onedrive"),
    ("チームズ", "ちむず"),
    ("ちーむず", "ちむず"),
    ("ﾁｰﾑｽﾞ", "ちむず"),
    ("サーバー", "さば"),
    ("サーバ", "さば"),
    ("ヴァージョン", "ばじょん"),
    ("バージョン", "ばじょん"),
    ("ウィンドウ", "ういんどう"),
    ("ウインドウ", "ういんどう"),
    ("Teams　会議", "teams 会議"),
    ("  前後の 空白　 ", "前後の 空白"),
    ("多要素認証（ＭＦＡ）", "多要素認証(mfa)"),
    ("２段階認証", "2段階認証"),
    ("㍻", "平成"),
    ("α′モデル", "α′もでる"),
    ("Wi-Fi", "wi-fi"),
    ("e-mail", "e-mail"),
    ("10〜20", "10〜20"),
    ("ヽ", "ゝ"),
    ("𠮷野家", "𠮷野家"),
    ("ΣΑΣ", "σας"),
    ("", ""),
)

#: Query inputs; their expected clauses are what the analysis gives now (reviewed).
QUERY_CASES: tuple[str, ...] = (
    "ﾊﾟｽﾜｰﾄﾞ",
    "パスワード",
    "在宅勤務",
    "OneDrive",
    "ちーむず",
    "パスワ",
    "パスワ ",
    "onedr",
    "パスワードを忘れたときはどうすればいいですか",
    "パスワードを忘れた",
    "在宅勤無",
    "onedirve",
    "passwrod",
    "ていれわく",
    "ざいたくきんむ",
    "ふくごうき",
    "辞める",
    "password",
    "How do I reset my password?",
    "MFA",
    "二段階認証の設定方法",
    "方法",
    "ログインできない",
    "サインインできません",
    "印刷したい",
    "複合機　職員証",
    "ファイルを添付",
    "ﾃﾚﾜｰｸ 申し込み",
    "申込",
    "自宅で仕事",
    "ロックされた",
    "Teamsのチャット",
    "teams chat",
    "アウトルック",
    "?!",
    "",
    "𠮷野家",
    "家で仕事したい",
    "家で働く 申請",
    "パソコンが固まった",
    "チヤット",
    "チャトッ",
    "サインン",
    "パスワド",
    "MAF",
    "MFS",
    "QRR",
    "ABC",
    "passwords",
    "resetting passwords",
    "printers",
    "sharing",
    "passwording",
    "outlxxk",
    "他要素認証",
    "印刷機",
    "課の人",
    "パスワード忘れちゃった",
    "間違えて消しちゃった",
    "パスワードは忘れない",
    "家で仕事できない",
    "電話じゃなく",
    "送信したメール",
    "研修ビデオ",
    "するマニュアル",
    "にメモ",
    "印冊",
    "いん刷",
    "印さつしたい",
    "スマホで印さつ",
    "しょう認",
    "印じ",
    "印字",
    "真請",
    "申清",
    "わすれた",
    "IDを忘れた",  # 忘れた typed last: a word, and the start of 忘れたときは
    "ぱすわーど わすれた",
    "パソコン 固まtった",
    "AさんとBさん",
    "rokku",
    "rokku sareta",
    "pasokon",
    "pasuwaado wasureta",
    "one drive",
    "ＯＮＥ　ＤＲＩＶＥ 容量",
    "share point",
    "share point share point",
    "teams chat",
    "drive one",
    "パス ワード",
    "パス・ワード",
    "ﾊﾟｽ･ﾜｰﾄﾞ 変更",
    "ｽﾏｰﾄ ﾌｫﾝ 紛失",
    "パスワード 変更",
    "えむえふえー",
    "エムエフエー せってい",
    "えむ",
    "えいえい",
    "onedrive wont sync",
    "CANT print",
    "isnt",
    "チヤッ",
    "ヂャット",
    "ザインイン",
    "デザインイン",
    "ヘルプデクス",
    "パスワ",
    "スマートフ",
    "パスワードサイ",
    "パスワードさい",
    "ookii",
    "manage",
    "same",
    "note",
    "忘却",
    "置場",
    "置き場",
)


def sample_docs(lang: str) -> list[SearchDoc]:
    raw = json.loads((FIXTURES / "sample-docs.json").read_text(encoding="utf-8"))
    return [
        SearchDoc(d["location"], d["title"], d["text"], tuple(d.get("headings", ())))
        for d in raw[lang]
    ]


def sample_bundle(lang: str = "ja") -> dict[str, Any]:
    synonyms = load_synonyms(FIXTURES / "synonyms.yml")
    paraphrases = load_paraphrases(FIXTURES / "paraphrases.yml")
    return build_index(sample_docs(lang), lang, synonyms, paraphrases=paraphrases)


def make_vectors() -> dict[str, Any]:
    analysis = sample_bundle("ja")["analysis"]
    analyzer = QueryAnalyzer(analysis)
    for text, expected in NORMALIZE_CASES:
        if normalize(text) != expected:
            raise AssertionError(f"normalize({text!r}) = {normalize(text)!r}, not {expected!r}")
    return {
        "about": "Shared cases: python -m support.searchvectors writes this file.",
        "normalize": [{"input": text, "expected": expected} for text, expected in NORMALIZE_CASES],
        "query": [{"input": text, "expected": analyzer.analyze(text)} for text in QUERY_CASES],
        "analysis": analysis,
    }


def main() -> None:
    OUTPUT.write_text(
        json.dumps(make_vectors(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
