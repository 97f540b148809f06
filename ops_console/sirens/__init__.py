"""Outdoor sirens: the service with its interlocks, the runtime that talks to the buses,
scheduled tests and the demo. Qt-free."""
