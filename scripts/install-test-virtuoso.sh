#!/usr/bin/env bash
# Install the Virtuoso server the store tests start (tests/virtuoso_fixtures.py): `virtuoso-t`
# and `isql-vt` from Debian's virtuoso-opensource-7-bin (7.2.5; about 8 s here, with
# `apt-get update`). Does nothing when both are on PATH already; installing needs root.
set -euo pipefail
if command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null; then
  exit 0
fi
if [ "$EUID" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "install-test-virtuoso: virtuoso-t is missing; as root on Debian or Ubuntu run: apt-get install --no-install-recommends virtuoso-opensource-7-bin" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin >/dev/null
command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null
