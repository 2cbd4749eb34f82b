"""A real OpenID Connect provider on 127.0.0.1 for sign-in tests (PyPI oidc-provider-mock).

Its issuer is its own URL (http://127.0.0.1:<port>), it signs id_tokens with
its own RS256 key and accepts any client without registration. Users are
predefined with their claims (e.g. Entra ID's ``tid`` and ``groups``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from support.apache import free_port


@dataclass
class Provider:
    url: str

    @property
    def issuer(self) -> str:
        return self.url

    @property
    def metadata_url(self) -> str:
        return self.url + "/.well-known/openid-configuration"


@contextmanager
def running_provider(users: Iterable[dict[str, object]]) -> Iterator[Provider]:
    port = free_port()
    command = [sys.executable, "-m", "oidc_provider_mock", "-p", str(port)]
    for user in users:
        command += ["--user-claims", json.dumps(user)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    provider = Provider(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(provider.metadata_url, timeout=2) as response:
                    if json.load(response)["issuer"] == provider.issuer:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"oidc-provider-mock did not start: {process.stderr.read().decode()}"
                    ) from None
                time.sleep(0.1)
        yield provider
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
