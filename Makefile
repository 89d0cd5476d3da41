# SecBio. `make run` serves the demo; `make test` runs the whole suite. Both start from python3 alone.
PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .tools/bin/uv
VENV := .venv
BIN := $(VENV)/bin
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)
ADDR ?= 127.0.0.1:8000

.PHONY: install install-test assets messages system-test-deps run test lint format bench bench-quick bench-search bench-search-speed bench-search-speed-quick clean

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet "uv==$(UV_VERSION)"

## install: .venv with SecBio and its runtime dependencies (the `secbio` command), assets, catalogues
install: $(UV)
	$(UV) sync --locked --no-dev --python $(PYTHON)
	$(MAKE) --no-print-directory assets messages

## install-test: install, plus the test tools and the browser-test packages
install-test: $(UV)
	$(UV) sync --locked --group dev --python $(PYTHON)
	$(MAKE) --no-print-directory assets messages system-test-deps

assets:
	npm ci --no-audit --no-fund --silent
	mkdir -p static/vendor/htmx
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx/htmx.min.js

messages:
	$(BIN)/python scripts/compile_messages.py

# Browser tests drive Debian's Chromium; OCR tests use tesseract and poppler. Install them when we
# can (root with apt), else say what is missing.
SYSTEM_TEST_PACKAGES := chromium gettext tesseract-ocr tesseract-ocr-ara tesseract-ocr-chi-sim \
	tesseract-ocr-fra tesseract-ocr-rus tesseract-ocr-spa poppler-utils
system-test-deps:
	@missing=$$(for p in $(SYSTEM_TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "Some tests need these Debian packages: sudo apt-get install $$missing"; fi

## run: install, migrate, load the demo data and serve on http://$(ADDR)
run: install
	$(BIN)/secbio migrate --no-input
	$(BIN)/secbio demo
	@# The team's corpus makes a richer demo library when it sits beside the project.
	@if [ -d ../shared/corpus ]; then $(BIN)/secbio import-documents ../shared/corpus --no-progress; fi
	@if [ -f ../shared/thesaurus/unbis_terms.tsv ]; then $(BIN)/secbio import-thesaurus ../shared/thesaurus/unbis_terms.tsv; fi
	$(BIN)/secbio import-thesaurus search/data/biosafety-glossary.rdf --source "SecBio glossary"
	$(BIN)/secbio serve $(ADDR)

## test: install the test dependencies and run the whole suite (DATABASE_URL picks the database)
test: install-test
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/secbio makemigrations --check --dry-run

## bench: the library benchmarks at 100 000 documents, SQLite then PostgreSQL (see benchmarks/README.md)
bench: install-test
	$(BIN)/python benchmarks/bench_library.py --database sqlite
	$(BIN)/python benchmarks/bench_library.py --database postgresql

## bench-quick: the same at 10 000 documents
bench-quick: install-test
	$(BIN)/python benchmarks/bench_library.py --database sqlite --quick
	$(BIN)/python benchmarks/bench_library.py --database postgresql --quick

## bench-search: search relevance (nDCG@10, recall@10) on ../shared/corpus: lexical, semantic, hybrid, BM25
bench-search: install-test
	$(BIN)/python benchmarks/bench_search.py

## bench-search-speed: search latency, indexing throughput and memory at 100 000 documents, SQLite then PostgreSQL
bench-search-speed: install-test
	$(BIN)/python benchmarks/bench_search_speed.py --database sqlite
	$(BIN)/python benchmarks/bench_search_speed.py --database postgresql

## bench-search-speed-quick: the same at 10 000 documents
bench-search-speed-quick: install-test
	$(BIN)/python benchmarks/bench_search_speed.py --database sqlite --quick
	$(BIN)/python benchmarks/bench_search_speed.py --database postgresql --quick

format:
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .tools node_modules static/vendor
