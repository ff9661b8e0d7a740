#!/usr/bin/env bash
# Set up HongTu on a fresh Debian/Ubuntu machine, then launch it or run every test.
#
#   scripts/dev.sh run [hongtu arguments…]   set up, then open the desktop app
#   scripts/dev.sh test [pytest arguments…]  set up, then run ruff, mypy, vulture, the JS lint and
#                                            the whole test suite
#
# It installs what is missing and installable: the Debian libraries Qt WebEngine needs, a CJK
# font (fonts-wqy-microhei), poppler-utils, Xvfb and the desktop-file/AppStream validators
# (apt-get, as root or through sudo), then a virtual environment in .venv with HongTu and its
# Python packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${HONGTU_VENV:-$ROOT/.venv}"
DEBIAN_PACKAGES=(
  xvfb xauth libfontconfig1 libnss3 libasound2 libxcomposite1 libxdamage1 libxtst6 libxkbfile1
  libegl1 libgbm1 libglib2.0-0 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-shape0 libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0 libxrandr2 libxkbcommon0
  fonts-wqy-microhei poppler-utils desktop-file-utils appstream
)

say() { printf '[hongtu] %s\n' "$*" >&2; }

missing_debian_packages() {
  local pkg
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || printf '%s\n' "$pkg"
  done
}

ensure_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian system: skipping system packages"; return; }
  local missing
  mapfile -t missing < <(missing_debian_packages)
  [ "${#missing[@]}" -eq 0 ] && return
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
      say "please install: ${missing[*]}"; return; fi
  fi
  say "installing system packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  # Older releases name some packages differently (libasound2t64 …); install what exists.
  local installable=() pkg
  for pkg in "${missing[@]}"; do
    if apt-cache show "$pkg" >/dev/null 2>&1; then installable+=("$pkg");
    elif apt-cache show "${pkg}t64" >/dev/null 2>&1; then installable+=("${pkg}t64");
    else say "not available here: $pkg"; fi
  done
  [ "${#installable[@]}" -gt 0 ] && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" \
    apt-get install -y -qq --no-install-recommends "${installable[@]}" >/dev/null
}

ensure_venv() {
  local python="${PYTHON:-python3}"
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { say "HongTu needs Python 3.11 or newer"; exit 1; }
  [ -x "$VENV/bin/python" ] || "$python" -m venv "$VENV"
  local stamp="$VENV/.hongtu-installed" want
  want="$(cat "$ROOT/pyproject.toml" "$ROOT/constraints.txt" | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || ! "$VENV/bin/python" -c 'import hongtu' 2>/dev/null; then
    say "installing HongTu and its Python packages into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -c "$ROOT/constraints.txt" -e "$ROOT[test]"
    # Wheels a newer binding split off (PySide6 6.12's WebEngine/Pdf) would shadow the pinned one.
    local dist
    for dist in PySide6_WebEngine PySide6_Pdf; do
      grep -qi "^$dist==" "$ROOT/constraints.txt" && continue
      "$VENV/bin/python" -m pip show -q "$dist" >/dev/null 2>&1 \
        && "$VENV/bin/python" -m pip uninstall -y -q "$dist"
    done
    echo "$want" > "$stamp"
  fi
}

# The map page's script is linted with ESLint (version pinned in tools/eslint/package-lock.json,
# installed there by npm ci from the npm registry). Without Node.js ≥ 20.19 and npm (ESLint 10's
# minimum) only its syntax is checked, with node --check, and without Node.js not at all.
lint_js() {
  local tools="$ROOT/tools/eslint" files=("$ROOT"/resources/web/*.js)
  if ! command -v node >/dev/null 2>&1; then
    say "Node.js not found: the map script is not linted"; return
  fi
  if ! command -v npm >/dev/null 2>&1 || ! node -e '
      const [major, minor] = process.versions.node.split(".").map(Number);
      process.exit(major > 20 || (major === 20 && minor >= 19) ? 0 : 1);'; then
    say "ESLint needs Node.js >= 20.19 and npm: checking the map script's syntax only"
    local file
    for file in "${files[@]}"; do node --check "$file"; done
    return
  fi
  local stamp="$tools/node_modules/.hongtu-installed" want
  want="$(sha256sum "$tools/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing ESLint into tools/eslint"
    (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$want" > "$stamp"
  fi
  "$tools/node_modules/.bin/eslint" --config "$tools/eslint.config.mjs" "${files[@]}"
}

cmd="${1:-run}"
shift || true
ensure_debian_packages
ensure_venv
case "$cmd" in
  run)
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      say "no display found: starting HongTu on a virtual screen (xvfb-run)"
      exec xvfb-run -a "$VENV/bin/hongtu" "$@"
    fi
    exec "$VENV/bin/hongtu" "$@"
    ;;
  test)
    cd "$ROOT"
    "$VENV/bin/ruff" check .
    "$VENV/bin/mypy"  # configured in pyproject.toml: strict for hongtu.core
    "$VENV/bin/vulture"  # dead code; tools/vulture_whitelist.py lists what frameworks call
    lint_js
    export QT_QPA_PLATFORM=offscreen
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    say "usage: scripts/dev.sh run|test"; exit 2 ;;
esac
