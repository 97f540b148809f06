"""The installed Qt binding must not leak references to None/True/False.

PySide6 6.12.0 on Python 3.11 loses a reference to None on every call of a method that
returns nothing, and to True/False on signal emission, so a long shift ends with
"deallocating None" and the console aborts. pyproject.toml excludes that release;
this test keeps it (or a future one like it) from slipping back in.
"""

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPainter


class _Emitter(QObject):
    fired = Signal(int)


def test_void_calls_keep_none_alive(qapp):
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.drawPoint(1, 1)
    after = sys.getrefcount(None)
    painter.end()
    assert abs(after - before) < 50


def test_signal_emission_keeps_booleans_alive(qapp):
    emitter = _Emitter()
    emitter.fired.connect(lambda value: None)
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for _ in range(200):
        emitter.fired.emit(1)
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert all(abs(a - b) < 50 for a, b in zip(after, before))
