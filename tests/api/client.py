"""How tests reach the app: TestClient's own Host ("testserver") is not one the API answers."""

BASE_URL = "http://127.0.0.1"  # in KG_ALLOWED_HOSTS' default
