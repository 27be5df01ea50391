"""Speakers, stage two: the entities a speaker mention names, by an ordered list of small sieves,
the most precise first (the multi-pass sieve of Lee et al. 2013).

Stage one finds each reporting act and the head token of its speaker mention: loaders/statements.py
finds the acts (verbs, 'according to', nominal acts), loaders/speakers.py a verb's subject, agent or
the one a participle speaks for. Stage two, here, maps that head to speaker entity ids:
`_speakers_of` hands it to each sieve of SPEAKER_SIEVES in turn and the first that decides answers.
A sieve is a function `(head, ctx, sent, conjuncts) -> list[str] | None`: None is "not my kind of
mention, pass it on"; a list, possibly empty ("nobody speaks"), decides. `conjuncts` says whether the
speakers of the head's conjuncts ('NATO and the EU') are wanted too; a sieve that recurses passes it on.

The sieves form three groups (sections below):
- names: the phrase names its speaker (a mention NER found, an alias or surname it missed, a name in
  apposition, a description that names a person, the members a quantity counts);
- messages and offices: a message speaks for whoever issued it, a person's office is an agency, a
  phrase a possessive pronoun owns is nobody;
- coreference, the one step for pronouns, role nouns and unnamed speakers: 'he', 'they', 'both
  countries', 'the minister', 'the lawmakers', 'the government', 'the ministry' refer back; unnamed
  speakers ('a senior official', 'diplomatic sources') become entities of their own (CONVENTIONS.md).
  Their antecedent lookups are in loaders/speaker_referents.py.
The order in SPEAKER_SIEVES is the behaviour; it interleaves the groups where precision says so (the
pair and pronoun sieves run before the name sieves: 'her' is no possessive to skip, and 'the two
leaders, X and Y,' are the two just named).

To add a sieve: write a function of that shape with a one-line docstring naming the class of mention
it resolves, with an example; put it in SPEAKER_SIEVES after every sieve that must see its phrases
first and before every one that would decide them wrongly; test it in
tests/loaders/test_speaker_sieves.py with a sentence that reaches it.

Speaker heuristics (documented because they are guesses):
- 'he'/'she' refer to the most recent person (or gendered spokesperson) that was a subject or a
  speaker in this or the three sentences before, skipping those whose gender the article has
  shown to differ ('Mr.', 'spokeswoman', an earlier 'she' resolved to them);
- a definite role noun without a name ('the minister') refers to the most recent person the
  article gave that role ('Foreign Minister X', 'X, the minister'), else as 'he'/'she';
- a message owned by a speaker ('the ministry's morning briefing claimed') is the owner speaking;
  a person's institution ("Budanov's agency, the GUR", "President Yoon's office") is the agency in
  apposition, else a generic agency named after the office, never the person;
- a capitalised office ('The Secretary') with no holder in the article is not a person the article
  gave another role;
- a bare institution noun ('the ministry', 'this military command') refers to the most recent
  agency mentioned in the five sentences before whose name shares a word with it, else the most
  recent agency in those sentences; an institution of a named owner ("China's foreign ministry")
  without its own mention becomes a generic Agency named by owner and noun; with no antecedent at
  all, a generic Agency named by the noun;
- government nouns ('governments', 'officials', 'authorities') stand for the states that modify
  them; a bare 'the government' for the most recently mentioned state; bare 'officials' are skipped;
- 'it' as a reporting subject is the agency or state that spoke in this or the previous sentence;
  other 'it', 'they', 'we' and possessive-pronoun phrases ('his country's intelligence') are skipped;
- 'both countries', 'the two', 'the two leaders' are the last two states or people (one type)
  named in the sentence before;
- a dateline ('BRUSSELS —', 'Seoul:') never speaks;
- 'they' and a bare definite group ('the lawmakers', 'the sources') are the speakers of the latest
  act by a group (two or more speakers, or a plural noun) in this and the three sentences before;
- a capitalised surname the tagger missed ('Trump later said') is the article's one person with it;
- an owned role ("Ukraine's defence minister", headline 'minister says') is the holder the article
  names, before or (in a lead) after, not one tied to another state; with none, an unnamed Person;
- a message as subject ('the statement added', 'the letter alleged') is the speaker who issued it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from loaders.entities import INSTITUTION_HEADS, PERSON_NOUNS, ROLE_NOUNS, STATE_HEADS, Mention
from loaders.lexicon import word_list
from loaders.speaker_referents import (
    _GROUP_LEMMAS,
    _antecedent_agency,
    _army_agency,
    _identified_as,
    _is_army_by_name,
    _known_alias,
    _known_surname,
    _partitive_members,
    _person_institution,
    _recent_group,
    _resolve_person,
    _role_person,
    _states_of,
    _unnamed_role,
    _unnamed_speaker,
)
from loaders.statement_context import (
    _AUTHOR_NOUNS,
    _Context,
    _MESSAGE_NOUNS,
    _PRONOUN_GENDER,
    _ROLE_GENDER,
    _ROLE_SENTENCES,
    _is_dateline,
    _is_headline,
    _message_owner,
    _objects_of,
    _phrase_words,
    _recent_speakers,
    _window_start,
)
from schema.vocabulary import SPEAKER_TYPES, EntityType

# Institution nouns that, bare, are a mass noun ("intelligence suggests"), not a body.
_MASS_NOUNS = word_list("statement_words.yaml", "mass_nouns")
_PAIR_STATE_NOUNS = word_list("statement_words.yaml", "pair_state_nouns")
_PAIR_PERSON_NOUNS = word_list("statement_words.yaml", "pair_person_nouns")
_POSSESSIVE_PRONOUNS = {"his", "her", "its", "their", "our", "my", "your"}


# --- what the sieves read of a phrase ---------------------------------------------------------


def _is_role(head: Token) -> bool:
    """Whether the head is a role noun: 'minister', 'spokesman', 'official'."""
    return head.lower_ in ROLE_NOUNS or head.lemma_.lower() in ROLE_NOUNS or head.lower_ in _ROLE_GENDER


def _is_definite(head: Token) -> bool:
    return any(t.lower_ in {"the", "this", "that"} for t in head.children)


def _core(head: Token) -> list[Token]:
    """The head with its modifiers, appositions and determiners, and its possessor unless the head is
    a role: "Putin's spokesman" is not Putin."""
    core_deps = {"compound", "amod", "nmod", "appos", "det"} | (set() if _is_role(head) else {"poss"})
    return [head] + [t for c in head.children if c.dep_ in core_deps for t in c.subtree]


def _named_in_core(head: Token, ctx: _Context) -> list[Mention]:
    return [ctx.by_token[t.i] for t in _core(head) if t.i in ctx.by_token]


def _owner(head: Token, ctx: _Context) -> Mention | None:
    """The state or agency that owns the phrase: "Ukraine's defence minister"."""
    return next((ctx.by_token[c.i] for c in head.children if c.dep_ == "poss" and c.i in ctx.by_token
                 and ctx.by_token[c.i].type in {EntityType.STATE, EntityType.AGENCY}), None)


def _conjunct_speakers(head: Token, ctx: _Context, sent: Span) -> list[str]:
    """The speakers of the head's conjuncts: 'NATO and [the EU]'."""
    return [s for c in head.conjuncts for s in _speakers_of(c, ctx, sent, False)]


