"""Appended by scripts/mutation.sh to the copy of tests/conftest.py that mutmut runs (never used
by the normal test run). The copy has the Qt set-up lines removed and pytest-qt is not loaded, so
a mutant costs only the Qt-free core tests that reach the mutated function.

- Tests that need Qt (a Qt fixture or the ``gui``/``webengine`` marker), start a subprocess, or
  wait on a lock are left out: they would cost seconds per mutant and test the window, not core.
- Property tests run at most ``MUTATION_MAX_EXAMPLES`` derandomised examples, so a mutant gets the
  same verdict on every run and a surviving mutant costs well under a second.
"""

import hypothesis

QT_FIXTURES = {"qtbot", "qapp", "qtmodeltester", "qtlog", "lang"}
MUTATION_MAX_EXAMPLES = 10
LEFT_OUT = {
    # subprocess: a fresh interpreter per call
    "tests/test_exports.py::test_exports_import_no_qt",
    "tests/test_search.py::test_spelling_a_new_name_does_not_import_pypinyin",
    "tests/test_plan_versions.py::test_a_second_workspace_in_one_process_still_sees_other_processes",
    "tests/test_export_safety.py::test_a_killed_write_leaves_a_partial_that_the_next_start_removes",
    # waits out SQLite's busy timeout (10 s)
    "tests/test_database.py::test_locked_database_is_reported_as_locked",
    # every export format for every generated text (~10 s a run): the writers, not the core
    "tests/test_export_safety.py::test_no_text_or_date_makes_a_qt_free_format_fail",
}


def _left_out(item) -> bool:  # type: ignore[no-untyped-def]
    node = item.nodeid.split("[")[0].removeprefix("mutants/")
    return (
        node in LEFT_OUT
        or bool(QT_FIXTURES & set(getattr(item, "fixturenames", ())))
        or item.get_closest_marker("gui") is not None
        or item.get_closest_marker("webengine") is not None
    )


def _cap_examples(item) -> None:  # type: ignore[no-untyped-def]
    test = getattr(item, "obj", None)
    current = getattr(test, "_hypothesis_internal_use_settings", None)
    if current is None or not getattr(test, "is_hypothesis_test", False):
        return
    test._hypothesis_internal_use_settings = hypothesis.settings(
        current,
        max_examples=min(current.max_examples, MUTATION_MAX_EXAMPLES),
        derandomize=True,
        database=None,
        deadline=None,
    )


def pytest_collection_modifyitems(config, items) -> None:  # type: ignore[no-untyped-def]
    keep, drop = [], []
    for item in items:
        (drop if _left_out(item) else keep).append(item)
        _cap_examples(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
