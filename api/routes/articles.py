"""Articles: list, read with everything extracted, ingest, delete."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Response, status

from api.deps import DBDep, SettingsDep
from api.models import ArticleDetail, ArticleIn, ArticleList, Ingested
from api.params import LimitQ, OffsetQ, SinceQ, UntilQ, iso
from api.runtime import ingest_article
from api.settings import Settings
from graph.reader import find_articles, read_article
from graph.writer import delete_article
from schema.errors import Forbidden, NotFound, Unauthorized

router = APIRouter(prefix="/articles", tags=["articles"])

ArticleId = Annotated[str, Path(description="Article id", examples=["art-d8b006067b1b92de"])]


def require_api_key(
    settings: SettingsDep,
    x_api_key: Annotated[str | None, Header(description="The API key (KG_API_KEY)")] = None,
) -> None:
    """Writes need KG_API_KEY configured and sent as X-API-Key."""
    if not settings.api_key:
        raise Forbidden("writes are disabled: no API key is configured (set KG_API_KEY)")
    if not x_api_key:
        raise Unauthorized("this endpoint needs an API key in the X-API-Key header")
    if x_api_key != settings.api_key:
        raise Forbidden("the API key is not valid")


WriteAccess = Depends(require_api_key)


@router.get("", response_model=ArticleList, summary="Articles, by publication date")
def read_articles(
    db: DBDep,
    since: SinceQ = None,
    until: UntilQ = None,
    source: Annotated[str | None, Query(description="Only this outlet")] = None,
    limit: LimitQ = 100,
    offset: OffsetQ = 0,
) -> ArticleList:
    page = find_articles(db, since=iso(since), until=iso(until), source=source, limit=limit, offset=offset)
    return ArticleList(count=len(page.items), total=page.total, limit=limit, offset=offset, data=page.items)


@router.get("/{article_id}", response_model=ArticleDetail, summary="An article and all that was extracted")
def read_article_detail(db: DBDep, article_id: ArticleId) -> ArticleDetail:
    """Metadata, the text the offsets index, and its entities, statements, relations and claims."""
    return ArticleDetail(**read_article(db, article_id))


@router.post("", response_model=Ingested, status_code=status.HTTP_201_CREATED,
             dependencies=[WriteAccess], summary="Ingest an article (needs the API key)")
def create_article(db: DBDep, settings: SettingsDep, body: ArticleIn, response: Response) -> Ingested:
    """Extract the article and write its graph in one transaction. The same text again changes
    nothing (200 instead of 201). Refused articles (empty, binary, too large, not English...) get
    422 with the reason."""
    graph, created = ingest_article(db, body.text, max_bytes=settings.max_article_bytes,
                                    max_chars=settings.max_article_chars,
                                    budget_s=settings.extract_budget_s,
                                    title=body.title, url=body.url,
                                    published=iso(body.published), source=body.source,
                                    markup=body.format)
    if not created:
        response.status_code = status.HTTP_200_OK
    return Ingested(article_id=graph.article.id, created=created, extraction=graph.to_json())


@router.delete("/{article_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=[WriteAccess],
               summary="Delete an article and the facts only it supported (needs the API key)")
def delete_article_by_id(db: DBDep, article_id: ArticleId) -> Response:
    """Facts other articles also support stay."""
    if not delete_article(db, article_id):
        raise NotFound(f"no article with id {article_id!r}")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
