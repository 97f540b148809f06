"""The translation catalogue: the extractor finds the strings where Qt will look them up,
and the zh_CN catalogue is complete and up to date with the code."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from ops_console import i18n_catalogue as cat

SAMPLE = """
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from ops_console.labels import QT_TRANSLATE_NOOP3


def _tr(text, n=-1):
    return QCoreApplication.translate("Map", text, None, n)


COLUMNS = ("Siren", "State")
KINDS = {"a": QT_TRANSLATE_NOOP("Labels", "Fire")}
SHELTER = QT_TRANSLATE_NOOP3("Labels", "Open", "shelter status")


class Panel:
    CONTEXT = "PanelModel"
    HEADERS = ("Time", "Who")

    def build(self):
        self.tr("Send")
        _tr("Zoom in")
        _tr("%n point(s)", 3)
        _tr(COLUMNS[0])
        QCoreApplication.translate(self.CONTEXT, self.HEADERS[1])
        QCoreApplication.translate("Startup", "Ops Console cannot start")
        name = "dynamic"
        _tr(name)  # not a literal: nothing to collect
        said(N_("up {rise} m within {span}"), rise=1, span=2)  # a stored sentence (ops_console/said.py)
"""

USER = """
from .model import _tr as words


def show():
    words("Imported wrapper")
"""


def _tree(tmp_path: Path) -> Path:
    package = tmp_path / "ui" / "mapping"
    package.mkdir(parents=True)
    (tmp_path / "ui" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "model.py").write_text(textwrap.dedent(SAMPLE))
    (package / "panel.py").write_text(textwrap.dedent(USER))
    for folder in ("ops_console", "hardware", "db", "resources/siren_patterns"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    return tmp_path


def test_extractor_knows_the_codebases_wrappers(tmp_path):
    found = {(m.context, m.source, m.comment): m for m in cat.extract(_tree(tmp_path)).values()}
    keys = set(found)
    assert ("Map", "Zoom in", "") in keys  # a module wrapper: its context, not an empty one
    assert ("Map", "Siren", "") in keys and ("Map", "State", "") in keys  # a tuple shown through it
    assert ("Panel", "Send", "") in keys  # self.tr: the class's name
    assert ("PanelModel", "Who", "") in keys  # a class attribute context and column tuple
    assert ("Startup", "Ops Console cannot start", "") in keys
    assert ("Labels", "Fire", "") in keys
    assert ("Labels", "Open", "shelter status") in keys  # a disambiguation travels as Qt's comment
    assert ("Map", "Imported wrapper", "") in keys  # a wrapper imported from another module
    assert ("Stored", "up {rise} m within {span}", "") in keys  # N_: where said.shown looks it up
    assert found[("Map", "%n point(s)", "")].numerus
    assert not any(m.source == "dynamic" for m in found.values())


def test_a_new_message_takes_the_translation_of_the_same_words_elsewhere_and_keeps_old_ones(tmp_path):
    old = {
        ("A", "Close", ""): cat.Entry(cat.Message("A", "Close"), "关闭", True),
        ("A", "Gone", ""): cat.Entry(cat.Message("A", "Gone"), "消失", True),
    }
    code = {
        ("A", "Close", ""): cat.Message("A", "Close"),
        ("B", "Close", ""): cat.Message("B", "Close"),
        ("B", "New", ""): cat.Message("B", "New"),
    }
    merged = cat.merge(code, old, prune=False)
    assert merged[("B", "Close", "")].translation == "关闭"
    assert not merged[("B", "New", "")].finished
    assert merged[("A", "Gone", "")].vanished  # kept for Linguist, not compiled
    path = tmp_path / "x.ts"
    path.write_text(cat.write_ts(path, "zh_CN", merged), encoding="utf-8")
    again = cat.read_ts(path)
    assert again[("B", "Close", "")].translation == "关闭" and again[("B", "Close", "")].finished
    assert not cat.merge(code, again, prune=True).get(("A", "Gone", ""))


def test_the_chinese_catalogue_is_complete_and_up_to_date():
    """Fails when code gained words the catalogue lacks: run
    `python -m ops_console.i18n_catalogue`, translate what `--missing` lists, commit the .ts."""
    path = cat.ts_path("zh_CN")
    entries = cat.read_ts(path)
    code = cat.extract()
    missing = [k for k in code if k not in entries or not entries[k].finished]
    assert not missing, f"{len(missing)} strings without a zh_CN translation, e.g. {missing[:10]}"


def test_translations_keep_their_placeholders_and_accelerators():
    for entry in cat.read_ts(cat.ts_path("zh_CN")).values():
        if entry.vanished:
            continue
        source, text = entry.message.source, entry.translation
        placeholders = sorted(re.findall(r"%\d|%n|\{[a-z_]*\}", source))
        assert placeholders == sorted(re.findall(r"%\d|%n|\{[a-z_]*\}", text)), (source, text)
        assert ("&" in source and "<" not in source) <= ("&" in text), (source, text)
