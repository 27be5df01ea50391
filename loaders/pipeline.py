"""One article in, one ArticleGraph out: language check, metadata, NLP, entities, resolution,
statements, relations."""

from __future__ import annotations

from loaders.entities import extract_mentions
from loaders.ids import article_id
from loaders.language import check_english, foreign_blocks
from loaders.metadata import find_published, find_title
from loaders.nlp import load_nlp
from loaders.read import SourceDoc
from loaders.relations import extract_relations
from loaders.resolve import resolve_mentions
from loaders.statements import extract_statements
from schema.records import ArticleGraph, ArticleRecord


def extract_article(doc: SourceDoc) -> ArticleGraph:
    """Extract the graph of one article.

    Metadata missing from `doc` is looked for in the text (conservatively). Every statement's
    speaker/about/source and every relation's ends are ids of entities in the result.
    Raises InvalidArticle(reason='not_english') for non-English text. An English article with no
    statements is fine: its graph has entities only.
    """
    text = doc.text
    check_english(text, doc.path)
    published = doc.published or find_published(text)
    art = ArticleRecord(
        id=article_id(text), path=doc.path, title=doc.title or find_title(text),
        published=published, source=doc.source, text=text, url=doc.url,
    )
    parsed = load_nlp()(text)
    skip = foreign_blocks(text)
    mentions = extract_mentions(parsed, skip)
    table = resolve_mentions(parsed, mentions)
    statements = extract_statements(parsed, mentions, table, art.id, skip)
    relations = extract_relations(parsed, mentions, art.id, published, skip)
    used = {s.speaker for s in statements} | {a for s in statements for a in s.about}
    used |= {s.source for s in statements if s.source} | {r.source for r in relations} | {r.target for r in relations}
    return ArticleGraph(
        article=art, entities=table.records(used),
        statements=tuple(statements), relations=tuple(relations),
    )


def extract_text(text: str, path: str = "<text>", **metadata: str | None) -> ArticleGraph:
    """`extract_article` for a bare string; keyword metadata: title, published, source, url."""
    return extract_article(SourceDoc(text=text, path=path, **metadata))
