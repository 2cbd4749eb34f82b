"""FAQ pages converted once per shape give exactly the HTML of their own conversion."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.structure.pages import _HTMLHandler

from wardsite.faq.render import render_site
from wardsite.faq.skeleton import make_skeleton, new_marker
from wardsite.faq.snapshot import load_snapshot
from wardsite.org import load_org

from .markdown_site import body_of, site_markdown
from .test_hostile import hostile_pages  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[2]
ORG = load_org(ROOT / "org.yml")
GUIDES = {"account/password-reset": "パスワードを再設定する", "start/mfa-setup": "MFA の設定"}


def _bundled_pages() -> dict[str, str]:
    snapshot = load_snapshot(ROOT / "data/faq/snapshot/faq-snapshot.json")
    assert snapshot is not None and snapshot.entries
    pages = render_site(
        snapshot,
        helpdesk=lambda lang: ORG["helpdesk"],
        guides=lambda lang: GUIDES,
        note=lambda lang: None,
    )
    return {p.path: p.text for p in pages}


def _raw_ids(text: str) -> set[str]:
    """The ids MkDocs collects from a page's raw HTML (its own parser)."""
    parser = _HTMLHandler()
    parser.feed(text)
    parser.close()
    return parser.present_anchor_ids


def _assert_same_as_own_conversion(pages: dict[str, str]) -> int:
    """Every page: skeleton conversion + fill == the page's own conversion; returns shapes."""
    md = site_markdown()
    marker = new_marker()
    shapes: set[str] = set()
    for path, text in pages.items():
        body = body_of(text)
        own = md.reset().convert(body)
        own_toc = md.toc_tokens
        skeleton = make_skeleton(body, marker)
        shapes.add(skeleton.text)
        assert marker not in own
        filled = skeleton.fill(md.reset().convert(skeleton.text))
        assert filled == own, path
        assert md.toc_tokens == own_toc, path
        assert _raw_ids(skeleton.text) | skeleton.anchor_ids == _raw_ids(body), path
    return len(shapes)


def test_bundled_faq_pages_convert_the_same_from_their_shape() -> None:
    pages = _bundled_pages()
    shapes = _assert_same_as_own_conversion(pages)
    # Entries differ only in their raw blocks: a few shapes for ~100 pages.
    assert shapes < len(pages) / 5


def test_hostile_faq_pages_convert_the_same_from_their_shape(hostile_pages) -> None:  # noqa: F811
    _, pages, _ = hostile_pages
    _assert_same_as_own_conversion(pages)


def test_first_block_after_the_front_matter_is_a_slot() -> None:
    """The body starts with a newline after the front matter (failed before the fix:
    the question stayed in the skeleton, so every entry had its own shape)."""
    body = body_of(next(t for p, t in _bundled_pages().items() if p == "faq/4400101.md"))
    skeleton = make_skeleton(body, "m")
    assert "パスワードを忘れました" not in skeleton.text
    assert skeleton.text.startswith('\n<div data-wardsite-slot="m-0"></div>')


@pytest.mark.parametrize(
    "chunk",
    [
        "<p>a<p>b</p>",  # not closed: Markdown would read on into the next block
        "<div>a</div><div>b</div>",  # two elements
        "<div>a</div> tail *text*",  # text after the element is Markdown
        '<div class="x" markdown>a</div>',  # converted by md_in_html
        "<span>inline</span>",  # not a block
        "<p>a<!-- c --></p>",
        "<p>a</p>\n<p>b</p>",  # two lines
    ],
)
def test_only_one_balanced_block_on_one_line_becomes_a_slot(chunk: str) -> None:
    skeleton = make_skeleton(f"<p>ok</p>\n\n{chunk}\n\n<p>ok</p>", "m")
    assert chunk in skeleton.text
    assert len(skeleton.values) == 2


def test_fill_refuses_missing_or_repeated_markers() -> None:
    skeleton = make_skeleton("<p>a</p>\n\n<p>b</p>", "m")
    first, second = skeleton.values
    assert skeleton.fill(f"{first}{second}") == "<p>a</p><p>b</p>"
    assert skeleton.fill(first) is None
    assert skeleton.fill(f"{first}{second}{second}") is None


def test_filled_text_is_not_searched_for_markers_again() -> None:
    """A page whose own text names the next marker cannot move text around."""
    marker = new_marker()
    body = f'<p>{marker}s1 <div data-wardsite-slot="{marker}-1"></div></p>\n\n<p>b</p>'
    skeleton = make_skeleton(body, marker)
    slots = list(skeleton.values)
    filled = skeleton.fill("".join(slots))
    assert filled == body.replace("\n\n", "")
