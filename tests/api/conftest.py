from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.writer import upsert_article
from tests.api.client import BASE_URL
from tests.graph.factories import sample_graph


@pytest.fixture
def client(db):
    """An API client over the real test database holding two small hand-made articles."""
    upsert_article(db, sample_graph("art-a"))
    upsert_article(db, sample_graph("art-b"))
    with TestClient(base_url=BASE_URL, app=create_app(Settings(), db), raise_server_exceptions=False) as c:
        yield c
