"""Which FAQ the build publishes: ``extra.faq`` of mkdocs.yml and the environment, parsed once.

:func:`load_faq_config` merges the two into one typed, frozen :class:`FaqConfig`
(checked by pydantic, errors in Japanese through :mod:`wardsite.validation`);
everything after it (the source, both HTTP clients, the state path) is made
from that object. The default is the snapshot bundled in ``data/faq/snapshot/``
and no network at all, so a fresh clone and ``./scripts/serve`` work offline.

Example (``extra:`` in mkdocs.yml)::

    faq:
      adapter: zendesk            # zendesk | json | file
      base_url: https://example.zendesk.com
      locales: [ja, en-us]
      exclude_sections: ["360000000009"]
      allowed_user_segments: []   # zendesk: segment ids this site may show (see below)
      token_env: WARDSITE_FAQ_TOKEN   # the token itself only ever comes from the environment
      email_env: WARDSITE_FAQ_EMAIL   # optional: Zendesk "{email}/token" basic auth
      strict: false
      state_dir: .cache/faq
      timeouts: {connect: 5, read: 15, total: 30}
      retries: 3
      max_entries: 5000
      max_bytes: 10485760

Environment variables (each overrides the setting of the same name):

* ``WARDSITE_FAQ_BASE_URL`` — the helpdesk (``https://example.zendesk.com``).
* ``WARDSITE_FAQ_ADAPTER`` — ``zendesk`` (default), ``json`` or ``file``.
* ``WARDSITE_FAQ_STRICT`` — ``1``: stop the build when the pull fails.
* ``WARDSITE_FAQ_STATE_DIR`` — where the last good snapshot is kept (``.cache/faq``).
* ``WARDSITE_FAQ_OFFLINE`` — ``1``: publish the bundled snapshot even if a helpdesk is set.
* the variables named by ``token_env`` and ``email_env`` (by default
  ``WARDSITE_FAQ_TOKEN`` and ``WARDSITE_FAQ_EMAIL``): read here, once.

``allowed_user_segments``: by default only articles the helpdesk shows to everyone
are published. List a Zendesk user segment id here only when every reader of this
site belongs to that segment's audience, e.g. the built-in "Signed-in users"
segment when the site itself requires the ward's Entra ID sign-in.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
)

from wardsite.errors import SiteInputError
from wardsite.faq.http import HttpClient, HttpLimits
from wardsite.faq.images import MAX_IMAGE_BYTES
from wardsite.faq.sources.base import DEFAULT_MAX_ENTRIES
from wardsite.validation import first_error, problem

ENV_PREFIX = "WARDSITE_FAQ_"
#: Settings the environment may override (``WARDSITE_FAQ_<NAME>``).
ENV_KEYS = ("base_url", "adapter", "strict", "state_dir", "offline")
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
WHERE = "mkdocs.yml"
PREFIX = "extra.faq"
#: File name of the last good snapshot inside ``state_dir``.
SNAPSHOT_FILE = "faq-snapshot.json"

_FIXES = {
    "adapter": "zendesk・json・file のどれかにしてください。",
    "base_url": "ヘルプデスクの URL（https://…）を書いてください。",
    "path": "CSV か XLSX のファイルの場所を書いてください。",
    "max_entries": "1 以上の件数を半角の数字で書いてください。",
    "max_bytes": "1 以上のバイト数を半角の数字で書いてください。",
    "retries": "0 以上の回数を半角の数字で書いてください。",
    "timeouts": "{connect: 5, read: 15, total: 30} のように秒数で書いてください。",
}


def _flag(value: Any) -> Any:
    """``1``/``true``/``yes``/``on`` (any case) from the environment or YAML → bool."""
    if isinstance(value, bool) or value is None:
        return bool(value)
    return str(value).strip().lower() in TRUE_WORDS


def _ids(value: Any) -> Any:
    """Section ids written as numbers or strings → strings (YAML reads 360099 as a number)."""
    if isinstance(value, list | tuple | set | frozenset):
        return [str(x) if isinstance(x, int) and not isinstance(x, bool) else x for x in value]
    return value


Flag = Annotated[bool, BeforeValidator(_flag)]
Ids = Annotated[frozenset[str], BeforeValidator(_ids)]


class Timeouts(BaseModel):
    """Seconds: to connect, between bytes, and for a whole request including its body."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    connect: float = Field(5.0, gt=0)
    read: float = Field(15.0, gt=0)
    total: float = Field(30.0, gt=0)


