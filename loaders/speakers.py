"""Speakers: the entities an act's subject phrase names, by an ordered list of rules from the
most precise (a mention at the head, a name in apposition) to the loosest (the last person
of that gender, a generic agency named by its noun).

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
  'it was added' continues the previous sentence's speaker; other 'it', 'they', 'we' and
  possessive-pronoun phrases ('his country's intelligence') are skipped;
- 'both countries', 'the two', 'the two leaders' are the last two states or people (one type)
  named in the sentence before;
- a question ('What do Russia and North Korea say?', a subheading) reports nothing;
- a dateline ('BRUSSELS —', 'Seoul:') never speaks;
- 'they' and a bare definite group ('the lawmakers', 'the sources') are the speakers of the latest
  act by a group (two or more speakers, or a plural noun) in this and the three sentences before;
- a capitalised surname the tagger missed ('Trump later said') is the article's one person with it;
- an owned role ("Ukraine's defence minister", headline 'minister says') is the holder the article
  names, before or (in a lead) after, not one tied to another state; with none, an unnamed Person;
- a message as subject ('the statement added', 'the letter alleged') is the speaker who issued it;
- a subjectless participle speaks for the person it follows when shown ('footage showing X
  declaring'), the speaker noun it modifies, or the sender of the letter it modifies, else the one
  reporting the clause the parser hangs it on; 'quoted X as saying' gives both speakers.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from loaders.actors import load_actors
from loaders.entities import INSTITUTION_HEADS, PERSON_NOUNS, ROLE_NOUNS, STATE_HEADS, Mention
from loaders.gazetteer import load_gazetteer
from loaders.lexicon import word_list
from loaders.statement_context import (
    _ANTECEDENT_SENTENCES,
    _AUTHOR_NOUNS,
    _Context,
    _DEPICTING_LEMMAS,
    _FOOTAGE_NOUNS,
    _MESSAGE_NOUNS,
    _PRONOUN_GENDER,
    _PRONOUN_SENTENCES,
    _ROLE_GENDER,
    _ROLE_SENTENCES,
    _TITLE_GENDER,
    _entities_in,
    _inside_quote,
    _is_dateline,
    _is_headline,
    _is_main_subject,
    _is_report_verb,
    _message_owner,
    _objects_of,
    _phrase_tokens,
    _phrase_words,
    _quoted_as,
    _recent_speakers,
    _trailing_subject,
    _window_end,
    _window_start,
)
from schema.vocabulary import SPEAKER_TYPES, EntityType


# --- speakers ---------------------------------------------------------------------------------


def _verb_speakers(verb: Token, ctx: _Context, sent: Span) -> list[str]:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not agents and any(c.dep_ == "auxpass" for c in verb.children):
        agents = _misattached_agents(verb)
    if agents:
        subjects = agents
    elif not subjects and (trailing := _trailing_subject(verb, sent)) is not None:
        subjects = [trailing]
    elif not subjects and verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.lower_ == "short":
        # "X stopped short of confirming ...": the one who stopped
        subjects = [c for c in verb.head.head.head.children if c.dep_ == "nsubj"]
    elif not subjects and verb.tag_ == "VBG" and (holder := _participle_holder(verb, ctx, sent)):
        return holder
    elif not subjects and verb.tag_ == "VBG" and verb.dep_ in {"advcl", "conj"} and (outer := _outer_reporter(verb, ctx)):
        # "X said that the rebels claimed ..., stressing that ...": a participle the parser hangs on
        # the reported clause belongs to the one reporting it.
        return _verb_speakers(outer, ctx, sent)
    elif not subjects and verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head.tag_ == "VBG" \
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.head.children):
        # "..., calling the plan a good start and urging ...": the first participle's speaker.
        return _verb_speakers(verb.head, ctx, sent)
    elif not subjects and verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i != verb.i:
        # "Austin said, adding that ...", "X insisted and warned": the head verb's subject speaks;
        # "X was captured in May and claimed ...": its passive subject too.
        deps = {"nsubj", "nsubjpass"} if verb.dep_ == "conj" else {"nsubj"}
        subjects = [c for c in verb.head.children if c.dep_ in deps]
    elif not subjects and verb.dep_ == "ccomp" and verb.head.lemma_.lower() == "ask":
        # "Kallas, asked whether ..., conceded": the parser makes the participle the main verb.
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not subjects and any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children):
        # "..., it was added.": an agentless continuation of the previous sentence's speaker.
        if verb.lemma_.lower() in {"add", "stress", "note", "state"}:
            previous = _recent_speakers(ctx, sent, types=SPEAKER_TYPES, sentences=1)
            return previous[-1:]
        return []
    if verb.pos_ == "VERB" and not any(c.dep_ in {"nsubj", "nsubjpass"} or c.dep_ == "aux" and c.lower_ == "to"
                                       for c in verb.children) and (verb.dep_ != "xcomp" or verb.tag_ == "VBG") \
            and (frame := _outer_reporter(verb, ctx) or _sibling_reporter(verb, ctx)) is not None \
            and not any(_animate(t, ctx) for t in subjects) and not any(_speakers_of(t, ctx, sent) for t in subjects):
        # "said that the deal is dead and warned ...", "said the raids worked, while stressing ...",
        # "This comes as X denied ..., insisting ...": a subjectless reporting verb the parser hangs
        # on the content (or beside the act) is a second act of the one reporting.
        return _verb_speakers(frame, ctx, sent)
    out: list[str] = []
    for subj in subjects:
        if subj.lower_ in {"which", "who", "that"} and verb.dep_ == "relcl":
            subj = verb.head  # "the Yonhap agency, which cites ...": the antecedent speaks
        joint = _joint_group(subj, ctx)
        if joint is not None:
            ctx.groups.append((subj.i, (joint,)))
            out.append(joint)
            continue
        found = _speakers_of(subj, ctx, sent)
        if len(found) == 1 and subj.tag_ in {"NNS", "NNPS"}:
            ctx.groups.append((subj.i, tuple(found)))  # "the authorities note ...": a 'they' later
        for s in found:
            if s not in out:
                out.append(s)
        for conj in subj.conjuncts:
            for s in _speakers_of(conj, ctx, sent):
                if s not in out:
                    out.append(s)
    if len(out) > 1:
        ctx.groups.append((verb.i, tuple(out)))
    quoted = _quoted_as(verb) if verb.lemma_.lower() == "quote" else None
    if quoted is not None:
        # "the senators quoted the agency as saying": the one quoted speaks too.
        out += [s for s in _speakers_of(quoted, ctx, sent) if s not in out]
    return out


def _joint_group(subj: Token, ctx: _Context) -> str | None:
    """'Several Nordic countries and Japan said': an unnamed group joined by named members
    speaks as one body, an Agency named by the whole phrase (splitting it would invent a speaker,
    'several Nordic countries', that the article never separates from its partners)."""
    if subj.tag_ != "NNS" or subj.lemma_.lower() not in _GROUP_LEMMAS or subj.i in ctx.by_token:
        return None
    if not any(c.lower_ in _GROUP_DETERMINERS and c.dep_ in {"det", "amod", "nummod"} for c in subj.children):
        return None
    conjuncts = list(subj.conjuncts)
    if not conjuncts or not all(c.i in ctx.by_token and ctx.by_token[c.i].type in SPEAKER_TYPES
                                and not ctx.by_token[c.i].demonym for c in conjuncts):
        return None
    end = max(ctx.by_token[c.i].end for c in conjuncts)
    surface = ctx.doc[subj.left_edge.i : end].text
    return ctx.table.add(EntityType.AGENCY, surface, surface, rule="description")


def _outer_reporter(verb: Token, ctx: _Context) -> Token | None:
    """The outermost reporting verb before `verb` whose reported clause holds `verb`'s head
    (through clauses the parser nests: 'said that X [ccomp] because Y [advcl], while stressing'), if any."""
    node, found = verb.head, None
    for _ in range(4):
        if node.dep_ not in {"ccomp", "advcl", "conj", "xcomp"} or node.head.i == node.i:
            break
        node = node.head
        if node.i < verb.i and _is_report_verb(node) and not _inside_quote(node, ctx):
            found = node
    return found


def _sibling_reporter(verb: Token, ctx: _Context) -> Token | None:
    """'This comes as X denied ..., insisting ...': the nearest reporting verb before a subjectless
    participle that hangs on the same (non-reporting) head."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "conj", "xcomp"}:
        return None
    before = [c for c in verb.head.children if c.i < verb.i and c.dep_ in {"advcl", "ccomp", "conj"}
              and _is_report_verb(c) and not _inside_quote(c, ctx)]
    return before[-1] if before else None


