# The README's commands: make install | train | run | test (see ../shared/CONTRACT.md)
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(PY) -m rasa
export PYTHONPATH := $(CURDIR)
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export RASA_TELEMETRY_ENABLED := false
# endpoints.yml reads ACTIONS_PORT (rasa shell, rasa run, rasa test)
export ACTIONS_PORT ?= 5055

LOCK_HASH := $(shell sha1sum requirements.lock | cut -c1-12)
INSTALLED := $(VENV)/.installed-$(LOCK_HASH)
DEV_LOCK_HASH := $(shell sha1sum requirements-dev.lock | cut -c1-12)
DEV_INSTALLED := $(VENV)/.dev-tools-$(DEV_LOCK_HASH)
MODEL := models/current.tar.gz
WEBCHAT_INSTALLED := webchat/node_modules/.installed
TRAINING_INPUTS := config.yml domain.yml $(shell find data knowledge assistant -type f \( -name '*.yml' -o -name '*.py' \) 2>/dev/null | sort)
TRAINING_INPUTS += $(wildcard tests/redflags/bank_*.json) $(wildcard tests/independent/*/nlu.json)

.PHONY: help install train run test test-fast test-unit test-nlu test-servers test-dialogue test-integration lint validate nlu-report eval-samples bench-parse bench-dialogue clean

help:
	@echo "make install   create .venv (Python 3.10) with the locked dependencies"
	@echo "make train     train the model when data, config or knowledge changed"
	@echo "make run       install, train if needed, start action server + Rasa + web page"
	@echo "make shell     rasa shell in the terminal, with the action server on ACTIONS_PORT (default 5055)"
	@echo "make test      install, train if needed, run every test (lint, unit, nlu, servers, conversations)"
	@echo "make test-fast tests/unit only: no server, no model (well under a minute)"
	@echo "make lint      ruff (pyflakes, pycodestyle, docstrings) and mypy on assistant/ and server/"
	@echo "make test-integration  replicas behind nginx on PostgreSQL + Redis, fuzzing (a few minutes)"
	@echo "make eval-redflags  warning signs on the independent banks (tests/redflags)"

install: $(INSTALLED) $(DEV_INSTALLED) $(WEBCHAT_INSTALLED)

$(INSTALLED): requirements.lock scripts/install.sh
	@scripts/install.sh
	@rm -f $(VENV)/.installed-*
	@touch $@

# ruff and mypy (make lint), pinned in requirements-dev.lock, into the same .venv.
$(DEV_INSTALLED): requirements-dev.lock | $(INSTALLED)
	@echo "==> Installing the lint and type-check tools (requirements-dev.lock)"
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-dev.lock
	@rm -f $(VENV)/.dev-tools-*
	@touch $@

# The web chat widget's npm packages (socket.io client, axe-core), pinned in package-lock.json:
# installed when webchat/node_modules is missing or the lock file changed.
$(WEBCHAT_INSTALLED): webchat/package-lock.json webchat/package.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 18+ and npm (apt-get install nodejs npm)" >&2; exit 1; }
	@echo "==> npm ci --prefix webchat"
	@npm ci --prefix webchat --no-audit --no-fund --loglevel=error
	@touch $@

# Debian packages the browser tests need (chromium, emoji font); installs them when missing and root.
system:
	@scripts/setup_system.sh

train: install $(MODEL)

$(MODEL): $(TRAINING_INPUTS) | $(INSTALLED)
	@echo "==> Validating the knowledge base"
	@$(PY) -m assistant.knowledge
	@$(PY) scripts/generate_lookups.py
	@$(PY) scripts/generate_independent_nlu.py
	@echo "==> Training (about a minute)"
	@start=$$(date +%s); \
	$(RASA) train --fixed-model-name current --out models $(RASA_TRAIN_FLAGS) 2>&1 | grep -E "Training|Finished|Your Rasa model|Nothing changed|rror" ; \
	test $${PIPESTATUS[0]} -eq 0 && touch $@ && echo "==> Trained in $$(( $$(date +%s) - start )) s"

run: train
	@$(PY) -m server

# `rasa shell` as a Rasa developer runs it, with the project's action server on ACTIONS_PORT (endpoints.yml).
.PHONY: shell
shell: train
	@$(PY) -m server.action_server --port $(ACTIONS_PORT) & pid=$$!; trap "kill $$pid" EXIT; \
	$(RASA) shell --model $(MODEL) --endpoints endpoints.yml

validate: install
	@$(RASA) data validate --domain domain.yml --data data 2>&1 | grep -E "rror|Validating|conflict" ; test $${PIPESTATUS[0]} -eq 0

# The test layers (README "Tests"): tests/unit needs nothing but the code and knowledge/; tests/nlu the
# clinical pipeline and the trained model in process; tests/servers boots real servers on free ports.
test-fast: install
	@$(PY) -m pytest -q tests/unit

test-unit: install
	@$(PY) -m pytest -q tests/unit

test-nlu: train
	@$(PY) -m pytest -q tests/nlu

test-servers: train
	@$(PY) -m pytest -q -m servers tests/servers

lint: install
	@echo "==> Lint (ruff) and types (mypy)"
	@$(VENV)/bin/ruff check --quiet .
	@$(VENV)/bin/mypy

test-dialogue: train
	@echo "==> Conversation tests (tests/test_*.yml)"
	@$(RASA) test core --model $(MODEL) --stories tests --fail-on-prediction-errors --out results/core 2>&1 | grep -E "rror|Finished|Correct|stories" ; test $${PIPESTATUS[0]} -eq 0

.PHONY: system
test: system install lint validate train test-unit test-nlu test-servers test-dialogue
	@echo "==> All tests passed"

# Production set-up, a few minutes (README "Deployment"): two replicas behind nginx on PostgreSQL and
# Redis (started here from Debian's packages, which `make system` installs as root), kill -9 and
# restarts; then more than 10 000 fuzzed requests. REQUIRE_INTEGRATION=1 (CI) fails instead of
# skipping when PostgreSQL, Redis or nginx is missing. Figures: results/replicas.md, results/fuzz.md.
.PHONY: test-integration
test-integration: system install train
	@echo "==> Integration tests (tests/integration: replicas behind nginx, fuzzing)"
	@$(PY) -m pytest -q -rs tests/integration

nlu-report: train
	@$(RASA) test nlu --nlu data/nlu --cross-validation --folds 3 --out results/nlu 2>&1 | grep -E "F1|accuracy|rror" ; true
	@echo "Report: results/nlu"

eval-samples: train
	@REST_TRUST_SENDER_IDS=1 python3 ../shared/eval/contract_eval.py --project . --cases ../shared/eval/samples --start

bench-parse: train
	@$(PY) -m measure.bench parse -n 500

bench-dialogue: train
	@$(PY) -m measure.bench dialogue -n 100

# Measurements (issue 7; README "Measurements"): results/eval.md and results/bench.md with their pictures.
.PHONY: eval bench
eval: train
	@$(PY) -m measure.eval_run

bench: train
	@$(PY) -m measure.bench_run

# Warning signs on the independent banks (tests/redflags/): same-turn recall, recall after
# at most one clarifying question, false alarms per sign; writes results/redflags.md.
.PHONY: eval-redflags
eval-redflags: train
	@$(PY) -m measure.eval_redflags

clean:
	rm -rf models .rasa results var/endpoints.yml
