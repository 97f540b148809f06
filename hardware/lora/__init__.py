"""LoRa radio: the REYAX AT modem driver, time on air and duty cycle, payload reassembly.

Layers (see docs/protocols/): transport.serial_link moves bytes, protocols.reyax_at and
protocols.field_payload are pure codecs, and this package holds the driver above them.
"""
