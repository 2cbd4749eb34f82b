"""A build of the site with test announcements, served by Debian's apache2 with
the generated configuration (beacon endpoint and log included), and pages that
record CSP violations, JavaScript errors and outside requests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.browser import CSP_LISTENER, assert_quiet, csp_violations, watch_page
from support.build import build_site, copy_project
from support.deployment import Deployment, deployed_site

#: Fixed times far ahead, for the browser's controlled clock (Japan time).
OUTAGE = ("2031-04-01 09:00", "2031-04-01 18:00")
MAINTENANCE = ("2031-04-01 12:00", "2031-04-01 13:00")


def announcements_yml(now: dt.datetime) -> str:
    """Two announcements current at build time and two in 2031."""
    since = (now - dt.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    until = (now + dt.timedelta(days=60)).strftime("%Y-%m-%d %H:%M")
    return f"""announcements:
  - title: いまのお知らせ <b>太字ではない</b>
    start: {since}
    end: {until}
    body: ビルドしたときに出ているお知らせです。
    title_en: Current notice
  - title: 一覧だけのお知らせ
    start: {since}
    end: {until}
    banner: false
  - title: 在宅勤務の接続サービスが使えません
    level: outage
    start: {OUTAGE[0]}
    end: {OUTAGE[1]}
    sections: [telework]
    link: telework/troubleshooting.md
    link_text: 自宅からつながらないとき
    title_en: The telework connection service is down
  - title: ファイルサーバーの保守作業
    level: maintenance
    start: {MAINTENANCE[0]}
    end: {MAINTENANCE[1]}
    body: 12時から13時まで、共有フォルダーが使えません。
"""


@pytest.fixture(scope="session")
def feedback_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("feedback-project")
    config = copy_project(project)
    now = dt.datetime.now(dt.timezone(dt.timedelta(hours=9)))
    (project / "data" / "announcements.yml").write_text(announcements_yml(now), "utf-8")
    dest = tmp_path_factory.mktemp("feedback-site")
    result = build_site(dest, config)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}")
    return dest


@pytest.fixture(scope="session")
def served(feedback_site: Path) -> Iterator[Deployment]:
    """That site deployed and served by Apache (only 127.0.0.1 may read)."""
    access = {"mode": "network", "networks": ["127.0.0.1/32"]}
    with deployed_site(feedback_site, access) as deployment:
        yield deployment


@pytest.fixture
def context(browser) -> Iterator[object]:
    ctx = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
    ctx.add_init_script(CSP_LISTENER)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context) -> Iterator[object]:
    """A page that fails the test on outside requests, JavaScript errors or CSP violations."""
    pg = context.new_page()
    requests, errors = watch_page(pg)
    yield pg
    assert_quiet(requests, errors)
    if not pg.is_closed() and pg.url.startswith("http"):
        assert csp_violations(pg) == []
