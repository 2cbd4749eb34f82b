"""Pictures, glossary tooltips and Japanese admonition titles on the built site (issue 11)."""

from __future__ import annotations

import re
from pathlib import Path

from support.builtsite import content_pages

ROOT = Path(__file__).resolve().parents[2]
FIGURES = ROOT / "docs" / "assets" / "figures"
#: A figure is a drawing, not a photo: it must stay small (a screenshot that
#: replaces one has its own limit, see WRITING.md).
MAX_SVG_BYTES = 40_000
MAX_RASTER_BYTES = 300_000
ENGLISH_DEFAULT_TITLES = {
    "Note",
    "Abstract",
    "Summary",
    "Info",
    "Tip",
    "Hint",
    "Important",
    "Success",
    "Question",
    "Warning",
    "Caution",
    "Attention",
    "Failure",
    "Danger",
    "Error",
    "Bug",
    "Example",
    "Quote",
}
IMG = re.compile(r"<img\b[^>]*>")
ALT = re.compile(r'\balt="([^"]*)"')


def _rel(site: Path, page: Path) -> str:
    return page.relative_to(site).as_posix()


def _guides(site: Path) -> list[Path]:
    """Japanese guide pages: not the home page, FAQ answers or session pages."""
    return [
        p
        for p in content_pages(site)
        if not _rel(site, p).startswith(("en/", "faq/", "learning/sessions/"))
        and _rel(site, p) != "index.html"
    ]


def test_every_picture_in_our_pages_has_alt_text(site: Path) -> None:
    missing = []
    for page in content_pages(site):
        if _rel(site, page).startswith(("faq/", "en/faq/")):
            continue  # helpdesk images are checked by the FAQ import
        for tag in IMG.findall(page.read_text("utf-8")):
            if "twemoji" in tag:
                continue
            alt = ALT.search(tag)
            if not alt or len(alt.group(1).strip()) < 5:
                missing.append(f"{_rel(site, page)}: {tag[:90]}")
    assert not missing, "代替テキスト（alt）のない画像があります:\n" + "\n".join(missing)


def test_japanese_pages_describe_pictures_in_japanese(site: Path) -> None:
    for page in _guides(site):
        for tag in IMG.findall(page.read_text("utf-8")):
            if "assets/figures/" in tag:
                alt = ALT.search(tag)
                assert alt and re.search(r"[ぁ-んァ-ヶ一-龠]", alt.group(1)), (page, tag[:80])


def test_english_pages_show_english_figures_described_in_english(site: Path) -> None:
    problems = []
    for page in content_pages(site):
        rel = _rel(site, page)
        html = page.read_text("utf-8")
        if not rel.startswith("en/") or rel.startswith("en/faq/") or '<div lang="ja">' in html:
            continue  # helpdesk answers, and pages shown in Japanese until translated
        for tag in IMG.findall(html):
            src = re.search(r'src="([^"]*assets/figures/[^"]*\.svg)"', tag)
            if not src:
                continue
            # mkdocs-static-i18n serves name.en.svg as en/assets/figures/name.svg.
            svg = (page.parent / src.group(1)).resolve().read_text("utf-8")
            title = re.search(r"<title>([^<]*)</title>", svg)
            if not title or re.search(r"[ぁ-んァ-ヶ]", title.group(1)):
                problems.append(f"{rel}: Japanese figure {src.group(1)}")
            alt = ALT.search(tag)
            if not alt or re.search(r"[ぁ-んァ-ヶ]", alt.group(1)):
                problems.append(f"{rel}: alt text not in English: {tag[:90]}")
    assert not problems, "\n".join(problems)


