"""What a speaker mention refers to: the lookups the speaker sieves (loaders/speaker_sieves.py)
share. Antecedents within the article ('he', 'the minister', 'they', 'the ministry'), what the article
has taught about each person (roles, gender), and the entities made for speakers it never names
("a senior official", "Ukraine's chief of staff", the army as its command)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from loaders.actors import load_actors
from loaders.entities import INSTITUTION_HEADS, ROLE_NOUNS, Mention
from loaders.gazetteer import load_gazetteer
from loaders.lexicon import word_list
from loaders.statement_context import (
    _ANTECEDENT_SENTENCES,
    _Context,
    _PRONOUN_SENTENCES,
    _ROLE_GENDER,
    _ROLE_SENTENCES,
    _TITLE_GENDER,
    _entities_in,
    _is_main_subject,
    _inside_quote,
    _phrase_tokens,
    _phrase_words,
    _window_end,
    _window_start,
)
from schema.vocabulary import SPEAKER_TYPES, EntityType


# Quantity nouns whose members speak: "a number of Asian states and Australia", "dozens of residents".
_PARTITIVES = word_list("statement_words.yaml", "partitives")


def _is_army_by_name(m: Mention, ctx: _Context) -> bool:
    """'the Polish army', "Chile's Armed Forces": a state's army, typed a Unit where it fights."""
    words = [t.lower_ for t in ctx.doc[m.start : m.end]]
    return m.type is EntityType.UNIT and m.label == "UNIT" and len(words) >= 2 and (
        words[-1] in {"army", "military"} or words[-2:] == ["armed", "forces"])


def _army_agency(m: Mention, ctx: _Context) -> str:
    """The army as a speaker is its command, an Agency (CONVENTIONS.md) named as the article names
    it; a later bare 'the army' or 'the military' refers back to it."""
    span = ctx.doc[m.start : m.end]
    surface = re.sub(r"^(?:the|The)\s+", "", span.text)
    named = next((x for x in m.inner if x.type is EntityType.AGENCY and x.entity), None)
    if named is not None:  # NER read it as an organisation too: "Chilean Armed Forces"
        entity = ctx.table.add(EntityType.AGENCY, ctx.table.names[named.entity], surface, count=False, rule="variant")
    else:
        entity = ctx.table.add(EntityType.AGENCY, surface, surface, rule="description")
    ctx.armies.append((m.start, entity))
    return entity


def _partitive_members(head: Token) -> Token | None:
    """The plural noun a quantity phrase counts ('a number of [countries]'), else None."""
    if head.lemma_.lower() not in _PARTITIVES or head.pos_ != "NOUN":
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    member = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return member if member is not None and (member.tag_ in {"NNS", "NNPS"} or member.conjuncts) else None


# Plural nouns for unnamed people who speak as a group: "diplomatic sources", "many locals".
_GROUP_LEMMAS = word_list("statement_words.yaml", "group_nouns")
# Determiners that single out an unnamed person ("a senior official") or make a group indefinite.
_INDEFINITE = {"a", "an", "another", "one"}
_GROUP_DETERMINERS = word_list("statement_words.yaml", "group_determiners")
# Prepositions that say where an unnamed speaker is from: "an official from Seoul's foreign ministry".
_ORIGIN_PREPS = word_list("statement_words.yaml", "origin_preps")


def _identified_as(head: Token, ctx: _Context) -> str | None:
    """'a soldier, identified only by the surname X, told ...', 'a woman named Ana said': the person the
    description names, else None."""
    if head.pos_ != "NOUN":
        return None
    # The parser may hang the description on a noun inside the phrase ('a soldier captured by
    # the army, identified by his surname X').
    for c in head.subtree:
        if c.dep_ == "acl" and c.lemma_.lower() in {"identify", "name", "call"} and c.i > head.i:
            found = [ctx.by_token[t.i].entity for t in c.subtree if t.i in ctx.by_token
                     and ctx.by_token[t.i].type is EntityType.PERSON and ctx.by_token[t.i].entity]
            if found:
                return found[0]
    return None


