"""How the UI shows the errors services raise on purpose.

One place decides the words and the box for each kind of known error, so panels just
call ``show_error(self, exc)`` and stay thin. Unknown exceptions are not handled here:
they are bugs and reach the crash dialog.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ops_console.errors import (
    ConflictError,
    DatabaseUnavailable,
    NotFound,
    OpsError,
    PermissionDenied,
    ValidationError,
)


def tr(text: str) -> str:
    """Translate a string in the shared 'Messages' context."""
    return QCoreApplication.translate("Messages", text)


def describe_conflict(error: ConflictError) -> str:
    """Both versions side by side, field by field, for the conflict dialog's details."""
    lines = [tr("Field: yours → stored now")]
    for name in sorted(set(error.mine) | set(error.theirs)):
        if name == "version":
            continue
        mine, theirs = error.mine.get(name, "—"), error.theirs.get(name, "—")
        marker = "≠" if name in error.mine and mine != theirs else " "
        lines.append(
            f"{marker} {name}: {json.dumps(mine, ensure_ascii=False)} → {json.dumps(theirs, ensure_ascii=False)}"
        )
    return "\n".join(lines)


def show_conflict(parent: QWidget | None, error: ConflictError) -> QMessageBox:
    """Tell the later writer that someone else saved first, showing both versions."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Changed by someone else"),
        str(error),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText(
        tr(
            "Nothing was overwritten. The list now shows the stored version; "
            "open it again to apply your change on top of it."
        )
    )
    box.setDetailedText(describe_conflict(error))
    box.setObjectName("conflictDialog")
    box.open()
    return box


def show_error(parent: QWidget | None, error: Exception) -> QMessageBox:
    """A non-modal message box with words that fit the kind of error."""
    if isinstance(error, ConflictError):
        return show_conflict(parent, error)
    titles: list[tuple[type, str]] = [
        (ValidationError, tr("Please check the form")),
        (PermissionDenied, tr("Not allowed")),
        (NotFound, tr("Record gone")),
        (DatabaseUnavailable, tr("Database problem")),
        (OpsError, tr("Cannot do that")),
    ]
    title = next((t for cls, t in titles if isinstance(error, cls)), tr("Error"))
    text = str(error)
    if isinstance(error, ValidationError):
        text = "\n".join(error.problems.values())
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorMessage")
    box.open()
    return box
