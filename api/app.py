"""The FastAPI application."""

from __future__ import annotations

from fastapi import FastAPI

from api.errors import install_error_handlers
from api.routes import actors, articles, claims, cypher, explorer, graph, health, statements
from api.settings import Settings
from graph.connection import GraphDB


def create_app(settings: Settings, db: GraphDB) -> FastAPI:
    """An app serving `db`. The caller owns the driver's lifetime."""
    app = FastAPI(
        title="News knowledge graph",
        description="Who is involved in the news, and who said, confirmed or denied what.",
        version="0.1.0",
    )
    app.state.settings = settings
    app.state.db = db
    install_error_handlers(app)
    for module in (health, actors, statements, claims, articles, cypher, graph, explorer):
        app.include_router(module.router)
    return app
