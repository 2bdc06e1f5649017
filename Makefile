# meshtop: build, run and test on Debian/Ubuntu.
#   make demo    install what is missing, build, run meshtop on its built-in demo mesh
#   make run     the same, with your own arguments (ARGS=...)
#   make test    install what is missing, build, run every test
#   make install PREFIX=/usr/local   release build (static Swift runtime) + themes

PREFIX ?= /usr/local
SWIFT ?= swift
APT_PACKAGES := libncurses-dev libcurl4-openssl-dev python3
# The tests also check the demo's output with promtool (Debian's prometheus package), fetch with curl
# drive the full-screen view in tmux, make TLS certificates with openssl, and render --format dot with graphviz.
TEST_PACKAGES := prometheus curl tmux openssl graphviz
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
ARGS ?= --demo

.PHONY: deps build release demo run test bench install clean

deps:
	@missing=""; for p in $(APT_PACKAGES) $(EXTRA_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "meshtop: installing$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "meshtop: a Swift 6 toolchain is needed (swift.org/install)"; exit 2; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --static-swift-stdlib

demo: release
	.build/release/meshtop --demo

run: release
	.build/release/meshtop $(ARGS)

test: EXTRA_PACKAGES = $(TEST_PACKAGES)
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing

bench: release
	.build/release/meshtop bench

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/meshtop/themes
	install -m 755 .build/release/meshtop $(DESTDIR)$(PREFIX)/bin/meshtop
	find themes -maxdepth 1 -name '*.yaml' -exec install -m 644 {} $(DESTDIR)$(PREFIX)/share/meshtop/themes/ \;

clean:
	rm -rf .build
