"""Half-typed forms kept as drafts when the window closes, and offered back next time.

A form that keeps drafts has ``DRAFT_KEY`` and two methods: ``draft_fields()`` returns
the typed fields as plain strings (None when nothing was typed) and
``restore_draft(fields)`` puts them back. The main window calls ``keep_drafts`` as it
closes; the form takes its draft when it is opened next (``take_draft``). Drafts live
in the window's QSettings: they belong to this workstation, like its layout.
"""

from __future__ import annotations

import json
import logging
from typing import Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)
GROUP = "drafts"


class KeepsDrafts(Protocol):
    DRAFT_KEY: str

    def draft_fields(self) -> dict[str, str] | None: ...

    def restore_draft(self, fields: dict[str, str]) -> None: ...


def settings_of(widget: QWidget) -> QSettings | None:
    """The settings of the window ``widget`` lives in (the main window's, in tests a temp file)."""
    settings = getattr(widget.window(), "settings", None)
    return settings if isinstance(settings, QSettings) else None


def save_draft(settings: QSettings, key: str, fields: dict[str, str]) -> None:
    settings.setValue(f"{GROUP}/{key}", json.dumps(fields, ensure_ascii=False))
    settings.sync()


def take_draft(settings: QSettings | None, key: str) -> dict[str, str] | None:
    """The stored draft for ``key``, removed from the store (it now lives in the form again)."""
    if settings is None:
        return None
    raw = settings.value(f"{GROUP}/{key}")
    if raw is None:
        return None
    settings.remove(f"{GROUP}/{key}")
    settings.sync()
    try:
        fields = json.loads(str(raw))
    except ValueError:
        log.warning("draft %s could not be read; dropped", key)
        return None
    return {str(k): str(v) for k, v in fields.items()} if isinstance(fields, dict) else None


def keep_drafts(window: QWidget, settings: QSettings) -> list[str]:
    """Store the draft of every open form under ``window`` that has typed content; returns the keys."""
    kept: list[str] = []
    for form in window.findChildren(QWidget):
        key = getattr(form, "DRAFT_KEY", None)
        if not key or not hasattr(form, "draft_fields"):
            continue
        if isinstance(form, QWidget) and form.isWindow() and not form.isVisible():
            continue  # a dialog already closed (saved or discarded) leaves no draft
        try:
            fields = form.draft_fields()
        except Exception:  # noqa: BLE001 - a broken form must not stop the window from closing
            log.exception("draft of %s could not be kept", key)
            continue
        if fields:
            save_draft(settings, key, fields)
            kept.append(key)
            log.info("kept a draft of %s", key)
    return kept


def restore_drafts(window: QWidget, settings: QSettings) -> list[str]:
    """Put stored drafts back into the forms that are always open (the radio compose box)."""
    restored: list[str] = []
    for form in window.findChildren(QWidget):
        key = getattr(form, "DRAFT_KEY", None)
        if not key or form.isWindow() or not hasattr(form, "restore_draft"):
            continue
        fields = take_draft(settings, key)
        if fields:
            form.restore_draft(fields)
            restored.append(key)
    return restored
