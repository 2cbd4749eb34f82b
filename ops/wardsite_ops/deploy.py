"""./scripts/deploy: publish a build on the ward's server, or go back one release.

Steps of a deploy (each message is printed in Japanese):

1. build the site (``mkdocs build --strict``), or take ``--site`` (e.g. CI's artifact);
2. copy it into a new release folder, precompress it, list its inline scripts;
3. check the release (pages, search files, local assets); a failing check stops
   here and the live release stays;
4. write the Apache configuration (its CSP allows the inline scripts of every
   kept release, so a rollback needs no reload), test it and reload Apache
   gracefully when it changed;
5. switch ``current`` to the new release in one step (symlink rename);
6. check the live site over HTTP (``health_url``); on failure switch back;
7. delete releases beyond ``keep_releases``.

``--rollback`` switches ``current`` to the release before it. A lock file
keeps two deploys from running at once; Ctrl+C before step 5 leaves the live
release and the configuration as they were.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from wardsite.errors import SiteInputError
from wardsite_ops.apache import write_server_files
from wardsite_ops.release import (
    Release,
    check_release,
    list_releases,
    prepare_release,
    read_release,
)
from wardsite_ops.settings import Settings, load_settings

REPO = Path(__file__).resolve().parents[2]

EXIT_SETTINGS = 2
EXIT_BUILD = 3
EXIT_CHECK = 4
EXIT_APACHE = 5
EXIT_ROLLBACK = 6
EXIT_BUSY = 7


class DeployError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


Say = Callable[[str], None]


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def _lock(settings: Settings) -> Iterator[None]:
    settings.root.mkdir(parents=True, exist_ok=True)
    settings.root.chmod(0o755)
    with open(settings.root / ".deploy.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise DeployError(
                "別の deploy が実行中です。終わってから、もう一度実行してください。", EXIT_BUSY
            ) from None
        yield


def current_release(settings: Settings) -> Release | None:
    link = settings.current_link
    if not link.is_symlink():
        return None
    return read_release(settings.releases_dir / Path(os.readlink(link)).name)


def switch(settings: Settings, release: Release) -> None:
    """Point ``current`` at ``release`` in one step (a reader sees the old or the new)."""
    tmp = settings.root / ".current.tmp"
    tmp.unlink(missing_ok=True)
    os.symlink(Path("releases") / release.id, tmp)
    os.replace(tmp, settings.current_link)


def build_site(dest: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)]
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise DeployError(
            "サイトのビルドに失敗しました（公開中のサイトはそのままです）。\n"
            + (result.stdout + result.stderr)[-4000:]
            + "\n表示された WARNING / ERROR を直してから、もう一度実行してください。",
            EXIT_BUILD,
        )


def _git_commit() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    )
    return result.stdout.strip() if result.returncode == 0 else ""


def _run(command: tuple[str, ...], what: str) -> None:
    result = subprocess.run(list(command), capture_output=True, text=True)
    if result.returncode != 0:
        raise DeployError(
            f"{what}に失敗しました（{' '.join(command)}）:\n{result.stderr.strip()}", EXIT_APACHE
        )


def configure(settings: Settings, releases: list[Release], say: Say) -> bool:
    """Write the Apache configuration for ``releases``; test and reload when it changed."""
    if settings.config_file is None:
        raise DeployError(
            f"{settings.file}: 「apache.config_file」が書かれていません。"
            "Apache の設定ファイルの場所"
            "（例：/etc/apache2/sites-available/wardsite.conf）を書いてください。",
            EXIT_SETTINGS,
        )
    hashes = sorted({h for r in releases for h in r.script_hashes})
    old = settings.config_file.read_bytes() if settings.config_file.exists() else None
    changed = write_server_files(settings, settings.config_file, hashes)
    if not changed:
        say("Apache の設定は変わりません（読み込み直しは不要です）。")
        return False
    try:
        if settings.check_command:
            _run(settings.check_command, "Apache の設定の確認")
        if settings.reload_command:
            _run(settings.reload_command, "Apache の設定の読み込み直し")
    except DeployError:
        if old is not None:
            settings.config_file.write_bytes(old)
        else:
            settings.config_file.unlink(missing_ok=True)
        raise
    say(
        "Apache の設定を書き換え、読み込み直しました。"
        if settings.reload_command
        else "Apache の設定を書き換えました（apache.reload_command がないため、"
        "読み込み直しは手で行ってください）。"
    )
    return True


def _fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def live_problems(settings: Settings, release: Release) -> list[str]:
    """What is wrong with the live site at ``health_url`` for ``release`` ([] when fine)."""
    try:
        status, headers, body = _fetch(settings.health_url)
    except OSError as exc:
        return [f"{settings.health_url} に接続できません（{exc}）。"]
    problems = []
    csp = headers.get("Content-Security-Policy", "")
    missing = [h for h in release.script_hashes if h not in csp]
    if missing:
        problems.append("Content-Security-Policy に新しい版のスクリプトのハッシュがありません。")
    if status == 200:
        if body != (release.path / "index.html").read_bytes():
            problems.append("トップページの内容が新しい版と違います。")
    elif not (settings.entra_id is not None and status in (302, 401)):
        problems.append(f"トップページが HTTP {status} を返しました。")
    return problems


def _wait_for_config(settings: Settings, release: Release) -> None:
    """After a graceful reload, wait until the server answers with the new policy."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            _status, headers, _body = _fetch(settings.health_url)
            if all(h in headers.get("Content-Security-Policy", "") for h in release.script_hashes):
                return
        except OSError:
            pass
        time.sleep(0.2)


