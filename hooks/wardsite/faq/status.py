"""Whether the last build published a fresh FAQ: a small JSON file beside the snapshot.

The build writes ``<state_dir>/faq-status.json`` after every pull (fresh or not),
counting consecutive stale builds; CI keeps the state folder between runs, so
``python -m wardsite.faq.status`` (``scripts/faq-status``) can tell a passing
outage from one that needs a person: it writes the reason to the job summary and
fails after ``--max-stale`` stale builds in a row, or when the published FAQ is
older than ``--max-age-hours``. Standard library only, so CI can run it without
the site's dependencies.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

FILE_NAME = "faq-status.json"
FORMAT = 1
TOKYO = ZoneInfo("Asia/Tokyo")
#: Defaults: three stale hourly runs in a row, or a FAQ older than three days
#: (a weekend without runs is not yet an alarm).
MAX_STALE = 3
MAX_AGE_HOURS = 72.0


@dataclass(frozen=True)
class FaqStatus:
    built_at: str
    live: bool
    fresh: bool
    mode: str
    stale_kind: str | None
    reason: str | None
    pulled_at: str
    entries: int
    skipped: int
    consecutive_stale: int
    format: int = FORMAT


def record(
    state_dir: Path,
    *,
    live: bool,
    fresh: bool,
    mode: str,
    stale_kind: str | None,
    reason: str | None,
    pulled_at: datetime,
    entries: int,
    skipped: int,
    hide: tuple[str, ...] = (),
    now: datetime | None = None,
) -> FaqStatus:
    """Write the status of this build; ``hide``: text never to write (the helpdesk URL)."""
    path = state_dir / FILE_NAME
    previous = read(path)
    stale_before = previous.consecutive_stale if previous else 0
    status = FaqStatus(
        built_at=(now or datetime.now(UTC)).isoformat(),
        live=live,
        fresh=fresh,
        mode=mode,
        stale_kind=stale_kind,
        reason=_redact(reason, hide) if reason else None,
        pulled_at=pulled_at.isoformat(),
        entries=entries,
        skipped=skipped,
        consecutive_stale=0 if fresh else stale_before + 1,
    )
    state_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{FILE_NAME}.", suffix=".tmp", dir=state_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(asdict(status), ensure_ascii=False, indent=1) + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return status


def read(path: Path) -> FaqStatus | None:
    """The recorded status, or None when there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text("utf-8"))
        if data.get("format") != FORMAT:
            return None
        return FaqStatus(**{k: data[k] for k in FaqStatus.__dataclass_fields__})
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _redact(text: str, hide: tuple[str, ...]) -> str:
    for secret in sorted((h for h in hide if h), key=len, reverse=True):
        text = text.replace(secret, "（ヘルプデスク）")
    return text


@dataclass(frozen=True)
class Verdict:
    ok: bool
    summary: str  # Markdown for the job summary (Japanese)
    line: str  # one line for the log


def judge(
    status: FaqStatus | None,
    *,
    max_stale: int = MAX_STALE,
    max_age_hours: float = MAX_AGE_HOURS,
    require_live: bool = False,
    now: datetime | None = None,
) -> Verdict:
    """Decide whether CI should fail, and say why in Japanese."""
    if status is None:
        text = (
            f"FAQ の状態ファイル（{FILE_NAME}）がありません。"
            "サイトのビルドが FAQ の段階まで進んだか確かめてください。"
        )
        return Verdict(False, f"### FAQ の取り込み\n\n❌ {text}\n", text)
    now = now or datetime.now(UTC)
    pulled = datetime.fromisoformat(status.pulled_at)
    age_h = (now - pulled).total_seconds() / 3600
    when = pulled.astimezone(TOKYO).strftime("%Y-%m-%d %H:%M")
    rows = [
        f"- 公開した FAQ：{status.entries}件（{when} JST 時点、{age_h:.1f}時間前）",
        f"- 取得方法：{status.mode}",
    ]
    if status.skipped:
        rows.append(f"- データの誤りで飛ばした記事：{status.skipped}件（ビルドの警告を参照）")
    problems: list[str] = []
    if not status.live:
        line = "ヘルプデスクに接続しない設定でビルドしました（同梱の FAQ を公開）。"
        if require_live:
            problems.append(
                line + "リポジトリのシークレット WARDSITE_FAQ_BASE_URL などを設定してください。"
            )
    elif status.fresh:
        line = f"FAQ をヘルプデスクから取得しました（{status.entries}件）。"
    else:
        line = (
            f"FAQ を更新できず、{when} 時点の内容を注記付きで公開しました"
            f"（{status.consecutive_stale}回連続）。理由：{status.reason or '不明'}"
        )
        if status.consecutive_stale >= max_stale:
            problems.append(
                f"FAQ の取り込みが{status.consecutive_stale}回続けて失敗しています"
                f"（上限 {max_stale}回）。"
                "ヘルプデスクの URL・トークン・障害情報を確かめてください。"
            )
        if max_age_hours > 0 and age_h > max_age_hours:
            problems.append(
                f"公開中の FAQ は{age_h:.0f}時間前の内容です（上限 {max_age_hours:.0f}時間）。"
            )
    mark = "❌" if problems else ("⚠️" if status.live and not status.fresh else "✅")
    body = "\n".join(
        [f"### FAQ の取り込み\n\n{mark} {line}\n", *rows, *(f"\n**{p}**" for p in problems)]
    )
    return Verdict(not problems, body + "\n", " ".join([line, *problems]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/faq-status",
        description="FAQ の取り込み状態を確かめ、ジョブの概要に書きます。",
    )
    parser.add_argument("--state-dir", type=Path, default=Path(".cache/faq"))
    parser.add_argument("--max-stale", type=int, default=MAX_STALE)
    parser.add_argument("--max-age-hours", type=float, default=MAX_AGE_HOURS)
    parser.add_argument("--require-live", action="store_true")
    parser.add_argument(
        "--summary",
        type=Path,
        default=Path(os.environ["GITHUB_STEP_SUMMARY"])
        if os.environ.get("GITHUB_STEP_SUMMARY")
        else None,
        help="Markdown の追記先（既定：$GITHUB_STEP_SUMMARY）",
    )
    args = parser.parse_args(argv)
    status = read(args.state_dir / FILE_NAME)
    verdict = judge(
        status,
        max_stale=args.max_stale,
        max_age_hours=args.max_age_hours,
        require_live=args.require_live,
    )
    if args.summary is not None:
        with args.summary.open("a", encoding="utf-8") as handle:
            handle.write(verdict.summary)
    stale = status is not None and status.live and not status.fresh
    prefix = "::error::" if not verdict.ok else ("::warning::" if stale else "")
    if os.environ.get("GITHUB_ACTIONS") != "true":
        prefix = "エラー: " if not verdict.ok else ""
    print(prefix + verdict.line, file=sys.stderr if not verdict.ok else sys.stdout)
    return 0 if verdict.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
