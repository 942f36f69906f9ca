# fixgate — the two commands a newcomer needs are `make run` and `make test` (see README.md).
# Every target installs what it lacks first, so a fresh Debian 12 machine with Node 20 needs nothing else.

SHELL := /bin/bash
APT_PACKAGES := build-essential python3 g++ make libquickfix-dev openssl
NATIVE_ADDON := native/build/Release/fixgate_matcher.node
NATIVE_SOURCES := $(wildcard native/src/*.cpp native/src/*.hpp native/src/*.h) native/binding.gyp
CONFIG ?= sessions/demo
QUICKFIX_CLIENT := dist/interop/quickfix-client
FUZZ_SECONDS ?= 600

.PHONY: setup system-packages build run test bench check clean soak

setup: system-packages node_modules/.package-lock.json $(NATIVE_ADDON)

# Installs only the Debian packages that are missing (apt-get update once, then install).
system-packages:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages: $$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

$(NATIVE_ADDON): node_modules/.package-lock.json $(NATIVE_SOURCES)
	npm_config_nodedir=/usr npx node-gyp rebuild --nodedir=/usr --directory=native

build: setup
	npx tsc -p tsconfig.build.json

run: build
	node dist/cli/fixgate.js start --config $(CONFIG)

# Ends with a plain "N passed, N failed" line computed from ava's TAP output.
test: setup
	scripts/run-tests.sh

bench: setup
	npx tsx bench/run.ts

# The QuickFIX C++ initiator of test/e2e/quickfix-initiator.test.ts (which runs this rule itself).
# Debian's QuickFIX 1.15 headers need the throw() shim that the source file carries.
$(QUICKFIX_CLIENT): test/interop/quickfix-client.cpp
	@mkdir -p $(dir $@)
	g++ -std=c++17 -O1 -Wall -o $@ $< -lquickfix -lpthread

# The long variants of the CI runs, each with a fresh seed it prints: the fuzz test against the
# live gateway process for FUZZ_SECONDS (default 10 minutes), SOAK_RUNS random streams through the
# native matcher and the reference book, and SIGKILL rounds against the message store.
SOAK_RUNS ?= 20000
soak: setup
	seed=$$(date +%s); echo "soak seed $$seed"; \
	FAST_CHECK_SEED=$$seed FAST_CHECK_RUNS=$(SOAK_RUNS) npx ava --timeout=60m test/matcher/differential.test.ts && \
	STORE_CRASH_ROUNDS=50 npx ava --timeout=30m test/fix/store/crash-durability.test.ts && \
	FIXGATE_FUZZ_SEED=$$seed FIXGATE_FUZZ_SECONDS=$(FUZZ_SECONDS) npx ava --timeout=$$(( $(FUZZ_SECONDS) + 300 ))s test/e2e/fix-fuzz.test.ts

check: setup
	npx tsc --noEmit -p tsconfig.json

clean:
	rm -rf dist native/build
