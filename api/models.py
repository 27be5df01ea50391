"""Response and request models: what the API promises, kept apart from how the graph stores it."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from api.params import Day


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


class EntityRef(BaseModel):
    id: str = Field(examples=["person:lloyd-austin"])
    name: str = Field(examples=["Lloyd Austin"])
    type: str = Field(examples=["Person"])


class ArticleRef(BaseModel):
    id: str = Field(examples=["art-d8b006067b1b92de"])
    title: str | None = None
    published: str | None = Field(None, examples=["2024-10-30"])
    dateline: str | None = Field(None, description="Month and day of a dateline without a year, when "
                                 "no publication date is known", examples=["--10-24"])
    source: str | None = Field(None, description="Outlet", examples=["EL PAÍS"])
    path: str | None = None
    url: str | None = None


class Listing(BaseModel):
    count: int = Field(description="Items in this page")
    total: int = Field(description="Items matching the filters, over all pages: exact unless "
                                   "`total_is_lower_bound`")
    total_is_lower_bound: bool = Field(
        False, description="Counting stopped after 5,000 rows (a hub's statements under filters that "
                           "its degrees cannot count): at least `total` items match, maybe more")
    limit: int
    offset: int


class ActorSummary(EntityRef):
    aliases: list[str] = Field(examples=[["Austin", "Lloyd Austin"]])
    wikidata: str | None = Field(None, examples=["Q5190"])
    statements: int = Field(description="Statements the actor made")


class ActorList(Listing):
    data: list[ActorSummary]


class Mention(BaseModel):
    article_id: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    aliases: list[str] = Field(description="The forms this article used for the actor")
    count: int | None = None
    alias_rules: list[str] | None = Field(None, description="How each form was joined to the actor")


class Connected(EntityRef):
    weight: int = Field(description="Statements and relations linking the two actors")


class Actor(ActorSummary):
    description: str | None = Field(None, description="Roles with dates, from the actor dictionary")
    sizes: list[str] = Field(default_factory=list, description="Stated sizes, for units")
    statements_by_kind: dict[str, int] = Field(examples=[{"said": 12, "confirmed": 1, "denied": 0}])
    mentions: list[Mention] = Field(description="Articles that mention the actor, with the forms used: "
                                                "the first 100 in publication order")
    mentions_total: int = Field(0, description="Articles that mention the actor, all of them (exact)")
    connected: list[Connected] = Field(description="The actors it is most connected to, counted within "
                                                   "500 of its statements, 500 statements about "
                                                   "it and 500 of its relations")
    connected_complete: bool = Field(True, description="The actor has no more than 500 edges of each "
                                                       "kind, so `connected` counted all of them")


class Statement(BaseModel):
    id: str
    kind: Literal["said", "confirmed", "denied"]
    verb: str = Field(examples=["confirmed"])
    quote: str | None = None
    sentence: str
    start: int = Field(description="Code-point offset of the sentence in the article text")
    end: int
    direct: bool | None = Field(None, description="The speaker's own words are quoted")
    hedged: bool | None = Field(None, description='"reportedly", "allegedly"')
    cue: str | None = None
    published: str | None = Field(None, description="The article's publication date")
    date: str | None = Field(None, description="The statement's date: its own, else the article's")
    speaker: EntityRef
    about: list[EntityRef]
    source: EntityRef | None = Field(None, description='Whom the speaker cites ("X, citing Y")')
    article: ArticleRef


class StatementList(Listing):
    data: list[Statement]


class ActorStatements(StatementList):
    actor: ActorSummary


class Claim(BaseModel):
    id: str
    value: int = Field(examples=[12000])
    text: str = Field(examples=["some 12,000"])
    measure: str = Field(examples=["sent"], description="sent|present|killed|wounded|casualties|captured|other")
    what: str = Field(examples=["North Korean troops"])
    sentence: str
    start: int
    end: int
    published: str | None = None
    date: str | None = None
    claimed_by: EntityRef | None = None
    unit: EntityRef | None = None
    article: ArticleRef


class ClaimList(Listing):
    data: list[Claim]


class Timeline(BaseModel):
    about: EntityRef | None = None
    q: str | None = None
    statements: list[Statement] = Field(description="Who said, confirmed or denied what, by date")
    claims: list[Claim] = Field(description="Quantity claims, by date")


class ArticleSummary(ArticleRef):
    entities: int
    statements: int
    claims: int


class ArticleList(Listing):
    data: list[ArticleSummary]


class ArticleEntity(BaseModel):
    id: str
    name: str
    type: str
    wikidata: str | None = None
    aliases: list[str]
    count: int | None = None
    alias_rules: list[str] | None = None


class Relation(BaseModel):
    id: str
    type: str = Field(examples=["DEPLOYED_TO"])
    source: str
    target: str
    sentence: str
    start: int
    end: int
    date: str | None = None
    claimed_by: str | None = Field(None, description="Entity id of who the sentence says reports it")
    hedged: bool = Field(False, description='"reportedly", "allegedly": the article does not vouch for it')


class Appearance(BaseModel):
    """A syndicated copy of a report: the same story as published on another site."""

    id: str = Field(description="The copy's own article id (the hash of its text)")
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    path: str | None = None
    loaded_at: str | None = Field(None, description="When the copy was first loaded (UTC)")


class ArticleDetail(ArticleRef):
    appearance_of: str | None = Field(
        None, description="Set when the id asked for is a syndicated copy: the id of the report "
        "it appears under, which is the article answered (the copy is among `appearances`)")
    appearances: list[Appearance] = Field(
        default_factory=list, description="Syndicated copies of this report on other sites; their "
        "statements are this article's, counted once")
    text: str = Field(description="The article text the offsets index (markup and boilerplate blanked)")
    entities: list[ArticleEntity]
    statements: list[Statement]
    relations: list[Relation]
    claims: list[Claim]


class ArticleIn(BaseModel):
    """An article to ingest. Unknown fields are refused, so a misspelt one is not silently lost."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "text": "SEOUL, Nov 4 (Example Wire) - South Korea's defence ministry said on Monday that "
                "North Korean troops had been sent to Russia's Kursk region.",
        "source": "Example Wire", "published": "2024-11-04"}]})

    text: str = Field(min_length=1, description="The article text (plain, Markdown or HTML); "
                      "larger than KG_MAX_ARTICLE_BYTES is refused as too_large")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    published: Day | None = Field(None, examples=["2024-11-04"])
    source: str | None = Field(None, max_length=200, examples=["Reuters"])
    format: Literal["text", "markdown", "html"] = "text"


