#!/bin/sh
# Install Debian's headless-capable Chromium (used by the review page browser test) when missing.
# Idempotent: does nothing when /usr/bin/chromium already exists. Needs root (or sudo) for apt-get.
set -eu
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "ensure_chromium: /usr/bin/chromium is missing and we are not root; install chromium and chromium-driver" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-noto-cjk
test -x /usr/bin/chromium
