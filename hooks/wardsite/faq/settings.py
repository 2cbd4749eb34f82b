"""Which FAQ the build publishes: the settings in mkdocs.yml, overridden by the environment.

The default is the snapshot bundled in ``data/faq/snapshot/`` and no network at
all, so a fresh clone and ``./scripts/serve`` work offline. A helpdesk is
connected by giving its URL (``base_url`` in mkdocs.yml or ``WARDSITE_FAQ_BASE_URL``);
its token only ever comes from the environment variable named by ``token_env``.

Environment variables (each overrides the setting of the same name):

* ``WARDSITE_FAQ_BASE_URL`` — the helpdesk (``https://example.zendesk.com``).
* ``WARDSITE_FAQ_ADAPTER`` — ``zendesk`` (default), ``json`` or ``file``.
* ``WARDSITE_FAQ_STRICT`` — ``1``: stop the build when the pull fails.
* ``WARDSITE_FAQ_STATE_DIR`` — where the last good snapshot is kept (``.cache/faq``).
* ``WARDSITE_FAQ_OFFLINE`` — ``1``: publish the bundled snapshot even if a helpdesk is set.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wardsite.errors import SiteInputError

ENV_PREFIX = "WARDSITE_FAQ_"
ENV_KEYS = ("base_url", "adapter", "strict", "state_dir", "offline")
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
DEFAULTS: dict[str, Any] = {
    "adapter": "zendesk",
    "base_url": "",
    "token_env": "WARDSITE_FAQ_TOKEN",
    "state_dir": ".cache/faq",
    "strict": False,
}


@dataclass(frozen=True)
class FaqSettings:
    """``live``: pull from a helpdesk; otherwise publish the bundled snapshot."""

    live: bool
    strict: bool
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def state_dir(self) -> str:
        return str(self.raw.get("state_dir") or DEFAULTS["state_dir"])

    def describe(self) -> str:
        """Where the FAQ comes from, for the build log (never the token)."""
        if not self.live:
            return "リポジトリに同梱の FAQ（data/faq/snapshot/）"
        where = self.raw.get("base_url") or self.raw.get("path")
        return f"ヘルプデスク（{self.raw.get('adapter')}、{where}）"


def resolve_settings(
    raw: Mapping[str, Any] | None, env: Mapping[str, str], where: str = "mkdocs.yml"
) -> FaqSettings:
    """Merge ``extra.faq`` of mkdocs.yml with the environment; raise SiteInputError on bad input."""
    if raw is not None and not isinstance(raw, Mapping):
        raise SiteInputError(
            where,
            "extra.faq",
            "が「項目: 値」の形になっていません。",
            "README の例の形で書いてください。",
        )
    merged: dict[str, Any] = {**DEFAULTS, **(raw or {})}
    for key in ENV_KEYS:
        value = env.get(ENV_PREFIX + key.upper())
        if value is not None and value.strip() != "":
            merged[key] = value.strip()
    strict = _flag(merged.get("strict"))
    offline = _flag(merged.pop("offline", False))
    merged["strict"] = strict
    adapter = str(merged.get("adapter") or "zendesk")
    has_source = bool(merged.get("path")) if adapter == "file" else bool(merged.get("base_url"))
    return FaqSettings(live=has_source and not offline, strict=strict, raw=merged)


def state_path(settings: FaqSettings, root: Path) -> Path:
    return root / settings.state_dir / "faq-snapshot.json"


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in TRUE_WORDS
