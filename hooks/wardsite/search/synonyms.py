"""The editable synonym dictionary (``data/search/synonyms.yml``).

Each group lists words that mean the same thing to the staff who search
(テレワーク, 在宅勤務, リモートワーク). A query for any of them also finds pages
that use another. Editors write one group per line, words separated by
commas; the loader checks the file and reports mistakes in Japanese with the
file name, the line and what to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from wardsite.errors import SiteInputError
from wardsite.search.editable import check_word, read_dictionary, top_level_list

#: Commas an editor may type between words: ASCII, full width and the Japanese 読点.
_COMMAS = re.compile(r"[,，、]")


@dataclass(frozen=True)
class SynonymGroup:
    """Words that mean the same, as written in the file, and where."""

    words: tuple[str, ...]
    line: int


def _field(index: int, line: int) -> str:
    return f"groups の {index + 1} 番目のグループ（{line} 行目）"


def parse_synonyms(text: str, name: str = "synonyms.yml") -> list[SynonymGroup]:
    """Parse and validate the synonym file's text; raise SiteInputError on bad input."""
    groups_node = top_level_list(
        text,
        name,
        "groups",
        "「groups:」の行の下に「  - ことば1, ことば2」の形でグループを書いてください。",
    )
    groups: list[SynonymGroup] = []
    seen: dict[str, tuple[str, int]] = {}
    for index, node in enumerate(groups_node.value):
        line = node.start_mark.line + 1
        words = _group_words(node, name, _field(index, line))
        folded_here: set[str] = set()
        for word in words:
            folded = check_word(word, name, _field(index, line))
            if folded in folded_here:
                raise SiteInputError(
                    name,
                    _field(index, line),
                    f"に「{word}」が2回あります（カタカナ・ひらがな・全角・半角の違いは同じとみなします）。",
                    "どちらか1つを消してください。",
                )
            if folded in seen:
                other_word, other_line = seen[folded]
                raise SiteInputError(
                    name,
                    _field(index, line),
                    f"の「{word}」は、{other_line} 行目のグループの"
                    f"「{other_word}」と同じことばです。",
                    "1つのことばは1つのグループにだけ書けます。2つのグループを1つにまとめてください。",
                )
            folded_here.add(folded)
            seen[folded] = (word, line)
        groups.append(SynonymGroup(tuple(words), line))
    return groups


def _group_words(node: yaml.Node, name: str, field: str) -> list[str]:
    if isinstance(node, yaml.ScalarNode):
        words = [w.strip() for w in _COMMAS.split(str(node.value))]
    elif isinstance(node, yaml.SequenceNode) and all(
        isinstance(item, yaml.ScalarNode) for item in node.value
    ):
        words = [str(item.value).strip() for item in node.value]
    else:
        raise SiteInputError(
            name,
            field,
            "の形が正しくありません。",
            "「- テレワーク, 在宅勤務, リモートワーク」のように、"
            "1行にことばをカンマで区切って書いてください。",
        )
    if any(not word for word in words):
        raise SiteInputError(
            name,
            field,
            "に空のことばがあります（カンマが続いているか、行の最後にカンマがあります）。",
            "余分なカンマを消してください。",
        )
    if len(words) < 2:
        raise SiteInputError(
            name,
            field,
            "にことばが1つしかありません。",
            "同じ意味のことばを2つ以上、カンマで区切って書いてください。",
        )
    return words


def load_synonyms(path: Path) -> list[SynonymGroup]:
    """Read and validate a synonym file; raise SiteInputError naming the file."""
    return parse_synonyms(read_dictionary(path, "同義語"), path.name)
