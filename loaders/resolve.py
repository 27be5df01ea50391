"""Within-article resolution: mentions -> canonical entities, every surface form kept as an alias
with the rule that joined it (EntityRecord.alias_rules).

Rules, in order: curated variants and the gazetteer (already applied to mention names); a short
person mention ('Austin') joins the unique longer person name it starts or ends ('Lloyd Austin'; of
several, the only one named before it), a subject that is the first word of one earlier full name
('Choe' after 'Choe Son Hui') joins it,
and a non-person NER span that is such a surname is that person; a lone surname with no full name
in the article joins the actor dictionary's person only when that person holds an office at the
article's date and their state is in the article; acronyms join their expansion where the article
writes 'Full Name (ACR)'; a place joins its region ('Kursk' -> 'Kursk region'); a name is one type in an article (a place NER also called an
organisation is the place; a ship's bare name is the ship); titles ('the
Pentagon chief') name the dictionary's office holder at the article's date; treaty descriptions
('a mutual defense pact') name the dictionary's treaty when its parties are in the article; names
take the dictionary's canonical form (the same actor has the same id in every article); finally
mentions with the same type and slug merge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from loaders.actors import Actor, ActorDictionary, load_actors
from loaders.armed_groups import retype_armed_groups
from loaders.attack_sites import retype_attacked_sites
from loaders.seats import retype_seats
from loaders.entities import _LOCATIVE_PREPS, DEPLOY_LEMMAS, SHIP_PREFIXES, Mention
from loaders.gazetteer import load_gazetteer
from loaders.ids import article_scope, entity_id, slugify
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
    rules: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> surface -> rule
    wikidata: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    # The article's scope key (ids.article_scope): unnamed people and groups get ids of this
    # article only. Empty: every id is global.
    scope: str = ""
    _scoped: set[str] = field(default_factory=set)  # global keys whose entity is article-scoped
    # Entities named so far only by an adjective or people's name ("North Korean troops",
    # "Palestinians"): an analyst lists a state only once the article names it (CONVENTIONS.md
    # gold), so these are left out of the records unless a statement or relation uses them.
    _adjectival: set[str] = field(default_factory=set)

    def add(self, type_: EntityType, name: str, surface: str | None = None, size: str | None = None,
            count: bool = True, rule: str | None = None, demonym: bool = False) -> str:
        """Register one mention of (type, name); returns the entity id.

        `rule` says why `surface` names this entity; by default 'exact' when the surface is the
        name (up to case, accents and punctuation), else 'variant'. `demonym`: the mention is an
        adjective or people's name of a state ("Ukrainian").
        """
        key = entity_id(type_, name)
        if self.scope and (key in self._scoped or key not in self.names and is_unnamed(type_, name, rule)):
            self._scoped.add(key)
            key = entity_id(type_, name, self.scope)
        if demonym and key not in self.names:
            self._adjectival.add(key)
        elif not demonym:
            self._adjectival.discard(key)
        if key not in self.names or len(name) > len(self.names[key]) and type_ is EntityType.PERSON:
            self.names[key] = name
        self.types[key] = type_
        self.aliases.setdefault(key, set())
        if surface:
            self.aliases[key].add(surface)
            exact = slugify(_strip_the(surface)) == slugify(name)
            self.rules.setdefault(key, {}).setdefault(surface, "exact" if exact else (rule or "variant"))
        self.counts[key] = self.counts.get(key, 0) + (1 if count else 0)
        if size and key not in self.sizes:
            self.sizes[key] = size
        return key

    def records(self, used: set[str] | None = None) -> tuple[EntityRecord, ...]:
        """EntityRecords for entities mentioned at least once (or in `used`), sorted by id; an
        entity named only by adjectives ("Ukrainian") only when in `used`."""
        keep = [k for k in self.names if self.counts.get(k) and k not in self._adjectival or (used and k in used)]
        return tuple(
            EntityRecord(
                id=k, name=self.names[k], type=self.types[k],
                aliases=tuple(sorted(a for a in self.aliases[k] if a != self.names[k])),
                mentions=self.counts.get(k, 0), size=self.sizes.get(k),
                wikidata=self.wikidata.get(k), description=self.descriptions.get(k),
                alias_rules=tuple(sorted(self.rules.get(k, {}).items())),
            )
            for k in sorted(keep)
        )


# Plural nouns for unnamed people; a group described by one ("US officials", "diplomatic
# sources") is a node of its article, as one described person is ("a senior official").
_GROUP_NOUNS = {
    "officials", "sources", "authorities", "locals", "residents", "witnesses", "leaders", "diplomats",
    "lawmakers", "activists", "journalists", "officers", "members", "analysts", "experts", "observers",
    "people", "insiders", "aides", "negotiators",
}


def is_unnamed(type_: EntityType, name: str, rule: str | None) -> bool:
    """Whether (type, name), added by `rule`, is an unnamed person or group: a person named by
    description ("a senior US official") or an agency named by a plural noun for people ("US
    officials"). Their ids are scoped to the article: two articles' "a senior official" are two
    people."""
    if rule != "description":
        return False
    if type_ is EntityType.PERSON:
        return True
    words = name.lower().split()
    return type_ is EntityType.AGENCY and bool(words) and words[-1] in _GROUP_NOUNS


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


def resolve_mentions(doc: Doc, mentions: list[Mention], published: str | None = None) -> EntityTable:
    """Set `entity` on every mention and return the table of the article's entities.

    `published` (ISO date, optional) lets titles and lone surnames resolve to the dictionary's
    office holders at that date; without it they resolve only within the article. Mentions may
    be added (surnames NER missed, titles) or absorbed by a title that covers them; the list is
    updated in place and stays sorted and non-overlapping. Unnamed people and groups
    (`is_unnamed`) get ids scoped to the article; named entities keep global ids.
    """
    actors = load_actors()
    table = EntityTable(scope=article_scope(doc.text))
    _add_surname_mentions(doc, mentions)
    _add_short_state_names(doc, mentions)
    _join_person_names(doc, mentions)
    _join_dictionary_surnames(doc, mentions, actors, published)
    _join_acronyms(doc.text, mentions)
    _join_regions(mentions)
    _join_one_type(mentions)
    retype_armed_groups(doc, mentions)
    retype_attacked_sites(doc, mentions)
    retype_seats(doc, mentions)
    _join_back_references(doc, mentions)
    _add_title_mentions(doc, mentions, actors, published, table)
    _resolve_treaties(doc, mentions, actors, published)
    for m in mentions:
        actor = actors.lookup(m.type, m.name)
        if actor is not None and actor.name != m.name:
            m.name, m.rule = actor.name, m.rule or "dictionary"
        m.entity = table.add(m.type, m.name, m.text, m.size, rule=m.rule or None, demonym=m.demonym)
        for form in m.forms:
            table.add(m.type, m.name, form, count=False, rule="variant")
        for x in m.inner:
            actor = actors.lookup(x.type, x.name)
            x.entity = table.add(x.type, actor.name if actor else x.name, x.text, x.size, rule=x.rule or None,
                                 demonym=x.demonym)
    _add_possessive_place_forms(doc, mentions, table)
    _describe(table, actors, published)
    return table


def _strip_the(text: str) -> str:
    return re.sub(r"^(?:the|The|THE)\s+", "", text.strip())


def _add_short_state_names(doc: Doc, mentions: list[Mention]) -> None:
    """'the North' / 'the South' in an article naming exactly one state called 'North ...' /
    'South ...' (North Korea, South Sudan) is that state."""
    states = _article_states(mentions)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    added = []
    for token in doc:
        if token.text not in {"North", "South"} or token.i in covered or token.i == 0:
            continue
        if doc[token.i - 1].lower_ != "the":
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and (nxt.is_title or nxt.is_upper) and nxt.is_alpha:
            continue  # "the North Atlantic", "the South China Sea"
        fits = [s for s in states if s.startswith(token.text + " ")]
        if len(fits) == 1:
            added.append(Mention(token.i - 1, token.i + 1, doc[token.i - 1 : token.i + 1].text, EntityType.STATE,
                                 fits[0], label="GPE", rule="partial-name"))
    mentions.extend(added)
    mentions.sort(key=lambda m: m.start)


def _add_possessive_place_forms(doc: Doc, mentions: list[Mention], table: EntityTable) -> None:
    """"Russia's Far East" where the place's name is 'Russian Far East': the possessive form is an
    alias of the place too (the state keeps its own mention)."""
    gaz = load_gazetteer()
    by_end = {m.end: m for m in mentions}
    for m in mentions:
        if m.type is not EntityType.PLACE or m.entity is None or m.start < 2 or doc[m.start - 1].text not in {"'s", "’s"}:
            continue
        owner = by_end.get(m.start - 1)
        if owner is None or owner.type is not EntityType.STATE:
            continue
        adjective = gaz.adjective.get(owner.name, owner.name)
        if slugify(m.name) == slugify(f"{adjective} {m.text}"):
            table.add(m.type, m.name, doc[owner.start : m.end].text, count=False, rule="variant")


def _describe(table: EntityTable, actors: ActorDictionary, published: str | None) -> None:
    """Wikidata ids of states (states.yaml) and ids and descriptions of the entities the actor
    dictionary knows."""
    state_ids = load_gazetteer().state_wikidata
    for key, name in table.names.items():
        if table.types[key] is EntityType.STATE and name in state_ids:
            table.wikidata[key] = state_ids[name]
            continue
        actor = actors.by_name.get((table.types[key], slugify(name)))
        if actor is None:
            continue
        if actor.wikidata:
            table.wikidata[key] = actor.wikidata
        description = actor.describe(published)
        if description:
            table.descriptions[key] = description


def _article_states(mentions: list[Mention]) -> set[str]:
    return {m.name for m in mentions if m.type is EntityType.STATE}


def _join_dictionary_surnames(doc: Doc, mentions: list[Mention], actors: ActorDictionary,
                              published: str | None) -> None:
    """A lone surname ('Austin') with no full name in the article is the dictionary's person only
    when exactly one person of that surname holds an office at the article's date and their state
    (if any) is named in the article. Common surnames never stand alone ('surname: false')."""
    if not published:
        return
    states = _article_states(mentions)
    for m in mentions:
        if m.type not in {EntityType.PERSON, EntityType.AGENCY, EntityType.PLACE} or " " in m.name.strip():
            continue
        if m.label not in {"PERSON", "ORG", "GPE"} or m.type is EntityType.PLACE and m.label != "PERSON":
            continue
        candidates = [a for a in actors.by_surname(m.name)
                      if any(r.active(published) for r in a.roles) and (a.state is None or a.state in states)]
        if len(candidates) == 1:
            m.type, m.name, m.rule = EntityType.PERSON, candidates[0].name, "partial-name"


# Heads an article capitalises when it refers back to a body it named: "the Agency" (the IAEA),
# "the Parliament", "the Council".
_BACK_HEADS = {"agency", "parliament", "council", "commission", "committee", "assembly", "alliance",
               "ministry", "court", "mission", "office", "bureau", "service", "organisation", "organization"}


def _join_back_references(doc: Doc, mentions: list[Mention]) -> None:
    """'the Agency' after 'the International Atomic Energy Agency', 'the Parliament' after 'the
    Turkish Parliament': a capitalised bare head after 'the' is the one body named before it whose
    name ends in that head; left alone when none or several fit."""
    for m in mentions:
        if m.type is not EntityType.AGENCY or m.rule or m.end - m.start != 1 or m.start == 0:
            continue
        head = doc[m.start]
        if head.lower_ not in _BACK_HEADS or not head.is_title or doc[m.start - 1].lower_ != "the":
            continue
        named = {x.name for x in mentions if x.end <= m.start and x.type is EntityType.AGENCY and x is not m
                 and x.name.lower().split()[-1:] == [head.lower_] and " " in x.name}
        if len(named) == 1:
            m.name, m.rule = named.pop(), "description"


def _join_one_type(mentions: list[Mention]) -> None:
    """One name, one entity: a name NER typed differently from sentence to sentence ('in
    Zalingei' a place, 'from Zalingei' an organisation; 'Ri' a person twice and a place once) takes
    the type most of its mentions have (ties: place, then agency, then person); a warship's name
    without its prefix ('the Carl Vinson carrier strike group' beside 'USS Carl Vinson') is the
    ship. Names the dictionary or a rule typed are left alone."""
    ships = {}
    for m in mentions:
        words = m.name.split()
        if m.type is EntityType.UNIT and len(words) >= 2 and words[0].lower() in SHIP_PREFIXES:
            ships[slugify(" ".join(words[1:]))] = m.name
    order = (EntityType.PLACE, EntityType.AGENCY, EntityType.PERSON)
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.rule or m.label not in {"ORG", "PERSON", "PRODUCT", "FAC", "NORP", "GPE", "LOC"}:
            continue
        if slugify(m.name) in ships:
            m.type, m.name, m.rule = EntityType.UNIT, ships[slugify(m.name)], "partial-name"
        elif m.type in order:
            groups.setdefault(slugify(m.name), []).append(m)
    for group in groups.values():
        counts = {t: sum(1 for m in group if m.type is t) for t in order}
        if sum(1 for n in counts.values() if n) < 2:
            continue
        best = max(order, key=lambda t: (counts[t], -order.index(t)))
        name = next(m.name for m in group if m.type is best)
        for m in group:
            if m.type is not best:
                m.type, m.name, m.rule = best, name, "variant"


def _join_regions(mentions: list[Mention]) -> None:
    """A place named alone ('Kursk') is the region the article also names ('the Kursk region'),
    also where NER took the bare name for an organisation or a person ('the Essequibo should ...')."""
    regions: dict[str, str] = {}
    for m in mentions:
        if m.type is EntityType.PLACE and " " in m.name:
            base, word = m.name.rsplit(" ", 1)
            if word in {"region", "province", "krai", "district"}:
                regions.setdefault(slugify(base), m.name)
    for m in mentions:
        if slugify(m.name) not in regions:
            continue
        if m.type is EntityType.PLACE:
            m.name, m.rule = regions[slugify(m.name)], m.rule or "partial-name"
        elif m.type in {EntityType.AGENCY, EntityType.PERSON} and not m.rule \
                and m.label in {"ORG", "PERSON", "PRODUCT", "FAC", "WORK_OF_ART"}:
            m.type, m.name, m.rule = EntityType.PLACE, regions[slugify(m.name)], "partial-name"


def _title_phrases(actors: ActorDictionary, published: str | None) -> dict[str, Actor]:
    """Lower-cased title phrases -> the person holding that office at `published`.

    A phrase held by two people at once (two states' foreign ministers share 'foreign minister'
    only once qualified) is dropped as ambiguous.
    """
    gaz = load_gazetteer()
    qualifiers: dict[str, list[str]] = {}
    for key, state in gaz.states.items():
        qualifiers.setdefault(state, [])
    for table in (gaz.states, gaz.demonyms):
        for key, state in table.items():
            qualifiers[state].append(key.replace("-", " "))
    out: dict[str, Actor | None] = {}
    for actor, role in actors.holders(published):
        phrases = [n.lower() for n in role.names]
        for title in role.titles:
            for q in qualifiers.get(actor.state or "", []):
                phrases += [f"{q} {title.lower()}", f"{q} s {title.lower()}"]
        for phrase in phrases:
            key = slugify(phrase).replace("-", " ")
            out[key] = actor if out.get(key, actor) is actor else None
    return {k: v for k, v in out.items() if v is not None}


def _add_title_mentions(doc: Doc, mentions: list[Mention], actors: ActorDictionary, published: str | None,
                        table: EntityTable) -> None:
    """'the Pentagon chief', 'the U.S. defense secretary', "Ukraine's foreign minister": the office
    holder at the article's date, unless a person's name stands right beside the title (then the
    name says who it is). Mentions inside the title ('Pentagon', 'U.S.') are absorbed; their
    entities stay in the table."""
    if not published:
        return
    phrases = _title_phrases(actors, published)
    if not phrases:
        return
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    longest = max(len(p.split()) for p in phrases)
    prefixes = _letter_prefixes(phrases)
    letters = [slugify(t.text).replace("-", "") for t in doc]
    i = 0
    added: list[Mention] = []
    while i < len(doc):
        found = None
        for n in _title_lengths(letters, i, min(longest + 2, len(doc) - i), prefixes):
            span = doc[i : i + n]
            key = slugify(span.text).replace("-", " ")
            if key in phrases and not span[-1].is_punct:
                found = (span, phrases[key])
                break
        if found is None:
            i += 1
            continue
        span, actor = found
        i = span.end
        inner = [m for m in mentions if span.start <= m.start and m.end <= span.end]
        if any(by_token.get(j) not in inner for j in range(span.start, span.end) if j in by_token):
            continue  # straddles another mention
        nxt = span.end + (1 if span.end < len(doc) and doc[span.end].text == "," else 0)
        if nxt in by_token and by_token[nxt].type is EntityType.PERSON:
            continue  # "Defense Secretary Lloyd Austin": the name decides
        prev = span.start - 1 - (1 if span.start > 0 and doc[span.start - 1].lower_ in {"the", "a"} else 0)
        if prev > 0 and doc[prev].text == "," and by_token.get(prev - 1) is not None \
                and by_token[prev - 1].type is EntityType.PERSON:
            continue  # "Lloyd Austin, the Pentagon chief": an apposition of the name
        for m in inner:
            mentions.remove(m)
            table.add(m.type, m.name, m.text, m.size, rule=m.rule or None, demonym=m.demonym)
        added.append(Mention(span.start, span.end, span.text, EntityType.PERSON, actor.name, label="TITLE", rule="title"))
    mentions.extend(added)
    mentions.sort(key=lambda m: m.start)


def _letter_prefixes(phrases: dict[str, Actor]) -> dict[str, bool]:
    """Every prefix of each phrase's letters and digits (spaces dropped) -> whether it is a whole
    phrase's."""
    out: dict[str, bool] = {}
    for phrase in phrases:
        whole = phrase.replace(" ", "")
        for k in range(len(whole)):
            out.setdefault(whole[:k], False)
        out[whole] = True
    return out


def _title_lengths(letters: list[str], i: int, most: int, prefixes: dict[str, bool]) -> list[int]:
    """Token counts n <= most, longest first, for which doc[i:i+n] may spell a title phrase.

    A span's slug keeps the letters and digits of its tokens' slugs in order, so a span whose
    letters are no phrase's cannot match; this spares slugifying every span at every token."""
    out = []
    so_far = ""
    for n in range(1, most + 1):
        so_far += letters[i + n - 1]
        whole = prefixes.get(so_far)
        if whole is None:
            break
        if whole:
            out.append(n)
    return out[::-1]


_TREATY_NORMAL = {"defence": "defense", "mutual-defence": "mutual defense", "mutual-defense": "mutual defense"}


def _treaty_core(name: str) -> str:
    """A treaty description without its parties: 'Russia-North Korea defence pact' -> 'defense pact'."""
    gaz = load_gazetteer()
    words = re.sub(r"[-–]", " ", name.lower()).replace("’", "'").split()
    out = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            chunk = "-".join(words[i : i + n]).removesuffix("'s")
            if chunk in gaz.states or chunk in gaz.demonyms or chunk in {"the", "a", "an", "this", "that"}:
                i += n
                break
        else:
            out.append(_TREATY_NORMAL.get(words[i], words[i]))
            i += 1
    return " ".join(out)


def _resolve_treaties(doc: Doc, mentions: list[Mention], actors: ActorDictionary, published: str | None) -> None:
    """A treaty named by description ('a mutual defense pact', 'the treaty') is the dictionary's
    treaty whose parties the article names, signed by the article's date; only when exactly one
    such treaty fits."""
    states = _article_states(mentions)
    fitting = [a for a in actors.actors if a.type is EntityType.TREATY and a.descriptions and a.parties
               and set(a.parties) <= states and (not published or not a.signed or a.signed <= published)]
    if len(fitting) != 1:
        return
    treaty = fitting[0]
    wanted = {_treaty_core(d) for d in treaty.descriptions}
    for m in mentions:
        if m.type is EntityType.TREATY and actors.lookup(EntityType.TREATY, m.name) is None \
                and _treaty_core(m.name) in wanted:
            m.name, m.rule = treaty.name, "description"
    # Bare "the treaty", "this pact": the one treaty that fits.
    covered = {i for m in mentions for i in range(m.start, m.end)}
    bare = {"treaty", "pact"} & wanted
    added = []
    for token in doc:
        if token.lower_ not in bare or token.i in covered or token.i == 0 or token.dep_ == "compound":
            continue
        # "the treaty", "this pact", "its (new) treaty with Pyongyang": the one treaty that fits.
        start = token.i - 1
        if doc[start].lower_ in {"new", "landmark", "historic"} and start > 0:
            start -= 1
        if doc[start].lower_ in {"the", "this", "that", "its", "their"} and start not in covered:
            added.append(Mention(start, token.i + 1, doc[start : token.i + 1].text, EntityType.TREATY,
                                 treaty.name, label="TREATY", rule="description"))
    mentions.extend(added)
    mentions.sort(key=lambda m: m.start)


def _add_surname_mentions(doc: Doc, mentions: list[Mention]) -> None:
    """A capitalised word NER missed that is the surname of a person named in full elsewhere
    in the article (or a curated variant of it) is a mention of that person."""
    people = load_gazetteer().people
    surnames: dict[str, str] = {}
    for m in mentions:
        if m.type is EntityType.PERSON and len(m.name.split()) >= 2:
            surnames[slugify(m.name.split()[-1])] = m.name
    for variant, canonical in people.items():
        if "-" not in variant and any(slugify(canonical) == slugify(n) for n in surnames.values()):
            surnames[variant] = canonical
    # The first word of a full name stands for it after the full name, when no other person of the
    # article shares that word: family-name-first names ('Choe Son Hui' ... 'Choe told reporters').
    firsts: dict[str, tuple[str, int]] = {}
    shared: set[str] = set()
    for m in mentions:
        if m.type is EntityType.PERSON and len(m.name.split()) >= 2:
            key = slugify(m.name.split()[0])
            if key in firsts and firsts[key][0] != m.name:
                shared.add(key)
            firsts.setdefault(key, (m.name, m.end))
    gaz = load_gazetteer()
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or not token.is_title:
            continue
        name = surnames.get(slugify(token.text))
        first = firsts.get(slugify(token.text))
        if name is None and first is not None and slugify(token.text) not in shared and first[1] <= token.i \
                and slugify(token.text) not in surnames and slugify(token.text) not in gaz.states \
                and token.dep_ in {"nsubj", "nsubjpass"}:
            name = first[0]
        if name is not None:
            mentions.append(Mention(token.i, token.i + 1, token.text, EntityType.PERSON, name, label="PERSON",
                                    rule="partial-name"))
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
        if not matches and m.label == "PERSON" and "-" not in short:
            # "Matt" for Matthew Miller: a given name's short form.
            longer = load_gazetteer().nicknames.get(short, ())
            matches = {name for key, name in full.items() if any(key.startswith(g + "-") for g in longer)}
        if len(matches) > 1:
            # "Rep. Lee" after "Rep. Lee Seong-kweun", before "Col. Lee Sung-jun" is introduced: a
            # short name refers back to a person already named, never ahead.
            before = {x.name for x in mentions if x.end <= m.start and x.name in matches}
            if len(before) == 1:
                matches = before
        if len(matches) == 1:
            m.type, m.name, m.rule = EntityType.PERSON, matches.pop(), "partial-name"
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
        _join_initials(mentions)
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
        m.rule = "acronym"
    _join_initials(mentions)


def _join_initials(mentions: list[Mention]) -> None:
    """An acronym the article never defines in brackets ('the Tessaly Popular Army TPA', later
    'the TPA') is the one organisation whose capitalised words it spells; with two such names, or
    none, it joins nothing. A form a rule already named (a dictionary acronym) is left alone."""
    names: dict[str, set[tuple[EntityType, str]]] = {}
    for m in mentions:
        words = [w for w in re.split(r"[\s-]+", _strip_the(m.name)) if w[:1].isupper()]
        if m.type in {EntityType.AGENCY, EntityType.UNIT} and len(words) >= 2:
            names.setdefault("".join(w[0] for w in words), set()).add((m.type, m.name))
    for m in mentions:
        acr = _strip_the(m.text)
        if m.rule or not (2 < len(acr) <= 6 and acr.isupper() and acr.isalpha()) \
                or m.type not in {EntityType.AGENCY, EntityType.UNIT}:
            continue
        found = names.get(acr, set())
        if len(found) == 1:
            m.type, m.name = next(iter(found))
            m.rule = "acronym"
