"""Within-article resolution: mentions -> canonical entities, every surface form kept as an alias.

Rules, in order: curated variants and the gazetteer (already applied to mention names); a short
person mention ('Austin') joins the unique longer person name it starts or ends ('Lloyd Austin'),
and a non-person NER span that is such a surname is that person; acronyms join their expansion
where the article writes 'Full Name (ACR)'; finally mentions with the same type and slug merge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from loaders.entities import _LOCATIVE_PREPS, DEPLOY_LEMMAS, Mention
from loaders.ids import entity_id, slugify
from schema.records import EntityRecord
from schema.vocabulary import EntityType

_ACRONYM = re.compile(r"((?:[A-Z][\w’'.-]*\s+)(?:(?:of|for|and|the|on|de|du|des|del)\s+|[A-Z][\w’'.-]*\s+){0,7})\(([A-Z][A-Za-z.]{1,7})\)")


@dataclass
class EntityTable:
    """The article's entities by id, with their aliases, mention counts and unit sizes."""

    names: dict[str, str] = field(default_factory=dict)
    types: dict[str, EntityType] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    sizes: dict[str, str] = field(default_factory=dict)

    def add(self, type_: EntityType, name: str, surface: str | None = None, size: str | None = None,
            count: bool = True) -> str:
        """Register one mention of (type, name); returns the entity id."""
        key = entity_id(type_, name)
        if key not in self.names or len(name) > len(self.names[key]) and type_ is EntityType.PERSON:
            self.names[key] = name
        self.types[key] = type_
        self.aliases.setdefault(key, set())
        if surface:
            self.aliases[key].add(surface)
        self.counts[key] = self.counts.get(key, 0) + (1 if count else 0)
        if size and key not in self.sizes:
            self.sizes[key] = size
        return key

    def records(self, used: set[str] | None = None) -> tuple[EntityRecord, ...]:
        """EntityRecords for entities mentioned at least once (or in `used`), sorted by id."""
        keep = [k for k in self.names if self.counts.get(k) or (used and k in used)]
        return tuple(
            EntityRecord(
                id=k, name=self.names[k], type=self.types[k],
                aliases=tuple(sorted(a for a in self.aliases[k] if a != self.names[k])),
                mentions=self.counts.get(k, 0), size=self.sizes.get(k),
            )
            for k in sorted(keep)
        )


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms the article defines, 'Department of Defense (DOD)' -> {'dod': 'Department of Defense'}.

    The expansion is trimmed from the left until its initials can spell the acronym.
    """
    out: dict[str, str] = {}
    for match in _ACRONYM.finditer(text):
        words = match.group(1).split()
        acr = match.group(2).replace(".", "").upper()
        for i in range(len(words)):
            tail = [w for w in words[i:] if w[:1].isupper()]
            initials = "".join(w[0] for w in tail).upper()
            if initials == acr or (acr[0] == initials[:1] and len(tail) >= 2 and set(acr) <= set(initials + "OD")):
                out[slugify(acr)] = " ".join(words[i:]).rstrip("’'s").strip()
                break
    return out


def resolve_mentions(doc: Doc, mentions: list[Mention]) -> EntityTable:
    """Set `entity` on every mention and return the table of the article's entities."""
    _add_surname_mentions(doc, mentions)
    _join_person_names(doc, mentions)
    _join_acronyms(doc.text, mentions)
    table = EntityTable()
    for m in mentions:
        m.entity = table.add(m.type, m.name, m.text, m.size)
    return table


def _add_surname_mentions(doc: Doc, mentions: list[Mention]) -> None:
    """A capitalised word NER missed that is the surname of a person named in full elsewhere
    in the article (or a curated variant of it) is a mention of that person."""
    from loaders.gazetteer import load_gazetteer

    people = load_gazetteer().people
    surnames: dict[str, str] = {}
    for m in mentions:
        if m.type is EntityType.PERSON and len(m.name.split()) >= 2:
            surnames[slugify(m.name.split()[-1])] = m.name
    for variant, canonical in people.items():
        if "-" not in variant and any(slugify(canonical) == slugify(n) for n in surnames.values()):
            surnames[variant] = canonical
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or not token.is_title:
            continue
        name = surnames.get(slugify(token.text))
        if name is not None:
            mentions.append(Mention(token.i, token.i + 1, token.text, EntityType.PERSON, name, label="PERSON"))
    mentions.sort(key=lambda m: m.start)


def _join_person_names(doc: Doc, mentions: list[Mention]) -> None:
    full = {}
    for m in mentions:
        if m.type is EntityType.PERSON and len(m.name.split()) >= 2:
            full[slugify(m.name)] = m.name
    for m in mentions:
        if m.type is EntityType.PERSON and len(m.name.split()) >= 2:
            continue
        if m.type not in {EntityType.PERSON, EntityType.AGENCY, EntityType.PLACE} or m.label not in {"PERSON", "ORG", "GPE"}:
            continue
        short = slugify(m.name)
        matches = {name for key, name in full.items() if key.endswith("-" + short) or key.startswith(short + "-")}
        if len(matches) == 1:
            m.type, m.name = EntityType.PERSON, matches.pop()
        elif len(matches) == 0 and m.type in {EntityType.PERSON, EntityType.AGENCY} and m.end - m.start == 1:
            root = doc[m.start : m.end].root
            prep = root.head
            # The small model tags some places as people or organisations ("to Vladivostok",
            # "deployed to Ladakh"): a lone title-case name after a place preposition that no
            # person carries is a place; for an organisation label, only after a movement verb.
            if root.dep_ != "pobj" or prep.lower_ not in _LOCATIVE_PREPS - {"from"} or not root.is_title:
                continue
            if m.type is EntityType.PERSON or prep.head.lemma_.lower() in DEPLOY_LEMMAS:
                m.type = EntityType.PLACE


def _join_acronyms(text: str, mentions: list[Mention]) -> None:
    acronyms = find_acronyms(text)
    if not acronyms:
        return
    by_slug: dict[str, Mention] = {}
    for m in mentions:
        by_slug.setdefault(slugify(m.text), m)
        by_slug.setdefault(slugify(re.sub(r"^the\s+", "", m.text, flags=re.I)), m)
    for m in mentions:
        expansion = acronyms.get(slugify(m.text))
        if expansion is None:
            continue
        target = by_slug.get(slugify(expansion))
        if target is None:
            # The expansion may be a longer span than NER found: "South Korea's National Intelligence Service".
            target = next((t for t in mentions if t is not m and slugify(expansion).endswith(slugify(t.text))
                           and t.type is not EntityType.STATE), None)
        if target is not None:
            m.type, m.name = target.type, target.name
        else:
            m.name = expansion
