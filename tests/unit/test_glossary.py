from pathlib import Path

import markdown
import pytest

from wardsite.admonitions import add_default_titles
from wardsite.errors import SiteInputError
from wardsite.figures import tidy_lightbox_html
from wardsite.glossary import abbreviations, glossary_markdown, load_terms
from wardsite.org import load_org

ROOT = Path(__file__).resolve().parents[2]
ORG = load_org(ROOT / "org.yml")


def _render(text: str) -> str:
    return markdown.markdown(text, extensions=["wardsite.markdown_abbr", "admonition"])


def test_terms_are_found_in_japanese_text_without_spaces() -> None:
    html = _render(
        "MFAの設定とLGWAN接続系。\n\n*[MFA]: 多要素認証\n*[LGWAN]: 総合行政ネットワーク\n"
    )
    assert '<abbr title="多要素認証">MFA</abbr>の設定' in html
    assert '<abbr title="総合行政ネットワーク">LGWAN</abbr>接続系' in html


def test_only_the_first_occurrence_outside_headings_links_and_code_is_marked() -> None:
    html = _render(
        "# MFA とは\n\n[MFA](a.md) と `MFA` と MFA と MFA。XMFA も。\n\n*[MFA]: 多要素認証\n"
    )
    assert html.count("<abbr") == 1
    assert "<h1>MFA とは</h1>" in html and "<code>MFA</code>" in html
    assert "XMFA" in html and ">XMFA<" not in html


def test_shipped_glossary_loads_in_both_languages() -> None:
    terms = load_terms(ROOT / "data" / "glossary" / "terms.yml", ROOT / "docs", ORG)
    ja = {e.term for e in terms["ja"]}
    assert {"MFA", "LGWAN", "α′モデル", "無害化", "画面転送", ORG["id"]["name"]} <= ja
    assert "*[MFA]: 多要素認証" in abbreviations(terms["ja"])
    assert any(e.term == "MFA" and e.tooltip.startswith("Multi") for e in terms["en"])


def test_glossary_page_links_are_relative_to_the_page() -> None:
    terms = load_terms(ROOT / "data" / "glossary" / "terms.yml", ROOT / "docs", ORG)
    text = glossary_markdown(terms["ja"], "help/glossary.md", "ja")
    assert "MFA\n:   多要素認証。" in text and "(../start/mfa-setup.md)" in text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("terms: []\n", "用語を1つ以上"),
        ("terms:\n  - term: MFA\n", "tooltip"),
        (
            "terms:\n  - term: A\n    tooltip: x\n    link: ../../etc/passwd.md\n",
            "docs/ にありません",
        ),
        ("terms:\n  - term: A\n    tooltip: x\n  - term: A\n    tooltip: y\n", "2回"),
        ("terms:\n  - term: A\n    tooltip: x\n    en: text\n", "en"),
    ],
)
def test_bad_glossary_entries_get_japanese_messages(
    tmp_path: Path, body: str, expected: str
) -> None:
    path = tmp_path / "terms.yml"
    path.write_text(body, "utf-8")
    with pytest.raises(SiteInputError) as info:
        load_terms(path, ROOT / "docs", ORG)
    assert "terms.yml" in str(info.value) and expected in str(info.value)


def test_admonitions_without_title_get_a_japanese_one() -> None:
    text = (
        '!!! note\n    a\n\n??? warning\n    b\n\n!!! tip "自分の題"\n    c\n\n```\n!!! note\n```\n'
    )
    out = add_default_titles(text, "ja")
    assert '!!! note "メモ"' in out and '??? warning "注意"' in out
    assert '!!! tip "自分の題"' in out and "```\n!!! note\n```" in out
    assert add_default_titles(text, "en") == text
    assert '<p class="admonition-title">メモ</p>' in _render(out)


def test_enlarged_picture_keeps_alt_text() -> None:
    html = '<a class="glightbox" href="a.svg"><img alt="図の説明" src="a.svg"></a>'
    assert 'data-alt="図の説明"' in tidy_lightbox_html(html)
    assert tidy_lightbox_html(tidy_lightbox_html(html)).count("data-alt") == 1


def test_lightbox_document_wrapper_is_removed() -> None:
    # mkdocs-glightbox (selectolax) returns a whole document for a fragment.
    html = '<div lang="ja">\n<html><head></head><body><h1>T</h1><p>本文</p></body></html>\n</div>'
    assert tidy_lightbox_html(html) == '<div lang="ja">\n<h1>T</h1><p>本文</p>\n</div>'
