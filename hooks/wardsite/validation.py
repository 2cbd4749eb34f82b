"""pydantic's validation errors → our Japanese SiteInputError (file, field, what to do).

The typed settings (``FaqConfig``, ``OrgConfig``, ``SessionFile``) let pydantic
check shapes and types; people never see pydantic's English. This module is the
one place that turns each error into the problem and the fix staff read.

A validator that knows better words raises :func:`problem`: its text and fix are
used as they are. Any other error gets a Japanese sentence by its type, and the
fix the caller gives for that field (or a general one).

Optional parts of a data file may be :data:`lenient` (a whole block) or
:data:`lenient_items` (a list): validated with a :func:`left_out_context`, a
wrong block or item is left out and its errors are collected there, so one bad
chapter drops that chapter, not the whole session. Without the context they
are strict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from pydantic import (
    BaseModel,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)
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


def _path_key(loc: Sequence[int | str]) -> str:
    """``("materials", 0, "title")`` → ``materials.title`` (list positions left out)."""
    return ".".join(str(part) for part in loc if isinstance(part, str))


def _for_path(table: Mapping[str, Any], loc: Sequence[int | str]) -> Any:
    """The entry for the longest leading part of ``loc`` that ``table`` has, or None."""
    parts = _path_key(loc).split(".") if loc else [""]
    for end in range(len(parts), -1, -1):
        key = ".".join(parts[:end])
        if key in table:
            return table[key]
    return None


def site_errors(
    exc: ValidationError | Iterable[Mapping[str, Any]],
    file: str,
    *,
    prefix: str = "",
    fixes: Mapping[str, str] | None = None,
    known: Mapping[str, Sequence[str]] | None = None,
) -> list[SiteInputError]:
    """One SiteInputError per problem pydantic found, in the order of the fields.

    ``exc`` is pydantic's error or its list of error details. ``prefix`` goes
    before every field name (``extra.faq``); ``fixes`` maps a field (nested
    fields dotted without list positions: ``materials.title``) to what to do,
    used unless the validator said more, the longest matching field first;
    ``known`` lists the fields a file may have, for "unknown field" errors, by
    block (dotted like ``fixes``; ``""`` is the top level).
    """
    details = exc.errors(include_url=False) if isinstance(exc, ValidationError) else exc
    out: list[SiteInputError] = []
    for error in details:
        loc = tuple(error["loc"])
        kind = error["type"]
        sentence, fix = _sentence(error, (known or {}).get(_path_key(loc[:-1]), ()))
        better = _for_path(fixes, loc) if fixes else None
        if better and kind != OURS and kind != "extra_forbidden":
            fix = better
        out.append(SiteInputError(file, field_name(loc, prefix), sentence, fix))
    return out


def first_error(exc: ValidationError, file: str, **kwargs: Any) -> SiteInputError:
    """The first problem, for loaders that stop at one (settings files)."""
    return site_errors(exc, file, **kwargs)[0]


#: Key of the validation context that collects what the lenient fields left out.
LEFT_OUT = "left_out"


def left_out_context() -> dict[str, list[dict[str, Any]]]:
    """A validation context for :func:`lenient`: ``context[LEFT_OUT]`` collects the errors."""
    return {LEFT_OUT: []}


def _collector(info: ValidationInfo) -> list[dict[str, Any]] | None:
    context = info.context
    return context.get(LEFT_OUT) if isinstance(context, dict) else None


def _absorb(
    collected: list[dict[str, Any]],
    loc: tuple[int | str, ...],
    run: Callable[[], Any],
    fallback: Any,
    skip: int = 0,
) -> Any:
    """``run()``, or ``fallback`` with its errors collected under ``loc``.

    ``skip`` leading parts of each error's own location are dropped (the
    position 0 of a one-item list). Errors collected by lenient fields inside
    get ``loc`` in front too.
    """
    start = len(collected)
    try:
        result = run()
    except ValidationError as exc:
        collected.extend(
            {**e, "loc": tuple(e["loc"])[skip:]} for e in exc.errors(include_url=False)
        )
        result = fallback
    collected[start:] = [{**e, "loc": (*loc, *e["loc"])} for e in collected[start:]]
    return result


def _lenient(value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
    collected = _collector(info)
    if value is None or collected is None:  # no context: strict, the whole model fails
        return handler(value)
    return _absorb(collected, (info.field_name or "",), lambda: handler(value), None)


class Item(BaseModel):
    """An item of a :data:`lenient_items` list, which remembers where it stood in the file.

    Later checks (files on disk, times against the video) name the item by its
    place in the file, which differs from its place in the list once wrong
    items before it were left out.
    """

    _position: int = PrivateAttr(0)

    @property
    def position(self) -> int:
        """1 for the file's first item."""
        return self._position


def _placed(items: Iterable[tuple[int, Any]]) -> tuple[Any, ...]:
    out = []
    for index, item in items:
        if isinstance(item, Item):
            item._position = index + 1
        out.append(item)
    return tuple(out)


def _lenient_items(
    value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
) -> tuple[Any, ...]:
    collected = _collector(info)
    if value is None:
        return ()
    if collected is None:
        return _placed(enumerate(handler(value)))
    field = info.field_name or ""
    if not isinstance(value, list | tuple):
        return _absorb(collected, (field,), lambda: handler(value), ())
    kept: list[tuple[int, Any]] = []
    for index, item in enumerate(value):
        # the tuple validator checks a one-item list: its errors start with position 0
        one = _absorb(collected, (field, index), lambda item=item: handler([item]), (), skip=1)
        kept.extend((index, checked) for checked in one)
    return _placed(kept)


#: An optional field that, when wrong, is left out (None) with its errors collected
#: in the :func:`left_out_context` instead of failing the whole model.
lenient = WrapValidator(_lenient)

#: A list field whose wrong items are left out one by one (errors collected likewise).
lenient_items = WrapValidator(_lenient_items)
