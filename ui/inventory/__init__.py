"""The inventory panel: stock levels, the level chart, movements, requests, CSV in and out."""

from ops_console.ui.inventory.panel import InventoryPanel

__all__ = ["InventoryPanel"]
