"""Response models: what the API promises, kept apart from how the graph stores it."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Counts(BaseModel):
    nodes: int
    relationships: int
    articles: int
    statements: int
    entities: int


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    neo4j: str = Field(description="Bolt URI in use", examples=["bolt://127.0.0.1:7687"])
    counts: Counts


class ActorSummary(BaseModel):
    id: str = Field(examples=["person:lloyd-austin"])
    name: str = Field(examples=["Lloyd Austin"])
    type: str = Field(examples=["Person"])
    aliases: list[str] = Field(examples=[["Lloyd Austin", "Austin"]])
    statements: int = Field(description="Statements the actor made")


class ActorList(BaseModel):
    count: int
    data: list[ActorSummary]


class Mention(BaseModel):
    article_id: str
    aliases: list[str]
    count: int | None = None


class Actor(ActorSummary):
    sizes: list[str] = Field(default_factory=list, description="Stated sizes, for units")
    mentions: list[Mention] = Field(description="Articles that mention the actor, with the forms used")


class EntityRef(BaseModel):
    id: str
    name: str
    type: str


class ArticleRef(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    path: str | None = None
    url: str | None = None


class Statement(BaseModel):
    id: str
    kind: str = Field(examples=["said"])
    verb: str = Field(examples=["said"])
    quote: str | None = None
    sentence: str
    start: int = Field(description="Code-point offset of the sentence in the article text")
    end: int
    direct: bool | None = None
    published: str | None = None
    cue: str | None = None
    about: list[EntityRef]
    article: ArticleRef


class ActorStatements(BaseModel):
    actor: ActorSummary
    count: int
    data: list[Statement]
