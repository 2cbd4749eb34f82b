"""Debian's Chromium driven by Playwright, kept inside this machine."""

from __future__ import annotations

from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"

#: Flags that keep Chromium from calling outside hosts in a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    # Session recordings: a #t= deep link starts playback without a click.
    "--autoplay-policy=no-user-gesture-required",
]

LOCAL_HOSTS = {"127.0.0.1"}


def is_outside(url: str) -> bool:
    """True for a request that would leave this machine (data: and blob: stay inside)."""
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about", "chrome-extension"}:
        return False
    return parts.hostname not in LOCAL_HOSTS
