"""Public warnings: templates, the four-eyes lifecycle, delivery on every channel, CAP 1.2."""
