"""The faq: settings block → source and options, with Japanese errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from wardsite.errors import SiteInputError
from wardsite.faq.config import setup_from_config
from wardsite.faq.sources.zendesk import ZendeskSource


def test_zendesk_settings(tmp_path: Path) -> None:
    setup = setup_from_config(
        {
            "adapter": "zendesk",
            "base_url": "https://example.zendesk.com",
            "exclude_sections": [360099],
            "token_env": "WARD_FAQ_TOKEN",
            "strict": True,
            "allowed_user_segments": [360000777, "42"],
        },
        root=tmp_path,
    )
    assert isinstance(setup.source, ZendeskSource)
    assert setup.options.strict
    assert setup.state_path == tmp_path / ".cache/faq/faq-snapshot.json"
    assert setup.source.config.exclude_sections == frozenset({"360099"})
    assert setup.source.config.allowed_user_segments == frozenset({"360000777", "42"})


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"adapter": "zendesk", "base_url": "https://x", "token": "abc"}, "faq.token"),
        ({"adapter": "ftp"}, "faq.adapter"),
        ({"adapter": "zendesk", "base_url": "x"}, "faq.base_url"),
        ({"adapter": "file"}, "faq.path"),
        (
            {"adapter": "zendesk", "base_url": "https://x", "allowed_user_segments": "signed_in"},
            "faq.allowed_user_segments",
        ),
        (
            {"adapter": "zendesk", "base_url": "https://x", "allowed_user_segments": ["everyone"]},
            "faq.allowed_user_segments",
        ),
    ],
)
def test_bad_settings_name_the_field(tmp_path: Path, raw: dict, field: str) -> None:
    with pytest.raises(SiteInputError) as caught:
        setup_from_config(raw, root=tmp_path)
    assert caught.value.field == field and caught.value.file == "mkdocs.yml"
