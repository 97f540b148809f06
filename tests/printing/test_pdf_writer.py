"""The A4 writer: real PDFs read back with poppler (text and ink), a full disk, a cancel,
bidirectional text and characters outside the BMP."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.pdf import ink, pdf_pages, pdf_text, word_heights
from ops_console.printing import (
    Cancelled,
    CancelToken,
    Fields,
    Heading,
    LargeText,
    Paragraph,
    PrintDocument,
    Table,
    write_pdf,
)
from ops_console.printing.files import WriteFailed, temp_path
from ops_console.printing.pdf import pdf_bytes


def _log(rows: int) -> PrintDocument:
    doc = PrintDocument(
        "ACTIVITY LOG (ICS 214)",
        header=[("1. Incident name", "River flood"), ("2. Operational period", "06:00 to 18:00")],
        footer="Prepared by Anna Muster, Radio operator",
    )
    doc.add(
        Heading("Activity log"),
        Fields([("Unit", "Rescue 1"), ("Leader", "Ben")]),
        Table(
            ["Time", "Notable activities"], [(f"07:{i % 60:02d}", f"Line {i} sandbags") for i in range(rows)]
        ),
    )
    return doc


@pytest.fixture(autouse=True)
def _gui(qapp):
    """Fonts need a QGuiApplication (offscreen here, as in the CLI)."""
    return qapp


def test_a_form_reads_back_with_its_frame_on_every_page(tmp_path: Path) -> None:
    path = write_pdf(_log(200), tmp_path / "log.pdf")
    pages = pdf_pages(path)
    assert pages >= 3
    for page in (1, pages):
        text = pdf_text(path, page)
        assert "ACTIVITY LOG (ICS 214)" in text and "River flood" in text
        assert f"Page {page} of {pages}" in text
        assert "Notable activities" in text  # the table's headings repeated on each page
        assert "Prepared by Anna Muster" in text
    everything = pdf_text(path)
    assert "Line 0 sandbags" in everything and "Line 199 sandbags" in everything
    assert ink(path, 1) > 0.01 and ink(path, pages) > 0.005


def test_an_empty_document_is_one_page_with_its_frame(tmp_path: Path) -> None:
    path = write_pdf(PrintDocument("SITUATION REPORT", header=[("Post", "North")]), tmp_path / "e.pdf")
    assert pdf_pages(path) == 1 and "Page 1 of 1" in pdf_text(path)


def test_right_to_left_and_astral_characters(tmp_path: Path) -> None:
    """Hebrew and Arabic come out as text; characters outside the BMP are drawn (poppler
    cannot extract them from Qt's PDFs, so their ink is compared with a page without them)."""
    rtl = PrintDocument("LOG").add(Paragraph("Team שלום עולם and مرحبا reported"))
    path = write_pdf(rtl, tmp_path / "rtl.pdf")
    text = pdf_text(path)
    assert "שלום" in text and "Team" in text and "reported" in text
    astral = "𝐀𝐁𝐂𝐃𝐄𝐅𝐆𝐇𝐈𝐉 𝄞𝄞𝄞"
    with_them = write_pdf(PrintDocument("LOG").add(Paragraph(f"x {astral * 4}")), tmp_path / "a.pdf")
    without = write_pdf(PrintDocument("LOG").add(Paragraph("x")), tmp_path / "b.pdf")
    assert ink(with_them, dpi=72) > ink(without, dpi=72) + 0.001


def test_progress_runs_to_the_end_and_a_cancel_leaves_no_file(tmp_path: Path) -> None:
    seen: list[float] = []
    write_pdf(_log(3000), tmp_path / "ok.pdf", progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0) and len(seen) > 10

    token = CancelToken()

    def progress(fraction: float) -> None:
        if fraction > 0.5:
            token.cancel()

    target = tmp_path / "cancelled.pdf"
    with pytest.raises(Cancelled):
        write_pdf(_log(3000), target, progress=progress, cancel=token)
    assert list(tmp_path.iterdir()) == [tmp_path / "ok.pdf"]


def test_a_disk_that_fills_removes_the_partial_file_and_says_so(tmp_path: Path) -> None:
    """A file-size limit (RLIMIT_FSIZE) stands in for a full disk: the kernel refuses the
    write past 64 KB exactly as it does when the disk is full (EFBIG instead of ENOSPC)."""
    target = tmp_path / "log.pdf"
    target.write_bytes(b"the previous report")
    script = textwrap.dedent(
        f"""
        import resource, signal, sys
        from PySide6.QtGui import QGuiApplication
        app = QGuiApplication([])
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_pdf_writer import _log
        from ops_console.printing import write_pdf
        from ops_console.printing.pdf import pdf_bytes
        data = pdf_bytes(_log(4000))
        assert len(data) > 4 * 65536, len(data)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
        try:
            write_pdf(_log(4000), {str(target)!r})
        except Exception as exc:
            print(type(exc).__name__, exc)
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).parents[1]))
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("WriteFailed Could not write"), run.stdout + run.stderr
    assert "disk is full" in run.stdout and "Nothing was saved" in run.stdout
    assert target.read_bytes() == b"the previous report"  # the old file is untouched
    assert not temp_path(target).exists() and len(list(tmp_path.iterdir())) == 1


def test_a_folder_that_cannot_be_written_is_an_error_in_words(tmp_path: Path) -> None:
    with pytest.raises(WriteFailed, match="Could not write"):
        write_pdf(_log(1), tmp_path / "missing" / "log.pdf")


def test_the_pdf_is_made_in_memory_without_a_file() -> None:
    assert pdf_bytes(_log(5)).startswith(b"%PDF")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=300), st.integers(20, 400))
def test_wrapping_keeps_every_character(qapp, text: str, width_mm: int) -> None:
    """Lines never lose or invent a non-space character, whatever the script or plane."""
    from PySide6.QtCore import QBuffer
    from PySide6.QtGui import QFont, QFontMetricsF, QPdfWriter

    from ops_console.printing.pdf import wrap

    buffer = QBuffer()
    device = QPdfWriter(buffer)
    font = QFont()
    font.setPointSizeF(9)
    lines = wrap(text, font, QFontMetricsF(font, device), width_mm * device.logicalDpiX() / 25.4, device)
    squeeze = lambda s: "".join(s.split())  # noqa: E731 - breaks fall on spaces
    assert squeeze("".join(lines)) == squeeze(text)


def test_html_and_markdown_say_the_same_and_escape_what_they_must() -> None:
    from ops_console.printing.text import to_html, to_markdown

    doc = PrintDocument("SITREP <b>", header=[("Post", "North & South")], footer="Prepared by 𝐀nna")
    doc.add(Heading("Incidents"), Table(["Title", "Severity"], [("Fire | <script>", "3"), ("שלום 𠀀", "1")]))
    html = to_html(doc)
    assert '<html lang="en">' in html  # no catalogue installed: the words are English
    assert "<script>" not in html and "&lt;script&gt;" in html and "North &amp; South" in html
    assert "שלום 𠀀" in html and "Prepared by 𝐀nna" in html
    md = to_markdown(doc)
    assert "| Fire \\| \\<script\\> | 3 |" in md and "| שלום 𠀀 | 1 |" in md
    assert md.startswith("# SITREP \\<b\\>")


def test_large_type_is_large_wraps_and_runs_onto_the_next_page(tmp_path: Path) -> None:
    """A notice's large type: its words stand about three times as tall as body text on
    paper, a long text wraps at the page width and carries on onto a second page whole."""
    doc = PrintDocument("NOTICE").add(
        LargeText("Evacuate now", 28, colour="#b00000", rule_below=True),
        Paragraph("small print"),
    )
    path = write_pdf(doc, tmp_path / "large.pdf")
    heights = word_heights(path)
    assert heights["Evacuate"] > 9.0 and heights["small"] < 4.5, heights
    assert heights["Evacuate"] > 2.5 * heights["small"]
    assert ink(path, dpi=72) > ink(write_pdf(PrintDocument("NOTICE"), tmp_path / "empty.pdf"), dpi=72)

    words = [f"word{i}" for i in range(400)]
    long = write_pdf(PrintDocument("NOTICE").add(LargeText(" ".join(words), 24)), tmp_path / "long.pdf")
    pages = pdf_pages(long)
    assert pages >= 2
    found = [w for w in pdf_text(long).split() if w.startswith("word")]
    assert found == words  # every word once, in order, across the pages
    assert ink(long, pages) > 0.005


def test_large_type_in_html_and_markdown() -> None:
    from ops_console.printing.text import to_html, to_markdown

    doc = PrintDocument("NOTICE").add(LargeText("Move <up> now", 20, colour="#b00000", rule_below=True))
    html = to_html(doc)
    assert 'style="font-size:20pt;font-weight:bold;color:#b00000">Move &lt;up&gt; now</p><hr>' in html
    assert "**Move \\<up\\> now**\n\n---" in to_markdown(doc)
