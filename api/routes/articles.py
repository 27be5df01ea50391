"""Articles: list, read with everything extracted, ingest, delete."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Response, status

from api.deps import DBDep, SettingsDep
from api.errors import error_responses
from api.models import ArticleDetail, ArticleIn, ArticleList, Ingested
from api.params import MAX_TEXT, ArticleIdP, LimitQ, OffsetQ, SinceQ, UntilQ
from api.runtime import ingest_article
from graph.reader import find_articles, read_article
from graph.writer import delete_article
from schema.errors import Forbidden, NotFound, Unauthorized

router = APIRouter(prefix="/articles", tags=["articles"])


def require_api_key(
    settings: SettingsDep,
    x_api_key: Annotated[str | None, Header(max_length=1000, description="The API key (KG_API_KEY)")] = None,
) -> None:
    """Writes need KG_API_KEY configured and sent as X-API-Key (compared in constant time)."""
    if not settings.api_key:
        raise Forbidden("writes are disabled: no API key is configured (set KG_API_KEY)")
    if not x_api_key:
        raise Unauthorized("this endpoint needs an API key in the X-API-Key header")
    if not hmac.compare_digest(x_api_key.encode("utf-8"), settings.api_key.encode("utf-8")):
        raise Forbidden("the API key is not valid")


WriteAccess = Depends(require_api_key)


@router.get("", response_model=ArticleList, summary="Articles, by publication date",
            responses=error_responses(422))
def read_articles(
    db: DBDep,
    since: SinceQ = None,
    until: UntilQ = None,
    source: Annotated[str | None, Query(max_length=MAX_TEXT, description="Only this outlet")] = None,
    limit: LimitQ = 100,
    offset: OffsetQ = 0,
) -> ArticleList:
    page = find_articles(db, since=since, until=until, source=source, limit=limit, offset=offset)
    return ArticleList(count=len(page.items), total=page.total,
        total_is_lower_bound=page.total_is_lower_bound, limit=limit, offset=offset, data=page.items)


@router.get("/{article_id}", response_model=ArticleDetail, summary="An article and all that was extracted",
            responses=error_responses(404, 422))
def read_article_detail(db: DBDep, article_id: ArticleIdP) -> ArticleDetail:
    """Metadata, the text the offsets index, and its entities, statements, relations and claims,
    with the syndicated copies of it (`appearances`). The id of a copy answers its report (200,
    not a redirect: the copy's id stays a stable, readable address) with `appearance_of` set."""
    return ArticleDetail(**read_article(db, article_id))


@router.post("", response_model=Ingested, status_code=status.HTTP_201_CREATED,
             dependencies=[WriteAccess], summary="Ingest an article (needs the API key)",
             responses={200: {"model": Ingested, "description": "The text was already loaded: "
                              "`updated` says whether this post changed its metadata"},
                        **error_responses(401, 403, 422)})
def create_article(db: DBDep, settings: SettingsDep, body: ArticleIn, response: Response) -> Ingested:
    """Extract the article and write its graph in one transaction (201).

    The same text again answers 200: with the same metadata nothing changes (`updated: false`);
    with other metadata (title, source, url, published) the article takes the posted values and
    the answer says so (`updated: true`, `changed: {field: [old, new]}`); statements are re-dated
    only when `published` changed (`redated`). A syndicated copy of a stored report (the same
    story from another site) is kept as an appearance of it and adds no facts (`copy_of`).
    Refused articles (empty, binary, too large, not English...) get 422 with the reason."""
    graph, summary = ingest_article(db, body.text, max_bytes=settings.max_article_bytes,
                                    max_chars=settings.max_article_chars,
                                    budget_s=settings.extract_budget_s,
                                    title=body.title, url=body.url, published=body.published,
                                    source=body.source, markup=body.format)
    if not summary.created:
        response.status_code = status.HTTP_200_OK
    return Ingested(article_id=graph.article.id, created=summary.created,
                    updated=bool(summary.changed), changed=summary.changed,
                    redated=summary.redated, copy_of=summary.copy_of, extraction=graph.to_json())


@router.delete("/{article_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=[WriteAccess],
               summary="Delete an article and the facts only it supported (needs the API key)",
               responses=error_responses(401, 403, 404, 422))
def delete_article_by_id(db: DBDep, article_id: ArticleIdP) -> Response:
    """Facts other articles also support stay. A report's syndicated copies go with it; the id
    of a copy deletes only that appearance."""
    if not delete_article(db, article_id):
        raise NotFound(f"no article with id {article_id!r}")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
