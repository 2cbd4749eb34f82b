"""Sign-in with Entra ID (mod_auth_openidc), against a real OpenID Connect
provider running on 127.0.0.1 in the role of the ward's tenant."""

from __future__ import annotations

import http.client
import os
import stat
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
import yaml

from support.browser import CSP_LISTENER, csp_violations
from support.deployment import Deployment, deployed_site
from support.oidc import Provider, running_provider
from wardsite_ops.deploy import main as deploy_main

TENANT = "0b7e6f1c-3a52-4c1e-9f0d-5a8e2c4b7d90"
OTHER_TENANT = "9d2c4e6a-1b3f-4a5c-8e7d-0f1a2b3c4d5e"
GROUP = "staff-it-guide-readers"
SECRET_ENV = "WARDSITE_TEST_OIDC_CLIENT_SECRET"
SECRET = "client-secret-that-must-not-leak-7f3a"
PASSPHRASE = "session-passphrase-that-must-not-leak-91c2"

USERS = [
    {"sub": "staff001", "tid": TENANT, "groups": [GROUP]},
    {"sub": "newcomer", "tid": TENANT, "groups": []},
    {"sub": "outsider", "tid": OTHER_TENANT, "groups": [GROUP]},
]


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    with running_provider(USERS) as running:
        yield running


@pytest.fixture(scope="module")
def signed(site, provider: Provider, tmp_path_factory) -> Iterator[Deployment]:
    """The site in entra-id mode (secret from the environment, passphrase from a file)."""
    passphrase = tmp_path_factory.mktemp("secrets") / "passphrase"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    os.environ[SECRET_ENV] = SECRET
    access = {
        "mode": "entra-id",
        "networks": ["127.0.0.1/32"],  # used once the test switches to "both"
        "entra_id": {
            "tenant_id": TENANT,
            "client_id": "wardsite-test-client",
            "client_secret": {"env": SECRET_ENV},
            "crypto_passphrase": {"file": str(passphrase)},
            "required_group": GROUP,
            "metadata_url": provider.metadata_url,
        },
    }
    try:
        with deployed_site(site, access) as deployment:
            yield deployment
    finally:
        os.environ.pop(SECRET_ENV, None)


@pytest.fixture
def context(browser):
    ctx = browser.new_context(locale="ja-JP")
    ctx.add_init_script(CSP_LISTENER)
    # The provider's form page links a CDN stylesheet: keep it inside the machine.
    ctx.route(
        "**/*",
        lambda route: (
            route.abort()
            if urlsplit(route.request.url).hostname != "127.0.0.1"
            else route.continue_()
        ),
    )
    yield ctx
    ctx.close()


def _request(
    url: str, source: str = "127.0.0.1", cookie: str = ""
) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(
        parts.hostname, parts.port, timeout=10, source_address=(source, 0)
    )
    try:
        # A browser's navigation (mod_auth_openidc answers 401 to requests that are not).
        headers = {"Accept": "text/html,application/xhtml+xml"}
        conn.request("GET", parts.path or "/", headers=headers)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def _sign_in(page, site_url: str, provider: Provider, sub: str, start: str = "") -> None:
    page.goto(site_url + start)
    page.wait_for_url(provider.url + "/oauth2/authorize**")
    page.get_by_role("button", name=sub, exact=True).click()
    page.wait_for_url(site_url + "**")


def test_anonymous_reader_is_sent_to_sign_in(
    context, signed: Deployment, provider: Provider
) -> None:
    status, headers, body = _request(signed.url + "account/password-reset/")
    assert status == 302
    location = headers["location"]
    assert location.startswith(provider.url + "/oauth2/authorize?")
    assert "client_id=wardsite-test-client" in location and "code_challenge=" in location
    assert "パスワード" not in body.decode("utf-8", "replace")
    # Search files are protected like pages.
    status, _, body = _request(signed.url + "search/ja/meta.json")
    assert status == 302 and b"docCount" not in body
    page = context.new_page()
    page.goto(signed.url)
    page.wait_for_url(provider.url + "/oauth2/authorize**")
    assert page.get_by_role("button", name="staff001").is_visible()