def _animate(token: Token, ctx: _Context) -> bool:
    """Whether a subject could be a speaker the resolver did not find ('the rebels', 'he', a name)."""
    return token.pos_ in {"PRON", "PROPN"} and token.lower_ not in {"it", "this", "that"} or token.i in ctx.by_token \
        or token.lemma_.lower() in _GROUP_LEMMAS | ROLE_NOUNS or token.lemma_.lower() in {"rebel", "fighter", "militant"}


def _shown_person(verb: Token, ctx: _Context) -> str | None:
    """The person a participle directly follows when that person is shown or heard: 'footage
    showing the unit's leader Colonel X announcing ...', 'a video of X saying ...'."""
    before = ctx.by_token.get(verb.i - 1)
    if before is None or before.type is not EntityType.PERSON or not before.entity:
        return None
    root = ctx.doc[before.start : before.end].root
    shown = _depicted(root) or _after_depicting_verb(ctx.doc[before.start])
    return before.entity if not _inside_quote(root, ctx) and shown else None


def _after_depicting_verb(token: Token) -> bool:
    """Whether the nearest verb before a name is a depicting participle on footage ('footage
    showing the officer in charge there, Major X, ...'), whatever the parser hangs the name on."""
    for t in reversed(list(token.sent)[: token.i - token.sent.start]):
        if t.pos_ in {"VERB", "AUX"}:
            return t.tag_ == "VBG" and t.lemma_.lower() in _DEPICTING_LEMMAS and t.dep_ == "acl" \
                and t.head.lower_ in _FOOTAGE_NOUNS
    return False


