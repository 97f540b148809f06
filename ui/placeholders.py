"""Panels for features that are being built: they say so in words, with no fake data.

The dock exists now so the layout people arrange today keeps its place when the
feature arrives.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QStyle, QVBoxLayout, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Placeholders", text)


# object name → (dock title, what the feature will do); marked for lupdate, translated when shown
COMING_FEATURES: dict[str, tuple[str, str]] = {
    "map": (QT_TRANSLATE_NOOP("Placeholders", "Map"), QT_TRANSLATE_NOOP(
        "Placeholders", "The map will show incidents, teams and sensors on the ward's basemap, and work "
                        "without a network. It is being built; nothing is shown here yet.")),
    "radio": (QT_TRANSLATE_NOOP("Placeholders", "Radio"), QT_TRANSLATE_NOOP(
        "Placeholders", "Radio traffic over LoRa will appear here: field messages, positions and "
                        "acknowledgements, with an outbox you can watch. It is being built.")),
    "sirens": (QT_TRANSLATE_NOOP("Placeholders", "Sirens"), QT_TRANSLATE_NOOP(
        "Placeholders", "Outdoor siren control for supervisors, with interlocks and a PIN check before any "
                        "live activation. It is being built; no siren can be triggered here.")),
    "inventory": (QT_TRANSLATE_NOOP("Placeholders", "Inventory"), QT_TRANSLATE_NOOP(
        "Placeholders", "The post's resource inventory (sandbags, generators, radios) with stock issued "
                        "and returned. It is being built.")),
}

# only shown if the task board's module cannot be imported (a broken install)
_FALLBACKS = {"tasks": (QT_TRANSLATE_NOOP("Placeholders", "Task board"), QT_TRANSLATE_NOOP(
    "Placeholders", "The task board could not be loaded on this installation. "
                    "The log file says why; tasks are safe in the database."))}


class ComingSoonPanel(QWidget):
    """A calm, honest panel: the feature's name and what it is going to do."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title, words = (_tr(text) for text in {**COMING_FEATURES, **_FALLBACKS}[key])
        self.setObjectName(f"placeholder_{key}")
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(32, 32))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(_tr("{feature} — coming soon").replace("{feature}", title))
        heading.setObjectName("placeholderTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(words)
        self.text.setObjectName("placeholderText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setMaximumWidth(520)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(icon)
        layout.addWidget(heading)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
