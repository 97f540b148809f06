"""Reports and ICS forms: what the post is asked for on paper, built from its records.

Each form has one module (its layout in one place) that turns plain rows into a
:class:`~ops_console.printing.PrintDocument`; the same document is written as PDF, HTML,
Markdown or (for the forms' tables) CSV. Nothing here imports widgets.
"""
