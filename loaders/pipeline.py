"""One article in, one ArticleGraph out: cleaning, language check, metadata, NLP, entities,
resolution, statements, relations, quantities.

The article's stored text is the cleaned text: the file's text with markup and boilerplate
blanked out, character for character, so offsets are offsets into the file as read."""

from __future__ import annotations

import time

from loaders.entities import extract_mentions
from loaders.ids import article_id
from loaders.clean import clean_article
from loaders.language import check_english
from loaders.metadata import find_dateline, find_published, find_source, find_title
from loaders.nlp import attach_check, parse_text
from loaders.ranges import CharRanges
from loaders.read import SourceDoc
from loaders.quantities import extract_quantities
from loaders.relations import extract_relations, one_per_pair
from loaders.resolve import resolve_mentions
from loaders.statements import extract_statements
from schema.errors import InvalidArticle
from schema.records import ArticleGraph, ArticleRecord


class Budget:
    """A time budget for one article's extraction, checked between stages and, through the
    parsed Doc's sentence iterator, inside every rule's loop over sentences."""

    def __init__(self, seconds: float | None, path: str):
        self.seconds = seconds
        self.path = path
        self.stage = "reading"
        self._deadline = None if seconds is None else time.monotonic() + seconds

    def enter(self, stage: str) -> None:
        """Check the budget, then record that `stage` runs."""
        self.check()
        self.stage = stage

    def check(self) -> None:
        """Raise InvalidArticle(reason='too_complex') once the budget is spent."""
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise InvalidArticle(
                "too_complex",
                f"extraction ran over its time budget of {self.seconds:g} s (while {self.stage}); "
                "nothing was written",
                self.path,
            )


def extract_article(doc: SourceDoc, *, max_chars: int | None = None,
                    budget_s: float | None = None) -> ArticleGraph:
    """Extract the graph of one article.

    Metadata missing from `doc` is looked for in the text (conservatively). Every statement's
    speaker/about/source and every relation's ends are ids of entities in the result.
    `max_chars` refuses longer texts before any work (InvalidArticle reason 'too_large');
    `budget_s` bounds the time spent (reason 'too_complex' once it is spent).
    Raises InvalidArticle(reason='not_english') for non-English text. An English article with no
    statements is fine: its graph has entities only.
    """
    if max_chars is not None and len(doc.text) > max_chars:
        raise InvalidArticle(
            "too_large", f"{len(doc.text):,} characters is more than the limit of {max_chars:,}", doc.path)
    budget = Budget(budget_s, doc.path)
    budget.enter("cleaning")
    cleaned = clean_article(doc.text, doc.markup)
    text = cleaned.text
    budget.enter("checking the language")
    check_english(cleaned.unmarked, doc.path)
    if not any(ch.isalpha() for ch in text):
        raise InvalidArticle("no_content", "nothing is left once boilerplate is removed", doc.path)
    furniture = [doc.text[a:b] for a, b, reason in cleaned.removed
                 if reason in ("page furniture", "byline")]
    meta_text = cleaned.unmarked
    published = doc.published or find_published(meta_text)
    month_day = None if published else find_dateline(meta_text)
    art = ArticleRecord(
        id=article_id(doc.text), path=doc.path, title=doc.title or find_title(meta_text),
        published=published, source=doc.source or find_source(meta_text, furniture),
        text=text, url=doc.url,
        dateline=f"--{month_day[0]:02d}-{month_day[1]:02d}" if month_day else None,
    )
    budget.enter("parsing")
    parsed = parse_text(text, budget.check)
    attach_check(parsed, budget.check)
    skip = CharRanges((a, b) for a, b, _ in cleaned.removed)
    budget.enter("finding entities")
    mentions = extract_mentions(parsed, skip)
    budget.enter("resolving entities")
    table = resolve_mentions(parsed, mentions, published=published)
    budget.enter("finding statements")
    statements = extract_statements(parsed, mentions, table, art.id, skip, published=published)
    budget.enter("finding relations")
    relations = one_per_pair(extract_relations(parsed, mentions, art.id, published, skip, table=table,
                                               statements=statements))
    budget.enter("finding quantities")
    quantities = extract_quantities(parsed, mentions, table, statements, art.id, published, skip)
    budget.enter("assembling the graph")
    used = {s.speaker for s in statements} | {a for s in statements for a in s.about}
    used |= {s.source for s in statements if s.source} | {x for r in relations for x in (r.source, r.target, r.claimed_by) if x}
    used |= {x for q in quantities for x in (q.claimed_by, q.unit) if x}
    return ArticleGraph(
        article=art, entities=table.records(used),
        statements=tuple(statements), relations=tuple(relations), quantities=tuple(quantities),
    )


def extract_text(text: str, path: str = "<text>", *, max_chars: int | None = None,
                 budget_s: float | None = None, **metadata: str | None) -> ArticleGraph:
    """`extract_article` for a bare string; keyword metadata: title, published, source, url."""
    return extract_article(SourceDoc(text=text, path=path, **metadata), max_chars=max_chars, budget_s=budget_s)
