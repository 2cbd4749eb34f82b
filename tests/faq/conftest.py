"""Fixtures: the local helpdesk (``wardsite.faq.devserver``) as a real process on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from wardsite.faq.http import HttpClient, HttpLimits
from wardsite.faq.sources.zendesk import ZendeskConfig, ZendeskSource

REPO = Path(__file__).resolve().parents[2]
INTERNAL_SECTION = "360099"
TEST_TIMEOUT_S = 60

#: Short limits so a failing case ends in seconds, never hangs CI.
FAST = HttpLimits(
    connect_timeout=1.0,
    read_timeout=1.5,
    total_timeout=4.0,
    retries=2,
    backoff=0.05,
    backoff_max=0.2,
    retry_after_max=3,
)


@pytest.fixture(autouse=True)
def _hard_timeout() -> Iterator[None]:
    """Abort any single test after TEST_TIMEOUT_S seconds (no pytest-timeout needed)."""

    def fail(signum: int, frame: Any) -> None:
        raise TimeoutError(f"test took longer than {TEST_TIMEOUT_S} s")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(TEST_TIMEOUT_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Helpdesk:
    base_url: str

    def post(self, path: str, payload: Any = None) -> None:
        data = json.dumps(payload).encode()
        req = urllib.request.Request(
            self.base_url + path, data=data, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(req, timeout=5) as response:
            response.read()

    def control(self, **settings: Any) -> None:
        self.post("/_control", settings)

    def requests(self) -> list[dict[str, Any]]:
        with urllib.request.urlopen(self.base_url + "/_requests", timeout=5) as response:
            return json.loads(response.read())["requests"]

    def article_list_requests(self) -> list[dict[str, Any]]:
        return [
            r
            for r in self.requests()
            if r["path"].endswith("/articles.json") and "/incremental/" not in r["path"]
        ]

    def source(
        self,
        *,
        limits: HttpLimits = FAST,
        token_env: str | None = None,
        page_size: int = 10,
        max_entries: int = 5000,
    ) -> ZendeskSource:
        client = HttpClient(self.base_url, token_env=token_env, limits=limits)
        config = ZendeskConfig(
            self.base_url,
            locales=("ja", "en-us"),
            exclude_sections=frozenset({INTERNAL_SECTION}),
            page_size=page_size,
            max_entries=max_entries,
        )
        return ZendeskSource(config, client)


@pytest.fixture(scope="session")
def devserver() -> Iterator[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "wardsite.faq.devserver", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
    )
    line: list[str] = []
    reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(15)
    if not line or "http://" not in line[0]:
        proc.kill()
        pytest.fail(f"devserver did not start: {proc.stderr.read() if proc.stderr else ''}")
    url = line[0].strip().rsplit(" ", 1)[-1]
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def helpdesk(devserver: str) -> Helpdesk:
    desk = Helpdesk(devserver)
    desk.post("/_reset")
    return desk


@pytest.fixture
def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
