"""The reports there are and the formats each is written in, named without loading them.

The command line's parser offers these as choices at every start of the program; the
builders (PDF writer, forms, the SITREP's queries) load only when a report is made.
"""

FORMS = ("ics214", "ics309", "ics213rr", "ics211", "ics205")
KINDS = ("sitrep", *FORMS, "map")
FORMATS = {
    "sitrep": ("pdf", "html", "md"),
    **{form: ("pdf", "csv") for form in FORMS},
    "map": ("geojson", "kml"),  # the map's layers for the city's GIS
}
