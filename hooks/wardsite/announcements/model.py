"""Read and check ``data/announcements.yml``.

File format (the file's own comments explain each field to editors)::

    announcements:
      - title: 在宅勤務の接続サービスが使えません       # 必須
        level: outage              # info（お知らせ）/ maintenance（保守作業）/ outage（障害）
        start: 2026-12-06 09:00    # 必須。時刻を省くと 0:00。タイムゾーンを省くと日本時間
        end: 2026-12-06 18:00      # 必須。日付だけなら、その日の終わりまで
        body: 復旧の見込みは…      # 任意
        sections: [telework]       # 任意。そのフォルダーのページだけにバナーを出す
        link: telework/troubleshooting.md   # 任意。docs/ の中のページ
        link_text: 自宅からつながらないとき   # 任意
        banner: true               # 任意。false ならトップページの一覧だけ
        title_en: …                # 任意。英語のページで使う（body_en, link_text_en も）

Every problem is collected as a SiteInputError naming the file, the entry and
the field, in Japanese, with what to do; an entry with a problem is left out
and the others are still published.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from wardsite.errors import SiteInputError
from wardsite.yamlfile import read_mapping

#: Levels, most urgent first (the order of the home page list).
LEVELS = ("outage", "maintenance", "info")

#: Times without a time zone are Japan time.
JST = dt.timezone(dt.timedelta(hours=9), "JST")

_TEXT_FIELDS = ("title", "body", "link_text")
KNOWN = (
    "level",
    "start",
    "end",
    "sections",
    "link",
    "banner",
    *_TEXT_FIELDS,
    *(f"{name}_en" for name in _TEXT_FIELDS),
)

LINK_HELP = "docs/ の中のページを「telework/troubleshooting.md」の形で書いてください。"
_TIME_HELP = (
    "「2026-12-06 09:00」の形で書いてください（日本時間。ほかのタイムゾーンは "
    "「2026-12-06 09:00+00:00」のように書きます）。"
)


@dataclass(frozen=True)
class Announcement:
    """One checked announcement; texts per language (``ja`` always present)."""

    id: str
    level: str
    start: dt.datetime
    end: dt.datetime
    title: Mapping[str, str]
    body: Mapping[str, str]
    link_text: Mapping[str, str]
    sections: tuple[str, ...] = ()
    link: str | None = None
    banner: bool = True

    def active_at(self, moment: dt.datetime) -> bool:
        return self.start <= moment < self.end

    def text(self, field: str, lang: str) -> tuple[str, str]:
        """(text, language of that text): English when given, else Japanese."""
        values: Mapping[str, str] = getattr(self, field)
        if lang in values:
            return values[lang], lang
        return values.get("ja", ""), "ja"

    def shows_on(self, section: str) -> bool:
        """True when the banner belongs on a page of the top-level folder ``section``."""
        return not self.sections or section in self.sections


@dataclass(frozen=True)
class AnnouncementFile:
    announcements: tuple[Announcement, ...]
    errors: tuple[SiteInputError, ...]


def load_announcements(path: Path, docs_dir: Path) -> AnnouncementFile:
    """Read the file; a missing file means no announcements."""
    if not path.exists():
        return AnnouncementFile((), ())
    name = f"data/{path.name}"
    try:
        data = read_mapping(
            path, name, "見本のとおり「announcements:」の下に「- 」で並べてください。"
        )
    except SiteInputError as exc:
        return AnnouncementFile((), (exc,))
    entries = data.get("announcements")
    if entries is None:
        return AnnouncementFile((), ())
    if not isinstance(entries, list):
        error = SiteInputError(
            name,
            "announcements",
            "が一覧（「- 」で始まる行）になっていません。",
            "お知らせごとに「  - title: …」のように書いてください。",
        )
        return AnnouncementFile((), (error,))
    found: list[Announcement] = []
    errors: list[SiteInputError] = []
    for index, entry in enumerate(entries):
        checker = _EntryChecker(name, index, entry, docs_dir)
        item = checker.check()
        errors.extend(checker.errors)
        if item is not None:
            found.append(item)
    return AnnouncementFile(tuple(found), tuple(errors))


def parse_time(value: object, *, end: bool) -> dt.datetime:
    """A YAML value (datetime, date or text) as an aware datetime; ValueError if not a time.

    A date alone is the start of that day, or for ``end`` the end of it.
    """
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime.combine(value, dt.time()) + (
            dt.timedelta(days=1) if end else dt.timedelta()
        )
    elif isinstance(value, str):
        text = value.strip()
        if len(text) == 10:
            return parse_time(dt.date.fromisoformat(text), end=end)
        moment = dt.datetime.fromisoformat(text)
    else:
        raise ValueError(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=JST)


class _EntryChecker:
    """Checks one entry; collects every problem in ``errors``."""

    def __init__(self, file: str, index: int, entry: object, docs_dir: Path) -> None:
        self.file = file
        self.index = index
        self.entry = entry
        self.docs_dir = docs_dir
        self.errors: list[SiteInputError] = []

    def _where(self, field: str) -> str:
        title = self.entry.get("title") if isinstance(self.entry, Mapping) else None
        named = f"（題名「{title}」）" if isinstance(title, str) and title.strip() else ""
        return f"announcements の {self.index + 1} 番目{named}の {field}"

    def _fail(self, field: str, problem: str, fix: str) -> None:
        self.errors.append(SiteInputError(self.file, self._where(field), problem, fix))

    def check(self) -> Announcement | None:
        entry = self.entry
        if not isinstance(entry, Mapping):
            self._fail(
                "(全体)", "が「項目: 値」の形になっていません。", "見本と同じ形で書いてください。"
            )
            return None
        for key in entry:
            if key not in KNOWN:
                self._fail(
                    str(key),
                    "という項目は使えません。",
                    f"書き間違いでないか確かめてください（使える項目: {', '.join(KNOWN)}）。",
                )
        texts = {name: self._texts(entry, name) for name in _TEXT_FIELDS}
        if not texts["title"].get("ja"):
            self._fail("title", "が空か、書かれていません。", "お知らせの題名を書いてください。")
        level = entry.get("level", "info")
        if level not in LEVELS:
            self._fail(
                "level",
                f"「{level}」は使えません。",
                "info（お知らせ）・maintenance（保守作業）・outage（障害）のどれかを書いてください。",
            )
        start = self._time(entry, "start")
        end = self._time(entry, "end")
        if start and end and end <= start:
            self._fail(
                "end",
                "が start より前か、同じ時刻です。",
                "終わりの日時を start より後にしてください。",
            )
        sections = self._sections(entry.get("sections"))
        link = self._link(entry.get("link"))
        banner = entry.get("banner", True)
        if not isinstance(banner, bool):
            self._fail(
                "banner",
                "は true か false で書きます。",
                "バナーを出さないときだけ false と書いてください。",
            )
        if self.errors or start is None or end is None:
            return None
        digest = hashlib.sha256(
            "\x1f".join(
                [level, start.isoformat(), texts["title"]["ja"], texts["body"].get("ja", "")]
            ).encode("utf-8")
        ).hexdigest()
        return Announcement(
            id=digest[:12],
            level=level,
            start=start,
            end=end,
            title=texts["title"],
            body=texts["body"],
            link_text=texts["link_text"],
            sections=sections,
            link=link,
            banner=banner,
        )

    def _texts(self, entry: Mapping[str, Any], name: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for lang, key in (("ja", name), ("en", f"{name}_en")):
            value = entry.get(key)
            if value is None:
                continue
            if not isinstance(value, str | int | float) or isinstance(value, bool):
                self._fail(key, "が文字になっていません。", "1つの文として書いてください。")
                continue
            text = " ".join(str(value).split())
            if text:
                out[lang] = text
        return out

    def _time(self, entry: Mapping[str, Any], key: str) -> dt.datetime | None:
        value = entry.get(key)
        if value is None or value == "":
            self._fail(key, "が書かれていません。", _TIME_HELP)
            return None
        try:
            return parse_time(value, end=key == "end")
        except (ValueError, TypeError, OverflowError):
            self._fail(key, f"「{value}」を日時として読めません。", _TIME_HELP)
            return None

    def _sections(self, value: object) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self._fail(
                "sections",
                "が一覧になっていません。",
                "「sections: [telework, network]」の形で書いてください。",
            )
            return ()
        folders = sorted(
            p.name for p in self.docs_dir.iterdir() if p.is_dir() and p.name != "assets"
        )
        out: list[str] = []
        for item in value:
            name = str(item).strip().strip("/")
            if name not in folders:
                self._fail(
                    "sections",
                    f"の「{item}」は docs/ のフォルダーではありません。",
                    f"次のどれかを書いてください: {', '.join(folders)}。",
                )
            else:
                out.append(name)
        return tuple(out)

    def _link(self, value: object) -> str | None:
        """The page's source path in docs/ (``telework/troubleshooting.md``).

        Whether the page exists is checked later, with :func:`check_links`,
        once the build knows its generated pages too.
        """
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            self._fail("link", "が文字になっていません。", LINK_HELP)
            return None
        rel = PurePosixPath(value.strip().lstrip("/"))
        if rel.suffix != ".md" or ".." in rel.parts:
            self._fail("link", f"の「{value}」はページ（.md）ではありません。", LINK_HELP)
            return None
        return str(rel)


def page_url(src: str) -> str:
    """The site URL of a page source path: ``a/b.md`` → ``a/b/``, ``a/index.md`` → ``a/``."""
    stem = PurePosixPath(src).with_suffix("")
    url = str(stem.parent) if stem.name == "index" else str(stem)
    return "" if url == "." else f"{url}/"


def check_links(
    file: AnnouncementFile, pages: Collection[str], name: str = "data/announcements.yml"
) -> AnnouncementFile:
    """Leave out announcements whose ``link`` is not one of ``pages`` (source paths)."""
    kept: list[Announcement] = []
    errors = list(file.errors)
    for item in file.announcements:
        if item.link is None or item.link in pages:
            kept.append(item)
            continue
        errors.append(
            SiteInputError(
                name,
                f"題名「{item.title['ja']}」のお知らせの link",
                f"の「{item.link}」というページがありません。",
                LINK_HELP,
            )
        )
    return AnnouncementFile(tuple(kept), tuple(errors))
