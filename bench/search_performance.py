"""Search performance benchmark (not a test): generated pages, ours vs Material vs Pagefind.

    .venv/bin/python -m bench.search_performance                  # about 10-20 minutes
    .venv/bin/python -m bench.search_performance --pages 1000 --runs 1
    .venv/bin/python -m bench.search_performance --workdir /tmp/perf --reuse   # skip the builds
    .venv/bin/python -m bench.search_performance --baseline /tmp/main-export  # + "before"

Engines, all on the same generated pages in the same run: *ours*, *Material*
(its default search), *Pagefind* (1.x, the npm package's extended binary,
which segments Japanese; pinned in bench/package.json and installed there
with ``npm ci`` on first use) and, with ``--baseline DIR`` (an export of an
earlier commit, e.g. ``git archive main | tar -x -C DIR``), *before*: our
search as built by that commit's hooks, overrides and data.

What it does, all on this machine:

1. Generates ``--pages`` Japanese Markdown pages (default 5,000; deterministic
   from ``--seed``) from a set of topic templates: each page has front matter,
   3-5 headed sections, lists, some English product names, and vocabulary
   varied per topic; with ``--corpus docs`` most sentences are real ones drawn
   from this site's ``docs/`` (template text compresses far better than real
   text, which flatters gzip sizes). 16 topics, each split into folders of
   ``--section-size`` pages (50; each with an index page, so 112 more pages at
   5,000; ``0`` puts a topic's ~300 pages in one folder, as in the first
   measurements). They replace ``docs/`` in a temporary copy of the project
   (mkdocs.yml, hooks, overrides, org.yml, data); the explicit ``nav:`` is
   dropped (``navigation.prune`` is already on). The FAQ and the training
   sessions stages are taken out of both builds (``extra.skip_stages``): both
   would add the same pages to both engines and only blur what is measured.
   So are the glossary and announcements stages: they link to guide pages
   that the generated site does not have. mkdocs-static-i18n stays as
   configured, so every page is also built under ``/en/`` (fallback), as on the
   real site.
2. Builds the site twice with ``mkdocs build --strict``, timing each: *ours*
   (the full config) and *Material* (the same config without our search
   stage and with a copy of ``overrides/`` without
   ``main.html``, i.e. Material's own worker on its ``search_index.json``).
3. Serves each build on 127.0.0.1 with a server that keeps connections
   open (HTTP/1.1 keep-alive) and answers ``Accept-Encoding: gzip`` the way a
   web server with precompressed files does: ``X.gz`` when it exists, else
   X gzipped (level 6) on the fly, with ``Content-Encoding: gzip``; files
   that are gzip already (``*.gz``) go as they are. The bytes counted are the
   response bodies the server sent, that is the gzip bytes the browser fetched.
4. In headless Chromium, per engine:

   * *first answer*: a fresh browser context (empty cache) opens the Japanese
     home page; the moment the search box exists, a script in the page types
     a query into it and fires keyup (Material searches on keyup; Playwright's
     own typing would add 300-400 ms of driver round trips here). Measured
     from navigation start
     (``performance.timeOrigin``) to the first ``.md-search-result__item`` in
     the page; the bytes the server sent until then. Median of ``--runs``,
     taken round-robin over the engines after one uncounted load each
     (:func:`measure`); also the part after DOMContentLoaded.
   * *query latency*: on a page whose search is ready, each query of a mixed
     list (single words, two words, English, half-typed, questions,
     variants, typos, rare and very common words) is typed, then End is
     pressed; from that keydown to the first frame after the result list
     (or "no result") is in the page. p50 and p95; with ``--passes N``, of
     each query's median over N passes (round-robin over the engines).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any

from bench.search_quality import SEARCH_BOX, chromium
from support.build import build_site
from support.httpserver import QuietServer
from wardsite_mkdocs.pipeline import skip_stages

ROOT = Path(__file__).resolve().parents[1]

ENGINES = ("ours", "material", "pagefind")
BENCH = ROOT / "bench"
#: Where the Pagefind copy of our build takes its search worker from.
PAGEFIND_WORKER = BENCH / "pagefind_worker.js"
#: Pagefind indexes Material's content area only (no navigation, header, footer).
PAGEFIND_ROOT = ".md-content"
#: Build stages left out of both builds (see the module docstring).
LEFT_OUT_STAGES = ("faq", "sessions", "glossary", "announcements")
#: Left out of the Material build too: its index is Material's own.
SEARCH_STAGE = "search"

GOALS = {
    "first": "<= 300 ms",
    "p95": "<= 50 ms",
    "bytes": "<= 2x Material",
    "build": "<= 1.5x Material",
}

# -- the generated site ------------------------------------------------------------

#: (folder, topic name, nouns, English words, actions)
TOPICS: list[tuple[str, str, list[str], list[str], list[str]]] = [
    (
        "account",
        "アカウント",
        ["統合ID", "パスワード", "多要素認証", "サインイン", "ロック", "初期設定"],
        ["Microsoft 365", "Authenticator", "MFA"],
        ["再設定する", "変更する", "解除する"],
    ),
    (
        "mail",
        "メール",
        ["受信トレイ", "共有メールボックス", "添付ファイル", "署名", "迷惑メール", "転送"],
        ["Outlook", "Exchange"],
        ["送信する", "振り分ける", "検索する"],
    ),
    (
        "calendar",
        "予定表",
        ["会議室", "予定", "出欠", "共有カレンダー", "招待", "繰り返し"],
        ["Outlook", "Teams"],
        ["登録する", "共有する", "取り消す"],
    ),
    (
        "teams",
        "チャット",
        ["チャネル", "会議", "画面共有", "録画", "在席状況", "通知"],
        ["Teams", "Microsoft Teams"],
        ["参加する", "開始する", "設定する"],
    ),
    (
        "files",
        "ファイル",
        ["共有フォルダー", "ファイルサーバー", "復元", "版の履歴", "容量", "アクセス権"],
        ["OneDrive", "SharePoint"],
        ["保存する", "共有する", "復元する"],
    ),
    (
        "telework",
        "テレワーク",
        ["在宅勤務", "リモート接続", "貸出端末", "勤務報告", "回線", "持ち出し"],
        ["VPN", "Windows"],
        ["申請する", "接続する", "返却する"],
    ),
    (
        "network",
        "ネットワーク",
        ["無線LAN", "インターネット", "ファイル転送", "分離環境", "通信", "プロキシ"],
        ["Wi-Fi", "LGWAN"],
        ["接続する", "確認する", "切り替える"],
    ),
    (
        "security",
        "情報セキュリティ",
        ["標的型メール", "ウイルス", "紛失", "暗号化", "個人情報", "持ち出し"],
        ["Defender", "BitLocker"],
        ["報告する", "駆除する", "暗号化する"],
    ),
    (
        "printing",
        "印刷",
        ["複合機", "プリンター", "両面印刷", "カラー印刷", "用紙切れ", "スキャン"],
        ["PDF", "USB"],
        ["印刷する", "読み取る", "設定する"],
    ),
    (
        "devices",
        "パソコン",
        ["再起動", "更新プログラム", "周辺機器", "モニター", "キーボード", "電源"],
        ["Windows Update", "Bluetooth"],
        ["更新する", "交換する", "修理する"],
    ),
    (
        "phone",
        "電話",
        ["内線", "公用スマートフォン", "転送電話", "留守番電話", "代表番号", "着信"],
        ["iPhone", "Android"],
        ["転送する", "登録する", "応答する"],
    ),
    (
        "web",
        "ホームページ",
        ["公開ページ", "お知らせ", "更新依頼", "アクセシビリティ", "画像", "リンク切れ"],
        ["CMS", "HTML"],
        ["掲載する", "修正する", "依頼する"],
    ),
    (
        "apps",
        "業務システム",
        ["文書管理", "財務会計", "庶務事務", "決裁", "電子申請", "帳票"],
        ["Excel", "Word"],
        ["起案する", "承認する", "出力する"],
    ),
    (
        "rpa",
        "業務改善",
        ["自動化", "ノーコード", "申請フォーム", "集計", "データ連携", "業務フロー"],
        ["Power Automate", "Forms", "RPA"],
        ["作成する", "自動化する", "見直す"],
    ),
    (
        "learning",
        "研修",
        ["新任研修", "動画", "受講", "資料", "確認テスト", "修了証"],
        ["e-learning", "Stream"],
        ["受講する", "予約する", "視聴する"],
    ),
    (
        "help",
        "問い合わせ",
        ["ヘルプデスク", "受付時間", "障害情報", "窓口", "リモートサポート", "問い合わせ番号"],
        ["ServiceNow", "Zendesk"],
        ["連絡する", "相談する", "依頼する"],
    ),
]

SENTENCES = [
    "{noun}について、よくある質問と手順をまとめました。",
    "{english} で{noun}を{action}ときは、次の手順で行います。",
    "{noun}の画面を開き、「{noun2}」を押します。",
    "{noun}ができないときは、まず{noun2}を確かめてください。",
    "所属長の承認が必要なときは、{noun}の申請書を提出します。",
    "{english} にサインインしてから、{noun}を{action}ことができます。",
    "{noun}と{noun2}の違いは、利用できる範囲と保存される場所です。",
    "画面に「{noun}が見つかりません」と表示されたときは、{noun2}を{action}と解決することがあります。",
    "区の規程により、{noun}は業務の目的にだけ使ってください。",
    "詳しくは、{topic}の担当（内線 {ext}）に問い合わせてください。",
    "{year}年度から、{noun}の手順が変わりました。以前の手順は使えません。",
    "{english} のバージョンによって、ボタンの位置が少し違うことがあります。",
]
HEADINGS = [
    "{noun}を{action}には",
    "{noun}でよくあるトラブル",
    "{english} の設定",
    "{noun}の注意点",
    "{noun2}との関係",
    "困ったときの連絡先",
    "{noun}の手順（{year}年度版）",
]
STEPS = [
    "スタートメニューから「{english}」を開きます。",
    "「{noun}」を選びます。",
    "画面の指示に従って、{noun2}を入力します。",
    "「保存」を押します。",
    "{noun}が{action.past}ことを確かめます。",
]


@dataclass(frozen=True)
class GeneratedSite:
    project: Path
    config_ours: Path
    config_material: Path
    vocabulary: dict[str, list[str]]
    configs: dict[str, Path] = field(default_factory=dict)


def _fill(template: str, rnd: random.Random, topic: tuple) -> str:
    _folder, name, nouns, english, actions = topic
    noun, noun2 = rnd.sample(nouns, 2)
    action = rnd.choice(actions)
    return template.replace("{action.past}", action[:-2] + "した").format(
        noun=noun,
        noun2=noun2,
        english=rnd.choice(english),
        action=action,
        topic=name,
        ext=rnd.randint(1000, 9999),
        year=rnd.choice([2024, 2025, 2026]),
    )


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_NOISE = re.compile(r"\{[^}]*\}|:[a-z0-9-]+:|\[\^[^\]]*\]|\*\*|<[^>]+>|\\")


def load_corpus(docs: Path = ROOT / "docs") -> list[str]:
    """Sentences of the site's own Japanese pages, Markdown stripped (``--corpus docs``)."""
    sentences: list[str] = []
    for path in sorted(docs.rglob("*.md")):
        if path.name.endswith(".en.md"):
            continue
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for line in body.splitlines():
            line = line.strip()
            if not line or line[0] in "#!?|<`*>=" or line.startswith(("---", "[", "{")):
                continue
            if "{{" in line or "{%" in line or ("](" in line and "http" in line):
                continue
            line = re.sub(r"^(\d+\.|[-+])\s+", "", line)
            line = _MD_NOISE.sub("", _MD_LINK.sub(r"\1", line)).strip()
            for sentence in re.findall(r"[^。]+。?", line):
                if len(sentence) >= 8 and not sentence.startswith(("-", "|")):
                    sentences.append(sentence.replace('"', "”"))
    return sentences


