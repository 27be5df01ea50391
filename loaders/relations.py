"""Entity-to-entity relations stated in a sentence: units DEPLOYED_TO places, parties SIGNED treaties.

DEPLOYED_TO covers a unit sent, deployed, transferred, moved, brought or stationed somewhere
("sent 1,500 soldiers to Vladivostok", "troops were moved to the Kursk region", "the soldiers sent
to Russia"), a unit stated as present somewhere ("troops are in Russia", "there are troops in X",
"the presence / arrival / deployment of troops in X", "X has 600 troops in Y", "troops massing in X",
"the move into X", "troops reach X"), or by what the unit does there or by being seen there
("troops are fighting near X", "the brigade, which is operating in X", "soldiers trained near X",
"sent to train in X", "soldiers were spotted near X", "evidence of troops in X"). "In the country"
is the last state a unit was sent to or found in; coordinated places are each a target ("near
the villages of A, B and C"). A front named by a place ("the front lines in Kursk") targets the
place; a 'where' clause targets the place it hangs from ("Kursk, where they were deployed"). A unit
that is the object or agent of a combat event ("captured by forces in X"), or killed or wounded
somewhere, is not thereby deployed there, nor is "any forces ... sent" or "no signs of troops in
X". Hypotheticals are left out: a modal ("will", "could"), a condition ("if", also a clause
reported inside one: "if anyone asks why troops are in X"), a negation (also "have not seen
them cross into X"), or a purpose/plan infinitive ("preparing to deploy", "to be deployed on the
border"); so is what a speaker calls false ("denied reports that troops were in X"), unless the
denial itself is not made ("has not confirmed or denied its troop deployments to X"). A unit that
takes a place is there ("troops liberated the village of X", "took control of X"), as is one that
launches a ground entry into it ("an incursion into X"); examples of places each count ("bases in
X and other sites such as A, B and C"); a naval, coast guard or police force named without a
state is a unit of its own ("coastguard vessel formations"), as is a new contingent ("additional
frigates") and the fighters of an armed group ("fighters of the X Group"); a modified unit noun
is the one unit of the article whose name ends in it ("federal forces"). A unit driven out of a
place was there, as is the unit sent to drive it out ("sent patrol boats to expel two cutters
from its waters"); a unit sent to back up a force somewhere goes there ("to reinforce the fleet
in X"); a unit given a part in "the fighting for X" fought in X, and "any deployment of troops to
X" or "no deployment" states no movement. A force in its own country is never deployed there.

SIGNED covers a state or person that signed, concluded or ratified a treaty, in active or passive
voice, with coordinated parties and "they" resolved to an earlier coordinated pair ("the two
countries" to the only two states named in it and the two sentences before).

Each relation's claimant and hedge come from relation_claims.py.

Units referred to as "they", "these troops", "the soldiers", "the contingent" or by a bare number
("roughly 11,000 had been sent") resolve to the unit named by a state modifier or by the sending
state, else to the last unit mentioned before (passing over one named only as a second name or as
an origin: "also known as the Storm Corps", "many come from the 11th Corps"). Bare treaty nouns
("the treaty", "the ratification law") resolve to the last treaty mentioned before (else the
first after).

Dates: the first date of the sentence, as YYYY-MM-DD when it has a day, YYYY-MM when it names only
a month ("in June"); a missing year is the publication year (the year before when the month is
after the publication month).
"""

from __future__ import annotations

import re
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from loaders.entities import SHIP_PREFIXES, Mention, state_of
from loaders.gazetteer import load_gazetteer
from loaders.ids import entity_id, relation_id, slugify
from loaders.metadata import MONTHS, infer_date, iso_date
from loaders.nlp import sentence_span, span_ents
from loaders.ranges import covers
from loaders.lexicon import load_reporting_lexicon
from loaders.relation_claims import find_claimant, is_hedged, negated
from loaders.relation_lexicon import words
from schema.records import RelationRecord, StatementRecord
from schema.vocabulary import RELATION_PATTERNS, EntityType, RelationType


class EntityRegistry(Protocol):
    """The part of resolve.EntityTable this module uses to register entities it derives."""

    def add(self, type_: EntityType, name: str, surface: str | None = None, size: str | None = None,
            count: bool = True) -> str: ...


# The verb and noun lists live in loaders/data/relation_lexicon.yaml, each with what it is for.
SIGN_LEMMAS = words("sign_verbs")
DEPLOY_LEMMAS = words("deploy_verbs")
_UNIT_SUBJECT_LEMMAS = words("unit_subject_verbs")
_ENTRY_LEMMAS = words("entry_verbs")
_ACTIVITY_LEMMAS = words("activity_verbs")
_SIGHTING_LEMMAS = words("sighting_verbs")
_EVIDENCE_NOUNS = words("evidence_nouns")
_DEPLOY_NOUNS = words("movement_nouns")
_COMBAT_NOUNS = words("combat_nouns")
_COMBAT_PLACE_PREPS = {"for", "in", "around", "near", "over", "at"}
_PARTICIPATION_LEMMAS = words("participation_verbs")
_EVENT_LEMMAS = words("combat_event_verbs")
_TARGET_PREPS = {"to", "in", "into", "on", "toward", "towards", "at", "inside"}
_PRESENCE_PREPS = {"in", "on", "at", "inside", "near", "around"}
_UNIT_NOUNS = words("unit_nouns")
_BRANCH_WORDS = words("branch_words")
_POLICE_WORDS = words("police_words")
_VESSEL_WORDS = words("vessel_words")
_CIVILIAN_WORDS = words("civilian_words")
_MISSION_NOUNS = words("mission_nouns")
_ENTRY_NOUNS = words("entry_nouns")
_CONTROL_LEMMAS = words("control_verbs")
_CONTROL_VERBS = words("control_of_verbs")
_MISSION_VERBS = words("mission_verbs")
_EXPULSION_LEMMAS = words("expulsion_verbs")
# The area a patrolling unit is in when the verb takes it as object: "patrolled the waters off X".
_SEA_AREA_WORDS = {"waters"}
_DENIAL_LEMMAS = words("denial_verbs")
_PRESENCE_ADJECTIVES = words("presence_adjectives")
_AREA_NOUNS = {"waters", "water", "skies", "airspace", "coast", "coastline", "border", "area", "strait", "sea"}
# Words that stand for a number of the unit already under discussion: "a small number are in X".
_COUNT_WORDS = {"number", "most", "some", "many", "all", "thousands", "hundreds", "dozens", "bulk", "majority",
                "part", "parts", "rest", "half", "several", "few", "more", "others", "those", "these", "total"}
_PRONOUNS = {"they", "them", "who", "which", "that"}
_FRESH_WORDS = words("fresh_words")
_MODALS = {"will", "would", "could", "may", "might", "should", "shall", "'ll", "can", "must"}
# Infinitives under these heads report a fact ("began to deploy", "is believed to have sent").
_FACTUAL_INFINITIVE_HEADS = {"begin", "start", "continue", "appear", "seem", "believe", "report", "say",
                             "know", "understand", "think", "estimate", "confirm", "claim", "allege", "suspect"}
_COMPASS = {"eastern", "western", "northern", "southern", "central", "north", "south", "east", "west",
            "northeastern", "northwestern", "southeastern", "southwestern", "far"}
_FRONT_WORDS = {"front", "frontline", "frontlines", "front-line", "line", "lines"}
_REGION_WORDS = {"region", "oblast", "province", "district", "area", "krai", "territory"}
_TREATY_NOUNS = words("treaty_nouns")
_PERSON_HEADS = {"leader", "president", "premier", "minister", "chancellor", "king", "ruler", "dictator"}
_POSSIBILITY_NOUNS = words("possibility_nouns")
_SIGNING_NOUNS = words("signing_nouns")
_PROSPECT_WORDS = words("prospect_words")
_COUNTRIES = {"countries", "states", "nations", "sides", "leaders", "parties", "governments"}


class _Context:
    """Per-article lookups shared by the rules."""

    def __init__(self, doc: Doc, mentions: list[Mention], table: EntityRegistry | None):
        self.doc = doc
        self.table = table
        self.by_token = {i: m for m in mentions if m.entity for i in range(m.start, m.end)}
        self.known = {m.entity for m in mentions if m.entity}
        self.units = [m for m in mentions if m.type is EntityType.UNIT and m.entity]
        self.treaties = [m for m in mentions if m.type is EntityType.TREATY and m.entity]
        self.places = [m for m in mentions if m.type is EntityType.PLACE and m.entity]
        self.states = {m.entity for m in mentions if m.type is EntityType.STATE and m.entity}
        # The last state a unit was sent to or found in: what "in the country" refers back to.
        self.country: str | None = None
        self.gaz = load_gazetteer()
        if table is not None:
            for m in self.treaties:
                _alias_treaty_name(doc, m, table)

    def register(self, type_: EntityType, name: str, surface: str | None = None) -> str | None:
        """The id of (type, name): registered with the table when there is one, else only when the
        article already has that entity."""
        key = entity_id(type_, name)
        if self.table is not None:
            return self.table.add(type_, name, surface, count=False)
        return key if key in self.known else None

    def mention(self, i: int) -> Mention | None:
        return self.by_token.get(i)


