"""The deterministic demo network: 22 fictional shelters in the places named in DOMAIN.md.

``generate_network(seed)`` is pure (no database, no clock, no global random): the same seed
gives identical data. Staff and shelter names are fictional; only department and province are
kept. Absences and requests cover 2026 and the first quarter of 2027.

Every shelter has the default coverage of DOMAIN.md (``coverage.py``). Whether its staff can
meet the minimum is decided by arithmetic (``capacity.py``, Hall's condition on hours per week
and shifts per day), and each shelter is built to one of three profiles:

Gap shelters (``expected_gap_shelters()``): a certain gap in every month, absences or not.

- HRT-HVC-01 Huancavelica: no coordinator, no operational assistant; one psychologist carries
  coordination (PSI + COO need 88 h a week > 48 h); 3 caregivers give 144 h < 168 h of 24/7 care.
- HRT-APU-01 Chincheros, HRT-AMA-01 Bagua, HRT-PAS-01 Oxapampa, HRT-LOR-02 Maynas (12-hour
  shifts): 3 caregivers give 144 h < 168 h of 24/7 care (LOR-02: 12 shifts a week < 14, or
  144 h < 157.5 worked hours once each 12-hour shift's 45-minute refrigerio is taken off) and
  no operational assistant backs them up (APU, PAS and LOR-02 have no coordinator either:
  two psychologists carry it).
- HRT-TUM-01 Zarumilla: two vacant caregiver posts leave 3 caregivers (144 h < 168 h); no AOP.
- HRT-MDD-01 Tambopata: the psychologist post is vacant; nobody may cover PSI (48 h a week).

The operational assistant (AOP) has no demand of her own: she is qualified for caregiver and
educator shifts and covers them as ordinary cover (coverage.py).
- HRT-PUN-02 Puno: the social worker post is vacant; nobody may cover TSO (40 h a week).

Covered shelters (``expected_covered_shelters()``): HRT-LIM-01, HRT-AQP-01, HRT-HCO-01,
HRT-PIU-01 (12-hour shifts), HRT-TAC-01, HRT-ANC-01, HRT-UCA-01. Every role has a qualified
backup and the caregiver pool has hours to spare; the arithmetic holds with contract hours and
every planned absence (the absence generator refuses any that would break it) and at full
strength with any one person fewer.

Borderline shelters: HRT-LIM-02, HRT-AQP-02, HRT-SMA-01 (12-hour shifts), HRT-PUN-01,
HRT-LOR-01, HRT-UCA-02, HRT-LIM-03. Covered at full strength, but a single coordinator, social
worker or psychologist has no backup, so her vacation opens a certain gap in that month (most
months, since everyone takes two 15-day blocks); in other months the optimiser decides.
``certain_gap_shelters(network, year, month)`` gives, for any month, the shelters whose gap the
arithmetic proves: every roster the optimiser returns for them must show one.

Seven shelters have no coordinator post (psychologists qualified as COO carry it), six have no
operational assistant, four have neither. HRT-AQP-01 averages hours over 3 weeks.

Working patterns and breaks (``coverage.py``): the professionals whose cover is day work
Monday to Friday (coordinator, social worker, an educator who only educates, the workshop
instructor) have a 40-hour "lunes a viernes" day contract, the psychologists "lunes a sábado",
everyone on the 24/7 rota "rotativo"; the 12-hour shifts carry the 45-minute unpaid
refrigerio. The arithmetic reads both (H12, and worked hours for H5).
"""

from __future__ import annotations

from roster.demo.blueprints import Profile
from roster.demo.catalog import BLUEPRINTS, shelters_with_profile
from roster.demo.coverage import DEMO_ROLES
from roster.demo.network import generate_network
from roster.demo.period import DEMO_END, DEMO_START
from roster.demo.profiles import certain_gap_shelters


def expected_gap_shelters() -> set[str]:
    """Codes of the shelters built to have a coverage gap in every month of the demo period."""
    return shelters_with_profile(Profile.GAP)


def expected_covered_shelters() -> set[str]:
    """Codes of the shelters built to be fully covered at the minimum level."""
    return shelters_with_profile(Profile.COVERED)


def shelter_profiles() -> dict[str, Profile]:
    """Every demo shelter's designed profile: gap, borderline or covered."""
    return {plan.code: plan.profile for plan in BLUEPRINTS}


__all__ = [
    "DEMO_END",
    "DEMO_ROLES",
    "DEMO_START",
    "Profile",
    "certain_gap_shelters",
    "expected_covered_shelters",
    "expected_gap_shelters",
    "generate_network",
    "shelter_profiles",
]