# --- names: the phrase names its speaker --------------------------------------------------------


def army_named(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A state's army named as such speaks as its command, an Agency: 'the Chilean army said'."""
    m = ctx.by_token.get(head.i)
    if m is None or not _is_army_by_name(m, ctx):
        return None
    extra = _conjunct_speakers(head, ctx, sent) if conjuncts else []
    return [_army_agency(m, ctx)] + [s for s in extra if s]


def named_speaker(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A mention NER found of a speaker type: 'Defence Minister Ana Castel said'; a dateline is nobody."""
    m = ctx.by_token.get(head.i)
    if m is None or m.type not in SPEAKER_TYPES or m.demonym:
        return None
    if _is_dateline(m, ctx.doc):
        return []
    return [m.entity] + (_conjunct_speakers(head, ctx, sent) if conjuncts else [])


def identified_description(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A description that names its person: 'a soldier, identified only by his surname Varga, said'."""
    named_as = _identified_as(head, ctx)
    return None if named_as is None else [named_as]


def counted_members(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """The members a quantity noun counts: 'a number of Nordic states and Chile said'."""
    members = _partitive_members(head)
    if members is None:
        return None
    found = _speakers_of(members, ctx, sent, conjuncts)
    extra = _conjunct_speakers(members, ctx, sent) if conjuncts else []
    return found + [x for x in extra if x not in found]


def missed_alias(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A proper name NER missed here but the article used elsewhere for a speaker: 'KCNA said'."""
    if head.pos_ != "PROPN" or ctx.by_token.get(head.i) is not None:
        return None
    known = _known_alias(head, ctx)
    return [known] if known else None


def missed_surname(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A surname the tagger took for a noun, the article's one person with it: 'Varga later said'."""
    if ctx.by_token.get(head.i) is not None or head.pos_ not in {"PROPN", "NOUN"}:
        return None
    known = _known_surname(head, ctx)
    return [known] if known else None


def person_in_phrase(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A person named inside the phrase: "The committee's chairman, Senator Ana Castel, said"."""
    persons = [n.entity for n in _named_in_core(head, ctx) if n.type is EntityType.PERSON]
    return persons[:1] or None


def role_named_after(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A role whose holder's name closes the phrase: "the spokesman for the Eastern Command, Luis Mora, said"."""
    if not _is_role(head):
        return None
    # An apposition after the head anywhere in its subtree: the parser may hang it on the owner.
    named_after = [ctx.by_token[t.i] for t in head.subtree if t.dep_ == "appos" and t.i > head.i
                   and t.i in ctx.by_token and ctx.by_token[t.i].type is EntityType.PERSON]
    return [named_after[-1].entity] if named_after else None


# --- messages and offices -----------------------------------------------------------------------


def message_issuer(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A message speaks for its owner or issuer: "the ministry's briefing claimed", 'the statement added'."""
    if head.lemma_.lower() not in _MESSAGE_NOUNS:
        return None
    # Its owner, after 'of' or 'by' too ('the joint letter of these states'), else who just issued one.
    owners = [s for c in head.children if c.dep_ == "poss" for s in _speakers_of(c, ctx, sent, conjuncts)]
    owners = owners or [s for o in _objects_of(head, {"of", "by", "from"}) for s in _speakers_of(o, ctx, sent, conjuncts)]
    return owners or _message_owner(head, ctx, sent)


def message_authors(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """The authors of a message are whoever issued it: 'the authors of the communique assured'."""
    if head.lemma_.lower() not in _AUTHOR_NOUNS:
        return None
    return [s for o in _objects_of(head, {"of"}) if o.lemma_.lower() in _MESSAGE_NOUNS
            for s in _speakers_of(o, ctx, sent, conjuncts)]


def person_office(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A person's institution is an agency, not its head: "President Yoon's office said"."""
    if head.lower_ not in INSTITUTION_HEADS or not any(
        ctx.by_token.get(c.i) is not None and ctx.by_token[c.i].type is EntityType.PERSON
        for c in head.children if c.dep_ == "poss"
    ):
        return None
    return _person_institution(head, ctx)


def pronoun_owned(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A phrase a possessive pronoun owns is nobody: "his country's intelligence said"."""
    return [] if any(t.lower_ in _POSSESSIVE_PRONOUNS for t in _core(head)) else None


# --- coreference: pronouns, role nouns, unnamed speakers ----------------------------------------


def pair_phrase(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A pair is the last two of one type named in the sentence before: 'Both countries rejected', 'the two said'."""
    # States for 'countries', people for 'leaders', either for 'the two' and 'sides'.
    low = head.lower_
    if low in {"two", "both"} and not any(c.dep_ == "prep" for c in head.children):
        types = {EntityType.PERSON, EntityType.STATE}
    elif low in _PAIR_STATE_NOUNS | _PAIR_PERSON_NOUNS and any(
            c.lower_ in {"both", "two"} and c.dep_ in {"det", "nummod", "predet"} for c in head.children):
        types = {EntityType.STATE} if low in _PAIR_STATE_NOUNS - {"sides"} else \
            {EntityType.PERSON} if low not in {"sides"} else {EntityType.PERSON, EntityType.STATE}
    else:
        return None
    if low == "two" and not any(c.lower_ == "the" for c in head.children):
        return None
    start = _window_start(ctx, sent, 1)
    found: list[str] = []
    for m in ctx.mentions:
        if start <= m.start < sent.start and m.entity and m.type in types and not m.demonym \
                and not _is_dateline(m, ctx.doc):
            if m.entity in found:
                found.remove(m.entity)
            found.append(m.entity)
    # One type must offer the pair: 'Austin spoke with Republic of Korea Minister Kim' -> the people.
    pairs = [[e for e in found if ctx.table.types.get(e) is t] for t in types]
    pairs = [p[-2:] for p in pairs if len(p) == 2]
    return pairs[0] if len(pairs) == 1 else []


def pronoun(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A pronoun is the one last in view or speaking: 'she said', 'it said', 'they said'; other pronouns nobody."""
    if head.pos_ != "PRON":
        return None
    low = head.lower_
    if low in _PRONOUN_GENDER:
        person = _resolve_person(ctx, head, _PRONOUN_GENDER[low])
        return [person] if person else []
    if low == "it" and head.dep_ == "nsubj":
        # "It called on Pyongyang to ...": the agency or state that just spoke.
        previous = _recent_speakers(ctx, sent, types={EntityType.AGENCY, EntityType.STATE}, sentences=1)
        return previous[-1:]
    if low == "they" and head.dep_ == "nsubj":
        return _recent_group(ctx, head, sent)
    return []


def role_of_unnamed_owner(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A role owned by an unnamed body: the holder named, else an unnamed Person: "The navy's spokesman says"."""
    if not (_is_role(head) and head.tag_ == "NN" and not _is_definite(head) and _owner(head, ctx) is None
            and any(c.dep_ == "poss" and c.pos_ == "NOUN" and c.i not in ctx.by_token for c in head.children)):
        return None
    return [_role_person(ctx, head) or _unnamed_role(head, ctx)]


def role_of_named_owner(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A role owned by a state or agency: the holder named, else an unnamed Person: "Chile's defence minister said"."""
    owner = _owner(head, ctx)
    if not _is_role(head) or head.tag_ != "NN" or _is_definite(head) or owner is None:
        return None
    person = _role_person(ctx, head, state=owner.entity if owner.type is EntityType.STATE else None)
    if person:
        return [person]
    if head.i > sent.start and not any(c.dep_ in {"appos", "acl", "relcl"} for c in head.children):
        return [_unnamed_role(head, ctx)]
    return None


def definite_group(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A bare definite group: 'the lawmakers said', 'the officials said' are the group that just spoke."""
    if not (head.tag_ == "NNS" and any(c.lower_ in {"the", "these", "those"} for c in head.children)
            and all(c.dep_ in {"det", "punct"} for c in head.children)
            and (_is_role(head) or head.lemma_.lower() in _GROUP_LEMMAS) and head.lower_ != "authorities"):
        return None
    return _recent_group(ctx, head, sent) or None


def definite_role(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A definite role: the person last given the role, else as 'he'/'she': 'the minister said', 'minister says'."""
    if not _is_role(head) or head.tag_ not in {"NN", "NNP"}:
        return None
    # Headlinese drops the article: "..., minister says".
    headline = _is_headline(sent) and not any(c.dep_ in {"det", "poss", "nummod"} for c in head.children)
    if not (_is_definite(head) or headline):
        return None
    low = head.lower_
    role = head.lemma_.lower() if head.lemma_.lower() in ROLE_NOUNS else low
    person = _role_person(ctx, head)
    if person is None:
        person = _resolve_person(ctx, head, _ROLE_GENDER.get(low))
        if person and head.text[:1].isupper() and head.i != head.sent.start and ctx.roles.get(person) \
                and role not in ctx.roles[person]:
            # A capitalised office ("the Secretary") is not the spokesperson who just spoke.
            person = None
    if person:
        ctx.roles.setdefault(person, set()).update(_phrase_words(head))
        return [person]
    if head.is_lower and head.tag_ == "NN" and not _is_headline(sent) \
            and not any(role in words for words in ctx.roles.values()):
        # "the journalist said" and no journalist named anywhere: one unnamed person (CONVENTIONS.md).
        return [_unnamed_role(head, ctx)]
    return []


def unnamed_speaker(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """An unnamed speaker is an entity of its own: 'a senior official' a Person, 'diplomatic sources' an Agency."""
    unnamed = _unnamed_speaker(head, ctx)
    return [unnamed] if unnamed else None


def role_named_body(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """Any other role noun: the body or state named in the phrase ('Pentagon spokeswoman says'), else nobody."""
    if not _is_role(head):
        return None
    named = _named_in_core(head, ctx)
    institutions = [n.entity for n in named if n.type in SPEAKER_TYPES and not n.demonym]
    states = [n.entity for n in named if n.type is EntityType.STATE]
    found = (institutions or states)[:1]
    if found and head.lower_ in _ROLE_GENDER:
        ctx.spoken.append((head.i, found[0], _ROLE_GENDER[head.lower_]))  # "A Pentagon spokeswoman ... she"
    return found


def government_noun(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A government noun: the states modifying it, else the state last named: 'Chilean governments', 'the government'."""
    if head.lower_ not in STATE_HEADS and head.lemma_.lower() not in STATE_HEADS:
        return None
    return _states_of(head, ctx, sent, _is_definite(head))


def institution_noun(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """An institution noun: the fitting agency just named, else one named by its owner or noun: 'the ministry said'."""
    if head.lower_ not in INSTITUTION_HEADS and head.lemma_.lower() not in INSTITUTION_HEADS:
        return None
    if head.lower_ in _MASS_NOUNS and not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in head.children):
        return []  # "intelligence indicates ...": information, not an agency
    return [_antecedent_agency(head, ctx, sent)]


def unnamed_person_noun(head: Token, ctx: _Context, sent: Span, conjuncts: bool) -> list[str] | None:
    """A definite person noun with no person named or speaking before is an unnamed Person: 'the veteran said'."""
    if not (_is_definite(head) and head.tag_ == "NN" and head.is_lower and head.lemma_.lower() in PERSON_NOUNS):
        return None
    if _recent_speakers(ctx, sent, types={EntityType.PERSON}, sentences=_ROLE_SENTENCES) or any(
            m.type is EntityType.PERSON and _window_start(ctx, sent, _ROLE_SENTENCES) <= m.start < head.i
            for m in ctx.mentions):
        return None
    return [_unnamed_role(head, ctx)]


# The order is the behaviour: the first sieve that decides answers.
SPEAKER_SIEVES = (
    army_named,              # names
    named_speaker,
    identified_description,
    counted_members,
    pair_phrase,             # coreference, early: a pair or a pronoun has no name of its own
    pronoun,
    missed_alias,            # names the tagger missed
    missed_surname,
    message_issuer,          # messages and offices
    message_authors,
    person_office,
    pronoun_owned,
    person_in_phrase,        # names inside the phrase
    role_named_after,
    role_of_unnamed_owner,   # coreference: role nouns, groups, unnamed speakers, bodies that refer back
    role_of_named_owner,
    definite_group,
    definite_role,
    unnamed_speaker,
    role_named_body,
    government_noun,
    institution_noun,
    unnamed_person_noun,
)


def _speakers_of(head: Token, ctx: _Context, sent: Span, conjuncts: bool = True) -> list[str]:
    """The speaker entity ids a subject (or 'according to' object) noun phrase names, with those of
    its conjuncts ('NATO and the EU') when `conjuncts`: the answer of the first sieve that decides."""
    for sieve in SPEAKER_SIEVES:
        found = sieve(head, ctx, sent, conjuncts)
        if found is not None:
            return found
    return []
