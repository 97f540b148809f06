"""Meshtastic nodes on a serial port: the driver (node.py), what its frames mean (decode.py,
frames.py) and the small value types they share (types.py)."""