def test_signed_in_staff_reads_pages(context, signed: Deployment, provider: Provider) -> None:
    page = context.new_page()
    _sign_in(page, signed.url, provider, "staff001", "account/password-reset/")
    assert page.url == signed.url + "account/password-reset/"
    assert "パスワード" in page.locator("h1").inner_text()
    page.goto(signed.url + "faq/")
    assert page.locator("h1").count() == 1
    assert csp_violations(page) == []


def test_user_of_another_tenant_is_refused(context, signed: Deployment, provider: Provider) -> None:
    page = context.new_page()
    page.goto(signed.url)
    page.wait_for_url(provider.url + "/oauth2/authorize**")
    with page.expect_response(lambda r: r.url.startswith(signed.url) and r.status == 403):
        page.get_by_role("button", name="outsider", exact=True).click()
    assert "区の職員だけが見られます" in page.content()


def test_user_outside_the_required_group_is_refused(
    context, signed: Deployment, provider: Provider
) -> None:
    page = context.new_page()
    page.goto(signed.url)
    page.wait_for_url(provider.url + "/oauth2/authorize**")
    with page.expect_response(lambda r: r.url.startswith(signed.url) and r.status == 403):
        page.get_by_role("button", name="newcomer", exact=True).click()


def test_sign_in_at_another_issuer_is_refused(
    context, signed: Deployment, provider: Provider
) -> None:
    # A second, independent provider: its own issuer and signing key, the same users and claims.
    with running_provider(USERS) as other:
        page = context.new_page()
        page.goto(signed.url + "help/")
        page.wait_for_url(provider.url + "/oauth2/authorize**")
        # Take the sign-in request Apache made and send it to the other issuer instead.
        page.goto(page.url.replace(provider.url, other.url))
        with page.expect_response(
            lambda r: r.url.startswith(signed.url + "_wardsite/oidc/")
        ) as answer:
            page.get_by_role("button", name="staff001", exact=True).click()
        # Apache redeems the code only at the ward's provider (from its pinned
        # metadata), which never issued it: no tokens, no session.
        assert "Error" in answer.value.text()
        assert "failed to resolve the code" in signed.apache.error_log()
        # Not signed in: the next page load is sent to the ward's provider again.
        page.goto(signed.url + "help/")
        page.wait_for_url(provider.url + "/oauth2/authorize**")


def test_secrets_stay_out_of_the_configuration_and_the_site(signed: Deployment) -> None:
    config = signed.settings.config_file.read_text(encoding="utf-8")
    assert SECRET not in config and PASSPHRASE not in config
    secrets = signed.settings.root / "private" / "oidc-secrets.conf"
    assert SECRET in secrets.read_text(encoding="utf-8")
    assert stat.S_IMODE(secrets.stat().st_mode) == 0o600
    assert secrets.resolve().parent != signed.live and signed.live not in secrets.resolve().parents
    for path in signed.live.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".js"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert SECRET not in text and PASSPHRASE not in text, path


def test_both_mode_lets_the_ward_network_in_and_others_sign_in(
    signed: Deployment, provider: Provider
) -> None:
    data = yaml.safe_load(signed.settings_file.read_text(encoding="utf-8"))
    data["access"]["mode"] = "both"
    signed.settings_file.write_text(yaml.safe_dump(data), encoding="utf-8")
    try:
        assert deploy_main(["--settings", str(signed.settings_file), "--config-only"]) == 0
        # The graceful reload takes a moment to reach every worker.
        for _ in range(100):
            status, _, body = _request(signed.url + "help/", source="127.0.0.1")
            if status == 200:
                break
            time.sleep(0.1)
        assert status == 200, "127.0.0.1 (the ward's network here) was not let in"
        assert "<h1" in body.decode("utf-8")
        status, headers, _ = _request(signed.url + "help/", source="127.0.0.2")
        assert status == 302 and headers["location"].startswith(provider.url + "/oauth2/authorize?")
    finally:
        data["access"]["mode"] = "entra-id"
        signed.settings_file.write_text(yaml.safe_dump(data), encoding="utf-8")
        assert deploy_main(["--settings", str(signed.settings_file), "--config-only"]) == 0
