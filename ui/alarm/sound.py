"""The alarm's audible cue, and whether this workstation can make one at all.

QtMultimedia (a sound file through QSoundEffect) is used where the Qt installation has it;
PySide6-Essentials, what the console depends on, does not ship it, and the addons that
do are ~600 MB, so the usual cue is the system beep (``QApplication.beep``). A post must
know when no sound will come: ``audio_present`` looks for an output device, and the
alarm bar shows "Sound off" when there is none. ``played`` counts cues, so a test (and
the "Test alarm sound" action) can tell that one was given.
"""

from __future__ import annotations

import importlib
import logging
import math
import struct
import sys
import wave
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def _multimedia():  # type: ignore[no-untyped-def]
    """PySide6.QtMultimedia, or None when this Qt has no multimedia module."""
    try:
        return importlib.import_module("PySide6.QtMultimedia")
    except ImportError:
        return None


def audio_present() -> bool:
    """Is there an audio output device? QtMultimedia's list where available; on Linux
    without it, the ALSA card list; elsewhere the system beep is assumed to work."""
    multimedia = _multimedia()
    if multimedia is not None:
        return bool(multimedia.QMediaDevices.audioOutputs())
    if sys.platform.startswith("linux"):
        try:
            cards = Path("/proc/asound/cards").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
        return any(line[:4].strip().isdigit() for line in cards.splitlines())
    return True


def write_alarm_wav(path: Path, seconds: float = 1.2, rate: int = 16000) -> Path:
    """A two-tone alarm (960/640 Hz alternating every 0.2 s) as a small WAV file; made
    at run time so no binary sits in the repository."""
    frames = bytearray()
    for n in range(int(seconds * rate)):
        tone = 960 if int(n / rate / 0.2) % 2 == 0 else 640
        frames += struct.pack("<h", int(12000 * math.sin(2 * math.pi * tone * n / rate)))
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return path


class AlarmSound(QObject):
    """Plays the alarm cue; ``audible`` says whether anyone will hear it."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        probe: Callable[[], bool] = audio_present,
        sound_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.audible = probe()
        self.played = 0
        self._effect = None
        multimedia = _multimedia()
        if multimedia is not None and self.audible:
            try:
                from ops_console.config import data_dir

                wav = write_alarm_wav((sound_dir or data_dir()) / "alarm.wav")
                self._effect = multimedia.QSoundEffect(self)
                self._effect.setSource(QUrl.fromLocalFile(str(wav)))
            except OSError as exc:
                log.warning("alarm sound file not written (%s); the system beep is used", exc)
        self.kind = "sound file" if self._effect is not None else "system beep"
        if not self.audible:
            log.warning("no audio output device: the alarm is visible only")

    def play(self) -> None:
        """Give the cue once (the bar repeats it while an alarm stands unacknowledged)."""
        self.played += 1
        if self._effect is not None:
            self._effect.play()
        else:
            QApplication.beep()
