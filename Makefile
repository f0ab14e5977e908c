# Thin wrapper: bootstrap .venv (and node_modules, where npm exists), then hand over to invoke.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-requirements
NODE_STAMP := node_modules/.package-lock.json
INVOKE := $(VENV)/bin/invoke

.PHONY: serve test build publish check clean lint golden bench
serve build check clean lint golden bench: $(STAMP)
	$(INVOKE) $@

# The validators (Nu Html Checker, Lighthouse) come from npm; without npm their tests skip.
test publish: $(STAMP) $(NODE_STAMP)
	$(INVOKE) $@

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --requirement requirements.txt
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the HTML validity and Lighthouse tests will be skipped"; fi
