"""Reading back a PDF the console wrote, with poppler's own tools (pdftotext, pdftoppm):
the text a reader would find, and how much ink a page carries."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text(path: Path, page: int | None = None) -> str:
    """The text of the PDF (or of one page), as pdftotext extracts it."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def page_gray(path: Path, page: int = 1, dpi: int = 40) -> tuple[int, int, bytes]:
    """(width, height, 8-bit gray pixels) of one page rendered by pdftoppm."""
    pgm = subprocess.run(
        ["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), str(path)],
        capture_output=True,
        check=True,
    ).stdout
    # binary PGM: "P5\n<w> <h>\n<max>\n" then the pixels
    fields = pgm.split(maxsplit=4)
    assert fields[0] == b"P5", fields[0]
    width, height = int(fields[1]), int(fields[2])
    return width, height, fields[4][-width * height :]


def ink(path: Path, page: int = 1, dpi: int = 40) -> float:
    """The share of a page's pixels that are not white (0.0 is a blank page)."""
    _w, _h, pixels = page_gray(path, page, dpi)
    return sum(1 for p in pixels if p < 200) / max(1, len(pixels))


def word_heights(path: Path, page: int = 1) -> dict[str, float]:
    """Each word of a page and the tallest box pdftotext gives it, in millimetres (the type's
    size on paper: a word in 9-point body text is about 3.3 mm, in 28-point type about 10 mm)."""
    import re

    html = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    heights: dict[str, float] = {}
    for y_min, y_max, word in re.findall(
        r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', html
    ):
        mm = (float(y_max) - float(y_min)) * 25.4 / 72
        heights[word] = max(heights.get(word, 0.0), mm)
    return heights
