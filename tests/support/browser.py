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
