"""Page feedback and search telemetry end to end: Chromium on the site served by
Debian's apache2 with the generated configuration, then ./scripts/report on the
beacon log Apache wrote."""

from __future__ import annotations

import csv
import http.client
import re
import socket
from pathlib import Path

from support.deployment import Deployment
from support.pages import RESULT_ITEM, type_search
from wardsite_ops.report.cli import main as report

BEACON = "_wardsite/beacon"
#: A query that finds no page (その言葉はない finds the glossary's 「ことば」 section).
UNKNOWN = "zzqqxxとは"
#: time, status, URL-encoded fields: nothing else (wardsite_ops.beacon.LOG_FORMAT)
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} \d{3} [A-Za-z0-9%&=._~*+-]*$")


def _log_size(served: Deployment) -> int:
    log = served.settings.beacon_log
    return log.stat().st_size if log.exists() else 0


def _new_log_lines(served: Deployment, since: int) -> bytes:
    with served.settings.beacon_log.open("rb") as handle:
        handle.seek(since)
        return handle.read()


def _beacon(page, action, leaves_page: bool = False) -> dict[str, str]:
    """Do ``action``; wait for the beacon it sends; check Apache's 204; return the fields.

    A beacon sent as the page is left (a click on a search result) still
    reaches the server (fetch keepalive; the log shows it), but the leaving
    page reports it aborted: then only the request is checked here.
    """
    if leaves_page:
        with page.expect_request(lambda r: BEACON in r.url, timeout=8_000) as info:
            action()
        request = info.value
    else:
        with page.expect_response(lambda r: BEACON in r.url, timeout=8_000) as info:
            action()
        assert info.value.status == 204
        request = info.value.request
    assert request.method == "POST" and "?" not in request.url
    header = request.headers["x-wardsite-beacon"]
    return dict(pair.split("=", 1) for pair in header.split("&"))


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))[1:]


def test_votes_and_searches_reach_the_report_exactly_and_nothing_personal(
    page, context, served: Deployment, feedback_site: Path, tmp_path: Path
) -> None:
    context.add_cookies([{"name": "wardsite_test", "value": "COOKIE-SECRET-42", "url": served.url}])
    since = _log_size(served)

    page.goto(served.url + "account/lockout/")
    assert (
        _beacon(page, lambda: page.get_by_role("button", name="はい", exact=True).click())[
            "helpful"
        ]
        == "1"
    )
    page.goto(served.url + "telework/")
    assert (
        _beacon(page, lambda: page.get_by_role("button", name="いいえ", exact=True).click())[
            "helpful"
        ]
        == "0"
    )
    fields = _beacon(
        page, lambda: page.get_by_role("button", name="分かりにくい", exact=True).click()
    )
    assert fields["e"] == "reason" and fields["reason"] == "unclear"
    page.goto(served.url + "en/account/")
    assert (
        _beacon(page, lambda: page.get_by_role("button", name="No", exact=True).click())["lang"]
        == "en"
    )

    page.goto(served.url)
    fields = _beacon(page, lambda: type_search(page, "パスワード"))  # settles after the idle delay
    assert fields["e"] == "search" and int(fields["n"]) > 0
    first = page.locator(f"{RESULT_ITEM} > a").first
    fields = _beacon(page, first.click, leaves_page=True)
    assert fields["e"] == "click" and fields["rank"] == "1"
    page.wait_for_load_state()

    def enter_unknown() -> None:
        type_search(page, UNKNOWN)
        page.locator(".wardsite-noresult").wait_for()  # the answer: nothing found
        page.keyboard.press("Enter")  # the page stays (the beacon's answer comes back)

    assert _beacon(page, enter_unknown)["n"] == "0"
    fields = _beacon(page, lambda: type_search(page, "連絡先 taro@example.jp 03-1234-5678"))
    assert "taro" not in str(fields) and "1234" not in str(fields)

    log = _new_log_lines(served, since)
    lines = log.decode("ascii").splitlines()
    assert len(lines) == 8, lines  # 3 votes, 1 reason, 3 searches, 1 click: nothing else
    for line in lines:
        assert LOG_LINE.match(line), line
        assert " 204 v=1&" in line
    for secret in (b"127.0.0.1", b"COOKIE-SECRET-42", b"Mozilla", b"Chrome", b"taro", b"5678"):
        assert secret not in log
    # The server's ordinary access log (it has IP addresses) sees the beacon, not its fields.
    access = served.apache.access_log()
    assert "POST /_wardsite/beacon" in access and "e=search" not in access

    logfile = tmp_path / "beacon.log"
    logfile.write_bytes(log)
    out = tmp_path / "report"
    argv = [str(logfile), "--out", str(out), "--site", str(feedback_site), "--min-votes", "1"]
    assert report(argv) == 0
    no_results = _rows(out / "no-results.csv")
    assert no_results[0][:3] == [UNKNOWN, "日本語", "1"]
    assert "zzqqxx" in no_results[0][3]  # not in the search's vocabulary
    masked = "連絡先 [メール] [番号]"
    unclicked = _rows(out / "no-clicks.csv")
    assert masked in [r[0] for r in no_results + unclicked]
    assert "パスワード" not in [r[0] for r in unclicked]  # it was clicked
    pages = {row[0]: row[1:] for row in _rows(out / "pages.csv")}
    assert pages == {
        "telework/": ["0", "1", "0%", "0", "0", "1", "0"],
        "en/account/": ["0", "1", "0%", "0", "0", "0", "0"],
        "account/lockout/": ["1", "0", "100%", "0", "0", "0", "0"],
    }
    ((_week, searches, _no_result, _rate, clicks, yes, no),) = _rows(out / "weekly.csv")
    assert (searches, clicks, yes, no) == ("3", "1", "1", "2")
    html = (out / "report.html").read_text("utf-8")
    assert "taro" not in html and "COOKIE" not in html


def test_beacons_from_outside_or_hostile_are_not_counted(
    served: Deployment, tmp_path: Path
) -> None:
    since = _log_size(served)
    hostile = [
        b"v=1&e=search&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&lang=ja&n=0",
        b"v=1&e=search&q=\xe3\x81\x82\xff&lang=ja&n=0",  # raw bytes, not URL-encoded
        b"v=1&e=vote&page=" + b"A" * 6000 + b"&lang=ja&helpful=1",
        b'v=1&e=vote&page=a"b\\c&lang=ja&helpful=1',
    ]
    for payload in hostile:
        assert _post(served.apache.port, payload) == 204
    # A reader outside the ward's network is refused (403) and not counted.
    assert _post(served.apache.port, b"v=1&e=vote&page=x%2F&lang=ja&helpful=1", "127.0.0.2") == 403

    logfile = tmp_path / "beacon.log"
    logfile.write_bytes(_new_log_lines(served, since))
    out = tmp_path / "report"
    assert report([str(logfile), "--out", str(out), "--min-votes", "1"]) == 0
    html = (out / "report.html").read_text("utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "x/" not in [row[0] for row in _rows(out / "pages.csv")]


def _post(port: int, payload: bytes, source: str = "127.0.0.1") -> int:
    sock = socket.create_connection(("127.0.0.1", port), source_address=(source, 0))
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.sock = sock
    connection.putrequest("POST", "/" + BEACON)
    connection.putheader("X-Wardsite-Beacon", payload)
    connection.putheader("Content-Length", "0")
    connection.endheaders()
    status = connection.getresponse().status
    connection.close()
    return status
