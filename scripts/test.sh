#!/usr/bin/env bash
# The whole test suite against a real Neo4j: set up if needed, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
KG_WITH_BROWSER=1 bash scripts/bootstrap.sh
exec .venv/bin/python -m pytest "$@"
