"""When the database stops answering, the form keeps what was typed and saves later."""

import sqlite3

from PySide6.QtWidgets import QMessageBox

from ops_console.ui.bridge import PostBridge
from ops_console.ui.tasks import TaskBoardPanel


def test_task_form_survives_a_locked_database(qtbot, post, db_url, monkeypatch):
    monkeypatch.setattr("ops_console.db.engine.BUSY_TIMEOUT_MS", 200)
    from ops_console.post import open_post

    impatient = open_post(db_url)  # an engine created with the short busy timeout
    impatient.shift.actor = post.shift.actor
    board = TaskBoardPanel(impatient, PostBridge(impatient.bus))
    qtbot.addWidget(board)
    dialog = board._open_dialog()
    dialog.title.setText("Carry sandbags to Willow Lane")
    locker = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        dialog.accept()
        qtbot.waitUntil(
            lambda: isinstance(board.last_message, QMessageBox) and board.last_message.isVisible()
        )
        assert "locked" in board.last_message.text()
        assert dialog.isVisible() and dialog.title.text() == "Carry sandbags to Willow Lane"
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    board.last_message.close()
    dialog.accept()
    assert [t.title for t in post.tasks.list()] == ["Carry sandbags to Willow Lane"]
    board.close()
    impatient.close()
