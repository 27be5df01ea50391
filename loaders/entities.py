"""Entity mentions in a parsed article: spaCy NER, cleaned and typed with the gazetteer, plus
rule-built mentions for units, treaties and state institutions that NER does not label.

A Mention is one stretch of tokens naming one actor or thing; resolve.py turns mentions into
entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from loaders.actors import load_actors
from loaders import entity_outlets
from loaders.datelines import find_dateline
from loaders.entity_lexicon import entity_words
from loaders.gazetteer import Gazetteer, load_gazetteer
from loaders.ids import slugify
from loaders.nlp import doc_text
from loaders.ranges import CharRanges, covers
from schema.vocabulary import EntityType


@dataclass
class Mention:
    """Tokens [start, end) of the doc naming one entity; `name` is the canonical-name candidate."""

    start: int
    end: int
    text: str
    type: EntityType
    name: str
    size: str | None = None
    # A state named only by its adjective or people ("North Korean", "Ukrainians"): it counts as a
    # mention of the state but never makes the state a speaker by itself.
    demonym: bool = False
    label: str = ""  # where it came from: an NER label, or "UNIT", "TREATY", "INSTITUTION", "PLACE"
    entity: str | None = None  # the resolved entity id, set by resolve.py
    # Why this surface form names `name` (an audit trail, kept in EntityRecord.alias_rules):
    # "exact", "variant", "dictionary", "partial-name", "acronym", "metonym", "demonym", "title",
    # "description". Empty: decided when the mention is added to the table.
    rule: str = ""
    # NER mentions this rule-built mention absorbed ("Seoul" in "Seoul's defense ministry",
    # "Yoon Suk Yeol" in "President Yoon Suk Yeol's office"): resolve.py registers them as entities.
    inner: list[Mention] = field(default_factory=list)
    # Longer surface forms of the same entity around the mention ("UK's Ministry of Defence" for
    # "Ministry of Defence"): resolve.py keeps them as aliases.
    forms: list[str] = field(default_factory=list)

    def covers(self, i: int) -> bool:
        return self.start <= i < self.end


_SKIP_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "LANGUAGE"}
_REGION_WORDS = {"region", "oblast", "province", "city", "district", "area", "krai", "republic", "county"}
# Administrative words that make "Kursk" + word one region: "the Kursk region", "Kursk oblast".
_ADMIN_WORDS = {"region", "oblast", "province", "krai", "district", "governorate", "prefecture"}
_DIRECTIONS = {
    "eastern", "western", "northern", "southern", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western",
}
# Not places although NER often says so: political blocs and figures of speech.
# "Korea" alone names neither Korean state (it is "a Korea specialist", "the two Koreas").
_NOT_PLACES = {"west", "the-west", "east", "the-east", "global-south", "korea", "north", "south"}
# Online platforms and parties are not agencies of a state.
_NOT_AGENCIES = re.compile(
    r"^(telegram|x|twitter|facebook|instagram|youtube|tiktok|whatsapp|vk|vkontakte|signal|google|"
    r"photographs?|photos?|getty( images)?|shutterstock|defen[cs]e)$|\b(party|university|college|edition)\b"
    # Events and documents are not agencies: "the NATO Summit", "the South Korean Constitution".
    r"|\b(summit|constitution)$",
    re.I,
)
# A state's armed forces named by description: a Unit ("the Russian army" -> "Russian forces").
_ARMY_HEADS = {"army", "military", "armed forces", "forces", "armed-forces"}
# A formation named by its number or name: "11th Army Corps", "76th Guards Air Assault Division".
_FORMATION = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)\b.*|.*\b(?:corps|division|brigade|regiment|battalion|fleet))$", re.I)
# CONVENTIONS.md: a Treaty is any identified agreement: treaty, accord, deal, protocol, memorandum,
# joint declaration, ceasefire agreement.
TREATY_HEADS = {"treaty", "pact", "agreement", "accord", "partnership", "convention", "memorandum", "deal",
                "protocol", "declaration", "truce", "armistice"}
_TREATY_WORDS = re.compile(r"\b(treaty|pact|agreement|accord|convention|charter|protocol|act|memorandum)\b", re.I)
# Modifiers that describe a treaty's importance, not which treaty it is.
_TREATY_EVALUATIVE = {"landmark", "historic", "new", "so", "called", "so-called", "major", "key", "important",
                      "great", "big", "good", "bad", "better", "whole", "done", "real", "raw"}
# Adjectives that say which kind of agreement it is ("a joint declaration", "a bilateral deal");
# a treaty described only by other adjectives is not identified.
_TREATY_KINDS = {
    "joint", "strategic", "comprehensive", "bilateral", "trilateral", "multilateral", "mutual", "military",
    "nuclear", "economic", "political", "interim", "preliminary", "provisional", "permanent", "temporary",
    "final", "initial", "formal", "defensive", "maritime", "regional", "international", "humanitarian",
}
UNIT_HEADS = {
    "troops", "soldiers", "brigades", "brigade", "battalions", "battalion", "contingent", "forces",
    "units", "servicemen", "serviceman", "regiments", "regiment", "marines", "paratroopers",
    "mercenaries", "troop", "soldier", "personnel", "army", "military",
    # CONVENTIONS.md: naval, air and police contingents are units too.
    "warships", "warship", "vessels", "boats", "frigates", "destroyers", "warplanes", "jets",
    "instructors",
}
# Nouns that, modified by a state ("Ukrainian", "Seoul's"), name that state's institution.
INSTITUTION_HEADS = {
    "ministry", "intelligence", "agency", "military", "army", "navy", "media", "embassy",
    "parliament", "police", "command", "council", "committee", "department", "office", "cabinet",
    "services", "service", "diplomats", "diplomacy", "prosecutors", "court",
}
# Nouns that, modified by a state, stand for the state itself.
STATE_HEADS = {"government", "authorities", "officials", "administration", "regime", "leadership", "side"}
# Of those, plural nouns for unnamed people: a group the article names ("U.S. officials"), an Agency.
GROUP_HEADS = {"authorities", "officials"}
# Nouns for a person's office; "spokesman Christophe Lemoine" makes the name a person.
ROLE_NOUNS = {
    "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "official",
    "chairman", "chairwoman", "chair", "leader", "diplomat", "ambassador", "general", "commander",
    "chief", "director", "envoy", "adviser", "advisor", "senator", "governor", "mayor", "premier",
    "chancellor", "lawmaker", "politician", "analyst", "head", "deputy", "counterpart", "king",
    "queen", "prince", "colonel", "admiral", "lieutenant", "captain", "prosecutor", "judge",
    "representative", "congressman", "congresswoman", "member", "officer", "aide", "negotiator",
}
DEPLOY_LEMMAS = {"deploy", "send", "transfer", "station", "move", "dispatch", "redeploy", "relocate", "ship", "base"}
_MOTION_LEMMAS = DEPLOY_LEMMAS | {
    "travel", "fly", "arrive", "return", "go", "come", "head", "visit", "trip", "flight", "journey", "drive",
    "evacuate", "flee", "withdraw", "retreat", "leave", "depart", "march", "advance", "road", "route", "way",
    "train", "bus", "border", "distance", "km", "kilometre", "kilometer", "mile", "miles", "kilometres",
}
_LOCATIVE_PREPS = {"in", "at", "to", "into", "from", "near", "toward", "towards", "via", "outside", "around", "across", "through"}
_GENERIC_ORG_WORDS = re.compile(
    r"\b(ministry|intelligence|army|navy|armed forces|security council|parliament|defen[cs]e|foreign|"
    r"government|chiefs|police|service|joint|national|air force|general staff|forces)\b",
    re.I,
)
_POSSESSIVE = {"'s", "’s", "'", "’"}
# Honorifics and military ranks (with or without the period) stand before names, never alone.
HONORIFICS = {
    "mr", "mrs", "ms", "dr", "prof", "professor", "rep", "sen", "gov", "maj", "gen", "lt", "col", "sgt",
    "capt", "adm", "brig", "cmdr", "cpl", "pvt", "lt-gen", "maj-gen", "rev", "sir", "dame",
}
# Titles only a person bears: a name after one is a person's whatever NER typed it.
_PERSONAL_TITLES = {"mr", "mrs", "ms", "miss", "dr"}
# Page and transcript furniture that NER takes for names: time zones, transcript speaker labels,
# wire-story end marks.
_FURNITURE_WORDS = {
    "gmt", "utc", "est", "edt", "bst", "cet", "cest", "kst", "msk", "pst", "pdt", "end", "question",
    "answer", "q", "a", "update", "updated", "breaking", "live", "watch", "video", "photo", "advertisement",
    "moderator", "operator", "more", "read",
}
# Words that end a title, not a name: "Department Spokesperson", "Department Press Briefing".
_TITLE_TAILS = {"briefing", "spokesperson", "spokesman", "spokeswoman", "secretary", "minister"}
# Research bodies, schools and companies are not actors of the graph (think tanks are not agencies).
_NON_AGENCY_WORDS = re.compile(
    r"\b(institute|institution|foundation|university|college|endowment|think[- ]tank|school"
    r"|inc|corp|corporation|ltd|llc|plc|gmbh)\b\.?|(?:^|['’]s\s+)(?:the\s+)?(?:center|centre|council)\s+(?:for|on)\b",
    re.I,
)
# Administrative words that make an organisation-labelled name a place: "Kursk Oblast".
_ADMIN_TAILS = {"oblast", "region", "province", "krai", "governorate", "prefecture"}


def extract_mentions(doc: Doc, skip: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Every entity mention in `doc`, in text order, outside the character ranges `skip`.

    Mentions never overlap: rule-built units, treaties and institutions absorb the NER mentions
    (typically demonyms) inside them.
    """
    gaz = load_gazetteer()
    skip = CharRanges([*(skip or []), *_credit_ranges(doc)])
    mentions = [m for ent in doc.ents if (m := _ner_mention(ent, gaz)) is not None]
    mentions = [m for m in mentions if not _in_ranges(doc, m, skip) and not _is_agency_tag(doc, m)]
    mentions = _dateline_mentions(doc, mentions, gaz, skip)
    _retype_person_suffixes(doc, mentions)
    mentions = _split_place_pairs(doc, mentions)
    mentions = _join_bracketed_names(doc, mentions)
    mentions = _join_missions(doc, mentions)
    _grow_outlet_nouns(doc, mentions)
    by_token = _token_index(mentions)

    _prefix_institutions(doc, mentions, by_token, gaz)
    built: list[Mention] = []
    for token in doc:
        if _in_ranges_token(token, skip) or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        low = token.lower_
        if low in UNIT_HEADS or token.lemma_.lower() in {"troop", "soldier"}:
            named = by_token.get(token.i)
            # "Ukraine's Special Operations Forces": a command the dictionary knows, not a contingent.
            m = None if named is not None and named.type is EntityType.AGENCY and named.rule == "dictionary" \
                else _unit_mention(token, by_token, gaz)
        elif low in TREATY_HEADS and token.i not in by_token and not (
            token.dep_ == "compound" and token.head.lower_ in TREATY_HEADS
        ):
            m = _treaty_mention(token)
        elif (low in INSTITUTION_HEADS or low in STATE_HEADS or _is_air_force(token)) and token.i not in by_token:
            m = _institution_mention(token, by_token, gaz)
        elif low in SHIP_PREFIXES and token.is_upper:
            m = _ship_mention(token)
        else:
            m = None
        if m is not None:
            built.append(m)
    _extend_regions(doc, mentions, by_token)
    built += _place_mentions(doc, by_token, gaz, skip)

    # Rule-built mentions win over the NER mentions they overlap; among themselves, the first wins.
    out: list[Mention] = []
    taken: set[int] = set()
    for m in built:
        if not taken.intersection(range(m.start, m.end)):
            out.append(m)
            taken.update(range(m.start, m.end))
    for m in mentions:
        if not taken.intersection(range(m.start, m.end)):
            out.append(m)
            taken.update(range(m.start, m.end))
        else:
            outer = next((b for b in built if b.start <= m.start and m.end <= b.end), None)
            # A warship's name inside 'USS Carl Vinson' is the ship itself, not another actor.
            # A capital in a treaty's name ("the Cairo agreement", "the Minsk accords") says where it
            # was concluded, not that the state acts.
            in_treaty_name = outer is not None and outer.type is EntityType.TREATY and m.rule == "metonym"
            if outer is not None and m.type is not EntityType.UNIT and not in_treaty_name \
                    and outer.text.split()[0].lower() not in SHIP_PREFIXES:
                outer.inner.append(m)
    out = _names_with_descriptions(doc, out, taken, skip)
    out += _names_after_roles(doc, taken, skip)
    out += _dictionary_mentions(doc, taken, skip, gaz)
    out += _names_in_coordination(doc, out, taken, skip, gaz)
    out += [m for m in entity_outlets.outlet_names(doc, taken) if not _in_ranges(doc, m, skip)]
    out = entity_outlets.join_outlet_descriptions(doc, sorted(out, key=lambda m: m.start))
    _join_single_ship(doc, out)
    return sorted(_drop_headline_guesses(doc, out), key=lambda m: m.start)


