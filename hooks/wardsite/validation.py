"""pydantic's validation errors → our Japanese SiteInputError (file, field, what to do).

The typed settings (``FaqConfig``, ``OrgConfig``, ``SessionFile``) let pydantic
check shapes and types; people never see pydantic's English. This module is the
one place that turns each error into the problem and the fix staff read.

A validator that knows better words raises :func:`problem`: its text and fix are
used as they are. Any other error gets a Japanese sentence by its type, and the
fix the caller gives for that field (or a general one).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from wardsite.errors import SiteInputError

#: The error type of :func:`problem`.
OURS = "wardsite"


def problem(text: str, fix: str = "") -> PydanticCustomError:
    """An error whose Japanese ``text`` (after the field name) and ``fix`` are shown as they are.

    ``text`` must not contain ``{``: pydantic formats it with the context.
    """
    return PydanticCustomError(OURS, text, {"fix": fix})


def field_name(loc: Sequence[int | str], prefix: str = "") -> str:
    """``("materials", 0, "title")`` → ``materials の1番目の title`` (list items counted from 1)."""
    out = prefix
    for part in loc:
        if isinstance(part, int):
            out += f" の{part + 1}番目"
        elif part.startswith(("function-", "union[", "literal[", "tagged-union[")):
            continue  # pydantic's names for the branch of a union, not a field
        else:
            out += ("の " if out and out[-1] == "目" else "." if out else "") + part
    return out or "(ファイル全体)"


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _sentence(error: Mapping[str, Any], known: Sequence[str]) -> tuple[str, str]:
    """(problem, default fix) for one of pydantic's errors."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == OURS:
        return error["msg"], str(ctx.get("fix", ""))
    if kind == "missing":
        return "が書かれていません（必須の項目です）。", "この項目に値を書いてください。"
    if kind == "extra_forbidden":
        names = f"使える項目は {', '.join(known)} です。" if known else ""
        return "は知らない項目です。", names + "綴りを確かめてください。"
    if kind == "literal_error":
        return (
            f"の「{_shown(value)}」は使えません。",
            f"{ctx.get('expected', '')} のどれかにしてください。",
        )
    if kind in ("int_parsing", "int_type", "int_from_float", "float_parsing", "float_type"):
        return f"の「{_shown(value)}」は数字として読めません。", "半角の数字で書いてください。"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return f"の値 {_shown(value)} は、使える範囲の外です。", "使える範囲の数字にしてください。"
    if kind in ("bool_parsing", "bool_type"):
        return (
            f"の「{_shown(value)}」は true か false で書いてください。",
            "true か false にしてください。",
        )
    if kind in ("string_type", "string_too_short"):
        return "は文字で書いてください。", '値を "…" で囲んでください。'
    if kind in ("date_type", "date_parsing", "date_from_datetime_inexact"):
        return f"の「{_shown(value)}」は日付として読めません。", "2026-06-12 の形で書いてください。"
    if kind in ("list_type", "tuple_type", "set_type", "frozen_set_type"):
        return "が一覧（「- 」で始まる行）になっていません。", "「- 」で始まる行で書いてください。"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "が「項目: 値」の形になっていません。", "README の例の形で書いてください。"
    return f"の値「{_shown(value)}」が正しくありません。", "README の例を見て直してください。"


def site_errors(
    exc: ValidationError,
    file: str,
    *,
    prefix: str = "",
    fixes: Mapping[str, str] | None = None,
    known: Sequence[str] = (),
) -> list[SiteInputError]:
    """One SiteInputError per problem pydantic found, in the order of the fields.

    ``prefix`` goes before every field name (``extra.faq``); ``fixes`` maps a top-level
    field to what to do, used unless the validator said more; ``known`` lists the
    fields a file may have, for "unknown field" errors.
    """
    out: list[SiteInputError] = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        sentence, fix = _sentence(error, known)
        top = str(loc[0]) if loc else ""
        if fixes and top in fixes and error["type"] != OURS and error["type"] != "extra_forbidden":
            fix = fixes[top]
        out.append(SiteInputError(file, field_name(loc, prefix), sentence, fix))
    return out


def first_error(exc: ValidationError, file: str, **kwargs: Any) -> SiteInputError:
    """The first problem, for loaders that stop at one (settings files)."""
    return site_errors(exc, file, **kwargs)[0]