def extract_relations(doc: Doc, mentions: list[Mention], article_id: str, published: str | None,
                      skip: list[tuple[int, int]] | None = None,
                      table: EntityRegistry | None = None,
                      statements: list[StatementRecord] | None = None) -> list[RelationRecord]:
    """DEPLOYED_TO and SIGNED relations, one per (type, source, target, sentence), in text order
    (the article keeps one per pair: one_per_pair).

    `mentions` must be resolved. With `table` (the article's EntityTable), entities a relation
    needs but NER did not give ("eastern Russia", "the front line", "North Korean troops" named
    only as "North Korean personnel") are registered there, and the phrase naming a target place or
    treaty ("the Kursk region", "Treaty on Comprehensive Strategic Partnership") is added as an
    alias; without it, only entities already in `mentions` are used. With `statements` (the
    article's), each relation gets the speaker who reports it as `claimed_by`
    (relation_claims.find_claimant); `hedged` is set either way (relation_claims.is_hedged).
    """
    ctx = _Context(doc, mentions, table)
    out: dict[str, RelationRecord] = {}
    for sent in doc.sents:
        sentence, start, end = sentence_span(sent)
        # Test where the words start: blanked-out boilerplate can lead the sentence as spaces.
        if not sentence or covers(skip, start):
            continue
        pairs: list[tuple[RelationType, str, str, Token]] = []
        for token in sent:
            lemma = token.lemma_.lower()
            signings = _signings(token, ctx) if token.pos_ == "VERB" and lemma in SIGN_LEMMAS else []
            control = _control(token, ctx) if token.pos_ == "VERB" and lemma in _CONTROL_LEMMAS | _CONTROL_VERBS else []
            if control:
                found = [(RelationType.DEPLOYED_TO, u, p) for u, p in control]
            elif token.pos_ == "VERB" and lemma in _EXPULSION_LEMMAS:
                found = [(RelationType.DEPLOYED_TO, u, p) for u, p in _expulsion(token, ctx)]
            elif signings:
                # "reached a deal", "struck an accord": without a treaty object the verb may move a unit.
                found = [(RelationType.SIGNED, s, t) for s, t in signings]
            elif token.pos_ in {"VERB", "AUX"} and (lemma in DEPLOY_LEMMAS or lemma in _UNIT_SUBJECT_LEMMAS):
                found = [(RelationType.DEPLOYED_TO, u, p) for u, p in _deployments(token, ctx)]
            elif token.pos_ == "VERB" and (lemma in _ACTIVITY_LEMMAS | _SIGHTING_LEMMAS or lemma in _MISSION_VERBS and any(
                    c.dep_ == "dobj" and _mission_object(c) for c in token.children)):
                found = [(RelationType.DEPLOYED_TO, u, p) for u, p in _activity(token, ctx)]
            elif lemma == "be" and token.dep_ not in {"aux", "auxpass"}:
                found = [(RelationType.DEPLOYED_TO, u, p) for u, p in _presence(token, ctx)]
            elif lemma == "have" and token.pos_ == "VERB":
                found = [(RelationType.DEPLOYED_TO, u, p) for u, p in _possession(token, ctx)]
            elif token.pos_ in {"NOUN", "PROPN"} and token.lower_ in _SIGNING_NOUNS:
                found = [(RelationType.SIGNED, s, t) for s, t in _nominal_signing(token, ctx)]
            elif token.pos_ in {"NOUN", "PROPN"}:
                found = [(RelationType.DEPLOYED_TO, u, p) for u, p in _nominal(token, ctx)]
            else:
                found = []
            if found and _disputed(token):
                found = []
            pairs += [(type_, s, t, token) for type_, s, t in found]
        date = sentence_date(sent, published) if pairs else None
        following = doc[sent.end].sent if pairs and sent.end < len(doc) else None
        for type_, source, target, word in pairs:
            if source == target or type_ is RelationType.DEPLOYED_TO and _own_territory(source, target, ctx):
                continue
            if type_ is RelationType.DEPLOYED_TO and target in ctx.states:
                ctx.country = target
            rid = relation_id(article_id, type_, source, target, sent.start_char)
            if rid in out:
                continue
            claimant = find_claimant(word, statements or [], ctx.mention)
            out[rid] = RelationRecord(
                id=rid, type=type_, source=source, target=target, sentence=sentence,
                start=start, end=end, date=date,
                claimed_by=claimant,
                hedged=is_hedged(word, following),
            )
    return list(out.values())


def one_per_pair(relations: list[RelationRecord]) -> list[RelationRecord]:
    """One relation per (type, source, target): an article that says the same thing in its lead
    and again later states one fact (CONVENTIONS.md lists each once), and counting edges must
    count facts. The one kept is the first the article vouches for (not hedged), else the first;
    its sentence is the provenance."""
    kept: dict[tuple, RelationRecord] = {}
    for r in relations:
        key = (r.type, r.source, r.target)
        if key not in kept or kept[key].hedged and not r.hedged:
            kept[key] = r
    return sorted(kept.values(), key=lambda r: r.start)


# --- DEPLOYED_TO -----------------------------------------------------------------------------


def _deployments(verb: Token, ctx: _Context) -> list[tuple[str, str]]:
    """'sent 1,500 soldiers to X', 'troops were deployed in X', 'troops moved into X',
    'the soldiers sent to X' (participle), 'the personnel that the regime sent to X' (relative)."""
    if _hypothetical(verb):
        return []
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    heads: list[Token] = []
    if lemma in DEPLOY_LEMMAS:
        heads += [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        if verb.dep_ == "acl" or verb.dep_ == "relcl" and not any(
                c.dep_ == "dobj" and c.lower_ not in _PRONOUNS for c in verb.children):
            heads.append(verb.head)  # "soldiers sent to Russia", "troops that Pyongyang sent"
        if verb.dep_ == "acomp" and verb.head.lemma_.lower() == "be" and not _hypothetical(verb.head):
            # "units were already positioned in X": the participle read as an adjective.
            heads += [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if lemma in _UNIT_SUBJECT_LEMMAS and not passive:
        heads += [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ in {"acl", "relcl"}:
            heads.append(verb.head)
    # "withdraw any forces it had sent", "no troops were sent": no unit is said to have gone.
    # "ordered the deployment of jets": the movement noun's own rule (_nominal) finds what moves.
    heads = [h for h in heads if not _denied(h) and h.lower_ not in _DEPLOY_NOUNS]
    units = [u for h in heads if (u := _unit_of(h, ctx, verb)) is not None]
    if not units:
        return []
    if lemma in _ENTRY_LEMMAS:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None:
            place = _place_phrase(obj, ctx) or _bare_place(obj, ctx)
            return [(u, place) for u in dict.fromkeys(units) if place and not _own_territory(u, place, ctx)]
    if lemma == "take" and not any(c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "into"} for c in verb.children):
        return []  # "took 50 soldiers prisoner in X": only "taken to X" moves a unit
    places = _targets(verb, ctx, heads) or _surface_targets(verb, heads, ctx)
    return [(u, p) for u in dict.fromkeys(units) for p in places if not _own_territory(u, p, ctx)]


def _presence(be: Token, ctx: _Context) -> list[tuple[str, str]]:
    """'troops are in Russia', 'there are troops in X', 'troops are already on the frontline in X'."""
    if _hypothetical(be):
        return []
    subjects = [c for c in be.children if c.dep_ == "nsubj"]
    if any(c.dep_ == "expl" for c in be.children):
        subjects += [c for c in be.children if c.dep_ in {"attr", "nsubj"}]
    units = [u for s in subjects if not _denied(s) and (u := _unit_of(s, ctx, be)) is not None]
    if not units:
        return []
    preps = [c for c in be.children if c.dep_ == "prep" and c.lower_ in _PRESENCE_PREPS]
    preps += [p for s in subjects for p in s.children if p.dep_ == "prep" and p.lower_ in _PRESENCE_PREPS]
    # "troops are present in X", "forces are active near X": the place hangs from the adjective.
    preps += [p for a in be.children if a.dep_ == "acomp" and a.lower_ in _PRESENCE_ADJECTIVES
              for p in a.children if p.dep_ == "prep" and p.lower_ in _PRESENCE_PREPS]
    places = [p for prep in preps if (p := _target_of_prep(prep, ctx)) is not None]
    return [(u, p) for u in dict.fromkeys(units) for p in dict.fromkeys(places)]


def _possession(have: Token, ctx: _Context) -> list[tuple[str, str]]:
    """'Russia has 600,000 troops in Ukraine', 'the North has about 11,000 soldiers in Russia'."""
    if _hypothetical(have):
        return []
    objects = [c for c in have.children if c.dep_ == "dobj"
               and (c.lower_ in _UNIT_NOUNS or c.lemma_.lower() in _UNIT_NOUNS or ctx.mention(c.i) is not None)]
    units = {o: u for o in objects if (u := _unit_of(o, ctx, have)) is not None}
    if not units:
        return []
    preps = [c for c in have.children if c.dep_ == "prep" and c.lower_ in _PRESENCE_PREPS]
    preps += [p for o in units for p in o.children if p.dep_ == "prep" and p.lower_ in _PRESENCE_PREPS]
    places = [p for prep in preps if (p := _target_of_prep(prep, ctx)) is not None]
    return [(u, p) for u in dict.fromkeys(units.values()) for p in dict.fromkeys(places)
            if not _own_territory(u, p, ctx)]


def _activity(verb: Token, ctx: _Context) -> list[tuple[str, str]]:
    """A unit placed by what it does there or by being seen there: 'troops are fighting near X',
    'the brigade, which is operating in X', 'soldiers had been trained at ranges near X',
    'soldiers were spotted near X', 'drones filmed troops in X'."""
    if _hypothetical(verb):
        return []
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    objects = [c for c in children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in children):
        # "were seen and filmed in X": the second verb shares the first one's subject.
        objects += [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        children += [c for c in verb.head.children if c.dep_ == "nsubj"]
    mission = lemma in _MISSION_VERBS
    if mission:
        # "vessels carried out patrols in X": the doer is there; where sits on the verb or the noun.
        objects = [c for c in children if c.dep_ == "dobj" and _mission_object(c)]
        heads = [c for c in children if c.dep_ == "nsubj"]
    elif lemma in _ACTIVITY_LEMMAS:
        # "troops fought in X"; "X trained the soldiers near Y" places the trained, not the trainer.
        heads = [c for c in children if c.dep_ == "nsubj"] if lemma != "train" or not objects else []
        heads += objects if lemma == "train" else []
        if verb.dep_ == "xcomp" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in children):
            # "soldiers were seen fighting in X", "troops are estimated to have fought in X",
            # "drones filmed troops operating near X": the unit is the raising verb's argument.
            head = verb.head
            deps = {"nsubj", "nsubjpass"} | ({"dobj"} if head.lemma_.lower() in _SIGHTING_LEMMAS else set())
            raised = [c for c in head.children if c.dep_ in deps]
            if head.lemma_.lower() in _SIGHTING_LEMMAS and any(c.dep_ == "dobj" for c in raised):
                raised = [c for c in raised if c.dep_ == "dobj"]  # the filmed, not the filmer
            heads += raised
    else:
        heads = objects
    if verb.dep_ == "acl" or verb.dep_ == "relcl" and any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"who", "which", "that"} for c in children):
        heads.append(verb.head)  # "soldiers spotted near X", "the brigade, which is fighting in X"
        if _event_argument(verb.head):
            return []  # "if they join the forces who are fighting in X"
    heads = [h for h in heads if not _denied(h)]
    units = [u for h in heads if (u := _unit_of(h, ctx, None)) is not None]
    if not units:
        return []
    preps = [c for c in children if c.dep_ == "prep" and c.lower_ in _PRESENCE_PREPS]
    preps += [p for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in _PRESENCE_PREPS]
    if mission:
        preps += [p for o in objects for p in o.children if p.dep_ == "prep" and (
            p.lower_ in _PRESENCE_PREPS | {"off"} or p.lower_ == "into" and _entry_object(o))]
        preps += [c for c in children if c.dep_ == "prep" and c.lower_ == "into" and any(_entry_object(o) for o in objects)]
        preps += [c for c in children if c.dep_ == "prep" and c.lower_ == "off"]
    places = [p for prep in preps for p in _places_of_prep(prep, ctx)]
    if not places and lemma == "patrol":
        # "patrolled the waters around X", "patrol the Red Sea": the patrolled area.
        for obj in (c for c in children if c.dep_ == "dobj"):
            place = _place_phrase(obj, ctx) or _bare_place(obj, ctx)
            if place is None and obj.lower_ in _AREA_NOUNS:
                place = next((p for prep in obj.children if prep.dep_ == "prep"
                              and prep.lower_ in {"around", "off", "of", "near", "along"}
                              for p in _places_of_prep(prep, ctx)), None)
            if place:
                places.append(place)
    if not places and lemma in _ACTIVITY_LEMMAS:
        places = _where_target(verb, ctx)  # "Darfur, where Chadian forces have fought for years"
    return [(u, p) for u in dict.fromkeys(units) for p in dict.fromkeys(places) if not _own_territory(u, p, ctx)]


