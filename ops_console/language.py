"""The console's language: every visible string goes through Qt's translate, so a language
is a .ts catalogue in resources/translations, not a code change. QtCore only, so the window
(ui/app.py, through ui/common/i18n.py) and the CLI's reports load the same catalogue.

Which language: the workstation's setting (View → Language…, kept in QSettings under
``ui/language``) when one was chosen, else the system locale, which Qt reads from
``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` (so ``LANG=zh_CN.UTF-8 ops-console`` is Chinese).
The GUI and the CLI's reports both ask ``chosen_locale`` (QSettings of organisation
"OpsConsole", application "Ops Console": ``workstation_settings``).

The .ts sources are compiled to .qm with pyside6-lrelease the first time a language is
used (beside the .ts when that folder is writable, as after ``pip install -e .``; else in
the user cache folder) and again whenever the .ts is newer. No binary lives in the tree.
If no catalogue can be had, the console speaks English and says so once in the log.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ops_console import labels
from ops_console.resources import TRANSLATIONS_DIR

log = logging.getLogger(__name__)

ORGANIZATION, APPLICATION = "OpsConsole", "Ops Console"  # the QApplication's names (ui/app.py): its QSettings
LANGUAGE_KEY = "ui/language"  # "" = follow the system locale
LANGUAGES = {"": "System (LANG / LC_ALL)", "en": "English", "zh_CN": "简体中文"}
_warned: set[str] = set()
_speaking = "en"  # BCP 47 tag of the words now: the installed catalogue's language (see ``speaking``)


def translate(context: str, text: str) -> str:
    """Module-level code (no QObject at hand) translates through this."""
    return QCoreApplication.translate(context, text)


def workstation_settings() -> QSettings:
    """This workstation's settings, as the window keeps them (the CLI has no app names set)."""
    return QSettings(ORGANIZATION, APPLICATION)


def chosen_language(settings: QSettings | None = None) -> str:
    """The language set on this workstation ("" when it follows the system)."""
    settings = settings if settings is not None else workstation_settings()
    value = settings.value(LANGUAGE_KEY, "")
    return value if isinstance(value, str) and value in LANGUAGES else ""


def chosen_locale(settings: QSettings | None = None) -> QLocale:
    """The locale the console speaks: the workstation's choice, else LC_ALL/LANG."""
    language = chosen_language(settings)
    if language:
        return QLocale(language)
    env = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG")
    return QLocale(env.split(".")[0]) if env and env not in ("C", "POSIX") else QLocale.system()


def _lrelease() -> list[str] | None:
    """The command that compiles a .ts: PySide6's bundled lrelease, else one on PATH."""
    try:
        import PySide6

        bundled = Path(PySide6.__file__).resolve().parent / "lrelease"
        if bundled.exists():
            return [str(bundled)]
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    for name in ("pyside6-lrelease", "lrelease"):
        if found := shutil.which(name):
            return [found]
    return None


def _cache_dir() -> Path:
    import platformdirs

    return Path(
        os.environ.get("OPS_CONSOLE_CACHE_DIR") or platformdirs.user_cache_dir("ops-console", "OpsConsole")
    )


def compiled_catalogue(
    language: str, source_dir: Path | None = None, targets: tuple[Path, ...] | None = None
) -> Path | None:
    """The .qm for ``language`` (e.g. "zh_CN"), compiled from its .ts when missing or older,
    into the first of ``targets`` that can be written (default: beside the .ts, then the
    user cache folder). None when there is no .ts or it cannot be compiled (the caller
    falls back to English)."""
    source_dir = source_dir or TRANSLATIONS_DIR
    ts = source_dir / f"ops_console_{language}.ts"
    if not ts.exists():
        return None
    targets = targets or (source_dir, _cache_dir() / "translations")
    for folder in targets:
        qm = folder / f"ops_console_{language}.qm"
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            return qm
    command = _lrelease()
    if command is None:
        log.warning("cannot compile %s: pyside6-lrelease not found", ts)
        return None
    for folder in targets:
        qm = folder / f"ops_console_{language}.qm"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, partial = tempfile.mkstemp(suffix=".qm", dir=folder)
            os.close(handle)
        except OSError:
            continue  # a read-only install folder: the cache folder is next
        try:
            subprocess.run(
                [*command, "-silent", str(ts), "-qm", partial], check=True, capture_output=True, timeout=60
            )
            os.replace(partial, qm)  # never a half-written catalogue under the real name
            log.info("compiled %s → %s", ts.name, qm)
            return qm
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("could not compile %s into %s: %s", ts.name, folder, exc)
            Path(partial).unlink(missing_ok=True)
    return None


def _wants_translation(locale: QLocale) -> str | None:
    """The catalogue name a locale needs ("zh_CN"), or None for English."""
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return None
    return locale.name()


def load_catalogue(translator: QTranslator, locale: QLocale, source_dir: Path | None = None) -> bool:
    """Load our catalogue for ``locale`` into ``translator``; False (logged once per
    language) when it is missing, so the console speaks English instead."""
    language = _wants_translation(locale)
    if language is None:
        return False
    qm = compiled_catalogue(language, source_dir)
    if qm is not None and translator.load(str(qm)):
        return True
    if language not in _warned:
        _warned.add(language)
        log.warning("no translation for %s (%s): the console speaks English", language, qm or "no .qm")
    return False


def install_translators(
    app: QCoreApplication, locale: QLocale | None = None, settings: QSettings | None = None
) -> list[QTranslator]:
    """Load Qt's own strings and ours for ``locale`` (default: ``chosen_locale``), make it
    the default locale (numbers, dates in Qt's editors and ``QLocale()``), and route the
    enum words (ops_console/labels.py) through Qt's translate.

    Returns the translators so the caller keeps them alive.
    """
    labels.set_translator(QCoreApplication.translate)
    locale = locale or chosen_locale(settings)
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    qt_translator = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if _wants_translation(locale) and qt_translator.load(locale, "qtbase", "_", qt_folder):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    ours = QTranslator(app)
    global _speaking
    _speaking = "en"
    if load_catalogue(ours, locale):
        app.installTranslator(ours)
        installed.append(ours)
        _speaking = locale.name().replace("_", "-")
    return installed


_cli_app: QCoreApplication | None = None  # the command line's, made for its translator


def speak_for_cli() -> None:
    """The command line's sentences (refusals, form problems, errors) in the language the
    window would speak (``chosen_locale``: the workstation's choice, else LANG / LC_ALL).

    A translator needs a QCoreApplication, so one is made when none exists yet — call this
    only where nothing will paint afterwards (a command that ends, or an error on its way
    out), because a report's QGuiApplication cannot be made after it. When an application
    exists already, whoever made it chose the language (a report's ensure_gui_application
    installed the same catalogue; a test's qapp its own): nothing is changed."""
    global _cli_app
    if QCoreApplication.instance() is not None:
        return
    _cli_app = QCoreApplication(["ops-console"])
    _cli_app.translators = install_translators(_cli_app)  # type: ignore[attr-defined]  # kept alive


def speaking() -> str:
    """The language the console's words are in now, as a BCP 47 tag ("zh-CN", "en"): the
    installed catalogue's, English when none loaded (a missing .qm falls back to English).
    A report written as HTML says it in ``<html lang>``, so a browser picks a Chinese font
    and a screen reader the right voice — the words, not the wish, decide."""
    return _speaking


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo ``install_translators`` (tests switch languages within one process)."""
    global _speaking
    for translator in translators:
        app.removeTranslator(translator)
    _speaking = "en"
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
