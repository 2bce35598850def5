"""Demo shelters designed with a certain gap in every month (see each ``why``)."""

from __future__ import annotations

from roster.demo.blueprints import Blueprint, Place, Profile, t
from roster.demo.catalog.days import SAN_JUAN, with_partner

GAP_SHELTERS = (
    Blueprint(
        Place("HRT-HVC-01", "Esperanza", "Huancavelica", "Huancavelica", 25),
        Profile.GAP,
        "no coordinator and no operational assistant; one psychologist carries coordination "
        "(PSI + COO need 88 h a week > 48 h); 3 caregivers offer 144 h < 168 h of 24/7 care",
        (t("PSI", 1, "COO"), t("TSO"), t("EDU"), t("CUI", 3), t("TAL"), t("ENF")),
        vacant=("CUI",),
    ),
    Blueprint(
        Place("HRT-APU-01", "Kusi Wasi", "Apurímac", "Chincheros", 24),
        Profile.GAP,
        "two psychologists carry coordination; 3 caregivers offer 144 h < 168 h a week of "
        "24/7 care; no operational assistant",
        (t("PSI", 2, "COO"), t("TSO"), t("EDU"), t("CUI", 3), t("TAL")),
    ),
    Blueprint(
        Place("HRT-AMA-01", "Amanecer", "Amazonas", "Bagua", 26),
        Profile.GAP,
        "3 caregivers offer 144 h < 168 h a week of 24/7 care; no operational assistant",
        (t("COO"), t("PSI", 2), t("TSO"), t("EDU"), t("CUI", 3), t("ENF")),
    ),
    Blueprint(
        Place("HRT-MDD-01", "Flor de Castaña", "Madre de Dios", "Tambopata", 25),
        Profile.GAP,
        "the psychologist post is vacant: nobody may cover PSI (48 h a week)",
        (t("COO"), t("TSO"), t("EDU"), t("CUI", 4), t("AOP", 1, "CUI", "EDU"), t("TAL")),
        vacant=("PSI",),
        # the seed: "administrado por la referida comunidad edil", the provincial municipality
        operator=with_partner("Municipalidad Provincial de Tambopata"),
    ),
    Blueprint(
        Place("HRT-PAS-01", "Nuevo Horizonte", "Pasco", "Oxapampa", 24),
        Profile.GAP,
        "no coordinator (two psychologists carry it); 3 caregivers offer 144 h < 168 h a "
        "week of 24/7 care and the part-time workshop instructor cannot help; no assistant",
        (t("PSI", 2, "COO"), t("TSO"), t("EDU"), t("CUI", 3), t("TAL", hours=30)),
    ),
    Blueprint(
        Place("HRT-TUM-01", "Brisas del Norte", "Tumbes", "Zarumilla", 26),
        Profile.GAP,
        "two vacant caregiver posts leave 3 caregivers (144 h < 168 h a week); no AOP",
        (t("COO"), t("PSI"), t("TSO"), t("EDU"), t("CUI", 3), t("TAL"), t("ENF")),
        vacant=("CUI", "CUI"),
        operator=with_partner("Gobierno Regional de Tumbes"),
    ),
    Blueprint(
        Place("HRT-LOR-02", "Flor de Huayruro", "Loreto", "Maynas", 28),
        Profile.GAP,
        "12-hour shifts; no coordinator (two psychologists carry it) and no AOP; 3 caregivers "
        "offer 12 shifts a week < 14 of 24/7 care (144 h < 157.5 worked hours, refrigerio off)",
        (t("PSI", 2, "COO"), t("TSO"), t("EDU"), t("CUI", 3), t("TAL")),
        twelve_hour=True,
        extra_holidays=(SAN_JUAN,),
    ),
    Blueprint(
        Place("HRT-PUN-02", "Cantuta", "Puno", "Puno", 25),
        Profile.GAP,
        "the social worker post is vacant: nobody may cover TSO (40 h a week)",
        (
            t("COO"),
            t("PSI", 2),
            t("EDU", 1, "CUI"),
            t("CUI", 5),
            t("AOP", 2, "CUI", "EDU"),
            t("TAL"),
        ),
        vacant=("TSO",),
    ),
)
