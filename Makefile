# newsclean: `make demo` and `make test` work on a fresh machine with Python 3.11+ and make.
# The virtualenv is made once; the package is (re)installed only when pyproject.toml changes
# (stamp file), so repeated runs start at once.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: demo test fuzz lint install clean-out model native

# install also compiles the per-record modules with mypyc into build/mypyc (~2 min on one core,
# redone only when their sources change; without a C compiler it says so and the pure-Python
# modules run).  NEWSCLEAN_NATIVE=0 make install skips it; the package then runs the .py files.
# It also unpacks py3langid's model into build/langid (a process then loads it in ms, not ~0.4 s),
# and byte-compiles the package: where Python writes no .pyc (PYTHONDONTWRITEBYTECODE=1, as in
# many container images, or a read-only tree) every process -- each worker -- compiled its ~50
# pure-Python modules again at import (~0.09 s of CPU); an existing .pyc is still read.
install: $(STAMP)
	@$(BIN)/python -m newsclean.build_native ensure
	@$(BIN)/python -m newsclean.enrich.langid_cache ensure
	@$(BIN)/python -m compileall -q src/newsclean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "newsclean needs Python 3.11 or newer; set PYTHON=/path/to/python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -e '.[dev,ray,integrations]'
	@rm -f $(VENV)/.installed-*
	@touch $@

demo: install
	@mkdir -p out
	$(BIN)/newsclean clean examples/ -o out/demo.jsonl
	@echo
	@echo "== out/demo.jsonl: one article per record (id, verdict, title, publisher)"
	@$(BIN)/python -c 'import json; [print("  %-11s %-42s %s [%s]" % (d["verdict"], d["id"], d["title"] or "-", d["publisher"] or "-")) for d in map(json.loads, open("out/demo.jsonl", encoding="utf-8"))]'
	@echo
	@echo "== out/demo.setaside.jsonl: input that could not be read"
	@$(BIN)/python -c 'import json; [print("  " + json.loads(l)["error"]) for l in open("out/demo.setaside.jsonl", encoding="utf-8")]'
	@echo
	@echo "== the seed record, removals marked with their reasons"
	$(BIN)/newsclean show examples/seed/record.txt
	@echo
	@echo "== a WARC crawl in, Parquet out (url, verdict, title per row)"
	$(BIN)/newsclean clean examples/web/harbour-crawl.warc.gz -o out/demo-web.parquet
	@$(BIN)/python -c 'import pyarrow.parquet as pq; t = pq.read_table("out/demo-web.parquet").to_pylist(); [print("  %-11s %-34s %s" % (r["verdict"], r.get("url"), r["title"] or "-")) for r in t]'
	@echo
	@echo "== restore gives back every record exactly"
	@$(BIN)/newsclean restore out/demo.jsonl -o out/demo.restored.jsonl
	@$(BIN)/python -c 'import json; r = {d["id"]: d["record"] for d in map(json.loads, open("out/demo.restored.jsonl", encoding="utf-8"))}; print("  seed restored byte for byte:", r["examples/seed/record.txt"] == open("examples/seed/record.txt", encoding="utf-8", newline="").read())'
	@echo
	@echo "== newsclean is installed in $(BIN): run  . $(BIN)/activate  to call it as 'newsclean'"
	@echo "   (or write $(BIN)/newsclean), then e.g.  newsclean report out/demo.jsonl -o out/demo.html"

test: install
	NEWSCLEAN_REQUIRE_RAY=1 $(BIN)/python -m pytest -q
	$(BIN)/ruff check src tests bench train
	$(BIN)/mypy

# Property-based tests at length: FUZZ_EXAMPLES per property (7 properties: over 100k cases),
# random inputs up to ~1 MB; prints cases, failures and the worst time per MB at the end.
FUZZ_EXAMPLES ?= 15000
fuzz: $(STAMP)
	NEWSCLEAN_FUZZ=1 NEWSCLEAN_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q tests/test_properties.py

# Compile the per-record modules now, even when the build is fresh (newsclean/native.py).
native: $(STAMP)
	$(BIN)/python -m newsclean.build_native build

lint: $(STAMP)
	$(BIN)/ruff check src tests bench train
	$(BIN)/mypy

# The line model (src/newsclean/line_model/model.json.gz), refitted from the development
# pages in ../shared/eval: render them as crawlers do, label each line against the gold, fit.
# Deterministic: the same pages give the same model bytes.
model: $(STAMP)
	$(BIN)/python -m pip install --disable-pip-version-check -q -e '.[dev,train]'
	$(BIN)/python -m train.mine
	$(BIN)/python -m train.fit

clean-out:
	rm -rf out
