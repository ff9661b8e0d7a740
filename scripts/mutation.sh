#!/usr/bin/env bash
# Mutation testing of the core's most important modules with mutmut (docs/mutation.md).
#
#   scripts/mutation.sh [WORKDIR]     default WORKDIR: a new temporary folder
#
# mutmut is not a project dependency: install it into the venv first (pip install mutmut==3.8.1).
# It wants the code under ./, src/ or source/, so the committed tree is copied to WORKDIR with
# desktop/ renamed src/ (the package keeps its place relative to resources/ and db/), and mutmut
# runs there. Results: `mutmut results` / `mutmut show NAME` in WORKDIR.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${HONGTU_VENV:-$ROOT/.venv}"
WORK="${1:-$(mktemp -d)}"
MODULES=(schedule optimise warnings planfile routing exports/_text atomic)
TESTS=(test_schedule test_schedule_properties test_optimise test_warnings test_planfile
       test_exports test_spreadsheet_guard test_atomic_write test_export_safety test_plan_rules
       test_clocktime)

mkdir -p "$WORK"
git -C "$ROOT" archive HEAD | tar -x -C "$WORK"
mv "$WORK/desktop" "$WORK/src"
{
  echo
  echo "[tool.mutmut]"
  echo 'source_paths = ["src"]'
  printf 'only_mutate = [%s]\n' "$(printf '"src/hongtu/core/%s.py", ' "${MODULES[@]}")"
  echo 'also_copy = ["tests", "resources", "db", "docs", "README.md"]'
  printf 'pytest_add_cli_args_test_selection = [%s]\n' "$(printf '"tests/%s.py", ' "${TESTS[@]}")"
  echo 'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q", "-x"]'
} >> "$WORK/pyproject.toml"
cd "$WORK"
echo "mutating in $WORK" >&2
PYTHONPATH="" QT_QPA_PLATFORM=offscreen "$VENV/bin/mutmut" run --max-children "${MUTMUT_CHILDREN:-2}"
"$VENV/bin/mutmut" results --all true > mutmut-results.txt || true
echo "results: $WORK/mutmut-results.txt" >&2
