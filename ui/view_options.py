"""View → Night theme, Larger / Smaller text and Language: the workstation's look, kept in
its QSettings (like the layout) and applied at the next start by ``apply_saved_look``.

The theme and the text size change at once; the language takes effect on the next start
(every widget would otherwise have to rebuild its words), which the menu says.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Slot
from PySide6.QtGui import QAction, QActionGroup, QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from ops_console.ui.common.actions import window_action
from ops_console.ui.common.i18n import LANGUAGE_KEY, LANGUAGES, chosen_language
from ops_console.ui.common.theme import FONT_DEFAULT_PT, FONT_MAX_PT, FONT_MIN_PT, apply_theme, is_night

NIGHT_KEY, FONT_KEY = "ui/night", "ui/font_pt"
FONT_STEP = 1.0


def _flag(value: object) -> bool:
    """QSettings hands back "true"/"false" from an INI file, a bool from the registry."""
    return value is True or str(value).lower() in ("true", "1", "yes")


def saved_font_pt(settings: QSettings) -> float | None:
    try:
        value = float(settings.value(FONT_KEY, 0) or 0)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return min(max(value, FONT_MIN_PT), FONT_MAX_PT) if value else None


def apply_saved_look(app: QApplication, settings: QSettings) -> None:
    """The theme and text size this workstation chose (light, 10 pt when nothing is saved)."""
    apply_theme(app, night=_flag(settings.value(NIGHT_KEY, False)), font_pt=saved_font_pt(settings))


class ViewOptions(QObject):
    """The actions of the View menu that change how the console looks, and their settings."""

    def __init__(self, window: QWidget, settings: QSettings) -> None:
        super().__init__(window)
        self._window, self._settings = window, settings
        self.night_action = self._action(self.tr("&Night theme"), "Ctrl+Shift+N", "nightThemeAction")
        self.night_action.setCheckable(True)
        self.night_action.setChecked(is_night())
        self.night_action.toggled.connect(self.set_night)
        self.larger_action = self._action(self.tr("&Larger text"), "Ctrl+=", "largerTextAction")
        self.larger_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.larger_action.triggered.connect(lambda: self.step_font(+FONT_STEP))
        self.smaller_action = self._action(self.tr("&Smaller text"), "Ctrl+-", "smallerTextAction")
        self.smaller_action.triggered.connect(lambda: self.step_font(-FONT_STEP))
        self.normal_action = self._action(self.tr("N&ormal text size"), "Ctrl+0", "normalTextAction")
        self.normal_action.triggered.connect(lambda: self.set_font_pt(FONT_DEFAULT_PT))
        self.language_menu = QMenu(self.tr("&Language"), window)
        self.language_menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        current = chosen_language(settings)
        self.language_actions: dict[str, QAction] = {}
        for code, words in LANGUAGES.items():
            action = QAction(self._language_words(code, words), self, checkable=True)
            action.setObjectName(f"language_{code or 'system'}")
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, code=code: self.set_language(code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

    def _language_words(self, code: str, words: str) -> str:
        # each language is named in its own words, so a wrong choice can be found again
        return self.tr("System language (LANG / LC_ALL)") if not code else words

    def _action(self, text: str, shortcut: str, name: str) -> QAction:
        return window_action(self._window, text, shortcut, name)

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.night_action)
        menu.addActions([self.larger_action, self.smaller_action, self.normal_action])
        menu.addMenu(self.language_menu)

    def font_pt(self) -> float:
        return QApplication.font().pointSizeF()

    @Slot(bool)
    def set_night(self, night: bool) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, night=night, font_pt=self.font_pt())
        self._settings.setValue(NIGHT_KEY, night)
        if self.night_action.isChecked() != night:
            self.night_action.setChecked(night)

    def step_font(self, step: float) -> None:
        self.set_font_pt(self.font_pt() + step)

    def set_font_pt(self, size: float) -> None:
        """The whole console's text size; layouts take their sizes from it."""
        size = min(max(size, FONT_MIN_PT), FONT_MAX_PT)
        font = QFont(QApplication.font())
        font.setPointSizeF(size)
        QApplication.setFont(font)  # every widget without a font of its own follows
        self._settings.setValue(FONT_KEY, size)
        self.larger_action.setEnabled(size < FONT_MAX_PT)
        self.smaller_action.setEnabled(size > FONT_MIN_PT)

    def set_language(self, code: str) -> None:
        if code == chosen_language(self._settings):
            return
        self._settings.setValue(LANGUAGE_KEY, code)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Language"),
            self.tr("The console speaks the chosen language from its next start."),
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setObjectName("languageBox")
        box.open()
