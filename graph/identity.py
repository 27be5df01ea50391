"""One actor, one node across articles: before an article is written, its people and places are
matched against what the graph already holds, and an entity another article named more fully
(or spelled another way) takes that node's id.

Each rule is a small function, highest precision first; a join needs exactly one candidate, so
two people who share a surname are never merged. A join is this article's mention pointing at
the other node, recorded in the mention's alias rules ("joined across articles: ..."): deleting
the article removes the mention, which undoes the join.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from graph import queries
from graph.connection import GraphDB
from schema.names import slugify
from schema.records import ArticleGraph, EntityRecord
from schema.vocabulary import EntityType

# Romanisations that differ only in how they write a final i/y sound: Andrii, Andriy, Andriy;
# Zelenskyy, Zelensky, Zelenskiy. Both spellings name the same person in news copy.
_FINAL_IY = re.compile(r"(?<=[a-z])(?:iy|yy|ii|y|i)$")
_IY_ENDINGS = ("y", "iy", "ii", "yy", "i")
# Words that name the same place as the bare name: "Kursk", "Kursk region", "Kursk Oblast".
_REGION_WORDS = ("region", "oblast", "province", "governorate", "krai", "prefecture")
# A proper name: capitalised words, bar a region word (the loaders' unnamed speakers, "a senior
# official", are not).
_CAPITALISED = re.compile(r"^[A-Z][\w'’.-]*$")


def _is_proper(name: str) -> bool:
    words = name.split()
    return bool(words) and all(_CAPITALISED.match(w) or (i and w.lower() in _REGION_WORDS)
                               for i, w in enumerate(words))


@dataclass(frozen=True)
class Join:
    """`entity` of the article becomes the graph's `target`, by `rule`."""

    entity: str
    target: str
    rule: str


@dataclass(frozen=True)
class _Probe:
    """Ids to look up for one entity: exact ids that would be the same entity, or person ids
    ending in a surname."""

    entity: EntityRecord
    rule: str
    exact: tuple[str, ...] = ()
    suffix: str | None = None


_SURNAME_ONLY = "surname of the one person the graph has with it"
_ROMANISATION = "same name in another romanisation"
_FULL_NAME = "full name of a node made from the surname alone"
_SURNAME_CHECK = "others with this surname"  # never joins: makes the rule above safe
_REGION = "same place with or without its region word"


def _slug_tokens(entity_id: str) -> tuple[str, list[str]]:
    prefix, _, slug = entity_id.partition(":")
    return prefix, slug.split("-")


def _spellings(token: str) -> list[str]:
    if len(token) < 4 or not _FINAL_IY.search(token):
        return [token]
    stem = _FINAL_IY.sub("", token)
    return sorted({stem + ending for ending in _IY_ENDINGS})


def _person_probes(e: EntityRecord) -> list[_Probe]:
    prefix, tokens = _slug_tokens(e.id)
    if len(tokens) == 1:
        return [_Probe(e, _SURNAME_ONLY, suffix=f"-{s}") for s in _spellings(tokens[0])]
    if len(tokens) > 4:
        return []
    variants = tuple(f"{prefix}:{'-'.join(v)}" for v in itertools.product(*map(_spellings, tokens))
                     if list(v) != tokens)
    return [
        _Probe(e, _ROMANISATION, exact=variants),
        _Probe(e, _FULL_NAME, exact=tuple(f"{prefix}:{s}" for s in _spellings(tokens[-1]))),
        *(_Probe(e, _SURNAME_CHECK, suffix=f"-{s}") for s in _spellings(tokens[-1])),
    ]


def _place_probes(e: EntityRecord) -> list[_Probe]:
    prefix, tokens = _slug_tokens(e.id)
    base = tokens[:-1] if len(tokens) > 1 and tokens[-1] in _REGION_WORDS else tokens
    forms = {"-".join(base), *("-".join([*base, w]) for w in _REGION_WORDS)} - {"-".join(tokens)}
    return [_Probe(e, _REGION, exact=tuple(f"{prefix}:{f}" for f in sorted(forms)))]


_PROBES: dict[EntityType, Callable[[EntityRecord], list[_Probe]]] = {
    EntityType.PERSON: _person_probes,
    EntityType.PLACE: _place_probes,
}


