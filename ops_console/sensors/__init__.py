"""Sensors: the register, the evaluation of readings heard over the radio, and their alerts.

The readings are the radio's (``sensor_readings``, written by the ingest); this feature
adds what they mean: levels with hysteresis, rate of rise, silence, impossible values.
"""
