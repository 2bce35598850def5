"""The columns of each import, read from the importers themselves, explained in plain Spanish.

Which columns exist, which are required and which words a column accepts come from the
importer modules (their ``REQUIRED`` and ``OPTIONAL`` lists and their tables of words):
the import page's explanations and the example files (roster/importing/examples.py)
follow any change there. Only the explanation of each column is written here;
tests/roster/test_import_examples.py fails when a column has none.
"""

from __future__ import annotations

from dataclasses import dataclass

from roster.importing import absences, coverage, staff


def N_(message: str) -> str:
    """Mark a message for the web's English catalogue (babel.cfg reads this file)."""
    return message


@dataclass(frozen=True)
class Column:
    """One column of an import file.

    ``allowed`` is the closed list of words it accepts (empty when open); ``lookup`` names
    the shelter's own list it must match ("roles", "shifts" or "staff"), if any.
    """

    name: str
    required: bool
    meaning: str
    allowed: tuple[str, ...] = ()
    lookup: str | None = None


MEANINGS: dict[str, dict[str, str]] = {
    "staff": {
        "codigo": N_(
            "Código de la persona en el hogar: letras, dígitos, «-» o «_» (hasta 40). "
            "Si ya existe, la persona se actualiza."
        ),
        "nombre": N_("Nombre completo."),
        "funcion": N_("Función de su plaza, con su código o su nombre."),
        "funciones_cubre": N_(
            "Otras funciones que puede cubrir, separadas por «;». Vacío: solo la suya."
        ),
        "horas_semanales": N_("Horas del contrato por semana: más de 0 y hasta 48 (acepta 36,5)."),
        "trabajo_nocturno": N_("Si puede hacer turnos de noche. Vacío: sí."),
        "patron_trabajo": N_(
            "Patrón de su contrato: rotativo (24/7), lunes a viernes o lunes a sábado (turnos "
            "de día, sin feriados) o solo noches. Vacío: el de su plaza, o el que ya tenía."
        ),
    },
    "absences": {
        "codigo_personal": N_("Código de una persona del hogar."),
        "tipo": N_("Tipo de ausencia."),
        "desde": N_("Primer día de la ausencia: dd/mm/aaaa o aaaa-mm-dd."),
        "hasta": N_("Último día, inclusive: dd/mm/aaaa o aaaa-mm-dd."),
        "nota": N_("Texto libre. No escriba datos de salud."),
        "nacimiento": N_(
            "Fecha de nacimiento del hijo o la hija, para maternidad, paternidad o lactancia: "
            "la hora de lactancia termina antes de su primer cumpleaños. Vacío: no se revisa."
        ),
    },
    "coverage": {
        "funcion": N_("Función que se cubre, con su código o su nombre."),
        "turno": N_("Turno del hogar, con su código o su nombre."),
        "tipo_dia": N_("Clase de día: laborable es de lunes a viernes."),
        "minimo": N_("Personas mínimas: entero de 0 o más; por debajo hay brecha."),
        "deseado": N_("Personas deseadas: entero, no menor que el mínimo. Vacío: el mínimo."),
        "prioridad": N_(
            "Cuánto importa la cobertura si falta personal: esencial (el piso 24/7), normal u "
            "opcional. Vacío: normal. Reglas de distinta prioridad para el mismo turno se suman."
        ),
        "grupo": N_(
            "Proporción de residentes: a quiénes se cuenta (residentes son mujeres y niños; "
            "menores_6, los menores de seis años). Con por_cada. Vacío: sin proporción."
        ),
        "por_cada": N_(
            "Proporción de residentes: una persona más por cada tantos residentes del grupo, "
            "según la ocupación esperada del mes. Entero de 1 o más."
        ),
        "sobre": N_(
            "Proporción de residentes: cuenta solo los residentes por encima de este número "
            "(40: +1 cuando pasan de 40). Vacío: 0."
        ),
    },
}
ALLOWED: dict[tuple[str, str], tuple[str, ...]] = {
    ("staff", "trabajo_nocturno"): ("si", "no"),
    ("staff", "patron_trabajo"): tuple(staff.PATTERNS),
    ("absences", "tipo"): tuple(absences.KINDS),
    ("coverage", "tipo_dia"): tuple(coverage.DAY_CLASSES),
    ("coverage", "prioridad"): tuple(coverage.TIERS),
    ("coverage", "grupo"): tuple(coverage.GROUPS),
}
LOOKUPS = {
    ("staff", "funcion"): "roles",
    ("staff", "funciones_cubre"): "roles",
    ("absences", "codigo_personal"): "staff",
    ("coverage", "funcion"): "roles",
    ("coverage", "turno"): "shifts",
}
IMPORTERS = {"staff": staff, "absences": absences, "coverage": coverage}


def columns(kind: str) -> list[Column]:
    """The columns of an import (``staff``, ``absences``, ``coverage``), required ones first."""
    module = IMPORTERS[kind]
    required = list(module.REQUIRED)
    optional = [name for name in getattr(module, "OPTIONAL", []) if name not in required]
    return [
        Column(
            name,
            name in required,
            MEANINGS[kind].get(name, ""),
            ALLOWED.get((kind, name), ()),
            LOOKUPS.get((kind, name)),
        )
        for name in required + optional
    ]
