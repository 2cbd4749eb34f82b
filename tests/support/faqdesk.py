"""The local helpdesk (``python -m wardsite_ops.faqdesk``) and site builds against it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from support.build import ROOT
from wardsite.faq.http import HttpClient, HttpLimits
from wardsite.faq.sources.zendesk import ZendeskConfig, ZendeskSource

#: The sample's internal-only section, which must never be published.
INTERNAL_SECTION = "360099"

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

#: A hostile entry, published in section 360010 (found in the sample's categories).
HOSTILE_ID = 990101
HOSTILE_TITLE = "危険な記事 {{ org.helpdesk.phone }} <script>window.__pwned=1</script>"
HOSTILE_BODY = (
    "<p>前置き</p><script>window.__pwned = 1; alert(1)</script>"
    '<p><img src="x" onerror="window.__pwned=2;alert(2)" alt="図1"></p>'
    '<p><a href="javascript:window.__pwned=3">押す</a></p>'
    '<p onclick="window.__pwned=4">{{ org.helpdesk.phone }} と {{ config }} と {% raw %}</p>'
    '<svg onload="window.__pwned=5"></svg><iframe src="javascript:parent.__pwned=6"></iframe>'
    "<p>**太字ではない** `コードでもない`</p>\n\n```\nfence\n```\n"
    '<div markdown="1">*md*</div></div></p><script>window.__pwned=7</script>'
    '<p><img src="/hc/article_attachments/step1.png" alt="手順の図"></p>'
    '<p><img src="/hc/article_attachments/evil.svg" alt="SVGの図"></p>'
    '<p><img src="https://cdn.outside.example/pic.png" alt="外部の図"></p>'
)


class Helpdesk:
    """Test controls of the development helpdesk (its ``/_…`` endpoints)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def post(self, path: str, payload: Any = None) -> None:
        req = urllib.request.Request(
            self.base_url + path,
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
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
        token: str = "",
        page_size: int = 10,
        max_entries: int = 5000,
        allowed_user_segments: frozenset[str] = frozenset(),
    ) -> ZendeskSource:
        client = HttpClient(self.base_url, token=token, limits=limits)
        config = ZendeskConfig(
            locales=("ja", "en-us"),
            exclude_sections=frozenset({INTERNAL_SECTION}),
            page_size=page_size,
            max_entries=max_entries,
            allowed_user_segments=allowed_user_segments,
        )
        return ZendeskSource(config, client)

    def clear_log(self) -> None:
        """Empty the request log, keeping the articles (the server has no such switch)."""
        self._seen = len(self.requests())

    def requests_since_clear(self) -> list[dict[str, Any]]:
        return self.requests()[getattr(self, "_seen", 0) :]

    def add_hostile_entry(self) -> None:
        self.post(
            "/_articles",
            [
                {
                    "id": HOSTILE_ID,
                    "locale": "ja",
                    "section_id": 360010,
                    "title": HOSTILE_TITLE,
                    "body": HOSTILE_BODY,
                    "label_names": ["テスト"],
                }
            ],
        )


@contextmanager
def running_helpdesk() -> Iterator[Helpdesk]:
    """Start the development helpdesk on a free port of 127.0.0.1."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "wardsite_ops.faqdesk", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    line: list[str] = []
    reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(15)
    try:
        if not line or "http://" not in line[0]:
            raise RuntimeError("the development helpdesk did not start")
        yield Helpdesk(line[0].strip().rsplit(" ", 1)[-1])
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()


def build_with_faq(dest: Path, state_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of the real project with ``WARDSITE_FAQ_*`` set.

    The FAQ's last good snapshot goes to ``state_dir``, never to the repository.
    """
    faq_env = {f"WARDSITE_FAQ_{k.upper()}": v for k, v in env.items()}
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WARDSITE_FAQ_")}
    full = {
        **clean,
        **faq_env,
        "WARDSITE_FAQ_STATE_DIR": str(state_dir),
        "NO_MKDOCS_2_WARNING": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
        cwd=ROOT,
        env=full,
        capture_output=True,
        text=True,
        timeout=600,
    )
