"""Japanese text for what Python itself would print in English on the command line.

argparse writes its usage errors and help headings in English, which trainers
do not read; these helpers say the same in Japanese (for the OSError twin, see
``wardsite.oserrors``).
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

#: argparse's own help text, as printed by ``--help``.
_HELP_WORDS = (
    ("usage: ", "使い方: "),
    ("positional arguments:", "必ず指定するもの:"),
    ("options:", "オプション:"),
    ("optional arguments:", "オプション:"),
    ("show this help message and exit", "この説明を表示して終わります"),
)

# argparse's error messages (Python 3.11–3.13) → Japanese.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"argument (?P<arg>\S+): invalid choice: '?(?P<value>[^']*)'? "
            r"\(choose from (?P<choices>.*)\)"
        ),
        "{arg} の「{value}」は使えません。{choices} のどれかを指定してください。",
    ),
    (
        re.compile(r"argument (?P<arg>\S+): invalid (?:int|float) value: '(?P<value>.*)'"),
        "{arg} の「{value}」は数字ではありません。数字で指定してください。",
    ),
    (
        re.compile(r"argument (?P<arg>\S+): expected one argument"),
        "{arg} のあとに値を書いてください。",
    ),
    (
        re.compile(r"the following arguments are required: (?P<args>.*)"),
        "{args} を指定してください。",
    ),
    (
        re.compile(r"unrecognized arguments: (?P<args>.*)"),
        "「{args}」は知らない指定です。綴りを確かめてください（--help で一覧が出ます）。",
    ),
    (
        re.compile(r"argument (?P<arg>\S+): (?P<message>.*[\u3040-\u30ff\u4e00-\u9fff].*)"),
        "{message}",
    ),
)

#: What the user-facing names of argparse's destinations are.
_ARG_NAMES = {"number": "研修の回（最初の数字）", "回": "研修の回（最初の数字）"}


def translate_usage_error(message: str) -> str:
    """An argparse error message in Japanese (a general sentence if it is not known)."""
    for pattern, template in _ERRORS:
        match = pattern.fullmatch(message.strip())
        if match:
            parts = {k: _ARG_NAMES.get(v, v) for k, v in match.groupdict().items()}
            if "choices" in parts:
                parts["choices"] = parts["choices"].replace("'", "").replace(", ", "・")
            if "args" in parts:
                parts["args"] = "、".join(
                    _ARG_NAMES.get(a.strip(), a.strip()) for a in parts["args"].split(",")
                )
            return template.format(**parts)
    return "コマンドの書き方が正しくありません。--help で書き方を確かめてください。"


class JapaneseArgumentParser(argparse.ArgumentParser):
    """argparse with Japanese errors and help headings; errors exit with code 2."""

    def format_usage(self) -> str:
        return _japanese(super().format_usage())

    def format_help(self) -> str:
        return _japanese(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            2,
            f"エラー: {translate_usage_error(message)}\n（終了コード 2: コマンドの書き方の誤り）\n",
        )


def _japanese(text: str) -> str:
    for english, japanese in _HELP_WORDS:
        text = text.replace(english, japanese)
    return text


def session_number(value: str) -> int:
    """argparse type for the session number: a whole number from 1."""
    text = value.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            f"「{value}」は研修の回として使えません。1 以上の数字で指定してください（例: 7）。"
        )
    return int(text)
