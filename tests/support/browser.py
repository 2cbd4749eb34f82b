"""Debian's Chromium driven by Playwright, kept inside this machine."""

from __future__ import annotations

from typing import Any
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


#: An init script recording Content-Security-Policy violations before any of the page's scripts run.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') +
    ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
"""


def csp_violations(page: object) -> list[str]:
    """The violations CSP_LISTENER recorded on the current document."""
    return page.evaluate("() => window.__cspViolations")  # type: ignore[attr-defined]


def watch_page(page: Any) -> tuple[list[str], list[str]]:
    """Record every request URL and uncaught JavaScript error of ``page``.

    Returns the two lists, filled as the page runs; the fixtures check them
    with :func:`assert_quiet` after the test.
    """
    page.set_default_timeout(10_000)
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    return requests, errors


def assert_quiet(requests: list[str], errors: list[str]) -> None:
    """No request left 127.0.0.1 and no JavaScript error was thrown."""
    outside = [u for u in requests if is_outside(u)]
    assert not outside, f"requests left 127.0.0.1: {outside}"
    assert not errors, f"JavaScript errors: {errors}"
