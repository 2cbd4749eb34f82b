""" "Last updated" dates for pages, from git history with a file-time fallback.

One ``git log`` call reads the whole history once per build; pages that git
does not know (new, uncommitted files, or a copy without ``.git``) fall back
to the file's modification time, so a date is always shown.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

#: Japan has no daylight saving time, so a fixed offset is exact.
JST = timezone(timedelta(hours=9), "JST")

_EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def git_dates(root: Path) -> dict[Path, datetime]:
    """Map each file path (absolute) to the date of the last commit touching it."""
    try:
        toplevel = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        log = subprocess.run(
            ["git", "log", "--format=%x00%cI", "--name-only", "--no-renames", "--", "."],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[Path, datetime] = {}
    current: datetime | None = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            current = datetime.fromisoformat(line[1:])
        elif line and current is not None:
            dates.setdefault((Path(toplevel) / line).resolve(), current)
    return dates


def last_updated(path: Path, dates: dict[Path, datetime]) -> datetime:
    """Return the page's last update: its git date, else the file's modification time."""
    known = dates.get(path.resolve())
    if known is not None:
        return known
    return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)


def format_date(moment: datetime, lang: str) -> str:
    """Format a date for readers: 2026年11月27日 in Japanese, 27 November 2026 in English."""
    local = moment.astimezone(JST)
    if lang == "ja":
        return f"{local.year}年{local.month}月{local.day}日"
    return f"{local.day} {_EN_MONTHS[local.month - 1]} {local.year}"
