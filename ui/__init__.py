"""Part of Ops Console."""
