"""Fictional Peruvian names for the demo staff: common given names and surnames, combined."""

from __future__ import annotations

import random

WOMEN = (
    "María", "Rosa", "Carmen", "Ana", "Luz", "Juana", "Elena", "Gladys", "Yolanda", "Milagros",
    "Pilar", "Patricia", "Marisol", "Karina", "Roxana", "Flor", "Nélida", "Sonia", "Gloria",
    "Maritza", "Yesenia", "Lourdes", "Giovanna", "Jessica", "Lucía", "Fiorella", "Rocío",
    "Evelyn", "Nancy", "Haydée", "Silvia", "Teresa", "Norma", "Celia", "Delia", "Edith", "Olga",
    "Ruth", "Sara", "Vilma", "Zulema", "Susana", "Mercedes", "Liliana", "Diana", "Katherine",
    "Verónica", "Beatriz", "Janet", "Soledad", "Miriam", "Elizabeth", "Magaly", "Isabel",
    "Raquel", "Cecilia", "Nataly", "Yaneth", "Sheyla", "Mayra", "Dayana", "Ximena", "Valeria",
    "Kiara", "Wendy", "Nayra", "Sisa", "Noemí", "Esther", "Judith",
)  # fmt: skip
MEN = ("José", "Luis", "Carlos", "Jorge", "Miguel", "Juan", "César", "Wilmer", "Edwin", "Raúl")
SURNAMES = (
    "Quispe", "Mamani", "Flores", "Huamán", "Condori", "Rojas", "Sánchez", "García", "Chávez",
    "Ramírez", "Torres", "Mendoza", "Vásquez", "Gutiérrez", "Castillo", "Ccopa", "Apaza", "Choque",
    "Ticona", "Cusi", "Huarcaya", "Paucar", "Yupanqui", "Ramos", "Díaz", "Vargas", "Salazar",
    "Espinoza", "Cárdenas", "Aguilar", "Pérez", "López", "Gonzales", "Rodríguez", "Fernández",
    "Ríos", "Pinedo", "Shuña", "Tapullima", "Sangama", "Panduro", "Ruiz", "Arévalo", "Vela",
    "Guerra", "Cahuana", "Llanos", "Palomino", "Inga", "Poma", "Taipe", "Soto", "Cruz", "Medina",
    "Reyes", "Herrera", "Alarcón", "Zevallos", "Huillca", "Quiroz",
)  # fmt: skip

# Staff are mostly women; a few men work as instructors, nurses, assistants or psychologists.
CHANCE_OF_A_MAN = {"TAL": 0.3, "ENF": 0.2, "AOP": 0.2, "PSI": 0.1}


class NamePicker:
    """Draws full names (given name, two surnames) that are unique across the network."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def pick(self, role: str) -> str:
        """A new full name for someone whose primary role is ``role``."""
        given = MEN if self.rng.random() < CHANCE_OF_A_MAN.get(role, 0.0) else WOMEN
        while True:
            name = " ".join(
                (self.rng.choice(given), self.rng.choice(SURNAMES), self.rng.choice(SURNAMES))
            )
            if name not in self.used:
                self.used.add(name)
                return name
