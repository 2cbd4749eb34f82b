"""Debian's apache2 started by a test: temporary ServerRoot, 127.0.0.1, a free port.

The server runs the configuration a test gives it (e.g. the one
wardsite_ops.apache generates) inside a minimal httpd.conf of its own, so the
machine's /etc/apache2 is never read or changed. As root (CI) Apache's
children run as www-data: everything they read must be readable by others
(the temporary folder is made so).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

APACHE = "apache2"
MODULES_DIR = Path("/usr/lib/apache2/modules")
#: Always loaded: the process model, what any static site needs, and
#: mod_autoindex (enabled by Debian's default set: a configuration must not list folders).
BASE_MODULES = ("mpm_event", "authz_core", "mime", "dir", "autoindex")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def world_readable_tempdir(prefix: str) -> Path:
    """A temporary folder the server's user can enter (pytest's tmp_path is 0700)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    return folder


@dataclass
class Apache:
    folder: Path
    conf: Path
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def command(self, action: str) -> list[str]:
        """``apache2 -f <conf> -k <action>`` (also for deploy.yml's reload_command)."""
        return [APACHE, "-f", str(self.conf), "-k", action]

    def check_command(self) -> list[str]:
        return [APACHE, "-f", str(self.conf), "-t"]

    def error_log(self) -> str:
        path = self.folder / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def access_log(self) -> str:
        path = self.folder / "access.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def pid(self) -> int | None:
        try:
            return int((self.folder / "httpd.pid").read_text().strip())
        except (OSError, ValueError):
            return None


def httpd_conf(folder: Path, port: int, include: Path, modules: Iterable[str]) -> str:
    names = list(dict.fromkeys([*BASE_MODULES, *modules]))
    lines = [
        f'ServerRoot "{folder}"',
        f'PidFile "{folder}/httpd.pid"',
        f'ErrorLog "{folder}/error.log"',
        "LogLevel warn",
        f"Mutex file:{folder} default",
        f'DefaultRuntimeDir "{folder}"',
        f"Listen 127.0.0.1:{port}",
        "ServerName 127.0.0.1",
        *[f"LoadModule {name}_module {MODULES_DIR}/mod_{name}.so" for name in names],
        "TypesConfig /etc/mime.types",
        'LogFormat "%a %>s %r" brief',
        f'CustomLog "{folder}/access.log" brief',
        "StartServers 1",
        "ServerLimit 2",
        "ThreadsPerChild 25",
        "MaxRequestWorkers 50",
        "MinSpareThreads 5",
        "MaxSpareThreads 50",
        "KeepAliveTimeout 5",
        "<Directory />",
        "    AllowOverride None",
        "    Require all denied",
        "</Directory>",
    ]
    if os.geteuid() == 0:
        lines += ["User www-data", "Group www-data"]
    lines.append(f'Include "{include}"')
    return "\n".join(lines) + "\n"


@contextmanager
def running_apache(
    include: Path, modules: Iterable[str], port: int | None = None, folder: Path | None = None
) -> Iterator[Apache]:
    """Start apache2 with ``include`` (a site configuration) and stop it afterwards."""
    folder = folder or world_readable_tempdir("wardsite-httpd-")
    port = port or free_port()
    conf = folder / "httpd.conf"
    conf.write_text(httpd_conf(folder, port, include, modules), encoding="utf-8")
    server = Apache(folder=folder, conf=conf, port=port)
    result = subprocess.run(server.command("start"), capture_output=True, text=True, timeout=30)
    if result.returncode != 0:
        raise RuntimeError(f"apache2 did not start:\n{result.stderr}\n{server.error_log()}")
    _wait_listening(port, server)
    try:
        yield server
    finally:
        _stop(server)
        shutil.rmtree(folder, ignore_errors=True)


def _wait_listening(port: int, server: Apache, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"apache2 is not listening on {port}:\n{server.error_log()}")


def _stop(server: Apache) -> None:
    pid = server.pid()
    subprocess.run(server.command("stop"), capture_output=True, timeout=30)
    if pid is None:
        return
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
