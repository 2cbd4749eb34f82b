"""Draw the guides' figures into docs/assets/figures/ (run after editing a figure).

    .venv/bin/python scripts/figures/make_figures.py

Each figure is written in Japanese (<name>.svg) and, for pages that have an
English translation, in English (<name>.en.svg). Pictures of screens are
simplified illustrations, marked 「画面のイメージ」 on the picture itself; an
editor may replace one with a real screenshot (WRITING.md explains how).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import yaml
from svgkit import LINE, MUTED, PALE, WIDTH, arrow, rect, screen, steps, table, text, wrap

OUT = Path(__file__).resolve().parents[2] / "docs" / "assets" / "figures"
IMG = {"ja": "画面のイメージ", "en": "Illustration"}


def network(lang: str) -> str:
    """The α′ model: which system sits where and how the PC reaches it."""
    ja = lang == "ja"

    def t(japanese: str, english: str) -> str:
        return japanese if ja else english

    body = rect(12, 12, WIDTH - 24, 150, PALE, LINE, 2, 10)
    body += text(
        26, 40, t("LGWAN接続系（ふだんのパソコン）", "LGWAN side (your usual PC)"), 18, 700
    )
    body += rect(28, 54, 200, 92, "#fff") + text(
        128, 94, t("自席のパソコン", "Your PC"), 18, 700, "middle"
    )
    body += text(128, 122, t("ふだんの仕事に使う", "For everyday work"), 15, 400, "middle", MUTED)
    body += rect(252, 54, 200, 92, "#fff") + text(
        352, 94, t("業務システム", "Work systems"), 18, 700, "middle"
    )
    body += text(352, 122, t("財務会計・文書管理", "Finance, documents"), 15, 400, "middle", MUTED)
    body += text(352, 140, t("（LGWAN の側）", "(on the LGWAN side)"), 15, 400, "middle", MUTED)
    body += arrow(228, 100, 250, 100)
    # Microsoft 365 directly, internet by screen transfer, My Number separate.
    body += arrow(100, 148, 100, 206)
    body += rect(12, 208, 216, 104, "#fff", LINE, 2, 10)
    body += text(120, 238, "Microsoft 365", 18, 700, "middle")
    body += text(120, 264, t("区が認めた先にだけ", "Only approved"), 15, 400, "middle", MUTED)
    body += text(120, 284, t("直接つなぐ", "services, direct"), 15, 400, "middle", MUTED)
    body += arrow(352, 148, 352, 206)
    body += rect(240, 208, 228, 104, "#fff", LINE, 2, 10)
    body += text(354, 238, t("インターネット", "Internet"), 18, 700, "middle")
    body += text(354, 264, t("画面転送で見る", "Seen by screen"), 15, 400, "middle", MUTED)
    body += text(
        354, 284, t("（画面だけが届く）", "transfer (picture only)"), 15, 400, "middle", MUTED
    )
    body += rect(12, 330, WIDTH - 24, 62, "#f5f5f5", MUTED, 2, 10)
    body += text(
        WIDTH / 2,
        356,
        t("マイナンバー利用事務系（住民記録・税）", "My Number systems"),
        17,
        700,
        "middle",
    )
    body += text(
        WIDTH / 2,
        380,
        t("専用の端末だけで使う。ふだんのパソコンとは別", "Only on their own PCs"),
        15,
        400,
        "middle",
        MUTED,
    )
    title = t("α′モデルのネットワークの図", "The α′ model network")
    return wrap(body, 404, title)


def help_three(lang: str) -> str:
    ja = lang == "ja"
    items = (
        [
            "近くの DXサポーターに聞く\n課の中の相談相手。気軽に",
            "ヘルプデスクに電話する\n仕事が止まったとき",
            "研修の録画を見る\n字幕付き。何度でも見返せる",
        ]
        if ja
        else [
            "Ask a DX supporter near you\nA colleague in your section",
            "Call the IT Helpdesk\nWhen your work has stopped",
            "Watch the training videos\nWith captions, any time",
        ]
    )
    return steps("助けてもらう3つの方法" if ja else "Three ways to get help", items)


def flow(
    ja: list[str],
    en: list[str] | None = None,
    note: tuple[str, str] = ("", ""),
    mark: int | None = None,
    title: tuple[str, str] = ("", ""),
) -> Callable[[str], str]:
    def draw(lang: str) -> str:
        items = ja if lang == "ja" or en is None else en
        return steps(
            title[0] if lang == "ja" else title[1],
            items,
            note[0] if lang == "ja" else note[1],
            mark,
        )

    return draw


def shot(
    app: str,
    sidebar: list[str],
    main: list[tuple[str, str]],
    picked: dict[str, int],
    note: str,
    title: str,
    height: int = 330,
) -> Callable[[str], str]:
    def draw(lang: str) -> str:
        return screen(title, app, sidebar, main, picked, note, IMG[lang], height)

    return draw


def compare(
    head: tuple[str, str], rows: list[tuple[str, str]], note: str, title: str
) -> Callable[[str], str]:
    def draw(lang: str) -> str:
        return table(title, head, rows, note)

    return draw


def bilingual(ja: Callable[[str], str], en: Callable[[str], str]) -> Callable[[str], str]:
    """Use a separate drawing for English when the layout needs other words."""
    return lambda lang: ja(lang) if lang == "ja" else en(lang)


# name -> (drawing, languages). Keep text short: the generator stops on overflow.
FIGURES: dict[str, tuple[Callable[[str], str], tuple[str, ...]]] = {
    "help-three-ways": (help_three, ("ja", "en")),
    "network-alpha-prime": (network, ("ja", "en")),
    "signin-mfa-flow": (
        flow(
            [
                "IDを入れる\n{id}@… の形",
                "パスワードを入れる",
                "パソコンに2けたの番号が出る",
                "スマートフォンに番号を入れる\n「はい」を押す",
                "サインインできた",
            ],
            [
                "Enter your ID",
                "Enter your password",
                "A 2-digit number appears\non your PC",
                "Type it on your phone\nand select Yes",
                "You are signed in",
            ],
            title=("サインインと MFA の流れ", "Signing in with MFA"),
        ),
        ("ja", "en"),
    ),
    "mfa-setup-flow": (
        flow(
            [
                "スマートフォンにアプリを入れる\nMicrosoft Authenticator",
                "パソコンで「セキュリティ情報」",
                "QR コードを読む",
                "番号を入れて確かめる",
                "「成功」と出たら完了",
            ],
            [
                "Install the Authenticator app",
                "Open Security info on your PC",
                "Scan the QR code",
                "Type the number to test",
                "Done when it says Success",
            ],
            title=("MFA を設定する流れ", "Setting up MFA"),
        ),
        ("ja", "en"),
    ),
    "mfa-phone-change-flow": (
        flow(
            [
                "古いスマートフォンは消さずに残す",
                "新しいスマートフォンにアプリを入れる",
                "「セキュリティ情報」で追加する",
                "新しい方で番号を確かめる",
                "古い方を一覧から削除する",
            ],
            [
                "Keep the old phone for now",
                "Install the app on the new phone",
                "Add it in Security info",
                "Test it with the number",
                "Delete the old phone from the list",
            ],
            title=("スマートフォンを替える順番", "Changing your phone"),
        ),
        ("ja", "en"),
    ),
    "first-day-flow": (
        flow(
            [
                "パソコンの電源を入れる",
                "統合IDでサインインする\n初めてのパスワードを変える",
                "MFA を設定する",
                "Teams と Outlook を開く",
                "困ったら DXサポーターへ",
            ],
            [
                "Turn on your PC",
                "Sign in with your staff ID\nChange the first password",
                "Set up MFA",
                "Open Teams and Outlook",
                "Ask your DX supporter",
            ],
            title=("初日にやることの順番", "Your first day, in order"),
        ),
        ("ja", "en"),
    ),
    "first-signin-screen": (
        shot(
            "Windows",
            [],
            [
                ("h", "サインイン"),
                ("t", "12345678@city-sakura.example"),
                ("b", "パスワード"),
                ("b", "→（サインイン）"),
                ("t", "パスワードを忘れた場合"),
            ],
            {"パスワード": 1, "→（サインイン）": 2},
            "赤い枠の順に入れます",
            "サインイン画面",
        ),
        ("ja",),
    ),
    "start-overview": (
        compare(
            ("前の環境", "新しい環境"),
            [
                ("IDがシステムごと", "統合ID 1つ"),
                ("添付でファイル", "リンクで共有"),
                ("庁内だけで仕事", "テレワークもできる"),
                ("紙の回覧", "Teams のチャネル"),
            ],
            "何が変わったか",
            "新しい環境で変わること",
        ),
        ("ja",),
    ),
    "account-overview": (
        flow(
            [
                "統合ID 1つで全部に入る\nパソコン・Microsoft 365 など",
                "パスワード＋MFA で本人確認",
                "異動してもIDは同じ",
                "退職日の23時59分に止まる",
            ],
            [
                "One staff ID for everything\nPC, Microsoft 365 and more",
                "Password + MFA prove it is you",
                "Same ID after a transfer",
                "Stops at 23:59 on your last day",
            ],
            title=("統合IDのあらまし", "Your staff ID at a glance"),
        ),
        ("ja", "en"),
    ),
    "password-reset-flow": (
        flow(
            [
                "「パスワードを忘れた場合」を押す",
                "IDと画面の文字を入れる",
                "スマートフォンで本人確認",
                "新しいパスワードを2回入れる",
                "新しいパスワードでサインイン",
            ],
            [
                "Select Forgot password",
                "Enter your ID and the characters",
                "Confirm on your phone",
                "Type the new password twice",
                "Sign in with the new password",
            ],
            title=("パスワードを自分で再設定する流れ", "Resetting your password"),
        ),
        ("ja", "en"),
    ),
    "lockout-two-locks": (
        bilingual(
            compare(
                ("Microsoft 365 の画面", "パソコンの画面"),
                [
                    ("Teams・Outlook\nOneDrive など", "Windows の\nサインイン"),
                    ("同じ間違いは\n1回と数える", "続けて間違えた\n回数で数える"),
                    ("再設定で\nすぐ解ける", "待つか\nヘルプデスク"),
                ],
                "2つのロックは別々に数えます",
                "2種類のロック",
            ),
            compare(
                ("Microsoft 365", "Your PC"),
                [
                    ("Teams, Outlook,\nOneDrive…", "Windows\nsign-in"),
                    ("Same wrong\npassword = 1", "Counts wrong\ntries in a row"),
                    ("Reset password:\nunlocked at once", "Wait, or ask\nthe helpdesk"),
                ],
                "The two locks are counted separately",
                "Two kinds of lock",
            ),
        ),
        ("ja", "en"),
    ),
    "transfer-timeline": (
        flow(
            [
                "異動の前：課の文書を SharePoint へ",
                "異動日の朝：新しい課の権限が付く",
                "異動日の翌日：前の課の権限が外れる",
                "IDもメールも OneDrive もそのまま",
            ],
            [
                "Before: files to SharePoint",
                "Morning of the day: new access",
                "Next day: old access removed",
                "ID, email and OneDrive stay",
            ],
            title=("人事異動のときの流れ", "What happens when you transfer"),
        ),
        ("ja", "en"),
    ),
    "leave-timeline": (
        flow(
            [
                "休みに入る前：引き継ぎと自動応答",
                "休みの間：アカウントは一時停止\nメールは届き続ける",
                "復帰の日の朝：自動で使える",
                "MFA を設定し直すことがある",
            ],
            [
                "Before: hand over, set auto-reply",
                "During leave: account paused\nemail still arrives",
                "Morning you return: it works",
                "You may need to set up MFA again",
            ],
            title=("休職・育児休業のときの流れ", "Taking long leave"),
        ),
        ("ja", "en"),
    ),
    "retirement-timeline": (
        flow(
            [
                "退職の前：ファイルを課の SharePoint へ",
                "退職日の23時59分：サインインできない",
                "決めた日数：メールと OneDrive を保管",
                "そのあと：削除の手続き",
            ],
            [
                "Before: move files to SharePoint",
                "23:59 on your last day: no sign-in",
                "Set days: mail and OneDrive kept",
                "Then: they are deleted",
            ],
            title=("退職のときの流れ", "When you leave"),
        ),
        ("ja", "en"),
    ),
    "staff-types": (
        bilingual(
            compare(
                ("働き方", "ID"),
                [
                    ("正規・再任用", "統合ID（自動）"),
                    ("会計年度任用", "統合ID（自動）"),
                    ("派遣", "期限付きID\n課長が申請"),
                    ("委託", "期限付きID\n課長が申請"),
                ],
                "だれが申請するか",
                "働き方ごとのID",
            ),
            compare(
                ("Type of staff", "ID"),
                [
                    ("Regular,\nre-employed", "Staff ID\n(automatic)"),
                    ("Fiscal-year\nappointee", "Staff ID\n(automatic)"),
                    ("Agency staff", "ID with end date\nmanager applies"),
                    ("Contractor", "ID with end date\nmanager applies"),
                ],
                "Who applies for the ID",
                "IDs by type of staff",
            ),
        ),
        ("ja", "en"),
    ),
    "teams-overview": (
        bilingual(
            shot(
                "Microsoft Teams",
                ["チャット", "チーム", "予定表", "通話"],
                [
                    ("h", "総務課"),
                    ("t", "一般"),
                    ("t", "予算"),
                    ("b", "投稿を開始"),
                    ("t", "チャネル＝話題ごとの部屋"),
                ],
                {"チーム": 1},
                "左側でチャットとチームを切り替えます",
                "Teams の画面",
            ),
            shot(
                "Microsoft Teams",
                ["Chat", "Teams", "Calendar", "Calls"],
                [
                    ("h", "General Affairs"),
                    ("t", "General"),
                    ("t", "Budget"),
                    ("b", "Start a post"),
                    ("t", "Channel = a room for a topic"),
                ],
                {"Teams": 1},
                "Switch between chats and teams on the left",
                "The Teams screen",
            ),
        ),
        ("ja", "en"),
    ),
    "teams-chat": (
        bilingual(
            shot(
                "Microsoft Teams",
                ["チャット", "チーム", "予定表"],
                [
                    ("h", "新しいチャット"),
                    ("t", "宛先：名前を入れる"),
                    ("b", "メッセージを入力"),
                    ("b", "送信 ➤"),
                ],
                {"チャット": 1, "メッセージを入力": 2, "送信 ➤": 3},
                "番号の順に押します",
                "チャットを送る",
            ),
            shot(
                "Microsoft Teams",
                ["Chat", "Teams", "Calendar"],
                [
                    ("h", "New chat"),
                    ("t", "To: type a name"),
                    ("b", "Type a message"),
                    ("b", "Send ➤"),
                ],
                {"Chat": 1, "Type a message": 2, "Send ➤": 3},
                "Select them in number order",
                "Sending a chat",
            ),
        ),
        ("ja", "en"),
    ),
    "teams-channels": (
        bilingual(
            shot(
                "Microsoft Teams",
                ["チャット", "チーム"],
                [
                    ("h", "総務課 ＞ 一般"),
                    ("b", "投稿"),
                    ("b", "ファイル"),
                    ("t", "ふつうのチャネル：全員が読める"),
                    ("t", "🔒 プライベート：メンバーだけ"),
                ],
                {"チーム": 1, "ファイル": 2},
                "「ファイル」は課の SharePoint です",
                "チャネルとファイル",
            ),
            shot(
                "Microsoft Teams",
                ["Chat", "Teams"],
                [
                    ("h", "General Affairs > General"),
                    ("b", "Posts"),
                    ("b", "Files"),
                    ("t", "Standard channel: all can read"),
                    ("t", "🔒 Private: members only"),
                ],
                {"Teams": 1, "Files": 2},
                "Files are your section's SharePoint",
                "Channels and files",
            ),
        ),
        ("ja", "en"),
    ),
    "teams-meeting": (
        bilingual(
            shot(
                "Microsoft Teams",
                ["チャット", "予定表"],
                [
                    ("h", "係の打ち合わせ 10:00"),
                    ("b", "参加"),
                    ("t", "カメラ・マイクを確かめる"),
                    ("b", "今すぐ参加"),
                ],
                {"予定表": 1, "参加": 2, "今すぐ参加": 3},
                "予定表から会議に入ります",
                "会議に参加する",
            ),
            shot(
                "Microsoft Teams",
                ["Chat", "Calendar"],
                [
                    ("h", "Unit meeting 10:00"),
                    ("b", "Join"),
                    ("t", "Check camera and microphone"),
                    ("b", "Join now"),
                ],
                {"Calendar": 1, "Join": 2, "Join now": 3},
                "Join meetings from your calendar",
                "Joining a meeting",
            ),
        ),
        ("ja", "en"),
    ),
    "teams-external": (
        flow(
            [
                "Outlook の予定表で会議を作る",
                "相手のメールアドレスを入れる",
                "相手はロビーで待つ",
                "主催者が「参加許可」を押す",
            ],
            [
                "Create the meeting in Outlook",
                "Enter the guests' email addresses",
                "Guests wait in the lobby",
                "The organiser selects Admit",
            ],
            title=("庁外の人との会議の流れ", "A meeting with people outside"),
        ),
        ("ja", "en"),
    ),
    "teams-presence": (
        bilingual(
            shot(
                "Microsoft Teams",
                [],
                [
                    ("h", "在席状況"),
                    ("b", "連絡可能"),
                    ("b", "取り込み中"),
                    ("b", "応答不可"),
                    ("b", "状態をリセット"),
                ],
                {"取り込み中": 1, "状態をリセット": 2},
                "自分で選んだ表示は1日か7日で戻ります",
                "在席状況を変える",
                360,
            ),
            shot(
                "Microsoft Teams",
                [],
                [
                    ("h", "Presence status"),
                    ("b", "Available"),
                    ("b", "Busy"),
                    ("b", "Do not disturb"),
                    ("b", "Reset status"),
                ],
                {"Busy": 1, "Reset status": 2},
                "A status you choose goes back after 1 or 7 days",
                "Changing your status",
                360,
            ),
        ),
        ("ja", "en"),
    ),
    "teams-mobile": (
        flow(
            [
                "公用スマートフォンに Teams を入れる",
                "統合IDでサインイン",
                "MFA で本人確認",
                "通知の時間を決める",
            ],
            [
                "Install Teams on your work phone",
                "Sign in with your staff ID",
                "Confirm it is you with MFA",
                "Choose when notifications come",
            ],
            title=("スマートフォンで Teams を使う", "Using Teams on a smartphone"),
        ),
        ("ja", "en"),
    ),
    "outlook-overview": (
        bilingual(
            shot(
                "Outlook",
                ["受信トレイ", "送信済み", "予定表"],
                [
                    ("h", "受信トレイ"),
                    ("t", "件名・差出人の一覧"),
                    ("b", "新しいメール"),
                    ("b", "報告"),
                ],
                {"新しいメール": 1},
                "あやしいメールは「報告」で知らせます",
                "Outlook の画面",
            ),
            shot(
                "Outlook",
                ["Inbox", "Sent", "Calendar"],
                [
                    ("h", "Inbox"),
                    ("t", "List of subjects and senders"),
                    ("b", "New mail"),
                    ("b", "Report"),
                ],
                {"New mail": 1},
                "Report suspicious emails with Report",
                "The Outlook screen",
            ),
        ),
        ("ja", "en"),
    ),
    "outlook-calendar": (
        bilingual(
            shot(
                "Outlook",
                ["メール", "予定表"],
                [
                    ("h", "新しい会議"),
                    ("t", "出席者を入れる"),
                    ("b", "スケジュール アシスタント"),
                    ("b", "送信"),
                ],
                {"予定表": 1, "スケジュール アシスタント": 2, "送信": 3},
                "空いている時間を見て送ります",
                "会議を調整する",
            ),
            shot(
                "Outlook",
                ["Mail", "Calendar"],
                [
                    ("h", "New meeting"),
                    ("t", "Add the attendees"),
                    ("b", "Scheduling Assistant"),
                    ("b", "Send"),
                ],
                {"Calendar": 1, "Scheduling Assistant": 2, "Send": 3},
                "Find a free time, then send",
                "Arranging a meeting",
            ),
        ),
        ("ja", "en"),
    ),
    "outlook-shared-mailbox": (
        bilingual(
            shot(
                "Outlook",
                ["自分あて", "課の共有"],
                [("h", "somuka@…（課の共有）"), ("t", "受信トレイ"), ("b", "差出人を選ぶ")],
                {"課の共有": 1, "差出人を選ぶ": 2},
                "差出人を課のアドレスにして送ります",
                "共有メールボックス",
            ),
            shot(
                "Outlook",
                ["Mine", "Section"],
                [("h", "somuka@… (section)"), ("t", "Inbox"), ("b", "Choose From")],
                {"Section": 1, "Choose From": 2},
                "Send with the section's address as From",
                "Shared mailbox",
            ),
        ),
        ("ja", "en"),
    ),
    "outlook-send-links": (
        bilingual(
            compare(
                ("添付で送る", "リンクで送る"),
                [
                    ("相手の数だけ\nコピーができる", "元のファイルは\n1つだけ"),
                    ("あとから\n取り消せない", "あとから\n共有を止められる"),
                ],
                "区ではリンクで送ります",
                "添付とリンクの違い",
            ),
            compare(
                ("Attachment", "Link"),
                [
                    ("A copy for\neach person", "Only one\noriginal file"),
                    ("Cannot be\ntaken back", "You can stop\nsharing later"),
                ],
                "The ward sends links",
                "Attachments and links",
            ),
        ),
        ("ja", "en"),
    ),
    "outlook-recall": (
        flow(
            [
                "区の中あて？",
                "はい：送信済みアイテムで開く\n「このメッセージを取り消す」",
                "レポートのメールを確かめる",
                "区の外あて：取り消せない\nすぐ上司に報告する",
            ],
            [
                "Sent inside the ward?",
                "Yes: open it in Sent Items\nRecall This Message",
                "Check the report email",
                "Outside the ward: no recall\nTell your manager at once",
            ],
            title=("メールを取り消すとき", "Recalling an email"),
        ),
        ("ja", "en"),
    ),
    "files-where": (
        bilingual(
            compare(
                ("置き場所", "置くもの"),
                [
                    ("OneDrive", "自分だけの\n下書き"),
                    ("Teams・\nSharePoint", "課で使う文書"),
                    ("パソコンの中", "置かない"),
                ],
                "課の文書は課の置き場所へ",
                "ファイルの置き場所",
            ),
            compare(
                ("Place", "What goes there"),
                [
                    ("OneDrive", "Drafts only\nyou use"),
                    ("Teams,\nSharePoint", "Section documents"),
                    ("On the PC", "Nothing"),
                ],
                "Section documents go in the section's place",
                "Where files go",
            ),
        ),
        ("ja", "en"),
    ),
    "files-save": (
        bilingual(
            shot(
                "エクスプローラー",
                ["OneDrive", "この PC"],
                [
                    ("h", "OneDrive - {ward}"),
                    ("t", "☁ オンラインのみ  ✓ 同期済み"),
                    ("b", "ここに保存"),
                ],
                {"OneDrive": 1, "ここに保存": 2},
                "左側の OneDrive を選んで保存します",
                "OneDrive に保存する",
            ),
            shot(
                "File Explorer",
                ["OneDrive", "This PC"],
                [
                    ("h", "OneDrive - {ward}"),
                    ("t", "☁ Online only  ✓ Synced"),
                    ("b", "Save here"),
                ],
                {"OneDrive": 1, "Save here": 2},
                "Choose OneDrive on the left and save",
                "Saving to OneDrive",
            ),
        ),
        ("ja", "en"),
    ),
    "files-share": (
        bilingual(
            shot(
                "OneDrive",
                [],
                [
                    ("h", "共有"),
                    ("b", "特定のユーザー"),
                    ("t", "名前かメールアドレスを入れる"),
                    ("b", "送信"),
                ],
                {"特定のユーザー": 1, "送信": 2},
                "「特定のユーザー」が基本です",
                "ファイルを共有する",
            ),
            shot(
                "OneDrive",
                [],
                [
                    ("h", "Share"),
                    ("b", "Specific people"),
                    ("t", "Enter a name or email address"),
                    ("b", "Send"),
                ],
                {"Specific people": 1, "Send": 2},
                'Use "Specific people" normally',
                "Sharing a file",
            ),
        ),
        ("ja", "en"),
    ),
    "files-sharing-rules": (
        bilingual(
            compare(
                ("情報", "共有できる範囲"),
                [
                    ("機密性1", "庁外も可"),
                    ("機密性2", "庁外は期限付き\n課長の了承"),
                    ("機密性3", "庁外に出さない"),
                ],
                "迷ったら課長に聞きます",
                "共有の決まり",
            ),
            compare(
                ("Information", "Who may get it"),
                [
                    ("Confidentiality 1", "May go outside"),
                    ("Confidentiality 2", "Outside: time limit\nand manager's OK"),
                    ("Confidentiality 3", "Never outside"),
                ],
                "If unsure, ask your section manager",
                "Sharing rules",
            ),
        ),
        ("ja", "en"),
    ),
    "files-restore": (
        bilingual(
            shot(
                "OneDrive",
                ["ファイル", "ごみ箱"],
                [("h", "ごみ箱"), ("t", "消したファイルの一覧"), ("b", "復元")],
                {"ごみ箱": 1, "復元": 2},
                "ごみ箱から選んで「復元」を押します",
                "ファイルを元に戻す",
            ),
            shot(
                "OneDrive",
                [],
                [("b", "Recycle bin"), ("t", "Files you deleted"), ("b", "Restore")],
                {"Recycle bin": 1, "Restore": 2},
                "Choose the file, then select Restore",
                "Getting a file back",
            ),
        ),
        ("ja", "en"),
    ),
    "files-sharepoint": (
        flow(
            [
                "Teams で課のチームを開く",
                "「ファイル」タブを押す",
                "「SharePoint で開く」",
                "「ドキュメント」に課のファイル",
            ],
            [
                "Open your section's team in Teams",
                "Select the Files tab",
                "Select Open in SharePoint",
                "Section files are in Documents",
            ],
            title=("課の SharePoint を開く", "Opening your section's SharePoint"),
        ),
        ("ja", "en"),
    ),
    "files-coediting": (
        bilingual(
            shot(
                "Word",
                [],
                [
                    ("h", "自動保存 オン"),
                    ("t", "右上：編集中の人の写真"),
                    ("t", "色の印：その人が直している所"),
                    ("b", "コメント"),
                ],
                {"コメント": 1},
                "同じファイルをみんなで同時に直せます",
                "共同編集",
            ),
            shot(
                "Word",
                [],
                [
                    ("h", "AutoSave On"),
                    ("t", "Top right: who is editing"),
                    ("t", "Coloured marks: where they edit"),
                    ("b", "Comment"),
                ],
                {"Comment": 1},
                "Everyone can edit the same file at once",
                "Editing together",
            ),
        ),
        ("ja", "en"),
    ),
    "files-forms": (
        bilingual(
            shot(
                "Microsoft Forms",
                [],
                [
                    ("h", "新しいフォーム"),
                    ("b", "新規追加"),
                    ("t", "選択肢・テキスト・日付"),
                    ("b", "回答の収集"),
                ],
                {"新規追加": 1, "回答の収集": 2},
                "質問を足して、リンクを送ります",
                "フォームを作る",
            ),
            shot(
                "Microsoft Forms",
                [],
                [
                    ("h", "New Form"),
                    ("b", "Add new"),
                    ("t", "Choice, Text, Date"),
                    ("b", "Collect responses"),
                ],
                {"Add new": 1, "Collect responses": 2},
                "Add questions, then send the link",
                "Making a form",
            ),
        ),
        ("ja", "en"),
    ),
    "telework-how": (
        flow(
            [
                "自席のノートパソコンを持ち帰る",
                "自宅の Wi-Fi につなぐ",
                "自動で{vpn}につながる",
                "庁内と同じように仕事ができる",
            ],
            [
                "Take your desk laptop home",
                "Connect to your home Wi-Fi",
                "It joins the {vpn} by itself",
                "Work just as in the office",
            ],
            title=("テレワークのしくみ", "How telework works"),
        ),
        ("ja", "en"),
    ),
    "telework-rules": (
        bilingual(
            compare(
                ("できる", "できない"),
                [
                    ("自宅で仕事", "カフェ・公共Wi-Fi"),
                    ("事前の申請", "紙・USBの持ち出し"),
                    ("機密性2まで", "機密性3の取り扱い"),
                ],
                "テレワークの決まり",
                "テレワークでできること",
            ),
            compare(
                ("You can", "You cannot"),
                [
                    ("Work at home", "Cafés, public Wi-Fi"),
                    ("Apply in advance", "Take paper or USB"),
                    ("Up to Conf. 2", "Handle Conf. 3"),
                ],
                "The telework rules",
                "What you can do when teleworking",
            ),
        ),
        ("ja", "en"),
    ),
    "telework-troubleshooting": (
        flow(
            [
                "Wi-Fi を確かめる",
                "パソコンを再起動する",
                "時計を確かめる",
                "MFA を確かめる",
                "それでもだめならヘルプデスク",
            ],
            [
                "Check the Wi-Fi",
                "Restart the PC",
                "Check the clock",
                "Check MFA",
                "Still stuck: call the helpdesk",
            ],
            title=("つながらないときに試す順番", "What to try, in order"),
        ),
        ("ja", "en"),
    ),
    "network-internet": (
        flow(
            [
                "画面転送のアイコンを開く",
                "統合IDでサインイン",
                "ウィンドウの中で Edge が開く",
                "ホームページの画面だけが届く",
            ],
            [
                "Open the screen-transfer icon",
                "Sign in with your staff ID",
                "Edge opens inside a window",
                "Only a picture of the site arrives",
            ],
            title=("ホームページを見るしくみ", "How viewing websites works"),
        ),
        ("ja", "en"),
    ),
    "network-file-transfer": (
        flow(
            [
                "画面転送でファイルをダウンロード",
                "ファイル無害化システムに送る",
                "マクロなどを取り除く",
                "自分のパソコンに取り込む",
            ],
            [
                "Download in screen transfer",
                "It goes to the sanitising system",
                "Macros and the like are removed",
                "Bring it into your PC",
            ],
            title=("ファイルを取り込む流れ", "Bringing in a file"),
        ),
        ("ja", "en"),
    ),
    "security-levels": (
        bilingual(
            compare(
                ("分類", "例"),
                [
                    ("機密性3", "個人情報\n非公開の情報"),
                    ("機密性2", "公開前の資料"),
                    ("機密性1", "公開してよい情報"),
                ],
                "分類で扱い方が変わります",
                "情報の分類",
            ),
            compare(
                ("Class", "Examples"),
                [
                    ("Confidentiality 3", "Personal data\nNot made public"),
                    ("Confidentiality 2", "Not yet published"),
                    ("Confidentiality 1", "May be made public"),
                ],
                "The class decides how you handle it",
                "Classes of information",
            ),
        ),
        ("ja", "en"),
    ),
    "security-phishing": (
        bilingual(
            shot(
                "Outlook",
                [],
                [
                    ("h", "【至急】パスワードの確認"),
                    ("t", "差出人：知らないアドレス"),
                    ("t", "URL を押さない"),
                    ("b", "報告"),
                    ("b", "フィッシングの報告"),
                ],
                {"報告": 1, "フィッシングの報告": 2},
                "開かずに「報告」します",
                "あやしいメールを報告する",
                360,
            ),
            shot(
                "Outlook",
                [],
                [
                    ("h", "[Urgent] Confirm password"),
                    ("t", "From: an unknown address"),
                    ("t", "Do not select the link"),
                    ("b", "Report"),
                    ("b", "Report phishing"),
                ],
                {"Report": 1, "Report phishing": 2},
                "Do not open it: report it",
                "Reporting a suspicious email",
                360,
            ),
        ),
        ("ja", "en"),
    ),
    "security-lost": (
        flow(
            [
                "なくしたと気づく",
                "すぐヘルプデスクに電話\n閉庁時は緊急電話",
                "遠隔でロック・データ消去",
                "上司に報告する",
            ],
            [
                "You notice it is lost",
                "Phone the helpdesk at once\nOutside hours: emergency phone",
                "Locked and wiped remotely",
                "Report to your manager",
            ],
            title=("なくしたときの流れ", "If you lose a device"),
        ),
        ("ja", "en"),
    ),
    "security-ai": (
        bilingual(
            compare(
                ("情報", "Copilot Chat に"),
                [("機密性1", "入れてよい"), ("機密性2", "必要な部分だけ"), ("機密性3", "入れない")],
                "盾の印を確かめてから使います",
                "生成AIに入れてよい情報",
            ),
            compare(
                ("Information", "In Copilot Chat"),
                [
                    ("Confidentiality 1", "May be entered"),
                    ("Confidentiality 2", "Only what is needed"),
                    ("Confidentiality 3", "Never"),
                ],
                "Check for the shield icon first",
                "What you may enter into AI",
            ),
        ),
        ("ja", "en"),
    ),
    "devices-overview": (
        bilingual(
            compare(
                ("困りごと", "見るページ"),
                [
                    ("印刷・スキャン", "複合機"),
                    ("遅い・固まる", "再起動から"),
                    ("文字が小さい", "拡大・読み上げ"),
                ],
                "機器の困りごと",
                "パソコンと周辺機器",
            ),
            compare(
                ("Problem", "Page to read"),
                [
                    ("Printing, scanning", "The printer pages"),
                    ("Slow, frozen", "Restart first"),
                    ("Text too small", "Zoom, read aloud"),
                ],
                "Device problems",
                "PCs and devices",
            ),
        ),
        ("ja", "en"),
    ),
    "devices-print": (
        flow(
            [
                "パソコンで「印刷」を押す",
                "データが預けられる（24時間）",
                "複合機に職員証をかざす",
                "自分の印刷物だけが出る",
            ],
            [
                "Select Print on your PC",
                "The job is held (24 hours)",
                "Hold your staff ID card to it",
                "Only your printouts come out",
            ],
            title=("印刷のしくみ", "How printing works"),
        ),
        ("ja", "en"),
    ),
    "devices-scan": (
        bilingual(
            shot(
                "複合機",
                [],
                [
                    ("h", "ホーム"),
                    ("b", "スキャン"),
                    ("t", "送り先：自分のメール"),
                    ("b", "スタート"),
                ],
                {"スキャン": 1, "スタート": 2},
                "PDF がメールで届きます",
                "複合機でスキャンする",
            ),
            shot(
                "Multifunction printer",
                [],
                [("h", "Home"), ("b", "Scan"), ("t", "To: your own email"), ("b", "Start")],
                {"Scan": 1, "Start": 2},
                "The PDF arrives by email",
                "Scanning on the printer",
            ),
        ),
        ("ja", "en"),
    ),
    "devices-phone": (
        bilingual(
            compare(
                ("かける先", "押す番号"),
                [("区の中", "内線4けた"), ("区の外", "0＋相手の番号"), ("転送", "保留→内線番号")],
                "庁舎の電話機",
                "電話のかけ方",
            ),
            compare(
                ("Calling", "What to dial"),
                [
                    ("Inside the ward", "4-digit extension"),
                    ("Outside the ward", "0 + the number"),
                    ("Transfer", "Hold → extension"),
                ],
                "Office desk phones",
                "How to make a call",
            ),
        ),
        ("ja", "en"),
    ),
    "devices-wifi": (
        bilingual(
            shot(
                "Windows",
                [],
                [("h", "Wi-Fi"), ("b", "{wifi}"), ("t", "自動的に接続 ✓"), ("b", "接続")],
                {"{wifi}": 1, "接続": 2},
                "パスワードはいりません",
                "庁舎の Wi-Fi",
            ),
            shot(
                "Windows",
                [],
                [
                    ("h", "Wi-Fi"),
                    ("b", "{wifi}"),
                    ("t", "Connect automatically ✓"),
                    ("b", "Connect"),
                ],
                {"{wifi}": 1, "Connect": 2},
                "No password needed",
                "The office Wi-Fi",
            ),
        ),
        ("ja", "en"),
    ),
    "devices-slow": (
        flow(
            [
                "30秒待つ",
                "使っていないアプリを閉じる",
                "保存して再起動する",
                "Ctrl+Alt+Delete\nタスク マネージャー",
                "最後の手段：電源ボタン10秒",
            ],
            [
                "Wait 30 seconds",
                "Close apps you are not using",
                "Save and restart",
                "Ctrl+Alt+Delete\nTask Manager",
                "Last resort: power button 10 s",
            ],
            title=("遅い・固まったときの順番", "When the PC is slow or frozen"),
        ),
        ("ja", "en"),
    ),
    "devices-update": (
        bilingual(
            shot(
                "設定",
                ["更新"],
                [
                    ("h", "再起動が必要です"),
                    ("b", "今すぐ再起動する"),
                    ("b", "再起動のスケジュール"),
                ],
                {"更新": 1, "再起動のスケジュール": 2},
                "時間を選んで再起動できます",
                "Windows Update",
            ),
            shot(
                "Settings",
                ["Update"],
                [("h", "Restart required"), ("b", "Restart now"), ("b", "Schedule the restart")],
                {"Update": 1, "Schedule the restart": 2},
                "Choose a time to restart",
                "Windows Update",
            ),
        ),
        ("ja", "en"),
    ),
    "devices-software": (
        bilingual(
            shot(
                "ポータル サイト",
                ["アプリ"],
                [("h", "区が認めたアプリ"), ("t", "一覧から選ぶ"), ("b", "インストール")],
                {"アプリ": 1, "インストール": 2},
                "一覧にないものは申請します",
                "アプリを入れる",
            ),
            shot(
                "Company Portal",
                ["Apps"],
                [("h", "Ward-approved apps"), ("t", "Choose from the list"), ("b", "Install")],
                {"Apps": 1, "Install": 2},
                "Request anything not in the list",
                "Installing an app",
            ),
        ),
        ("ja", "en"),
    ),
    "devices-accessibility": (
        bilingual(
            shot(
                "設定 ＞ アクセシビリティ",
                ["文字"],
                [
                    ("h", "テキストのサイズ"),
                    ("t", "Aa 見本の文字"),
                    ("b", "つまみを右へ"),
                    ("b", "適用"),
                ],
                {"文字": 1, "つまみを右へ": 2, "適用": 3},
                "Ctrl＋＋ でページだけ大きくもできます",
                "文字を大きくする",
            ),
            shot(
                "Settings > Accessibility",
                ["Text"],
                [
                    ("h", "Text size"),
                    ("t", "Aa sample text"),
                    ("b", "Drag to the right"),
                    ("b", "Apply"),
                ],
                {"Text": 1, "Drag to the right": 2, "Apply": 3},
                "Ctrl + plus enlarges just the page",
                "Making text bigger",
            ),
        ),
        ("ja", "en"),
    ),
    "help-contact": (
        bilingual(
            compare(
                ("急ぎ", "連絡のしかた"),
                [
                    ("仕事が止まった", "電話・内線"),
                    ("急がない", "メール・フォーム"),
                    ("本人確認", "窓口（職員証）"),
                ],
                "用意するもの：ID・資産番号・画面の文字",
                "ヘルプデスクへの連絡",
            ),
            compare(
                ("How urgent", "How to contact"),
                [("Work stopped", "Phone"), ("Not urgent", "Email, form"), ("ID check", "Counter")],
                "Have your ID, asset number, message",
                "Contacting the helpdesk",
            ),
        ),
        ("ja", "en"),
    ),
    "help-dx": (
        flow(
            [
                "ちょっとした操作の質問",
                "課の DXサポーターに聞く",
                "わからなければ一緒にヘルプデスクへ",
            ],
            ["A small question", "Ask your section's DX supporter", "If needed, call the helpdesk"],
            title=("DXサポーターへの相談", "Asking a DX supporter"),
        ),
        ("ja", "en"),
    ),
    "help-maintenance": (
        flow(
            [
                "使えなくなった",
                "お知らせのページを見る",
                "載っている：直るまで待つ",
                "載っていない：再起動",
                "それでもだめ：ヘルプデスク",
            ],
            [
                "Something stopped working",
                "Look at the notices page",
                "Listed: wait until it is fixed",
                "Not listed: restart",
                "Still stuck: call the helpdesk",
            ],
            title=("障害のときの順番", "When something stops working"),
        ),
        ("ja", "en"),
    ),
    "dx-mindset": (
        flow(
            [
                "第1回：なぜ働き方を変えるのか",
                "第2回：ツールで仕事を見直す\n課の業務を1つ選ぶ演習",
                "第3回：チームを率いる\nDXサポーターを支える",
            ],
            [
                "1: Why we change how we work",
                "2: Review work with the tools\nExercise: pick one task",
                "3: Lead your team\nSupport DX supporters",
            ],
            title=("DXマインド研修の流れ", "The DX mindset training"),
        ),
        ("ja", "en"),
    ),
    "learning-path": (
        flow(
            ["第1〜8回：基礎", "第9〜15回：応用", "管理職：DXマインド研修（全3回）"],
            [
                "Sessions 1-8: basics",
                "Sessions 9-15: advanced",
                "Managers: DX mindset (3 sessions)",
            ],
            title=("研修の順番", "The order of the training"),
        ),
        ("ja", "en"),
    ),
}


def org_words(lang: str) -> dict[str, str]:
    """Names from org.yml that figures show, so another ward redraws them by running this."""
    org = yaml.safe_load((OUT.parents[2] / "org.yml").read_text("utf-8"))
    suffix = "" if lang == "ja" else f"_{lang}"

    def pick(section: str, key: str) -> str:
        return str(org[section].get(key + suffix, org[section][key]))

    return {
        "id": org["id"]["example"].split("@")[0],
        "ward": pick("ward", "name"),
        "wifi": org["office"]["wifi_name"],
        "vpn": pick("systems", "vpn"),
    }


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    problems = []
    for name, (draw, langs) in FIGURES.items():
        for lang in langs:
            try:
                svg = draw(lang)
                for key, value in org_words(lang).items():
                    svg = svg.replace("{" + key + "}", value)
            except ValueError as exc:
                problems.append(f"{name} ({lang}): {exc}")
                continue
            path = OUT / (f"{name}.svg" if lang == "ja" else f"{name}.{lang}.svg")
            path.write_text(svg, encoding="utf-8")
    print(f"{OUT}: {sum(len(v[1]) for v in FIGURES.values())} figures")
    print("\n".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
