"""Find words left in English on a window that should speak Chinese.

It reads what a person sees as the console's own words: window and dock titles, menus and
their actions, buttons, labels, group boxes, tab titles, table and tree headers, placeholder
texts and tooltips. Record contents (incident titles, team names typed by people) are data
and are not read: table cells and combo-box items are skipped, except headers.

A word counts as English when it is two or more Latin letters and is not on the short
allow-list below: call signs and codes, units, technical names a Chinese operator also
reads in Latin letters (PIN, CSV, LoRa, UTC), keys (Ctrl, Enter) and proper names of the
demo post (people, the fictional ward). Anything else is a string that missed translation.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

ALLOWED = {
    # codes, protocols and technical names read in Latin letters in Chinese too
    "PIN",
    "CSV",
    "PDF",
    "CAP",  # the Common Alerting Protocol (CAP 1.2), a standard's name in Chinese too
    "UTC",
    "ICS",
    "SITREP",  # the situation report's name up the chain, as ICS is the system's
    "LoRa",
    "RSSI",
    "SNR",
    "MGRS",
    "REYAX",
    "RYLR",
    "Modbus",
    "RTU",
    "ID",
    "OK",
    "SOS",
    "ALL",
    "EXERCISE",
    "MAYDAY",
    "EMERGENCY",  # the word a field team types to raise the alarm (docs/protocols/field-payload.md)
    "English",  # a language named in its own words (View → Language)
    "GeoJSON",
    "Meshtastic",  # a radio product
    "meshtastic",  # the kind in "--device meshtastic:PORT", typed as it is in any language
    "KML",
    "TOML",
    "URL",
    "USB",
    "ttyUSB",
    "dev",
    "socket",
    "tty",
    "pts",
    "http",
    "https",
    "config",
    "toml",
    "call_sign",
    "radio",
    "sirens",
    "country",
    "OPS_CONSOLE_PIN",
    "operator",
    "demo",
    "device",
    "lora",
    "PORT",
    "LANG",
    "LC_ALL",
    "zh_CN",
    # keys
    "Ctrl",
    "Shift",
    "Alt",
    "Enter",
    "Del",
    "Esc",
    "Tab",
    "Space",
    "PgUp",
    "PgDown",
    "Home",
    "End",
    # units
    "dB",
    "dBm",
    "km",
    "mm",
    "kg",
    "hPa",
    "Hz",
    "kHz",
    "MHz",
    "ms",
    "pcs",
    "Ah",
    # proper names of the demo post (people, places, the program's own name in file names)
    "Chen",
    "Jing",
    "Wang",
    "Fang",
    "Zhang",
    "Min",
    "Liu",
    "Yang",
    "Zhao",
    "Lei",
    "Sun",
    "Hao",
    "Willow",
    "Creek",
    "OpenStreetMap",
    "Ops",
    "Console",
    "ops",
    "console",
    "log",
    "sqlite",
    "db",
    "EOC",
    "OPS",
    "BR",
    "NA",
    "CN",
    "US",
    "DE",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z_]+")
_SKIP = re.compile(
    r"(/[\w./-]+)"  # paths
    r"|(\b[\w.+-]+://\S+)"  # URLs
    r"|(\b[A-Z0-9]+(?:-[A-Z0-9]+)+\b)"  # call signs and codes: EOC-1, ICS-213, MED-2
    r"|(\b[a-z]+\.[a-z_.]+\b)"  # short codes such as cn.air_raid, file names
    r"|(\b\w+\.(?:db|sqlite|log|ts|qm|toml|csv|pdf)\b)"
)


def english_words(text: str, data: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """The words of ``text`` a Chinese reader would see as untranslated English (``data``:
    words of the post's own records, which are not the console's to translate)."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))  # rich text: tags and &nbsp;
    text = _SKIP.sub(" ", text.replace("&", ""))
    return [w for w in _WORD.findall(text) if w not in ALLOWED and w not in data]


def _texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) for the words a person reads on ``widget`` itself."""
    name = type(widget).__name__ + (f"#{widget.objectName()}" if widget.objectName() else "")
    out: list[tuple[str, str]] = []
    if widget.isWindow() and widget.windowTitle():
        out.append((f"{name} title", widget.windowTitle()))
    if widget.toolTip():
        out.append((f"{name} tooltip", widget.toolTip()))
    if isinstance(widget, QAbstractButton):
        out.append((name, widget.text()))
    elif isinstance(widget, QLabel):
        out.append((name, widget.text()))
    elif isinstance(widget, QGroupBox):
        out.append((name, widget.title()))
    elif isinstance(widget, QDockWidget):
        out.append((name, widget.windowTitle()))
    elif isinstance(widget, QLineEdit):
        out.append((f"{name} placeholder", widget.placeholderText()))
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        out.append((f"{name} placeholder", widget.placeholderText()))
        if widget.isReadOnly():  # a page the console wrote (the guide), not what someone typed
            out.append((f"{name} page", widget.toPlainText()))
    elif isinstance(widget, QTabBar):
        out += [(f"{name} tab", widget.tabText(i)) for i in range(widget.count())]
    elif isinstance(widget, QMenu):
        out.append((name, widget.title()))
        out += [(f"{name} action", a.text()) for a in widget.actions()]
        out += [(f"{name} action tooltip", a.toolTip()) for a in widget.actions() if a.toolTip() != a.text()]
    elif isinstance(widget, QHeaderView) and widget.model() is not None:
        model = widget.model()
        count = model.columnCount() if widget.orientation() == Qt.Orientation.Horizontal else 0
        out += [
            (
                f"{name} header",
                str(model.headerData(i, widget.orientation(), Qt.ItemDataRole.DisplayRole) or ""),
            )
            for i in range(count)
        ]
    return out


def english_left(root: QWidget, data: set[str] = frozenset(), *, visible_only: bool = True) -> list[str]:  # type: ignore[assignment]
    """Every place under ``root`` (itself included) that shows English, as 'where: text'."""
    problems: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    if isinstance(root, QMainWindow):
        widgets += root.menuBar().findChildren(QMenu)
    for widget in widgets:
        if visible_only and not (widget.isVisible() or isinstance(widget, QMenu)):
            continue
        if isinstance(widget, QAbstractItemView | QComboBox) and not isinstance(widget, QHeaderView):
            pass  # record contents are data; their headers are read as QHeaderView
        for where, text in _texts(widget):
            words = english_words(text, data)
            if words:
                problems.append(f"{where}: {text!r} ({', '.join(sorted(set(words)))})")
    return sorted(set(problems))


def data_words(engine: object) -> set[str]:
    """Every Latin word stored in the post's text columns: names of people, places, items,
    units and what operators typed are records, not the console's words. A sentence a
    service stored (ops_console/said.py) counts only by its arguments: its template is the
    console's own and must show translated."""
    from sqlalchemy import String, Text, column, inspect, select, table

    from ops_console.said import arguments, is_said

    words: set[str] = set()
    inspector = inspect(engine)
    with engine.connect() as conn:  # type: ignore[attr-defined]
        for name in inspector.get_table_names():
            if name in ("audit_entries", "alembic_version"):
                continue
            texts = [c["name"] for c in inspector.get_columns(name) if isinstance(c["type"], String | Text)]
            if not texts:
                continue
            for row in conn.execute(select(*[column(c) for c in texts]).select_from(table(name))):
                for value in row:
                    if is_said(value):  # a stored sentence: its template is the console's, its arguments data
                        for argument in arguments(value):
                            words.update(_WORD.findall(argument))
                    elif isinstance(value, str):
                        words.update(_WORD.findall(value))
    return words
