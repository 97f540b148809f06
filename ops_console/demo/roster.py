"""The demo post's people and events, as data: who is on the roster and what happened."""

from __future__ import annotations

from ops_console.domain import IncidentKind as K
from ops_console.domain import IncidentStatus as S
from ops_console.domain import Priority as P
from ops_console.domain import Role
from ops_console.domain import Severity as V

# One operator per role, all with the demo PIN (see README).
OPERATORS: tuple[tuple[str, str, Role], ...] = (
    ("Chen Jing", "WC-SUP", Role.SUPERVISOR),
    ("Wang Fang", "WC-OPS", Role.OPERATOR),
    ("Zhang Min", "WC-RAD", Role.RADIO),
    ("Liu Yang", "WC-LOG", Role.LOGISTICS),
    ("Zhao Lei", "WC-VIEW", Role.VIEWER),
    ("Sun Hao", "WC-ADM", Role.ADMIN),
)

# name, callsign, specialty, volunteers (40 in all)
TEAMS: tuple[tuple[str, str, str, int], ...] = (
    ("Canal Watch", "CANAL-1", "Flood watch and sandbagging", 8),
    ("First Aid", "MED-2", "First aid and welfare checks", 7),
    ("Fire Wardens", "FIRE-3", "Fire watch and evacuation", 7),
    ("Logistics Runners", "LOG-4", "Supplies and transport", 6),
    ("Elder Care", "CARE-5", "Checks on elderly and disabled residents", 6),
    ("Road Crew", "ROAD-6", "Clearing roads and signage", 6),
)

_GIVEN = ("Hui", "Ming", "Xia", "Jun", "Lan", "Tao", "Yan", "Bo", "Qing", "Rui")
_FAMILY = ("Li", "Wu", "Zhou", "Xu", "Sun", "Ma", "Hu", "Guo", "He", "Lin", "Luo", "Gao")
_SKILLS = ("first aid", "driver", "radio", "swimmer", "electrician", "nurse", "carpenter", "interpreter")
VOLUNTEERS: tuple[tuple[str, str], ...] = tuple(
    (f"{_FAMILY[i % len(_FAMILY)]} {_GIVEN[(i * 3) % len(_GIVEN)]}", _SKILLS[i % len(_SKILLS)])
    for i in range(40)
)

# title, kind, severity, status (25 incidents)
INCIDENTS: tuple[tuple[str, K, V, S], ...] = (
    ("Underpass flooded, car stranded", K.FLOODING, V.SERIOUS, S.ACTIVE),
    ("Water entering ground-floor flats", K.FLOODING, V.SERIOUS, S.ACTIVE),
    ("Kitchen fire, smoke in stairwell", K.FIRE, V.CRITICAL, S.CLOSED),
    ("Market stalls under water", K.FLOODING, V.MODERATE, S.OPEN),
    ("School basement flooding", K.FLOODING, V.MODERATE, S.MONITORING),
    ("Tree down across junction", K.ROAD_BLOCKED, V.MODERATE, S.ACTIVE),
    ("Resident with chest pain, lift out", K.MEDICAL, V.CRITICAL, S.ACTIVE),
    ("Pumping station alarm", K.FLOODING, V.SERIOUS, S.MONITORING),
    ("Bridge approach submerged", K.ROAD_BLOCKED, V.SERIOUS, S.OPEN),
    ("Day-care centre without power", K.POWER_OUTAGE, V.SERIOUS, S.ACTIVE),
    ("Cracked wall after landslip", K.STRUCTURAL, V.MODERATE, S.OPEN),
    ("Substation tripped, 300 homes dark", K.POWER_OUTAGE, V.SERIOUS, S.ACTIVE),
    ("Car park flooding, vehicles at risk", K.FLOODING, V.MINOR, S.OPEN),
    ("Elderly man missing since morning", K.MISSING_PERSON, V.CRITICAL, S.ACTIVE),
    ("Sewage backing up into street", K.FLOODING, V.MODERATE, S.OPEN),
    ("Electric bike battery fire", K.FIRE, V.SERIOUS, S.CLOSED),
    ("Fall on wet steps, ankle injury", K.MEDICAL, V.MINOR, S.CLOSED),
    ("Manhole cover lifted by water", K.ROAD_BLOCKED, V.MODERATE, S.ACTIVE),
    ("Gas smell near restaurant", K.HAZMAT, V.SERIOUS, S.MONITORING),
    ("Street lights out on river path", K.POWER_OUTAGE, V.MINOR, S.OPEN),
    ("Diabetic resident needs insulin", K.MEDICAL, V.SERIOUS, S.ACTIVE),
    ("Scaffolding loose in wind", K.STRUCTURAL, V.MODERATE, S.OPEN),
    ("Flooded lane blocks ambulance", K.ROAD_BLOCKED, V.SERIOUS, S.ACTIVE),
    ("Shop sign fallen on pavement", K.ROAD_BLOCKED, V.MINOR, S.CLOSED),
    ("Residents asking for sandbags", K.FLOODING, V.MINOR, S.OPEN),
)

# task title template ({place}) and priority
TASK_TEMPLATES: tuple[tuple[str, P], ...] = (
    ("Sandbag the entrances at {place}", P.HIGH),
    ("Check on elderly residents near {place}", P.URGENT),
    ("Set up warning signs at {place}", P.NORMAL),
    ("Pump out water at {place}", P.HIGH),
    ("Deliver drinking water to {place}", P.NORMAL),
    ("Report water level at {place} every 30 min", P.NORMAL),
    ("Escort residents from {place} to the shelter", P.URGENT),
    ("Clear debris at {place}", P.LOW),
    ("Bring a generator to {place}", P.HIGH),
    ("Door-to-door welfare check around {place}", P.NORMAL),
)
