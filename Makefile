# Build / test entry points for the customerinsights.hub collection (repo root = collection root).
# Needs: GNU make, bash, git, tar, Python 3.11-3.14 (make test: 3.11 and one of 3.12-3.14, from the
# distribution or pyenv); PyPI for packages.
# Everything installs into .venv, .venv-lint and build/ (all git-ignored).

SHELL := /bin/bash
.DEFAULT_GOAL := help
# Stages share work dirs (build/ci/<core>, .venv*): never run them in parallel.
.NOTPARALLEL:

NAMESPACE  := $(shell sed -n 's/^namespace:[[:space:]]*//p' galaxy.yml | tr -d "\"' ")
NAME       := $(shell sed -n 's/^name:[[:space:]]*//p' galaxy.yml | tr -d "\"' ")
VERSION    := $(shell sed -n 's/^version:[[:space:]]*//p' galaxy.yml | tr -d "\"' ")
TARBALL    := build/$(NAMESPACE)-$(NAME)-$(VERSION).tar.gz

VENV       := .venv
VENV_LINT  := .venv-lint
# .venv / .venv-lint (tools/venv.sh): the newest Python found among 3.11-3.14 (pyenv, PATH, python3)
# with the newest ansible-core that supports it (2.19 on 3.11, 2.21 on 3.12-3.14); rebuilt when the
# interpreter changes. PYTHON_DEV=/path/to/python picks the interpreter.
PYTHON_DEV ?=
export PYTHON_DEV

# ansible-test: CORE=2.19 (controller Python 3.11) or CORE=2.21 (newest Python >= 3.12 that
# ansible-test 2.21 supports, picked at run time). PY=X.Y overrides the controller Python.
# With 2.21, sanity compile/import also run on every other Python found (module targets 3.9+).
CORE ?= 2.19
PY_2.19 := 3.11
PY_2.21 := auto
MIN_PY_2.21 := 3.12
ALL_PY_2.21 := --all-pythons
PY ?= $(or $(PY_$(CORE)),auto)
ANSIBLE_TEST := bash tools/ansible-test.sh --core $(CORE) --python $(PY) \
                $(if $(MIN_PY_$(CORE)),--min-python $(MIN_PY_$(CORE))) $(ALL_PY_$(CORE))

.PHONY: help venv lint-venv build install demo emulator emulator-stop test lint build-check sanity units \
        integration ansible-test bench soak clean distclean

help: ## Show this help
	@echo "customerinsights.hub $(VERSION) - make targets:"
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-14s %s\n", $$1, $$2}'
	@echo "Variables: CORE=2.19|2.21 (sanity/units/integration/ansible-test), PY=X.Y|auto,"
	@echo "           PYTHON_DEV=/path/to/python (.venv, .venv-lint; default: newest Python 3.11-3.14)"

venv: ## Create .venv (newest Python 3.11-3.14, its ansible-core, requests) for build/demo
	@bash tools/venv.sh $(VENV) -r requirements-dev.txt

lint-venv: ## Create .venv-lint (ansible-lint, antsibull-docs/-changelog, ansible-builder)
	@bash tools/venv.sh $(VENV_LINT) -r tools/requirements-lint.txt

build: venv ## Build the collection tarball into build/
	$(VENV)/bin/ansible-galaxy collection build --force --output-path build/

# ANSIBLE_COLLECTIONS_PATH names the install path, so ansible-galaxy does not warn that it is not
# one of the configured collections paths (the demo and the emulator exports use the same).
install: build ## Install the tarball into build/collections (ANSIBLE_COLLECTIONS_PATH for the demo)
	rm -rf build/collections/ansible_collections/$(NAMESPACE)/$(NAME)
	ANSIBLE_COLLECTIONS_PATH=$(CURDIR)/build/collections \
	    $(VENV)/bin/ansible-galaxy collection install --offline --force -p build/collections $(TARBALL)

demo: install ## Build the hub model of examples/hub_model.yml twice on an empty emulator (changed, unchanged), then tear it down
	bash tools/demo.sh

emulator: install ## Start the hub emulator (seeded model; EMULATOR_ARGS=--empty-model for none) and print the exports
	@bash tools/emulator.sh start $(EMULATOR_ARGS)

emulator-stop: ## Stop the emulator that make emulator started
	@bash tools/emulator.sh stop

test: ## Everything CI runs: lint, build-check, contract, sanity+units+integration on core 2.19 and 2.21
	bash tools/make-test.sh

lint: lint-venv ## ansible-lint (production), antsibull-docs lint, antsibull-changelog lint
	bash tools/lint.sh

build-check: venv lint-venv ## Build, check tarball contents, install, ansible-doc every module, ansible-builder create
	bash tools/build-check.sh

sanity: ## ansible-test sanity (CORE=2.19|2.21), no ignore files allowed
	$(ANSIBLE_TEST) sanity

units: ## ansible-test units (CORE=2.19|2.21)
	$(ANSIBLE_TEST) units

integration: ## ansible-test integration (CORE=2.19|2.21)
	$(ANSIBLE_TEST) integration

ansible-test: ## sanity + units + integration for one core (CORE=2.19|2.21)
	$(ANSIBLE_TEST) sanity units integration

# Contract stage: Stoplight Prism, pinned with its whole tree in tools/contract/package-lock.json,
# installed with npm ci into build/prism (reinstalled when the pin changes). Needs node >= 18.20 and npm.
PRISM_DIR := build/prism
.PHONY: prism contract
$(PRISM_DIR)/.stamp: tools/contract/package.json tools/contract/package-lock.json
	@command -v npm > /dev/null || { echo "npm not found: the contract stage needs node >= 18.20 and npm" >&2; exit 1; }
	rm -rf $(PRISM_DIR)
	mkdir -p $(PRISM_DIR)
	cp tools/contract/package.json tools/contract/package-lock.json $(PRISM_DIR)/
	cd $(PRISM_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	$(PRISM_DIR)/node_modules/.bin/prism --version
	@touch $@

prism: $(PRISM_DIR)/.stamp ## Install Stoplight Prism (pinned in tools/contract/) into build/prism

contract: install prism ## Contract tests: every module's requests validated by Prism against Microsoft's spec
	bash tools/contract/run.sh

# Figures are printed, never asserted: they depend on the machine. Not part of make test.
bench: install ## Benchmarks: relationship_link per task vs ansible.builtin.uri; relationship_links vs a loop at 500 links
	PATH=$(CURDIR)/$(VENV)/bin:$$PATH $(VENV)/bin/python tools/bench.py --collections-path build/collections $(BENCH_ARGS)

soak: install ## Soak: 200 tasks over 20 links with injected faults; checks the final hub state
	PATH=$(CURDIR)/$(VENV)/bin:$$PATH $(VENV)/bin/python tools/soak.py --collections-path build/collections $(SOAK_ARGS)

clean: ## Remove build output, ansible-test output and caches (keeps the venvs)
	-bash tools/emulator.sh stop-all
	rm -rf build tests/output tests/integration/inventory .ansible changelogs/.plugin-cache.yaml .pytest_cache
	find . -name __pycache__ -type d -not -path './.venv*' -not -path './.git/*' -prune -exec rm -rf {} +

distclean: clean ## clean + remove .venv and .venv-lint
	rm -rf $(VENV) $(VENV_LINT)