def test_figure_files_are_small_safe_and_used() -> None:
    sources = "\n".join(p.read_text("utf-8") for p in (ROOT / "docs").rglob("*.md"))
    problems = []
    for path in sorted(FIGURES.iterdir()):
        size = path.stat().st_size
        limit = MAX_SVG_BYTES if path.suffix == ".svg" else MAX_RASTER_BYTES
        if size > limit:
            problems.append(f"{path.name}: {size} bytes > {limit}")
        if f"assets/figures/{path.name}" not in sources:
            problems.append(f"{path.name}: no page uses it")
        if path.suffix == ".svg":
            svg = path.read_text("utf-8")
            if re.search(r"@font-face|@import|<script|https?://(?!www\.w3\.org/2000/svg)", svg):
                problems.append(f"{path.name}: loads fonts, scripts or outside files")
            if "Noto Sans CJK JP" not in svg or "Hiragino Sans" not in svg:
                problems.append(f"{path.name}: not the site's system Japanese font stack")
            if "<title>" not in svg:
                problems.append(f"{path.name}: no <title>")
    assert not problems, "\n".join(problems)


def test_nine_in_ten_guides_have_a_captioned_figure(site: Path) -> None:
    guides = _guides(site)
    with_figure = [
        p for p in guides if re.search(r"<figure>.*?<figcaption>", p.read_text("utf-8"), re.S)
    ]
    without = sorted(_rel(site, p) for p in set(guides) - set(with_figure))
    assert len(with_figure) >= 0.9 * len(guides), f"{len(with_figure)}/{len(guides)}: {without}"


def test_pictures_open_larger_without_outside_requests(site: Path) -> None:
    html = (site / "devices" / "wifi" / "index.html").read_text("utf-8")
    assert 'class="glightbox"' in html
    assert (site / "assets" / "javascripts" / "glightbox.min.js").is_file()
    script = (site / "assets" / "javascripts" / "glightbox.min.js").read_text("utf-8")
    # GLightbox only reaches outside for its video player (Plyr), which loads
    # for video slides alone; our pages open images only. (www.w3.org is the
    # SVG namespace name, never fetched.)
    hosts = set(re.findall(r"""["'](?:https?:)?//([a-z0-9.-]+)""", script))
    assert hosts <= {"cdn.plyr.io", "www.w3.org"}, hosts
    for page in content_pages(site):
        assert 'data-type="video"' not in page.read_text("utf-8"), page


def test_japanese_pages_have_no_english_admonition_title(site: Path) -> None:
    found = []
    for page in content_pages(site):
        if _rel(site, page).startswith("en/"):
            continue
        for title in re.findall(r'class="admonition-title">([^<]*)<', page.read_text("utf-8")):
            if title.strip() in ENGLISH_DEFAULT_TITLES:
                found.append(f"{_rel(site, page)}: {title}")
    assert not found, "\n".join(found)


def test_glossary_lists_terms_with_links_and_pages_show_tooltips(site: Path) -> None:
    glossary = (site / "help" / "glossary" / "index.html").read_text("utf-8")
    for term in (
        "MFA",
        "LGWAN",
        "α′モデル",
        "無害化",
        "画面転送",
        "OneDrive",
        "SharePoint",
        "チャネル",
        "統合ID",
        "テレワーク",
        "DXサポーター",
    ):
        assert f"<dt>{term}</dt>" in glossary, term
    assert "<abbr" not in glossary  # the glossary itself needs no tooltips
    # Japanese text has no spaces: the term is found right before a particle.
    network = (site / "network" / "index.html").read_text("utf-8")
    assert re.search(r'<abbr title="[^"]*総合行政ネットワーク[^"]*">LGWAN</abbr>', network)
    assert network.count(">LGWAN</abbr>") == 1  # first occurrence only
    english = (site / "en" / "start" / "mfa-setup" / "index.html").read_text("utf-8")
    assert re.search(r'<abbr title="Multi-factor authentication[^"]*">MFA</abbr>', english)


def test_readme_lists_the_csp_hashes_of_the_lightbox_inline_code(site: Path) -> None:
    import base64
    import hashlib

    readme = (ROOT / "README.md").read_text("utf-8")
    for path in (site / "devices" / "wifi" / "index.html", site / "en" / "index.html"):
        html = path.read_text("utf-8")
        for tag, kind in (("script", "init-glightbox"), ("style", "glightbox-style")):
            body = re.search(rf'<{tag} id="{kind}">(.*?)</{tag}>', html, re.S)
            assert body, (path, kind)
            digest = base64.b64encode(hashlib.sha256(body.group(1).encode()).digest()).decode()
            assert f"'sha256-{digest}'" in readme, (path, kind, digest)
