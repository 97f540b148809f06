"""People panels: the volunteer roster, the check-in form and the team status board."""