class FaqConfig(BaseModel):
    """The FAQ settings of one build. ``live``: pull from a helpdesk; else the bundled snapshot."""

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    adapter: Literal["zendesk", "json", "file"] = "zendesk"
    base_url: str = ""
    #: ``file`` adapter: the CSV/XLSX file, relative to the repository.
    path: str = ""
    #: ``json`` adapter: the first page of the feed, relative to ``base_url``.
    feed_path: str = "faq-feed/v1/entries.json"
    locales: tuple[str, ...] = ("ja", "en-us")
    include_sections: Ids | None = None
    exclude_sections: Ids = frozenset()
    allowed_user_segments: frozenset[str] = frozenset()
    token_env: str = "WARDSITE_FAQ_TOKEN"
    email_env: str = "WARDSITE_FAQ_EMAIL"
    strict: Flag = False
    offline: Flag = False
    state_dir: str = ".cache/faq"
    timeouts: Timeouts = Timeouts()
    retries: int = Field(3, ge=0)
    max_entries: int = Field(DEFAULT_MAX_ENTRIES, gt=0)
    max_bytes: int = Field(HttpLimits.max_bytes, gt=0)
    #: From the environment only (``token_env``/``email_env``); never printed.
    token: SecretStr = SecretStr("")
    email: str = ""

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        value = value.strip()
        if not value:
            return ""
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise problem(
                "が http(s):// で始まっていません。", "ヘルプデスクの URL を書いてください。"
            )
        return value.rstrip("/") + "/"

    @field_validator("allowed_user_segments", mode="before")
    @classmethod
    def _segments(cls, value: Any) -> Any:
        value = value or []
        if not isinstance(value, list) or not all(
            isinstance(x, int | str) and not isinstance(x, bool) and str(x).strip().isdigit()
            for x in value
        ):
            raise problem(
                "がユーザーセグメントの番号の一覧になっていません。",
                "ヘルプデスクのユーザーセグメントの番号（数字）を"
                " [360000777] のように並べてください。"
                "全員に公開の記事だけを載せるなら [] にします。",
            )
        return frozenset(str(int(str(x).strip())) for x in value)

    @property
    def live(self) -> bool:
        """A helpdesk (or a file) is configured and the build is not told to stay offline."""
        has_source = bool(self.path) if self.adapter == "file" else bool(self.base_url)
        return has_source and not self.offline

    @property
    def web(self) -> bool:
        """The FAQ comes over HTTP (a helpdesk or a feed), not from a file."""
        return self.live and self.adapter != "file"

    def state_path(self, root: Path) -> Path:
        """The last good snapshot (``<state_dir>/faq-snapshot.json``)."""
        return root / self.state_dir / SNAPSHOT_FILE

    def describe(self) -> str:
        """Where the FAQ comes from, for the build log (never the token)."""
        if not self.live:
            return "リポジトリに同梱の FAQ（data/faq/snapshot/）"
        return f"ヘルプデスク（{self.adapter}、{self.base_url or self.path}）"

    def limits(self) -> HttpLimits:
        """Bounds of the pull's requests."""
        return HttpLimits(
            connect_timeout=self.timeouts.connect,
            read_timeout=self.timeouts.read,
            total_timeout=self.timeouts.total,
            retries=self.retries,
            max_bytes=self.max_bytes,
        )

    def client(self) -> HttpClient:
        """The HTTP client of the pull."""
        return self._client(self.limits())

    def image_client(self) -> HttpClient:
        """The HTTP client of image downloads: one try, the images' own size cap."""
        limits = self.limits()
        return self._client(
            HttpLimits(**{**limits.__dict__, "retries": 1, "max_bytes": MAX_IMAGE_BYTES})
        )

    def _client(self, limits: HttpLimits) -> HttpClient:
        return HttpClient(
            self.base_url,
            token=self.token.get_secret_value(),
            email=self.email,
            limits=limits,
        )


def load_faq_config(raw: Any, env: Mapping[str, str], where: str = WHERE) -> FaqConfig:
    """``extra.faq`` merged with ``WARDSITE_FAQ_*`` (and the token); SiteInputError on bad input."""
    if raw is not None and not isinstance(raw, Mapping):
        raise SiteInputError(
            where,
            PREFIX,
            "が「項目: 値」の形になっていません。",
            "README の例の形で書いてください。",
        )
    merged: dict[str, Any] = dict(raw or {})
    for secret in ("token", "password", "email"):
        if secret in merged:
            raise SiteInputError(
                where,
                f"{PREFIX}.{secret}",
                "に秘密の値が直接書かれています。",
                f"{secret}_env に環境変数の名前を書き、値は環境変数で渡してください。"
                if secret != "password"
                else "token_env に環境変数の名前を書き、値は環境変数で渡してください。",
            )
    for key in ENV_KEYS:
        value = env.get(ENV_PREFIX + key.upper())
        if value is not None and value.strip() != "":
            merged[key] = value.strip()
    for key, default in (("token", "WARDSITE_FAQ_TOKEN"), ("email", "WARDSITE_FAQ_EMAIL")):
        name = merged.get(f"{key}_env") or default
        merged[key] = env.get(str(name), "").strip()
    try:
        config = FaqConfig.model_validate(merged)
    except ValidationError as exc:
        raise first_error(exc, where, prefix=PREFIX, fixes=_FIXES) from None
    return config


def require_source(config: FaqConfig, where: str = WHERE) -> None:
    """Raise SiteInputError when the adapter's own setting (``path``/``base_url``) is missing."""
    if config.adapter == "file" and not config.path:
        raise SiteInputError(where, f"{PREFIX}.path", "がありません。", _FIXES["path"])
    if config.adapter != "file" and not config.base_url:
        raise SiteInputError(
            where, f"{PREFIX}.base_url", "が http(s):// で始まっていません。", _FIXES["base_url"]
        )