def page_markdown(rnd: random.Random, topic: tuple, number: int, corpus: Sequence[str] = ()) -> str:
    """One page; with a corpus, most sentences are real ones drawn from it."""
    _folder, name, nouns, _english, actions = topic

    def sentence() -> str:
        if corpus and rnd.random() < 0.75:
            return rnd.choice(corpus)
        return _fill(rnd.choice(SENTENCES), rnd, topic)

    noun = rnd.choice(nouns)
    title = f"{noun}を{rnd.choice(actions)[:-2]}する（{name} {number}）"
    lines = [
        "---",
        f'title: "{title}"',
        f'description: "{_fill(rnd.choice(SENTENCES), rnd, topic)}"',
        "---",
        "",
        f"# {title}",
        "",
        " ".join(sentence() for _ in range(2)),
        "",
    ]
    for _ in range(rnd.randint(3, 5)):
        lines += [f"## {_fill(rnd.choice(HEADINGS), rnd, topic)}", ""]
        lines += ["".join(sentence() for _ in range(3)), ""]
        if rnd.random() < 0.6:
            steps = [
                _fill(step, rnd, topic)
                if corpus == () or rnd.random() < 0.5
                else rnd.choice(corpus)
                for step in STEPS
            ]
            lines += [f"{i}. {step}" for i, step in enumerate(steps, 1)]
            lines.append("")
        if rnd.random() < 0.25:
            lines += ['!!! note "メモ"', f"    {sentence()}", ""]
    return "\n".join(lines)


