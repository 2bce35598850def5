"""What a post costs the employer, as a budget office reads it: pay plus charges, month and year.

A post's monthly pay (remuneración) comes from the salary scale (data with its source, or
marked as an assumption). The employer's charges are settings, each with its source
(docs/costs.md):

- EsSalud: 9 % of the pay (Ley 26790 art. 6-a); for CAS the taxable base is capped at a share
  of the year's UIT (D.Leg. 1057 as amended by D.U. 028-2019: 55 % of the UIT from 2021);
- aguinaldos: the CAS bonuses of July and December set by each year's budget law;
- vacation: 30 paid days a year (Ley 29849) are paid within the twelve monthly pays; any
  extra pay for them is a setting (months of pay a year, 0 for CAS).

cost_year = 12 x (pay + EsSalud) + aguinaldos + vacation months x pay;  cost_month = cost_year / 12.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

SOL = Decimal(1)


@dataclass(frozen=True)
class SalaryLine:
    """The monthly pay of a 48-hour post of one role, with where the figure comes from."""

    role: str
    monthly_pay: Decimal
    source: str
    assumption: bool = True  # not confirmed in a published source

    def __post_init__(self) -> None:
        if self.monthly_pay <= 0:
            raise ValueError(f"salary of {self.role}: the monthly pay must be positive")
        if not self.source.strip():
            raise ValueError(f"salary of {self.role}: say where the figure comes from")


@dataclass(frozen=True)
class EmployerCharges:
    """The employer's charges on a CAS post (settings; defaults and sources in docs/costs.md)."""

    essalud_pct: Decimal = Decimal("9")
    essalud_base_uit_share: Decimal | None = Decimal("0.55")  # None: no cap (not CAS)
    uit: Decimal = Decimal("5500")  # the year's Unidad Impositiva Tributaria, in soles
    aguinaldos_year: Decimal = Decimal("600")  # July + December, S/ 300 each
    vacation_months: Decimal = Decimal("0")  # extra pay a year for vacation, in months of pay
    year: int = 2027

    def __post_init__(self) -> None:
        values = (self.essalud_pct, self.uit, self.aguinaldos_year, self.vacation_months)
        if any(value < 0 for value in values):
            raise ValueError("employer charges cannot be negative")

    def essalud(self, pay: Decimal) -> Decimal:
        """The month's EsSalud contribution on ``pay``."""
        base = pay
        if self.essalud_base_uit_share is not None:
            base = min(pay, self.uit * self.essalud_base_uit_share)
        return base * self.essalud_pct / 100

    def cost_year(self, pay: Decimal) -> Decimal:
        """The employer's yearly cost of a post paid ``pay`` a month, to the sol."""
        total = 12 * (pay + self.essalud(pay)) + self.aguinaldos_year + self.vacation_months * pay
        return total.quantize(SOL, rounding=ROUND_HALF_UP)

    def cost_month(self, pay: Decimal) -> Decimal:
        """The yearly cost spread over twelve months, to the sol."""
        return (self.cost_year(pay) / 12).quantize(SOL, rounding=ROUND_HALF_UP)

    def assumptions(self) -> list[str]:
        """The charges in words, as the report lists them."""
        cap = (
            f", base tope {self.essalud_base_uit_share * 100:.0f} % de la UIT (S/ {self.uit:,.0f})"
            if self.essalud_base_uit_share is not None
            else ""
        )
        return [
            f"EsSalud {self.essalud_pct} % de la remuneración{cap} (Ley 26790; D.Leg. 1057, "
            "D.U. 028-2019).",
            f"Aguinaldos CAS S/ {self.aguinaldos_year:,.0f} al año (julio y diciembre, ley de "
            f"presupuesto; supuesto para {self.year} hasta su publicación).",
            f"Vacaciones: 30 días pagados dentro de la remuneración (Ley 29849); pago adicional "
            f"{self.vacation_months} meses al año.",
        ]
