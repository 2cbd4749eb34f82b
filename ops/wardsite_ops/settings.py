"""The server settings file (deploy.yml): read and validate it.

One file says how the ward's server publishes the site: its name, where the
releases live, who may read it (the access rule) and how to reload Apache.
Every problem is reported in Japanese with the file, the field and what to do
(wardsite.errors.SiteInputError). Secrets are never in this file: it names the
files or environment variables they come from.
"""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wardsite.errors import SiteInputError
from wardsite.yamlfile import read_mapping

ACCESS_MODES = ("network", "entra-id", "both")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_HOST = re.compile(r"^[A-Za-z0-9.-]+$")
_SOURCE = re.compile(r"^https://[A-Za-z0-9.-]+(:\d+)?$")


@dataclass(frozen=True)
class Secret:
    """Where a secret comes from: a file (read by the deploy) or an environment variable."""

    file: Path | None = None
    env: str | None = None

    def read(self, settings_file: str, name: str) -> str:
        """The secret's value; SiteInputError when it is not there."""
        if self.file is not None:
            try:
                value = self.file.read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise SiteInputError(
                    settings_file,
                    f"{name}.file",
                    f"のファイル {self.file} を読めません（{exc.strerror}）。",
                    "ファイルの場所と、読む権限（root だけが読める 600 を推奨）を"
                    "確かめてください。",
                ) from None
        else:
            value = os.environ.get(self.env or "", "").strip()
        if not value:
            where = f"ファイル {self.file}" if self.file else f"環境変数 {self.env}"
            raise SiteInputError(
                settings_file, name, f"の値（{where}）が空です。", "値を入れてください。"
            )
        return value


@dataclass(frozen=True)
class EntraId:
    tenant_id: str
    client_id: str
    client_secret: Secret
    crypto_passphrase: Secret
    required_group: str | None = None
    #: The provider's discovery document; from tenant_id unless given (tests use a local provider).
    metadata_url: str = ""

    @property
    def discovery_url(self) -> str:
        return self.metadata_url or (
            f"https://login.microsoftonline.com/{self.tenant_id}/v2.0/"
            ".well-known/openid-configuration"
        )


@dataclass(frozen=True)
class Tls:
    certificate_file: Path
    key_file: Path


@dataclass(frozen=True)
class Settings:
    file: str
    server_name: str
    port: int
    root: Path
    keep_releases: int
    mode: str
    networks: tuple[str, ...]
    entra_id: EntraId | None
    tls: Tls | None
    media_sources: tuple[str, ...] = ()
    config_file: Path | None = None
    check_command: tuple[str, ...] = ()
    reload_command: tuple[str, ...] = ()
    health_url: str = ""
    #: apache.beacon_log in deploy.yml (see the property beacon_log).
    beacon_log_file: Path | None = None

    @property
    def beacon_log(self) -> Path:
        """The log of page feedback and search beacons (wardsite_ops.beacon)."""
        return self.beacon_log_file or self.root / "logs" / "beacon.log"

    @property
    def https(self) -> bool:
        return self.tls is not None

    @property
    def releases_dir(self) -> Path:
        return self.root / "releases"

    @property
    def current_link(self) -> Path:
        """The document root: a symlink to the live release, swapped atomically."""
        return self.root / "current"

    @property
    def errors_dir(self) -> Path:
        """The 403 page, outside the releases so that a refused reader can get it."""
        return self.root / "errors"