def _name_slugs(entity: EntityRecord) -> set[str]:
    _, tokens = _slug_tokens(entity.id)
    return {"-".join(v) for v in itertools.product(*map(_spellings, tokens))}


# What find_joins asks of the graph: (entity ids, exact probes [{i, id}], suffix probes
# [{i, suffix}]) -> {stored: [ids held], exact: [{i, id, name}], suffixed: [{i, id, name}]}.
Lookup = Callable[[list[str], list[dict], list[dict]], dict]


def graph_lookup(db: GraphDB) -> Lookup:
    """The Lookup of a Neo4j database: one read query."""
    def lookup(ids: list[str], exact: list[dict], suffixes: list[dict]) -> dict:
        return db.read(queries.IDENTITY_CANDIDATES, ids=ids, exact=exact, suffixes=suffixes)[0]
    return lookup


class SeenEntities:
    """A Lookup over entities held in memory (the bulk importer's, as it goes)."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self._by_surname: dict[str, set[str]] = {}

    def add(self, entity_id: str, name: str) -> None:
        """Record an entity and its current name."""
        self.names[entity_id] = name
        prefix, _, slug = entity_id.partition(":")
        if prefix == EntityType.PERSON.value.lower() and "-" in slug:
            self._by_surname.setdefault("-" + slug.rsplit("-", 1)[1], set()).add(entity_id)

    def __call__(self, ids: list[str], exact: list[dict], suffixes: list[dict]) -> dict:
        return {
            "stored": [i for i in ids if i in self.names],
            "exact": [{**p, "name": self.names[p["id"]]} for p in exact if p["id"] in self.names],
            "suffixed": [{"i": p["i"], "id": x, "name": self.names[x]}
                         for p in suffixes for x in sorted(self._by_surname.get(p["suffix"], ()))],
        }


def _probes_of(graph: ArticleGraph) -> list[_Probe]:
    return [p for e in graph.entities if e.type in _PROBES and _is_proper(e.name)
            for p in _PROBES[e.type](e)]


class BatchLookup:
    """The Lookup for several articles written in order in one transaction: the database is
    asked once for every article's probes, and each article also sees the entities of the
    articles before it in the batch (`add`), as one write per article would."""

    def __init__(self, db: GraphDB, graphs: list[ArticleGraph]) -> None:
        self.seen = SeenEntities()
        probes = [p for g in graphs for p in _probes_of(g)]
        exact = sorted({x for p in probes for x in p.exact})
        suffixes = sorted({p.suffix for p in probes if p.suffix})
        ids = sorted({e.id for g in graphs for e in g.entities})
        row = graph_lookup(db)(ids, [{"i": 0, "id": x} for x in exact],
                               [{"i": i, "suffix": x} for i, x in enumerate(suffixes)])
        self._stored = set(row["stored"])
        self._names = {h["id"]: h["name"] for h in row["exact"]}
        self._suffixed: dict[str, dict[str, str]] = {}
        for h in row["suffixed"]:
            self._suffixed.setdefault(suffixes[h["i"]], {})[h["id"]] = h["name"]

    def add(self, graph: ArticleGraph) -> None:
        """Record an article of the batch as written."""
        for e in graph.entities:
            self.seen.add(e.id, e.name)

    def __call__(self, ids: list[str], exact: list[dict], suffixes: list[dict]) -> dict:
        mine = self.seen(ids, exact, suffixes)
        held = {h["id"] for h in mine["exact"]}
        for h in mine["exact"]:  # the stored name grows by the longest form, as writes derive it
            h["name"] = max((h["name"], self._names.get(h["id"]) or ""), key=len)
        return {
            "stored": sorted(set(mine["stored"]) | (set(ids) & self._stored)),
            "exact": mine["exact"] + [{**p, "name": self._names[p["id"]]} for p in exact
                                      if p["id"] in self._names and p["id"] not in held],
            "suffixed": mine["suffixed"] + [
                {"i": p["i"], "id": x, "name": n}
                for p in suffixes for x, n in self._suffixed.get(p["suffix"], {}).items()
                if x not in self.seen.names],
        }


def find_joins(lookup: Lookup, graph: ArticleGraph) -> list[Join]:
    """The joins of `graph`'s entities to nodes the graph holds (one lookup, no writes)."""
    probes = _probes_of(graph)
    if not probes:
        return []
    row = lookup([e.id for e in graph.entities],
                 [{"i": i, "id": x} for i, p in enumerate(probes) for x in p.exact],
                 [{"i": i, "suffix": p.suffix} for i, p in enumerate(probes) if p.suffix])
    own = {e.id for e in graph.entities}
    found: dict[int, dict[str, str]] = {}
    for hit in row["exact"] + row["suffixed"]:
        if hit["id"] not in own:
            found.setdefault(hit["i"], {})[hit["id"]] = hit["name"] or ""
    stored = set(row["stored"])
    by_entity: dict[str, list[tuple[int, _Probe]]] = {}
    for i, p in enumerate(probes):
        by_entity.setdefault(p.entity.id, []).append((i, p))

    joins: list[Join] = []
    taken: set[str] = set()
    for entity_id, entity_probes in by_entity.items():
        if entity_id in stored:
            continue  # already a node of the graph: that is its identity
        hits = {p.rule: {} for _, p in entity_probes}
        for i, p in entity_probes:
            hits[p.rule].update(found.get(i, {}))
        entity = entity_probes[0][1].entity
        target = _choose(entity, hits)
        if target and target[0] not in taken:
            taken.add(target[0])
            joins.append(Join(entity_id, target[0], target[1]))
    return joins