def _depicted(token: Token) -> bool:
    """Whether a noun phrase is what footage shows: the object of 'showing', 'a video of X', also
    through the appositions and place phrases the parser may hang it on ('showing the head of the
    unit in the region Colonel X declaring', where X comes out as an apposition of 'region')."""
    node = token
    for _ in range(5):
        if node.dep_ == "dobj" and node.head.lemma_.lower() in _DEPICTING_LEMMAS:
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in _FOOTAGE_NOUNS:
            return True
        if node.dep_ == "prep" and node.head.pos_ == "VERB" and node.head.lemma_.lower() in _DEPICTING_LEMMAS:
            return True
        if node.dep_ not in {"appos", "pobj", "prep"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def _participle_holder(verb: Token, ctx: _Context, sent: Span) -> list[str]:
    """The speaker of a subjectless participle by what it hangs on: the person just before it
    ('footage showing the unit's leader Colonel X announcing that ...'), the speaker noun it modifies
    ('notes from foreign leaders praising the accord'), or the sender of the message it modifies
    ('the ministry sent a letter to the UN accusing ...'). Empty when none of these."""
    shown = _shown_person(verb, ctx)
    if shown is not None:
        return [shown]
    if verb.dep_ == "pcomp" and verb.head.lower_ == "to" and verb.head.head.pos_ in {"VERB", "AUX"}:
        # The same, parsed as "to [the UN accusing ...]".
        return [x for c in verb.head.head.children if c.dep_ == "nsubj" for x in _speakers_of(c, ctx, sent)]
    if verb.dep_ != "acl":
        return []
    noun = verb.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.i != noun.head.i:
        # "sent a letter to UN envoy Maria Lund accusing ...": not the addressee, the sender.
        noun = noun.head.head
        if noun.pos_ in {"VERB", "AUX"}:
            return [x for c in noun.children if c.dep_ == "nsubj" for x in _speakers_of(c, ctx, sent)]
    held = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj" and p.lemma_.lower() in _MESSAGE_NOUNS), None)
    if held is not None:
        noun = held  # "a stream of notes from foreign leaders praising ..."
    if noun.lemma_.lower() not in _MESSAGE_NOUNS:
        return _speakers_of(noun, ctx, sent) if noun.pos_ in {"NOUN", "PROPN"} else []
    senders = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"]
    if not senders and noun.dep_ == "dobj":
        senders = [c for c in noun.head.children if c.dep_ == "nsubj"]
    return [x for t in senders for x in _speakers_of(t, ctx, sent)]


def _misattached_agents(verb: Token) -> list[Token]:
    """'were described as "fiction" by X': the parser hangs 'by X' on the complement."""
    out = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ == "by":
            continue
        for t in prep.subtree:
            node, ok = t, t.lower_ == "by" and t.dep_ in {"prep", "agent"}
            while ok and node.i != prep.i:
                node = node.head
                ok = node.dep_ in {"prep", "pobj", "agent"} or node.i == prep.i
            if ok:
                out += [p for p in t.children if p.dep_ == "pobj"]
    return out


def _speakers_of(head: Token, ctx: _Context, sent: Span, conjuncts: bool = True) -> list[str]:
    """The speaker entity ids a subject (or 'according to' object) noun phrase names, with those of
    its conjuncts ('NATO and the EU') when `conjuncts`."""
    m = ctx.by_token.get(head.i)
    if m is not None and _is_army_by_name(m, ctx):
        extra = [s for c in head.conjuncts for s in _speakers_of(c, ctx, sent, False)] if conjuncts else []
        return [_army_agency(m, ctx)] + [s for s in extra if s]
    if m is not None and m.type in SPEAKER_TYPES and not m.demonym:
        if _is_dateline(m, ctx.doc):
            return []
        extra = [s for c in head.conjuncts for s in _speakers_of(c, ctx, sent, False)] if conjuncts else []
        return [m.entity] + extra
    low = head.lower_
    named_as = _identified_as(head, ctx)
    if named_as is not None:
        return [named_as]
    members = _partitive_members(head)
    if members is not None:
        found = _speakers_of(members, ctx, sent, conjuncts)
        extra = [x for c in members.conjuncts for x in _speakers_of(c, ctx, sent, False)] if conjuncts else []
        return found + [x for x in extra if x not in found]
    pair = _named_pair(head, ctx, sent)
    if pair is not None:
        return pair
    if head.pos_ == "PRON":
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
    if head.pos_ == "PROPN" and m is None:
        known = _known_alias(head, ctx)
        if known:
            return [known]
    if m is None and head.pos_ in {"PROPN", "NOUN"}:
        known = _known_surname(head, ctx)  # the tagger takes 'Trump' for a noun
        if known:
            return [known]
    if head.lemma_.lower() in _MESSAGE_NOUNS:
        # "the ministry's morning briefing claimed": the owner of the message speaks; "the statement
        # added": the speaker who just issued it.
        owners = [s for c in head.children if c.dep_ == "poss" for s in _speakers_of(c, ctx, sent, conjuncts)]
        # "the joint letter of these states said": the owner after 'of' or 'by'.
        owners = owners or [s for o in _objects_of(head, {"of", "by", "from"}) for s in _speakers_of(o, ctx, sent, conjuncts)]
        return owners or _message_owner(head, ctx, sent)
    if head.lemma_.lower() in _AUTHOR_NOUNS:
        # "the authors of the communique assured": whoever issued it.
        return [s for o in _objects_of(head, {"of"}) if o.lemma_.lower() in _MESSAGE_NOUNS
                for s in _speakers_of(o, ctx, sent, conjuncts)]
    is_role = low in ROLE_NOUNS or head.lemma_.lower() in ROLE_NOUNS or low in _ROLE_GENDER
    if low in INSTITUTION_HEADS and any(
        ctx.by_token.get(c.i) is not None and ctx.by_token[c.i].type is EntityType.PERSON
        for c in head.children if c.dep_ == "poss"
    ):
        # "Budanov's agency, the GUR", "President Yoon's office": an institution, not its head.
        return _person_institution(head, ctx)
    # "Putin's spokesman" is not Putin: for a role noun, the possessor is not the speaker.
    core_deps = {"compound", "amod", "nmod", "appos", "det"} | (set() if is_role else {"poss"})
    core = [head] + [t for c in head.children if c.dep_ in core_deps for t in c.subtree]
    if any(t.lower_ in {"his", "her", "its", "their", "our", "my", "your"} for t in core):
        return []
    # An apposition or name inside the phrase: "The committee's chairman, Republican Mike Turner".
    named = [ctx.by_token[t.i] for t in core if t.i in ctx.by_token]
    persons = [n.entity for n in named if n.type is EntityType.PERSON]
    if persons:
        return persons[:1]
    if is_role:
        # "the spokesman for the army's Eastern Command, Shi Yi, said": the name in apposition at the
        # phrase's end, wherever the parser hung it.
        named_after = [ctx.by_token[t.i] for t in head.subtree if t.dep_ == "appos" and t.i > head.i
                       and t.i in ctx.by_token and ctx.by_token[t.i].type is EntityType.PERSON]
        if named_after:
            return [named_after[-1].entity]
    is_definite = any(t.lower_ in {"the", "this", "that"} for t in head.children)
    owner = next((ctx.by_token[c.i] for c in head.children if c.dep_ == "poss" and c.i in ctx.by_token
                  and ctx.by_token[c.i].type in {EntityType.STATE, EntityType.AGENCY}), None)
    if is_role and head.tag_ == "NN" and not is_definite and owner is None and any(
            c.dep_ == "poss" and c.pos_ == "NOUN" and c.i not in ctx.by_token for c in head.children):
        # "The navy's chief spokesman says": the holder the article names before or after,
        # else one unnamed person named as the article names them.
        return [_role_person(ctx, head) or _unnamed_role(head, ctx)]
    if is_role and head.tag_ == "NN" and not is_definite and owner is not None:
        # "Ukraine's defence minister said", "the army's spokesperson says": the holder the article names.
        person = _role_person(ctx, head, state=owner.entity if owner.type is EntityType.STATE else None)
        if person:
            return [person]
        if head.i > sent.start and not any(c.dep_ in {"appos", "acl", "relcl"} for c in head.children):
            # No holder named: one unnamed person, named as the article names them (CONVENTIONS.md).
            return [_unnamed_role(head, ctx)]
    if head.tag_ == "NNS" and any(c.lower_ in {"the", "these", "those"} for c in head.children) and all(
            c.dep_ in {"det", "punct"} for c in head.children) and (is_role or head.lemma_.lower() in _GROUP_LEMMAS) \
            and low != "authorities":
        # "the lawmakers quoted ...", "the officials said": the group that just spoke.
        group = _recent_group(ctx, head, sent)
        if group:
            return group
    if is_role and not is_definite and head.tag_ in {"NN", "NNP"} and _is_headline(sent) and not any(
            c.dep_ in {"det", "poss", "nummod"} for c in head.children):
        is_definite = True  # headlinese drops the article: "..., minister says"
    if is_role:
        if is_definite and head.tag_ in {"NN", "NNP"}:
            person = _role_person(ctx, head)
            if person is None:
                person = _resolve_person(ctx, head, _ROLE_GENDER.get(low))
                role = head.lemma_.lower() if head.lemma_.lower() in ROLE_NOUNS else low
                if person and head.text[:1].isupper() and head.i != head.sent.start and ctx.roles.get(person) \
                        and role not in ctx.roles[person]:
                    # A capitalised office ("the Secretary") is not the spokesperson who just spoke.
                    person = None
            if person:
                ctx.roles.setdefault(person, set()).update(_phrase_words(head))
                return [person]
            role = head.lemma_.lower() if head.lemma_.lower() in ROLE_NOUNS else low
            if head.is_lower and head.tag_ == "NN" and not _is_headline(sent) \
                    and not any(role in words for words in ctx.roles.values()):
                # "the journalist said" and no journalist named anywhere: one unnamed person (CONVENTIONS.md).
                return [_unnamed_role(head, ctx)]
            return []
        unnamed = _unnamed_speaker(head, ctx)
        if unnamed:
            return [unnamed]
        institutions = [n.entity for n in named if n.type in SPEAKER_TYPES and not n.demonym]
        states = [n.entity for n in named if n.type is EntityType.STATE]
        found = (institutions or states)[:1]
        if found and low in _ROLE_GENDER:
            ctx.spoken.append((head.i, found[0], _ROLE_GENDER[low]))  # "A Pentagon spokeswoman ... she"
        return found
    unnamed = _unnamed_speaker(head, ctx)
    if unnamed:
        return [unnamed]
    if low in STATE_HEADS or head.lemma_.lower() in STATE_HEADS:
        return _states_of(head, ctx, sent, is_definite)
    if low in INSTITUTION_HEADS or head.lemma_.lower() in INSTITUTION_HEADS:
        if low in _MASS_NOUNS and not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in head.children):
            return []  # "intelligence indicates ...": information, not an agency
        return [_antecedent_agency(head, ctx, sent)]
    if is_definite and head.tag_ == "NN" and head.is_lower and head.lemma_.lower() in PERSON_NOUNS \
            and not _recent_speakers(ctx, sent, types={EntityType.PERSON}, sentences=_ROLE_SENTENCES) \
            and not any(m.type is EntityType.PERSON and _window_start(ctx, sent, _ROLE_SENTENCES) <= m.start < head.i
                        for m in ctx.mentions):
        # "the journalist said" with no person named before: one unnamed person (CONVENTIONS.md).
        return [_unnamed_role(head, ctx)]
    return []


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


# Institution nouns that, bare, are a mass noun ("intelligence suggests"), not a body.
_MASS_NOUNS = word_list("statement_words.yaml", "mass_nouns")
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


_PAIR_STATE_NOUNS = word_list("statement_words.yaml", "pair_state_nouns")
_PAIR_PERSON_NOUNS = word_list("statement_words.yaml", "pair_person_nouns")


def _named_pair(head: Token, ctx: _Context, sent: Span) -> list[str] | None:
    """'Both countries rejected', 'The two condemned', 'the two leaders said': the last two speakers
    of the fitting type named in the sentence before (states for 'countries', people for 'the two'
    and 'leaders'); None when `head` is no such phrase."""
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
