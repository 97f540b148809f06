"""Exports for the city's GIS and for paper backup: tables as CSV, points and areas as
GeoJSON and KML. Pure writers over plain data (no Qt, no database): the window hands them
what a panel shows, the map layers come from ops_console/exports/map_layers.py.
"""
