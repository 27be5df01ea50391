"""POST /cypher: read-only Cypher for researchers who cannot reach Bolt."""

from __future__ import annotations

import threading

from fastapi import APIRouter, Request

from api.models import CypherIn, CypherOut
from api.settings import Settings
from graph.cypher import CypherLimits, CypherRunner

router = APIRouter(tags=["cypher"])

_runner_lock = threading.Lock()


def cypher_limits(settings: Settings) -> CypherLimits:
    """The KG_CYPHER_* settings as the runner's limits."""
    return CypherLimits(
        timeout_s=settings.cypher_timeout_s,
        max_rows=settings.cypher_max_rows,
        max_response_bytes=settings.cypher_max_response_bytes,
        max_concurrent=settings.cypher_max_concurrent,
        max_query_chars=settings.cypher_max_query_chars,
        max_nesting=settings.cypher_max_nesting,
        max_parameter_bytes=settings.cypher_max_parameter_bytes,
    )


def get_cypher_runner(request: Request) -> CypherRunner:
    """The app's one runner, made on first use: it holds the concurrency slots."""
    state = request.app.state
    with _runner_lock:
        if getattr(state, "cypher_runner", None) is None:
            state.cypher_runner = CypherRunner(state.db, cypher_limits(state.settings))
        return state.cypher_runner


@router.post("/cypher", response_model=CypherOut, summary="Run read-only Cypher with parameters")
def create_cypher_query(request: Request, body: CypherIn) -> CypherOut:
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
    result = get_cypher_runner(request).run(body.query, body.parameters)
    return CypherOut(columns=result.columns, rows=result.rows, count=len(result.rows),
                     truncated=result.truncated, truncated_reason=result.truncated_reason)
