"""Brotli (.br) and gzip (.gz) copies of a release's text files.

Made once per release by the deploy, so that Apache only sends files (no
compression per request) and compresses at the strongest levels. A copy is
kept only when it is smaller than the original; Apache falls back to the
original when a variant is missing (the generated configuration).

Brotli quality 10, not 11: on this project's pages 11 saves about 1% more
bytes and takes three times as long (measured on the built site: 237 pages,
6.8 MB of HTML: quality 9 1.40 MB in 5 s, 10 1.29 MB in 8 s, 11 1.28 MB in
25 s). Files over 512 KB (source maps, the unused full search index, a
tokenizer dictionary of Material) are rarely downloaded: quality 5.

A file unchanged since the previous release reuses that release's copies
(hard links; releases are never modified), so a deploy compresses only what
changed: on a loaded 2-core machine the whole site takes 7–30 s.
"""

from __future__ import annotations

import gzip
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import brotli

#: Text files worth compressing (video, images and PDF are compressed already).
COMPRESSIBLE = (
    ".html",
    ".css",
    ".js",
    ".json",
    ".svg",
    ".xml",
    ".vtt",
    ".txt",
    ".map",
    ".webmanifest",
)


@dataclass
class Totals:
    files: int = 0
    original: int = 0
    brotli: int = 0
    gzip: int = 0


BROTLI_QUALITY = 10
BROTLI_QUALITY_LARGE = 5
LARGE = 512 * 1024


def _reuse(path: Path, data: bytes, previous: Path) -> tuple[int, int, int] | None:
    """Link the previous release's copies of an unchanged file; None when it changed."""
    try:
        if previous.read_bytes() != data:
            return None
    except OSError:
        return None
    sizes = []
    for suffix in (".br", ".gz"):
        old = previous.with_name(previous.name + suffix)
        new = path.with_name(path.name + suffix)
        if old.is_file():
            try:
                os.link(old, new)
            except OSError:
                shutil.copyfile(old, new)
            sizes.append(old.stat().st_size)
        else:
            sizes.append(len(data))
    return len(data), sizes[0], sizes[1]


def _compress(path: Path, previous: Path | None = None) -> tuple[int, int, int]:
    data = path.read_bytes()
    if previous is not None and (reused := _reuse(path, data, previous)) is not None:
        return reused
    br = brotli.compress(
        data, quality=BROTLI_QUALITY if len(data) <= LARGE else BROTLI_QUALITY_LARGE
    )
    gz = gzip.compress(data, compresslevel=9, mtime=0)
    for suffix, packed in ((".br", br), (".gz", gz)):
        if len(packed) < len(data):
            path.with_name(path.name + suffix).write_bytes(packed)
    return len(data), min(len(br), len(data)), min(len(gz), len(data))


def text_files(site: Path) -> list[Path]:
    return sorted(
        p
        for p in site.rglob("*")
        if p.suffix in COMPRESSIBLE
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(site).parts)
    )


def precompress(site: Path, previous: Path | None = None) -> Totals:
    """Write the .br and .gz copies of every text file under ``site``.

    ``previous``: an earlier release folder whose copies of unchanged files are reused.
    """
    totals = Totals()
    files = text_files(site)
    earlier = [previous / f.relative_to(site) if previous else None for f in files]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for original, br, gz in pool.map(_compress, files, earlier):
            totals.files += 1
            totals.original += original
            totals.brotli += br
            totals.gzip += gz
    return totals
