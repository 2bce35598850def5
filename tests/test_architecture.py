"""Imports point one way (DESIGN.md §6): models <- optimizer, exports <- roster <- web.

Solver libraries (pulp, highspy) stay inside optimizer/; every third-party package the
product imports is declared in pyproject.toml.
"""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
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
    "roster": {"fastapi", "web", "starlette", "pulp", "highspy"},
    "web": {"pulp", "highspy", "optimizer"},
}


FIRST_PARTY = {"models", "optimizer", "roster", "web", "exports"}


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


def nested_imports(path: Path) -> list[int]:
    """Lines of imports made inside a function or class: they hide import cycles."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            lines += [
                inner.lineno
                for inner in ast.walk(node)
                if isinstance(inner, (ast.Import, ast.ImportFrom))
            ]
    return sorted(set(lines))


@pytest.mark.parametrize("package", ["models", "optimizer"])
def test_the_domain_and_the_optimiser_import_at_module_level(package: str) -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for line in nested_imports(path)
    ]
    assert found == []


def declared_distributions() -> set[str]:
    """The normalised names of the packages pyproject.toml declares (main and optional)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    names = set()
    for requirement in requirements:
        name = requirement.split(";")[0].split("[")[0]
        for mark in "=<>!~ ":
            name = name.split(mark)[0]
        names.add(normalised(name))
    return names


def normalised(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def undeclared_imports() -> list[str]:
    """Third-party modules the product imports whose distribution pyproject.toml omits."""
    owners = packages_distributions()
    declared = declared_distributions()
    found = []
    for package in sorted(FIRST_PARTY):
        for path in sorted((ROOT / package).rglob("*.py")):
            for name in sorted(imported_top_levels(path) - FIRST_PARTY):
                if name in sys.stdlib_module_names or name == "__future__":
                    continue
                if not {normalised(owner) for owner in owners.get(name, [])} & declared:
                    found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


def test_every_imported_package_is_declared() -> None:
    assert undeclared_imports() == []
