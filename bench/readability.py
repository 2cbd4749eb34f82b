"""Readability of the Japanese pages: jReadability score and sentence lengths.

    .venv/bin/python bench/readability.py               # build the site, then measure
    .venv/bin/python bench/readability.py --site site/  # measure a site already built
    .venv/bin/python bench/readability.py --guides      # only the guides (no FAQ, no recordings)

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

Prints one line per page (easiest last), then the medians over the pages.
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


@dataclass
class PageScore:
    path: str
    score: float
    sentences: int
    median_length: float
    longest: int


def japanese_pages(site: Path, guides_only: bool = False) -> list[Path]:
    pages = []
    for path in sorted(site.rglob("index.html")):
        parts = path.relative_to(site).parts
        if parts[0] in {"en", "assets", "search"}:
            continue
        if guides_only and parts[0] in {"faq"} or guides_only and "sessions" in parts:
            continue
        pages.append(path)
    return pages


def measure(site: Path, guides_only: bool = False) -> list[PageScore]:
    from fugashi import Tagger
    from jreadability import compute_readability

    tagger = Tagger()  # one dictionary load for every page
    scores = []
    for path in japanese_pages(site, guides_only):
        blocks = article_blocks(path.read_text(encoding="utf-8"))
        found = sentences(blocks)
        if not found:
            continue
        lengths = [sentence_length(s) for s in found]
        scores.append(
            PageScore(
                path="/" + path.parent.relative_to(site).as_posix().strip(".") + "/",
                score=compute_readability(scoring_text(blocks), tagger),
                sentences=len(found),
                median_length=statistics.median(lengths),
                longest=max(lengths),
            )
        )
    return scores


def report(scores: list[PageScore]) -> str:
    lines = [f"{'jReadability':>12} {'文の数':>5} {'文の長さ中央値':>7} {'最長':>4}  ページ"]
    for s in sorted(scores, key=lambda s: s.score):
        lines.append(
            f"{s.score:12.2f} {s.sentences:8d} {s.median_length:14.1f} {s.longest:6d}  {s.path}"
        )
    all_lengths = [s.median_length for s in scores]
    lines += [
        "",
        f"ページ数 {len(scores)}",
        f"jReadability 中央値 {statistics.median(s.score for s in scores):.2f}"
        f"（最小 {min(s.score for s in scores):.2f}、最大 {max(s.score for s in scores):.2f}。"
        "高いほど読みやすい）",
        f"文の長さ（ページごとの中央値）の中央値 {statistics.median(all_lengths):.1f} 文字",
    ]
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
    parser = argparse.ArgumentParser(description="日本語ページの読みやすさ（jReadability）と文の長さ")
    parser.add_argument("--site", type=Path, help="ビルド済みのサイトのフォルダー（省略時はビルドする）")
    parser.add_argument("--guides", action="store_true", help="ガイドだけ（FAQ と研修の録画を除く）")
    args = parser.parse_args(argv)
    if args.site:
        if not args.site.is_dir():
            sys.exit(f"--site {args.site}: フォルダーが見つかりません。ビルド済みのサイトを指定してください。")
        scores = measure(args.site, args.guides)
    else:
        with tempfile.TemporaryDirectory(prefix="wardsite-readability-") as tmp:
            build(Path(tmp))
            scores = measure(Path(tmp), args.guides)
    if not scores:
        sys.exit("日本語のページが見つかりませんでした。")
    print(report(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
