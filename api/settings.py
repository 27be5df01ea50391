"""The one settings object, read from environment variables at the entry point."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from graph.cypher import CypherLimits
from graph.local_server import LocalServerConfig

_PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Configuration of the service. Every field is an environment variable (see the README)."""

    model_config = SettingsConfigDict(env_prefix="KG_", extra="ignore")

    neo4j_uri: str | None = Field(
        None, validation_alias=AliasChoices("NEO4J_URI"),
        description="Bolt URI of an existing Neo4j; unset: the project's local server is used.")
    neo4j_user: str | None = Field(
        None, validation_alias=AliasChoices("NEO4J_USER"),
        description="User for NEO4J_URI (unset: no auth); the local server uses its own user.")
    neo4j_password: str | None = Field(
        None, validation_alias=AliasChoices("NEO4J_PASSWORD"),
        description="Password for NEO4J_URI; the local server's is generated in HOME/.neo4j/password.")
    neo4j_database: str = Field(
        "neo4j", validation_alias=AliasChoices("NEO4J_DATABASE"),
        description="Database name.")
    home: Path = Field(
        _PROJECT_ROOT, description="Project folder: the local server lives in HOME/.neo4j.")
    neo4j_bolt_port: int = Field(7687, description="Bolt port of the local server.")
    neo4j_http_port: int = Field(7474, description="HTTP port of the local server (Neo4j Browser).")
    neo4j_heap: str = Field("1g", description="Java heap of the local server, e.g. 1g.")
    neo4j_pagecache_mb: int = Field(512, description="Page cache of the local server in MiB.")
    neo4j_start_timeout_s: float = Field(180.0, description="Seconds to wait for the local server.")
    read_timeout_s: float = Field(10.0, description="Timeout of each read transaction, seconds.")
    max_article_bytes: int = Field(
        2_000_000, gt=0, description="Article files (and API bodies) of more bytes are refused.")
    max_article_chars: int = Field(
        200_000, gt=0,
        description="Articles of more characters are refused (too_large) before parsing.")
    extract_budget_s: float = Field(
        60.0, gt=0,
        description="Seconds one article's extraction may take; over it, refused (too_complex).")
    seeds_dir: Path | None = Field(None, description="Articles `kg up` loads (default HOME/seeds).")
    api_host: str = Field("127.0.0.1", description="Address the API binds to.")
    api_port: int = Field(8000, description="Port the API listens on.")
    explorer_max_nodes: int = Field(300, description="Most entities the explorer page draws.")
    api_key: str | None = Field(
        None, description="Key for POST/DELETE /articles (X-API-Key header); unset: writes disabled.")
    allowed_hosts: Annotated[list[str] | None, NoDecode] = Field(
        None, description="Host header values the API answers (comma-separated; `*`: any); "
        "unset: 127.0.0.1, localhost, ::1 and KG_API_HOST.")
    cypher_max_rows: int = Field(1000, ge=1, description="Most rows POST /cypher returns.")
    cypher_timeout_s: float = Field(
        10.0, gt=0, description="Timeout of a POST /cypher query, seconds; the answer comes "
                                "within about a second more, and Neo4j's transaction is ended.")
    cypher_max_concurrent: int = Field(
        4, ge=1, description="POST /cypher queries running at once; beyond it 429 with Retry-After.")
    cypher_max_response_bytes: int = Field(
        2_000_000, ge=1000, description="Most bytes of rows POST /cypher returns (then truncated).")
    cypher_max_query_chars: int = Field(
        10_000, ge=1, description="Longest POST /cypher query accepted, characters.")
    cypher_max_nesting: int = Field(
        20, ge=1, description="Deepest bracket nesting accepted in a POST /cypher query.")
    cypher_max_parameter_bytes: int = Field(
        1_000_000, ge=1, description="Largest POST /cypher parameters accepted, bytes of JSON.")

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value: object) -> object:
        if isinstance(value, str):
            return [h.strip() for h in value.split(",") if h.strip()]
        return value

    def trusted_hosts(self) -> list[str]:
        """Host names (no port, lower case) the API answers; `*` in the list allows any."""
        hosts = self.allowed_hosts or ["127.0.0.1", "localhost", "::1", self.api_host]
        return sorted({h.lower().strip("[]") for h in hosts})

    def cypher_limits(self) -> CypherLimits:
        """The KG_CYPHER_* settings as the Cypher runner's limits."""
        return CypherLimits(
            timeout_s=self.cypher_timeout_s,
            max_rows=self.cypher_max_rows,
            max_response_bytes=self.cypher_max_response_bytes,
            max_concurrent=self.cypher_max_concurrent,
            max_query_chars=self.cypher_max_query_chars,
            max_nesting=self.cypher_max_nesting,
            max_parameter_bytes=self.cypher_max_parameter_bytes,
        )

    def local_server(self) -> LocalServerConfig:
        """The project's local Neo4j server, as these settings describe it."""
        return LocalServerConfig(
            home=self.home / ".neo4j",
            bolt_port=self.neo4j_bolt_port,
            http_port=self.neo4j_http_port,
            heap=self.neo4j_heap,
            pagecache_mb=self.neo4j_pagecache_mb,
            start_timeout_s=self.neo4j_start_timeout_s,
        )

    @property
    def seeds(self) -> Path:
        return self.seeds_dir or self.home / "seeds"


def env_name(field: str) -> str:
    """The environment variable that sets a field."""
    info = Settings.model_fields[field]
    if info.validation_alias is not None:
        return info.validation_alias.choices[0]
    return f"KG_{field.upper()}"
