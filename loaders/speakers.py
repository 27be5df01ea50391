"""Speakers of a reporting verb: which phrases speak for it (the last step of stage one, finding an
act's speaker mention); loaders/speaker_sieves.py resolves each phrase to entities (stage two).

A verb's speaker phrase is its subject, its agent ('were described as "fiction" by X', also where
the parser hangs 'by X' on the complement), or a subject the parser put after it. Heuristics for
verbs without one (documented because they are guesses):
- '..., it was added.' continues the previous sentence's speaker; another agentless 'it' passive none;
- a subjectless participle speaks for the person it follows when shown ('footage showing X
  declaring'), the speaker noun it modifies, or the sender of the letter it modifies, else the one
  reporting the clause the parser hangs it on; a subjectless verb beside or inside another act
  ('said that ... and warned', 'X, adding that ...') is a second act of that act's speaker;
- 'quoted X as saying' gives both speakers;
- an unnamed group joined by named members ('Several Nordic countries and Japan said') speaks as one
  Agency named by the whole phrase.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from loaders.entities import ROLE_NOUNS
from loaders.speaker_referents import _GROUP_DETERMINERS, _GROUP_LEMMAS
from loaders.speaker_sieves import _speakers_of
from loaders.statement_context import (
    _Context,
    _DEPICTING_LEMMAS,
    _FOOTAGE_NOUNS,
    _MESSAGE_NOUNS,
    _inside_quote,
    _is_report_verb,
    _quoted_as,
    _recent_speakers,
    _trailing_subject,
)
from schema.vocabulary import SPEAKER_TYPES, EntityType


# --- speakers ---------------------------------------------------------------------------------


def _verb_speakers(verb: Token, ctx: _Context, sent: Span) -> list[str]:
    """The speaker entity ids of a reporting verb: those of its subject or agent phrases, or of the
    one a subjectless verb speaks for."""
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

