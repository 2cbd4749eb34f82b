"""deploy.yml: validation with Japanese messages, and the access rules it generates."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from support.build import ROOT
from wardsite.errors import SiteInputError
from wardsite_ops.apache import render_site_config
from wardsite_ops.csp import content_security_policy, inline_scripts
from wardsite_ops.settings import load_settings

ENTRA = {
    "tenant_id": "0b7e6f1c-3a52-4c1e-9f0d-5a8e2c4b7d90",
    "client_id": "5f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b",
    "client_secret": {"env": "WARDSITE_OIDC_CLIENT_SECRET"},
    "crypto_passphrase": {"file": "/etc/wardsite/passphrase"},
}


def _write(tmp_path: Path, access: dict, **extra) -> Path:
    data = {"server_name": "guide.example", "root": "/srv/wardsite", "access": access, **extra}
    path = tmp_path / "deploy.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _error(path: Path) -> SiteInputError:
    with pytest.raises(SiteInputError) as info:
        load_settings(path)
    return info.value


def test_the_sample_settings_file_is_valid() -> None:
    settings = load_settings(ROOT / "deploy.yml")
    assert settings.mode == "network" and settings.https and settings.port == 443


def test_bad_network_names_the_entry_and_the_fix(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, {"networks": ["10.20.0.0/16", "10.30.8.1/24"]}))
    assert error.file == "deploy.yml"
    assert error.field == "access.networks の 2 番目"
    assert "CIDR" in error.problem and "10.20.0.0/16" in error.fix


def test_unknown_mode_lists_the_modes(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, {"mode": "password"}))
    assert error.field == "access.mode" and "network / entra-id / both" in error.fix


def test_a_secret_written_in_the_file_is_refused(tmp_path: Path) -> None:
    access = {"mode": "entra-id", "entra_id": {**ENTRA, "client_secret": "s3cr3t"}}
    error = _error(_write(tmp_path, access))
    assert error.field == "access.entra_id.client_secret"
    assert "リポジトリにも書かない" in error.fix


def test_a_multi_tenant_metadata_url_is_refused(tmp_path: Path) -> None:
    common = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration"
    access = {"mode": "entra-id", "entra_id": {**ENTRA, "metadata_url": common}}
    error = _error(_write(tmp_path, access))
    assert error.field == "access.entra_id.metadata_url" and "テナント ID" in error.problem


def test_relative_root_and_missing_file(tmp_path: Path) -> None:
    assert _error(_write(tmp_path, {"networks": ["10.0.0.0/8"]}, root="srv")).field == "root"
    assert "見つかりません" in _error(tmp_path / "none.yml").problem


def _config(tmp_path: Path, access: dict) -> str:
    return render_site_config(load_settings(_write(tmp_path, access)), [], tmp_path / "s.conf")


def test_access_rules_per_mode(tmp_path: Path) -> None:
    network = _config(tmp_path, {"networks": ["10.20.0.0/16", "192.168.1.0/24"]})
    assert "Require ip 10.20.0.0/16 192.168.1.0/24" in network
    assert "openid-connect" not in network
    entra = _config(tmp_path, {"mode": "entra-id", "entra_id": {**ENTRA, "required_group": "g1"}})
    tenant = ENTRA["tenant_id"]
    assert f"login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration" in entra
    assert f'Require claim "tid:{tenant}"' in entra and 'Require claim "groups:g1"' in entra
    assert "Require ip" not in entra
    both = _config(tmp_path, {"mode": "both", "networks": ["10.0.0.0/8"], "entra_id": ENTRA})
    assert both.index("<RequireAny>") < both.index("Require ip 10.0.0.0/8") < both.index("tid:")


def test_policy_allows_inline_scripts_only_by_hash() -> None:
    scripts = inline_scripts('<script>a()</script><script type="application/json">{}</script>')
    assert scripts == ["a()"]
    policy = content_security_policy(["'sha256-abc='"], ["https://media.example"])
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert script_src == "script-src 'self' 'sha256-abc='"
    assert "media-src 'self' https://media.example" in policy
