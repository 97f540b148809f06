"""The post-wide EMERGENCY alarm: bar, sound and the rule of who may acknowledge, shown."""

from ops_console.ui.alarm.controller import EmergencyAlarm

__all__ = ["EmergencyAlarm"]
