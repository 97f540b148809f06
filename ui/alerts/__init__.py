"""The post-wide alert list (a dock) and its status-bar counter."""

from .panel import AlertPanel

__all__ = ["AlertPanel"]
