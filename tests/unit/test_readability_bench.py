"""bench/readability.py: what text it reads from a built page, and its scores."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from bench import readability

PAGE = """<html lang="ja"><body><nav>メニューの文字は数えない。</nav>
<article class="md-content__inner md-typeset">
<h1 id="a">パスワードを変える<a class="headerlink" href="#a">¶</a></h1>
<p>この手順で、自分でパスワードを変えられます。終わったら、サインインし直します。</p>
<ul><li>12文字以上にします</li><li>前と同じものは使えません</li></ul>
<pre><code>コードは数えない。</code></pre>
<aside class="md-source-file">最終更新日: 2026年11月27日</aside>
</article><footer>フッターも数えない。</footer></body></html>"""

EASY = "<article><p>" + "ここを おして ください。あおい ボタンが でます。" * 3 + "</p></article>"
HARD = (
    "<article><p>"
    + "庁内情報基盤における多要素認証方式の導入に伴う認証情報管理規程の改正内容を周知徹底する。" * 3
    + "</p></article>"
)


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return readability


def test_reads_only_the_prose_of_the_article(bench: ModuleType) -> None:
    blocks = bench.article_blocks(PAGE)
    assert blocks == [
        "パスワードを変える",
        "この手順で、自分でパスワードを変えられます。終わったら、サインインし直します。",
        "12文字以上にします",
        "前と同じものは使えません",
    ]


def test_sentences_end_at_punctuation_and_at_blocks(bench: ModuleType) -> None:
    found = bench.sentences(bench.article_blocks(PAGE))
    assert found[1:3] == [
        "この手順で、自分でパスワードを変えられます。",
        "終わったら、サインインし直します。",
    ]
    assert len(found) == 5
    assert bench.sentence_length("終わったら、 サインインし直します。") == 17
    # jReadability splits at 。 only: every block ends a sentence.
    assert bench.scoring_text(["見出し", "文です。"]) == "見出し。文です。"


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for rel, html in pages.items():
        path = tmp_path / rel / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return tmp_path


def test_plain_text_scores_easier_than_officialese(bench: ModuleType, tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {"easy": EASY, "hard": HARD, "en/easy": EASY, "faq/1": EASY, "learning/sessions/x": HARD},
    )
    scores = {s.path: s for s in bench.measure(site)}
    assert set(scores) == {"/easy/", "/hard/", "/faq/1/", "/learning/sessions/x/"}  # no /en/
    assert scores["/easy/"].score > scores["/hard/"].score + 1
    assert [scores[p].kind for p in ("/easy/", "/faq/1/", "/learning/sessions/x/")] == [
        "guide",
        "faq",
        "session",
    ]
    text = bench.report(list(scores.values()), list(scores.values()))
    assert "ガイド（2 ページ）" in text and "/hard/" in text


def test_a_missing_site_folder_is_a_clear_japanese_error(bench: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="フォルダーがありません"):
        bench.main(["--site", str(tmp_path / "none")])
