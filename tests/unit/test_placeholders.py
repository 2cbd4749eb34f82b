import pytest

from wardsite.errors import SiteInputError
from wardsite.placeholders import expand, expand_meta

ORG = {"helpdesk": {"phone": "03-0000-0000", "extension": "2100"}}


def test_placeholders_are_filled() -> None:
    text = "電話 {{ org.helpdesk.phone }}（内線 {{org.helpdesk.extension}}）"
    assert expand(text, ORG, "a.md") == "電話 03-0000-0000（内線 2100）"


def test_unknown_key_names_page_and_key() -> None:
    with pytest.raises(SiteInputError) as info:
        expand("{{ org.helpdesk.fax }}", ORG, "help/index.md")
    assert "help/index.md" in str(info.value)
    assert "org.helpdesk.fax" in str(info.value)


def test_other_template_like_text_is_left_alone() -> None:
    text = "{{ config.site_name }} {% include 'x' %} {{ 1 + 1 }}"
    assert expand(text, ORG, "a.md") == text


def test_front_matter_strings_are_filled() -> None:
    meta = {"title": "{{ org.helpdesk.phone }} に電話", "hide": ["toc"]}
    expand_meta(meta, ORG, "a.md")
    assert meta == {"title": "03-0000-0000 に電話", "hide": ["toc"]}
