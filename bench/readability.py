"""Readability of the Japanese pages: jReadability score and sentence lengths.

    .venv/bin/python -m bench.readability               # build the site, then measure
    .venv/bin/python -m bench.readability --site site/  # measure a site already built
    .venv/bin/python -m bench.readability --guides      # list only the guides

Builds the site with ``mkdocs build --strict`` into a temporary folder (or
reads ``--site``) and measures the text a reader sees in the article of every
Japanese page (not ``/en/``, not the 404 page): headings, paragraphs, list
items, table cells and admonitions; code, permalinks, the "last updated"
line and scripts are left out.

- jReadability (Lee & Hasebe, "Readability measurement of Japanese texts
  based on levelled corpora"; the ``jreadability`` package with fugashi and
  the UniDic Lite dictionary, all offline): about 0.5 (upper advanced) to 6.5
  (lower elementary); higher is easier. jReadability splits sentences only at
  。？！, so each block (a list item, a heading, a table cell) that does not
  end with one is given a 。, or a whole list would count as one sentence.
- Sentence length: characters per sentence (spaces not counted), sentences
  split at 。？！ and at block boundaries.

Prints one line per page (hardest first), then the medians over the pages:
all of them, the guides (written in docs/), the FAQ answers (from the
helpdesk) and the training recordings (generated from sessions/).
It is a measurement, not a test: nothing fails on a low score.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Elements whose text is a block of its own (a sentence ends at their end).
BLOCKS = {
    "p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "figcaption", "caption", "summary", "blockquote", "div", "section", "details",
    "tr", "ul", "ol", "table",
}  # fmt: skip
#: Elements whose text is not prose.
SKIP = {"script", "style", "pre", "code", "kbd", "svg", "button", "select", "video", "audio"}
#: Classes whose text is not the page's prose (permalinks, "last updated").
SKIP_CLASSES = {"headerlink", "md-source-file", "md-content__button", "ws-transcript"}
SENTENCE_END = "。？！?!"
_SENTENCE = re.compile(rf"[^{SENTENCE_END}]+[{SENTENCE_END}]*")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


class _ArticleText(HTMLParser):
    """The text blocks of the page's <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._depth = 0  # inside <article>
        self._skip: list[str] = []  # open tags whose text is skipped

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._current)).strip()
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._depth += 1
            return
        if not self._depth:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if self._skip or tag in SKIP or classes & SKIP_CLASSES:
            if tag not in {"br", "img", "input", "hr", "wbr", "source", "track"}:
                self._skip.append(tag)
            return
        if tag in BLOCKS or tag == "br":
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._depth:
            self._flush()
            self._depth -= 1
            return
        if self._skip:
            if self._skip[-1] == tag:
                self._skip.pop()
            return
        if self._depth and tag in BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._depth and not self._skip:
            self._current.append(data)


def article_blocks(html: str) -> list[str]:
    """The prose blocks of a built page's article, in order."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    return parser.blocks


def sentences(blocks: Iterable[str]) -> list[str]:
    """Sentences of the blocks: split at 。？！ and between blocks."""
    found = []
    for block in blocks:
        for match in _SENTENCE.finditer(block):
            sentence = match.group(0).strip()
            if _JAPANESE.search(sentence):
                found.append(sentence)
    return found


def sentence_length(sentence: str) -> int:
    """Characters of a sentence, spaces not counted."""
    return len(re.sub(r"\s", "", sentence))


def scoring_text(blocks: Iterable[str]) -> str:
    """The blocks as jReadability should read them: each ends a sentence."""
    return "".join(b if b[-1] in SENTENCE_END else b + "。" for b in blocks if b)


KINDS = {"guide": "ガイド", "faq": "FAQ", "session": "研修の録画"}


@dataclass
class PageScore:
    path: str
    kind: str
    score: float
    sentences: int
    median_length: float
    longest: int


def page_kind(parts: tuple[str, ...]) -> str:
    """guide, faq or session, from the page's folder in the built site."""
    if parts[0] == "faq":
        return "faq"
    if parts[:2] == ("learning", "sessions"):
        return "session"
    return "guide"


def japanese_pages(site: Path) -> list[Path]:
    """Every Japanese page of a built site (the English ones are under en/)."""
    return [
        path
        for path in sorted(site.rglob("index.html"))
        if path.relative_to(site).parts[0] not in {"en", "assets", "search"}
    ]


def measure(site: Path) -> list[PageScore]:
    from fugashi import Tagger
    from jreadability import compute_readability

    tagger = Tagger()  # one dictionary load for every page
    scores = []
    for path in japanese_pages(site):
        blocks = article_blocks(path.read_text(encoding="utf-8"))
        found = sentences(blocks)
        if not found:
            continue
        lengths = [sentence_length(s) for s in found]
        scores.append(
            PageScore(
                path="/" + path.parent.relative_to(site).as_posix().strip(".") + "/",
                kind=page_kind(path.relative_to(site).parts),
                score=compute_readability(scoring_text(blocks), tagger),
                sentences=len(found),
                median_length=statistics.median(lengths),
                longest=max(lengths),
            )
        )
    return scores


def _medians(label: str, scores: list[PageScore]) -> str:
    if not scores:
        return f"{label}: なし"
    values = [s.score for s in scores]
    lengths = [s.median_length for s in scores]
    return (
        f"{label}（{len(scores)} ページ）: jReadability 中央値 {statistics.median(values):.2f}"
        f"（{min(values):.2f}〜{max(values):.2f}）、"
        f"文の長さの中央値 {statistics.median(lengths):.1f} 文字"
    )


def report(scores: list[PageScore], listed: list[PageScore]) -> str:
    """Per-page lines for ``listed`` (hardest first), then the medians over ``scores``."""
    lines = ["jReadability  文の数  文の長さ中央値  最長  ページ"]
    for s in sorted(listed, key=lambda s: s.score):
        lines.append(
            f"{s.score:12.2f} {s.sentences:7d} {s.median_length:15.1f} {s.longest:5d}  {s.path}"
        )
    lines += ["", "jReadability は高いほど読みやすい（0.5 上級後半〜6.5 初級前半）。"]
    lines.append(_medians("すべて", scores))
    for kind, label in KINDS.items():
        lines.append(_medians(label, [s for s in scores if s.kind == kind]))
    return "\n".join(lines)


def build(dest: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"サイトのビルドに失敗しました:\n{result.stdout}{result.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="日本語ページの読みやすさ（jReadability）と文の長さ"
    )
    parser.add_argument(
        "--site", type=Path, help="ビルド済みのサイトのフォルダー（省略時はビルドする）"
    )
    parser.add_argument("--guides", action="store_true", help="ページごとの行はガイドだけ表示する")
    args = parser.parse_args(argv)
    if args.site:
        if not args.site.is_dir():
            sys.exit(
                f"--site {args.site}: フォルダーがありません。ビルドしたサイトを指定してください。"
            )
        scores = measure(args.site)
    else:
        with tempfile.TemporaryDirectory(prefix="wardsite-readability-") as tmp:
            build(Path(tmp))
            scores = measure(Path(tmp))
    if not scores:
        sys.exit("日本語のページが見つかりませんでした。")
    listed = [s for s in scores if s.kind == "guide"] if args.guides else scores
    print(report(scores, listed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
