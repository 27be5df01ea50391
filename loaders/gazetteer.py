"""World knowledge tables from loaders/data/: states, capitals, demonyms, curated aliases and the
spellings of the actor dictionary (actors.yaml).

Lookups are by slug, so case, accents, hyphens and spacing do not matter.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from loaders.actors import load_actors
from loaders.ids import slugify
from schema.vocabulary import EntityType

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Gazetteer:
    """Slug-keyed lookups. Values are canonical names."""

    states: dict[str, str] = field(default_factory=dict)  # name or alias -> state
    demonyms: dict[str, str] = field(default_factory=dict)  # "north-korean" -> North Korea
    capitals: dict[str, str] = field(default_factory=dict)  # "moscow" -> Russia
    adjective: dict[str, str] = field(default_factory=dict)  # state -> "North Korean"
    capital_names: dict[str, str] = field(default_factory=dict)  # state -> "Moscow"
    state_wikidata: dict[str, str] = field(default_factory=dict)  # state -> "Q159"
    people: dict[str, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    state_metonyms: dict[str, str] = field(default_factory=dict)  # "the-kremlin" -> Russia
    agencies: dict[str, str] = field(default_factory=dict)
    treaties: dict[str, str] = field(default_factory=dict)  # "un-charter" -> Charter of the United Nations
    non_entities: frozenset[str] = frozenset()  # think tanks, companies: never actors of the graph
    nicknames: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "matt" -> ("matthew",)


def _variants(table: dict[str, list[str]] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, variants in (table or {}).items():
        for name in [canonical, *(variants or [])]:
            out[slugify(name)] = canonical
    return out


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read states.yaml, actors.yaml and aliases.yaml once. Raises ValueError on a state without a
    well-formed Wikidata id."""
    gaz = Gazetteer()
    for row in yaml.safe_load((DATA / "states.yaml").read_text(encoding="utf-8")):
        name = row["name"]
        qid = row.get("wikidata")
        if not (isinstance(qid, str) and qid[:1] == "Q" and qid[1:].isdigit()):
            raise ValueError(f"states.yaml: bad wikidata id {qid!r} for {name}")
        gaz.state_wikidata[name] = qid
        for alias in [name, *row.get("aliases", [])]:
            gaz.states[slugify(alias)] = name
        demonyms = row.get("demonyms", [])
        for demonym in demonyms:
            gaz.demonyms[slugify(demonym)] = name
        gaz.adjective[name] = demonyms[0] if demonyms else name
        if row.get("capital"):
            gaz.capitals[slugify(row["capital"])] = name
            gaz.capital_names[name] = row["capital"]
    # People's and institutions' spellings come from the actor dictionary.
    for actor in load_actors().actors:
        table = {EntityType.PERSON: gaz.people, EntityType.AGENCY: gaz.agencies,
                 EntityType.TREATY: gaz.treaties}.get(actor.type)
        if table is not None:
            for name in (actor.name, *actor.aliases):
                table.setdefault(slugify(name), actor.name)
    aliases = yaml.safe_load((DATA / "aliases.yaml").read_text(encoding="utf-8"))
    gaz.people.update(_variants(aliases.get("people")))
    gaz.places.update(_variants(aliases.get("places")))
    gaz.agencies.update(_variants(aliases.get("agencies")))
    gaz = replace(gaz, non_entities=frozenset(slugify(n) for n in aliases.get("non_entities") or ()))
    for short, full in (aliases.get("nicknames") or {}).items():
        gaz.nicknames[slugify(short)] = tuple(slugify(f) for f in full)
    for name, state in (aliases.get("state_metonyms") or {}).items():
        gaz.state_metonyms[slugify(name)] = state
    # A capital's variant spellings are capitals too (Kiev -> Kyiv -> Ukraine).
    for variant, place in list(gaz.places.items()):
        if slugify(place) in gaz.capitals:
            gaz.capitals[variant] = gaz.capitals[slugify(place)]
    return gaz
