"""POST /cypher: read-only Cypher for researchers who cannot reach Bolt."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import DBDep, SettingsDep
from api.models import CypherIn, CypherOut
from graph.cypher import run_read_cypher

router = APIRouter(tags=["cypher"])


@router.post("/cypher", response_model=CypherOut, summary="Run read-only Cypher with parameters")
def create_cypher_query(db: DBDep, settings: SettingsDep, body: CypherIn) -> CypherOut:
    """Runs in a read transaction with a timeout (KG_CYPHER_TIMEOUT_S) and returns at most
    KG_CYPHER_MAX_ROWS rows. Writes, syntax errors and timeouts come back as 400 with Neo4j's
    message. Nodes come back as {labels, properties}, relationships as {type, start, end,
    properties}."""
    result = run_read_cypher(db, body.query, body.parameters, settings.cypher_max_rows,
                             settings.cypher_timeout_s)
    return CypherOut(columns=result.columns, rows=result.rows, count=len(result.rows),
                     truncated=result.truncated)
