"""Seeded synthetic news articles for benchmarks, each labelled as such in its first line.

One article is both a text (for the loaders) and the ArticleGraph an extraction of it would
give (20 entities, 15 statements, relations and a claim), so large corpora can be written
directly without running spaCy. Two hub actors, Russia and the Pentagon, are in every article;
the other people, states, places and units are drawn from pools with a skewed distribution, so
that some actors are in many articles and most in few.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

from schema.records import (
    ArticleGraph,
    ArticleRecord,
    EntityRecord,
    QuantityRecord,
    RelationRecord,
    StatementRecord,
)
from schema.vocabulary import EntityType, RelationType, StatementKind

LABEL = "SYNTHETIC BENCHMARK ARTICLE"
HUBS = (("Russia", EntityType.STATE), ("the Pentagon", EntityType.AGENCY))

_FIRST = ("John", "Maria", "David", "Anna", "James", "Elena", "Robert", "Sarah", "Michael", "Laura",
          "Thomas", "Julia", "Peter", "Claire", "Daniel", "Helen", "Mark", "Sofia", "Paul", "Emma",
          "Andrew", "Olga", "Richard", "Nina", "Steven", "Irene", "Kevin", "Alice", "George", "Martha")
_LAST = ("Miller", "Lopez", "Fischer", "Novak", "Carter", "Weber", "Hughes", "Kowalski", "Brennan",
         "Dubois", "Hansen", "Moreau", "Schneider", "Walsh", "Petrov", "Lindqvist", "Russo", "Tanaka",
         "Okafor", "Silva", "Jensen", "Murphy", "Bauer", "Costa", "Nielsen", "Horvat", "Fraser",
         "Keller", "Varga", "Stone", "Adams", "Bishop", "Coleman", "Dalton", "Ellis", "Foster",
         "Grant", "Harper", "Irwin", "Jordan")
_STATES = ("Ukraine", "Poland", "Germany", "France", "Japan", "South Korea", "North Korea", "China",
           "India", "Turkey", "Iran", "Brazil", "Canada", "Italy", "Spain", "Sweden", "Finland",
           "Norway", "Romania", "Hungary", "Austria", "Greece", "Egypt", "Israel", "Mexico",
           "Australia", "Vietnam", "Indonesia", "Kenya", "Nigeria")
_PLACES = ("Kursk", "Kharkiv", "Odesa", "Berlin", "Warsaw", "Seoul", "Tokyo", "Paris", "Vienna",
           "Ankara", "Cairo", "Madrid", "Rome", "Oslo", "Helsinki", "Lagos", "Nairobi", "Hanoi",
           "Jakarta", "Lima", "Quito", "Riga", "Vilnius", "Tallinn", "Prague", "Sofia", "Belgrade",
           "Zagreb", "Athens", "Lisbon", "Dublin", "Bucharest", "Budapest", "Minsk", "Tbilisi")
_ORDINALS = ("1st", "2nd", "3rd", "4th", "5th", "7th", "11th", "12th", "18th", "25th", "36th", "47th")
_UNIT_KINDS = ("Motor Rifle Brigade", "Marine Brigade", "Tank Division", "Artillery Regiment",
               "Airborne Battalion", "Infantry Brigade")
_TREATIES = ("Treaty of Riga", "Vienna Accord", "Black Sea Agreement", "Helsinki Pact",
             "Baltic Defence Treaty", "Kursk Protocol", "Lisbon Arms Accord", "Oslo Framework")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_START = date(2020, 1, 1)
_NON_WORD = re.compile(r"[^0-9a-z]+")


def _slug(name: str) -> str:
    return _NON_WORD.sub("-", name.lower()).strip("-")


def _skewed(rng: random.Random, pool: tuple | list, skew: float = 1.3):
    """An item drawn so that the first ones come up far more often than the last."""
    return pool[min(len(pool) - 1, int(len(pool) * rng.random() ** skew))]


class _Builder:
    """Collects sentences and the records they state, with offsets into the text."""

    def __init__(self, article_id: str):
        self.article_id = article_id
        self.parts: list[str] = []
        self.length = 0
        self.entities: dict[str, EntityRecord] = {}
        self.statements: list[StatementRecord] = []
        self.relations: list[RelationRecord] = []
        self.quantities: list[QuantityRecord] = []

    def entity(self, name: str, etype: EntityType) -> str:
        eid = f"{etype.value.lower()}:{_slug(name)}"
        old = self.entities.get(eid)
        self.entities[eid] = EntityRecord(eid, name, etype, (name,), (old.mentions if old else 0) + 1)
        return eid

    def sentence(self, text: str) -> tuple[str, int, int]:
        if self.parts and self.parts[-1] != "\n\n":
            self.parts.append(" ")
            self.length += 1
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return text, start, self.length

    def paragraph(self) -> None:
        self.parts.append("\n\n")
        self.length += 2

    def statement(self, speaker: str, kind: StatementKind, verb: str, sentence: tuple[str, int, int],
                  about: tuple[str, ...], quote: str | None = None) -> None:
        text, start, end = sentence
        self.statements.append(StatementRecord(
            f"st-{self.article_id}-{len(self.statements)}", speaker, kind, verb, quote, text, start,
            end, about, quote is not None))


def synthetic_article(i: int, seed: int = 0) -> ArticleGraph:
    """Article `i` of the corpus `seed`: its text and records, the same for the same arguments."""
    rng = random.Random(seed * 1_000_003 + i)
    article_id = f"art-bench-{seed}-{i:07d}"
    b = _Builder(article_id)
    published = (_START + timedelta(days=i % 1800)).isoformat()
    people = list(dict.fromkeys(f"{_skewed(rng, _FIRST)} {_skewed(rng, _LAST)}" for _ in range(8)))[:6]
    while len(people) < 6:
        people.append(f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {len(people)}")
    states = rng.sample(_STATES, 4)
    places = rng.sample(_PLACES, 4)
    units = [f"the {_skewed(rng, _ORDINALS)} {kind}" for kind in rng.sample(_UNIT_KINDS, 2)]
    treaty = rng.choice(_TREATIES)
    agency = f"the {states[0]} defence ministry"

    russia, pentagon = (b.entity(name, etype) for name, etype in HUBS)
    pid = [b.entity(p, EntityType.PERSON) for p in people]
    sid = [b.entity(s, EntityType.STATE) for s in states]
    plid = [b.entity(p, EntityType.PLACE) for p in places]
    uid = [b.entity(u.removeprefix("the "), EntityType.UNIT) for u in units]
    tid = b.entity(treaty, EntityType.TREATY)
    aid = b.entity(agency.removeprefix("the "), EntityType.AGENCY)

    b.sentence(f"{LABEL} {i} (generated by kg bench, seed {seed}; not news).")
    b.paragraph()
    day = rng.choice(_WEEKDAYS)
    for k in range(5):  # three statements a paragraph, fifteen in all
        p, q = pid[k % 6], pid[(k + 1) % 6]
        who, where, unit = people[k % 6], places[k % 4], units[k % 2]
        n = rng.randrange(1, 40) * 500
        s = b.sentence(f"{who} said on {day} that {unit} had been sent to {where}.")
        b.statement(p, StatementKind.SAID, "said", s, (uid[k % 2], plid[k % 4]))
        b.relations.append(RelationRecord(f"rel-{article_id}-{k}", RelationType.DEPLOYED_TO,
                                          uid[k % 2], plid[k % 4], *s))
        if k % 2:
            s = b.sentence(f"Russia denied that {states[k % 4]} had signed the {treaty}.")
            b.statement(russia, StatementKind.DENIED, "denied", s, (sid[k % 4], tid))
        else:
            s = b.sentence(f"The Pentagon confirmed that {n} soldiers from {states[k % 4]} were in "
                           f"{places[(k + 1) % 4]}.")
            b.statement(pentagon, StatementKind.CONFIRMED, "confirmed", s, (sid[k % 4], plid[(k + 1) % 4]))
            if k == 0:
                b.quantities.append(QuantityRecord(f"qty-{article_id}-{k}", n, str(n), "present",
                                                   "soldiers", *s, claimed_by=pentagon))
        quote = f"We are watching {places[(k + 2) % 4]} closely,"
        s = b.sentence(f'"{quote}" {people[(k + 1) % 6]} told reporters, citing {agency}.')
        b.statement(q, StatementKind.SAID, "told", s, (plid[(k + 2) % 4], aid), quote=quote)
        b.paragraph()
    text = "".join(b.parts).rstrip() + "\n"
    article = ArticleRecord(article_id, f"bench/{seed}/{i:07d}.txt", f"{LABEL} {i}", published,
                            "Bench Wire", text)
    return ArticleGraph(article=article, entities=tuple(b.entities.values()),
                        statements=tuple(b.statements), relations=tuple(b.relations),
                        quantities=tuple(b.quantities))
