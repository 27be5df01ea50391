"""Dependencies the routes declare."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.settings import Settings
from graph.connection import GraphDB


def get_db(request: Request) -> GraphDB:
    return request.app.state.db


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


DBDep = Annotated[GraphDB, Depends(get_db)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
