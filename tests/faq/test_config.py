"""extra.faq + environment → one FaqConfig → source and clients, with Japanese errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from wardsite.errors import SiteInputError
from wardsite.faq.config import load_faq_config
from wardsite.faq.images import MAX_IMAGE_BYTES
from wardsite.faq.publish import make_source
from wardsite.faq.sources.zendesk import ZendeskSource

ZENDESK = {"adapter": "zendesk", "base_url": "https://example.zendesk.com"}


def test_zendesk_settings(tmp_path: Path) -> None:
    config = load_faq_config(
        {
            **ZENDESK,
            "exclude_sections": [360099],
            "token_env": "WARD_HELPDESK_TOKEN",
            "strict": True,
            "allowed_user_segments": [360000777, "42"],
            "timeouts": {"connect": 2, "total": 9},
        },
        {},
    )
    assert config.live and config.strict
    assert config.state_path(tmp_path) == tmp_path / ".cache/faq/faq-snapshot.json"
    source = make_source(config, tmp_path)
    assert isinstance(source, ZendeskSource)
    assert source.config.exclude_sections == frozenset({"360099"})
    assert source.config.allowed_user_segments == frozenset({"360000777", "42"})
    assert (source.client.limits.connect_timeout, source.client.limits.read_timeout) == (2, 15)
    assert source.client.limits.total_timeout == 9


def test_environment_overrides_and_token_is_read_once_here(tmp_path: Path) -> None:
    env = {
        "WARDSITE_FAQ_BASE_URL": "http://127.0.0.1:9/",
        "WARDSITE_FAQ_STRICT": "yes",
        "WARDSITE_FAQ_STATE_DIR": "state",
        "WARD_HELPDESK_TOKEN": " s3cret-token ",
    }
    config = load_faq_config({**ZENDESK, "token_env": "WARD_HELPDESK_TOKEN"}, env)
    assert config.base_url == "http://127.0.0.1:9/" and config.strict
    assert config.state_path(tmp_path) == tmp_path / "state/faq-snapshot.json"
    assert "s3cret-token" not in repr(config) + str(config.model_dump())
    pull, images = config.client(), config.image_client()
    for client in (pull, images):
        assert client.session.headers["Authorization"] == "Bearer s3cret-token"
    assert images.limits.max_bytes == MAX_IMAGE_BYTES and images.limits.retries == 1
    assert pull.limits.max_bytes == config.max_bytes


def test_offline_and_no_address_publish_the_bundle() -> None:
    assert not load_faq_config(None, {}).live
    assert not load_faq_config(ZENDESK, {"WARDSITE_FAQ_OFFLINE": "1"}).live


@pytest.mark.parametrize(
    ("raw", "field", "words"),
    [
        ({**ZENDESK, "token": "abc"}, "extra.faq.token", "秘密の値"),
        ({"adapter": "ftp"}, "extra.faq.adapter", "zendesk・json・file"),
        ({"adapter": "zendesk", "base_url": "x"}, "extra.faq.base_url", "http(s)://"),
        (
            {**ZENDESK, "allowed_user_segments": "signed_in"},
            "extra.faq.allowed_user_segments",
            "番号",
        ),
        (
            {**ZENDESK, "allowed_user_segments": ["everyone"]},
            "extra.faq.allowed_user_segments",
            "[]",
        ),
        ({**ZENDESK, "max_entries": "many"}, "extra.faq.max_entries", "数字"),
        ({**ZENDESK, "timeouts": {"connect": 0}}, "extra.faq.timeouts.connect", "範囲"),
        ({**ZENDESK, "base_ulr": "https://x"}, "extra.faq.base_ulr", "知らない項目"),
    ],
)
def test_bad_settings_name_the_field(raw: dict, field: str, words: str) -> None:
    with pytest.raises(SiteInputError) as caught:
        load_faq_config(raw, {})
    assert caught.value.file == "mkdocs.yml" and caught.value.field == field
    assert words in str(caught.value)


def test_file_adapter_without_a_path_names_the_field(tmp_path: Path) -> None:
    with pytest.raises(SiteInputError) as caught:
        make_source(load_faq_config({"adapter": "file"}, {}), tmp_path)
    assert caught.value.field == "extra.faq.path"
