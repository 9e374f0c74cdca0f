# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CONSULT := $(VENV)/bin/consult
HOST ?= 127.0.0.1
PORT ?= 5000
# two test processes, each test file whole in one of them (module fixtures built once);
# `make test PYTEST_ARGS=` runs them in one process
PYTEST_ARGS ?= -n 2 --dist loadfile

.PHONY: run test lint translations extract-messages bench clean

$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

translations: $(VENV)/.installed
	$(VENV)/bin/pybabel compile --use-fuzzy -d consult/translations -D messages --statistics 2>&1 | tail -n 5

run: $(VENV)/.installed translations
	$(CONSULT) init
	$(CONSULT) seed-demo
	$(CONSULT) serve --host $(HOST) --port $(PORT)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

test: $(VENV)/.installed translations lint
	$(PY) -m pytest $(PYTEST_ARGS)

extract-messages: $(VENV)/.installed
	$(VENV)/bin/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o consult/translations/messages.pot .
	$(VENV)/bin/pybabel update -i consult/translations/messages.pot -d consult/translations --no-fuzzy-matching

bench: $(VENV)/.installed
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
