"""The FastAPI application."""

from __future__ import annotations

from fastapi import FastAPI

from api.errors import install_error_handlers
from api.routes import actors, explorer, health
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
    app.include_router(health.router)
    app.include_router(actors.router)
    app.include_router(explorer.router)
    return app
