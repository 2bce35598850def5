"""A shelter's rule settings as a coordinator reads and changes them.

Each rule of the rule set (models/rules.py ``RULES``, the registry the optimiser and the
validator cite) gets a plain explanation and the parameters a coordinator may set, with
their bounds. The label and the legal source come from the registry itself, so the page
shows the same source the optimiser's documentation does. ``rules_from_form`` refuses a
value out of bounds naming the field and the reason, and stores nothing itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.rules import RULES, RuleInfo, RuleSet, RuleSetting
from roster.importing.forms import FormRefused


def N_(message: str) -> str:
    """Mark a text for the web's English catalogue (babel.cfg reads this file)."""
    return message


@dataclass(frozen=True)
class Parameter:
    """A number or a yes/no a rule reads, with its bounds and unit."""

    key: str  # the RuleSet field, also the form field's name
    label: str
    kind: str  # int, float or bool
    minimum: float = 0.0
    maximum: float | None = None
    unit: str = ""


EXPLANATIONS = {
    "H1": N_(
        "Cada persona cubre solo su función y las otras funciones para las que está calificada."
    ),
    "H2": N_("Nadie trabaja dos turnos el mismo día ni turnos que se superponen."),
    "H3": N_(
        "Entre el fin de un turno y el inicio del siguiente hay al menos estas horas libres "
        "(con 12 horas, nadie pasa de una noche a una mañana)."
    ),
    "H4": N_("En cada semana, de lunes a domingo, cada persona tiene estas horas seguidas libres."),
    "H5": N_(
        "Nadie pasa de este máximo de horas por semana; el promedio puede tomarse en hasta "
        "tres semanas. Las guardias de 24 horas solo si el hogar las permite."
    ),
    "H6": N_(
        "Nadie tiene turnos durante sus vacaciones, descansos médicos, licencias o "
        "capacitaciones; las vacaciones cuentan como horas del mes."
    ),
    "H7": N_("Nadie trabaja más de estos días seguidos, ni más de estas noches seguidas."),
    "H8": N_("Los turnos que la coordinación fijó a mano se mantienen al volver a optimizar."),
    "H9": N_(
        "El descanso, los días seguidos y las horas semanales leen también los últimos días "
        "del rol publicado del mes anterior."
    ),
    "H10": N_("Límites propios de una persona (por su contrato o un acuerdo), si se registraron."),
    "H11": N_("Pares de turnos que no pueden ir uno tras otro en días seguidos."),
    "H12": N_(
        "Cada persona trabaja solo los días y turnos del patrón de su contrato: rotativo 24/7, "
        "lunes a viernes o lunes a sábado de día (sin feriados), o solo noches."
    ),
    "S1": N_(
        "Cada hora de la cobertura mínima que queda sin cubrir cuesta estos puntos: es la "
        "brecha, lo primero que el optimizador reduce."
    ),
    "S2": N_("Puntos por hora bajo la cobertura deseada, y por hora por encima de ella."),
    "S3": N_("Puntos por hora de diferencia con las horas del contrato en el mes."),
    "S4": N_(
        "Puntos por la diferencia entre quien más y quien menos noches, fines de semana o "
        "feriados trabaja dentro de una misma función."
    ),
    "S5": N_("Puntos por cada preferencia del personal no atendida, multiplicados por su peso."),
    "S6": N_(
        "Puntos por días libres o de trabajo aislados, fines de semana partidos, pocos días "
        "libres tras las noches, pocos fines de semana completos libres, una mañana después "
        "de una noche en la misma semana y cada hora en otra función que la propia."
    ),
    "S7": N_(
        "Puntos por cada persona-día que cambia frente al rol publicado al volver a planificar."
    ),
}

