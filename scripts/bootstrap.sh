#!/usr/bin/env bash
# Set-up shared by scripts/up.sh and scripts/test.sh; safe to run again (it skips what is done).
#  - Java 17 JDK and Maven from Debian when missing (the local Neo4j is built from Maven Central)
#  - with KG_WITH_BROWSER=1 (scripts/test.sh): Debian's chromium and chromium-driver, for the
#    explorer's browser tests
#  - .venv/ with the hashed, pinned dependencies of requirements.lock and this project (editable)
#  - Neo4j's jars in .neo4j/lib, fetched once (skipped when NEO4J_URI points at another server)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[bootstrap] %s\n' "$*" >&2; }

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
if [ "${KG_WITH_BROWSER:-0}" = 1 ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    say "missing ${missing[*]} and not root: install them with apt-get, then run this again"; exit 1
  fi
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  say "installing ${missing[*]} from Debian"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends \
    $(printf '%s\n' "${missing[@]}" | sort -u)
fi

PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null 2>&1 || PY=python3
"$PY" -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' 2>/dev/null || {
  say "Python 3.11 is required (found: $("$PY" --version 2>&1))"; exit 1; }

stamp=.venv/.installed
want=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "creating .venv and installing the pinned dependencies"
  "$PY" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements.lock
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
fi

if [ -z "${NEO4J_URI:-}" ]; then
  .venv/bin/kg neo4j install >/dev/null
fi
