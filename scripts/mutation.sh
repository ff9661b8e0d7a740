#!/usr/bin/env bash
# Mutation testing of the core with mutmut (docs/mutation.md).
#
#   scripts/mutation.sh [WORKDIR] [MUTANT_PATTERN...]
#       WORKDIR: default a new temporary folder; an existing run folder is resumed (mutmut keeps
#                every verdict, so only mutants not yet judged run)
#       MUTANT_PATTERN: re-run only these mutants, e.g. 'hongtu.core.warnings.x__since*'
#
# mutmut is not a project dependency: install it into the venv first (pip install mutmut==3.8.1).
# It wants the code under ./, src/ or source/, so the committed tree is copied to WORKDIR with
# desktop/ renamed src/ (the package keeps its place relative to resources/ and db/), and mutmut
# runs there. Only the fast, Qt-free core tests run (scripts/mutation_conftest.py says which are
# left out and why); per mutant, mutmut runs only those of them that reach the mutated function.
# The run is niced (nice -n 10) with 2 children (MUTMUT_CHILDREN) so a shared machine stays usable.
# MUTATION_MODULES (space-separated, e.g. "schedule warnings") narrows the modules mutated.
# Results: WORKDIR/mutmut-results.txt, per-module scores from scripts/mutation_score.py.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${HONGTU_VENV:-$ROOT/.venv}"
WORK="${1:-$(mktemp -d)}"
shift || true
# The modules users depend on most, cheap ones first, the three heavy ones last; 4,109 mutants.
# (clocktime, also core and relied on everywhere, gives none: its one line is an f-string.)
DEFAULT_MODULES="schedule exports/_text warnings plan_edits atomic limits records ledger
                 routing optimise planfile"
read -r -a MODULES <<< "$(echo ${MUTATION_MODULES:-$DEFAULT_MODULES})"
# Qt-free test files that exercise core, in-process (test_*.py under tests/).
TESTS=(test_schedule test_schedule_properties test_optimise test_warnings test_warnings_for_people
       test_planfile test_plan_rules test_plan_edits test_plan_copy test_plan_store
       test_plan_summaries test_plan_pipeline test_pending_legs test_clocktime test_routing_settings
       test_geodesic_speed test_atomic_write test_export_safety test_exports test_spreadsheet_guard
       test_export_names test_ledger test_records_storage test_members_import test_catalogue_evidence
       test_settings test_cli_plans test_cli_export_folder test_database test_plan_versions
       test_warnings_boundaries test_plan_edits_limits test_atomic_leftovers test_limits_edges
       test_schedule_edges test_records_edges test_ledger_edges)

if [[ ! -f "$WORK/pyproject.toml" ]]; then
  mkdir -p "$WORK"
  git -C "$ROOT" archive HEAD | tar -x -C "$WORK"
  mv "$WORK/desktop" "$WORK/src"
  # The copy's conftest: no Qt set-up (pytest-qt is not loaded), plus the mutation-run rules.
  "$VENV/bin/python" - "$WORK/tests/conftest.py" "$ROOT/scripts/mutation_conftest.py" <<'PY'
import sys
from pathlib import Path

conftest, extra = Path(sys.argv[1]), Path(sys.argv[2])
qt_lines = ("from hongtu.qt.app import prepare_environment", "prepare_environment()")
lines = conftest.read_text(encoding="utf-8").splitlines(keepends=True)
kept = [line for line in lines if not line.startswith(qt_lines)]
assert len(lines) - len(kept) == 2, "tests/conftest.py changed: update scripts/mutation.sh"
conftest.write_text("".join(kept) + "\n\n" + extra.read_text(encoding="utf-8"), encoding="utf-8")
PY
  printf 'tests/%s.py\n' "${TESTS[@]}" > "$WORK/mutation-tests.txt"
  {
    echo
    echo "[tool.mutmut]"
    echo 'source_paths = ["src"]'
    printf 'only_mutate = [%s]\n' "$(printf '"src/hongtu/core/%s.py", ' "${MODULES[@]}")"
    echo 'also_copy = ["tests", "resources", "db", "docs", "README.md"]'
    # pytest reads the test files from mutation-tests.txt, so a test file added to a run folder
    # later (listed there) does not change pyproject.toml, which would reset every verdict
    echo 'pytest_add_cli_args_test_selection = ["@../mutation-tests.txt"]'
    echo 'pytest_add_cli_args = ["-p", "no:cacheprovider", "-p", "no:pytest-qt", "-p", "no:timeout", "-q", "-x"]'
  } >> "$WORK/pyproject.toml"
  # pytest-qt's own ini keys would be unknown without the plugin.
  sed -i -e '/^qt_api = /d' -e '/^qt_log_level_fail = /d' -e '/^timeout = /d' \
         -e '/^qt_log_ignore = \[/,/^\]/d' "$WORK/pyproject.toml"
fi
cd "$WORK"
echo "mutating in $WORK" >&2
mutmut_run() {
  PYTHONPATH="" QT_QPA_PLATFORM=offscreen nice -n 10 "$VENV/bin/mutmut" run \
    --max-children "${MUTMUT_CHILDREN:-2}" "$@"
}
start=$(date +%s)
if [[ $# -gt 0 ]]; then
  mutmut_run "$@"                       # these mutants, judged again
elif [[ -f "$WORK/.mutation-started" ]]; then
  mutmut_run                            # resume: only mutants not judged yet
else
  touch "$WORK/.mutation-started"
  # A fresh run goes module by module in the order above (mutmut alone would start with the
  # cheapest mutants anywhere and reach the schedule last); each module's verdicts are kept.
  for module in "${MODULES[@]}"; do
    echo "== $module: $(( $(date +%s) - start )) s so far" >&2
    mutmut_run "hongtu.core.${module//\//.}.*" || true
  done
fi
echo "mutmut run took $(( $(date +%s) - start )) s" >&2
"$VENV/bin/mutmut" results --all true > mutmut-results.txt || true
"$VENV/bin/python" "$ROOT/scripts/mutation_score.py" mutmut-results.txt "$ROOT/docs/mutation.md" || true
echo "results: $WORK/mutmut-results.txt" >&2
