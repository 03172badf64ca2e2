#!/usr/bin/env bash
# Installs the Debian 12 packages evident needs to build and test. Idempotent:
# apt-get runs only when something is missing. Needs root (or sudo).
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config
  libicu-dev libre2-dev libyaml-cpp-dev libboost-program-options-dev
  catch2 nlohmann-json3-dev
  python3-dask python3-distributed python3-pytest
  chromium  # headless, for tests/browser/run_browser.sh (the HTML report)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