def _unnamed_speaker(head: Token, ctx: _Context) -> str | None:
    """An unnamed speaker named as the article names it (CONVENTIONS.md): one person singled out
    ("a senior US official", "an official from the foreign ministry", "one of the soldiers") is a
    Person; a described group ("diplomatic sources", "US intelligence officials", "some sources") is
    an Agency. None for other phrases (a bare "officials", "the minister")."""
    low, lemma = head.lower_, head.lemma_.lower()
    dets = {c.lower_ for c in head.children if c.dep_ in {"det", "nummod", "amod", "predet"}}
    if low == "one":
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        member = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if member is None or member.lemma_.lower() not in _GROUP_LEMMAS | ROLE_NOUNS:
            return None
        type_ = EntityType.PERSON
    elif head.tag_ == "NN" and (lemma in ROLE_NOUNS or low in _ROLE_GENDER) and dets & _INDEFINITE:
        type_ = EntityType.PERSON
    elif head.tag_ == "NNS" and lemma in _GROUP_LEMMAS and (
            dets & _GROUP_DETERMINERS or any(c.dep_ in {"amod", "compound", "nmod", "poss"} for c in head.children)
            or _origin_preps(head)):
        type_ = EntityType.AGENCY
    else:
        return None
    tokens = [t for c in head.lefts if c.dep_ not in {"det", "punct", "cc"} or c.lower_ in _GROUP_DETERMINERS
              for t in c.subtree] + [head]
    # "people familiar with the matter": an adjective after the noun is part of the description
    tokens += [t for c in head.rights if c.dep_ == "amod" for t in c.subtree]
    for prep in _origin_preps(head) if low != "one" else [c for c in head.children if c.dep_ == "prep"]:
        tokens += [prep] + [t for o in prep.children if o.dep_ == "pobj" for t in _phrase_tokens(o)]
    left, right = min(t.i for t in tokens), max(t.i for t in tokens)
    while left < head.i and (ctx.doc[left].lower_ in {"a", "an", "the"} or ctx.doc[left].is_punct):
        left += 1
    surface = ctx.doc[left : right + 1].text
    entity = ctx.table.add(type_, surface, surface, rule="description")
    if type_ is EntityType.PERSON:
        gender = _ROLE_GENDER.get(low)
        ctx.roles.setdefault(entity, set()).update(_phrase_words(head))
        ctx.spoken.append((head.i, entity, gender))
        if gender:
            ctx.gender.setdefault(entity, gender)
    return entity


def _unnamed_role(head: Token, ctx: _Context) -> str:
    """A Person entity for an owned role with no holder in the article: "Ukraine's chief of staff"."""
    tokens = _phrase_tokens(head)
    left, right = min(t.i for t in tokens), max(t.i for t in tokens)
    while left < head.i and (ctx.doc[left].lower_ in {"a", "an", "the"} or ctx.doc[left].is_punct):
        left += 1
    surface = ctx.doc[left : right + 1].text
    entity = ctx.table.add(EntityType.PERSON, surface, surface, rule="description")
    gender = _ROLE_GENDER.get(head.lower_)
    ctx.roles.setdefault(entity, set()).update(_phrase_words(head))
    ctx.spoken.append((head.i, entity, gender))
    if gender:
        ctx.gender.setdefault(entity, gender)
    return entity


def _origin_preps(head: Token) -> list[Token]:
    """'from/in/at ...' phrases of an unnamed speaker that name a body or a state."""
    return [c for c in head.children if c.dep_ == "prep" and c.lower_ in _ORIGIN_PREPS
            and any(t.ent_type_ or t.pos_ == "PROPN" or t.lower_ in INSTITUTION_HEADS for t in c.subtree)]



