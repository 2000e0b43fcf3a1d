# veille: `make run` starts the whole pipeline; `make test` runs the suite. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONFIG ?= config/veille.example.yaml

.PHONY: run test lint eval bench chaos venv clean

$(BIN)/veille: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(BIN)/veille

venv: $(BIN)/veille

run: venv
	$(BIN)/veille run --config $(CONFIG)

test: venv
	$(BIN)/ruff check .
	$(BIN)/pytest -q

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

eval: venv
	$(BIN)/python -m tests.eval.score
	$(BIN)/python -m tests.eval.entities

bench: venv
	$(BIN)/python -m bench.run --scenarios "$(SCENARIOS)" $(if $(QUICK),--quick)

# Full-size chaos run (5,000 articles, workers killed, broker frozen, DB connections cut); SEED=1234 repeats one.
chaos: venv
	$(BIN)/python -m tests.chaos $(if $(SEED),--seed $(SEED))

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
