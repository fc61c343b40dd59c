#!/usr/bin/env bash
# Installs the system tools the tests need that a fresh Debian machine lacks:
# Debian's chromium (browser tests) and hugo (the demo site). As root it installs them
# with apt-get; otherwise it names the exact command and fails.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "Installing ${missing[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "gd-widgets needs ${missing[*]}. Install with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
