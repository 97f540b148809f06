"""Start-up lets go of the module sources PySide6's import hook left in linecache."""


def test_the_sources_pysides_import_hook_kept_are_let_go():
    """ui/qt.py: modules imported after PySide6 leave their source lines in linecache (its
    import hook reads them); start-up drops them once its imports are done."""
    import importlib
    import linecache
    import sys

    import PySide6.QtCore  # noqa: F401  (the hook is installed with PySide6)

    from ops_console.ui.qt import forget_import_sources

    sys.modules.pop("ops_console.export_kinds", None)
    importlib.import_module("ops_console.export_kinds")
    linecache.getlines(importlib.import_module("ops_console.export_kinds").__file__)  # as the hook does
    assert linecache.cache
    forget_import_sources()
    assert not linecache.cache


def test_the_lightened_import_hook_reads_no_source_into_linecache_and_answers_as_before(
    tmp_path, monkeypatch
):
    """ui/qt.py lighten_import_hook: a module imported after it leaves nothing in linecache,
    and the hook still learns whether the module uses PySide6 (0) or not (-1)."""
    import linecache
    import sys

    import PySide6.QtCore  # noqa: F401  (the hook is installed with PySide6)

    from ops_console.ui.qt import lighten_import_hook

    feature = sys.modules["shibokensupport.feature"]
    assert lighten_import_hook()
    (tmp_path / "startup_probe_uses_qt.py").write_text("from PySide6.QtCore import QObject\nX = QObject\n")
    (tmp_path / "startup_probe_plain.py").write_text("X = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    try:
        exec("import startup_probe_uses_qt, startup_probe_plain", {})  # the hook sees import statements
        assert not [name for name in linecache.cache if str(tmp_path) in name]
        assert feature.pyside_feature_dict["startup_probe_uses_qt"] == 0
        assert feature.pyside_feature_dict["startup_probe_plain"] == -1
    finally:
        for name in ("startup_probe_uses_qt", "startup_probe_plain"):
            sys.modules.pop(name, None)
            feature.pyside_feature_dict.pop(name, None)
