"""The one HTTP client of the FAQ pull: bounded in time, size and retries; token never logged.

Built on ``requests`` with urllib3's ``Retry`` (connect errors, 5xx, 429 with
``Retry-After``, exponential backoff). On top of that it enforces what neither
library does: a total deadline per request including the body, a cap on the
response size, same-origin checks on URLs the server hands us (pagination
links), and redaction of the token from every message it produces.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from wardsite.faq.errors import FaqSourceError

log = logging.getLogger("wardsite.faq")

REDACTED = "[REDACTED]"


@dataclass(frozen=True)
class HttpLimits:
    """Bounds of every request; the defaults suit a build that must not hang."""

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 30.0
    retries: int = 3
    backoff: float = 0.5
    backoff_max: float = 8.0
    retry_after_max: int = 30
    max_bytes: int = 10 * 1024 * 1024


class _RedactingFilter(logging.Filter):
    """Removes known secrets from every record of the ``wardsite.faq`` loggers."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            message = redact(record.getMessage(), self.secrets)
            record.msg, record.args = message, None
        return True


_FILTER = _RedactingFilter()
log.addFilter(_FILTER)


def redact(text: str, secrets: set[str] | frozenset[str]) -> str:
    """Replace each secret (length ≥ 4) in ``text``."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, REDACTED)
    return text


class HttpClient:
    """GET JSON from one origin, with the limits of :class:`HttpLimits`.

    ``base_url`` is already checked (``FaqConfig``); ``token`` (read from the
    environment by ``FaqConfig``, never here) is sent as ``Authorization: Bearer``,
    or as Zendesk's ``{email}/token`` basic auth when ``email`` is given.
    """

    def __init__(
        self,
        base_url: str,
        *,
        token: str = "",
        email: str = "",
        limits: HttpLimits | None = None,
        user_agent: str = "wardsite-faq/1",
    ) -> None:
        parts = urlsplit(base_url)
        self.base_url = base_url.rstrip("/") + "/"
        self.origin = (parts.scheme, parts.netloc.lower())
        self.limits = limits or HttpLimits()
        self.requests_made = 0
        self.bytes_received = 0
        self._secrets: set[str] = set()
        self.session = requests.Session()
        self.session.trust_env = False  # no proxies or .netrc credentials from the machine
        self.session.headers["User-Agent"] = user_agent
        self.session.headers["Accept"] = "application/json"
        if token:
            self._secrets.add(token)
            if email:
                self.session.auth = (f"{email}/token", token)
            else:
                self.session.headers["Authorization"] = f"Bearer {token}"
            _FILTER.secrets.add(token)
        retry = Retry(
            total=self.limits.retries,
            connect=self.limits.retries,
            read=self.limits.retries,
            status=self.limits.retries,
            other=0,
            redirect=0,
            allowed_methods=frozenset({"GET"}),
            status_forcelist=frozenset({429, 500, 502, 503, 504}),
            backoff_factor=self.limits.backoff,
            backoff_max=self.limits.backoff_max,
            respect_retry_after_header=True,
            retry_after_max=self.limits.retry_after_max,
            raise_on_status=False,
            raise_on_redirect=False,
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def redact(self, text: str) -> str:
        return redact(text, self._secrets)

    def url(self, path_or_url: str) -> str:
        """Absolute URL on our origin; refuse a URL pointing elsewhere (token leak)."""
        url = urljoin(self.base_url, path_or_url)
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc.lower()) != self.origin:
            raise FaqSourceError(
                f"ヘルプデスクが別のサーバー（{parts.netloc[:80]}）への続きのページを返しました。"
                "安全のため読み込みを止めました。"
            )
        return url

    def get_bytes(self, path_or_url: str, params: dict[str, Any] | None = None) -> bytes:
        """GET within the limits; raise FaqSourceError with a Japanese reason."""
        url = self.url(path_or_url)
        shown = urlsplit(url).path
        deadline = time.monotonic() + self.limits.total_timeout
        self.requests_made += 1
        try:
            response = self.session.get(
                url,
                params=params,
                timeout=(self.limits.connect_timeout, self.limits.read_timeout),
                stream=True,
                allow_redirects=False,
            )
        except requests.exceptions.ConnectTimeout:
            raise FaqSourceError(
                f"ヘルプデスクへの接続がタイムアウトしました（{shown}）。"
            ) from None
        except requests.exceptions.ConnectionError as exc:
            if "Read timed out" in str(exc):
                raise FaqSourceError(
                    f"ヘルプデスクの応答がタイムアウトしました（{shown}）。"
                ) from None
            raise FaqSourceError(f"ヘルプデスクに接続できませんでした（{shown}）。") from None
        except requests.exceptions.Timeout:
            raise FaqSourceError(f"ヘルプデスクの応答がタイムアウトしました（{shown}）。") from None
        except requests.exceptions.RequestException as exc:
            reason = self.redact(type(exc).__name__)
            raise FaqSourceError(
                f"ヘルプデスクとの通信に失敗しました（{reason}、{shown}）。"
            ) from None
        with response:
            status = response.status_code
            if status == 429:
                raise FaqSourceError(
                    "ヘルプデスクから「混み合っています」（HTTP 429）と返され、"
                    f"再試行しても同じでした（{shown}）。"
                )
            if status in (401, 403):
                raise FaqSourceError(
                    f"ヘルプデスクに認証を拒否されました（HTTP {status}）。"
                    "トークンの環境変数を確かめてください。"
                )
            if status != 200:
                raise FaqSourceError(
                    f"ヘルプデスクがエラーを返しました（HTTP {status}、{shown}）。"
                )
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > self.limits.max_bytes:
                raise FaqSourceError(self._too_large(shown), kind="bad-data")
            chunks: list[bytes] = []
            size = 0
            try:
                for chunk in response.iter_content(64 * 1024):
                    size += len(chunk)
                    if size > self.limits.max_bytes:
                        raise FaqSourceError(self._too_large(shown), kind="bad-data")
                    if time.monotonic() > deadline:
                        raise FaqSourceError(
                            f"ヘルプデスクの応答が{self.limits.total_timeout:g}秒以内に終わりませんでした（{shown}）。"
                        )
                    chunks.append(chunk)
            except requests.exceptions.RequestException:
                raise FaqSourceError(
                    f"ヘルプデスクの応答が途中で切れたか、遅すぎました（{shown}）。"
                ) from None
        self.bytes_received += size
        return b"".join(chunks)

    def get_json(self, path_or_url: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """GET and parse a JSON object."""
        body = self.get_bytes(path_or_url, params)
        shown = urlsplit(self.url(path_or_url)).path
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise FaqSourceError(
                f"ヘルプデスクの応答が JSON として読めません（{shown}、"
                f"{len(body):,}バイト受信、"
                f"{type(exc).__name__}）。途中で切れた可能性があります。",
                kind="bad-data",
            ) from None
        if not isinstance(data, dict):
            raise FaqSourceError(
                f"ヘルプデスクの応答が JSON オブジェクトではありません（{shown}）。",
                kind="bad-data",
            )
        return data

    def _too_large(self, shown: str) -> str:
        return (
            f"ヘルプデスクの応答が大きすぎます（{self.limits.max_bytes:,}バイトを超えました、"
            f"{shown}）。"
        )

    def close(self) -> None:
        self.session.close()
