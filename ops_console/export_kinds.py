"""What ``ops-console export`` can write, named without loading the exporter.

The command line's parser lists these as choices; building it must not import the ORM
models (a tenth of a second of every console start, before the sign-on dialog could
show). services/export.py checks at import that its tables are exactly these.
"""

KINDS = ("incidents", "tasks", "audit", "teams", "volunteers")
FORMATS = ("csv", "json")
