"""The site served over real TLS by Debian's apache2 (deploy.yml with ``tls:``).

A certificate for 127.0.0.1 is made by ``openssl`` for the test; the client
trusts exactly that certificate.
"""

from __future__ import annotations

import socket
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from support.apache import world_readable_tempdir
from support.deployment import Deployment, deployed_site

#: Only 127.0.0.1 may read (as in the plain-HTTP tests).
NETWORK_ACCESS = {"mode": "network", "networks": ["127.0.0.1/32"]}


@pytest.fixture(scope="module")
def certificate() -> Path:
    """A self-signed certificate (and key) for 127.0.0.1, valid for two days."""
    folder = world_readable_tempdir("wardsite-tls-")
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec",
            "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return folder


@pytest.fixture(scope="module")
def served_tls(site: Path, certificate: Path) -> Iterator[Deployment]:
    tls = {
        "certificate_file": str(certificate / "cert.pem"),
        "key_file": str(certificate / "key.pem"),
    }
    with deployed_site(site, NETWORK_ACCESS, tls=tls) as deployment:
        yield deployment


def https_url(deployment: Deployment, path: str = "") -> str:
    return f"https://127.0.0.1:{deployment.apache.port}/{path}"


def test_pages_are_served_over_tls_with_hsts(served_tls: Deployment, certificate: Path) -> None:
    answer = requests.get(https_url(served_tls), verify=certificate / "cert.pem", timeout=10)
    assert answer.status_code == 200
    assert "<html" in answer.text
    assert answer.headers["Strict-Transport-Security"] == "max-age=31536000"
    assert "default-src 'self'" in answer.headers["Content-Security-Policy"]
    assert answer.headers["X-Content-Type-Options"] == "nosniff"


def _handshake(port: int, cafile: Path, version: ssl.TLSVersion) -> str:
    """The protocol the server agrees to when the client offers only ``version``."""
    context = ssl.create_default_context(cafile=str(cafile))
    # Let the client offer old protocols at all (its own defaults would refuse them
    # before the server is asked): the test is about what the server accepts.
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    context.minimum_version = version
    context.maximum_version = version
    with (
        socket.create_connection(("127.0.0.1", port), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
    ):
        return str(tls.version())


# Offering TLS 1.0/1.1 is the point of the test; Python warns that they are deprecated.
@pytest.mark.filterwarnings("ignore:ssl.TLSVersion:DeprecationWarning")
def test_only_tls_1_2_and_newer_are_accepted(served_tls: Deployment, certificate: Path) -> None:
    port = served_tls.apache.port
    cafile = certificate / "cert.pem"
    assert _handshake(port, cafile, ssl.TLSVersion.TLSv1_3) == "TLSv1.3"
    assert _handshake(port, cafile, ssl.TLSVersion.TLSv1_2) == "TLSv1.2"
    for old in (ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1_1):
        with pytest.raises((ssl.SSLError, ConnectionError)):
            _handshake(port, cafile, old)


def test_plain_http_on_the_tls_port_is_not_answered_with_the_site(
    served_tls: Deployment,
) -> None:
    answer = requests.get(f"http://127.0.0.1:{served_tls.apache.port}/", timeout=10)
    assert answer.status_code == 400
    home = (served_tls.live / "index.html").read_text(encoding="utf-8")
    title = home.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title not in answer.text
