#!/usr/bin/env bash
# Installs the browser that tests/test_browser.py drives: Debian's `chromium` at /usr/bin/chromium
# (Playwright launches it; `playwright install` and its download are never used). Idempotent: a
# machine that has it is left alone. As root it runs apt-get non-interactively; otherwise it says
# in one line what to install and exits 1. The README's test command runs it first.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "test browser: $CHROMIUM is installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "test browser: $CHROMIUM is missing; install Debian's chromium as root:" \
    "apt-get install --no-install-recommends chromium" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "test browser: $CHROMIUM is missing and this system has no apt-get;" \
    "install Chromium so that it is at $CHROMIUM" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
if [ ! -x "$CHROMIUM" ]; then
  echo "test browser: apt-get installed chromium but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "test browser: installed $CHROMIUM"
