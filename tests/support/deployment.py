"""The built site deployed by wardsite_ops (the code behind ./scripts/deploy) and
served by Debian's apache2 with the generated configuration, on 127.0.0.1."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from support.apache import Apache, free_port, running_apache, world_readable_tempdir
from wardsite_ops.apache import required_modules
from wardsite_ops.deploy import deploy
from wardsite_ops.settings import Settings, load_settings


@dataclass
class Deployment:
    apache: Apache
    settings: Settings
    settings_file: Path

    @property
    def url(self) -> str:
        return self.apache.url

    @property
    def live(self) -> Path:
        """The folder of the live release (what ``current`` points at)."""
        return self.settings.current_link.resolve()


def write_settings(folder: Path, port: int, access: dict[str, Any], **extra: Any) -> Path:
    """A deploy.yml for a server on 127.0.0.1:<port> whose files live in ``folder``."""
    data = {
        "server_name": "127.0.0.1",
        "port": port,
        "root": str(folder / "srv"),
        "keep_releases": 2,
        "health_url": f"http://127.0.0.1:{port}/",
        "access": access,
        "apache": {"config_file": str(folder / "site.conf")},
        **extra,
    }
    path = folder / "deploy.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


#: The release of an earlier deployment in this test run: its compressed
#: files are reused for unchanged files (as a deploy reuses the live release's).
_earlier: list[Path] = []


@contextmanager
def deployed_site(site: Path, access: dict[str, Any], **extra: Any) -> Iterator[Deployment]:
    """Deploy ``site`` once and serve it with the generated configuration.

    The first deploy runs before Apache is up (as on a new server), so its
    HTTP check is skipped; later deploys in a test check and reload for real.
    """
    folder = world_readable_tempdir("wardsite-deploy-")
    port = free_port()
    settings_file = write_settings(folder, port, access, **extra)
    settings = load_settings(settings_file)
    first = Settings(**{**settings.__dict__, "health_url": ""})
    release = deploy(first, site, say=lambda _message: None, reuse=next(iter(_earlier), None))
    _earlier.insert(0, release.path)
    try:
        with running_apache(settings.config_file, required_modules(settings), port=port) as apache:
            yield _configured(apache, settings_file)
    finally:
        _earlier.remove(release.path)
        shutil.rmtree(folder, ignore_errors=True)


def _configured(apache: Apache, settings_file: Path) -> Deployment:
    """The deployment, with deploy.yml now testing and reloading this Apache."""
    reload = {
        "check_command": apache.check_command(),
        "reload_command": apache.command("graceful"),
    }
    data = yaml.safe_load(settings_file.read_text(encoding="utf-8"))
    data["apache"].update(reload)
    settings_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return Deployment(apache, load_settings(settings_file), settings_file)
