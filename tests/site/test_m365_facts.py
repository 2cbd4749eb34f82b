"""Microsoft 365 facts stay correct and the same on every page (issue 15).

Each statement was checked against Microsoft Learn; values the ward sets live
in org.yml and pages quote them as placeholders, never as numbers.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))


def _text(rel: str) -> str:
    return (DOCS / rel).read_text("utf-8")


#: Statements that are wrong (pattern, why), in any page or in WRITING.md.
WRONG = [
    (r"戻すまで続きます|stays until you (change|reset) it", "在席状況は1日か7日で戻ります"),
    (r"「拒否」を押|(select|press|tap) \**Deny", "番号の一致では「いいえ、私ではありません」です"),
    (r"通知が来ないと使えません|does not work without notif", "アプリを開けば確認できます"),
    (r"既定のサインイン方法|Default sign-in method", "システム優先の MFA で、設定は不要です"),
    (r"ウイルスが\s*(パソコン|PC)\s*に入(りません|らない)", "「入らない」とは言えません"),
    (r"\d+\s*回続けて(パスワードを)?間違えると", "回数は org.yml（id.lockout_attempts）"),
    (r"\d+\s*分ロック", "時間は org.yml（id.lockout_minutes）"),
    (r"元に戻せません|cannot be restored", "退職後の OneDrive は、管理者が戻せることがあります"),
]


@pytest.mark.parametrize(("pattern", "why"), WRONG, ids=[w[1] for w in WRONG])
def test_no_page_repeats_a_corrected_statement(pattern: str, why: str) -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()[:60]}"
        for path in [*PAGES, ROOT / "WRITING.md"]
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if re.search(pattern, line)
    ]
    assert not found, f"{why}:\n" + "\n".join(found)


def test_unexpected_mfa_prompt_has_the_same_button_on_every_page() -> None:
    # Number matching: the Authenticator shows "いいえ、私ではありません".
    pages = [p for p in PAGES if "身に覚えのない" in p.read_text("utf-8")]
    assert {"start/mfa-setup.md", "telework/troubleshooting.md"} <= {
        p.relative_to(DOCS).as_posix() for p in pages
    }
    for page in pages:
        text = page.read_text("utf-8")
        if "MFA" in text or "通知" in text:
            assert "「いいえ、私ではありません」" in text, page


def test_unexpected_mfa_prompt_has_the_real_english_button() -> None:
    # The English Authenticator says "No, it's not me" (number matching).
    pages = [p for p in PAGES if "request you did not expect" in p.read_text("utf-8")]
    assert {"start/mfa-setup.en.md", "security/phishing.en.md"} <= {
        p.relative_to(DOCS).as_posix() for p in pages
    }
    for page in pages:
        assert "**No, it's not me**" in page.read_text("utf-8"), page


def test_unexpected_mfa_prompt_names_the_authenticator_button_in_english() -> None:
    # The English Authenticator shows "No, it's not me" for a request you did not start.
    for rel in ("start/mfa-setup.en.md", "telework/troubleshooting.en.md"):
        assert "No, it's not me" in _text(rel), rel


def test_manual_presence_expiry_is_stated() -> None:
    text = _text("teams/presence.md")
    assert "「取り込み中」と「応答不可」は1日" in text and "7日" in text
    english = _text("teams/presence.en.md")
    assert "Busy and Do not disturb go back to the automatic status after 1 day" in english
    assert "the other statuses after 7 days" in english


@pytest.mark.parametrize(
    "rel",
    [
        "files/restore.md",
        "files/restore.en.md",
        "account/retirement.md",
        "account/retirement.en.md",
    ],
)
def test_retention_pages_quote_the_ward_setting(rel: str) -> None:
    text = _text(rel)
    assert "{{ org.retention." in text
    # 93 days after the OneDrive retention is Microsoft's fixed second stage;
    # the recycle bin's own period must come from org.yml.
    if rel == "files/restore.md":
        quoted = text.replace("{{ org.retention.recycle_bin_days }}日", "")
        assert not re.search(r"\d+\s*日", quoted)
    if rel == "files/restore.en.md":
        quoted = text.replace("{{ org.retention.recycle_bin_days }} days", "")
        assert not re.search(r"\d+\s*days?\b", quoted)


def test_lockout_page_quotes_both_locks_from_org_file() -> None:
    for rel in ("account/lockout.md", "account/lockout.en.md"):
        text = _text(rel)
        for key in ("lockout_attempts", "lockout_minutes", "pc_lockout_attempts", "pc_lockout_min"):
            assert f"{{{{ org.id.{key}" in text, (rel, key)
    assert "「パスワードを忘れた場合」" in _text("account/lockout.md")


@pytest.mark.parametrize("rel", ["teams/channels.md", "teams/index.md"])
def test_channel_pages_say_private_channels_are_for_members_only(rel: str) -> None:
    assert "プライベート チャネル" in _text(rel)
    assert re.search(r"private channels?\b[^.]*\bmembers", _text(rel.replace(".md", ".en.md")))
