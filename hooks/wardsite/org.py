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
    return data


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