def _person_institution(head: Token, ctx: _Context) -> list[str]:
    """The agency a person's institution noun names: the agency in apposition ("Budanov's agency,
    the GUR"), else a generic agency named after the person's office ("President Yoon's office" ->
    "South Korean presidential office" when the actor dictionary knows Yoon's state)."""
    for c in head.children:
        if c.dep_ == "appos":
            named = _entities_in(_phrase_tokens(c), ctx)
            if named:
                return named[:1]
    owner = next(ctx.by_token[c.i] for c in head.children if c.dep_ == "poss" and c.i in ctx.by_token)
    name = ctx.table.names.get(owner.entity, owner.name)
    surface = re.sub(r"^(?:the|The)\s+", "", ctx.doc[head.left_edge.i : head.i + 1].text)
    actor = load_actors().lookup(EntityType.PERSON, name)
    titles = {w for r in (actor.roles if actor else ()) for w in r.title.lower().split()} | ctx.roles.get(owner.entity, set())
    if head.lower_ == "office" and "president" in titles and actor is not None and actor.state:
        label = f"{load_gazetteer().adjective.get(actor.state, actor.state)} presidential office"
    else:
        label = f"{name}'s {head.lower_}"
    return [ctx.table.add(EntityType.AGENCY, label, surface, rule="description")]


