# Thin wrapper: bootstrap .venv from the pinned requirements, then hand over to invoke.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-requirements
INVOKE := $(VENV)/bin/invoke

.PHONY: serve test build publish check clean lint golden bench
serve test build publish check clean lint golden bench: $(STAMP)
	$(INVOKE) $@

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --requirement requirements.txt
	touch $(STAMP)
