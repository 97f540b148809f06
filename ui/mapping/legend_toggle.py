"""The legend's switch: a button on the map's top-right corner that shows or hides it.

At 1280x720 the map dock is ~620 px wide and the legend beside it took ~260 of them: the
map a person reads during an incident was a strip. So the legend stands beside the map
only while the map keeps most of the width; narrower, it steps aside until asked for,
and the button on the map says where it went. Once a person shows or hides it, that
choice stands (and is kept with the post's layout) whatever the width.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings
from PySide6.QtWidgets import QToolButton, QWidget

LEGEND_BESIDE_FROM = 860
"""The narrowest map panel (px) that shows the legend beside the map by itself."""

SETTING = "map/legend_shown"
MARGIN = 8


def _tr(text: str) -> str:
    return QCoreApplication.translate("Map", text)


class LegendToggle(QObject):
    """Shows ``legend`` beside ``canvas`` by the panel's width until a person chooses."""

    def __init__(self, panel: QWidget, canvas: QWidget, legend: QWidget, settings: QSettings) -> None:
        super().__init__(panel)
        self.panel, self.canvas, self.legend, self.settings = panel, canvas, legend, settings
        self.chosen: bool | None = settings.value(SETTING, type=bool) if settings.contains(SETTING) else None
        self.button = QToolButton(canvas)
        self.button.setObjectName("legendToggle")
        self.button.setCheckable(True)
        self.button.setAutoRaise(False)
        self.button.clicked.connect(self._clicked)
        panel.installEventFilter(self)
        canvas.installEventFilter(self)
        self._apply(self._wanted())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Resize:
            if watched is self.panel:
                self._apply(self._wanted())
            else:
                self._place()
        elif event.type() == QEvent.Type.LanguageChange and watched is self.panel:
            self._words()
        return False

    @property
    def shown(self) -> bool:
        return not self.legend.isHidden()

    def _wanted(self) -> bool:
        if self.chosen is not None:
            return self.chosen
        return self.panel.width() >= LEGEND_BESIDE_FROM

    def _clicked(self, checked: bool) -> None:
        self.chosen = checked
        self.settings.setValue(SETTING, checked)
        self._apply(checked)

    def _apply(self, shown: bool) -> None:
        if shown != self.shown:
            self.legend.setVisible(shown)
        self.button.setChecked(shown)
        self._words()

    def _words(self) -> None:
        if self.shown:
            self.button.setText(_tr("Hide legend ▸"))
            self.button.setToolTip(_tr("Give the map the legend's room"))
        else:
            self.button.setText(_tr("◂ Legend"))
            self.button.setToolTip(_tr("The map's layers and what each symbol means"))
        self.button.adjustSize()
        self._place()

    def _place(self) -> None:
        self.button.move(self.canvas.width() - self.button.width() - MARGIN, MARGIN)
        self.button.raise_()
