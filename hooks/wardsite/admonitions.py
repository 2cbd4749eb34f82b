"""Admonitions without a title get one in the page's language.

Python-Markdown shows the type name ("Note", "Warning") when a ``!!! note``
block has no title, which is English on a Japanese page. Editors may still
write their own title: only blocks without one are changed.
"""

from __future__ import annotations

import re

TITLES: dict[str, dict[str, str]] = {
    "ja": {
        "note": "メモ",
        "abstract": "まとめ",
        "summary": "まとめ",
        "info": "お知らせ",
        "tip": "ヒント",
        "hint": "ヒント",
        "success": "できました",
        "question": "質問",
        "warning": "注意",
        "caution": "注意",
        "attention": "注意",
        "failure": "うまくいかないとき",
        "danger": "危険",
        "error": "エラー",
        "bug": "不具合",
        "example": "例",
        "quote": "引用",
        "important": "重要",
    },
}

#: ``!!! type`` or ``??? type`` / ``???+ type`` with optional extra classes, no title.
_BLOCK = re.compile(
    r"^(?P<lead>[ \t]*(?:!!!|\?\?\?\+?)[ \t]*)(?P<types>[\w-]+(?:[ \t]+[\w-]+)*)[ \t]*$"
)
_FENCE = re.compile(r"^[ \t]*(```|~~~)")


def add_default_titles(markdown: str, lang: str) -> str:
    """Give title-less admonitions a title in ``lang`` (unchanged for other languages)."""
    titles = TITLES.get(lang)
    if not titles:
        return markdown
    out = []
    fence: str | None = None
    for line in markdown.split("\n"):
        marker = _FENCE.match(line)
        if marker:
            fence = None if fence == marker.group(1) else (fence or marker.group(1))
        elif fence is None and (block := _BLOCK.match(line)):
            kind = block.group("types").split()[0].lower()
            title = titles.get(kind, titles["note"])
            line = f'{block.group("lead")}{block.group("types")} "{title}"'
        out.append(line)
    return "\n".join(out)
