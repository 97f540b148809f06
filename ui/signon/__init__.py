"""Sign-on: who is at this workstation, checked by PIN."""

from .dialog import SignOnDialog

__all__ = ["SignOnDialog"]
