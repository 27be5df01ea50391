"""POST /cypher: read-only Cypher for researchers who cannot reach Bolt."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CypherRunnerDep
from api.models import CypherIn, CypherOut

router = APIRouter(tags=["cypher"])


@router.post("/cypher", response_model=CypherOut, summary="Run read-only Cypher with parameters")
def create_cypher_query(runner: CypherRunnerDep, body: CypherIn) -> CypherOut:
    """Reads the graph and nothing else. Refused before running, with 400 `query_rejected` and
    a `reason`: LOAD CSV, writes, schema and admin commands, SHOW, TERMINATE, USE,
    CALL { } IN TRANSACTIONS, EXPLAIN/PROFILE prefixes, procedures other than db.labels,
    db.relationshipTypes, db.propertyKeys, db.schema.* and db.index.fulltext.query*, plugin
    functions, queries longer than KG_CYPHER_MAX_QUERY_CHARS or nested deeper than
    KG_CYPHER_MAX_NESTING, and parameters that are not 64-bit integers, finite floats,
    strings, booleans, lists or maps. Past KG_CYPHER_TIMEOUT_S: 400 `query_timeout`, and the
    transaction is ended. More than KG_CYPHER_MAX_CONCURRENT at once: 429 with Retry-After.
    At most KG_CYPHER_MAX_ROWS rows and KG_CYPHER_MAX_RESPONSE_BYTES bytes come back
    (`truncated`, `truncated_reason`). Nodes come back as {labels, properties},
    relationships as {type, start, end, properties}."""
    result = runner.run(body.query, body.parameters)
    return CypherOut(columns=result.columns, rows=result.rows, count=len(result.rows),
                     truncated=result.truncated, truncated_reason=result.truncated_reason)
