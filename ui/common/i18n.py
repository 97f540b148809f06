"""Translation hooks: every visible string goes through Qt's translate, so adding a
language (Simplified Chinese first) means dropping a .qm file in place, not editing code.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ops_console import labels

log = logging.getLogger(__name__)

# resources/translations/ops_console_<locale>.qm, e.g. ops_console_zh_CN.qm
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"


def translate(context: str, text: str) -> str:
    """Module-level code (no QObject at hand) translates through this."""
    return QCoreApplication.translate(context, text)


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load Qt's own strings and ours for ``locale`` (default: the system's), if present.

    Returns the translators so the caller keeps them alive; missing files are normal
    (English needs none) and only logged at debug level.
    """
    labels.set_translator(
        QCoreApplication.translate
    )  # enum words (ops_console/labels.py) follow the language
    locale = locale or QLocale.system()
    installed: list[QTranslator] = []
    sources = [
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("ops_console", str(TRANSLATIONS_DIR)),
    ]
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.debug("no %s translation for %s in %s", name, locale.name(), folder)
    return installed
