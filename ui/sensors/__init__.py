"""The Sensors panel: every sensor's latest value, level and trend, its chart, the register."""

from .panel import SensorPanel

__all__ = ["SensorPanel"]
