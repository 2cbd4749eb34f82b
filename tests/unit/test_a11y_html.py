"""wardsite.a11y: names for task-list checkboxes and Material's landmarks."""

from __future__ import annotations

import re

import markdown

from wardsite.a11y import TASK_ID_PREFIX, label_task_items, name_landmarks

CHECKLIST = """\
- [ ] 自席のパソコンに[サインイン](first-signin.md)する
- [x] 仮のパスワードを変える
    - [ ] 12文字以上にする
- 普通の項目

1. [ ] 番号付きのリストでも

- [ ] ゆるいリスト

- [ ] 段落に入った項目
"""


def _render(text: str) -> str:
    return markdown.markdown(
        text,
        extensions=["pymdownx.tasklist"],
        extension_configs={"pymdownx.tasklist": {"custom_checkbox": True}},
    )


def _names(html: str) -> dict[str, str]:
    """checkbox number -> the text its aria-labelledby points at."""
    labelled = re.findall(r'<input type="checkbox"[^>]*aria-labelledby="([^"]+)"', html)
    texts = {}
    for ident in labelled:
        match = re.search(rf'<span id="{ident}">(.*?)</span>', html, re.DOTALL)
        assert match, f"{ident} points at nothing"
        texts[ident] = re.sub(r"<[^>]+>", "", match.group(1)).strip()
    return texts


def test_every_checkbox_is_named_by_its_own_item_text() -> None:
    html = label_task_items(_render(CHECKLIST))
    boxes = re.findall(r'<input type="checkbox"[^>]*>', html)
    assert len(boxes) == 6
    assert all("aria-labelledby" in box for box in boxes), boxes
    assert list(_names(html).values()) == [
        "自席のパソコンにサインインする",
        "仮のパスワードを変える",  # not the nested item's text
        "12文字以上にする",
        "番号付きのリストでも",
        "ゆるいリスト",
        "段落に入った項目",
    ]
    assert '<a href="first-signin.md">サインイン</a>' in html  # the link still works


def test_ids_are_unique_and_the_rest_of_the_page_is_unchanged() -> None:
    source = _render(CHECKLIST)
    html = label_task_items(source)
    ids = re.findall(rf'id="({TASK_ID_PREFIX}\d+)"', html)
    assert len(ids) == len(set(ids)) == 6
    assert (
        label_task_items("<p>チェックリストのないページ</p>") == "<p>チェックリストのないページ</p>"
    )
    restored = re.sub(rf' aria-labelledby="{TASK_ID_PREFIX}\d+"', "", html)
    restored = re.sub(
        rf'<span id="{TASK_ID_PREFIX}\d+">(.*?)</span>(?=<ul|<ol|</li>|</p>)',
        r"\1",
        restored,
        flags=re.DOTALL,
    )
    assert restored == source


MATERIAL = """<html lang="{lang}"><body>
<div class="md-search" data-md-component="search" role="dialog">
<div class="md-search__inner" role="search">
<nav class="md-search__options" aria-label="検索"></nav></div></div>
<nav class="md-nav md-nav--primary" aria-label="ナビゲーション">
<label class="md-nav__link " for="__nav_7_1" id="__nav_7_1_label" tabindex="">
  <span class="md-nav__icon md-icon"></span></label>
<nav class="md-nav" data-md-level="2" aria-labelledby="__nav_7_1_label" aria-expanded="false">
  <label class="md-nav__title" for="__nav_7_1"><span class="md-nav__icon md-icon"></span>
    情報セキュリティ
  </label></nav>
<label class="md-nav__link md-nav__link--active" for="__toc">目次</label>
<nav class="md-nav md-nav--secondary" aria-label="目次"></nav></nav>
<nav class="md-nav md-nav--secondary" aria-label="目次"></nav>
<nav class="md-path" aria-label="ナビゲーション" ></nav>
<aside class="md-source-file">最終更新日</aside>
<nav class="md-footer__inner md-grid" aria-label="フッター" ></nav>
</body></html>"""


def _landmarks(html: str) -> list[str]:
    return re.findall(r'<(?:nav|aside|div)[^>]*aria-label="([^"]*)"', html)


def test_landmarks_get_distinct_names_in_the_page_language() -> None:
    ja = _landmarks(name_landmarks(MATERIAL.format(lang="ja")))
    assert ja == [
        "サイト内検索",
        "サイト内検索",  # the dialog and the search landmark in it: different roles
        "検索の操作",
        "ナビゲーション",
        "情報セキュリティ",
        "このページの目次（メニュー内）",
        "目次",
        "パンくずリスト",
        "ページの情報",
        "前後のページ",
    ]
    navs = ja[2:]
    assert len(navs) == len(set(navs))
    en = _landmarks(name_landmarks(MATERIAL.format(lang="en")))
    assert {"Site search", "Breadcrumbs", "Previous and next page", "About this page"} <= set(en)


def test_naming_twice_changes_nothing() -> None:
    once = name_landmarks(MATERIAL.format(lang="ja"))
    assert name_landmarks(once) == once
