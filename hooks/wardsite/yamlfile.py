"""Read a YAML file that editors maintain, with Japanese messages on bad input."""

from __future__ import annotations

import copy
import threading
from pathlib import Path
from typing import Any

import yaml

from wardsite.errors import SiteInputError

WHOLE_FILE = "(ファイル全体)"

#: Text → what ``yaml.safe_load`` made of it. ``mkdocs serve`` parses every
#: session file, org.yml, the glossary and every guide's front matter again
#: on each save (and per language); an unchanged text is not parsed again.
_PARSED: dict[str, Any] = {}
_PARSED_LOCK = threading.Lock()
_PARSED_MAX = 4096


def safe_load(text: str) -> Any:
    """``yaml.safe_load(text)``, remembered by text; a copy the caller may change."""
    with _PARSED_LOCK:
        found = _PARSED.get(text, _PARSED)
    if found is _PARSED:
        found = yaml.safe_load(text)  # a YAMLError is raised, not remembered
        with _PARSED_LOCK:
            if len(_PARSED) >= _PARSED_MAX:
                _PARSED.clear()
            _PARSED[text] = found
    return copy.deepcopy(found)


def read_mapping(path: Path, name: str, shape_hint: str) -> dict[str, Any]:
    """The file as a mapping, or SiteInputError naming ``name``.

    ``shape_hint`` tells the editor what a good file looks like, for the case
    where the YAML is valid but not a mapping.
    """
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SiteInputError(
            name, WHOLE_FILE, "が見つかりません。", "ファイルの場所と名前を確かめてください。"
        ) from None
    except OSError as exc:
        raise SiteInputError(
            name, WHOLE_FILE, f"を読み込めません（{exc.strerror}）。", "権限を確かめてください。"
        ) from None
    except UnicodeDecodeError:
        raise SiteInputError(
            name, WHOLE_FILE, "が UTF-8 ではありません。", "UTF-8 で保存し直してください。"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{mark.line + 1}行目付近" if mark else "どこか"
        raise SiteInputError(
            name,
            WHOLE_FILE,
            f"の書き方が YAML として正しくありません（{where}）。",
            "字下げ（スペース）とコロン「:」の位置を確かめてください。",
        ) from None
    if not isinstance(data, dict):
        raise SiteInputError(name, WHOLE_FILE, "が「項目: 値」の形になっていません。", shape_hint)
    return data
