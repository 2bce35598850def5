"""Demo shelters covered at full strength only: one absence can open a gap."""

from __future__ import annotations

from roster.demo.blueprints import Blueprint, Place, Profile, t
from roster.demo.catalog.days import AREQUIPA_DAY, NON_WORKING_DAY, SAN_JUAN, with_partner

BORDERLINE_SHELTERS = (
    Blueprint(
        Place("HRT-LIM-02", "Semillas de Paz", "Lima", "Cañete", 24),
        Profile.BORDERLINE,
        "no coordinator: two psychologists carry PSI + COO (88 h of their 96 h); one social worker",
        (
            t("PSI", 2, "COO"),
            t("TSO"),
            t("EDU", 1, "CUI"),
            t("CUI", 5),
            t("AOP", 2, "CUI", "EDU"),
            t("TAL"),
        ),
        operator=with_partner("Sociedad de Beneficencia de Cañete"),
        extra_holidays=(NON_WORKING_DAY,),
    ),
    Blueprint(
        Place("HRT-AQP-02", "Sumaq Kawsay", "Arequipa", "Arequipa", 26),
        Profile.BORDERLINE,
        "one coordinator and one social worker without backup; the educator post is vacant",
        (
            t("COO"),
            t("PSI", 2),
            t("TSO"),
            t("EDU", 1, "CUI"),
            t("CUI", 5),
            t("AOP", 1, "CUI", "EDU"),
            t("TAL", 1, "AOP"),
            t("ENF"),
        ),
        vacant=("EDU",),
        extra_holidays=(AREQUIPA_DAY,),
    ),
    Blueprint(
        Place("HRT-SMA-01", "Orquídeas", "San Martín", "Rioja", 25),
        Profile.BORDERLINE,
        "12-hour shifts, no coordinator, 10 staff: enough only while nobody is away",
        (t("PSI", 2, "COO"), t("TSO"), t("EDU"), t("CUI", 4), t("AOP", 2, "CUI", "EDU")),
        twelve_hour=True,
    ),
    Blueprint(
        Place("HRT-PUN-01", "Killa", "Puno", "Puno", 28),
        Profile.BORDERLINE,
        "one psychologist for 6 day shifts a week (exactly her 48 h); one social worker",
        (
            t("COO"),
            t("PSI"),
            t("TSO"),
            t("EDU", 2, "CUI"),
            t("CUI", 5),
            t("AOP", 2, "CUI", "EDU"),
            t("ENF", hours=40),
        ),
    ),
    Blueprint(
        Place("HRT-LOR-01", "Victoria Regia", "Loreto", "Maynas", 30),
        Profile.BORDERLINE,
        "one coordinator, one social worker and one educator without backup; a vacant PSI post",
        (
            t("COO"),
            t("PSI", 2),
            t("TSO"),
            t("EDU"),
            t("CUI", 4),
            t("CUI", 1, hours=40),
            t("AOP", 2, "CUI", "EDU"),
            t("ENF"),
        ),
        vacant=("PSI",),
        operator=with_partner("Gobierno Regional de Loreto"),
        extra_holidays=(SAN_JUAN,),
    ),
    Blueprint(
        Place("HRT-UCA-02", "Mujer Valiente", "Ucayali", "Coronel Portillo", 25),
        Profile.BORDERLINE,
        "no coordinator; one operational assistant backed by the workshop instructor",
        (
            t("PSI", 2, "COO"),
            t("TSO"),
            t("EDU", 1, "CUI"),
            t("CUI", 5),
            t("AOP", 1, "CUI", "EDU"),
            t("TAL", 1, "AOP"),
        ),
    ),
    Blueprint(
        Place("HRT-LIM-03", "Ñusta", "Lima", "Lima", 26),
        Profile.BORDERLINE,
        "one coordinator and one social worker without backup",
        (
            t("COO"),
            t("PSI", 2),
            t("TSO"),
            t("EDU", 2),
            t("CUI", 5),
            t("AOP", 2, "CUI", "EDU"),
            t("TAL", hours=30),
            t("ENF"),
        ),
        extra_holidays=(NON_WORKING_DAY,),
    ),
)
