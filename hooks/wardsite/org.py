"""Organisation facts (ward name, helpdesk contacts, system names) from ``org.yml``.

Every page and template reads these facts from one file so that another
municipality can reuse the site by editing that file alone. A value ``x``
may have an English variant ``x_en`` that is used on English pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wardsite.errors import SiteInputError
from wardsite.yamlfile import read_mapping

#: Dotted keys that pages and templates rely on; a missing one stops the build.
REQUIRED_KEYS: tuple[str, ...] = (
    "ward.name",
    "site.name",
    "site.description",
    "helpdesk.name",
    "helpdesk.phone",
    "helpdesk.extension",
    "helpdesk.email",
    "helpdesk.hours",
    "helpdesk.counter",
)

#: Ward settings that pages quote as numbers, with the range Microsoft 365 (or
#: common sense) allows: (smallest, largest or None, what the number counts).
#: Microsoft Learn: recycle bin 7-180 days (default 93); OneDrive retention for
#: deleted users 30-3650 days (default 30); Entra smart lockout threshold >= 1.
NUMBER_SETTINGS: dict[str, tuple[int, int | None, str]] = {
    "id.lockout_attempts": (1, None, "回数"),
    "id.lockout_minutes": (1, None, "分"),
    "id.pc_lockout_attempts": (1, None, "回数"),
    "id.pc_lockout_minutes": (1, None, "分"),
    "retention.recycle_bin_days": (7, 180, "日数"),
    "retention.onedrive_after_leaving_days": (30, 3650, "日数"),
    "retention.mailbox_after_leaving_days": (1, None, "日数"),
}


def load_org(path: Path) -> dict[str, Any]:
    """Read and validate the organisation file; raise SiteInputError on bad input."""
    name = path.name
    data = read_mapping(path, name, "見本の org.yml と同じ形で書いてください。")
    for key in REQUIRED_KEYS:
        value = lookup(data, key)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise SiteInputError(
                name, key, "が空か、書かれていません。", "この項目に値を書いてください。"
            )
    for key, (smallest, largest, unit) in NUMBER_SETTINGS.items():
        _check_number(name, key, lookup(data, key), smallest, largest, unit)
    return data


def _check_number(
    name: str, key: str, value: Any, smallest: int, largest: int | None, unit: str
) -> None:
    """Stop on a ward setting that is missing, not a whole number or out of range."""
    text = str(value).strip() if value is not None else ""
    if not text:
        raise SiteInputError(
            name, key, "が空か、書かれていません。", f"この項目に値を書いてください（{unit}）。"
        )
    allowed = f"{smallest}〜{largest}" if largest is not None else f"{smallest}〜"
    if not text.isascii() or not text.isdigit():
        raise SiteInputError(
            name,
            key,
            f"は数字だけで書いてください（今の値：{text}）。",
            f"「日」「回」などの文字を付けずに、{allowed} の{unit}を半角の数字で書いてください。",
        )
    number = int(text)
    if number < smallest or (largest is not None and number > largest):
        raise SiteInputError(
            name,
            key,
            f"の値 {number} は、使える範囲の外です。",
            f"{allowed} の{unit}を書いてください"
            + ("（Microsoft 365 で設定できる範囲です）。" if largest is not None else "。"),
        )


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
