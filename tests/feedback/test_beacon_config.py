"""The beacon part of the generated Apache configuration and its setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.deployment import write_settings
from wardsite.errors import SiteInputError
from wardsite_ops.apache import render_site_config, required_modules
from wardsite_ops.beacon import LOG_FORMAT
from wardsite_ops.settings import load_settings

NETWORK = {"mode": "network", "networks": ["10.0.0.0/8"]}


def test_beacon_log_is_its_own_with_time_status_and_fields_only(tmp_path: Path) -> None:
    settings = load_settings(write_settings(tmp_path, 8080, NETWORK))
    assert settings.beacon_log == tmp_path / "srv" / "logs" / "beacon.log"
    config = render_site_config(settings, [], tmp_path / "secrets.conf")
    assert f'GlobalLog "{settings.beacon_log}" "{LOG_FORMAT}" env=wardsite_beacon' in config
    assert LOG_FORMAT == "%{%Y-%m-%dT%H:%M:%S%z}t %>s %{X-Wardsite-Beacon}i"
    for personal in ("%a", "%h", "%u", "%{Cookie}i", "%{User-Agent}i", "%r", "%q", "%U"):
        assert personal not in LOG_FORMAT
    # The 204 comes from inside <Location>, i.e. after the access rule of "/".
    assert config.index('<Location "/">') < config.index('<Location "/_wardsite/beacon">')
    assert "setenvif" in required_modules(settings)


def test_beacon_log_setting(tmp_path: Path) -> None:
    apache = {"config_file": str(tmp_path / "site.conf"), "beacon_log": "/var/log/x/beacon.log"}
    settings = load_settings(write_settings(tmp_path, 8080, NETWORK, apache=apache))
    assert settings.beacon_log == Path("/var/log/x/beacon.log")
    apache["beacon_log"] = "logs/beacon.log"
    with pytest.raises(SiteInputError) as error:
        load_settings(write_settings(tmp_path, 8080, NETWORK, apache=apache))
    assert "apache.beacon_log" in str(error.value) and "絶対パス" in str(error.value)
