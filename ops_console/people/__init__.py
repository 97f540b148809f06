"""People (issue 17): the volunteer roster, check-in/out, teams and their accountability."""
