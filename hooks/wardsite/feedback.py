"""The 「このページは役に立ちましたか？」 box on guides, FAQ answers and session pages.

The build writes the box hidden (it needs JavaScript to send anything);
``overrides/assets/javascripts/feedback.js`` shows it, records the vote in
localStorage (one per page per browser) and sends it as a beacon to
:data:`BEACON_PATH`, which the web server answers with 204 and writes to its
own log (no IP address, user, cookie or user agent; see
``wardsite_ops.beacon``). All words are in the markup so the script has none.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

#: Where the browser sends feedback and search beacons, relative to the site root.
BEACON_PATH = "_wardsite/beacon"

#: Reason codes sent after いいえ, with their words (the order shown).
REASONS: dict[str, dict[str, str]] = {
    "steps": {"ja": "手順どおりにできない", "en": "The steps did not work"},
    "missing": {"ja": "探している情報がない", "en": "What I need is not here"},
    "unclear": {"ja": "分かりにくい", "en": "Hard to understand"},
    "outdated": {"ja": "情報が古い", "en": "Out of date"},
}

_WORDS = {
    "ja": {
        "question": "このページは役に立ちましたか？",
        "yes": "はい",
        "no": "いいえ",
        "reasons": "よろしければ、役に立たなかった理由を1つ選んでください。",
        "thanks": "ご回答ありがとうございました。",
        "thanks-no": "ご回答ありがとうございました。よろしければ、下の理由を1つ選んでください。",
        "thanks-reason": "理由も受け付けました。ありがとうございました。ページの改善に使います。",
        "already": "このページには回答済みです。ありがとうございました。",
    },
    "en": {
        "question": "Was this page helpful?",
        "yes": "Yes",
        "no": "No",
        "reasons": "If you like, choose one reason why it did not help.",
        "thanks": "Thank you for your answer.",
        "thanks-no": "Thank you for your answer. If you like, choose one reason below.",
        "thanks-reason": "Thank you, we received your reason and will use it to improve the page.",
        "already": "You have already answered for this page. Thank you.",
    },
}

#: Pages without the box: lists and the home page (source paths, language-neutral).
_LIST_PAGES = {"index.md", "faq/index.md", "learning/sessions/index.md"}


def applies(src_uri: str, meta: Mapping[str, Any]) -> bool:
    """True for guides, FAQ answers and session pages.

    Front matter ``feedback: false`` leaves the box out.
    """
    if meta.get("feedback") is False:
        return False
    return src_uri not in _LIST_PAGES and not src_uri.startswith("faq/categories/")


def widget_html(lang: str) -> str:
    words = _WORDS.get(lang, _WORDS["ja"])
    status = " ".join(
        f'data-{key}="{escape(words[key])}"'
        for key in ("thanks", "thanks-no", "thanks-reason", "already")
    )
    reasons = "".join(
        f'<button type="button" class="ward-feedback__button" data-reason="{code}">'
        f"{escape(names.get(lang, names['ja']))}</button>"
        for code, names in REASONS.items()
    )
    return (
        '<section class="ward-feedback" data-ward-feedback hidden '
        'aria-labelledby="ward-feedback-title">'
        f'<h2 id="ward-feedback-title" tabindex="-1">{escape(words["question"])}</h2>'
        '<div class="ward-feedback__vote">'
        + "".join(
            f'<button type="button" class="ward-feedback__button" data-vote="{value}">'
            f"{escape(words[name])}</button>"
            for value, name in (("1", "yes"), ("0", "no"))
        )
        + "</div>"
        '<fieldset class="ward-feedback__reasons" hidden>'
        f"<legend>{escape(words['reasons'])}</legend>{reasons}</fieldset>"
        f'<p class="ward-feedback__status" role="status" {status}></p>'
        "</section>"
    )


def add_widget(html: str, lang: str) -> str:
    """The page's HTML with the box at the end of the article (after indexing for search)."""
    end = html.rfind("</article>")
    if end < 0:
        return html
    return html[:end] + widget_html(lang) + html[end:]