def generate_docs(
    docs: Path, pages: int, seed: int, corpus: Sequence[str] = (), section_size: int = 50
) -> None:
    """``pages`` Markdown pages (home and section index pages included).

    16 topics; each topic's pages are in sections of ``section_size`` pages
    (0: all in the topic's folder, as in the first measurements).
    """
    rnd = random.Random(seed)
    assets = ROOT / "docs" / "assets"
    shutil.copytree(assets, docs / "assets")
    (docs / "index.md").write_text(
        '---\ntitle: "ホーム"\ndescription: "性能測定用に生成したサイトです。"\n---\n\n'
        "# 職員ITガイド（性能測定用）\n\n"
        + "\n".join(f"- [{t[1]}]({t[0]}/index.md)" for t in TOPICS)
        + "\n",
        encoding="utf-8",
    )
    left = pages - 1
    for n, topic in enumerate(TOPICS):
        count = left // (len(TOPICS) - n)
        left -= count
        folder = docs / topic[0]
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(
            f'---\ntitle: "{topic[1]}"\ndescription: "{topic[1]}のページの一覧です。"\n---\n\n'
            f"# {topic[1]}\n\n{topic[1]}についてのページです。\n",
            encoding="utf-8",
        )
        for i in range(1, count):
            # Sections of at most PER_SECTION pages, as a real site would group them:
            # the sidebar lists the open section's pages on every page of it.
            part = folder if section_size == 0 else folder / f"part-{(i - 1) // section_size:02d}"
            if not (part / "index.md").exists():
                part.mkdir(exist_ok=True)
                (part / "index.md").write_text(
                    f'---\ntitle: "{topic[1]} {part.name}"\n'
                    f'description: "{topic[1]}のページの一覧です。"\n---\n\n'
                    f"# {topic[1]} {part.name}\n\n{topic[1]}についてのページです。\n",
                    encoding="utf-8",
                )
            text = page_markdown(rnd, topic, i, corpus)
            (part / f"page-{i:04d}.md").write_text(text, encoding="utf-8")


