"""Why a file could not be read, in Japanese: an OSError says ``[Errno 2] …`` in English.

Used by the build (session files, captions, media) and by the trainers' publish
command in ``wardsite_ops.sessions``.
"""

from __future__ import annotations

import errno


def describe_os_error(exc: OSError) -> str:
    """Why a file could not be read, in Japanese (never ``[Errno 2] …``)."""
    if isinstance(exc, FileNotFoundError):
        return "ファイルが見つかりません。場所と名前を確かめてください"
    if isinstance(exc, IsADirectoryError):
        return "ファイルではなくフォルダーです。ファイルを指定してください"
    if isinstance(exc, PermissionError):
        return "読む権限がありません。ファイルの権限を確かめてください"
    if exc.errno == errno.ENOSPC:
        return "ディスクの空きがありません"
    return "読み込めません（ファイルが開けるか確かめてください）"
