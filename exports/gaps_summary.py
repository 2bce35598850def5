"""The answer in one sentence per shelter: how many posts, which, what they cost a year, and
what they buy (the report's first page, the CLI and the JSON's ``summary``)."""

from __future__ import annotations

from models.gaps import RecommendedPost, ScenarioResult, ShelterGapAnalysis

ROLE_WORDS = {
    "COO": ("coordinadora dedicada", "coordinadoras dedicadas"),
    "AOP": ("asistente operativo", "asistentes operativos"),
    "CUI": ("cuidadora", "cuidadoras"),
    "PSI": ("psicóloga", "psicólogas"),
    "TSO": ("trabajadora social", "trabajadoras sociales"),
    "EDU": ("educadora", "educadoras"),
}


def thousands(value: float) -> str:
    """A whole number with the Peruvian thousands separator (12,345)."""
    return f"{value:,.0f}"


def post_words(key: str, count: int, names: dict[str, str]) -> str:
    """'1 coordinadora dedicada', '2 cuidadoras (plaza vacante)'."""
    vacancy = key.startswith("V") and key[1:] in names | ROLE_WORDS
    role = key[1:] if vacancy else key
    one, many = ROLE_WORDS.get(role, (names.get(role, role), names.get(role, role)))
    text = f"{count} {one if count == 1 else many}"
    return text + (" (plaza vacante ya presupuestada)" if vacancy else "")


def scenario_sentence(item: ShelterGapAnalysis, scenario: ScenarioResult) -> str:
    """What a scenario's posts are, cost and buy."""
    count = sum(scenario.added.values())
    if not count:
        return "ninguna plaza"
    posts = ", ".join(post_words(k, n, item.role_names) for k, n in scenario.added.items())
    returned = (
        f" y devuelven {thousands(scenario.hours_returned)} h de coordinación al mes a otras "
        "profesionales"
        if scenario.hours_returned
        else ""
    )
    extra = scenario.added_cost_month * 12
    return (
        f"{count} {'plaza' if count == 1 else 'plazas'} ({posts}), S/ {thousands(float(extra))} "
        f"al año; cubren el {scenario.coverage_pct:.1f} % de la demanda mínima (hoy "
        f"{item.today.coverage_pct:.1f} %){returned}{resilience_words(item, scenario)}"
    )


def resilience_words(item: ShelterGapAnalysis, scenario: ScenarioResult) -> str:
    """The sick calls a scenario covers against today's, once simulated (--resilience)."""
    today = next((s for s in item.scenarios if s.key == "today"), None)
    if scenario.resilience_pct is None or today is None or today.resilience_pct is None:
        return ""
    return (
        f"; cubren sin brecha el {scenario.resilience_pct:.0f} % de las ausencias imprevistas "
        f"simuladas (hoy {today.resilience_pct:.0f} %)"
    )


def shelter_sentence(item: ShelterGapAnalysis) -> str:
    """One sentence: the programme's proposal with what closes what remains, then the
    cheapest set without the proposal for comparison."""
    keys = {s.key: s for s in item.scenarios}
    head = f"{item.shelter_code} {item.shelter_name}: "
    if "proposal_plus" not in keys:
        return head + "sin escenarios."
    cheapest = keys.get("recommended")
    tail = (
        f". Sin la propuesta, lo más barato: {scenario_sentence(item, cheapest)}."
        if cheapest
        else "."
    )
    return head + scenario_sentence(item, keys["proposal_plus"]) + tail


def posts_line(posts: list[RecommendedPost]) -> str:
    """'1 COO, 2 CUI (vacante)'."""
    return ", ".join(f"{p.count} {p.role}{' (vacante)' if p.vacancy else ''}" for p in posts) or "—"
