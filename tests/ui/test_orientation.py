"""Help and orientation: the window title names the post once and the product once, and
every menu path the README names (*File → Change operator…*) exists in the real menus."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMenu

README = Path(__file__).resolve().parents[2] / "README.md"
MENU_PATH = re.compile(r"(?<!\*)\*([A-Z][\w ]{0,20}) → ([^*\n→]{1,40})\*(?!\*)")  # *Menu → Item*


def _plain(text: str) -> str:
    return text.replace("&", "").strip()


def test_the_title_does_not_repeat_the_product_name(window, post):
    title = window.windowTitle()
    product = QApplication.applicationDisplayName() or "Ops Console"
    assert product not in title, f"{title!r}: the platform appends {product!r} itself"
    assert post.db.display_name in title


def test_every_menu_path_in_the_readme_exists(window):
    menus = {_plain(a.text()): a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)}
    paths = MENU_PATH.findall(README.read_text(encoding="utf-8"))
    assert paths, "the README names no menu path any more: drop this test or the regex is wrong"
    for menu, item in paths:
        assert menu in menus, f"README names a menu {menu!r}; the menus are {sorted(menus)}"
        items = {_plain(a.text()) for a in menus[menu].actions()}
        assert _plain(item) in items, f"README says {menu} → {item}; {menu} holds {sorted(items)}"


def test_help_has_a_guide_the_shortcuts_the_locations_and_the_version(
    post, qtbot, themed, layout_settings, tmp_path, screenshot_dir
):
    from ops_console import __version__
    from ops_console.db.engine import sqlite_path
    from ops_console.ui.app import build_main_window

    log_file = tmp_path / "logs" / "ops-console.log"
    window = build_main_window(post, settings=layout_settings, log_path=log_file)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    guide = window.guide()
    qtbot.waitUntil(guide.isVisible)
    text = guide.page.toPlainText()
    assert "Change operator" in text
    for keys, what in (("Ctrl+I", "New incident"), ("Ctrl+T", "New task"), ("Ctrl+Q", "Quit")):
        assert keys in text and what in text, (keys, what)
    assert str(sqlite_path(post.db.url)) in text and str(log_file) in text
    assert __version__ in text
    guide.grab().save(str(screenshot_dir / "help_guide.png"))
    guide.close()

    about = window.about()
    assert str(sqlite_path(post.db.url)) in about.text() and str(log_file) in about.text()
    about.close()
    window.close()
