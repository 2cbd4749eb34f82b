"""The beacon endpoint in the Apache configuration: page feedback and search
telemetry written to their own log, with nothing personal in it.

The browser (overrides/assets/javascripts/beacon.js) sends an empty POST to
:data:`PATH` with the fields URL-encoded in one request header,
:data:`HEADER`. Apache answers 204 (after the site's access rule, so only
readers of the site are counted) and writes one line per beacon to its own
log, in this format (README: ヘルプデスクのための利用状況レポート)::

    2026-12-06T10:15:00+0900 204 v=1&e=search&q=%E3%83%91%E3%82%B9&lang=ja&n=3

    <time, ISO 8601 with offset> <HTTP status> <the header: URL-encoded fields>

No IP address, user name, cookie, user agent or referrer is in that log. The
fields are not in the URL, so the server's ordinary access log, which does
have IP addresses, sees only ``POST /_wardsite/beacon``. ./scripts/report
(wardsite_ops.report) reads the log.
"""

from __future__ import annotations

from pathlib import Path

#: The URL path of the endpoint (the site is served at the server's root).
PATH = "/_wardsite/beacon"
#: The request header holding the fields.
HEADER = "X-Wardsite-Beacon"
#: Set by SetEnvIf on beacon requests; only the beacon log takes them.
ENV = "wardsite_beacon"
#: Apache's LogFormat for the beacon log: time, status, the header. Nothing else.
LOG_FORMAT = f"%{{%Y-%m-%dT%H:%M:%S%z}}t %>s %{{{HEADER}}}i"
#: Modules the lines below use (Debian names, as for a2enmod).
MODULES = ("rewrite", "setenvif")


def server_lines(log_file: Path) -> list[str]:
    """Server-level lines (outside <VirtualHost>): the beacon log.

    GlobalLog rather than a CustomLog in the virtual host: a CustomLog there
    would stop the server's own access log for every other request.
    """
    return [
        "# Page feedback and search telemetry (wardsite_ops.beacon): time, status and",
        f"# the {HEADER} header only; no IP address, user, cookie or user agent.",
        f'GlobalLog "{log_file}" "{LOG_FORMAT}" env={ENV}',
        "",
    ]


def vhost_lines() -> list[str]:
    """Lines inside the site's <VirtualHost>: mark beacons, answer them 204.

    The rewrite sits in a <Location>, so it runs after the access rule of
    <Location "/">: a refused reader gets 403 (logged with that status and
    ignored by the report), not 204.
    """
    return [
        "# Beacons: marked for the beacon log, answered 204 No Content.",
        f'SetEnvIf Request_URI "^{PATH}$" {ENV}',
        f'<Location "{PATH}">',
        "    RewriteEngine On",
        '    RewriteRule "^" "-" [R=204,L]',
        "</Location>",
    ]
