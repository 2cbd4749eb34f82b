from pathlib import Path

import pytest

from wardsite.errors import SiteInputError
from wardsite.org import load_org, localized, lookup

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_org_file_loads_with_required_facts() -> None:
    org = load_org(ROOT / "org.yml")
    assert lookup(org, "helpdesk.phone")
    assert lookup(org, "site.name")


def test_missing_required_field_names_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "org.yml"
    path.write_text("ward:\n  name: テスト区\nsite:\n  name: x\n  description: y\n", "utf-8")
    with pytest.raises(SiteInputError) as info:
        load_org(path)
    message = str(info.value)
    assert "org.yml" in message
    assert "helpdesk.name" in message


def test_broken_yaml_gives_japanese_message(tmp_path: Path) -> None:
    path = tmp_path / "org.yml"
    path.write_text("ward: [unclosed\n", "utf-8")
    with pytest.raises(SiteInputError, match="YAML"):
        load_org(path)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(SiteInputError, match="見つかりません"):
        load_org(tmp_path / "org.yml")


def test_localized_prefers_language_variant() -> None:
    data = {"helpdesk": {"hours": "平日", "hours_en": "Weekdays", "phone": "03"}}
    assert localized(data, "en") == {"helpdesk": {"hours": "Weekdays", "phone": "03"}}
    assert localized(data, "ja")["helpdesk"]["hours"] == "平日"