#: The top-task pages offered under an empty result name pages the generated site lacks.
_TOP_PAGES = re.compile(r"^  search_top_pages:\n(?:    - .*\n)+", re.MULTILINE)


def _config_text(text: str, *, our_search: bool, custom_dir: str) -> str:
    text = _TOP_PAGES.sub("", text.split("\nnav:", 1)[0] + "\n")
    text = skip_stages(text, [*LEFT_OUT_STAGES, *([] if our_search else [SEARCH_STAGE])])
    return text.replace("custom_dir: overrides", f"custom_dir: {custom_dir}")


def copy_project(source: Path, dest: Path) -> None:
    """The build's own files of a project (not its docs)."""
    for name in ("overrides", "hooks", "data"):
        shutil.copytree(source / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(source / "org.yml", dest / "org.yml")


def generate_project(
    dest: Path,
    pages: int,
    seed: int,
    corpus: Sequence[str] = (),
    section_size: int = 50,
    baseline: Path | None = None,
) -> GeneratedSite:
    """A copy of the project whose docs/ are ``pages`` generated pages; its configs.

    With ``baseline`` (an export of an earlier commit), ``dest/before`` is that
    commit's project on the same generated docs, configured like *ours*.
    """
    copy_project(ROOT, dest)
    shutil.copytree(
        ROOT / "overrides", dest / "overrides-material", ignore=shutil.ignore_patterns("main.html")
    )
    generate_docs(dest / "docs", pages, seed, corpus, section_size)
    base = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    ours = dest / "mkdocs.yml"
    ours.write_text(_config_text(base, our_search=True, custom_dir="overrides"), "utf-8")
    material = dest / "mkdocs-material.yml"
    material.write_text(
        _config_text(base, our_search=False, custom_dir="overrides-material"), "utf-8"
    )
    configs = {"ours": ours, "material": material}
    if baseline is not None:
        before = dest / "before"
        copy_project(baseline, before)
        shutil.copytree(dest / "docs", before / "docs")
        text = (baseline / "mkdocs.yml").read_text(encoding="utf-8")
        configs["before"] = before / "mkdocs.yml"
        configs["before"].write_text(
            _config_text(text, our_search=True, custom_dir="overrides"), "utf-8"
        )
    vocabulary = {
        "nouns": sorted({n for t in TOPICS for n in t[2]}),
        "english": sorted({e for t in TOPICS for e in t[3]}),
        "topics": [t[1] for t in TOPICS],
    }
    return GeneratedSite(dest, ours, material, vocabulary, configs)


# -- the queries ---------------------------------------------------------------------

QUERIES: list[str] = [
    # single words, common and rare
    "パスワード",
    "会議室",
    "複合機",
    "在宅勤務",
    "共有フォルダー",
    "暗号化",
    "決裁",
    "手順",
    "設定",
    "画面",
    "申請",
    "修了証",
    "留守番電話",
    "リンク切れ",
    # two words
    "パスワード 変更",
    "Teams 会議",
    "OneDrive 復元",
    "VPN 接続",
    "メール 転送",
    "プリンター 両面印刷",
    "予定 共有",
    "ウイルス 報告",
    # English, any case
    "OneDrive",
    "outlook",
    "Power Automate",
    "BitLocker",
    "Wi-Fi",
    "excel",
    "MFA",
    # half-typed (the last word is still being typed)
    "パスワ",
    "多要素",
    "ファイルサ",
    "Shar",
    "テレワ",
    # questions and phrases
    "パスワードを忘れたときはどうすればいいですか",
    "会議室を予約したい",
    "ファイルを間違えて消してしまった",
    "在宅勤務の申請はどこからできますか",
    "印刷できないときの連絡先",
    # variants: katakana/hiragana, width, long vowel
    "ﾊﾟｽﾜｰﾄﾞ",
    "ぷりんたー",
    "サーバ",
    "ＯｎｅＤｒｉｖｅ",
    # typos
    "パスワート",
    "多要素任証",
    "onedrvie",
    "Outlok",
    # not in the site
    "確定申告",
    "zzzz",
]


# -- a server that sends gzip like a production web server ---------------------------

_COMPRESSIBLE = re.compile(r"\.(html?|css|js|mjs|json|svg|xml|txt|map)$")


@dataclass
class Traffic:
    """Bytes of response bodies the server sent, with their paths."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    sent: list[tuple[str, int]] = field(default_factory=list)

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.sent.append((path, size))

    def reset(self) -> None:
        with self.lock:
            self.sent.clear()

    def snapshot(self) -> list[tuple[str, int]]:
        with self.lock:
            return list(self.sent)


class _GzipHandler(SimpleHTTPRequestHandler):
    # Keep-alive, as production web servers do (every response has a Content-Length).
    protocol_version = "HTTP/1.1"
    traffic: Traffic
    cache: dict[str, bytes]

    def setup(self) -> None:
        super().setup()
        # Without TCP_NODELAY many small fetches stall about 40 ms each.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                super().do_GET()
                return
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and os.path.isfile(path) and _COMPRESSIBLE.search(path)):
            super().do_GET()
            return
        body = self.cache.get(path)
        if body is None:
            if os.path.isfile(path + ".gz"):
                body = Path(path + ".gz").read_bytes()
            else:
                body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
            self.cache[path] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)
        self.traffic.add(self.path, len(body))

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        data = source.read()
        outputfile.write(data)
        self.traffic.add(self.path, len(data))


@contextmanager
def serve_gzip(root: Path) -> Iterator[tuple[str, Traffic]]:
    """Serve ``root`` on 127.0.0.1 with gzip; yield (base URL, traffic record)."""
    traffic = Traffic()
    handler = type("Handler", (_GzipHandler,), {"traffic": traffic, "cache": {}})

    def make(*args: Any, **kwargs: Any) -> _GzipHandler:
        return handler(*args, directory=str(root), **kwargs)

    server = QuietServer(("127.0.0.1", 0), make)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", traffic
    finally:
        server.shutdown()
        server.server_close()


# -- the browser ---------------------------------------------------------------------

#: Runs in every page before its own scripts: the time of the first result in the
#: page, the worker's setup and ready messages, the keydown and render of a query.
_PROBE = """
(() => {
  const probe = window.__perf = {firstResult: null, setup: null, ready: null};
  const Native = window.Worker;
  window.Worker = function (url, options) {
    const worker = new Native(url, options);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message, ...rest) => {
      if (message && message.type === 0 && probe.setup === null) probe.setup = performance.now();
      return post(message, ...rest);
    };
    worker.addEventListener("message", (ev) => {
      if (ev.data && ev.data.type === 1 && probe.ready === null) probe.ready = performance.now();
    });
    return worker;
  };
  window.Worker.prototype = Native.prototype;
  new MutationObserver((_, observer) => {
    if (document.querySelector(".md-search-result__item")) {
      probe.firstResult = performance.now();
      observer.disconnect();
    }
  }).observe(document, {childList: true, subtree: true});
})();
"""

_ARM = """(args) => {
  const [placeholder] = args;
  const box = document.querySelector('input[data-md-component="search-query"]');
  const meta = document.querySelector(".md-search-result__meta");
  const list = document.querySelector(".md-search-result__list");
  window.__query = new Promise((resolve) => {
    let down = null;
    const mark = () => { down = performance.now(); };
    box.addEventListener("keydown", mark, {once: true, capture: true});
    const done = () => meta.textContent !== placeholder && down !== null &&
      (list.children.length > 0 || meta.textContent.trim() !== "");
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve({
        ms: performance.now() - down, results: list.children.length}), 0));
    });
    observer.observe(meta.parentElement, {childList: true, subtree: true, characterData: true});
  });
}"""


@dataclass
class FirstAnswer:
    ms: float
    gzip_bytes: int
    setup_ms: float | None
    ready_ms: float | None
    fetched: list[tuple[str, int]]
    dom_ms: float | None = None


#: Types a query the moment the search box is in the page: sets its value and fires
#: the keyup Material searches on (Material also reads the box when its worker says
#: READY, so a keyup before Material's script runs is not lost). Playwright's own
#: typing waits for driver round trips and actionability checks first, which took
#: 300-400 ms on this machine and would hide what the engines take.
_TYPE_AT_ONCE = """
((query) => {
  const type = (box) => {
    box.value = query;
    box.dispatchEvent(new KeyboardEvent("keyup", {key: "End", bubbles: true}));
    window.__perf.typed = performance.now();
  };
  new MutationObserver((_, observer) => {
    const box = document.querySelector('input[data-md-component="search-query"]');
    if (!box) return;
    observer.disconnect();
    type(box);
  }).observe(document, {childList: true, subtree: true});
})
"""


def first_answer(browser: Any, url: str, traffic: Traffic, query: str) -> FirstAnswer:
    """Navigation start to the first result rendered, in a fresh context."""
    context = browser.new_context(locale="ja-JP")
    try:
        context.add_init_script(_PROBE)
        context.add_init_script(f"{_TYPE_AT_ONCE}({json.dumps(query)});")
        page = context.new_page()
        page.set_default_timeout(120_000)
        traffic.reset()
        page.goto(url, wait_until="commit")
        page.wait_for_function("() => window.__perf.firstResult !== null", polling="raf")
        fetched = traffic.snapshot()
        probe = page.evaluate(
            "() => ({...window.__perf, dcl: performance.getEntriesByType('navigation')[0]"
            ".domContentLoadedEventEnd})"
        )
        return FirstAnswer(
            probe["firstResult"],
            sum(n for _, n in fetched),
            probe["setup"],
            probe["ready"],
            fetched,
            probe["dcl"],
        )
    finally:
        context.close()


def query_latencies(browser: Any, url: str, queries: Sequence[str]) -> list[float]:
    """Keydown to rendered results, per query, on a page whose search is ready."""
    context = browser.new_context(locale="ja-JP")
    try:
        page = context.new_page()
        page.set_default_timeout(120_000)
        page.goto(url)
        box = page.locator(SEARCH_BOX)
        placeholder = page.evaluate(
            "() => JSON.parse(document.getElementById('__config').textContent)"
            ".translations['search.result.placeholder']"
        )
        box.click()
        page.wait_for_function(
            "(t) => document.querySelector('.md-search-result__meta').textContent === t",
            arg=placeholder,
        )
        out = []
        for query in [QUERIES[0], *queries]:  # the first one warms up
            box.fill("")
            box.press("End")
            page.wait_for_function(
                "(t) => document.querySelector('.md-search-result__meta').textContent === t",
                arg=placeholder,
            )
            box.fill(query)
            page.evaluate(_ARM, [placeholder])
            box.press("End")
            out.append(page.evaluate("() => window.__query")["ms"])
        return out[1:]
    finally:
        context.close()


# -- the run -------------------------------------------------------------------------


@dataclass
class EngineResult:
    build_s: float
    first: list[FirstAnswer]
    latencies: list[float]
    build_log: str = ""

    @property
    def first_ms(self) -> float:
        return statistics.median(f.ms for f in self.first)

    @property
    def after_dom_ms(self) -> float:
        """The search's own part: DOMContentLoaded to the first result (median)."""
        return statistics.median(f.ms - (f.dom_ms or 0) for f in self.first)

    @property
    def gzip_bytes(self) -> int:
        return int(statistics.median(f.gzip_bytes for f in self.first))

    def percentile(self, p: float) -> float:
        values = sorted(self.latencies)
        k = max(0, min(len(values) - 1, round(p / 100 * len(values) + 0.5) - 1))
        return values[k]


