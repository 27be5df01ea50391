"""The curated actor dictionary (loaders/data/actors.yaml): people, institutions and treaties with
canonical names, Wikidata ids, spelling variants and dated roles.

The dictionary never finds an actor by itself: NER and the rules in entities.py find actors, and
the dictionary unifies their spellings, describes them and resolves titles ('the Pentagon chief')
to the holder of the office at the article's date.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from loaders.ids import slugify
from schema.vocabulary import EntityType

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Role:
    """An office held from `start` to `end` (ISO dates; None: open)."""

    title: str
    start: str | None = None
    end: str | None = None
    titles: tuple[str, ...] = ()  # need the state to qualify them: "defense secretary"
    names: tuple[str, ...] = ()  # name the office by themselves: "Pentagon chief"

    def active(self, date: str | None) -> bool:
        """Whether the role is held on `date` (ISO); False when the date is unknown."""
        if not date:
            return False
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)

    def describe(self) -> str:
        if self.start or self.end:
            return f"{self.title} ({self.start or '?'} to {self.end or 'present'})"
        return self.title


@dataclass(frozen=True)
class Actor:
    """One dictionary entry."""

    name: str
    type: EntityType
    wikidata: str | None = None
    state: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    surname: bool = True  # the surname alone may stand for this person
    parties: tuple[str, ...] = ()  # treaties: the states that signed
    signed: str | None = None
    descriptions: tuple[str, ...] = ()  # treaties: descriptive names valid when the parties appear

    def describe(self, date: str | None = None) -> str | None:
        """The roles active at `date`, else all roles, as one string; None without roles."""
        if not self.roles:
            if self.type is EntityType.TREATY and self.signed:
                return f"Treaty between {', '.join(self.parties)} signed {self.signed}" if self.parties \
                    else f"Treaty signed {self.signed}"
            return None
        active = [r for r in self.roles if r.active(date)]
        return "; ".join(r.describe() for r in (active or self.roles))


@dataclass(frozen=True)
class ActorDictionary:
    """Slug-keyed lookups over the dictionary."""

    actors: tuple[Actor, ...] = ()
    by_name: dict[tuple[EntityType, str], Actor] = field(default_factory=dict)  # canonical-name slug
    by_alias: dict[tuple[EntityType, str], Actor] = field(default_factory=dict)  # any name or alias slug

    def lookup(self, type_: EntityType, name: str) -> Actor | None:
        """The actor of this type with this name or alias, if any."""
        return self.by_alias.get((type_, slugify(name)))

    def by_surname(self, surname: str) -> list[Actor]:
        """People whose last name is `surname` (and may stand alone)."""
        key = slugify(surname)
        return [a for a in self.actors if a.type is EntityType.PERSON and a.surname
                and any(slugify(n).rsplit("-", 1)[-1] == key for n in (a.name, *a.aliases) if " " in n)]

    def holders(self, date: str | None) -> list[tuple[Actor, Role]]:
        """(person, role) for every role active at `date`."""
        return [(a, r) for a in self.actors for r in a.roles if r.active(date)]


def _date(value: object) -> str | None:
    return None if value is None else str(value)


def _role(row: dict) -> Role:
    return Role(
        title=row["title"], start=_date(row.get("from")), end=_date(row.get("to")),
        titles=tuple(row.get("titles") or ()), names=tuple(row.get("names") or ()),
    )


@functools.lru_cache(maxsize=1)
def load_actors() -> ActorDictionary:
    """Read actors.yaml once. Raises ValueError on a malformed Wikidata id."""
    raw = yaml.safe_load((DATA / "actors.yaml").read_text(encoding="utf-8"))
    actors: list[Actor] = []
    sections = (("people", EntityType.PERSON), ("agencies", EntityType.AGENCY), ("treaties", EntityType.TREATY))
    for section, type_ in sections:
        for row in raw.get(section) or ():
            qid = row.get("wikidata")
            if qid is not None and not (isinstance(qid, str) and qid[:1] == "Q" and qid[1:].isdigit()):
                raise ValueError(f"actors.yaml: bad wikidata id {qid!r} for {row['name']}")
            actors.append(Actor(
                name=row["name"], type=type_, wikidata=qid, state=row.get("state"),
                aliases=tuple(row.get("aliases") or ()), roles=tuple(_role(r) for r in row.get("roles") or ()),
                surname=row.get("surname", True), parties=tuple(row.get("parties") or ()),
                signed=_date(row.get("signed")), descriptions=tuple(row.get("descriptions") or ()),
            ))
    by_name = {(a.type, slugify(a.name)): a for a in actors}
    by_alias: dict[tuple[EntityType, str], Actor] = {}
    for a in actors:
        for n in (a.name, *a.aliases):
            by_alias.setdefault((a.type, slugify(n)), a)
    return ActorDictionary(actors=tuple(actors), by_name=by_name, by_alias=by_alias)
