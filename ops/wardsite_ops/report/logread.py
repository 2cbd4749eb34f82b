"""Lines of the beacon logs: plain and gzip files, oldest first, bounded in size.

A line longer than :data:`MAX_LINE` bytes is skipped whole (and counted)
without ever holding it in memory; a broken gzip file ends that file (and is
counted), the other files are still read.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

#: Longest line read; the web server's own limit on a request header is 8 KB.
MAX_LINE = 16 * 1024

_ROTATION = re.compile(r"\.(\d+)(\.gz)?$")


@dataclass
class ReadStats:
    files: list[str] = field(default_factory=list)
    lines: int = 0
    too_long: int = 0
    unreadable_files: list[str] = field(default_factory=list)


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files to read: each file given, and for a folder its ``*.log*`` files.

    Oldest first, as logrotate names them: beacon.log.3.gz, beacon.log.2.gz,
    beacon.log.1, beacon.log.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in path.iterdir() if p.is_file() and ".log" in p.name)
        else:
            files.append(path)

    def age(path: Path) -> tuple[str, int]:
        match = _ROTATION.search(path.name)
        base = path.name[: match.start()] if match else path.name
        return (base, -int(match.group(1)) if match else 0)

    return sorted(dict.fromkeys(files), key=age)


def _open(path: Path) -> BinaryIO:
    with path.open("rb") as probe:
        magic = probe.read(2)
    if magic == b"\x1f\x8b":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb", buffering=1024 * 1024)


def read_lines(paths: Iterable[Path], stats: ReadStats) -> Iterator[bytes]:
    """Every line (without its newline) of every file, skipping over-long ones."""
    for path in paths:
        stats.files.append(str(path))
        try:
            handle = _open(path)
        except OSError:
            stats.unreadable_files.append(str(path))
            continue
        try:
            with handle:
                yield from _lines(handle, stats)
        except (OSError, EOFError, zlib.error):
            stats.unreadable_files.append(str(path))


def _lines(handle: BinaryIO, stats: ReadStats) -> Iterator[bytes]:
    readline = handle.readline
    while True:
        line = readline(MAX_LINE)
        if not line:
            return
        stats.lines += 1
        if line.endswith(b"\n"):
            yield line[:-1]
            continue
        if len(line) < MAX_LINE:
            yield line  # the last line, without a newline
            return
        stats.too_long += 1
        while line and not line.endswith(b"\n"):  # skip the rest of it
            line = readline(MAX_LINE)