def timed_build(config: Path, dest: Path) -> tuple[float, str]:
    started = time.perf_counter()
    result = build_site(dest, config)
    seconds = time.perf_counter() - started
    log = result.stdout + result.stderr
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed ({config.name}):\n{log[-4000:]}")
    return seconds, log


def pagefind_command() -> list[str]:
    """The pinned Pagefind (bench/package.json), installed with npm ci on first use."""
    binary = BENCH / "node_modules" / ".bin" / "pagefind"
    if not binary.exists():
        import subprocess

        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=BENCH, check=True)
    return [str(binary)]


def pagefind_site(ours: Path, dest: Path) -> tuple[float, str]:
    """A copy of our build answered by Pagefind: its index, and its worker in place of ours.

    The seconds returned are Pagefind's indexing only (the HTML is ours, built before).
    """
    import subprocess

    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(ours, dest)
    shutil.copy(PAGEFIND_WORKER, dest / "assets" / "javascripts" / "search" / "worker.js")
    started = time.perf_counter()
    result = subprocess.run(
        [*pagefind_command(), "--site", str(dest), "--root-selector", PAGEFIND_ROOT, "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0 or not (dest / "pagefind" / "pagefind.js").exists():
        raise RuntimeError(f"pagefind failed:\n{result.stdout}{result.stderr}")
    return seconds, result.stdout + result.stderr


def measure(
    sites: dict[str, Path], runs: int, latency_passes: int, browser: Any
) -> dict[str, tuple[list[FirstAnswer], list[float]]]:
    """Cold first answers, then query latencies (per query, the median of the passes).

    The cold loads go round-robin over the engines (one of each, then the next
    round), after one load per engine that is not counted: on this shared
    machine the load drifts over minutes, and measuring one engine's loads as a
    block turned that drift into differences between engines of 100 ms and
    more. The uncounted load fills the server's gzip cache, as a production
    server's precompressed files would be. The latency passes go round-robin too.
    """
    with ExitStack() as stack:
        served = {e: stack.enter_context(serve_gzip(site)) for e, site in sites.items()}
        first: dict[str, list[FirstAnswer]] = {e: [] for e in sites}
        for round_ in range(runs + 1):
            for engine, (url, traffic) in served.items():
                answer = first_answer(browser, url, traffic, "パスワード")
                if round_:
                    first[engine].append(answer)
        passes: dict[str, list[list[float]]] = {e: [] for e in sites}
        for _ in range(latency_passes):
            for engine, (url, _) in served.items():
                passes[engine].append(query_latencies(browser, url, QUERIES))
        return {
            e: (first[e], [statistics.median(q) for q in zip(*passes[e], strict=True)])
            for e in sites
        }


def _kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB"


#: Column titles of the engines, in the report's order.
TITLES = {"ours": "ours", "before": "before", "material": "Material", "pagefind": "Pagefind"}


def format_report(results: dict[str, EngineResult], pages: int) -> str:
    engines = [e for e in TITLES if e in results]
    ours = results["ours"]
    others = [e for e in engines if e != "ours"]
    rows: list[tuple[str, Any, str]] = [
        ("first answer (ms)", lambda r: r.first_ms, "{:,.0f}"),
        ("  after DOMContent", lambda r: r.after_dom_ms, "{:,.0f}"),
        ("query p50 (ms)", lambda r: r.percentile(50), "{:.1f}"),
        ("query p95 (ms)", lambda r: r.percentile(95), "{:.1f}"),
        ("gzip bytes to 1st", lambda r: r.gzip_bytes, "kb"),
        ("build (s)", lambda r: r.build_s, "{:.1f}"),
    ]
    goals = [GOALS["first"], "", "", GOALS["p95"], GOALS["bytes"], GOALS["build"]]
    lines = [
        f"{pages:,} generated pages (x2 with the /en/ fallback), "
        f"{len(ours.first)} cold load(s), {len(QUERIES)} queries",
        "",
        f"{'':20}"
        + "".join(f"{TITLES[e]:>11}" for e in engines)
        + "".join(f"{'ours/' + TITLES[e][:4]:>11}" for e in others)
        + "  goal",
    ]
    for (name, value, fmt), goal in zip(rows, goals, strict=True):
        cells = []
        for engine in engines:
            v = value(results[engine])
            cells.append(_kb(v) if fmt == "kb" else fmt.format(v))
        ratios = []
        for engine in others:
            b = value(results[engine])
            ratios.append(f"{value(ours) / b:.2f}" if b else "-")
        lines.append(
            f"{name:20}"
            + "".join(f"{c:>11}" for c in cells)
            + "".join(f"{r:>11}" for r in ratios)
            + f"  {goal}"
        )
    lines.append("")
    lines.append("pagefind build = its indexing of our built HTML (the HTML build not counted)")
    for engine in engines:
        result = results[engine]
        f = min(result.first, key=lambda x: abs(x.ms - result.first_ms))
        top = sorted(f.fetched, key=lambda x: -x[1])[:4]
        lines.append(
            f"{engine}: DOMContentLoaded {f.dom_ms or 0:,.0f} ms, "
            f"setup posted {f.setup_ms or 0:,.0f} ms, worker ready "
            f"{f.ready_ms or 0:,.0f} ms, first result {f.ms:,.0f} ms; largest fetches: "
            + ", ".join(f"{p} {_kb(n)}" for p, n in top)
        )
    for engine in ("ours", "before"):
        for line in results[engine].build_log.splitlines() if engine in results else []:
            if "search indexes in" in line:
                lines.append(f"{engine}: indexes in" + line.split("search indexes in", 1)[1])
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3, help="cold page loads per engine")
    parser.add_argument(
        "--passes", type=int, default=1, help="passes over the queries per engine (median)"
    )
    parser.add_argument(
        "--section-size",
        type=int,
        default=50,
        help="pages per section folder (0: one folder of about 300 pages per topic)",
    )
    parser.add_argument(
        "--corpus",
        choices=("templates", "docs"),
        default="templates",
        help="templates: sentences from a template set (compresses very well); "
        "docs: mostly real sentences drawn from this site's docs/",
    )
    parser.add_argument("--workdir", type=Path, help="keep the project and sites here")
    parser.add_argument("--reuse", action="store_true", help="reuse the sites in --workdir")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--baseline",
        type=Path,
        help="an export of an earlier commit (git archive): adds its search as 'before'",
    )
    args = parser.parse_args(argv)
    if args.reuse and not args.workdir:
        parser.error("--reuse needs --workdir")
    engines = [*ENGINES, *(["before"] if args.baseline else [])]

    with tempfile.TemporaryDirectory(prefix="search-perf-") as tmp:
        work = args.workdir or Path(tmp)
        sites = {e: work / f"site-{e}" for e in engines}
        builds: dict[str, tuple[float, str]] = {}
        if args.reuse:
            saved = json.loads((work / "builds.json").read_text())
            builds = {e: (saved[e], "") for e in engines}
            args.pages = saved.get("pages", args.pages)
        else:
            if work.exists() and args.workdir:
                shutil.rmtree(work)
            work.mkdir(parents=True, exist_ok=True)
            started = time.perf_counter()
            corpus = load_corpus() if args.corpus == "docs" else ()
            project = generate_project(
                work / "project", args.pages, args.seed, corpus, args.section_size, args.baseline
            )
            print(
                f"generated {args.pages} pages in {time.perf_counter() - started:.1f} s", flush=True
            )
            for engine in engines:
                if engine == "pagefind":
                    builds[engine] = pagefind_site(sites["ours"], sites[engine])
                else:
                    builds[engine] = timed_build(project.configs[engine], sites[engine])
                print(f"built {engine} in {builds[engine][0]:.1f} s", flush=True)
            saved = {"pages": args.pages, **{e: b[0] for e, b in builds.items()}}
            (work / "builds.json").write_text(json.dumps(saved))
        with chromium() as browser:
            measured = measure(sites, args.runs, args.passes, browser)
        results = {
            e: EngineResult(builds[e][0], first, latencies, builds[e][1])
            for e, (first, latencies) in measured.items()
        }
    print()
    print(format_report(results, args.pages))
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    e: {
                        "first_ms": r.first_ms,
                        "p50_ms": r.percentile(50),
                        "p95_ms": r.percentile(95),
                        "gzip_bytes": r.gzip_bytes,
                        "build_s": r.build_s,
                        "latencies": r.latencies,
                    }
                    for e, r in results.items()
                },
                indent=1,
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