PARAMETERS: dict[str, tuple[Parameter, ...]] = {
    "H3": (Parameter("min_rest_hours", N_("Horas de descanso entre turnos"), "float", 0, 24, "h"),),
    "H4": (Parameter("weekly_rest_hours", N_("Horas libres seguidas"), "float", 0, 72, "h"),),
    "H5": (
        Parameter("weekly_hours_cap", N_("Máximo de horas por semana"), "float", 1, 48, "h"),
        Parameter("averaging_weeks", N_("Semanas para promediar"), "int", 1, 3, N_("semanas")),
        Parameter("allow_24h_guards", N_("Permitir guardias de 24 horas"), "bool"),
    ),
    "H7": (
        Parameter("max_consecutive_days", N_("Máximo de días seguidos"), "int", 1, 14, N_("días")),
        Parameter(
            "max_consecutive_nights", N_("Máximo de noches seguidas"), "int", 1, 14, N_("noches")
        ),
        Parameter(
            "night_shift_threshold_minutes",
            N_("Minutos entre 22:00 y 06:00 para que un turno sea de noche"),
            "int",
            1,
            480,
            "min",
        ),
    ),
    "H9": (
        Parameter(
            "history_days", N_("Días del mes anterior que se leen"), "int", 0, 31, N_("días")
        ),
    ),
    "S1": (
        Parameter(
            "someone_on_site",
            N_("Mínimo de horas sin nadie en el hogar, tras la cobertura esencial"),
            "bool",
        ),
    ),
    "S2": (Parameter("over_coverage_weight", N_("Puntos por hora de más"), "float", 0, None),),
    "S3": (
        Parameter("holidays_reduce_contract", N_("Un feriado baja las horas del mes"), "bool"),
        Parameter(
            "contract_tolerance",
            N_("Desvío del contrato que se señala, con su motivo"),
            "float",
            0.01,
            0.99,
            N_("fracción: 0,1 es la décima parte"),
        ),
    ),
    "S4": (
        Parameter("fairness_nights", N_("Repartir las noches"), "bool"),
        Parameter("fairness_weekends", N_("Repartir los fines de semana"), "bool"),
        Parameter("fairness_holidays", N_("Repartir los feriados"), "bool"),
    ),
    "S6": (
        Parameter("isolated_day_off_weight", N_("Puntos por día libre aislado"), "float", 0, None),
        Parameter("isolated_work_day_weight", N_("Puntos por día de trabajo aislado"), "float", 0),
        Parameter("split_weekend_weight", N_("Puntos por fin de semana partido"), "float", 0, None),
        Parameter(
            "night_recovery_days",
            N_("Días libres tras un bloque de noches antes de un turno de día"),
            "int",
            0,
            7,
            N_("días"),
        ),
        Parameter(
            "night_recovery_weight", N_("Puntos por descanso corto tras las noches"), "float", 0
        ),
        Parameter(
            "weekend_off_every",
            N_("Un fin de semana completo libre cada (0: no se mira)"),
            "int",
            0,
            5,
            N_("fines de semana"),
        ),
        Parameter(
            "weekend_off_per_month",
            N_("O fines de semana completos libres al mes (0: no se mira)"),
            "int",
            0,
            5,
        ),
        Parameter("weekend_off_weight", N_("Puntos por fin de semana libre que falta"), "float", 0),
        Parameter(
            "backward_rotation_weight",
            N_("Puntos por mañana después de una noche en la misma semana"),
            "float",
            0,
        ),
        Parameter("cross_cover_weight", N_("Puntos por hora en otra función"), "float", 0),
    ),
}


@dataclass(frozen=True)
class RuleLine:
    """One rule as the settings page shows it: what it is, its switch and its parameters."""

    info: RuleInfo
    explanation: str
    setting: RuleSetting
    parameters: tuple[tuple[Parameter, Any], ...]  # (parameter, current value)


def rule_lines(rules: RuleSet) -> list[RuleLine]:
    """Every rule of the registry with its explanation and the shelter's current values."""
    return [
        RuleLine(
            info,
            EXPLANATIONS.get(info.code, ""),
            rules.setting(info.code),
            tuple((p, getattr(rules, p.key)) for p in PARAMETERS.get(info.code, ())),
        )
        for info in RULES
    ]


def _number(parameter: Parameter, text: str) -> float | int:
    """A parameter's value from its field, or ``ValueError`` with the reason (Spanish)."""
    try:
        value: float | int = (int if parameter.kind == "int" else float)(text.replace(",", "."))
    except ValueError:
        whole = "un número entero" if parameter.kind == "int" else "un número"
        raise ValueError(f"'{text}' no es {whole}") from None
    top = parameter.maximum
    if value < parameter.minimum or (top is not None and value > top):
        span = f"entre {parameter.minimum:g} y {top:g}" if top is not None else "0 o más"
        raise ValueError(f"'{text}' está fuera de rango: debe ser {span}")
    return value


def rules_from_form(current: RuleSet, fields: dict[str, str]) -> RuleSet:
    """The rule set the form asks for; ``FormRefused`` names every field out of bounds.

    A rule's switch is the field ``<key>__activa``; a soft rule's weight ``<key>__peso``;
    each parameter its own key. An unchecked box is absent from the form: off.
    """
    problems: dict[str, str] = {}
    changes: dict[str, Any] = {}
    for info in RULES:
        setting = current.setting(info.code)
        weight = setting.weight
        if not info.hard:
            name = f"{info.key}__peso"
            try:
                weight = float(_number(Parameter(name, "", "float"), fields.get(name, "").strip()))
            except ValueError as error:
                problems[name] = str(error)
        enabled = fields.get(f"{info.key}__activa") == "si"
        changes[info.key] = RuleSetting(enabled=enabled, hard=setting.hard, weight=weight)
        for parameter in PARAMETERS.get(info.code, ()):
            text = fields.get(parameter.key, "").strip()
            if parameter.kind == "bool":
                changes[parameter.key] = text == "si"
                continue
            try:
                changes[parameter.key] = _number(parameter, text)
            except ValueError as error:
                problems[parameter.key] = str(error)
    if problems:
        raise FormRefused(problems)
    try:
        return current.with_changes(**changes)
    except ValueError as error:  # the rule set's own checks, in case a bound here is looser
        raise FormRefused({"": f"valores no válidos ({error})"}) from None
