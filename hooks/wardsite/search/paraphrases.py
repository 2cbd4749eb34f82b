"""The editable paraphrase dictionary (``data/search/paraphrases.yml``).

Staff describe a situation in everyday words (家で仕事したい, 画面が固まった,
容量がいっぱい) that the guides name with the site's vocabulary (テレワーク,
再起動, OneDrive). A synonym group (synonyms.yml) says that words mean the
same both ways; a paraphrase goes ONE way: each everyday expression on the
left also searches the site words on the right, never the reverse (a page
about テレワーク is no answer to 家).

Each entry is one line, ``- expression, expression → site word, site word``.
The loader checks the file and reports mistakes in Japanese with the file
name, the line and what to do, like the synonym file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from wardsite.errors import SiteInputError
from wardsite.search.editable import check_word, read_dictionary, top_level_list
from wardsite.search.normalize import normalize

#: Commas an editor may type between words: ASCII, full width and the Japanese 読点.
_COMMAS = re.compile(r"[,，、]")
#: The arrow between the expressions and the site words.
_ARROW = re.compile(r"→|->|=>|＝＞|－＞")


@dataclass(frozen=True)
class Paraphrase:
    """Everyday expressions and the site words they stand for, and where."""

    expressions: tuple[str, ...]
    means: tuple[str, ...]
    line: int


def _field(index: int, line: int) -> str:
    return f"paraphrases の {index + 1} 番目（{line} 行目）"


def _words(text: str, name: str, field: str, side: str) -> list[str]:
    words = [w.strip() for w in _COMMAS.split(text)]
    if any(not word for word in words):
        raise SiteInputError(
            name,
            field,
            f"の{side}に空のことばがあります（カンマが続いているか、端にカンマがあります）。",
            "余分なカンマを消してください。",
        )
    for word in words:
        check_word(word, name, field)
    return words


def parse_paraphrases(text: str, name: str = "paraphrases.yml") -> list[Paraphrase]:
    """Parse and validate the paraphrase file's text; raise SiteInputError on bad input."""
    entries = top_level_list(
        text,
        name,
        "paraphrases",
        "「paraphrases:」の行の下に"
        "「  - ふだんの言い方, … → サイトのことば」の形で書いてください。",
    )
    out: list[Paraphrase] = []
    seen: dict[str, int] = {}
    for index, node in enumerate(entries.value):
        line = node.start_mark.line + 1
        field = _field(index, line)
        parts = _ARROW.split(str(node.value)) if isinstance(node, yaml.ScalarNode) else []
        if len(parts) != 2:
            raise SiteInputError(
                name,
                field,
                "の形が正しくありません（矢印「→」が1つだけ要ります）。",
                "「- 家で仕事, 家で働く → テレワーク」のように、左にふだんの言い方、"
                "右にサイトのことばを、カンマで区切って書いてください。",
            )
        expressions = _words(parts[0], name, field, "左（ふだんの言い方）")
        means = _words(parts[1], name, field, "右（サイトのことば）")
        for expression in expressions:
            folded = normalize(expression)
            if folded in seen:
                raise SiteInputError(
                    name,
                    field,
                    f"の「{expression}」は、{seen[folded]} 行目にもあります"
                    "（カタカナ・ひらがな・全角・半角の違いは同じとみなします）。",
                    "1つの言い方は1か所にだけ書けます。右のことばを1つの行にまとめてください。",
                )
            seen[folded] = line
            if folded in {normalize(word) for word in means}:
                raise SiteInputError(
                    name,
                    field,
                    f"の「{expression}」が、矢印の左と右の両方にあります。",
                    "同じ意味で両方向に使うことばは synonyms.yml に書いてください。",
                )
        out.append(Paraphrase(tuple(expressions), tuple(means), line))
    return out


def load_paraphrases(path: Path) -> list[Paraphrase]:
    """Read and validate a paraphrase file; raise SiteInputError naming the file."""
    return parse_paraphrases(read_dictionary(path, "言い換え"), path.name)
