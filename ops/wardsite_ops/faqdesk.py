"""A local helpdesk for development and tests: the bundled sample FAQ over a Zendesk-like API.

    python -m wardsite_ops.faqdesk --port 8765

serves, on 127.0.0.1 only:

* ``GET /api/v2/help_center/{locale}/articles.json`` and ``.../sections.json`` with
  cursor pagination (``page[size]``, ``page[after]``; ``meta.has_more``, ``links.next``);
  drafts and articles restricted to a user segment (``user_segment_id`` /
  ``user_segment_ids``, e.g. signed-in users only) are listed too, as Zendesk
  does for an agent's token: the client must skip them;
* ``GET /api/v2/help_center/incremental/articles.json?start_time=`` (``next_page``,
  ``end_time``, ``end_of_stream``);
* ``GET /faq-feed/v1/entries.json?page=N``: the same FAQ as our own JSON feed.

Test switches (also as command-line options), all on ``/_control`` (POST JSON):
``fault``: ``none`` | ``500`` | ``slow`` (wait ``delay`` s before answering) |
``trickle`` (send the body one byte every ``delay`` s) | ``429`` (answer 429 with
``Retry-After: retry_after`` to the first ``fault_count`` requests) | ``malformed`` |
``truncate`` (cut the ``fault_page``-th list page in half) | ``drop`` (close without
answering); ``fault_path``: only requests whose path contains this text;
``token``: require ``Authorization: Bearer <token>``. ``/_requests`` lists the
requests received; ``/hc/article_attachments/<name>.png`` serves a small PNG
(``.svg``: an SVG with a script, for image tests); ``/_reset`` restores the sample;
``/_articles`` (POST a list) adds or replaces articles; ``/_withdraw`` (POST
``{"id": …}``) turns an article into a draft; ``/_delete`` removes it.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import copy
import json
import sys
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "data" / "faq" / "sample"
PAGE_SIZE_MAX = 100
#: Article images, as Zendesk serves them from the help center's own host.
ATTACHMENT_PREFIX = "/hc/article_attachments/"
#: A 1×1 PNG for the attachment route.
SAMPLE_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
INCREMENTAL_PAGE_SIZE = 1000


def load_sample(sample_dir: Path = SAMPLE_DIR) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    articles = json.loads((sample_dir / "articles.json").read_text(encoding="utf-8"))["articles"]
    sections = json.loads((sample_dir / "sections.json").read_text(encoding="utf-8"))["sections"]
    return articles, sections


def _epoch(iso: str) -> int:
    return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp())


class HelpdeskState:
    """The mutable helpdesk behind the server; every handler thread shares it."""

    def __init__(self, sample_dir: Path = SAMPLE_DIR) -> None:
        self.sample_dir = sample_dir
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        articles, sections = load_sample(self.sample_dir)
        # Translations share the article id, as in Zendesk: key by (id, locale).
        self.articles: dict[tuple[int, str], dict[str, Any]] = {}
        for article in articles:
            self.articles[(article["id"], article["locale"])] = article
        self.sections = sections
        self.requests: list[dict[str, Any]] = []
        self.control: dict[str, Any] = {
            "fault": "none",
            "fault_path": "",
            "fault_count": 1_000_000,
            "fault_page": 2,
            "delay": 0.0,
            "retry_after": 1,
            "token": None,
            "incremental_page_size": INCREMENTAL_PAGE_SIZE,
        }
        self.fault_hits = 0

    def articles_for(self, locale: str) -> list[dict[str, Any]]:
        want = locale.lower()
        found = [a for a in self.articles.values() if a["locale"].lower() == want]
        return sorted(found, key=lambda a: (a["section_id"], a.get("position", 0), a["id"]))

    def sections_for(self, locale: str) -> list[dict[str, Any]]:
        want = locale.lower()
        return [s for s in self.sections if s["locale"].lower() == want]

    def upsert(self, article: dict[str, Any]) -> None:
        """Add or change an article (locale ``ja`` unless given); a change bumps updated_at."""
        now = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        key = (int(article["id"]), str(article.get("locale") or "ja"))
        base = copy.deepcopy(self.articles.get(key, {}))
        base.update(article)
        base.setdefault("locale", key[1])
        base.setdefault("section_id", 360001)
        base.setdefault("label_names", [])
        base.setdefault("draft", False)
        base.setdefault(
            "html_url", f"https://helpdesk.city-sakura.example/hc/{key[1]}/articles/{key[0]}"
        )
        if "updated_at" not in article:
            base["updated_at"] = now
        self.articles[key] = base

    def keys_for(self, body: dict[str, Any]) -> list[tuple[int, str]]:
        aid, locale = int(body["id"]), body.get("locale")
        return [k for k in self.articles if k[0] == aid and (locale is None or k[1] == locale)]


class Handler(BaseHTTPRequestHandler):
    server: DevServer
    protocol_version = "HTTP/1.0"
    disable_nagle_algorithm = True  # many small responses otherwise stall ~40 ms each

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            sys.stderr.write("devserver: " + (format % args) + "\n")

    # -- routing ------------------------------------------------------------------

    def do_POST(self) -> None:
        state = self.server.state
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"null") if length else None
        path = urlsplit(self.path).path
        with state.lock:
            if path == "/_control":
                state.control.update(body or {})
                state.fault_hits = 0
            elif path == "/_reset":
                state.reset()
            elif path == "/_articles":
                for article in body or []:
                    state.upsert(article)
            elif path == "/_withdraw":
                for aid, locale in state.keys_for(body):
                    state.upsert({"id": aid, "locale": locale, "draft": True})
            elif path == "/_delete":
                for key in state.keys_for(body):
                    del state.articles[key]
            else:
                self._send(404, {"error": "NotFound"})
                return
        self._send(200, {"ok": True})

    def do_GET(self) -> None:
        state = self.server.state
        parts = urlsplit(self.path)
        path, query = parts.path, {k: v[-1] for k, v in parse_qs(parts.query).items()}
        if path == "/_requests":
            with state.lock:
                self._send(200, {"requests": list(state.requests)})
            return
        with state.lock:
            state.requests.append({"path": path, "query": query})
            control = dict(state.control)
        token = control.get("token")
        if token and self.headers.get("Authorization") != f"Bearer {token}":
            self._send(401, {"error": "Couldn't authenticate you"})
            return
        if self._fault(path, query, control):
            return
        if path.startswith(ATTACHMENT_PREFIX):
            self._attachment(path[len(ATTACHMENT_PREFIX) :])
            return
        segments = path.strip("/").split("/")
        with state.lock:
            if path == "/api/v2/help_center/incremental/articles.json":
                payload = self._incremental(query, control)
            elif (
                len(segments) == 5
                and segments[:3] == ["api", "v2", "help_center"]
                and segments[4] in ("articles.json", "sections.json")
            ):
                locale = segments[3]
                items = (
                    state.articles_for(locale)
                    if segments[4] == "articles.json"
                    else state.sections_for(locale)
                )
                payload = self._cursor_page(path, query, segments[4][:-5], items)
            elif path == "/faq-feed/v1/entries.json":
                payload = self._feed(query)
            else:
                payload = None
        if payload is None:
            self._send(404, {"error": "InvalidEndpoint"})
            return
        self._send(200, payload, truncate=self._should_truncate(path, query, control))

    def _attachment(self, name: str) -> None:
        """``*.png``: a small PNG; ``*.svg``: an SVG with a script; anything else: 404."""
        if name.endswith(".png"):
            self._raw(200, SAMPLE_PNG, "image/png")
        elif name.endswith(".svg"):
            svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>window.__pwned=1</script></svg>'
            self._raw(200, svg, "image/svg+xml")
        else:
            self._send(404, {"error": "RecordNotFound"})

    # -- faults -------------------------------------------------------------------

    def _fault(self, path: str, query: dict[str, str], control: dict[str, Any]) -> bool:
        fault = control["fault"]
        if fault in ("none", "truncate") or control["fault_path"] not in path:
            return False
        with self.server.state.lock:
            self.server.state.fault_hits += 1
            if self.server.state.fault_hits > int(control["fault_count"]):
                return False
        if fault == "500":
            self._send(500, {"error": "InternalServerError"})
        elif fault == "429":
            self._send(
                429,
                {"error": "TooManyRequests"},
                headers={"Retry-After": str(control["retry_after"])},
            )
        elif fault == "malformed":
            self._raw(200, b'{"articles": [{"id": 1, "title": "oops"', "application/json")
        elif fault == "slow":
            time.sleep(float(control["delay"]))
            return False
        elif fault == "trickle":
            body = json.dumps({"articles": [], "meta": {"has_more": False}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                for byte in body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(float(control["delay"]))
            except OSError:
                pass
        elif fault == "drop":
            self.close_connection = True
            self.connection.close()
        else:
            return False
        return True

    def _should_truncate(self, path: str, query: dict[str, str], control: dict[str, Any]) -> bool:
        if control["fault"] != "truncate" or control["fault_path"] not in path:
            return False
        if not path.endswith("articles.json"):
            return False
        offset = _decode_cursor(query.get("page[after]"))
        size = _page_size(query)
        return offset // size + 1 == int(control["fault_page"])

    # -- pages --------------------------------------------------------------------

    def _base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def _cursor_page(
        self, path: str, query: dict[str, str], key: str, items: list[dict[str, Any]]
    ) -> dict[str, Any]:
        size = _page_size(query)
        offset = _decode_cursor(query.get("page[after]"))
        chunk = items[offset : offset + size]
        has_more = offset + size < len(items)
        after = _encode_cursor(offset + size) if has_more else None
        next_url = (
            f"{self._base()}{path}?{urlencode({'page[size]': size, 'page[after]': after})}"
            if after
            else None
        )
        return {
            key: chunk,
            "meta": {"has_more": has_more, "after_cursor": after, "before_cursor": None},
            "links": {"first": None, "last": None, "next": next_url, "prev": None},
        }

    def _incremental(self, query: dict[str, str], control: dict[str, Any]) -> dict[str, Any]:
        start = int(query.get("start_time") or 0)
        offset = int(query.get("offset") or 0)
        size = int(control["incremental_page_size"])
        changed = sorted(
            (a for a in self.server.state.articles.values() if _epoch(a["updated_at"]) >= start),
            key=lambda a: (_epoch(a["updated_at"]), a["id"]),
        )
        chunk = changed[offset : offset + size]
        more = offset + size < len(changed)
        end_time = _epoch(chunk[-1]["updated_at"]) if chunk else int(time.time())
        if not more:
            end_time = max(end_time, int(time.time()) - 60)
        next_url = None
        if more:
            params = urlencode({"start_time": start, "offset": offset + size})
            next_url = f"{self._base()}/api/v2/help_center/incremental/articles.json?{params}"
        return {
            "articles": chunk,
            "count": len(chunk),
            "end_time": end_time,
            "next_page": next_url,
            "end_of_stream": not more,
        }

    def _feed(self, query: dict[str, str]) -> dict[str, Any]:
        state = self.server.state
        page = int(query.get("page") or 1)
        size = 25
        articles = sorted(state.articles.values(), key=lambda a: (a["id"], a["locale"]))
        chunk = articles[(page - 1) * size : page * size]
        more = page * size < len(articles)
        result: dict[str, Any] = {
            "version": 1,
            "entries": [
                {
                    "id": str(a["id"]),
                    "question": a["title"],
                    "answer": a["body"],
                    "answer_format": "html",
                    "category": str(a["section_id"]),
                    "tags": a.get("label_names", []),
                    "updated_at": a["updated_at"],
                    "status": "draft" if a.get("draft") else "published",
                    "locale": a["locale"].split("-")[0],
                    "url": a.get("html_url", ""),
                }
                for a in chunk
            ],
            "next": f"{self._base()}/faq-feed/v1/entries.json?page={page + 1}" if more else None,
        }
        if page == 1:
            result["categories"] = [
                {
                    "id": str(s["id"]),
                    "name": s["name"],
                    "locale": s["locale"].split("-")[0],
                    "description": s.get("description", ""),
                    "position": s.get("position", 0),
                }
                for s in state.sections
            ]
        return result

    # -- output -------------------------------------------------------------------

    def _send(
        self,
        status: int,
        payload: Any,
        *,
        headers: dict[str, str] | None = None,
        truncate: bool = False,
    ) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        if truncate:
            body = body[: len(body) // 2]
        self._raw(status, body, "application/json; charset=utf-8", headers)

    def _raw(
        self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(body)


class DevServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int, state: HelpdeskState, verbose: bool = False) -> None:
        self.state = state
        self.verbose = verbose
        super().__init__(("127.0.0.1", port), Handler)


def _page_size(query: dict[str, str]) -> int:
    try:
        return max(1, min(PAGE_SIZE_MAX, int(query.get("page[size]") or 30)))
    except ValueError:
        return 30


def _encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()


def _decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        return int(base64.urlsafe_b64decode(cursor.encode()).decode()[2:])
    except ValueError:
        return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wardsite_ops.faqdesk")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--sample-dir", type=Path, default=SAMPLE_DIR)
    parser.add_argument("--fault", default="none")
    parser.add_argument("--fault-path", default="")
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--retry-after", type=int, default=1)
    parser.add_argument("--token", default=None, help="require this bearer token")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    state = HelpdeskState(args.sample_dir)
    state.control.update(
        fault=args.fault,
        fault_path=args.fault_path,
        delay=args.delay,
        retry_after=args.retry_after,
        token=args.token,
    )
    server = DevServer(args.port, state, verbose=args.verbose)
    host, port = server.server_address[:2]
    print(f"devserver listening on http://{host}:{port}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
