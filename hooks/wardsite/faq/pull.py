"""Orchestration: pull → validate → snapshot, or fall back to the last good snapshot with a reason.

The build never breaks because of the helpdesk (unless ``strict``): when a pull
fails, the last good snapshot on disk — or, on a fresh clone, the snapshot bundled
in ``data/faq/snapshot/`` — is published, with the time it was pulled and why.
A pull starting from the last good snapshot asks only for the change list; a full
listing is read when there is no cursor, the last full listing is older than
``full_every`` (only a full listing shows entries deleted upstream), or the
source's publishing settings (``policy``, e.g. the allowed user segments) differ
from those the snapshot was pulled under.
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from wardsite.errors import SiteInputError
from wardsite.faq.errors import FaqSourceError, FaqStrictError
from wardsite.faq.snapshot import Snapshot, apply_result, load_snapshot, save_snapshot
from wardsite.faq.sources.base import FaqSource, SourceResult

log = logging.getLogger("wardsite.faq")

TOKYO = ZoneInfo("Asia/Tokyo")
REPO_ROOT = Path(__file__).resolve().parents[3]
BUNDLED_SNAPSHOT = REPO_ROOT / "data" / "faq" / "snapshot" / "faq-snapshot.json"

#: Short reasons for the note on every page (「…時点の内容です（<reason>）」).
NOTE_REASON = {
    "unreachable": {
        "ja": "ヘルプデスクに接続できなかったため",
        "en": "the helpdesk could not be reached",
    },
    "bad-data": {
        "ja": "ヘルプデスクから正しいデータが届かなかったため",
        "en": "the helpdesk sent data that could not be used",
    },
    "offline": {
        "ja": "ヘルプデスクに接続しない設定でビルドしたため",
        "en": "this build is not connected to the helpdesk",
    },
    "suspicious": {
        "ja": "ヘルプデスクの記事数が急に減ったため、念のため",
        "en": "the number of helpdesk articles dropped suddenly",
    },
}


@dataclass(frozen=True)
class PullOptions:
    strict: bool = False
    full_every: timedelta = timedelta(days=7)
    #: A full listing with fewer than this share of the previous entries is not trusted.
    min_keep_ratio: float = 0.5


@dataclass(frozen=True)
class PullOutcome:
    """What to publish. ``stale_kind`` is None for a fresh pull."""

    snapshot: Snapshot
    mode: str  # "full", "incremental", "last-good", "bundled" or "empty"
    stale_kind: str | None = None
    reason: str | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def fresh(self) -> bool:
        return self.stale_kind is None

    def staleness_note(self, lang: str = "ja") -> str | None:
        """「この FAQ は 2026-11-20 09:00 時点の内容です（…ため）」, or None when fresh."""
        if self.fresh:
            return None
        when = self.snapshot.pulled_at.astimezone(TOKYO).strftime("%Y-%m-%d %H:%M")
        why = NOTE_REASON.get(self.stale_kind or "", NOTE_REASON["unreachable"])
        if lang == "en":
            return f"This FAQ is as of {when} (JST), because {why['en']}."
        return f"この FAQ は {when} 時点の内容です（{why['ja']}）"


def pull_faq(
    source: FaqSource,
    state_path: Path,
    *,
    bundled_path: Path = BUNDLED_SNAPSHOT,
    options: PullOptions | None = None,
    now: datetime | None = None,
) -> PullOutcome:
    """Pull the FAQ and return what to publish; raise FaqStrictError only in strict mode."""
    opts = options or PullOptions()
    now = now or datetime.now(UTC)
    last_good = _load(state_path)
    policy = str(getattr(source, "policy", ""))
    base, base_mode = (last_good, "last-good") if last_good else (_load(bundled_path), "bundled")
    incremental = bool(
        last_good
        and last_good.source == source.name
        and last_good.policy == policy
        and last_good.cursor is not None
        and last_good.last_full_at is not None
        and now - last_good.last_full_at < opts.full_every
    )
    try:
        if incremental:
            assert last_good is not None and last_good.cursor is not None
            result = source.fetch_changes(last_good.cursor)
        else:
            result = source.fetch_all()
        history = last_good or _same_helpdesk(base, source.name, result)
        _check_plausible(history, result, opts)
    except FaqSourceError as exc:
        return _fall_back(source, base, base_mode, exc.kind, exc.reason, opts)
    except _Suspicious as exc:
        return _fall_back(source, base, base_mode, "suspicious", str(exc), opts)
    except SiteInputError as exc:  # a local export that cannot be read
        return _fall_back(source, base, base_mode, "bad-data", str(exc), opts)

    new = apply_result(history, result, source=source.name, now=now, policy=policy)
    try:
        save_snapshot(state_path, new)
    except OSError as exc:
        log.warning("FAQ のスナップショットを %s に保存できませんでした（%s）。", state_path, exc)
    mode = "full" if result.complete else "incremental"
    published = len(new.entries)
    log.info(
        "FAQ をヘルプデスクから取得しました（%s、%d件公開、取り下げ %d件、飛ばした項目 %d件）。",
        "全件" if result.complete else "変更分のみ",
        published,
        len(new.withdrawn),
        len(result.warnings),
    )
    return PullOutcome(snapshot=new, mode=mode, warnings=tuple(result.warnings))


class _Suspicious(Exception):
    pass


def _same_helpdesk(bundled: Snapshot | None, name: str, result: SourceResult) -> Snapshot | None:
    """The bundled snapshot counts as history (for withdrawn pages) only if it came from here."""
    if bundled and bundled.source == name and set(bundled.hosts) & set(result.hosts):
        return bundled
    return None


def _check_plausible(base: Snapshot | None, result: SourceResult, opts: PullOptions) -> None:
    """A full listing that lost most entries is more likely a helpdesk fault than a purge."""
    if not result.complete or base is None:
        return
    before, after = len(base.entries), len(result.entries)
    if before >= 10 and after < before * opts.min_keep_ratio:
        raise _Suspicious(
            f"ヘルプデスクの公開記事が前回の{before}件から{after}件に減りました。"
            "本当に減らしたのなら、スナップショットを消して再実行してください。"
        )


def _fall_back(
    source: FaqSource,
    base: Snapshot | None,
    base_mode: str,
    kind: str,
    reason: str,
    opts: PullOptions,
) -> PullOutcome:
    if opts.strict:
        raise FaqStrictError(f"FAQ（{source.name}）", reason)
    if base is None:
        log.warning("FAQ を取得できず、前回の内容も同梱の内容もありません：%s", reason)
        empty = Snapshot(source=source.name, pulled_at=datetime.now(UTC))
        return PullOutcome(empty, "empty", kind, reason)
    when = base.pulled_at.astimezone(TOKYO).strftime("%Y-%m-%d %H:%M")
    which = "前回取得した内容" if base_mode == "last-good" else "リポジトリに同梱の内容"
    log.warning(
        "FAQ を更新できませんでした。%s（%s 時点）を公開します。理由：%s", which, when, reason
    )
    return PullOutcome(base, base_mode, kind, reason)


def _load(path: Path) -> Snapshot | None:
    try:
        return load_snapshot(path)
    except SiteInputError as exc:
        log.warning("%s", exc)
        return None


def main(argv: list[str] | None = None) -> int:
    """Pull once from a Zendesk-compatible helpdesk and write a snapshot (refreshes the bundle)."""
    import os

    from wardsite.faq.config import load_faq_config
    from wardsite.faq.publish import make_source

    parser = argparse.ArgumentParser(prog="python -m wardsite.faq.pull")
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--out", type=Path, default=BUNDLED_SNAPSHOT)
    parser.add_argument("--token-env", default="WARDSITE_FAQ_TOKEN")
    parser.add_argument("--exclude-section", action="append", default=[])
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    settings = {
        "base_url": args.base_url,
        "token_env": args.token_env,
        "exclude_sections": args.exclude_section,
    }
    try:
        env = {args.token_env: os.environ.get(args.token_env, "")}  # not WARDSITE_FAQ_BASE_URL
        source = make_source(load_faq_config(settings, env, "--base-url"), Path.cwd())
    except SiteInputError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        result = source.fetch_all()
    except FaqSourceError as exc:
        print(exc.reason, file=sys.stderr)
        return 1
    snapshot = apply_result(
        None, result, source=source.name, now=datetime.now(UTC), policy=source.policy
    )
    save_snapshot(args.out, snapshot)
    print(f"{len(snapshot.entries)} entries → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