class Ingested(BaseModel):
    article_id: str
    created: bool = Field(description="True when the article was not in the graph before (201)")
    updated: bool = Field(description="True when the article was there and this post changed its "
                          "metadata (200); false with created false: nothing changed")
    changed: dict[str, list[Any]] = Field(
        default_factory=dict, examples=[{"source": ["Example Wire", "Reuters"]}],
        description="Each field this post changed, as [old, new]; for `text` (the same text posted "
        "with another `format`) the lengths in characters")
    redated: int = Field(0, description="Statements whose date changed because `published` did")
    copy_of: str | None = Field(None, description="The text is a syndicated copy of this stored "
                                "report: it was kept as one of its appearances, and adds no facts")
    extraction: dict[str, Any] = Field(description="What was extracted, as `kg extract --format json`")


class CypherIn(BaseModel):
    query: str = Field(min_length=1, examples=[
        "MATCH (p:Person)-[:SAID]->(s:Statement) RETURN p.name AS speaker, count(s) AS n ORDER BY n DESC LIMIT 5"])
    parameters: dict[str, Any] = Field(default_factory=dict, examples=[{}])


class CypherOut(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    count: int
    truncated: bool = Field(description="True when a cap cut the result")
    truncated_reason: Literal["max_rows", "max_bytes"] | None = Field(
        None, description="Which cap: KG_CYPHER_MAX_ROWS or KG_CYPHER_MAX_RESPONSE_BYTES")


class GraphNode(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str] | None = None


class GraphEdge(BaseModel):
    source: str
    target: str
    type: str = Field(examples=["SAID"])
    label: str = Field(examples=["said"])
    statement: str | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    article_id: str | None = None
    date: str | None = None


class GraphOut(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class ErrorProblem(BaseModel):
    where: str = Field(examples=["query.limit"])
    problem: str = Field(examples=["Input should be less than or equal to 1000"])


class ErrorInfo(BaseModel):
    status: int = Field(examples=[404])
    code: str = Field(examples=["not_found"], description="Stable, machine-readable")
    message: str = Field(examples=["no actor with id 'person:nobody'"])
    reason: str | None = Field(None, description="Why an article was refused (422)",
                               examples=["too_large"])
    details: list[ErrorProblem] | None = Field(None, description="Each invalid parameter (422)")


class ErrorOut(BaseModel):
    """The one error body every endpoint answers with."""

    error: ErrorInfo
