"""The generated Apache configuration, checked over HTTP: headers, caching,
precompressed variants, MIME types, ranges, dotfiles, error pages, network rule."""

from __future__ import annotations

import gzip
import http.client
import re
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest

from support.deployment import Deployment


def get(
    served: Deployment, path: str, headers: dict[str, str] | None = None, source: str = "127.0.0.1"
) -> tuple[int, dict[str, str], bytes]:
    """One request to the served site from ``source`` (a 127.0.0.0/8 address)."""
    port = urlsplit(served.url).port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    try:
        conn.request("GET", path, headers={"Accept-Encoding": "identity", **(headers or {})})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def directives(csp: str) -> dict[str, list[str]]:
    out = {}
    for part in csp.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


def test_pages_carry_a_strict_content_security_policy(served: Deployment) -> None:
    status, headers, _ = get(served, "/")
    assert status == 200
    csp = directives(headers["content-security-policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["script-src"][0] == "'self'"
    hashes = csp["script-src"][1:]
    assert hashes and all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", h) for h in hashes)


@pytest.mark.parametrize("path", ["/", "/no-such-page/", "/assets/javascripts/session-player.js"])
def test_security_headers_on_every_answer(served: Deployment, path: str) -> None:
    _, headers, _ = get(served, path)
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert "camera=()" in headers["permissions-policy"]
    assert "content-security-policy" in headers
    # Served over plain HTTP here: HSTS would be wrong (it is only sent with tls:).
    assert "strict-transport-security" not in headers


def test_hsts_only_when_the_settings_have_tls(tmp_path: Path) -> None:
    from wardsite_ops.apache import render_site_config
    from wardsite_ops.settings import load_settings

    base = "server_name: guide.example\nroot: /srv/wardsite\naccess: {networks: [10.0.0.0/8]}\n"
    plain = tmp_path / "plain.yml"
    plain.write_text(base, encoding="utf-8")
    tls = tmp_path / "tls.yml"
    tls.write_text(base + "tls: {certificate_file: /etc/c.pem, key_file: /etc/k.pem}\n", "utf-8")
    secrets = tmp_path / "secrets.conf"
    assert "Header always set Strict-Transport-Security" not in render_site_config(
        load_settings(plain), [], secrets
    )
    https = render_site_config(load_settings(tls), [], secrets)
    assert 'Header always set Strict-Transport-Security "max-age=31536000"' in https
    assert "SSLProtocol -all +TLSv1.2 +TLSv1.3" in https
    assert "<VirtualHost *:443>" in https and "Redirect permanent / https://guide.example/" in https


def test_hashed_assets_and_search_shards_are_cached_for_good(served: Deployment) -> None:
    live = served.live
    bundle = next((live / "assets/javascripts").glob("bundle.*.min.js"))
    _, headers, _ = get(served, f"/assets/javascripts/{bundle.name}")
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    meta = (live / "search/ja/meta.json").read_text("utf-8")
    build_id = re.search(r'"id":"([0-9a-f]+)"', meta).group(1)
    for shard in ("docs/0.json", "postings/0.json", "lexicon/0.json"):
        _, headers, _ = get(served, f"/search/ja/{shard}?v={build_id}")
        assert headers["cache-control"] == "public, max-age=31536000, immutable", shard


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/faq/",
        "/search/ja/meta.json",
        "/search/ja/docs/0.json",
        "/assets/stylesheets/site.css",
    ],
)
def test_pages_meta_json_and_unversioned_files_are_revalidated(
    served: Deployment, path: str
) -> None:
    # docs/0.json without ?v= is not tied to a build: revalidated like a page.
    _, headers, _ = get(served, path)
    assert headers["cache-control"] == "no-cache"
    assert "etag" in headers or "last-modified" in headers


