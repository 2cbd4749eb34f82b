"""Shared reading and checking of the editors' search dictionaries (synonyms, paraphrases).

Both files are YAML that editors write by hand; both report mistakes in
Japanese with the file name, the place and what to do (SiteInputError).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from wardsite.errors import SiteInputError
from wardsite.search.normalize import normalize
from wardsite.search.segment import is_word


def compose(text: str, name: str) -> yaml.Node | None:
    """The YAML node tree of a dictionary file; a syntax error names its line."""
    try:
        return yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{mark.line + 1} 行目" if mark is not None else "(ファイル全体)"
        raise SiteInputError(
            name,
            where,
            "の書き方が YAML として正しくありません。",
            "字下げ（スペース）・「- 」・コロン「:」の位置を、ほかの行と同じにしてください。",
        ) from None


def top_level_list(text: str, name: str, key: str, hint: str) -> yaml.SequenceNode:
    """The list under the file's top-level ``key``; anything else is refused with ``hint``."""
    root = compose(text, name)
    if isinstance(root, yaml.MappingNode):
        for node_key, value in root.value:
            if node_key.value == key and isinstance(value, yaml.SequenceNode):
                return value
    raise SiteInputError(
        name, key, "が見つからないか、一覧（「- 」で始まる行）になっていません。", hint
    )


def check_word(word: str, name: str, field: str) -> str:
    """The folded form of a dictionary word; symbols only, or at an end, are refused."""
    folded = normalize(word)
    if not is_word(folded):
        raise SiteInputError(
            name,
            field,
            f"の「{word}」は、文字や数字で始まり、文字や数字で終わることばではありません。",
            "記号だけのことばや、記号で始まる・終わることばは書けません。",
        )
    return folded


def read_dictionary(path: Path, what: str) -> str:
    """The text of a dictionary file; a missing file is named with its sample."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SiteInputError(
            path.name,
            "(ファイル全体)",
            "が見つかりません。",
            f"{path} に{what}の辞書を置いてください（見本は data/search/{path.name}）。",
        ) from None
