"""Dependencies the routes declare."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.settings import Settings
from graph.connection import GraphDB
from graph.cypher import CypherRunner


def get_db(request: Request) -> GraphDB:
    return request.app.state.db


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_cypher_runner(request: Request) -> CypherRunner:
    """The app's one Cypher runner: it holds the concurrency slots."""
    return request.app.state.cypher_runner


DBDep = Annotated[GraphDB, Depends(get_db)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
CypherRunnerDep = Annotated[CypherRunner, Depends(get_cypher_runner)]
