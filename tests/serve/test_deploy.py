"""./scripts/deploy against a running Apache: atomic switch and rollback under
load, a failing release never goes live, old releases are pruned."""

from __future__ import annotations

import gzip
import http.client
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest
import yaml

from support.deployment import Deployment, deployed_site
from wardsite_ops.deploy import EXIT_CHECK, EXIT_ROLLBACK
from wardsite_ops.deploy import main as deploy_main
from wardsite_ops.release import list_releases

NETWORK_ACCESS = {"mode": "network", "networks": ["127.0.0.1/32"]}
#: What the load asks for: pages, a stylesheet, the search entry point.
URLS = {
    "/": "index.html",
    "/faq/": "faq/index.html",
    "/account/password-reset/": "account/password-reset/index.html",
    "/assets/stylesheets/site.css": "assets/stylesheets/site.css",
    "/search/ja/meta.json": "search/ja/meta.json",
}
CLIENTS = 6
#: Each client's pause between requests: a bounded load that leaves the deploy some CPU.
PAUSE = 0.005


def _variant(site: Path, dest: Path, name: str) -> Path:
    """A copy of the built site whose pages and stylesheet say which release they are."""
    shutil.copytree(site, dest)
    for rel in URLS.values():
        file = dest / rel
        if rel.endswith(".html"):
            file.write_text(file.read_text("utf-8") + f"<!-- release {name} -->\n", "utf-8")
        elif rel.endswith(".css"):
            file.write_text(file.read_text("utf-8") + f"/* release {name} */\n", "utf-8")
    return dest


@pytest.fixture(scope="module")
def variants(site: Path, tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("variants")
    return {name: _variant(site, base / name, name) for name in ("A", "B", "C")}


@pytest.fixture(scope="module")
def deployment(variants: dict[str, Path]) -> Iterator[Deployment]:
    with deployed_site(variants["A"], NETWORK_ACCESS) as running:
        yield running


@dataclass
class Load:
    """Clients that keep reading the site until stopped; every answer is recorded."""

    url: str
    expected: dict[str, dict[str, bytes]]  # release -> url path -> body
    answers: list[list[tuple[float, str, str]]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self, index: int) -> None:
        port = urlsplit(self.url).port
        mine: list[tuple[float, str, str]] = []
        self.answers[index] = mine
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        paths = list(URLS)
        n = index
        while not self.stop.is_set():
            path = paths[n % len(paths)]
            n += 1
            started = time.monotonic()
            try:
                conn.request("GET", path, headers={"Accept-Encoding": "br, gzip"})
                response = conn.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as exc:
                self.failures.append(f"{path}: {exc!r}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            if response.status != 200:
                self.failures.append(f"{path}: HTTP {response.status}")
                continue
            encoding = response.getheader("Content-Encoding")
            if encoding == "br":
                body = brotli.decompress(body)
            elif encoding == "gzip":
                body = gzip.decompress(body)
            versions = [name for name, files in self.expected.items() if files[path] == body]
            if not versions:
                self.failures.append(f"{path}: the body is no release's file ({len(body)} bytes)")
            elif len(versions) == 1:  # a file the releases share tells nothing about which
                mine.append((started, path, versions[0]))
            time.sleep(PAUSE)
        conn.close()

    def __enter__(self) -> Load:
        self.answers = [[] for _ in range(CLIENTS)]
        self.threads = [threading.Thread(target=self.run, args=(i,)) for i in range(CLIENTS)]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=30)


def _expected(variants: dict[str, Path], names: tuple[str, ...]) -> dict[str, dict[str, bytes]]:
    return {n: {url: (variants[n] / rel).read_bytes() for url, rel in URLS.items()} for n in names}


def _deploy(deployment: Deployment, *args: str) -> int:
    return deploy_main(["--settings", str(deployment.settings_file), *args])


def test_switch_and_rollback_under_load_fail_no_request_and_mix_no_release(
    deployment: Deployment, variants: dict[str, Path]
) -> None:
    with Load(deployment.url, _expected(variants, ("A", "B"))) as load:
        time.sleep(0.5)
        switch_started = time.monotonic()
        assert _deploy(deployment, "--site", str(variants["B"])) == 0
        switched = time.monotonic()
        time.sleep(0.5)
        rollback_started = time.monotonic()
        assert _deploy(deployment, "--rollback") == 0
        rolled_back = time.monotonic()
        time.sleep(0.5)
    assert load.failures == [], load.failures[:10]
    answers = [a for client in load.answers for a in client]
    assert len(answers) > 200, "the load was too light to say anything"
    for client in load.answers:
        # Before the switch: A only; after it: B only until the rollback; then A again.
        assert all(v == "A" for t, _, v in client if t < switch_started)
        assert all(v == "B" for t, _, v in client if switched <= t < rollback_started)
        assert all(v == "A" for t, _, v in client if t >= rolled_back)
        # During the switch one client never goes back from B to A (one switch, atomic).
        during = [v for t, _, v in client if switch_started <= t < switched]
        assert during == sorted(during), during
    assert {v for _, _, v in answers} == {"A", "B"}
    assert (deployment.live / "index.html").read_bytes() == (
        variants["A"] / "index.html"
    ).read_bytes()


def test_a_release_failing_its_check_never_goes_live(
    deployment: Deployment, variants: dict[str, Path], tmp_path: Path, capsys
) -> None:
    live = deployment.live
    broken = tmp_path / "broken"
    shutil.copytree(variants["C"], broken)
    (broken / "search/ja/meta.json").unlink()
    before = {r.id for r in list_releases(deployment.settings.releases_dir)}
    assert _deploy(deployment, "--site", str(broken)) == EXIT_CHECK
    message = capsys.readouterr().err
    assert "公開しませんでした" in message and "search/ja/meta.json" in message
    assert deployment.live == live
    assert {r.id for r in list_releases(deployment.settings.releases_dir)} == before
    assert not [p for p in deployment.settings.releases_dir.iterdir() if p.name.startswith(".")]


def test_a_release_failing_the_live_check_is_switched_back(
    deployment: Deployment, variants: dict[str, Path], capsys
) -> None:
    live = deployment.live
    before = {r.id for r in list_releases(deployment.settings.releases_dir)}
    data = yaml.safe_load(deployment.settings_file.read_text(encoding="utf-8"))
    good = data["health_url"]
    data["health_url"] = good + "no-such-page/"  # answers 404: the check fails after the switch
    deployment.settings_file.write_text(yaml.safe_dump(data), encoding="utf-8")
    try:
        assert _deploy(deployment, "--site", str(variants["C"])) == EXIT_CHECK
    finally:
        data["health_url"] = good
        deployment.settings_file.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert "前の版に戻しました" in capsys.readouterr().err
    assert deployment.live == live
    assert {r.id for r in list_releases(deployment.settings.releases_dir)} == before


def test_deploy_keeps_the_last_releases_and_rollback_stops_at_the_oldest(
    deployment: Deployment, variants: dict[str, Path], capsys
) -> None:
    assert _deploy(deployment, "--site", str(variants["C"])) == 0
    releases = list_releases(deployment.settings.releases_dir)
    assert len(releases) == deployment.settings.keep_releases == 2
    assert deployment.live == releases[-1].path
    assert b"release C" in (deployment.live / "index.html").read_bytes()
    # Back one release, then no further: the oldest kept release is the end.
    assert _deploy(deployment, "--rollback") == 0
    assert deployment.live == releases[0].path
    capsys.readouterr()
    assert _deploy(deployment, "--rollback") == EXIT_ROLLBACK
    assert "戻せません" in capsys.readouterr().err
    assert deployment.live == releases[0].path
