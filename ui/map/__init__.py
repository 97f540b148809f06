"""The map: the post's shared picture, drawn offline from vector basemaps, tile packages
and the post's own records (incidents, tasks, teams, shelters, risk points, zones)."""
