"""Test configuration shared by every layer.

Widget tests run on Qt's offscreen platform so the suite needs no display.
"""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
