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
