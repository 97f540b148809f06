"""The window's last words about the radio: frames that could not be kept make the exit
code non-zero and are named on stderr and in the log, like the gateway's."""

from __future__ import annotations

from pathlib import Path

from ops_console.radio.stop_report import EXIT_DISK_FULL, EXIT_NOT_SAVED, StopReport
from ops_console.ui.app import _radio_last_words


def report(memory: int, disk_full: bool = False) -> StopReport:
    return StopReport(
        stored=120,
        spool=30,
        memory=memory,
        lost=0,
        spool_path=Path("/data/radio-spool.sqlite"),
        disk_full=disk_full,
        problem="database unavailable",
    )


def test_a_window_that_kept_everything_exits_0_and_says_nothing(post, capsys) -> None:
    post.devices.radio_report = report(0)
    assert _radio_last_words(post) == 0 and capsys.readouterr().err == ""


def test_frames_only_in_memory_make_the_exit_code_say_so(post, capsys, caplog) -> None:
    post.devices.radio_report = report(12)
    assert _radio_last_words(post) == EXIT_NOT_SAVED
    err = capsys.readouterr().err
    assert (
        "12 only in memory (NOT saved)" in err and "30 waiting in the spool /data/radio-spool.sqlite" in err
    )
    assert any("NOT saved" in r.getMessage() and r.levelname == "CRITICAL" for r in caplog.records)
    post.devices.radio_report = report(5, disk_full=True)
    assert _radio_last_words(post) == EXIT_DISK_FULL and "disk full" in capsys.readouterr().err
