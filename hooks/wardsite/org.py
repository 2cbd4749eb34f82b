"""Organisation facts (ward name, helpdesk contacts, system names) from ``org.yml``.

Every page and template reads these facts from one file so that another
municipality can reuse the site by editing that file alone. A value ``x``
may have an English variant ``x_en`` that is used on English pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from wardsite.validation import first_error, problem
from wardsite.yamlfile import read_mapping


def _text(value: Any) -> str:
    """A fact pages print: any non-empty scalar (YAML may read ``2100`` as a number)."""
    text = str(value).strip() if isinstance(value, str | int | float) else ""
    if not text or isinstance(value, bool):
        raise problem("が空か、書かれていません。", "この項目に値を書いてください。")
    return text


def _count(smallest: int, largest: int | None, unit: str) -> Any:
    """A ward setting that pages quote as a number, with the range Microsoft 365 allows."""
    allowed = f"{smallest}〜{largest}" if largest is not None else f"{smallest}〜"

    def check(value: Any) -> int:
        text = str(value).strip() if value is not None and not isinstance(value, bool) else ""
        if not text:
            raise problem("が空か、書かれていません。", f"この項目に値を書いてください（{unit}）。")
        if not text.isascii() or not text.isdigit():
            raise problem(
                f"は数字だけで書いてください（今の値：{text}）。",
                f"「日」「回」などの文字を付けずに、{allowed} の{unit}を"
                "半角の数字で書いてください。",
            )
        number = int(text)
        if number < smallest or (largest is not None and number > largest):
            raise problem(
                f"の値 {number} は、使える範囲の外です。",
                f"{allowed} の{unit}を書いてください"
                + ("（Microsoft 365 で設定できる範囲です）。" if largest is not None else "。"),
            )
        return number

    return Annotated[int, BeforeValidator(check)]


Text = Annotated[str, BeforeValidator(_text)]


def _section(value: Any) -> Any:
    return {} if value is None else value


class _Section(BaseModel):
    """Other keys (and every ``x_en`` variant) are kept: pages may quote any of them."""

    model_config = ConfigDict(extra="allow", frozen=True)


class Ward(_Section):
    name: Text


class Site(_Section):
    name: Text
    description: Text
    copyright: str | None = None


class Helpdesk(_Section):
    name: Text
    phone: Text
    extension: Text
    email: Text
    hours: Text
    counter: Text


#: Microsoft Learn: Entra smart lockout threshold >= 1 (duration >= 1 minute).
class Identity(_Section):
    lockout_attempts: _count(1, None, "回数")  # type: ignore[valid-type]
    lockout_minutes: _count(1, None, "分")  # type: ignore[valid-type]
    pc_lockout_attempts: _count(1, None, "回数")  # type: ignore[valid-type]
    pc_lockout_minutes: _count(1, None, "分")  # type: ignore[valid-type]


#: Microsoft Learn: recycle bin 7-180 days (default 93); OneDrive retention for
#: deleted users 30-3650 days (default 30).
class Retention(_Section):
    recycle_bin_days: _count(7, 180, "日数")  # type: ignore[valid-type]
    onedrive_after_leaving_days: _count(30, 3650, "日数")  # type: ignore[valid-type]
    mailbox_after_leaving_days: _count(1, None, "日数")  # type: ignore[valid-type]


def _part(model: type[BaseModel]) -> Any:
    return Annotated[model, BeforeValidator(_section), Field(default_factory=dict)]


class OrgConfig(BaseModel):
    """``org.yml``, checked: the facts every page and template relies on.

    Sections and keys beyond these are allowed (another ward may add its own);
    a missing or empty required fact, or a ward setting outside the range
    Microsoft 365 allows, stops the build with the field named.
    """

    model_config = ConfigDict(extra="allow", frozen=True, validate_default=True)

    ward: _part(Ward)  # type: ignore[valid-type]
    site: _part(Site)  # type: ignore[valid-type]
    helpdesk: _part(Helpdesk)  # type: ignore[valid-type]
    id: _part(Identity)  # type: ignore[valid-type]
    retention: _part(Retention)  # type: ignore[valid-type]


def load_org(path: Path) -> dict[str, Any]:
    """The organisation file as the plain mapping pages and templates read (after checking it).

    Values stay as written (``"10"`` or ``10``), so ``{{ org.x }}`` prints what the
    editor wrote; ``OrgConfig.model_validate(data)`` gives the typed view.
    """
    data = read_mapping(path, path.name, "見本の org.yml と同じ形で書いてください。")
    try:
        OrgConfig.model_validate(data)
    except ValidationError as exc:
        raise first_error(exc, path.name) from None
    return data


def org_config(data: Mapping[str, Any], lang: str) -> OrgConfig:
    """The typed facts for ``lang`` (``x_<lang>`` replacing ``x``), from an already checked file."""
    return OrgConfig.model_validate(localized(data, lang))


def lookup(data: Mapping[str, Any], dotted: str) -> Any:
    """Return the value at ``a.b.c`` or None when any part is missing."""
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def localized(data: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """Return a copy where ``x_<lang>`` replaces ``x`` (for non-default languages)."""
    out: dict[str, Any] = {}
    suffix = f"_{lang}"
    for key, value in data.items():
        if isinstance(value, Mapping):
            out[key] = localized(value, lang)
        elif not key.endswith(suffix):
            out[key] = value
    for key, value in data.items():
        if key.endswith(suffix) and not isinstance(value, Mapping):
            out[key[: -len(suffix)]] = value
    return out