def _join_single_ship(doc: Doc, mentions: list[Mention]) -> None:
    """In an article that names one warship ('HMS Calder'), a lone ship described by its noun
    ('Britain sent a warship') is that ship, not its state's troops; with two named ships, or a
    counted or plural noun, nothing is joined."""
    ships = {m.name for m in mentions if m.type is EntityType.UNIT and m.name.split()[0].lower() in SHIP_PREFIXES}
    if len(ships) != 1:
        return
    ship = ships.pop()
    for m in mentions:
        head = doc[m.end - 1]
        if m.type is EntityType.UNIT and m.rule == "description" and m.size is None \
                and head.lower_ in entity_words("ship_nouns") and not any(c.dep_ == "nummod" for c in head.children):
            m.name = ship


def _drop_headline_guesses(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """In a Title Case headline every word looks like a name to NER ('Envoys Seal Truce In Doha',
    'Austin Hosts Talks'): a person found only there, whose last name the article never
    writes again (in any case: 'MR. BERGER'), is dropped. The word inside another entity's name
    ('Peace' in 'the Institute of Peace') is not the name written again."""
    text = doc_text(doc)
    seen: dict[str, int] = {}  # last name -> occurrences in the article, counted once each
    other: list[tuple[int, int]] | None = None  # character spans of the other entities' names
    out = []
    for m in mentions:
        if m.type is EntityType.PERSON and m.label == "PERSON" and not m.rule:
            span = doc[m.start : m.end]
            line_start = text.rfind("\n", 0, span.start_char) + 1
            line_end = text.find("\n", span.end_char)
            if _is_title_case_line(text[line_start : len(text) if line_end < 0 else line_end]):
                last = span[-1].text
                if last not in seen:
                    # Capitalised or in capitals, as a name is written: "peace" is not "Peace".
                    if other is None:
                        other = [mention_char_span(doc, x) for x in mentions if x.type is not EntityType.PERSON]
                    found = re.finditer(r"\b(?:" + re.escape(last) + "|" + re.escape(last.upper()) + r")\b", text)
                    seen[last] = sum(not any(a <= f.start() < b for a, b in other) for f in found)
                if seen[last] < 2:
                    continue
        out.append(m)
    return out


def _is_title_case_line(line: str) -> bool:
    """A headline in Title Case: four or more words, nearly every word of four letters or more
    capitalised, no closing full stop."""
    words = re.findall(r"[A-Za-z][\w’'-]*", line)
    long = [w for w in words if len(w) >= 4]
    if len(words) < 4 or not long or line.rstrip().endswith("."):
        return False
    return sum(w[0].isupper() for w in long) >= 0.8 * len(long)


_CREDIT = re.compile(
    r"^(?:(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by|compiled\s+by)\b"
    r"|\b(?:writers?|reporters?|correspondents?|journalists?)\b.*\bcontributed\b",
    re.I,
)
_DASHES = {"-", "--", "—", "–", "―"}


def _credit_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of credit lines ('Associated Press writer Park Ji-won in Seoul contributed.',
    'Reporting by Jack Kim; Editing by Ed Davies'): their names are not actors of the story."""
    return [(sent.start_char, sent.end_char) for sent in doc.sents if _CREDIT.search(sent.text.strip())]


def _dateline_mentions(doc: Doc, mentions: list[Mention], gaz: Gazetteer, skip: CharRanges) -> list[Mention]:
    """The story's dateline (datelines.py): its city is a Place, not its state acting ('BEIJING —'
    is where the report was filed); its wire tag ('(Yonhap) --', '/TASS/.') is the Agency the report
    comes from. NER mentions inside either give way."""
    found = find_dateline(doc_text(doc))
    if found is None:
        return mentions
    out = mentions
    for span_chars, type_ in ((found.city, EntityType.PLACE), (found.tag, EntityType.AGENCY)):
        if span_chars is None or covers(skip, span_chars[0]):
            continue
        span = doc.char_span(*span_chars, alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        inside = [m for m in out if m.start < span.end and span.start < m.end]
        text = doc_text(doc)[span_chars[0] : span_chars[1]]  # a token may be wider: '/TASS/.'
        if type_ is EntityType.PLACE:
            state = gaz.capitals.get(slugify(text))
            if any(m.start != span.start or m.end != span.end or m.type is not EntityType.STATE for m in inside):
                continue  # a place NER found, or a mention beyond the city: left as it is
            if state is None and (inside or slugify(text) not in gaz.places):
                continue  # only a capital stands for its state; an unknown word may be a heading
            name = gaz.capital_names[state] if state else _place_name(text, gaz)
            new = Mention(span.start, span.end, text, EntityType.PLACE, name, label="GPE", rule="variant")
        else:
            new = Mention(span.start, span.end, text, EntityType.AGENCY, text.strip(), label="ORG")
        out = sorted([m for m in out if m not in inside] + [new], key=lambda m: m.start)
    return out


def _is_agency_tag(doc: Doc, m: Mention) -> bool:
    """A wire agency's tag after a dateline: 'SEOUL, Dec. 23 (Yonhap) --', 'KYIV (Reuters) -'."""
    if m.type is not EntityType.AGENCY or m.start == 0 or m.end + 1 >= len(doc):
        return False
    return doc[m.start - 1].text == "(" and doc[m.end].text == ")" and doc[m.end + 1].text in _DASHES


_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")  # "U.N.", "U.S."


def _dictionary_mentions(doc: Doc, taken: set[int], skip: list[tuple[int, int]], gaz: Gazetteer) -> list[Mention]:
    """Names NER missed that the actor dictionary knows: a person's full name of two or more
    capitalised words ('Volodymyr Zelenskiy'), an institution's capitalised name or acronym ('KCNA'),
    a treaty's name ('the U.N. Charter')."""
    out: list[Mention] = []
    i = 0
    while i < len(doc):
        found = None
        if i not in taken and (doc[i].is_title or doc[i].is_upper) and (doc[i].is_alpha or _INITIALS.match(doc[i].text)) \
                and not _in_ranges_token(doc[i], skip):
            for n in range(min(6, len(doc) - i), 0, -1):
                span = doc[i : i + n]
                if any(j in taken for j in range(span.start, span.end)) or "\n" in span.text:
                    continue
                key = slugify(span.text)
                if n >= 2 and key in gaz.treaties and span[-1].lower_ in TREATY_HEADS | {"charter", "conventions"}:
                    # "the U.N. Charter", "the UN charter": the dictionary's treaty, however cased
                    found = Mention(span.start, span.end, span.text, EntityType.TREATY, gaz.treaties[key],
                                    label="TREATY", rule="dictionary")
                    break
                if not (span[-1].is_title or span[-1].is_upper) or not span[-1].is_alpha:
                    continue
                if not all(t.is_title or t.is_upper or t.is_stop or t.text in {"-", "'", "’"} for t in span):
                    continue
                if n >= 2 and key in gaz.people:
                    found = Mention(span.start, span.end, span.text, EntityType.PERSON, gaz.people[key],
                                    label="PERSON", rule="dictionary")
                elif key in gaz.agencies and (n >= 2 or span[0].is_upper and len(span[0]) >= 3):
                    found = Mention(span.start, span.end, span.text, EntityType.AGENCY, gaz.agencies[key],
                                    label="ORG", rule="dictionary")
                elif key in gaz.states and span[-1].is_title and not _first_name_of(span):
                    # "...: Chile" where NER saw no place at all
                    found = Mention(span.start, span.end, span.text, EntityType.STATE, gaz.states[key],
                                    label="GPE", rule="dictionary")
                if found is not None and _is_agency_tag(doc, found):
                    found = None
                    break
                if found is not None:
                    break
        if found is None:
            i += 1
            continue
        out.append(found)
        taken.update(range(found.start, found.end))
        i = found.end
    return out