@pytest.mark.parametrize(
    ("accept", "encoding"),
    [("br, gzip, deflate", "br"), ("gzip, deflate", "gzip"), ("identity", None)],
)
@pytest.mark.parametrize(
    "path", ["/faq/", "/index.html", "/search/ja/meta.json", "/assets/stylesheets/site.css"]
)
def test_precompressed_variants_match_accept_encoding(
    served: Deployment, path: str, accept: str, encoding: str | None
) -> None:
    file = served.live / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    status, headers, body = get(served, path, {"Accept-Encoding": accept})
    assert status == 200
    assert headers.get("content-encoding") == encoding
    assert "accept-encoding" in headers["vary"].lower()
    decoded = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[encoding](body)
    assert decoded == file.read_bytes()
    expected_type = {".html": "text/html", ".json": "application/json", ".css": "text/css"}[
        file.suffix
    ]
    assert headers["content-type"].startswith(expected_type)


def test_mime_types_for_captions_json_and_manifests(served: Deployment) -> None:
    vtt = next(served.live.glob("media/**/*.vtt")).relative_to(served.live)
    _, headers, _ = get(served, f"/{vtt}")
    assert headers["content-type"].startswith("text/vtt")
    _, headers, _ = get(served, "/search/ja/meta.json")
    assert headers["content-type"].startswith("application/json")
    manifest = served.live / "site.webmanifest"  # the site has none yet; a future one gets its type
    manifest.write_text('{"name": "x"}', encoding="utf-8")
    manifest.chmod(0o644)
    try:
        _, headers, _ = get(served, "/site.webmanifest")
        assert headers["content-type"].startswith("application/manifest+json")
    finally:
        manifest.unlink()


def test_video_answers_range_requests_unencoded(served: Deployment) -> None:
    video = next(served.live.glob("media/**/*.mp4"))
    path = "/" + str(video.relative_to(served.live))
    status, headers, body = get(
        served, path, {"Range": "bytes=100-199", "Accept-Encoding": "br, gzip"}
    )
    assert status == 206
    assert headers["content-range"] == f"bytes 100-199/{video.stat().st_size}"
    assert "content-encoding" not in headers
    assert body == video.read_bytes()[100:200]
    assert headers["content-type"] == "video/mp4"


@pytest.mark.parametrize("path", ["/.wardsite-release.json", "/.git/config", "/search/.hidden"])
def test_dotfiles_are_never_served(served: Deployment, path: str) -> None:
    assert (served.live / ".wardsite-release.json").is_file()  # it is there, and still not served
    status, _, body = get(served, path)
    assert status == 404
    assert b"script_hashes" not in body


def test_no_directory_listings(served: Deployment) -> None:
    # The test server loads mod_autoindex, as Debian enables it by default.
    status, _, body = get(served, "/assets/")
    assert status in (403, 404)
    assert b"Index of" not in body and b'href="javascripts/"' not in body


@pytest.mark.parametrize(
    ("path", "lang", "title", "task"),
    [
        ("/no/such/page/", "ja", "ページが見つかりません", "/account/password-reset/"),
        ("/en/no-such-page/", "en", "Page not found", "/en/account/password-reset/"),
    ],
)
def test_missing_page_gets_the_404_page_of_its_language(
    served: Deployment, path: str, lang: str, title: str, task: str
) -> None:
    status, _, body = get(served, path)
    html = body.decode("utf-8")
    assert status == 404
    assert f'<html lang="{lang}"' in html
    assert title in html
    assert f'href="{task}"' in html


def test_network_rule_refuses_other_addresses_with_a_japanese_page(served: Deployment) -> None:
    inside, _, _ = get(served, "/", source="127.0.0.1")
    assert inside == 200
    status, headers, body = get(served, "/", source="127.0.0.2")
    assert status == 403
    html = body.decode("utf-8")
    assert '<html lang="ja">' in html and "区の職員だけが見られます" in html
    assert "ITヘルプデスク（内線 2100" in html  # who to call, from org.yml
    assert "content-security-policy" in headers
    # Nothing of the site leaks to the refused client, not even a search file.
    status, _, body = get(served, "/search/ja/meta.json", source="127.0.0.2")
    assert status == 403 and b"docCount" not in body
    assert "AH01630" in served.apache.error_log()