def deploy(
    settings: Settings, site: Path | None, say: Say = _say, reuse: Path | None = None
) -> Release:
    """Publish ``site`` (or a fresh build). ``reuse``: a release folder whose
    compressed files may be reused (default: the live release)."""
    with _lock(settings):
        live = current_release(settings)
        release_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        with tempfile.TemporaryDirectory(prefix="wardsite-build-") as tmp:
            if site is None:
                say("1/7 サイトをビルドしています（1〜2分かかります）…")
                site = Path(tmp) / "site"
                build_site(site)
            else:
                say(f"1/7 ビルド済みのサイト {site} を使います。")
            if not (site / "index.html").is_file():
                raise DeployError(
                    f"{site} にビルド済みのサイトがありません（index.html がない）。", EXIT_BUILD
                )
            say(f"2/7 新しい版 {release_id} を用意しています（圧縮したファイルも作ります）…")
            previous = reuse or (live.path if live else None)
            release, totals = prepare_release(
                site, settings.releases_dir, release_id, _git_commit(), previous
            )
        say(
            f"    {totals.files} ファイル、{totals.original // 1024} KB → "
            f"br {totals.brotli // 1024} KB・gzip {totals.gzip // 1024} KB"
        )
        say("3/7 新しい版を確かめています…")
        problems = check_release(release.path)
        if problems:
            shutil.rmtree(release.path, ignore_errors=True)
            raise DeployError(
                "新しい版に問題があるため、公開しませんでした（公開中のサイトはそのままです）:\n- "
                + "\n- ".join(problems),
                EXIT_CHECK,
            )
        keep = _kept(settings, release, live)
        say("4/7 Apache の設定を確かめています…")
        try:
            if configure(settings, keep, say) and settings.health_url:
                _wait_for_config(settings, release)
        except BaseException:  # also Ctrl+C: a release that never went live is not kept
            shutil.rmtree(release.path, ignore_errors=True)
            raise
        say("5/7 公開する版を切り替えます…")
        switch(settings, release)
        if settings.health_url:
            say(f"6/7 公開したサイトを確かめています（{settings.health_url}）…")
            problems = live_problems(settings, release)
            if problems:
                if live is not None:
                    switch(settings, live)
                    # Readers still holding its files keep them open; nobody new gets it.
                    shutil.rmtree(release.path, ignore_errors=True)
                raise DeployError(
                    "公開したサイトの確認に失敗したため、前の版に戻しました:\n- "
                    + "\n- ".join(problems),
                    EXIT_CHECK,
                )
        else:
            say(f"6/7 health_url が {settings.file} にないため、HTTP での確認は省きます。")
        removed = _prune(settings, keep)
        say(f"7/7 古い版を {len(removed)} 個削除しました（残す数: {settings.keep_releases}）。")
        say(f"公開しました: {release.id}")
        return release


def _kept(settings: Settings, new: Release, live: Release | None) -> list[Release]:
    """The releases to keep: the newest keep_releases, always with the live one."""
    releases = list_releases(settings.releases_dir)
    keep = releases[-settings.keep_releases :]
    if live is not None and live.id not in {r.id for r in keep}:
        keep = [live, *keep[1:]]
    if new.id not in {r.id for r in keep}:
        keep.append(new)
    return keep


def _prune(settings: Settings, keep: list[Release]) -> list[str]:
    keep_ids = {r.id for r in keep}
    live = current_release(settings)
    removed = []
    for release in list_releases(settings.releases_dir):
        if release.id not in keep_ids and (live is None or release.id != live.id):
            shutil.rmtree(release.path)
            removed.append(release.id)
    return removed


def rollback(settings: Settings, say: Say = _say) -> Release:
    with _lock(settings):
        live = current_release(settings)
        releases = list_releases(settings.releases_dir)
        if live is None:
            raise DeployError("公開中の版がありません。先に deploy してください。", EXIT_ROLLBACK)
        older = [r for r in releases if r.id < live.id]
        if not older:
            raise DeployError(
                f"公開中の版 {live.id} より前の版が残っていないため、戻せません。", EXIT_ROLLBACK
            )
        target = older[-1]
        # The configuration already allows every kept release's scripts.
        say(f"公開する版を {live.id} から {target.id} に戻します…")
        switch(settings, target)
        if settings.health_url:
            problems = live_problems(settings, target)
            if problems:
                switch(settings, live)
                raise DeployError(
                    "戻した版の確認に失敗したため、元の版のままにしました:\n- "
                    + "\n- ".join(problems),
                    EXIT_CHECK,
                )
        say(f"戻しました: {target.id}（もう一度 --rollback すると、さらに前の版に戻ります）")
        return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="./scripts/deploy",
        description="サイトをビルドし、区のサーバー（Apache）で公開します。",
    )
    parser.add_argument(
        "--settings",
        type=Path,
        default=REPO / "deploy.yml",
        help="設定ファイル（既定: deploy.yml）",
    )
    parser.add_argument(
        "--site", type=Path, help="ビルド済みのサイトのフォルダー（ビルドを省きます）"
    )
    parser.add_argument("--rollback", action="store_true", help="1つ前の版に戻します")
    parser.add_argument(
        "--config-only",
        action="store_true",
        help="Apache の設定だけを書き直します（公開する版は変えません）",
    )
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.settings)
        if args.rollback:
            rollback(settings)
        elif args.config_only:
            with _lock(settings):
                configure(settings, list_releases(settings.releases_dir), _say)
        else:
            deploy(settings, args.site)
    except SiteInputError as exc:
        _say(f"エラー: {exc}")
        return EXIT_SETTINGS
    except DeployError as exc:
        _say(f"エラー: {exc}")
        return exc.code
    except KeyboardInterrupt:
        _say("中断しました。公開中の版はそのままです。")
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
