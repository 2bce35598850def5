# Two commands for a newcomer: `make run` (start the product with the demo network)
# and `make test` (every check CI runs). Both create the virtual environment first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup lint typecheck pytest bench clean

$(BIN)/roster: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/roster

setup: $(BIN)/roster

run: setup
	$(BIN)/roster init
	$(BIN)/roster demo --if-empty
	$(BIN)/roster serve --host $(HOST) --port $(PORT)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

pytest: setup
	$(BIN)/pytest -n 2

test: lint typecheck pytest

bench: setup
	$(BIN)/roster bench network

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
