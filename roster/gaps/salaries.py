"""The salary scale per role (salary_scale.csv): monthly pay, its source, assumption or not."""

from __future__ import annotations

import csv
from decimal import Decimal, InvalidOperation
from pathlib import Path

from models.costs import SalaryLine

SCALE_FILE = Path(__file__).with_name("salary_scale.csv")
YES = {"yes", "sí", "si", "true", "1"}


def read_scale(path: Path = SCALE_FILE) -> dict[str, SalaryLine]:
    """The scale by role; ``ValueError`` naming the row and field of a bad line."""
    lines: dict[str, SalaryLine] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            try:
                pay = Decimal(row["monthly_pay"])
            except (InvalidOperation, TypeError):
                raise ValueError(
                    f"{path.name} fila {number}, monthly_pay: no es un número"
                ) from None
            role = (row.get("role") or "").strip()
            if not role or role in lines:
                raise ValueError(f"{path.name} fila {number}, role: vacío o repetido")
            try:
                lines[role] = SalaryLine(
                    role, pay, row.get("source") or "", (row.get("assumption") or "").lower() in YES
                )
            except ValueError as error:
                raise ValueError(f"{path.name} fila {number}: {error}") from None
    return lines
