"""The radio feature's core: ingest of received frames, the outbox, the runtime (Qt-free)."""

from ops_console.radio.service import RadioService, RadioSettings

__all__ = ["RadioService", "RadioSettings"]