def _known_alias(head: Token, ctx: _Context) -> str | None:
    """A proper name NER missed here but the article used elsewhere for a speaker ('KCNA')."""
    left = min([head.i] + [c.i for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
    surface = ctx.doc[left : head.i + 1].text
    for key, aliases in ctx.table.aliases.items():
        if ctx.table.types.get(key) in SPEAKER_TYPES and (surface in aliases or ctx.table.names.get(key) == surface):
            return key
    return None


def _states_of(head: Token, ctx: _Context, sent: Span, is_definite: bool) -> list[str]:
    """'Western and South Korean governments' -> South Korea; 'the government' -> the state last
    mentioned; bare 'officials' -> nobody."""
    mods = [t for c in head.children if c.dep_ in {"amod", "compound", "poss", "nmod"} for t in c.subtree]
    out: list[str] = []
    for t in mods:
        m = ctx.by_token.get(t.i)
        if m is not None and m.type is EntityType.STATE and m.entity not in out:
            out.append(m.entity)
    if out or not is_definite or head.tag_ != "NN" and head.lower_ != "authorities":
        return out
    start = _window_start(ctx, sent, _PRONOUN_SENTENCES)
    states = [m.entity for m in ctx.mentions if start <= m.start < head.i and m.type is EntityType.STATE]
    return states[-1:]


def _recent_group(ctx: _Context, head: Token, sent: Span) -> list[str]:
    """'they said', 'the lawmakers said': the speakers of the latest act by a group (two or more
    speakers, or a plural noun such as 'diplomatic sources') in this and the previous sentences."""
    start = _window_start(ctx, sent, _PRONOUN_SENTENCES)
    found = [g for i, g in ctx.groups if start <= i < head.i]
    return list(found[-1]) if found else []


def _known_surname(head: Token, ctx: _Context) -> str | None:
    """'Trump later said' where NER missed 'Trump': the article's one person with that surname."""
    if any(c.dep_ == "compound" for c in head.children) or not head.text[:1].isupper() or len(head.text) < 2:
        return None
    people = [k for k, t in ctx.table.types.items()
              if t is EntityType.PERSON and len(ctx.table.names[k].split()) > 1 and ctx.table.names[k].split()[-1] == head.text]
    return people[0] if len(people) == 1 else None


def _learn_people(ctx: _Context) -> None:
    """Roles ('Foreign Minister X', 'X, the Pentagon's press secretary') and gender cues ('Mr.',
    'spokeswoman') that the article gives each person, for resolving 'the minister' and 'she'."""
    doc = ctx.doc
    for m in ctx.mentions:
        if m.type is not EntityType.PERSON or not m.entity:
            continue
        root = doc[m.start : m.end].root
        words = {t.lower_ for t in doc[root.left_edge.i : m.start] if t.is_alpha}
        if root.dep_ == "appos":
            words |= _phrase_words(root.head)
        for c in root.children:
            if c.dep_ == "appos":
                words |= _phrase_words(c)
        if m.start > 0 and doc[m.start - 1].lower_ in _TITLE_GENDER:
            ctx.gender.setdefault(m.entity, _TITLE_GENDER[doc[m.start - 1].lower_])
        if words & (ROLE_NOUNS | set(_ROLE_GENDER)):
            ctx.roles.setdefault(m.entity, set()).update(words)
            for w in words & set(_ROLE_GENDER):
                ctx.gender.setdefault(m.entity, _ROLE_GENDER[w])
    _learn_dictionary_roles(ctx)


def _learn_dictionary_roles(ctx: _Context) -> None:
    """The offices the actor dictionary gives a person on the article's date ('Rustem Umerov' was
    defence minister in 2024), so 'Ukraine's defense minister' finds him where the article never
    spells the title out; nothing without a date, since offices change hands."""
    if not ctx.published:
        return
    actors = load_actors()
    for entity, type_ in ctx.table.types.items():
        actor = actors.lookup(type_, ctx.table.names[entity]) if type_ is EntityType.PERSON else None
        for role in actor.roles if actor else ():
            if role.active(ctx.published):
                words = {w for title in (role.title, *role.titles) for w in title.lower().split()}
                ctx.roles.setdefault(entity, set()).update(words)


def _resolve_person(ctx: _Context, pronoun: Token, gender: str | None) -> str | None:
    """The person 'he'/'she' (or an unnamed 'the official') refers to: the most recent main-clause
    subject or speaker in this and the previous sentences whose known gender does not differ, else the
    last person who made a statement, else the last person mentioned."""
    doc = ctx.doc
    start = _window_start(ctx, pronoun.sent, _PRONOUN_SENTENCES)
    candidates: list[tuple[int, str, str | None]] = []
    for m in ctx.mentions:
        if m.type is EntityType.PERSON and m.entity and start <= m.start < pronoun.i:
            root = doc[m.start : m.end].root
            if _is_main_subject(root) and not _inside_quote(root, ctx):
                candidates.append((m.start, m.entity, ctx.gender.get(m.entity)))
    candidates += [(i, e, g or ctx.gender.get(e)) for i, e, g in ctx.spoken if start <= i < pronoun.i]

    def fits(entity: str, known: str | None) -> bool:
        return gender is None or known is None or known == gender

    found = next((e for _, e, g in sorted(candidates, reverse=True) if fits(e, g)), None)
    if found is None and ctx.last_person_speaker and fits(ctx.last_person_speaker, ctx.gender.get(ctx.last_person_speaker)):
        found = ctx.last_person_speaker
    if found is None:
        found = next((m.entity for m in reversed(ctx.mentions) if m.start < pronoun.i and m.type is EntityType.PERSON
                      and fits(m.entity, ctx.gender.get(m.entity))), None)
    if found and gender and ctx.table.types.get(found) is EntityType.PERSON:
        ctx.gender.setdefault(found, gender)
    return found


def _role_person(ctx: _Context, head: Token, state: str | None = None) -> str | None:
    """'the minister': the most recently mentioned person the article gave that role; with `state`
    ("Ukraine's minister") not one whose role the article or the actor dictionary ties to another state."""
    role = head.lemma_.lower() if head.lemma_.lower() in ROLE_NOUNS else head.lower_
    mods = _phrase_words(head) - {head.lower_, head.lemma_.lower()} - {"former", "new", "top", "senior", "then"}
    # "Chilean minister": the demonym names the state, not a word of the title.
    for t in (t for c in head.children if c.dep_ in {"amod", "compound"} for t in c.subtree):
        m = ctx.by_token.get(t.i)
        if m is not None and m.type is EntityType.STATE and m.entity:
            mods -= {x.lower_ for x in ctx.doc[m.start : m.end]}
            state = state or m.entity
    start = _window_start(ctx, head.sent, _ROLE_SENTENCES)
    best: tuple[int, str] | None = None
    def other_state(entity: str) -> bool:
        return state is not None and _person_states(ctx, entity) - {ctx.table.names.get(state)} != set()

    for m in ctx.mentions:
        if m.type is not EntityType.PERSON or not m.entity or not start <= m.start < head.i or other_state(m.entity):
            continue
        words = ctx.roles.get(m.entity, set())
        if role in words and mods <= words and (best is None or m.start > best[0]):
            best = (m.start, m.entity)
    for i, e, _ in ctx.spoken:
        if start <= i < head.i and role in ctx.roles.get(e, set()) and mods <= ctx.roles[e] and (best is None or i > best[0]) \
                and not other_state(e):
            best = (i, e)
    if best is None and not any(m.type is EntityType.PERSON and start <= m.start < head.i for m in ctx.mentions):
        # A lead or headline names the role before the person: "Ukraine's defence minister said on
        # Tuesday ... Rustem Umerov, the minister, ...": the first holder named after it.
        end = _window_end(ctx, head.sent, _ROLE_SENTENCES)
        best = next(((m.start, m.entity) for m in ctx.mentions if m.type is EntityType.PERSON and m.entity
                     and head.i < m.start < end and role in ctx.roles.get(m.entity, set())
                     and mods <= ctx.roles[m.entity] and not other_state(m.entity)), None)
    return best[1] if best else None


def _person_states(ctx: _Context, entity: str) -> set[str]:
    """The states a person's role words ('Russian', 'Ukraine') or dictionary entry tie them to."""
    gaz = load_gazetteer()
    words = ctx.roles.get(entity, set())
    out = {gaz.demonyms.get(w) or gaz.states.get(w) for w in words} - {None}
    actor = load_actors().lookup(EntityType.PERSON, ctx.table.names.get(entity, ""))
    if actor is not None and actor.state:
        out.add(actor.state)
    return out


def _antecedent_agency(head: Token, ctx: _Context, sent: Span) -> str:
    """The agency a bare institution noun refers to; for an owned one ("China's foreign ministry")
    a generic agency named by owner and noun; else a generic agency named by the noun."""
    own = {t.i for t in head.subtree}
    owners = [ctx.by_token[t.i] for c in head.children if c.dep_ in {"poss", "amod", "compound", "nmod"}
              for t in c.subtree if t.i in ctx.by_token]
    words = [t.lower_ for t in head.subtree if t.dep_ in {"compound", "amod"} and t.head.i == head.i and t.i not in ctx.by_token]
    phrase = " ".join([*words, head.lower_])
    if owners:
        owner = owners[0]
        if owner.type is EntityType.STATE:
            label = f"{load_gazetteer().adjective.get(owner.name, owner.name)} {phrase}"
        else:
            label = f"{owner.name} {phrase}"
        surface = ctx.doc[min(own) : head.i + 1].text
        return ctx.table.add(EntityType.AGENCY, label, re.sub(r"^(?:the|The)\s+", "", surface))
    start = _window_start(ctx, sent, _ANTECEDENT_SENTENCES)
    armies = [e for i, e in ctx.armies if start <= i < head.i]
    if armies and head.lower_ in {"army", "military"}:
        return armies[-1]  # "the army said" after "the Sudanese army said"
    keys = {t.lower_ for t in head.subtree if t.is_alpha and not t.is_stop} | {head.lemma_.lower()}
    candidates = [m for m in ctx.mentions if start <= m.start < head.i and m.type is EntityType.AGENCY and m.start not in own]
    for m in reversed(candidates):
        if keys & set(f"{m.name} {m.text}".lower().split()):
            return m.entity
    if candidates and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children):
        return candidates[-1].entity  # "the ministry": the agency just named; a bare "Police said" is not
    return ctx.table.add(EntityType.AGENCY, phrase, head.text)