def _expulsion(verb: Token, ctx: _Context) -> list[tuple[str, str]]:
    """A unit driven out of a place was there, as is the one that drives it out: 'the navy sent
    patrol boats to expel two foreign cutters from its waters' (both the boats and the cutters),
    'marines chased the militia fighters out of the port' (both)."""
    purpose = verb.dep_ in {"advcl", "xcomp"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    mover_verb = verb.head if purpose else verb
    if _hypothetical(mover_verb) or not purpose and _hypothetical(verb):
        return []
    places = _origin_places(verb, ctx)
    if not places:
        return []
    if purpose and mover_verb.lemma_.lower() in DEPLOY_LEMMAS:
        movers = [c for c in mover_verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    else:
        movers = [c for c in mover_verb.children if c.dep_ == "nsubj"]
    units = [u for h in movers if not _denied(h) and (u := _unit_of(h, ctx, mover_verb)) is not None]
    # The expelled unit must be named here: "expelled them" says nothing new of a unit named before.
    units += [u for o in verb.children if o.dep_ == "dobj" and not _denied(o)
              and (u := _unit_of(o, ctx, None, anaphora=False)) is not None]
    return [(u, p) for u in dict.fromkeys(units) for p in places if not _own_territory(u, p, ctx)]


def _origin_places(verb: Token, ctx: _Context) -> list[str]:
    """The places a unit is put out of: 'from X' or 'out of X', on the verb or on its object."""
    holders = [verb] + [c for c in verb.children if c.dep_ in {"dobj", "prt"}]
    preps = [p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "from"]
    # "out of X": "out" as a particle or preposition with "of" below it.
    preps += [g for h in holders for p in h.children if p.lower_ == "out"
              for g in p.children if g.dep_ == "prep" and g.lower_ == "of"]
    preps += [p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
              and any(c.lower_ == "out" and c.i == p.i - 1 for c in h.children)]
    return list(dict.fromkeys(pl for prep in preps for pl in _places_of_prep(prep, ctx)))


def _entry_object(obj: Token) -> bool:
    """'an incursion', 'a surprise counteroffensive' (parsed with the entry noun as a modifier)."""
    return obj.lower_ in _ENTRY_NOUNS or any(
        c.dep_ in {"amod", "compound"} and c.lower_ in _ENTRY_NOUNS for c in obj.children)


def _mission_object(obj: Token) -> bool:
    """A verb's object that is something a unit carries out somewhere: patrols, operations, entries."""
    return obj.lower_ in _MISSION_NOUNS or _entry_object(obj)


def _control(verb: Token, ctx: _Context) -> list[tuple[str, str]]:
    """A unit that takes a place is there: 'troops liberated the village of X', 'the militia
    seized X', 'the RSF had taken control of X'. Only in the active voice with a unit subject."""
    children = list(verb.children)
    if _hypothetical(verb) or any(c.dep_ in {"nsubjpass", "auxpass"} for c in children):
        return []
    objects = [c for c in children if c.dep_ == "dobj"]
    if verb.lemma_.lower() in _CONTROL_VERBS:
        # "took control of X": the place is the object of "control"'s "of".
        objects = [g for o in objects if o.lower_ == "control"
                   for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    if not objects:
        return []
    subj_verb = verb
    while not any(c.dep_ == "nsubj" for c in subj_verb.children) and subj_verb.dep_ in {"xcomp", "conj"}:
        subj_verb = subj_verb.head
    heads = [c for c in subj_verb.children if c.dep_ == "nsubj" and not _denied(c)]
    units = [u for h in heads if (u := _unit_of(h, ctx, None)) is not None]
    if not units:
        return []
    places = []
    for obj in objects:
        # "X", "the Kursk region", "the last rebel-held village of X"
        place = _place_phrase(obj, ctx) or _bare_place(obj, ctx) or _named_place(obj, ctx)
        if place:
            places.append(place)
    return [(u, p) for u in dict.fromkeys(units) for p in dict.fromkeys(places) if not _own_territory(u, p, ctx)]


def _denied(noun: Token) -> bool:
    """'no troops', 'any forces', 'no signs of troops': a phrase that says no unit is there."""
    node = noun
    for _ in range(4):
        if any(c.dep_ == "det" and c.lower_ in {"no", "any"} for c in node.children):
            return True
        if node.dep_ not in {"pobj", "prep"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def _nominal(noun: Token, ctx: _Context) -> list[tuple[str, str]]:
    """'the arrival of Eritrean soldiers in Sudan', 'the presence of troops at the border',
    'the movement of troops ... to Vladivostok', and a unit noun with a place phrase
    ('12,000 North Korean troops in Russia')."""
    lower = noun.lower_
    if lower in _COMBAT_NOUNS:
        return _combat_role(noun, ctx)
    if lower in _EVIDENCE_NOUNS and _denied(noun):
        return []
    if any(c.dep_ == "det" and c.lower_ in {"any", "no"} for c in noun.children) and (
            lower in _DEPLOY_NOUNS or noun.lemma_.lower() in _DEPLOY_NOUNS):
        return []  # "any deployment of troops to X would be illegal": no movement is stated
    if lower not in _DEPLOY_NOUNS and noun.lemma_.lower() in _DEPLOY_NOUNS:
        lower = noun.lemma_.lower()  # "troop deployments", "arrivals"
    if lower in _DEPLOY_NOUNS | _EVIDENCE_NOUNS:
        units = [u for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                 for c in p.children if c.dep_ == "pobj" and (u := _unit_of(c, ctx, None)) is not None]
        if not units and lower in _DEPLOY_NOUNS and not any(p.lower_ == "of" for p in noun.children) \
                and any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an", "any", "no"} for c in noun.children):
            # "the move into Kursk", "Pyongyang's deployment to Russia": the unit under discussion.
            units = [u for u in [_unit_of_owner(noun, ctx)] if u is not None]
        if not units or _hypothetical(noun.head if noun.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj"} else noun):
            return []
        of_objects = [c for p in noun.children if p.lower_ == "of" for c in p.children]
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS]
        preps += [p for o in of_objects for p in o.children if p.dep_ == "prep" and p.lower_ in _TARGET_PREPS]
        if not preps and noun.dep_ == "dobj" and noun.i + 1 < len(noun.doc):
            # "denied its troop deployments to X", with "to X" hung on the verb right after the noun.
            after = noun.doc[noun.i + 1]
            if after.dep_ == "prep" and after.lower_ in {"to", "into"} and after.head.i == noun.head.i:
                preps.append(after)
        places = [p for prep in preps if (p := _target_of_prep(prep, ctx)) is not None]
        if not places and lower in _DEPLOY_NOUNS - {"presence"}:
            # "ordered the deployment of jets to reinforce the fleet in X": the infinitive may hang
            # from the noun or from the verb that governs it.
            places = _purpose_target(noun, ctx) or (_purpose_target(noun.head, ctx) if noun.dep_ == "dobj" else [])
        return [(u, p) for u in dict.fromkeys(units) for p in dict.fromkeys(places)]
    m = ctx.mention(noun.i)
    if m is None or m.type is not EntityType.UNIT or noun.i != _head_index(m, ctx.doc):
        return []
    # Only a bare phrase ("troops in Russia" in a headline, or as a subject/object of a verb
    # handled elsewhere would duplicate): require the noun not to be the argument of a deploy verb.
    if noun.head.lemma_.lower() in DEPLOY_LEMMAS | _UNIT_SUBJECT_LEMMAS | {"be", "have"} or noun.head.lower_ in _DEPLOY_NOUNS \
            or noun.head.lower_ == "of" and noun.head.head.lower_ in _DEPLOY_NOUNS:
        return []
    if _event_argument(noun) or _denied(noun):
        return []
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in _PRESENCE_PREPS]
    places = [p for prep in preps if (p := _target_of_prep(prep, ctx)) is not None]
    return [(m.entity, p) for p in dict.fromkeys(places)]


def _combat_role(noun: Token, ctx: _Context) -> list[tuple[str, str]]:
    """A unit given a part in the fighting for a place fought there: 'the courage of the Chadian
    soldiers in the fighting for X', 'troops in the battle for X', 'forces took part in the
    battle around X'. The place hangs from the combat noun; the unit from what 'in' hangs from."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return []
    places = [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in _COMBAT_PLACE_PREPS
              for p in _places_of_prep(prep, ctx)]
    if not places:
        return []
    holder = noun.head.head
    heads = [holder] if holder.pos_ in {"NOUN", "PROPN"} else []
    heads += [c for p in holder.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    before = noun.doc[noun.head.i - 1] if noun.head.i > noun.sent.start else None
    if before is not None and before.pos_ in {"NOUN", "PROPN"} and before not in heads and (
            before.lower_ in _UNIT_NOUNS or ctx.mention(before.i) is not None):
        heads.append(before)  # "praised the soldiers in the fighting for X", with "in" hung on the verb
    takes_part = holder.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in holder.children)
    if holder.lower_ == "part" and holder.head.lemma_.lower() == "take":
        holder, takes_part = holder.head, True
    if holder.lemma_.lower() in _PARTICIPATION_LEMMAS or takes_part:
        verb = holder
        if _hypothetical(verb):
            return []
        heads += [c for c in verb.children if c.dep_ == "nsubj"]
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is not None and _hypothetical(verb):
        return []
    units = [u for h in heads if not _denied(h) and (u := _unit_of(h, ctx, None, anaphora=h.lower_ in _PRONOUNS)) is not None]
    return [(u, p) for u in dict.fromkeys(units) for p in dict.fromkeys(places) if not _own_territory(u, p, ctx)]


def _event_argument(noun: Token) -> bool:
    """A unit phrase that is the target or agent of a combat event ('captured soldiers in X', 'the
    fight against forces in X', 'captured by forces in X'): its place is where the event
    happened, not a stated deployment. So is one under a hypothetical verb."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in {"against", "by", "with", "from", "among", "between"}:
        return True
    if noun.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in _EVENT_LEMMAS:
        return True
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and _hypothetical(verb)


def _unit_of_owner(noun: Token, ctx: _Context) -> str | None:
    """The unit a movement noun without an 'of' phrase is about: the troops of the state that owns
    it ('Pyongyang's deployment'), else the last unit mentioned before."""
    for child in noun.children:
        m = ctx.mention(child.i)
        if child.dep_ == "poss" and m is not None and m.type is EntityType.STATE:
            return ctx.register(EntityType.UNIT, f"{ctx.gaz.adjective.get(m.name, m.name)} troops")
        if child.dep_ == "poss" and child.lower_ in {"its", "their"} and any(
                c.dep_ in {"compound", "amod"} and c.lemma_.lower() in {"troop", "military", "force"} for c in noun.children):
            # "North Korea denied its troop deployments": the state the clause is about.
            state = _sending_state(noun.head, ctx) if noun.dep_ == "dobj" else None
            return ctx.register(EntityType.UNIT, f"{ctx.gaz.adjective.get(state, state)} troops") if state else None
        if child.dep_ == "poss":
            return None  # someone else's move: "Washington's move", "his move"
    previous = [m for m in ctx.units if m.start < noun.i]
    return previous[-1].entity if previous else None


def _head_index(m: Mention, doc: Doc) -> int:
    return doc[m.start : m.end].root.i


def _targets(verb: Token, ctx: _Context, heads: list[Token]) -> list[str]:
    """Places the verb moves the unit to: its own to/in/into phrases, 'to' phrases attached to the
    object or further down ('on a ship from X to Vladivostok'), else the first place after 'to'."""
    preps = [c for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ in _TARGET_PREPS]
    # "to" attached lower in the verb's own clause, e.g. to the object or to a vehicle phrase.
    for tok in verb.subtree:
        if tok.lower_ in {"to", "into"} and tok.dep_ in {"prep", "dative"} and tok not in preps \
                and _same_clause(tok, verb) and not _under_from(tok, verb):
            preps.append(tok)
    preps += [c for p in preps for c in p.conjuncts if c.pos_ == "ADP" and c not in preps]  # "to X and to Y"
    places = [p for prep in preps for p in _places_of_prep(prep, ctx)]
    if not places:
        places = _where_target(verb, ctx)
    if not places:
        places = _purpose_target(verb, ctx)
    return list(dict.fromkeys(places))


def _where_target(verb: Token, ctx: _Context) -> list[str]:
    """'... in the Kursk region, where they were deployed': the place the 'where' clause hangs from."""
    node = verb
    for _ in range(3):
        if any(c.dep_ == "advmod" and c.lower_ == "where" for c in node.children) and node.dep_ == "relcl":
            place = _place_phrase(node.head, ctx) or _bare_place(node.head, ctx)
            return [place] if place else []
        if node.dep_ not in {"xcomp", "conj"} or node.head == node:
            break
        node = node.head
    return []


def _surface_targets(verb: Token, heads: list[Token], ctx: _Context) -> list[str]:
    """When the parse misattaches 'to X' ('transferred 3,000 soldiers to eastern Russia', with
    'eastern' read as a verb): every 'to'/'into' after the unit, before the next verb or clause
    break, followed within three tokens by a place."""
    doc = verb.doc
    start = max([h.i for h in heads] + [verb.i]) + 1
    out = []
    for i in range(start, verb.sent.end):
        tok = doc[i]
        if tok.pos_ in {"VERB", "AUX"} and tok.lower_ not in _COMPASS | {"to"} or tok.text in {";", ":"} \
                or tok.dep_ == "mark" or tok.lower_ in {"which", "who", "where", "while", "but"}:
            break
        if tok.lower_ not in {"to", "into"}:
            continue
        after = doc[i + 1] if i + 1 < verb.sent.end else tok
        if after.pos_ == "VERB" and after.lower_ not in _COMPASS and ctx.mention(after.i) is None:
            continue  # "sending troops to fight for Russia": a purpose, not a destination
        for j in range(i + 1, min(i + 4, verb.sent.end)):
            m = ctx.mention(j)
            if m is not None and m.type in RELATION_PATTERNS[RelationType.DEPLOYED_TO][1] and not m.demonym:
                compass = doc[m.start - 1].lower_ if m.start > 0 else ""
                if m.type is EntityType.STATE and compass in _COMPASS:
                    out.append(ctx.register(EntityType.PLACE, f"{compass} {m.name}", doc[m.start - 1 : m.end].text))
                else:
                    out.append(m.entity)
                break
    return [p for p in dict.fromkeys(out) if p]


def _own_territory(unit: str, place: str, ctx: _Context) -> bool:
    """A state's own troops 'deployed to' that state: a wrong antecedent, not a deployment."""
    place_names = {m.name for m in ctx.by_token.values() if m.entity == place}
    state = next((s for s in ctx.gaz.adjective if any(n == s or n.endswith(" " + s) for n in place_names)), None)
    if state is None:
        return False
    names = {m.name for m in ctx.units if m.entity == unit}
    adjective = ctx.gaz.adjective.get(state, state)
    # A unit registered by the rules ("Malian troops") has no mention: its id carries the name.
    return any(n.startswith(adjective + " ") for n in names) or unit.startswith(entity_id(EntityType.UNIT, adjective) + "-")


def _same_clause(tok: Token, verb: Token) -> bool:
    node = tok.head
    while node != verb:
        if node.pos_ in {"VERB", "AUX"} and node.dep_ not in {"amod", "acl"} or node.dep_ in {"relcl", "advcl", "ccomp"}:
            return False
        if node.head == node:
            return False
        node = node.head
    return True


def _under_from(tok: Token, verb: Token) -> bool:
    """A 'to' inside an origin phrase is still a destination ('from X to Y'); one inside a
    quantity or time phrase is not ('bringing the total to 3,000')."""
    node = tok.head
    while node != verb:
        if node.lower_ in {"total", "number", "figure", "from"} and node.dep_ in {"dobj", "nsubj"}:
            return True
        node = node.head
    return False


_SUPPORT_LEMMAS = words("support_verbs")


def _purpose_target(verb: Token, ctx: _Context) -> list[str]:
    """'deploying soldiers to help Russia': the state that the troops are sent to help; 'sent jets
    to reinforce the fleet in X': the place where what they back up is."""
    out = []
    for c in verb.children:
        if c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in _ACTIVITY_LEMMAS and any(a.lower_ == "to" for a in c.children):
            # "sent to train in eastern Russia": where they are sent to do it.
            out += [p for prep in c.children if prep.dep_ == "prep" and prep.lower_ in _PRESENCE_PREPS
                    for p in _places_of_prep(prep, ctx)]
        if c.dep_ in {"advcl", "xcomp", "acl"} and c.lemma_.lower() in _SUPPORT_LEMMAS \
                and any(a.lower_ == "to" for a in c.children):
            for obj in c.children:
                m = ctx.mention(obj.i)
                if obj.dep_ == "dobj" and m is not None and m.type is EntityType.STATE and not m.demonym:
                    out.append(m.entity)
                elif obj.dep_ == "dobj":
                    # "to reinforce the fleet in X": the unit goes where what it supports is (the
                    # parse hangs "in X" on the noun or on the verb).
                    out += [p for holder in (obj, c) for prep in holder.children
                            if prep.dep_ == "prep" and prep.lower_ in _PRESENCE_PREPS
                            for p in _places_of_prep(prep, ctx)]
    return out


def _places_of_prep(prep: Token, ctx: _Context) -> list[str]:
    """The place a preposition's object names, the places coordinated with it ('near the
    villages of A, B and C') and the examples it gives ('in X and other towns such as A and B',
    'in several cities, including A and B')."""
    first = _target_of_prep(prep, ctx)
    out = [first] if first else []
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        for tok in pobj.subtree:
            if _example_of_places(tok):
                for node in [tok, *tok.conjuncts]:
                    place = _place_phrase(node, ctx) or _bare_place(node, ctx) or _example_place(node, ctx)
                    if place:
                        out.append(place)
                continue
            if first is None or tok.dep_ != "conj" or tok.i == pobj.i:
                continue
            root = tok
            while root.dep_ == "conj" and root.head.i != root.i:
                root = root.head
            if _example_of_places(root):
                continue  # taken with its list above
            if _place_phrase(root, ctx) or _bare_place(root, ctx):
                place = _place_phrase(tok, ctx) or _bare_place(tok, ctx)
                if place:
                    out.append(place)
    return list(dict.fromkeys(out))


# Nouns for places: their examples are places whatever NER calls them ("towns such as A").
_PLACE_NOUNS = {"city", "town", "village", "site", "base", "port", "region", "area", "province", "district",
                "locality", "settlement", "airfield", "airport", "island", "country", "state", "capital"}


def _example_of_places(tok: Token) -> bool:
    """The object of 'such as' or 'including' inside a place phrase: an example of the places."""
    head = tok.head
    if head.lower_ == "including":  # tagged a preposition or a verb
        return tok.dep_ in {"pobj", "dobj"}
    return tok.dep_ == "pobj" and head.lower_ == "as" and any(c.lower_ == "such" for c in head.children)


def _example_place(tok: Token, ctx: _Context) -> str | None:
    """A proper name given as an example of a place noun ('Russian sites such as Ussuriysk'): a
    place, even where NER took it for a person."""
    listed = tok
    while listed.dep_ == "conj" and listed.head.i != listed.i:
        listed = listed.head
    noun = listed.head.head
    if tok.pos_ != "PROPN" or ctx.table is None or noun.lemma_.lower() not in _PLACE_NOUNS:
        return None
    m = ctx.mention(tok.i)
    if m is not None and m.type in {EntityType.STATE, EntityType.PLACE}:
        return m.entity
    return ctx.table.add(EntityType.PLACE, _phrase(tok), count=False)


def _target_of_prep(prep: Token, ctx: _Context) -> str | None:
    """The place or state a preposition's object names (registering derived places)."""
    targets = RELATION_PATTERNS[RelationType.DEPLOYED_TO][1]
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        if pobj.lower_ == "country" and not any(c.dep_ in {"amod", "compound", "poss", "prep"} for c in pobj.children) \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in pobj.children):
            return ctx.country  # "about 10,000 are in the country": the state they were said to be in
        found = _place_phrase(pobj, ctx)
        if found:
            return found
        # "the Russian city of Vladivostok", "training centers in eastern Russia", "the war in Ukraine".
        for tok in pobj.subtree:
            if tok.i == pobj.i or tok.dep_ not in {"pobj", "compound", "appos"} or _in_clause(tok, pobj):
                continue
            # "in parts of Kursk" after "the Kursk region": a bare name of the article's place.
            found = _place_phrase(tok, ctx) or (_bare_place(tok, ctx) if tok.dep_ == "pobj" else None)
            if found:
                return found
        m = ctx.mention(pobj.i)
        if m is not None and m.type in targets and not m.demonym:
            return m.entity
        found = _bare_place(pobj, ctx) or _named_place(pobj, ctx)
        if found:
            return found
    return None


def _named_place(noun: Token, ctx: _Context) -> str | None:
    """'the village of Gornal', 'the port city of X': the name a place noun gives in its 'of'
    phrase is a place, whatever NER made of it."""
    if noun.lemma_.lower() not in _PLACE_NOUNS or ctx.table is None:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for name in prep.children:
                m = ctx.mention(name.i)
                if m is not None and m.type in {EntityType.PLACE, EntityType.STATE} and not m.demonym:
                    return m.entity
                if name.dep_ == "pobj" and name.pos_ == "PROPN" and (m is None or m.type is EntityType.PERSON):
                    return ctx.table.add(EntityType.PLACE, _phrase(name), count=False)
    return None


def _in_clause(tok: Token, top: Token) -> bool:
    """Whether `tok` sits in a clause hanging below `top` ('Kursk, where Ukraine has held Russian
    territory'): a place named there is not where the phrase points."""
    node = tok
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ in {"relcl", "acl", "advcl", "ccomp"} and node.pos_ in {"VERB", "AUX"}:
            return True
        node = node.head
    return False


def _bare_place(tok: Token, ctx: _Context) -> str | None:
    """A place name NER left out ('moved into Kursk' after 'the Kursk region' was named): the
    article's place whose name is this word plus a region word ('Kursk region', 'Kursk Oblast'),
    else, with a table, a new place when the tagger calls the name a location."""
    if tok.pos_ != "PROPN" or ctx.mention(tok.i) is not None or tok.dep_ == "compound":
        return None
    if any(c.dep_ == "compound" or c.pos_ == "PROPN" and c.dep_ in {"amod", "nmod"} for c in tok.children):
        return None  # part of a longer name the tagger did not resolve
    low = tok.lower_
    for m in ctx.places:
        words = m.name.lower().split()
        if len(words) in {2, 3} and words[0] == low and words[-1] in _REGION_WORDS:  # "Kursk (border) region"
            if ctx.table is not None:
                ctx.table.add(EntityType.PLACE, m.name, tok.text, count=False)
            return m.entity
    if tok.ent_type_ in {"GPE", "LOC"} and ctx.table is not None and not ctx.gaz.states.get(slugify(tok.text)):
        return ctx.table.add(EntityType.PLACE, tok.text, tok.text, count=False)
    return None


def _place_phrase(head: Token, ctx: _Context) -> str | None:
    """A place named by the phrase headed by `head`: a Place/State mention ('Vladivostok'), a
    region ('the Kursk region' -> Kursk, with that phrase as an alias), a part of a state
    ('eastern Russia'), or a front ('the front line', 'the frontline in Ukraine')."""
    targets = RELATION_PATTERNS[RelationType.DEPLOYED_TO][1]
    low = head.lower_
    if low in _SEA_AREA_WORDS and ctx.table is not None:
        # "the waters around Taiwan", "Guyana's territorial waters": a sea area is a place of its
        # own, named for the coast it lies off; a ship there is not in the state.
        owners = [c for c in head.children if c.dep_ == "poss"]
        owners += [g for p in head.children if p.dep_ == "prep" and p.lower_ in {"around", "off", "of", "near"}
                   for g in p.children if g.dep_ == "pobj"]
        if any((m := ctx.mention(o.i)) is not None and m.type in targets and not m.demonym for o in owners):
            return ctx.table.add(EntityType.PLACE, _phrase(head, preps={"around", "off", "of", "near"}), count=False)
    if low in _FRONT_WORDS and (low not in {"line", "lines"} or any(c.lower_ == "front" for c in head.children)):
        # "the front lines in Kursk": the place named is the target, not a generic front.
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in {"in", "near", "around"}:
                for g in prep.children:
                    m = ctx.mention(g.i)
                    place = m.entity if m is not None and m.type is EntityType.PLACE else None
                    place = place or (_place_phrase(g, ctx) if g.lower_ in _REGION_WORDS else _bare_place(g, ctx))
                    if place:
                        return place
        # A front is named by the state it runs through: "the Ukrainian front", "the frontline in Ukraine".
        state = _state_near(head, ctx)
        if state is not None:
            return ctx.register(EntityType.PLACE, f"{ctx.gaz.adjective.get(state, state)} front", _phrase(head))
    if low in {"territory", "soil"}:
        # "into Russian territory", "on Syrian soil", "Iraq's territory": the state itself.
        owner = [ctx.mention(c.i) for c in head.children if c.dep_ in {"amod", "poss", "compound"}]
        owner = [x for x in owner if x is not None and x.type is EntityType.STATE]
        if owner:
            return owner[0].entity
    m = ctx.mention(head.i)
    if m is not None and m.type in targets and not m.demonym:
        compass = [c for c in head.children if c.dep_ in {"amod", "compound"} and c.lower_ in _COMPASS and ctx.mention(c.i) is None]
        if compass and m.type is EntityType.STATE:
            name = f"{compass[0].lower_} {m.name}"
            return ctx.register(EntityType.PLACE, name, _phrase(head))
        return m.entity
    if low in {"east", "west", "north", "south"} and any(c.lower_ == "far" for c in head.children):
        # "Russia's far east": the region named for the state it belongs to.
        owner = [ctx.mention(c.i) for c in head.children if c.dep_ == "poss"]
        owner = [x for x in owner if x is not None and x.type is EntityType.STATE]
        if owner:
            adjective = ctx.gaz.adjective.get(owner[0].name, owner[0].name)
            return ctx.register(EntityType.PLACE, f"{adjective} Far {low.title()}", _phrase(head))
    if low in _REGION_WORDS:
        inner = [ctx.mention(c.i) for c in head.children if c.dep_ in {"compound", "amod", "nmod"}]
        inner = [x for x in inner if x is not None and x.type is EntityType.PLACE]
        if inner:
            place = inner[0]
            if ctx.table is not None:
                ctx.table.add(EntityType.PLACE, place.name, _phrase(head), count=False)
            return place.entity
        # "the Donetsk region" where NER named nothing: the region is a place of its own.
        names = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and ctx.mention(c.i) is None]
        if names and ctx.table is not None and not any(c.dep_ == "poss" and c.pos_ == "PROPN" and ctx.mention(c.i) is None
                                                       for c in head.children):
            region = head.text if head.is_title else low
            return ctx.table.add(EntityType.PLACE, f"{' '.join(c.text for c in names)} {region}", _phrase(head), count=False)
        if low in {"region", "area"} and [c.lower_ for c in head.children] == ["the"] \
                and head.dep_ == "pobj" and head.head.lower_ in {"to", "into"}:
            # "ordered the carrier to the region": the place the article named last; not where
            # something happens ("attacks in the region"), which may be wider than that place
            previous = [m for m in ctx.places if m.end <= head.i]
            if previous:
                return previous[-1].entity
    if low in _FRONT_WORDS and (low not in {"line", "lines"} or any(c.lower_ == "front" for c in head.children)):
        return ctx.register(EntityType.PLACE, "front line", _phrase(head))
    return None


def _state_near(head: Token, ctx: _Context) -> str | None:
    """The state a front belongs to: 'the Ukrainian front', 'the frontline in Ukraine'."""
    nodes = [c for c in head.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
    nodes += [g for p in head.children if p.dep_ == "prep" and p.lower_ in {"in", "of"} for g in p.children]
    for node in nodes:
        m = ctx.mention(node.i)
        if m is not None and m.type is EntityType.STATE:
            return m.name
    return None


def _phrase(head: Token, preps: set[str] = frozenset({"in", "of", "on"})) -> str:
    """The noun phrase of `head` without determiners, relative clauses or trailing punctuation."""
    doc = head.doc
    left = head.left_edge.i
    while left < head.i and (doc[left].dep_ in {"det", "predet"} or doc[left].is_punct or doc[left].tag_ == "PRP$"):
        left += 1
    right = head.i
    for child in head.rights:
        if child.dep_ in {"prep", "compound", "appos"} and child.lower_ in preps:
            right = max(right, child.right_edge.i)
        else:
            break
    while right > head.i and doc[right].is_punct:
        right -= 1
    return doc[left : right + 1].text


def _unit_of(head: Token, ctx: _Context, verb: Token | None, anaphora: bool = True) -> str | None:
    """The unit entity a noun phrase names, or None when it names no unit.

    Order: a Unit mention in the phrase (or in its 'of' phrase: 'most of the soldiers'); a unit
    noun or count with a state modifier ('North Korean personnel'); the state that sends it
    ('North Korea sent 11,000 troops'); a naval, coast guard or police force of its own; the
    article's unit whose name ends in the phrase ('federal forces' for 'Ethiopian federal
    forces'); with `anaphora`, the last unit mentioned before ('they', 'these troops').
    """
    nodes = [head] + [c for p in head.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    for node in nodes:
        m = ctx.mention(node.i)
        if m is not None and m.type is EntityType.UNIT and not (node is not head and _named_group(m)):
            return m.entity
        for child in node.children:  # "the first North Korean units": the mention may start lower
            cm = ctx.mention(child.i)
            if cm is not None and cm.type is EntityType.UNIT and child.dep_ in {"compound", "nmod"} \
                    and not _named_group(cm):
                return cm.entity
    unitish = [n for n in nodes if (n.lower_ in _UNIT_NOUNS or n.lemma_.lower() in _UNIT_NOUNS)
               and not any(c.lower_ in _CIVILIAN_WORDS for c in n.children)]
    group = next((g for n in unitish if (g := _group_unit(n, ctx)) is not None), None)
    if group is not None:
        return group
    if head.lower_ in _UNIT_NOUNS and not unitish:
        return None  # "cargo ships": not a unit, nor a stand-in for one
    countish = head.lower_ in _COUNT_WORDS or head.like_num or head.pos_ == "NUM"
    pronoun = head.lower_ in _PRONOUNS
    if not (unitish or countish or pronoun):
        return None
    if pronoun and head.lower_ in {"who", "which", "that"}:
        return None  # relative pronouns are handled through the noun they modify
    for node in unitish:
        state = _state_modifier(node, ctx)
        if state is not None:
            return ctx.register(EntityType.UNIT, _unit_name(state, node, ctx))
    if verb is not None and (verb.lemma_.lower() in DEPLOY_LEMMAS or verb.lemma_.lower() == "have"):
        # A state's navy or ministry sends for the state, unless the phrase names a force of its
        # own ("the navy sent patrol boats": the boats, below).
        own_force = any(t.lower_ in _BRANCH_WORDS and t.dep_ in {"compound", "amod"} for t in head.subtree if t.i < head.i)
        state = _sending_state(verb, ctx, institutions=not own_force)
        if state is not None:
            return ctx.register(EntityType.UNIT, _unit_name(state, head, ctx))
    for node in unitish:
        if ctx.table is not None and node.i == head.i and any(
                t.lower_ in _BRANCH_WORDS and t.dep_ in {"compound", "amod"} for t in node.subtree if t.i < node.i):
            # "several coastguard patrol formations", "police patrol boats": a force of its own,
            # named as the article names it, not the unit talked about before.
            return ctx.table.add(EntityType.UNIT, _phrase(node, preps=set()), count=False)
    for node in unitish:
        if ctx.table is not None and node.i == head.i and any(
                c.dep_ == "amod" and c.lower_ in _FRESH_WORDS for c in node.children):
            # "additional warplanes", "extra ships": a new contingent, not the unit named before.
            return ctx.table.add(EntityType.UNIT, _phrase(node, preps=set()), count=False)
    short = _short_name_unit(head, ctx) if unitish else None
    if short is not None or not anaphora:
        return short
    if pronoun and _speaker_pronoun(head, ctx):
        return None
    previous = [m for m in ctx.units if m.start < head.i]
    # "the soldiers", "they" take up a unit named as an argument, not one named in passing ("many
    # of them come from the 11th Corps, also known as the Storm Corps").
    previous = [m for m in previous if _argument_mention(m, ctx.doc)] or previous
    return previous[-1].entity if previous else None


def _speaker_pronoun(head: Token, ctx: _Context) -> bool:
    """'they' as subject of what a named non-unit says ('the Front announced that they had seized
    X'): it is the speaker itself, not the unit named before."""
    if head.dep_ != "nsubj":
        return False
    verb = head.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return False
    speakers = [c for c in verb.head.children if c.dep_ == "nsubj"]
    for speaker in speakers:
        mentions = [m for t in speaker.subtree if (m := ctx.mention(t.i)) is not None]
        if mentions and all(m.type is not EntityType.UNIT for m in mentions):
            return True
    return False


def _group_unit(node: Token, ctx: _Context) -> str | None:
    """The fighters of an armed group or force named as an organisation: 'about 500 fighters of the
    Azov group', 'Hezbollah fighters', 'mercenaries from the Lobaye company' -> '<group> fighters'."""
    if ctx.table is None:
        return None
    owners = [c for c in node.children if c.dep_ == "compound"]
    owners += [g for p in node.children if p.dep_ == "prep" and p.lower_ in {"of", "from"} for g in p.children
               if g.dep_ == "pobj"]
    for owner in owners:
        for tok in owner.subtree:
            m = ctx.mention(tok.i)
            if m is not None and (m.type is EntityType.AGENCY or _named_group(m)) and _agency_word(tok, owner):
                noun = node.lemma_.lower() if node.lower_ in {"fighter", "soldier", "mercenary"} else node.lower_
                return ctx.table.add(EntityType.UNIT, f"{m.name} {_plural(noun)}", count=False)
    return None


def _named_group(m: Mention) -> bool:
    """An armed group named as an organisation and typed Unit for its fighting (loaders/armed_groups.py):
    its fighters ('fighters of the X', 'X fighters') are a unit of their own, not the group."""
    return m.type is EntityType.UNIT and m.label in {"ORG", "NORP", "PERSON"} \
        and m.name.split()[0].lower() not in SHIP_PREFIXES  # 'Carl Vinson', NER's person, is the ship


def _agency_word(tok: Token, owner: Token) -> bool:
    """The group named is the owner itself or a name word before it ('the Azov group', 'the
    Wagner PMCs'), not something in a clause under it."""
    return tok.i == owner.i or tok.dep_ in {"compound", "amod", "nmod"} and tok.head.i == owner.i


def _plural(noun: str) -> str:
    return noun if noun.endswith("s") or noun in {"police", "personnel"} else noun + "s"


def _short_name_unit(head: Token, ctx: _Context) -> str | None:
    """The one unit of the article whose name ends in this modified unit noun, before or after it:
    'federal forces' is 'Ethiopian federal forces', 'the special forces' is 'Somali special
    forces'. A bare noun ('the troops') is left to the last unit mentioned."""
    modifiers = [c for c in head.children if c.dep_ in {"amod", "compound"} and c.i < head.i
                 and c.pos_ in {"ADJ", "NOUN"} and c.lower_ not in _COUNT_WORDS | {"other", "additional", "more", "new"}]
    if not modifiers:
        return None
    tail = " ".join(t.lower_ for t in head.doc[min(c.left_edge.i for c in modifiers) : head.i + 1])
    found = {m.entity for m in ctx.units if m.text.lower() != tail and (m.text.lower().endswith(" " + tail))}
    return found.pop() if len(found) == 1 else None


def _argument_mention(m: Mention, doc: Doc) -> bool:
    """A mention that is not an appositive or second name ('also known as the Storm Corps') nor
    the origin of the group talked about ('many of them come from the 11th Corps')."""
    root = doc[m.start : m.end].root
    return root.dep_ != "appos" and not (root.dep_ == "pobj" and root.head.lower_ in {"from", "as"})


def _unit_name(state: str, node: Token, ctx: _Context) -> str:
    """'North Korean troops'; 'North Korean special forces'; a fresh contingent sent to relieve
    or add to those already there is its own unit: 'North Korean reinforcements' ('fresh troops',
    'reinforcements'), 'North Korean replacements'."""
    adjective = ctx.gaz.adjective.get(state, state)
    if node.lower_ in {"forces", "force"} and any(c.lower_ == "special" for c in node.children):
        return f"{adjective} special forces"
    if node.lower_ in {"reinforcements", "replacements"}:
        return f"{adjective} {node.lower_}"
    if any(c.dep_ == "amod" and c.lower_ == "fresh" for c in node.children):
        return f"{adjective} reinforcements"
    if node.lower_ in _POLICE_WORDS or any(c.dep_ in {"compound", "amod"} and c.lower_ in _POLICE_WORDS
                                           for c in node.children):
        return f"{adjective} police"  # "300 police officers": a police contingent, not troops
    if node.lower_ in _VESSEL_WORDS:
        return f"{adjective} {_plural(node.lower_)}"  # "two frigates": a naval contingent by its ships
    return f"{adjective} troops"


def _state_modifier(node: Token, ctx: _Context) -> str | None:
    for child in node.children:
        if child.dep_ not in {"amod", "compound", "poss", "nmod"}:
            continue
        for t in child.subtree:
            m = ctx.mention(t.i)
            if m is not None and m.type is EntityType.STATE:
                return m.name
    return None


def _owning_state(m: Mention, ctx: _Context) -> str | None:
    """The state whose armed service or institution a mention names by its first words
    ('the Chilean navy', "Chile's coast guard"), else None."""
    words = [t.text for t in ctx.doc[m.start : m.end] if t.lower_ != "the"]
    for n in (2, 1):
        if len(words) > n:
            found = state_of(re.sub(r"['’]s?$", "", " ".join(words[:n])), ctx.gaz)
            if found:
                return found[0]
    return None


def _sending_state(verb: Token, ctx: _Context, institutions: bool = True) -> str | None:
    """The state that sends: the subject of the verb, of a verb it is raised from ('North Korea
    is believed to have sent'), or the agent of a passive; with `institutions`, also the state of
    an armed service or institution as subject ('the Chilean navy deployed')."""
    node = verb
    for _ in range(3):
        for child in node.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and node != verb or child.dep_ == "nsubj":
                m = ctx.mention(child.i)
                if m is not None and m.type is EntityType.STATE and not m.demonym:
                    return m.name
                if institutions and m is not None and m.type in {EntityType.AGENCY, EntityType.UNIT} and child.dep_ == "nsubj" \
                        and (owner := _owning_state(m, ctx)) is not None:
                    return owner  # "the Chilean navy deployed two frigates": Chile's
                if child.lower_ == "it" and child.dep_ == "nsubj":
                    # "called on Pyongyang to withdraw the forces it had sent": the state named before.
                    before = [ctx.mention(t.i) for t in child.sent if t.i < child.i]
                    states = [x for x in before if x is not None and x.type is EntityType.STATE and not x.demonym]
                    if states:
                        return states[-1].name
            if child.dep_ == "agent":
                for p in child.children:
                    m = ctx.mention(p.i)
                    if m is not None and m.type is EntityType.STATE:
                        return m.name
        if node.dep_ not in {"xcomp", "conj"} or node.head == node:
            break
        node = node.head
    return None


def _hypothetical(verb: Token) -> bool:
    """A modal, a condition, a negation, or a purpose or plan infinitive makes no fact of it."""
    node = verb
    for _ in range(4):
        children = list(node.children)
        if any(c.dep_ == "neg" for c in children) and (node == verb or node.lemma_.lower() in _SIGHTING_LEMMAS):
            return True  # "troops did not cross", "we have not seen them cross into X"
        if node.dep_ in {"xcomp", "ccomp", "pcomp", "dobj"} and node.head.lemma_.lower() in _DENIAL_LEMMAS:
            return True  # "denied sending troops to X", "rejected that troops are in X"
        subjects = [c.i for c in children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
        if subjects and any(c.dep_ in {"aux", "auxpass"} and c.i < min(subjects) and c.i == node.sent.start
                            for c in children):
            return True  # a question: "Did Chad send troops to X?", "Are troops in X?"
        if node.lemma_.lower() == "be" and node.i == node.sent.start and subjects:
            return True  # "Are there troops in X?"
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in children):
            return True
        if node.dep_ == "advcl" and node.lower_ in {"if"}:
            return True
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children)
        if infinitive and not perfect and node.head.lemma_.lower() not in _FACTUAL_INFINITIVE_HEADS:
            return True
        if node.dep_ in {"acl", "ccomp", "appos", "relcl"} and node.head.lower_ in _POSSIBILITY_NOUNS:
            return True
        if node.dep_ not in {"xcomp", "conj", "acomp", "ccomp", "advcl"} or node.head == node:
            return False
        if node.dep_ in {"ccomp", "advcl"}:
            # Climb a reported clause only to see whether it hangs from a possibility noun.
            head = node.head
            if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in head.children):
                return True  # "if anyone asks why troops are in X"
            if head.lemma_.lower() in _SIGHTING_LEMMAS and any(c.dep_ == "neg" for c in head.children):
                return True  # "we have not seen them cross into X"
            return head.dep_ in {"acl", "ccomp", "appos", "attr"} and head.head.lower_ in _POSSIBILITY_NOUNS
        node = node.head
    return False


def _disputed(word: Token) -> bool:
    """A relation inside what a speaker calls false: 'denied reports that troops were in X',
    'rejected claims it had sent troops to X', 'reports of troops in X were dismissed', 'reports
    that troops are in X are baseless'. A denial that is merely nearby ('disputed the claim,
    insisting that troops were still in X') does not count: the path must enter the denial
    verb's object or complement."""
    falsity = load_reporting_lexicon().falsity
    node = word
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return False
        if head.lemma_.lower() in _DENIAL_LEMMAS and node.dep_ in {"dobj", "ccomp", "xcomp", "pcomp", "nsubjpass", "prep"}:
            # "has not confirmed or denied its troop deployments to X": a denial not made.
            return not negated(head)
        if head.lemma_.lower() == "be" and node.dep_ == "nsubj" and any(
                c.dep_ in {"acomp", "attr"} and c.lower_ in falsity for c in head.children):
            return True
        if node.dep_ in {"advcl", "conj", "parataxis"} and head.pos_ in {"VERB", "AUX"}:
            return False  # a clause beside the denial, not inside it
        node = head
    return False


# --- SIGNED ----------------------------------------------------------------------------------


def _signings(verb: Token, ctx: _Context) -> list[tuple[str, str]]:
    """'A and B signed a defense treaty', 'the treaty was signed by A and B', 'the treaty, which A
    signed with B', 'they met ... to sign an agreement', 'Putin signed the ratification law'."""
    if any(c.dep_ == "neg" for c in verb.children) or any(
            c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return []
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.lower_ not in {"which", "that"}]
    if verb.dep_ in {"relcl", "acl"} and not objects:
        objects.append(verb.head)
    treaties = [t for o in objects if (t := _treaty_of(o, ctx)) is not None]
    extra_subjects: list[Token] = []
    if not treaties:
        # "the treaty that the two countries signed", parsed with the subject as the verb's head.
        treaty, extra_subjects = _relative_treaty(verb, ctx)
        treaties = [treaty] if treaty else []
    if not treaties:
        return []
    subj_verb = verb
    while not any(c.dep_ in {"nsubj", "agent"} for c in subj_verb.children) and subj_verb.dep_ in {"xcomp", "advcl", "conj"}:
        subj_verb = subj_verb.head
    subjects = [c for c in subj_verb.children if c.dep_ == "nsubj"] + extra_subjects
    subjects += [p for c in subj_verb.children if c.dep_ == "agent" for p in c.children]
    # "signed with the Soviet Union": the other party.
    subjects += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children]
    # CONVENTIONS.md: signatories are states, people and agencies (a parliament that ratifies, the
    # IAEA, an armed group that signs a ceasefire).
    sources = frozenset({EntityType.STATE, EntityType.PERSON, EntityType.AGENCY})
    parties: list[str] = []
    for subj in subjects:
        # "the two ministers, X of Chile and Y of Peru, signed": the signers named in apposition
        named = [a for a in subj.children if a.dep_ == "appos" and ctx.mention(a.i) is not None]
        nodes = [n for a in named for n in (a, *a.conjuncts)] if named else [subj, *subj.conjuncts]
        for node in nodes:
            if node.lower_ in {"they", "we"} or node.lower_ in _COUNTRIES:
                parties += _previous_pair(node, ctx, sources) or _sentence_sides(node, ctx, sources)
                continue
            party = _party_of(node, ctx)
            if party is not None:
                parties.append(party)
    return [(p, t) for p in dict.fromkeys(parties) for t in dict.fromkeys(treaties)]


def _nominal_signing(noun: Token, ctx: _Context) -> list[tuple[str, str]]:
    """'President Ruto's signature of the accord', 'Kenya's ratification of the treaty': the
    possessor signed the treaty named in the 'of'/'on' phrase."""
    if any(c.lower_ in _PROSPECT_WORDS | {"no"} for c in noun.children) or _denied(noun):
        return []
    head = noun.head
    while head.dep_ in {"prep", "pobj", "conj"} and head.head.i != head.i:
        head = head.head  # "welcomed the news of X's signature ...": the verb the phrase hangs from
    if head.pos_ in {"VERB", "AUX"} and _hypothetical(head):
        return []
    sources = {EntityType.STATE, EntityType.PERSON, EntityType.AGENCY}
    owners = [c for c in noun.children if c.dep_ == "poss"]
    parties = [p for o in owners for node in [o, *o.conjuncts] if (p := _party_of(node, ctx)) is not None]
    owners_mentions = [ctx.mention(o.i) for o in owners]
    if not parties and any(m is not None and m.type not in sources for m in owners_mentions):
        return []
    treaties = [t for p in noun.children if p.dep_ == "prep" and p.lower_ in {"of", "on", "to"}
                for o in p.children if o.dep_ == "pobj" and (t := _treaty_of(o, ctx)) is not None]
    return [(p, t) for p in dict.fromkeys(parties) for t in dict.fromkeys(treaties)]


def _relative_treaty(verb: Token, ctx: _Context) -> tuple[str | None, list[Token]]:
    """'<treaty> that|which <subject> signed' read off the words when the parse lost the relative
    clause: the treaty and the subject phrase heads between the pronoun and the verb."""
    doc = verb.doc
    for k in range(verb.i - 1, max(verb.sent.start, verb.i - 8), -1):
        tok = doc[k]
        if tok.pos_ in {"VERB", "AUX"} or tok.is_punct:
            break
        if tok.lower_ in {"that", "which"} and k > verb.sent.start:
            treaty = _treaty_of(doc[k - 1], ctx)
            between = [t for t in doc[k + 1 : verb.i] if t.dep_ in {"nsubj", "nsubjpass"} or t.i == verb.head.i]
            return (treaty, between) if treaty and between else (None, [])
    return None, []


def _party_of(node: Token, ctx: _Context) -> str | None:
    """The state, person or agency a subject phrase names: the mention at its head ("Russia's State
    Duma" is the Duma); a person named inside it ("Russian President Vladimir Putin");
    else a state modifier ("the North Korean leader" signs for North Korea)."""
    head = ctx.mention(node.i)
    if head is not None:
        return head.entity if head.type in {EntityType.STATE, EntityType.PERSON, EntityType.AGENCY} else None
    found = [m for t in node.subtree if (m := ctx.mention(t.i)) is not None]
    person = next((m for m in found if m.type is EntityType.PERSON), None)
    if person is not None:
        return person.entity
    state = next((m for m in found if m.type is EntityType.STATE), None)
    return state.entity if state is not None and node.lower_ in _PERSON_HEADS else None


def _treaty_of(obj: Token, ctx: _Context) -> str | None:
    """The treaty an object phrase names: a Treaty mention at its head (not one inside its
    relative clause), else a bare treaty noun resolved to the nearest treaty mentioned."""
    m = ctx.mention(obj.i)
    if m is None:
        m = next((ctx.mention(c.i) for c in obj.children if c.dep_ == "compound" and ctx.mention(c.i) is not None), None)
    if m is None:  # "A Treaty on Comprehensive Strategic Partnership": the name sits in the 'on' phrase
        # "the first phase of a ceasefire and prisoner exchange deal": the named deal may be a conjunct.
        m = next((ctx.mention(n.i) for p in obj.children if p.dep_ == "prep" and p.lower_ in {"on", "of"}
                  for g in p.children for n in (g, *g.conjuncts) if ctx.mention(n.i) is not None), None)
    if m is not None and m.type is EntityType.TREATY:
        if ctx.table is not None and obj.lower_ in _TREATY_NOUNS | {"treaty"} and obj.is_title:
            ctx.table.add(EntityType.TREATY, m.name, _phrase(obj), count=False)
        return m.entity
    if obj.lower_ == "it" and obj.dep_ in {"dobj", "nsubjpass"}:
        # "Trump signed it as a witness": the treaty named in this or the two sentences before.
        doc = obj.doc
        start = obj.sent.start
        for _ in range(2):
            if start > 0:
                start = doc[start - 1].sent.start
        before = [t for t in ctx.treaties if start <= t.start < obj.i]
        return before[-1].entity if before else None
    if obj.lemma_.lower() not in _TREATY_NOUNS:
        return None
    if obj.is_title and obj.pos_ == "PROPN" and ctx.table is not None and any(
            p.dep_ == "prep" and p.lower_ in {"of", "on"} and any(g.is_title for g in p.children) for p in obj.children):
        # "the 1961 Treaty of Friendship, Cooperation and Mutual Assistance": a named treaty NER missed.
        return ctx.table.add(EntityType.TREATY, _phrase(obj), count=False)
    if obj.lower_ in {"law", "bill", "document"} and not any(c.lower_ in {"ratification", "treaty"} for c in obj.children):
        return None
    before = [t for t in ctx.treaties if t.start < obj.i]
    after = [t for t in ctx.treaties if t.start > obj.i]
    if before:
        return before[-1].entity
    return after[0].entity if after else None


def _alias_treaty_name(doc: Doc, m: Mention, table: EntityRegistry) -> None:
    """'the Treaty on Comprehensive Strategic Partnership' where NER found only the part after
    'on': the whole title is another name of the treaty."""
    root = doc[m.start : m.end].root
    prep = root.head
    if root.dep_ == "pobj" and prep.lower_ in {"on", "of"} and prep.head.lower_ in _TREATY_NOUNS and prep.head.is_title:
        table.add(EntityType.TREATY, m.name, doc[prep.head.i : m.end].text, count=False)


# Words that put a third party (a mediator, a host) into the sentence: the sides are then unclear.
_MEDIATION_WORDS = {"broker", "brokered", "mediate", "mediated", "mediation", "mediator", "host", "hosted", "witness"}


def _sentence_sides(node: Token, ctx: _Context, sources) -> list[str]:
    """'all parties signed', 'both sides signed': the two states or agencies the sentence names,
    only when it names exactly two and no mediator (otherwise who signed is unclear)."""
    if node.lower_ not in {"sides", "parties"} or not any(
            c.lower_ in {"all", "both", "two"} for c in node.children):
        return []
    sent = node.sent
    if any(t.lemma_.lower() in _MEDIATION_WORDS or t.lower_ in _MEDIATION_WORDS for t in sent):
        return []
    kinds = sources - {EntityType.PERSON}  # a person speaking for one side is no side of its own
    found = list(dict.fromkeys(m.entity for t in sent if (m := ctx.mention(t.i)) is not None and m.type in kinds))
    return found if len(found) == 2 else []


def _previous_pair(pronoun: Token, ctx: _Context, sources) -> list[str]:
    """'they' after 'A and B met ...': the coordinated parties in this or the three sentences before."""
    doc = pronoun.doc
    start = pronoun.sent.start
    for _ in range(3):
        if start > 0:
            start = doc[start - 1].sent.start
    # "the two countries" may also take up coordinated adjectives: "Russian and North Korean officials".
    deps = {"nsubj", "pobj", "dobj", "nsubjpass"} | ({"amod"} if pronoun.lower_ in _COUNTRIES else set())
    for token in reversed(doc[start : pronoun.i]):
        if token.conjuncts and token.dep_ in deps:
            found: list[str] = []
            for node in [token, *token.conjuncts]:
                ids = [m.entity for t in node.subtree if (m := ctx.mention(t.i)) is not None and m.type in sources]
                persons = [ctx.mention(t.i) for t in node.subtree]
                persons = [x.entity for x in persons if x is not None and x.type is EntityType.PERSON]
                found += persons[:1] or ids[:1]
            found = list(dict.fromkeys(found))
            if len(found) >= 2:
                return found
    if any(c.lower_ in {"two", "both"} for c in pronoun.children) and pronoun.lower_ in _COUNTRIES:
        # "the two countries signed" after "Venezuela has long claimed ..., but Guyana ...": the two
        # states named in this and the two sentences before, when no pair was coordinated and no
        # third state makes it a guess.
        begin = pronoun.sent.start
        for _ in range(2):
            begin = doc[begin - 1].sent.start if begin > 0 else begin
        states = [m.entity for t in doc[begin : pronoun.i] if (m := ctx.mention(t.i)) is not None
                  and m.type is EntityType.STATE and not m.demonym]
        states = list(dict.fromkeys(states))
        if len(states) == 2:
            return states
    return []


# --- dates -----------------------------------------------------------------------------------

_DAY_MONTH = re.compile(r"\b(?:(?P<d1>[0-3]?\d)\s+(?P<m1>[A-Za-z]{3,9})\.?|(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>[0-3]?\d))(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")
_MONTH_ONLY = re.compile(r"\b(?P<m>[A-Z][a-z]{2,8})\.?(?:\s+(?P<y>(?:19|20)\d\d))?\b")
_ENGLISH_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                   "sept", "oct", "nov", "dec"}


def sentence_date(sent: Span, published: str | None) -> str | None:
    """The first DATE entity of the sentence as ISO: 'YYYY-MM-DD' with a day, 'YYYY-MM' with a
    month only ('in June'), else None. A missing year comes from the publication date.
    """
    for ent in span_ents(sent):
        if ent.label_ != "DATE":
            continue
        match = _DAY_MONTH.search(ent.text)
        if match:
            month = MONTHS.get((match.group("m1") or match.group("m2")).lower().rstrip("."))
            if month is not None and not any(ch in ent.text for ch in "-–") or month is not None and match.group("y"):
                day = int(match.group("d1") or match.group("d2"))
                if match.group("y"):
                    return iso_date(int(match.group("y")), month, day)
                return infer_date(day, month, published)
        for m in _MONTH_ONLY.finditer(ent.text):
            if m.group("m").lower() not in _ENGLISH_MONTHS:
                continue
            month = MONTHS[m.group("m").lower()]
            if m.group("y"):
                return f"{int(m.group('y')):04d}-{month:02d}"
            inferred = infer_date(1, month, published)
            return inferred[:7] if inferred else None
    return None
