# Shared set-up for scripts/serve and scripts/test: a virtual environment in
# .venv with the project's pinned dependencies. Sourced, not run.
# Usage: bootstrap_python [extras]   e.g. bootstrap_python test

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

say() { printf '%s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else
    say "エラー: 「$*」には管理者（root）権限が必要です。管理者に依頼するか、sudo を使えるようにしてください。"
    return 1
  fi
}

apt_install() {
  # Install the Debian packages given as arguments that are not installed yet.
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  say "Debian パッケージを入れます: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  say "エラー: Python 3.11 以上が見つかりません。Python 3.11 以上を入れてください。"
  return 1
}

bootstrap_python() {
  local extras="${1:-}" python spec stamp
  python="$(find_python)"
  if [ ! -x "$VENV/bin/python" ]; then
    say "仮想環境 .venv を作ります…"
    if ! "$python" -m venv "$VENV" 2>/dev/null; then
      # Debian ships venv support in a separate package.
      rm -rf "$VENV"
      apt_install python3-venv
      "$python" -m venv "$VENV"
    fi
  fi
  spec="."
  [ -n "$extras" ] && spec=".[$extras]"
  # Reinstall only when pyproject.toml (the pins) or the extras changed.
  stamp="$VENV/.installed-$(sha256sum <"$ROOT/pyproject.toml" | cut -c1-16)-${extras:-base}"
  if [ ! -f "$stamp" ]; then
    say "必要な Python パッケージを入れます（初回は数分かかります）…"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    (cd "$ROOT" && "$VENV/bin/python" -m pip install -q -e "$spec")
    rm -f "$VENV"/.installed-*
    touch "$stamp"
  fi
  export PATH="$VENV/bin:$PATH"
  # Material 9.x prints a banner about MkDocs 2.0 and its own end of life on
  # every build. The plan is in README (サイトを作るしくみの今後); the banner
  # would only hide real warnings from editors, so it is turned off here.
  export NO_MKDOCS_2_WARNING=1
  # The build engine: mkdocs (default, pinned 1.6.1) or properdocs, its
  # maintained drop-in fork that builds this site to the same output.
  ENGINE="${WARDSITE_ENGINE:-mkdocs}"
  case "$ENGINE" in
    mkdocs|properdocs) ;;
    *) say "エラー: WARDSITE_ENGINE は mkdocs か properdocs を指定してください（いまの値: $ENGINE）。"
       return 1 ;;
  esac
}