class _Reader:
    """Field access with Japanese errors naming the settings file and the dotted field."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, name: str, problem: str, fix: str) -> SiteInputError:
        return SiteInputError(self.file, name, problem, fix)

    def mapping(self, data: dict[str, Any], name: str, key: str) -> dict[str, Any]:
        value = data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(
                name, "は「項目: 値」の形で書きます。", "見本の deploy.yml を見てください。"
            )
        return value

    def text(self, data: dict[str, Any], name: str, key: str, default: str | None = None) -> str:
        value = data.get(key, default)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise self.fail(name, "が空か、書かれていません。", "この項目に値を書いてください。")
        if not isinstance(value, str | int):
            raise self.fail(name, "は文字で書きます。", "値を1つだけ書いてください。")
        return str(value).strip()

    def number(
        self, data: dict[str, Any], name: str, key: str, default: int, low: int, high: int
    ) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(name, f"は {low}〜{high} の整数で書きます。", f"例：{default}")
        return value

    def path(self, data: dict[str, Any], name: str, key: str, default: str | None = None) -> Path:
        value = Path(self.text(data, name, key, default))
        if not value.is_absolute():
            raise self.fail(
                name,
                f"（{value}）が絶対パスではありません。",
                "「/」から始まるパスで書いてください。",
            )
        return value

    def command(self, data: dict[str, Any], name: str, key: str) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v for v in value)
        ):
            raise self.fail(
                name,
                "はコマンドと引数のリストで書きます。",
                "例：[apache2ctl, graceful]",
            )
        return tuple(value)

    def secret(self, data: dict[str, Any], name: str, key: str) -> Secret:
        if isinstance(data.get(key), str | int):
            raise self.fail(
                name,
                "に秘密の値そのものが書かれています。",
                "すぐにその値を Entra ID で作り直し、ここには file（root だけが読めるファイル）か"
                " env（環境変数の名前）を書いてください。"
                "秘密の値は、このファイルにもリポジトリにも書かないでください。",
            )
        spec = self.mapping(data, f"{name}", key)
        file, env = spec.get("file"), spec.get("env")
        if bool(file) == bool(env):
            raise self.fail(
                name,
                "には file（ファイルのパス）か env（環境変数の名前）のどちらか1つを書きます。",
                "秘密の値そのものは、このファイルにもリポジトリにも書かないでください。",
            )
        if file:
            return Secret(file=self.path(spec, f"{name}.file", "file"))
        if not isinstance(env, str) or not re.fullmatch(r"[A-Z_][A-Z0-9_]*", env):
            raise self.fail(
                f"{name}.env",
                "は環境変数の名前（英大文字・数字・_）で書きます。",
                "例：WARDSITE_OIDC_CLIENT_SECRET",
            )
        return Secret(env=env)


def load_settings(path: Path) -> Settings:
    """Read ``path`` (deploy.yml); raise SiteInputError on any problem."""
    name = path.name
    data = read_mapping(path, name, "見本の deploy.yml と同じ形で書いてください。")
    r = _Reader(name)
    server_name = r.text(data, "server_name", "server_name")
    if not _HOST.match(server_name):
        raise r.fail(
            "server_name",
            f"（{server_name}）はホスト名として正しくありません。",
            "例：staff-guide.city-sakura.example",
        )
    tls_data = r.mapping(data, "tls", "tls")
    tls = None
    if tls_data:
        tls = Tls(
            certificate_file=r.path(tls_data, "tls.certificate_file", "certificate_file"),
            key_file=r.path(tls_data, "tls.key_file", "key_file"),
        )
    port = r.number(data, "port", "port", 443 if tls else 80, 1, 65535)
    root = r.path(data, "root", "root")
    keep = r.number(data, "keep_releases", "keep_releases", 5, 2, 100)

    access = r.mapping(data, "access", "access")
    mode = str(access.get("mode", "network"))
    if mode not in ACCESS_MODES:
        raise r.fail(
            "access.mode",
            f"（{mode}）は使えません。",
            f"{' / '.join(ACCESS_MODES)} のどれかを書いてください。",
        )
    networks = _networks(r, access) if mode in ("network", "both") else ()
    entra = _entra_id(r, access) if mode in ("entra-id", "both") else None

    media = data.get("media_sources", []) or []
    if not isinstance(media, list) or not all(
        isinstance(m, str) and _SOURCE.match(m) for m in media
    ):
        raise r.fail(
            "media_sources",
            "は https:// で始まるサーバーのリストで書きます（パスは付けません）。",
            "例：[https://media.city-sakura.example]",
        )

    apache = r.mapping(data, "apache", "apache")
    config_file = (
        r.path(apache, "apache.config_file", "config_file") if apache.get("config_file") else None
    )
    health_url = str(data.get("health_url") or "")
    if health_url and not re.match(r"^https?://", health_url):
        raise r.fail(
            "health_url",
            "は http:// か https:// で始まる URL で書きます。",
            "例：http://127.0.0.1/",
        )
    return Settings(
        file=name,
        server_name=server_name,
        port=port,
        root=root,
        keep_releases=keep,
        mode=mode,
        networks=networks,
        entra_id=entra,
        tls=tls,
        media_sources=tuple(media),
        config_file=config_file,
        check_command=r.command(apache, "apache.check_command", "check_command"),
        reload_command=r.command(apache, "apache.reload_command", "reload_command"),
        health_url=health_url,
        beacon_log_file=(
            r.path(apache, "apache.beacon_log", "beacon_log") if apache.get("beacon_log") else None
        ),
    )


def _networks(r: _Reader, access: dict[str, Any]) -> tuple[str, ...]:
    raw = access.get("networks")
    if not isinstance(raw, list) or not raw:
        raise r.fail(
            "access.networks",
            "が空か、リストになっていません。",
            "サイトを読めるネットワークを「- 10.20.0.0/16」のように1行に1つ書いてください。",
        )
    out = []
    for i, item in enumerate(raw, 1):
        try:
            out.append(str(ipaddress.ip_network(str(item), strict=True)))
        except ValueError:
            raise r.fail(
                f"access.networks の {i} 番目",
                f"（{item}）はネットワークの書き方（CIDR）として正しくありません。",
                "「10.20.0.0/16」のように、ネットワークの先頭のアドレスと「/」の後ろに長さを書いてください。",
            ) from None
    return tuple(out)


def _entra_id(r: _Reader, access: dict[str, Any]) -> EntraId:
    spec = r.mapping(access, "access.entra_id", "entra_id")
    if not spec:
        raise r.fail(
            "access.entra_id",
            "が書かれていません。",
            "テナント ID・クライアント ID・秘密の置き場所を書いてください"
            "（README「区のサーバーで公開する」）。",
        )
    tenant = r.text(spec, "access.entra_id.tenant_id", "tenant_id")
    client = r.text(spec, "access.entra_id.client_id", "client_id")
    for field_name, value in (("tenant_id", tenant), ("client_id", client)):
        if not _GUID.match(value) and not spec.get("metadata_url"):
            raise r.fail(
                f"access.entra_id.{field_name}",
                f"（{value}）は Entra ID の ID の形"
                "（xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx）ではありません。",
                "Entra 管理センターの「アプリの登録」の「概要」から写してください。",
            )
    group = spec.get("required_group")
    if group is not None and (not isinstance(group, str) or not group.strip()):
        raise r.fail(
            "access.entra_id.required_group",
            "が空です。",
            "グループのオブジェクト ID を書くか、この行を消してください。",
        )
    metadata = str(spec.get("metadata_url") or "")
    if metadata and not re.match(
        r"^https?://[^\s\"]+/\.well-known/openid-configuration$", metadata
    ):
        raise r.fail(
            "access.entra_id.metadata_url",
            "は …/.well-known/openid-configuration で終わる URL で書きます。",
            "ふつうは書きません（tenant_id から決まります）。",
        )
    if "login.microsoftonline.com" in metadata and f"/{tenant}/" not in metadata:
        raise r.fail(
            "access.entra_id.metadata_url",
            "に区のテナント ID が入っていません"
            "（common や organizations は、ほかの組織の人も通してしまいます）。",
            "この行を消してください（tenant_id から決まります）。",
        )
    return EntraId(
        tenant_id=tenant,
        client_id=client,
        client_secret=r.secret(spec, "access.entra_id.client_secret", "client_secret"),
        crypto_passphrase=r.secret(spec, "access.entra_id.crypto_passphrase", "crypto_passphrase"),
        required_group=group.strip() if group else None,
        metadata_url=metadata,
    )
