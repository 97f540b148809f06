"""The printed notice is drawn by the shared A4 writer in large type: an exercise and a
cancellation say so at the top, both languages read back with pdftotext, the headline stands
about 1 cm tall on paper, and the page carries ink (pdftoppm)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

from helpers.pdf import ink, pdf_pages, pdf_text, word_heights
from ops_console.early_warning.notice_pdf import notice_document, render_pdf

TEXTS = {
    "zh-CN": {"headline": "运河洪水预警", "description": "水位上涨。", "instruction": "请立即转移到避难所。"},
    "en-US": {
        "headline": "Flood warning for Canal Road",
        "description": "The canal rose 30 cm in an hour.",
        "instruction": "Move to higher ground now.",
    },
}


def test_an_exercise_cancellation_is_one_large_type_page(qapp, tmp_path: Path) -> None:
    doc = notice_document(
        TEXTS,
        area="Canal Road <east>",
        issued=datetime(2026, 5, 1, 8, 0, tzinfo=UTC),
        exercise=True,
        msg_type="Cancel",
    )
    path = tmp_path / "notice.pdf"
    path.write_bytes(render_pdf(doc))
    assert pdf_pages(path) == 1
    text = pdf_text(path)
    for words in (
        "EXERCISE",
        "NOT A REAL WARNING",
        "CANCELLED",
        "Flood warning for Canal Road",
        "Canal Road <east>",
    ):
        assert words in text, words
    assert "避难所" in text and "Move to higher ground now." in text
    heights = word_heights(path)
    assert heights["Flood"] > 9.0, heights  # ~28 pt on paper
    assert heights["Move"] > 6.5 and heights["canal"] > 5.5  # instruction and description: large too
    assert ink(path) > 0.02


def test_without_a_qt_application_the_channel_fails_in_words() -> None:
    """A process with no Qt application (the headless gateway): a sentence, not a crash."""
    script = textwrap.dedent(
        """
        from datetime import UTC, datetime
        from ops_console.early_warning.channels import ChannelFailed
        from ops_console.early_warning.notice_pdf import notice_document, render_pdf
        doc = notice_document({}, area="x", issued=datetime.now(UTC), exercise=False, msg_type="Alert")
        try:
            render_pdf(doc)
        except ChannelFailed as exc:
            print("refused:", exc)
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("refused: the notice needs the console's window running"), out.stdout
