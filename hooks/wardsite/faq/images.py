"""Images in FAQ answers: copied into the site at build time, so no page asks an outside host.

Only images on the helpdesk's own origin are fetched (with the same bounded
:class:`~wardsite.faq.http.HttpClient` as the pull, so the token never goes
elsewhere); only PNG, JPEG, GIF and WebP are kept, recognised by their first
bytes, not by what the server claims (SVG can carry scripts and is refused).
Each image is stored once as ``<cache>/<hash>.<ext>``, the hash taken from its
URL, so later builds — and builds that fall back to the last good snapshot —
use the copy on disk without asking again. Anything else is dropped and the
page shows a visible note (see :mod:`wardsite.faq.sanitize`); a failed image is
not asked for again for a day.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from wardsite.faq.errors import FaqSourceError
from wardsite.faq.http import HttpClient

log = logging.getLogger("wardsite.faq")

#: Where the copies go in the site, relative to the site root.
SITE_DIR = "assets/faq-images"
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_DOWNLOADS_PER_BUILD = 500

_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "png"),
    (b"\xff\xd8\xff", 0, "jpg"),
    (b"GIF87a", 0, "gif"),
    (b"GIF89a", 0, "gif"),
    (b"WEBP", 8, "webp"),
)
_EXTS = frozenset(f".{ext}" for _, _, ext in _SIGNATURES)
#: An image that could not be used is not asked for again for this long.
RETRY_REFUSED_AFTER_S = 24 * 3600


def image_type(data: bytes) -> str | None:
    """File extension for a PNG/JPEG/GIF/WebP image, from its bytes; None otherwise."""
    for signature, offset, ext in _SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            if ext == "webp" and not data.startswith(b"RIFF"):
                continue
            return ext
    return None


class ImageStore:
    """Local copies of helpdesk images. ``client`` None: use only what is on disk."""

    def __init__(self, cache_dir: Path, client: HttpClient | None = None) -> None:
        self.cache_dir = cache_dir
        self.client = client
        self.used: set[str] = set()
        self.downloads = 0

    def local_name(self, src: str) -> str | None:
        """``<hash>.<ext>`` of a local copy of ``src``, downloading it if allowed; else None."""
        key = hashlib.sha256(src.strip().encode("utf-8")).hexdigest()[:32]
        cached = next((p for p in self.cache_dir.glob(f"{key}.*") if p.suffix in _EXTS), None)
        if cached is None and self.client is not None and not self._refused(key):
            cached = self._download(src.strip(), key)
        if cached is None:
            return None
        self.used.add(cached.name)
        return cached.name

    def handler(self, prefix: str):
        """An image handler for :func:`wardsite.faq.sanitize.sanitize_html`;
        ``prefix`` is the relative URL of the site's image folder from the page."""

        def handle(src: str) -> str | None:
            name = self.local_name(src)
            return f"{prefix}{name}" if name else None

        return handle

    def copy_used(self, site_dir: Path) -> int:
        """Copy every image used by this build into ``site_dir/assets/faq-images``."""
        target = site_dir / SITE_DIR
        for name in sorted(self.used):
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.cache_dir / name, target / name)
        return len(self.used)

    def _refused(self, key: str) -> bool:
        marker = self.cache_dir / f"{key}.refused"
        try:
            return time.time() - marker.stat().st_mtime < RETRY_REFUSED_AFTER_S
        except OSError:
            return False

    def _refuse(self, key: str) -> None:
        """Remember a failed image on disk, so the next builds do not ask again."""
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        (self.cache_dir / f"{key}.refused").touch()

    def _download(self, src: str, key: str) -> Path | None:
        assert self.client is not None
        if self.downloads >= MAX_DOWNLOADS_PER_BUILD:
            return None
        self.downloads += 1
        url = urljoin(self.client.base_url, src)
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc.lower()) != self.client.origin:
            self._refuse(key)
            log.info(
                "ヘルプデスク以外のサーバーにある FAQ の画像は取り込みません"
                "（注記に置き換えます）。"
            )
            return None
        try:
            data = self.client.get_bytes(src)
        except FaqSourceError as exc:
            self._refuse(key)
            log.info("FAQ の画像を取り込めませんでした（注記に置き換えます）：%s", exc.reason)
            return None
        ext = image_type(data)
        if ext is None:
            self._refuse(key)
            log.info(
                "FAQ の画像 %s は PNG・JPEG・GIF・WebP ではないため、注記に置き換えます。", key
            )
            return None
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        path = self.cache_dir / f"{key}.{ext}"
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        return path
