"""Which language the console speaks, and what happens when its catalogue is missing:
compiled from the .ts at first use, English (logged once) when there is none."""

from __future__ import annotations

import logging
import shutil

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from ops_console import language as i18n


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("OPS_CONSOLE_CACHE_DIR", str(tmp_path / "cache"))
    i18n._warned.clear()
    return tmp_path / "cache"


def test_the_catalogue_is_compiled_from_the_ts_at_first_use(qapp, tmp_path, cache):
    source = tmp_path / "translations"
    source.mkdir()
    shutil.copy(i18n.TRANSLATIONS_DIR / "ops_console_zh_CN.ts", source)
    qm = i18n.compiled_catalogue("zh_CN", source)
    assert qm == source / "ops_console_zh_CN.qm" and qm.stat().st_size > 1000
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    finally:
        qapp.removeTranslator(translator)
    assert i18n.compiled_catalogue("zh_CN", source) == qm  # not compiled again while current


def test_a_read_only_install_compiles_into_the_cache_folder(qapp, tmp_path, cache):
    source = tmp_path / "site-packages"
    source.mkdir()
    shutil.copy(i18n.TRANSLATIONS_DIR / "ops_console_zh_CN.ts", source)
    blocker = tmp_path / "a-file"
    blocker.write_text("")  # a folder below a file cannot be made, even by root (chmod would not stop root)
    qm = i18n.compiled_catalogue("zh_CN", source, (blocker / "install", cache / "translations"))
    assert qm == cache / "translations" / "ops_console_zh_CN.qm" and qm.exists()
    assert not list(source.glob("*.qm"))


def test_a_missing_catalogue_falls_back_to_english_and_logs_once(qapp, tmp_path, cache, caplog):
    empty = tmp_path / "nothing"
    empty.mkdir()
    caplog.set_level(logging.WARNING, logger=i18n.__name__)
    for _ in range(3):
        assert not i18n.load_catalogue(QTranslator(), QLocale("zh_CN"), empty)
    warnings = [r for r in caplog.records if "speaks English" in r.getMessage()]
    assert len(warnings) == 1, [r.getMessage() for r in caplog.records]
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_a_broken_catalogue_falls_back_to_english_and_leaves_no_half_file(qapp, tmp_path, cache, caplog):
    source = tmp_path / "broken"
    source.mkdir()
    (source / "ops_console_zh_CN.ts").write_text("<TS><context><name>X</name><message>", encoding="utf-8")
    caplog.set_level(logging.WARNING, logger=i18n.__name__)
    assert not i18n.load_catalogue(QTranslator(), QLocale("zh_CN"), source)
    assert not list(source.glob("*.qm")) and not list(cache.rglob("*.qm"))
    assert any("speaks English" in r.getMessage() for r in caplog.records)


def test_english_needs_no_catalogue(qapp, cache, caplog):
    caplog.set_level(logging.WARNING, logger=i18n.__name__)
    assert not i18n.load_catalogue(QTranslator(), QLocale("en_GB"))
    assert not caplog.records


@pytest.mark.parametrize(
    ("env", "setting", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "", "zh_CN"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "", "zh_CN"),
        ({"LANG": "zh_CN.UTF-8"}, "en", "en_US"),
        ({"LANG": "en_GB.UTF-8"}, "zh_CN", "zh_CN"),
    ],
)
def test_the_language_follows_the_setting_else_lc_all_and_lang(monkeypatch, tmp_path, env, setting, expected):
    for key in ("LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    if setting:
        settings.setValue(i18n.LANGUAGE_KEY, setting)
    assert i18n.chosen_locale(settings).name() == expected
