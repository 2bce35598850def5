"""Imports point one way (DESIGN.md §6): models <- optimizer, exports <- roster <- web."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

FORBIDDEN = {
    "models": {
        "pulp",
        "highspy",
        "fastapi",
        "sqlalchemy",
        "icalendar",
        "optimizer",
        "roster",
        "web",
        "exports",
        "alembic",
    },
    "optimizer": {"fastapi", "web", "roster", "sqlalchemy", "exports"},
    "exports": {"pulp", "highspy", "fastapi", "roster", "web", "optimizer", "sqlalchemy"},
    "roster": {"fastapi", "web", "starlette"},
    "web": {"pulp", "highspy", "optimizer"},
}


def imported_top_levels(path: Path) -> set[str]:
    """Top-level package names imported by one Python file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def violations(package: str) -> list[str]:
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        bad = imported_top_levels(path) & FORBIDDEN[package]
        found.extend(f"{path.relative_to(ROOT)} imports {name}" for name in sorted(bad))
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_point_one_way(package: str) -> None:
    assert violations(package) == []


def test_the_check_catches_a_wrong_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import pulp\nfrom sqlalchemy.orm import Session\n", encoding="utf-8")
    assert imported_top_levels(bad) & FORBIDDEN["models"] == {"pulp", "sqlalchemy"}