def _first_name_of(span: Span) -> bool:
    """'Jordan Peterson', 'Mr. Chad': a state's name used as a person's name."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    return after is not None and after.pos_ == "PROPN" and after.is_title and not after.whitespace_.count("\n") \
        and "\n" not in span[-1].whitespace_ or before is not None and before.lower_.rstrip(".") in HONORIFICS


# Nouns that describe a person (beyond offices): "X, a Moscow-based military commentator, said".
PERSON_NOUNS = ROLE_NOUNS | {
    "commentator", "specialist", "researcher", "expert", "professor", "scholar", "fellow", "economist",
    "historian", "journalist", "reporter", "correspondent", "editor", "columnist", "observer",
    "strategist", "consultant", "scientist", "activist", "lawyer", "author", "writer", "veteran",
    "resident", "soldier", "pilot", "student", "lecturer", "academic", "defector", "spokesperson",
    "founder", "partner", "manager", "executive", "colonel", "major", "sergeant", "volunteer",
}


def _names_with_descriptions(doc: Doc, mentions: list[Mention], taken: set[int],
                             skip: list[tuple[int, int]]) -> list[Mention]:
    """Names NER missed or mistyped that English marks as a person: a name of two or more words
    with a person description in apposition ('Alexei Voronov, a Moscow-based military commentator,',
    'Andrii Kovalenko, head of the Center ...'), or a name after a rank or honorific ('Maj. Oleksiy
    Tkachenko'). Mistyped NER pieces of the name (a 'place' Gorskaya) give way; names the gazetteer
    or dictionary types (states, agencies) never do."""
    by_token = _token_index(mentions)
    for token in doc:
        if token.pos_ != "PROPN" or not token.is_title or not token.is_alpha or token.dep_ == "compound" \
                or _in_ranges_token(token, skip):
            continue
        start = token.i
        while start > token.sent.start and "\n" not in doc[start - 1].whitespace_ and (
            doc[start - 1].is_title and doc[start - 1].is_alpha and doc[start - 1].pos_ in {"PROPN", "ADJ"}
            or doc[start - 1].text in {"-", "‐"} and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_
            # "Eun-ji": the lower-case second half of a hyphenated given name
            or doc[start - 1].is_lower and doc[start - 1].is_alpha
            and start >= 3 and doc[start - 2].text in {"-", "‐"} and not doc[start - 3].whitespace_
        ) and doc[start - 1].lower_ not in HONORIFICS and doc[start - 1].lower_ not in PERSON_NOUNS:
            start -= 1
        if doc[start].text in {"-", "‐"}:
            continue
        span = doc[start : token.i + 1]
        before = doc[start - 2 : start] if start >= 2 else doc[0:0]
        titled = any(t.lower_.rstrip(".") in HONORIFICS - {"sir", "dame"} and t.is_title for t in before[-2:]) \
            and (before[-1].text == "." or before[-1].lower_ in HONORIFICS)
        described = any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS and c.i > token.i and (
            c.i == token.i + 2 or any(d.dep_ == "det" and d.lower_ in {"a", "an", "the"} or d.dep_ == "poss"
                                      for d in c.children)
        ) for c in token.children)
        if not (titled or described and len(span.text.split()) >= 2) or not _looks_like_name(span):
            continue
        if state_of(span.text, load_gazetteer()) is not None:
            continue
        covering = {id(by_token[i]): by_token[i] for i in range(span.start, span.end) if i in by_token}
        if any(m.type is EntityType.PERSON or m.rule or m.type is EntityType.STATE
               or m.start < span.start or m.end > span.end for m in covering.values()):
            continue
        if any(i in taken for i in range(span.start, span.end) if i not in by_token):
            continue
        mentions = [m for m in mentions if id(m) not in covering]
        new = Mention(span.start, span.end, span.text, EntityType.PERSON, span.text, label="PERSON")
        mentions.append(new)
        for i in range(span.start, span.end):
            by_token[i] = new
            taken.add(i)
    return mentions


def _names_in_coordination(doc: Doc, mentions: list[Mention], taken: set[int], skip: list[tuple[int, int]],
                           gaz: Gazetteer) -> list[Mention]:
    """A name NER missed that is coordinated with a person it found ('Ana Castel of Chile and Luis
    Mora of Peru', 'Ana Castel and Luis Mora'): two or three capitalised words, nothing the
    gazetteer knows, in the same slot as the person, are a person too."""
    out = []
    people = [m for m in mentions if m.type is EntityType.PERSON and m.end - m.start >= 2]
    for m in people:
        head = doc[m.end - 1]
        partners = [c for c in head.children if c.dep_ == "conj"] + ([head.head] if head.dep_ == "conj" else [])
        for p in partners:
            if p.i in taken or p.pos_ != "PROPN" or not p.is_title or _in_ranges_token(p, skip):
                continue
            start = p.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == p.i \
                    and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and doc[start - 1].i not in taken:
                start -= 1
            span = doc[start : p.i + 1]
            if not 2 <= len(span) <= 3 or not _looks_like_name(span) or state_of(span.text, gaz) is not None \
                    or any(t.lower_ in ROLE_NOUNS or t.lower_.rstrip(".") in HONORIFICS for t in span) \
                    or slugify(span.text) in gaz.agencies or slugify(span.text) in gaz.places \
                    or span[-1].lower_ in entity_words("body_words") | INSTITUTION_HEADS | {"party"}:
                continue  # "the People Power Party": a body, whoever it is coordinated with
            out.append(Mention(span.start, span.end, span.text, EntityType.PERSON, span.text, label="PERSON",
                               rule="coordination"))
            taken.update(range(span.start, span.end))
    return out


def _names_after_roles(doc: Doc, taken: set[int], skip: list[tuple[int, int]]) -> list[Mention]:
    """Names NER missed but a role noun introduces: 'politician Park Sun-con', 'spokesman Li Wei'."""
    out = []
    for token in doc:
        if token.i in taken or token.pos_ != "PROPN" or token.dep_ == "compound" or _in_ranges_token(token, skip):
            continue
        start = token.i
        while start > 0 and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].text == "-") \
                and doc[start - 1].i not in taken and not doc[start - 1].whitespace_.count("\n") \
                and (doc[start - 1].lower_ not in ROLE_NOUNS or token.i - start < 1):
            start -= 1  # "Foreign Minister Ana Castel": a role before a two-word name is no part of it
        span = doc[start : token.i + 1]
        if any(t.lower_.rstrip(".") in HONORIFICS for t in span):
            continue  # "secretary Maj. Gen. Pat Ryder": ranks, the name follows them
        if start == 0 or doc[start - 1].lower_ not in ROLE_NOUNS or not _looks_like_name(span):
            continue
        if span[0].text == "-" or any(t.ent_type_ in {"GPE", "ORG", "NORP"} for t in span):
            continue
        out.append(Mention(span.start, span.end, span.text, EntityType.PERSON, span.text, label="PERSON"))
        taken.update(range(span.start, span.end))
    return out


def mention_char_span(doc: Doc, m: Mention) -> tuple[int, int]:
    """Character offsets of a mention in the doc text."""
    span = doc[m.start : m.end]
    return span.start_char, span.end_char


def state_of(text: str, gaz: Gazetteer) -> tuple[str, str] | None:
    """(state, how) for a name, alias, demonym or capital; how is 'name', 'demonym' or 'capital'."""
    key = slugify(_strip_the(text))
    if key in gaz.states:
        return gaz.states[key], "name"
    if key in gaz.demonyms:
        return gaz.demonyms[key], "demonym"
    if key in gaz.state_metonyms:
        return gaz.state_metonyms[key], "name"
    if key in gaz.capitals:
        return gaz.capitals[key], "capital"
    return None


# --- NER mentions -----------------------------------------------------------------------------


def _ner_mention(ent: Span, gaz: Gazetteer) -> Mention | None:
    if ent.label_ in _SKIP_LABELS:
        return None
    span = _clean_span(ent)
    if span is None or _is_furniture(span):
        return None
    label = ent.label_
    if label in {"ORG", "GPE", "NORP", "FAC"} and len(span) >= 2 and span[0].lower_.rstrip(".") in _PERSONAL_TITLES \
            and all(t.is_title and t.pos_ == "PROPN" for t in span[1:] if t.text != "."):
        label = "PERSON"  # "Ms Castel" typed as an organisation: the title says it is a person
    if label == "PERSON":
        span = _person_span(span, gaz)
        if span is None:
            return None
    text = span.text
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if label in {"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "FAC"} and after is not None \
            and after.lower_ in _CONFLICT_NOUNS and span.root.head.i == after.i and span.root.dep_ == "compound" \
            and slugify(_strip_the(text)) not in gaz.agencies:
        # "the Kivu conflict", "the Sinjar offensive": NER types the place by itself as anything.
        conflict = _conflict_place(span.doc[span.start : span.end + 1], gaz)
        if conflict is not None:
            return conflict
    found = state_of(text, gaz)
    if found:
        state, how = found
        if how == "capital" and _is_locative(span):
            return Mention(span.start, span.end, text, EntityType.PLACE, _place_name(text, gaz), label=label, rule="variant")
        rule = {"demonym": "demonym", "capital": "metonym"}.get(how, "")
        if how == "name" and slugify(_strip_the(text)) in gaz.state_metonyms:
            rule = "metonym"
        return Mention(span.start, span.end, text, EntityType.STATE, state, demonym=how == "demonym", label=label,
                       rule=rule)
    key = slugify(_strip_the(text))
    owned = re.match(r"^(.+?)['’]s\s+(.+)$", _strip_the(text))
    owner = state_of(owned.group(1), gaz) if owned else None
    if key not in gaz.agencies and owner and slugify(owned.group(2)) in gaz.agencies:
        actor = load_actors().lookup(EntityType.AGENCY, gaz.agencies[slugify(owned.group(2))])
        if actor is None or actor.state in (None, owner[0]):
            key = slugify(owned.group(2))  # "Kyiv's Center for Countering Disinformation"
        else:
            # "Israel's National Security Council": the owner's body, not the dictionary's namesake.
            name = f"{gaz.adjective.get(owner[0], owner[0])} {owned.group(2)}"
            return Mention(span.start, span.end, text, EntityType.AGENCY, name, label=label, rule="description")
    if key in gaz.agencies:
        return Mention(span.start, span.end, text, EntityType.AGENCY, gaz.agencies[key], label=label, rule="dictionary")
    if _is_federal_state(span, [t for t in span if t.lower_ != "the"], gaz):
        # Named without 'State', as NER finds it in "Kano state": one place for both forms.
        base = span.doc[span.start : span.end - 1].text
        return Mention(span.start, span.end, text, EntityType.PLACE, _strip_the(base), label="GPE", rule="variant")
    if key in gaz.places:
        return Mention(span.start, span.end, text, EntityType.PLACE, gaz.places[key], label=label, rule="variant")
    if key in gaz.people:
        return Mention(span.start, span.end, text, EntityType.PERSON, gaz.people[key], label=label, rule="dictionary")
    described = _described_by_noun(span, label)
    if described is not None:
        return described
    if label in {"ORG", "PERSON", "GPE", "NORP"} and _is_title_phrase(span):
        return None  # "Department Spokesperson", "Pentagon Press [Secretary]": a title, not an actor
    if label == "PERSON":
        if not _looks_like_name(span) or _is_byline(span) or _is_sign_off(span) \
                or _NOT_AGENCIES.search(text) and len(span) == 1:
            return None  # "formerly known as Twitter": a platform, never a person
        return Mention(span.start, span.end, text, EntityType.PERSON, text, label=label)
    if "/" in text:
        return None  # photo credits: "Pool/Sputnik/AP"
    if label in {"ORG", "PERSON", "PRODUCT", "FAC", "NORP"} and (site := _site_name(span)) is not None:
        return site
    if label in {"ORG", "GPE", "LOC", "FAC"}:
        typed = _retype_org(span, gaz)
        if typed is not None:
            return typed
    if label in {"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT"}:
        unit = _named_unit(span, gaz)
        if unit is not None:
            return unit
    if label == "ORG" and _NOT_AGENCIES.search(_strip_the(text)):
        return None
    if label in {"ORG", "FAC", "GPE", "LOC"} and (_NON_AGENCY_WORDS.search(text) or key in gaz.non_entities):
        return None
    if label in {"GPE", "LOC"} and key in _NOT_PLACES:
        return None
    if label == "ORG":
        if not any(t.is_upper or t.is_title for t in span):
            return None
        before = span.doc[span.start - 2 : span.start]
        if len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in ROLE_NOUNS:
            return None  # "Secretary of Defense": part of a person's title
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if after is not None and after.is_title and after.lower_ in ROLE_NOUNS and key not in gaz.agencies \
                and span[-1].lower_ not in INSTITUTION_HEADS | _BODY_HEADS | STATE_HEADS and len(span) <= 3 \
                and all(t.is_title and not t.is_upper for t in span):
            return None  # "National Security [Minister]", "Interior [Minister]": a portfolio in a title
        if _after_role(span) and all(t.pos_ == "PROPN" for t in span) and len(span) <= 3 \
                and not _GENERIC_ORG_WORDS.search(text):
            return Mention(span.start, span.end, text, EntityType.PERSON, text, label=label)
        return Mention(span.start, span.end, text, EntityType.AGENCY, _agency_name(span), label=label)
    if label in {"GPE", "LOC", "FAC"} and (
        span.root.dep_ in {"appos", "compound"} and span.root.head.lower_ in INSTITUTION_HEADS
        or any(c.dep_ == "compound" and c.lower_ in INSTITUTION_HEADS for c in span.root.children)
    ):
        # "the national news agency Yonhap": a name in apposition to an institution is that institution.
        return Mention(span.start, span.end, text, EntityType.AGENCY, text, label=label)
    if label in {"GPE", "LOC", "FAC"}:
        if not span[0].is_title and not span[0].is_upper:
            return None  # "eastern coast", Spanish words: not a named place
        return Mention(span.start, span.end, text, EntityType.PLACE, _strip_the(text), label=label)
    if label == "LAW" and _TREATY_WORDS.search(text):
        return Mention(span.start, span.end, text, EntityType.TREATY, _strip_the(text), label=label)
    if label == "EVENT" and (conflict := _conflict_place(span, gaz)) is not None:
        return conflict
    if label in {"PRODUCT", "WORK_OF_ART", "EVENT"} and len(span) <= 3 and span[0].is_title:
        # The small model calls some places products ("Kursk"); a region word next to it decides.
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        before = doc[span.start - 1] if span.start > 0 else None
        if (after is not None and after.lower_ in _REGION_WORDS) or (
            before is not None and before.lower_ in _REGION_WORDS
        ):
            return Mention(span.start, span.end, text, EntityType.PLACE, text, label=label)
    return None


# Lower-case nouns for a conflict named after its place: "the Tigray war", "the Darfur conflict".
# Not "offensive", "campaign" or "insurgency", which are named after their actor ("the Hamas offensive").
_CONFLICT_NOUNS = {"war", "conflict", "crisis", "fighting"}


def _conflict_place(span: Span, gaz: Gazetteer) -> Mention | None:
    """A conflict named after a place ('the Tigray war', 'the Kivu insurgency'): the name is the
    place, or the state ('the Sudan war'); a capitalised event ('the Gulf War') is not split."""
    words = [t for t in span if t.lower_ != "the"]
    last = words[-1] if words else None
    if last is None or last.lower_ not in _CONFLICT_NOUNS or not last.is_lower:
        return None
    name = [t for t in words[:-1] if not (t.lower_ == "civil" and t.is_lower)]
    if not name or len(name) > 3 or not all(t.is_title and t.pos_ == "PROPN" and t.is_alpha for t in name):
        return None
    place = span.doc[name[0].i : name[-1].i + 1]
    found = state_of(place.text, gaz)
    if found is not None:
        return Mention(place.start, place.end, place.text, EntityType.STATE, found[0], label="GPE",
                       demonym=found[1] == "demonym")
    return Mention(place.start, place.end, place.text, EntityType.PLACE, place.text, label="GPE")


# Prefixes of warships' names: "USS Carl Vinson", "HMS Trent", "INS Vikrant".
SHIP_PREFIXES = {"uss", "usns", "hms", "hmas", "hmcs", "hmnzs", "ins", "rfs", "tcg", "roks", "pns", "kri"}
# Nouns for news outlets: a name beside one is the outlet ("the daily Chosun Ilbo", "broadcaster
# Al Araby", "the Le Monde newspaper").
OUTLET_NOUNS = {
    "daily", "newspaper", "paper", "broadcaster", "outlet", "channel", "network", "magazine", "tabloid",
    "website", "weekly", "station", "agency", "radio", "television", "tv", "wire", "publication",
}
# Nouns for places: a name modifying one, or after 'the <noun> of', is a place ("the Jabra
# neighborhood", "its Nakhichevan territory", "the village of Gornal").
PLACE_NOUNS = {
    "region", "oblast", "province", "krai", "district", "governorate", "prefecture", "county",
    "neighborhood", "neighbourhood", "village", "town", "city", "territory", "enclave", "valley",
    "peninsula", "island", "islands", "port", "airbase", "settlement", "suburb", "municipality",
}


def _ship_mention(prefix: Token) -> Mention | None:
    """A warship named by its prefix and name ('HMS Diamond', 'USS Harry S. Truman'): a Unit."""
    doc = prefix.doc
    end = prefix.i + 1
    while end < len(doc) and end - prefix.i <= 4 and "\n" not in doc[end - 1].whitespace_ and (
            doc[end].is_title and doc[end].is_alpha or len(doc[end].text) == 2 and doc[end].text[1] == "."):
        end += 1
    if end == prefix.i + 1:
        return None
    text = doc[prefix.i : end].text
    return Mention(prefix.i, end, text, EntityType.UNIT, text, label="UNIT")


def _described_by_noun(span: Span, label: str) -> Mention | None:
    """A name the words around it type whatever NER said: a warship ('USS Carl Vinson', a Unit), an
    outlet ('the daily Chosun Ilbo', an Agency), a place ('the Jabra neighborhood', 'the village of
    Gornal'), a group named in the plural ('the Houthis': an Agency, not a person)."""
    doc = span.doc
    text = span.text
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if label not in {"ORG", "PERSON", "PRODUCT", "FAC", "GPE", "LOC", "NORP", "WORK_OF_ART"}:
        return None
    if span[0].lower_ in SHIP_PREFIXES and span[0].is_upper and len(span) >= 2 and span[1].is_title:
        return Mention(span.start, span.end, text, EntityType.UNIT, text, label="UNIT")
    if before is not None and before.lower_ in SHIP_PREFIXES and before.is_upper and span[0].is_title:
        whole = doc[before.i : span.end]
        return Mention(whole.start, whole.end, whole.text, EntityType.UNIT, whole.text, label="UNIT")
    if label in {"PERSON", "GPE", "LOC", "NORP", "WORK_OF_ART", "FAC"} and (
            before is not None and before.lower_ in OUTLET_NOUNS
            or after is not None and after.lower_ in OUTLET_NOUNS - {"agency", "station", "network"}
            and after.pos_ == "NOUN" and span.root.dep_ == "compound"):
        return Mention(span.start, span.end, text, EntityType.AGENCY, _strip_the(text), label="ORG")
    if label in {"ORG", "PERSON", "NORP"} and span[0].is_title:
        if after is not None and after.lower_ in PLACE_NOUNS and span.root.dep_ == "compound" \
                and span.root.head.i == after.i:
            # label PLACE: _extend_regions grows it over the noun ("Jabra neighborhood")
            return Mention(span.start, span.end, text, EntityType.PLACE, _strip_the(text), label="PLACE")
        root = span.root
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in PLACE_NOUNS \
                and root.head.i == span.start - 1:
            return Mention(span.start, span.end, text, EntityType.PLACE, _strip_the(text), label="GPE")
    if label == "PERSON" and len(span) == 1 and span[0].text.endswith("s") and before is not None \
            and before.lower_ == "the" and span[0].is_title:
        return Mention(span.start, span.end, text, EntityType.AGENCY, text, label="ORG")
    return None


_CLOSERS = {")", "]"}
_OPENERS = {"(": ")", "[": "]"}


def _grow_outlet_nouns(doc: Doc, mentions: list[Mention]) -> None:
    """'the AFP news agency', 'the Asahi newspaper': the outlet's mention grows over the outlet
    noun after it, so the phrase names the outlet (not a second agency called 'AFP news agency')."""
    starts = {m.start for m in mentions}
    for m in mentions:
        if m.type is not EntityType.AGENCY:
            continue
        end = m.end
        while end < len(doc) and end - m.end < 2 and end not in starts and doc[end].lower_ in OUTLET_NOUNS | {"news"} \
                and doc[end].pos_ in {"NOUN", "PROPN", "ADJ"}:
            end += 1
        if end > m.end and doc[end - 1].lower_ in OUTLET_NOUNS:
            m.end, m.text = end, doc[m.start : end].text


_MISSION_HEADS = {"mission", "embassy", "delegation", "consulate", "representation"}


def _join_missions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'the Permanent Mission of North Korea to the United Nations', 'the Embassy of Japan to the
    Holy See': NER splits the body at 'to'; it is one agency, and the host body is not an actor
    of the sentence."""
    by_start = {m.start: m for m in mentions}
    drop: set[int] = set()
    for m in mentions:
        words = m.name.lower().split()
        if m.type is not EntityType.AGENCY or not _MISSION_HEADS & set(words[:3]) or id(m) in drop:
            continue
        i = m.end
        if i + 1 < len(doc) and doc[i].lower_ == "to":
            j = i + 2 if doc[i + 1].lower_ == "the" else i + 1
            host = by_start.get(j)
            if host is not None and host.type in {EntityType.AGENCY, EntityType.STATE}:
                drop.add(id(host))
                m.end, m.text = host.end, doc[m.start : host.end].text
                m.name = _strip_the(m.text)
    return [m for m in mentions if id(m) not in drop]


def _join_bracketed_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'(Russian President Vladimir) Putin', '[US President Joe] Biden': an editor's bracket inside
    a quote holds the title and given name; the person is 'Vladimir Putin', one mention, and the
    given name alone ('Vladimir') is no one."""
    by_token = _token_index(mentions)
    drop: set[int] = set()
    for m in mentions:
        if m.type is not EntityType.PERSON or m.start < 3 or doc[m.start - 1].text not in _CLOSERS:
            continue
        closer = doc[m.start - 1]
        end = closer.i  # the given names end before the bracket
        start = end
        while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha \
                and doc[start - 1].lower_ not in ROLE_NOUNS and doc[start - 1].lower_.rstrip(".") not in HONORIFICS \
                and end - start < 3 and (by_token.get(start - 1) is None or by_token[start - 1].type is EntityType.PERSON):
            start -= 1
        opener = next((t for t in doc[max(0, start - 8) : start] if _OPENERS.get(t.text) == closer.text), None)
        if start == end or opener is None or "\n" in doc[opener.i : m.end].text:
            continue
        given = doc[start:end].text
        drop.update(id(x) for i in range(start, end) if (x := by_token.get(i)) is not None)
        if not slugify(m.name).startswith(slugify(given) + "-"):
            m.name = f"{given} {m.name}"
        # The surface without the bracket, as the name reads: "Vladimir Putin".
        m.start, m.text = start, f"{given} {m.text}"
    return [m for m in mentions if id(m) not in drop]


def _split_place_pairs(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'the villages of Plekhovo, Vorozhba and Martynovka': the small model labels the last two as
    one organisation. Two single capitalised names joined by 'and', in a list after a place or
    after a place preposition, are two places."""
    out: list[Mention] = []
    for m in mentions:
        span = doc[m.start : m.end]
        if m.type is EntityType.AGENCY and m.label == "ORG" and len(span) == 3 and span[1].lower_ == "and" \
                and all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in (span[0], span[2])):
            prev = doc[m.start - 1] if m.start > 0 else None
            prev_m = next((x for x in mentions if x.end in (m.start - 1, m.start) and x is not m), None)
            in_list = prev is not None and prev.text == "," and prev_m is not None and prev_m.type is EntityType.PLACE
            located = span.root.dep_ == "pobj" and span.root.head.lower_ in _LOCATIVE_PREPS | {"of"} \
                or prev is not None and prev.lower_ in {"of", "in", "near", "around"}
            if in_list or located:
                out += [Mention(t.i, t.i + 1, t.text, EntityType.PLACE, t.text, label="GPE") for t in (span[0], span[2])]
                continue
        out.append(m)
    # "Nikolske, Sverdlikovo and Lebedevka": a lone name coordinated with a place is a place too.
    places = {i for m in out if m.type is EntityType.PLACE for i in range(m.start, m.end)}
    for m in out:
        tok = doc[m.start]
        if m.end - m.start == 1 and m.type in {EntityType.AGENCY, EntityType.PERSON} and not m.rule \
                and tok.dep_ == "conj" and tok.head.i in places and tok.is_title:
            m.type, m.name = EntityType.PLACE, m.text
    return out


def _is_furniture(span: Span) -> bool:
    """Time zones, transcript labels ('QUESTION', 'MR'), end marks, lone honorifics ('Maj')."""
    words = [t.lower_.rstrip(".") for t in span if t.text != "."]
    if not words:
        return True
    if all(w in HONORIFICS for w in words):
        return True
    return len(words) == 1 and words[0] in _FURNITURE_WORDS


def _person_span(span: Span, gaz: Gazetteer) -> Span | None:
    """A PERSON span without leading titles ('Spokeswoman Maria Zakharova', 'Dr Helena Marsh') and
    grown over a name piece the model cut off: a hyphenated syllable ('Park Sun' + '-won') or a
    last name the parser attaches the span to ('Choe Son' + 'Hui', 'Yoon Suk' + 'Yeol')."""
    doc = span.doc
    start, end = span.start, span.end
    while end - start > 1 and (doc[start].lower_.rstrip(".") in HONORIFICS or doc[start].lower_ in ROLE_NOUNS
                               or doc[start].text == "."):
        start += 1
    while end + 1 < len(doc) and doc[end].text in {"-", "‐"} and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    if end < len(doc):
        nxt = doc[end]
        last = doc[end - 1]
        joined = slugify(f"{doc[start:end].text} {nxt.text}")
        if nxt.is_alpha and joined in gaz.people or (
            last.dep_ == "compound" and last.head.i == nxt.i and nxt.pos_ == "PROPN" and nxt.is_title
            and nxt.is_alpha and not nxt.is_stop and nxt.ent_type_ in {"", "PERSON"} and "\n" not in last.whitespace_
            and nxt.lower_ not in ROLE_NOUNS and nxt.lower_ not in INSTITUTION_HEADS and end - start <= 3
            and state_of(nxt.text, gaz) is None
        ):
            end += 1
            while end + 1 < len(doc) and doc[end].text in {"-", "‐"} and not doc[end - 1].whitespace_ \
                    and not doc[end].whitespace_ and doc[end + 1].is_alpha:
                end += 2
    return doc[start:end] if end > start else None


def _is_title_phrase(span: Span) -> bool:
    """A span that is part of a person's title: it ends in a title word ('Department Spokesperson',
    'Kremlin Spokesman') or a capitalised role noun follows a non-institution word ('Pentagon Press
    Secretary')."""
    last = span[-1].lower_
    if last in _TITLE_TAILS or last in ROLE_NOUNS and span[-1].is_title and len(span) > 1:
        return True
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    return bool(last == "press" and nxt is not None and nxt.is_title and nxt.lower_ in ROLE_NOUNS | _TITLE_TAILS)


# Words that make "<word> State" a polity, movement or body, not a federal state: "Islamic State",
# "Member State", "Secretary of State".
_NOT_FEDERAL_STATE = {"islamic", "jewish", "free", "sovereign", "independent", "united", "federal", "deep",
                      "police", "welfare", "member", "nation", "city", "head", "secretary", "of", "rogue", "buffer"}


def _is_federal_state(span: Span, words: list[Token], gaz: Gazetteer) -> bool:
    """An administrative state written like a name, without article: 'Borno State', 'South
    Kordofan state'. 'the Islamic State', 'State Duma', 'Russian State' are not."""
    doc = span.doc
    if len(words) < 2 or words[-1].lower_ != "state" or words[0].i != span.start or span.start > 0 \
            and doc[span.start - 1].lower_ == "the":
        return False
    base = words[:-1]
    if any(t.pos_ != "PROPN" or not t.is_title or t.lower_ in _NOT_FEDERAL_STATE for t in base):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.pos_ in {"PROPN", "NOUN"} or after.lower_ == "of"):
        return False  # "State Security Service", "Kano State governor": a modifier of another noun
    return state_of(doc[base[0].i : base[-1].i + 1].text, gaz) is None


def _site_name(span: Span) -> Mention | None:
    """A named site is a place, whatever NER labelled it: by its last word ('Korvan Air Base', 'the
    Marlow Route for Trade and Peace') or by the lower-case noun it names ('the Dorvan power
    plant', 'the Selo nuclear facility' -> 'Selo')."""
    words = [t for t in span if t.lower_ != "the"]
    if not words or not words[0].is_title:
        return None
    tail = next((i for i, t in enumerate(words) if t.lower_ in {"for", "of"}), len(words))
    if tail >= 2 and words[tail - 1].lower_ in entity_words("site_words") and words[tail - 1].is_title:
        return Mention(span.start, span.end, span.text, EntityType.PLACE, _strip_the(span.text), label="FAC")
    head = span.root.head
    if span.root.dep_ == "compound" and head.lower_ in entity_words("site_nouns") and head.i >= span.end \
            and all(t.is_lower and t.dep_ in {"amod", "compound"} for t in span.doc[span.end : head.i]):
        return Mention(span.start, span.end, span.text, EntityType.PLACE, _strip_the(span.text), label="FAC")
    return None


def _retype_org(span: Span, gaz: Gazetteer) -> Mention | None:
    """Organisation-labelled names that are something else: a region ('Kursk Oblast' -> Place
    'Kursk region'), places joined by 'and' ('Vorozhba and Martynovka': the first of two places;
    see `_split_place_pairs`), a treaty ('Comprehensive Strategic Partnership Treaty')."""
    words = [t for t in span if t.lower_ != "the"]
    if not words:
        return None
    text = span.text
    if len(words) >= 2 and words[-1].lower_ in _ADMIN_TAILS and words[0].is_title:
        base = span.doc[words[0].i : words[-1].i].text
        return Mention(span.start, span.end, text, EntityType.PLACE, f"{_strip_the(base)} region", label="GPE",
                       rule="variant")
    if words[-1].lower_ in {"treaty", "pact", "accord", "convention", "charter", "memorandum"} and len(words) >= 2 \
            and all(t.is_title or t.is_stop or t.text in {"-", "–"} for t in words):
        return Mention(span.start, span.end, text, EntityType.TREATY, _strip_the(text), label="LAW")
    return None


def _named_unit(span: Span, gaz: Gazetteer) -> Mention | None:
    """A state's army named as an organisation ('the Russian Armed Forces' -> Russian troops) or a
    numbered or named formation ('11th Army Corps', "Russia's 810th Naval Infantry Brigade")."""
    words = [t for t in span if t.lower_ != "the"]
    if not words:
        return None
    low = " ".join(t.lower_ for t in words)
    for head in _ARMY_HEADS:
        if low.endswith(" " + head) and len(low) > len(head) + 1:
            owner = span.doc[words[0].i : words[-1].i + 1].text[: -len(head)].strip()
            found = state_of(re.sub(r"['’]s?$", "", owner), gaz)
            if found:
                name = f"{gaz.adjective.get(found[0], found[0])} troops"
                return Mention(span.start, span.end, span.text, EntityType.UNIT, name, label="UNIT", rule="description")
    # Drop a leading possessive state: "Russia's 810th Naval Infantry Brigade".
    start = 0
    for i, t in enumerate(words):
        if t.text in _POSSESSIVE:
            start = i + 1
    core = words[start:]
    if core and _FORMATION.match(span.doc[core[0].i : core[-1].i + 1].text) and len(core) >= 2 \
            and all(t.is_title or t.like_num or t.is_stop for t in core):
        text = span.doc[core[0].i : core[-1].i + 1].text
        return Mention(core[0].i, core[-1].i + 1, text, EntityType.UNIT, text, label="UNIT")
    return None


def _clean_span(ent: Span) -> Span | None:
    """Trim an NER span: brackets, line breaks, leading 'the', possessive 's, edge punctuation."""
    doc = ent.doc
    start, end = ent.start, ent.end
    # Cut at a line break: NER spans that cross lines glue a headline to the next line.
    for i in range(start, end):
        if doc[i].is_space or (i < end - 1 and "\n" in doc[i].whitespace_):
            end = i if doc[i].is_space else i + 1
            break
    # "Vladimir] Putin": keep what follows the last bracket.
    for i in range(end - 1, start - 1, -1):
        if doc[i].text in {"]", ")", "[", "("}:
            start = i + 1
            break
    while start < end and (doc[start].is_punct or doc[start].lower_ == "the" or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct and doc[end - 1].text != "."
                           or doc[end - 1].is_space):
        end -= 1
    # A trailing period belongs only to abbreviations ("U.S."), not to a sentence end ("X.").
    if end > start and doc[end - 1].text == "." and end - start == 1:
        return None
    if end <= start:
        return None
    span = doc[start:end]
    if len(span.text.rstrip(".")) < 2 or not any(ch.isalpha() for ch in span.text):
        return None
    return span


def _is_sign_off(span: Span) -> bool:
    """A reporter's sign-off in a broadcast transcript: 'Jane Roe reports.', 'Jane Roe reporting.'"""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ not in {"reports", "reporting"}:
        return False
    return doc[span.end + 1].text in {".", ":", "\n"} or doc[span.end + 1].is_space


def _is_byline(span: Span) -> bool:
    """A person named in a byline ('Published by X', 'By X') or on a line of their own."""
    text = doc_text(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if line == span.text:
        return True
    before = text[line_start : span.start_char]
    # A match ends in "by" and blanks, so it starts at most 9 characters (the longest keyword)
    # before what precedes that "by": searching from there spares rescanning a long line.
    head = len(before.rstrip()[:-2].rstrip())
    return bool(_BYLINE_BEFORE.search(before, max(0, head - 9)))


_BYLINE_BEFORE = re.compile(r"(?:^|\b(?:published|written|verified|reported|edited|photos?))\s*by\s*$", re.I)


def _after_role(span: Span) -> bool:
    """The span follows a role noun: 'spokesman Christophe Lemoine', 'President Joe Biden'."""
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    if prev.text == "." and span.start > 1:
        prev = span.doc[span.start - 2]  # "Dr. Helena Marsh"
    return prev.lower_ in ROLE_NOUNS or prev.lower_.rstrip(".") in HONORIFICS or prev.dep_ == "compound" and prev.head.i in range(span.start, span.end) \
        and prev.lower_ in ROLE_NOUNS


def _agency_name(span: Span) -> str:
    """An organisation's name without 'the' and without a generic tail after a proper name
    ('Yonhap news agency' -> 'Yonhap')."""
    words = [t for t in span if t.lower_ != "the"]
    while len(words) > 1 and words[-1].lower_ in {"agency", "news", "newspaper", "channel", "outlet"} \
            and words[-1].is_lower:
        words.pop()
    return span.doc[words[0].i : words[-1].i + 1].text if words else span.text


def _looks_like_name(span: Span) -> bool:
    """Person names are 1-5 capitalised words, not all of them common lower-case words."""
    words = span.text.split()  # by whitespace: "Sun-con" is one word of three tokens
    if not words or len(words) > 5:
        return False
    if not all(w[:1].isupper() for w in words if w.lower() not in {"de", "van", "von", "al", "bin", "da", "del", "la", "le"}):
        return False
    if len(span) == 1 and span[0].is_stop:
        return False
    return True


def _retype_person_suffixes(doc: Doc, mentions: list[Mention]) -> None:
    """A non-person span ending in a known full person name ('Defense Lloyd Austin') is that person."""
    names = {m.text for m in mentions if m.type is EntityType.PERSON and len(m.text.split()) >= 2}
    for m in mentions:
        if m.type is EntityType.PERSON:
            continue
        for name in names:
            if m.text.endswith(" " + name):
                span = doc[m.start : m.end]
                sub = doc.char_span(span.end_char - len(name), span.end_char)
                if sub is not None:
                    m.start, m.end, m.text, m.name, m.type = sub.start, sub.end, name, name, EntityType.PERSON
                break


def _is_locative(span: Span) -> bool:
    """A capital used as a location ('in Moscow', 'Pyongyang, North Korea'), not as its state."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE_PREPS:
        prep = root.head
        # "supplies to Moscow", "no comment from Moscow": the state; "flew to Moscow": the city.
        return prep.lower_ not in {"to", "from"} or prep.head.lemma_.lower() in _MOTION_LEMMAS
    if root.dep_ in {"compound", "appos"} and root.head.ent_type_ in {"GPE", "LOC", "FAC"}:
        return True
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text == "," and span.end + 1 < len(doc) and doc[span.end + 1].ent_type_ == "GPE":
        return True
    return False


def _place_name(text: str, gaz: Gazetteer) -> str:
    text = _strip_the(text)
    return gaz.places.get(slugify(text), text)


def _strip_the(text: str) -> str:
    return re.sub(r"^(?:the|The|THE)\s+", "", text.strip())


def _in_ranges(doc: Doc, m: Mention, ranges: list[tuple[int, int]]) -> bool:
    return covers(ranges, doc[m.start].idx)


def _in_ranges_token(token: Token, ranges: list[tuple[int, int]]) -> bool:
    return covers(ranges, token.idx)


def _token_index(mentions: list[Mention]) -> dict[int, Mention]:
    return {i: m for m in mentions for i in range(m.start, m.end)}


# --- rule-built mentions ----------------------------------------------------------------------


def _modifier_state(head: Token, by_token: dict[int, Mention]) -> str | None:
    """The state named in the left modifiers of `head` ('North Korean troops', "Seoul's agency")."""
    # "intelligence services of the United States": an 'of' phrase names the state too.
    of_objects = [c for p in head.rights if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    for child in [*head.lefts, *of_objects]:
        if child.dep_ not in {"amod", "compound", "poss", "nmod", "npadvmod", "pobj"}:
            continue
        for t in child.subtree:
            m = by_token.get(t.i)
            if m is not None and m.type is EntityType.STATE:
                return m.name
    return None


def _subject_state(verb: Token, by_token: dict[int, Mention]) -> str | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            m = by_token.get(child.i)
            if m is not None and m.type is EntityType.STATE:
                return m.name
    return None


def _unit_mention(head: Token, by_token: dict[int, Mention], gaz: Gazetteer) -> Mention | None:
    """A military unit: 'North Korean troops', "Pyongyang's forces", 'a contingent of 1,500 soldiers'.

    Only units whose state is known become mentions (from a modifier, or from the subject of
    the deploy/send verb that moves them); 'more troops' alone names nothing that can resolve.
    """
    # "a contingent of 1,500 soldiers": the inner noun belongs to the outer mention.
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in UNIT_HEADS:
        return None
    if head.dep_ == "compound" and head.head.lower_ in UNIT_HEADS:
        return None  # "special forces soldiers": the outer noun heads it
    if head.lower_ in {"army", "military"} and (head.dep_ in {"compound", "amod"} or head.pos_ != "NOUN"):
        return None  # "military cooperation", "army officer": a modifier, not a force
    tokens = [head]
    inner = [c for p in head.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj" and c.lower_ in UNIT_HEADS]
    tokens += inner
    special = any(
        t.lower_ in {"forces", "force"} and any(c.lower_ == "special" for c in t.children)
        or any(c.lower_ in {"forces", "force"} and any(g.lower_ == "special" for g in c.children) for c in t.children)
        for t in tokens
    )
    state = None
    for t in tokens:
        state = state or _modifier_state(t, by_token)
    if state is None:
        # Who sends them owns them: "North Korea sent its special forces to Russia".
        node = head
        while node.dep_ in {"dobj", "pobj", "prep", "conj", "appos", "nsubjpass"} and node.head != node:
            node = node.head
            if node.pos_ in {"VERB", "AUX"}:
                break
        if node.pos_ == "VERB" and node.lemma_.lower() in DEPLOY_LEMMAS:
            state = _subject_state(node, by_token)
    if state is None:
        return None
    size = None
    for t in [*inner, head]:
        numbers = [c for c in t.children if c.dep_ == "nummod" and c.like_num]
        if numbers:
            num = numbers[0]
            # "up to 12,000", "at least 3,000": keep the number with the noun it counts.
            size = f"{num.text} {t.text}"
            break
    kind = "special forces" if special else "troops"
    name = f"{gaz.adjective.get(state, state)} {kind}"
    left = head.left_edge.i
    right = max(t.i for t in tokens) + 1
    doc = head.doc
    while left < head.i and (doc[left].dep_ in {"det", "punct"} or doc[left].is_punct):
        left += 1
    return Mention(left, right, doc[left:right].text, EntityType.UNIT, name, size=size, label="UNIT", rule="description")


def _is_air_force(token: Token) -> bool:
    """'Ukraine's air force': a service of the armed forces, named like an institution."""
    return token.lower_ == "force" and any(c.lower_ == "air" and c.dep_ in {"compound", "amod"} for c in token.lefts)


def _treaty_mention(head: Token) -> Mention | None:
    """A treaty named by description: 'a mutual defense pact', 'strategic partnership agreement'."""
    mods: list[Token] = []

    def collect(tok: Token) -> None:
        for child in tok.lefts:
            if child.dep_ in {"amod", "compound"} and child.lower_ not in _TREATY_EVALUATIVE and child.is_alpha:
                collect(child)
                mods.append(child)

    collect(head)
    if not mods:
        return None  # "the agreement" alone names no particular treaty
    # A partnership with a party is a relationship, not an agreement: "a close partnership with
    # Chile"; an agreement or deal with its parties is identified ("a new deal between Lima and Quito").
    by_parties = head.lower_ != "partnership" and any(
        c.dep_ == "prep" and c.lower_ in {"between", "with", "on"} for c in head.children)
    if all(t.pos_ == "ADJ" and t.lower_ not in _TREATY_KINDS for t in mods) and not by_parties:
        # "an exclusive partnership", "a momentous declaration": praise, not a name.
        return None
    mods.sort(key=lambda t: t.i)
    words = [t.text if t.pos_ == "PROPN" else t.lower_ for t in [*mods, head]]
    doc = head.doc
    return Mention(mods[0].i, head.i + 1, doc[mods[0].i : head.i + 1].text, EntityType.TREATY, " ".join(words), label="TREATY")


def _institution_mention(head: Token, by_token: dict[int, Mention], gaz: Gazetteer) -> Mention | None:
    """A state's institution named by description: 'the South Korean intelligence agency'.

    Government-like heads ('the Ukrainian government', 'U.S. officials') stand for the state.
    """
    if head.dep_ == "compound" and head.head.lower_ in INSTITUTION_HEADS | STATE_HEADS:
        return None  # "intelligence agency": the outer noun heads it
    state = _modifier_state(head, by_token)
    if state is None and head.lower_ == "ministry":
        state = _sentence_state(head, by_token)
    # "a Chilean interior ministry spokesman": the state modifies the role noun the body qualifies.
    role_mods = []
    if state is None and head.dep_ == "compound" and head.head.lower_ in ROLE_NOUNS and head.lower_ == "ministry":
        role_mods = [c for c in head.head.lefts if c.i < head.i and c.dep_ in {"amod", "compound", "poss", "nmod"}]
        state = next((by_token[t.i].name for c in role_mods for t in c.subtree if t.i in by_token
                      and by_token[t.i].type is EntityType.STATE), None)
    if state is None:
        return _owned_institution(head, by_token, gaz)
    doc = head.doc
    left = min([head.i] + [t.i for c in [*head.lefts, *role_mods] if c.dep_ in {"amod", "compound", "poss", "nmod"}
                           for t in c.subtree])
    while left < head.i and (doc[left].dep_ == "det" or doc[left].is_punct):
        left += 1
    words = [t for t in doc[left : head.i + 1] if t.i not in by_token and t.text not in _POSSESSIVE and t.is_alpha]
    named = next((by_token[t.i] for t in doc[left : head.i] if t.i in by_token
                  and by_token[t.i].type is EntityType.AGENCY), None)
    if named is not None and head.lower_ not in STATE_HEADS:
        # "North Korea's KCNA state news agency", "Ukraine's SBU security service": the named body.
        return Mention(left, head.i + 1, doc[left : head.i + 1].text, EntityType.AGENCY, named.name,
                       label="INSTITUTION", rule=named.rule or "description")
    if head.lower_ in GROUP_HEADS:
        # CONVENTIONS.md: "U.S. officials", "Pakistani authorities" are a group named as the
        # article names it, not the state.
        surface = doc[left : head.i + 1].text
        return Mention(left, head.i + 1, surface, EntityType.AGENCY, surface, label="INSTITUTION", rule="description")
    if head.lower_ in STATE_HEADS:
        return Mention(left, head.i + 1, doc[left : head.i + 1].text, EntityType.STATE, state, label="INSTITUTION",
                       rule="metonym")
    # Only capitalised words make a proper name: the tagger calls some lower-case ones PROPN
    # ("Seoul's defense ministry").
    # An acronym is a name whatever its tag ("the Chilean EMOL agency": EMOL tagged a noun).
    proper = [t for t in words if t.pos_ == "PROPN" and not t.is_lower or t.is_upper and len(t) > 1 and t.is_alpha]
    if proper:
        # "the South Korean Yonhap agency": a proper name names the institution by itself.
        # The mention spans the whole phrase, so the head noun a reporting verb governs is the
        # outlet, not a second, generic agency ("the Polish PAP agency claims").
        return Mention(left, head.i + 1, doc[left : head.i + 1].text,
                       EntityType.AGENCY, doc[proper[0].i : proper[-1].i + 1].text, label="INSTITUTION")
    if any(t.lower_ == "intelligence" for t in words):
        phrase = "intelligence"
    else:
        phrase = " ".join(t.lower_ for t in words if t.pos_ != "DET")
    name = f"{gaz.adjective.get(state, state)} {phrase}"
    return Mention(left, head.i + 1, doc[left : head.i + 1].text, EntityType.AGENCY, name, label="INSTITUTION",
                   rule="description")


_BODY_HEADS = {"committee", "commission", "council", "subcommittee", "panel"}


def _sentence_state(head: Token, by_token: dict[int, Mention]) -> str | None:
    """The owner of a bare 'the defence ministry': the state named last before it in the sentence
    ('the Kremlin referred questions to the defence ministry'), when the phrase has only
    lower-case subject words ('defence', 'foreign') and 'the'."""
    lefts = list(head.lefts)
    if not any(c.lower_ == "the" and c.dep_ == "det" for c in lefts):
        return None
    if any(c.dep_ not in {"det", "compound", "amod"} or not c.is_lower for c in lefts):
        return None
    for i in range(head.i - 1, head.sent.start - 1, -1):
        m = by_token.get(i)
        if m is not None and m.type is EntityType.STATE and not m.demonym:
            return m.name
    return None


def _owned_institution(head: Token, by_token: dict[int, Mention], gaz: Gazetteer) -> Mention | None:
    """A body named by its owner: "the Duma's international affairs committee" (an agency's
    committee), "President Yoon Suk Yeol's office" (a head of state's office: the presidential office)."""
    owner_tok = next((c for c in head.lefts if c.dep_ == "poss"), None)
    owner = by_token.get(owner_tok.i) if owner_tok is not None else None
    if owner is None:
        return None
    doc = head.doc
    left = min(owner.start, min(t.i for c in head.lefts if c.dep_ in {"amod", "compound", "poss"} for t in c.subtree))
    while left < owner.start and (doc[left].dep_ == "det" or doc[left].is_punct):
        left += 1
    if owner.type is EntityType.AGENCY and head.lower_ in _BODY_HEADS:
        words = [t.lower_ for t in doc[owner_tok.i + 1 : head.i + 1] if t.is_alpha]
        return Mention(left, head.i + 1, doc[left : head.i + 1].text, EntityType.AGENCY,
                       f"{owner.name} {' '.join(words)}", label="INSTITUTION", rule="description")
    # "head of President Zelensky's office" is a person's title, not the office acting.
    in_title = head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in ROLE_NOUNS
    if owner.type is EntityType.PERSON and head.lower_ == "office" and not in_title:
        before = doc[owner.start - 1] if owner.start > 0 else None
        actor = load_actors().lookup(EntityType.PERSON, owner.name)
        if actor is None or actor.state is None:
            return None
        if not (before is not None and before.lower_ == "president"
                or any(r.title.lower().startswith("president of") for r in actor.roles)):
            return None
        if before is not None and before.lower_ == "president":
            left = min(left, before.i)
        name = f"{gaz.adjective.get(actor.state, actor.state)} presidential office"
        return Mention(left, head.i + 1, doc[left : head.i + 1].text, EntityType.AGENCY, name,
                       label="INSTITUTION", rule="description")
    return None


def _state_owner(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> Mention | None:
    """The state mention right before `m` that owns it: "UK's" or "Russian" in "the UK's Ministry
    of Defence", "the Russian State Duma"."""
    before = m.start - 1
    if before >= 0 and doc[before].text in _POSSESSIVE:
        before -= 1
    owner = by_token.get(before)
    if owner is None or owner.type is not EntityType.STATE or owner.end != before + 1:
        return None
    return owner


def _prefix_institutions(doc: Doc, mentions: list[Mention], by_token: dict[int, Mention], gaz: Gazetteer) -> None:
    """'French' + 'Foreign Ministry', "Seoul's Joint Chiefs of Staff": name the state's institution;
    "the National Assembly's Intelligence Committee": name the body's committee."""
    for m in mentions:
        owner = _state_owner(doc, m, by_token)
        if m.type is EntityType.AGENCY and owner is not None:
            m.forms.append(doc[owner.start : m.end].text)
        body_owner = by_token.get(m.start - 2) if m.start >= 2 and doc[m.start - 1].text in _POSSESSIVE else None
        if m.type is EntityType.AGENCY and doc[m.end - 1].lower_ in _BODY_HEADS and body_owner is not None \
                and body_owner.type is EntityType.AGENCY:
            if not m.name.startswith(body_owner.name):
                m.name = f"{body_owner.name} {m.name}"
                if slugify(m.name) in gaz.agencies:
                    m.name = gaz.agencies[slugify(m.name)]
                m.rule = m.rule or "description"
            continue
        # A state's body ("Iran's National Security Council") goes on below: it is named after its
        # state, never the dictionary's body of another state that shares the name.
        if m.type is not EntityType.AGENCY or not _GENERIC_ORG_WORDS.search(m.name):
            continue
        if any(state_of(t.text, gaz) for t in doc[m.start : m.end]):
            continue
        state = None
        before = m.start - 1
        while before >= 0 and doc[before].text in _POSSESSIVE:
            before -= 1
        if before >= 0:
            prev = by_token.get(before)
            if prev is not None and prev.type is EntityType.STATE:
                state = prev.name
        if state is None:
            state = _modifier_state(doc[m.start : m.end].root, by_token)
        if state is None:
            continue
        adjective = gaz.adjective.get(state, state)
        if slugify(state) in slugify(m.name) or slugify(adjective) in slugify(m.name):
            continue  # "Security Service of Ukraine": the name says whose it is
        m.name = f"{adjective} {m.name}"
        if slugify(m.name) in gaz.agencies:
            m.name, m.rule = gaz.agencies[slugify(m.name)], m.rule or "dictionary"


# --- places named by description ------------------------------------------------------------------

_FRONT_WORDS = {"front", "frontline", "front-line", "frontlines"}
_FRONT_PREPS = {"to", "on", "at", "near", "along", "from", "toward", "towards", "into"}


def _extend_regions(doc: Doc, mentions: list[Mention], by_token: dict[int, Mention]) -> None:
    """'the Kursk region', 'Kursk oblast', 'the region of Kursk': the place is the region.

    The mention grows over the administrative word and is named '<Name> region' (oblast and
    region are the same thing in English news), so 'Kursk' and 'the Kursk region' join later.
    """
    for m in mentions:
        if m.type is not EntityType.PLACE:
            continue
        nxt = doc[m.end] if m.end < len(doc) else None
        if nxt is not None and (nxt.lower_ in _ADMIN_WORDS or nxt.lower_ in PLACE_NOUNS and m.label == "PLACE"
                                and not m.rule) and nxt.i not in by_token:
            word = "region" if nxt.lower_ == "oblast" else nxt.lower_
            m.end += 1
            m.text = doc[m.start : m.end].text
            m.name = f"{_strip_the(m.name)} {word}"
            by_token[nxt.i] = m
            continue
        before = doc[m.start - 2 : m.start] if m.start >= 2 else None
        if before is not None and before[1].lower_ == "of" and before[0].lower_ in _ADMIN_WORDS:
            word = "region" if before[0].lower_ == "oblast" else before[0].lower_
            if not m.name.lower().endswith(" " + word):
                m.name = f"{_strip_the(m.name)} {word}"
                m.rule = "variant"


def _place_mentions(doc: Doc, by_token: dict[int, Mention], gaz: Gazetteer,
                    skip: list[tuple[int, int]]) -> list[Mention]:
    """Places named by description: 'eastern Russia', 'the Ukrainian front', 'the front line',
    'the Russian capital'."""
    out: list[Mention] = []
    for token in doc:
        if _in_ranges_token(token, skip):
            continue
        low = token.lower_
        nxt = by_token.get(token.i + 1)
        if low in _DIRECTIONS and token.i not in by_token and nxt is not None and nxt.start == token.i + 1 \
                and nxt.type is EntityType.STATE and not nxt.demonym and nxt.label != "INSTITUTION":
            out.append(Mention(token.i, nxt.end, doc[token.i : nxt.end].text, EntityType.PLACE,
                               f"{low} {nxt.name}", label="PLACE", rule="description"))
        elif low in _FRONT_WORDS and token.pos_ in {"NOUN", "PROPN"}:
            m = _front_mention(token, by_token)
            if m is not None:
                out.append(m)
        elif low in _ADMIN_WORDS and token.i not in by_token and (m := _unlabelled_region(token, by_token, gaz)):
            out.append(m)
        elif low in _CONFLICT_NOUNS and token.is_lower and token.i not in by_token \
                and (start := _name_before_noun(token, by_token)) is not None \
                and (m := _conflict_place(doc[start : token.i + 1], gaz)) is not None:
            out.append(m)  # "the Jubaland war" where NER found no name
        elif low == "capital" and token.pos_ == "NOUN":
            state = _modifier_state(token, by_token)
            capital = gaz.capital_names.get(state) if state else None
            left = min([token.i] + [c.i for c in token.lefts if c.dep_ in {"amod", "compound", "poss", "nmod"}])
            if capital and left < token.i:
                out.append(Mention(left, token.i + 1, doc[left : token.i + 1].text, EntityType.PLACE, capital,
                                   label="PLACE", rule="description"))
    return out


def _name_before_noun(token: Token, by_token: dict[int, Mention]) -> int | None:
    """Start of the capitalised words NER left unlabelled between 'the' and `token` ('the Tigre
    province', 'the Jubaland war'), or None."""
    doc = token.doc
    start = token.i
    while start > 0 and token.i - start < 3 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
            and doc[start - 1].i not in by_token and doc[start - 1].dep_ == "compound":
        start -= 1
    if start == token.i or start == 0 or doc[start - 1].lower_ != "the":
        return None
    return start


def _unlabelled_region(token: Token, by_token: dict[int, Mention], gaz: Gazetteer) -> Mention | None:
    """'the Tigre province', 'the Ituri province' when NER found no name: the capitalised words
    between 'the' and the administrative word name the region."""
    doc = token.doc
    start = _name_before_noun(token, by_token)
    if start is None:
        return None
    name = doc[start : token.i].text
    if slugify(name) in _DIRECTIONS or state_of(name, gaz) is not None:
        return None
    word = "region" if token.lower_ == "oblast" else token.lower_
    return Mention(start, token.i + 1, doc[start : token.i + 1].text, EntityType.PLACE, f"{name} {word}",
                   label="PLACE", rule="variant")


def _front_mention(token: Token, by_token: dict[int, Mention]) -> Mention | None:
    """'the Ukrainian front', 'the eastern front', 'the front line', 'the front lines'."""
    doc = token.doc
    end = token.i + 1
    if token.lower_ == "front" and end < len(doc) and doc[end].lower_ in {"line", "lines"}:
        end += 1
    head = doc[end - 1]
    lefts = [c for c in head.lefts] + ([c for c in token.lefts] if head != token else [])
    if not any(c.dep_ in {"det", "poss"} for c in lefts):
        return None  # "in front of", "a front": not the war's front
    mods = [c for c in lefts if c.dep_ in {"amod", "compound", "nmod"} and c.i < token.i]
    left = token.i
    name = "front line"
    for c in sorted(mods, key=lambda t: t.i):
        m = by_token.get(c.i)
        if m is not None and m.type is EntityType.STATE:
            left = min(left, m.start)
            name = f"{doc[m.start : m.end].text} front"
        elif c.lower_ in _DIRECTIONS:
            left = min(left, c.i)
            name = f"{c.lower_} front"
        elif m is not None or c.pos_ == "PROPN":
            return None  # "the Kursk front": the place itself names it
    if name == "front line" and end == token.i + 1 and token.lower_ == "front":
        # A bare "the front" is the war's front line only as a place one goes to or fights on.
        if not (token.dep_ == "pobj" and token.head.lower_ in _FRONT_PREPS):
            return None
    return Mention(left, end, doc[left:end].text, EntityType.PLACE, name, label="PLACE", rule="description")
