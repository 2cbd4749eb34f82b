from pathlib import Path

import pytest
import yaml

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


def _org_with(tmp_path: Path, section: str, key: str, value: str) -> Path:
    org = yaml.safe_load((ROOT / "org.yml").read_text("utf-8"))
    org[section][key] = value
    path = tmp_path / "org.yml"
    path.write_text(yaml.safe_dump(org, allow_unicode=True), "utf-8")
    return path


def test_shipped_org_file_has_the_ward_settings_pages_quote() -> None:
    org = load_org(ROOT / "org.yml")
    for key in (
        "id.lockout_attempts",
        "id.lockout_minutes",
        "id.pc_lockout_attempts",
        "id.pc_lockout_minutes",
        "retention.recycle_bin_days",
        "retention.onedrive_after_leaving_days",
        "retention.mailbox_after_leaving_days",
    ):
        assert str(lookup(org, key)).isdigit(), key


@pytest.mark.parametrize(
    ("section", "key", "value", "expected"),
    [
        ("retention", "recycle_bin_days", "365", "7〜180"),
        ("retention", "recycle_bin_days", "93日", "数字"),
        ("retention", "onedrive_after_leaving_days", "10", "30〜3650"),
        ("id", "lockout_attempts", "0", "1〜"),
        ("id", "pc_lockout_minutes", "", "値を書いてください"),
    ],
)
def test_ward_settings_out_of_range_name_field_and_range(
    tmp_path: Path, section: str, key: str, value: str, expected: str
) -> None:
    with pytest.raises(SiteInputError) as info:
        load_org(_org_with(tmp_path, section, key, value))
    message = str(info.value)
    assert f"{section}.{key}" in message and "org.yml" in message
    assert expected in message


def test_settings_written_as_yaml_numbers_are_accepted(tmp_path: Path) -> None:
    org = load_org(_org_with(tmp_path, "retention", "recycle_bin_days", 120))  # type: ignore[arg-type]
    assert lookup(org, "retention.recycle_bin_days") == 120


def test_section_of_the_wrong_shape_is_named_in_japanese(tmp_path: Path) -> None:
    org = yaml.safe_load((ROOT / "org.yml").read_text("utf-8"))
    org["helpdesk"] = ["ITヘルプデスク", "03-5555-0100"]
    path = tmp_path / "org.yml"
    path.write_text(yaml.safe_dump(org, allow_unicode=True), "utf-8")
    with pytest.raises(SiteInputError) as info:
        load_org(path)
    assert (info.value.file, info.value.field) == ("org.yml", "helpdesk")
    assert "「項目: 値」の形" in str(info.value)


def test_facts_written_as_yaml_numbers_are_kept_as_written(tmp_path: Path) -> None:
    org = load_org(_org_with(tmp_path, "helpdesk", "extension", 2100))  # type: ignore[arg-type]
    assert lookup(org, "helpdesk.extension") == 2100