def _choose(entity: EntityRecord, hits: dict[str, dict[str, str]]) -> tuple[str, str] | None:
    """The one node `entity` is, by the first rule that finds exactly one, or None."""
    if len(hits.get(_ROMANISATION, {})) == 1:
        return next(iter(hits[_ROMANISATION])), _ROMANISATION
    if len(hits.get(_REGION, {})) == 1:
        return next(iter(hits[_REGION])), _REGION
    full_names = {i: n for i, n in hits.get(_SURNAME_ONLY, {}).items() if "-" in i.partition(":")[2]}
    if len(full_names) == 1:
        return next(iter(full_names)), _SURNAME_ONLY
    surname_nodes = hits.get(_FULL_NAME, {})
    if len(surname_nodes) == 1 and not hits.get(_SURNAME_CHECK):
        node, name = next(iter(surname_nodes.items()))
        # The surname-only node may have taken a full name from an earlier join: it must be this one.
        known = slugify(name)
        if "-" not in known or known in _name_slugs(entity):
            return node, _FULL_NAME
    return None


def apply_joins(graph: ArticleGraph, joins: list[Join]) -> ArticleGraph:
    """`graph` with each joined entity under its target's id, every reference renamed, and the
    rule added to that entity's alias rules."""
    if not joins:
        return graph
    to = {j.entity: j.target for j in joins}
    rule = {j.entity: j.rule for j in joins}

    def rename(entity_id: str | None) -> str | None:
        return to.get(entity_id, entity_id) if entity_id else entity_id

    entities = tuple(
        dataclasses.replace(e, id=to[e.id], alias_rules=tuple(sorted({
            *e.alias_rules, (e.name, f"joined across articles: {rule[e.id]} ({e.id} -> {to[e.id]})")})))
        if e.id in to else e
        for e in graph.entities
    )
    statements = tuple(dataclasses.replace(s, speaker=rename(s.speaker), source=rename(s.source),
                                           about=tuple(dict.fromkeys(rename(a) for a in s.about)))
                       for s in graph.statements)
    relations = tuple(dataclasses.replace(r, source=rename(r.source), target=rename(r.target),
                                          claimed_by=rename(r.claimed_by))
                      for r in graph.relations)
    quantities = tuple(dataclasses.replace(q, claimed_by=rename(q.claimed_by), unit=rename(q.unit))
                       for q in graph.quantities)
    return dataclasses.replace(graph, entities=entities, statements=statements, relations=relations,
                               quantities=quantities)


def resolve_across_articles(lookup: Lookup, graph: ArticleGraph) -> ArticleGraph:
    """`graph` with its people and places joined to the nodes the graph already holds for them."""
    return apply_joins(graph, find_joins(lookup, graph))
