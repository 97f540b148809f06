"""Online XYZ tile servers (``https://…/{z}/{x}/{y}.png``), never blocking the GUI.

Requests go through Qt's asynchronous network stack and a size-bounded disk cache;
decoding runs as jobs on a two-thread lane. A server that stops answering puts the source in
an "offline" state after a few failures or one timeout: requests pause, tiles come only
from the disk cache, and after ``OFFLINE_RETRY_S`` a timer really asks the server again (the
banner says so), so a dead link never freezes the map and a link that comes back fills it.
Only a real 404 makes a tile "missing"; a tile that was not in the disk cache while offline,
or that the server failed to give, is asked for again on the retry.
"""

from __future__ import annotations

import logging
import time
from functools import partial
from pathlib import Path

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QImage
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkDiskCache, QNetworkReply, QNetworkRequest

from ops_console.ui.common.jobs import JobLane, start_job

from .tile_source import TileKey, TileSource, decode_tile

log = logging.getLogger(__name__)


class XYZSource(TileSource):
    """An online tile server (``https://…/{z}/{x}/{y}.png``) through a size-bounded disk cache."""

    OFFLINE_RETRY_S = 30.0

    def __init__(
        self,
        url_template: str,
        *,
        name: str = "Online map",
        attribution: str = "",
        max_zoom: int = 19,
        cache_dir: str | Path | None = None,
        disk_cache_mb: int = 200,
        timeout_ms: int = 8000,
        max_in_flight: int = 6,
        cache_bytes: int = 96 * 1024 * 1024,
    ) -> None:
        super().__init__(name, 0, max_zoom, attribution, cache_bytes)
        self.url_template, self.timeout_ms, self.max_in_flight = url_template, timeout_ms, max_in_flight
        self.failures = 0
        self._nam = QNetworkAccessManager(self)
        if cache_dir is not None:
            disk = QNetworkDiskCache(self)
            disk.setCacheDirectory(str(cache_dir))
            disk.setMaximumCacheSize(disk_cache_mb * 1024 * 1024)
            self._nam.setCache(disk)
        self._nam.finished.connect(self._finished)  # one connection; the key rides on the request
        self._in_flight: dict[TileKey, QNetworkReply] = {}
        self._pending: list[TileKey] = []
        self._offline_until = 0.0
        self._consecutive = 0
        self._decoders = JobLane("tile-decode", max_threads=2, parent=self)

    @property
    def offline(self) -> bool:
        return time.monotonic() < self._offline_until

    def url(self, key: TileKey) -> str:
        z, x, y = key
        return self.url_template.format(z=z, x=x, y=y, s="abc"[(x + y) % 3])

    def _fetch(self, keys: list[TileKey]) -> None:
        self._pending = [k for k in keys if k not in self._in_flight]
        self._pump()

    def _pump(self) -> None:
        while self._pending and len(self._in_flight) < self.max_in_flight:
            key = self._pending.pop(0)
            req = QNetworkRequest(QUrl(self.url(key)))
            req.setTransferTimeout(self.timeout_ms)
            req.setRawHeader(b"User-Agent", b"OpsConsole map (community emergency post)")
            cache_only = self.offline
            control = (
                QNetworkRequest.CacheLoadControl.AlwaysCache
                if cache_only
                else QNetworkRequest.CacheLoadControl.PreferCache
            )
            req.setAttribute(QNetworkRequest.Attribute.CacheLoadControlAttribute, control)
            req.setAttribute(QNetworkRequest.Attribute.User, [*key, cache_only])
            self._in_flight[key] = self._nam.get(req)

    @Slot(QNetworkReply)
    def _finished(self, reply: QNetworkReply) -> None:
        *zxy, cache_only = reply.request().attribute(QNetworkRequest.Attribute.User) or (0, 0, 0, False)
        key: TileKey = (int(zxy[0]), int(zxy[1]), int(zxy[2]))
        self._in_flight.pop(key, None)
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        error = reply.error()
        data = bytes(reply.readAll().data()) if error == QNetworkReply.NetworkError.NoError else b""
        from_cache = bool(reply.attribute(QNetworkRequest.Attribute.SourceIsFromCacheAttribute))
        reason = reply.errorString()
        reply.deleteLater()
        if error == QNetworkReply.NetworkError.NoError:
            self._consecutive = 0
            if not self.offline or from_cache:
                self._set_state("" if not self.offline else self.state)
            start_job(self._decoders, partial(_decode, self.name, key, data), self._decoded, owner=self)
        elif cache_only:  # not in the disk cache while offline: not missing, asked again on the retry
            self._fetch_failed(key, max(0.05, self._offline_until - time.monotonic()))
        elif status == 404 or error == QNetworkReply.NetworkError.ContentNotFoundError:
            self._mark_missing(key)  # the server has no tile here: not a fault; the layer asks the parent
            self.updated.emit()
        elif self.offline:
            self._fetch_failed(key, max(0.05, self._offline_until - time.monotonic()))
        else:
            self.failures += 1
            self._consecutive += 1
            log.warning("tile %s from %s failed: %s (HTTP %s)", key, self.name, reason, status)
            self._fetch_failed(key)
            timed_out = error in (
                QNetworkReply.NetworkError.OperationCanceledError,
                QNetworkReply.NetworkError.TimeoutError,
            )
            if timed_out or self._consecutive >= 3 or status is None:
                self._offline_until = time.monotonic() + self.OFFLINE_RETRY_S
                self._failed = {k: self._offline_until for k in self._failed}
                self.schedule_retry(self.OFFLINE_RETRY_S)  # the banner's promise, kept by a timer
                why = "not answering" if timed_out else f"failing ({reason[:60]})"
                self._set_state(
                    f"Offline: {self.name} is {why}; showing saved tiles only, "
                    f"retrying in {self.OFFLINE_RETRY_S:.0f} s"
                )
        self._pump()

    def _decoded(self, tile: tuple[TileKey, QImage | None]) -> None:
        if tile[1] is None:  # an answer that is no image (a captive portal's page): not missing, retried
            self.bad_tiles += 1
            self._fetch_failed(tile[0])
            return
        self._arrived([tile])

    def _retry(self) -> None:
        if self._offline_until:  # the offline wait is over: everything that failed is asked for again
            self._offline_until, self._consecutive, self._failed = 0.0, 0, {}
            self._set_state(f"Offline: asking {self.name} again…")
        super()._retry()

    def close(self) -> None:
        super().close()
        self._nam.finished.disconnect(self._finished)
        replies, self._in_flight, self._pending = list(self._in_flight.values()), {}, []
        for reply in replies:
            if reply.error() == QNetworkReply.NetworkError.NoError:  # one already failed is not aborted:
                reply.abort()  # Qt warns "error ... must only be called once" (a refused connection)
            reply.deleteLater()


def _decode(name: str, key: TileKey, data: bytes) -> tuple[TileKey, QImage | None]:
    """Job: one downloaded tile's image (None for bytes that are not an image: logged)."""
    image = decode_tile(data)
    if image is None:
        log.warning("%s: tile %s is not an image (%d bytes); skipped", name, key, len(data))
    return key, image
