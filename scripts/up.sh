#!/usr/bin/env bash
# The main job: set up if needed, then Neo4j up, seeds loaded, API and explorer served (kg up).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/kg up "$@"
