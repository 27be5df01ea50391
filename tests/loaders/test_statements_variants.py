"""Each reporting pattern with its common variants (issue 9: detection must not hang on one parse
shape): speakers named with a title, by institution, or with an apposition; the verb before or
after its content, with dates, adverbs, a statement phrase or a wire dateline in between; and the
kind each verb and construction gives (CONVENTIONS.md). Invented text; no services needed."""

import itertools

import pytest

from loaders.pipeline import extract_text

_FILLER = "\nThe two sides have been at odds over the border for years, and there is no end in sight to the dispute.\n"
_CONTENT = "that troops had crossed the border near Arica"
_SPEAKERS = [
    ("Foreign Minister Ana Castel", "Ana Castel"),
    ("the Chilean foreign ministry", None),
    ("Pentagon spokesman Carl Dorne", "Carl Dorne"),
    ("Ana Castel, Chile's foreign minister,", "Ana Castel"),
]
_VERBS = ["said", "confirmed", "denied"]
_FRAMES = [
    "{S} {V} {C}.",
    "{S} {V} on Tuesday {C}.",
    "{S} on Tuesday {V} {C}.",
    "{S} {V} in a statement on Tuesday {C}.",
    "{S} also {V} {C}.",
    "{S} {V} late on Tuesday {C}.",
    "SANTIAGO, March 4 (Reuters) - {S} {V} {C}.",
    "Troops had crossed the border near Arica, {S} {V} on Tuesday.",
    "Troops had crossed the border near Arica, {S} {V}.",
]
_QUOTE_FRAMES = [
    "“Troops have crossed the border near Arica,” {S} said on Tuesday.",
    "“Troops have crossed the border near Arica,” said {S}.",
]


def _rows(sentence: str) -> list[tuple[str, str]]:
    graph = extract_text("Border tensions rise\n\n" + sentence + _FILLER, published="2025-03-04")
    names = {e.id: e.name for e in graph.entities}
    return [(names[s.speaker], s.kind.value) for s in graph.statements]


@pytest.mark.parametrize("frame, speaker, verb", [
    (f, s, v) for f, s, v in itertools.product(_FRAMES, _SPEAKERS, _VERBS)
] + [(f, s, "said") for f, s in itertools.product(_QUOTE_FRAMES, _SPEAKERS)])
def test_statements_one_act_in_every_variant(frame, speaker, verb):
    surface, name = speaker
    if frame.startswith("“") and frame.endswith("{S}."):
        surface = surface.rstrip(",")
    rows = _rows(frame.format(S=surface, V=verb, C=_CONTENT))
    assert len(rows) == 1, rows
    assert rows[0][1] == verb
    assert name is None or rows[0][0] == name


@pytest.mark.parametrize("sentence, expected", [
    ("Defence Minister Ana Castel dismissed reports that troops had crossed the border near Arica.", ["denied"]),
    ("Defence Minister Ana Castel rejected claims that troops had crossed the border near Arica.", ["denied"]),
    ("Defence Minister Ana Castel brushed off reports that troops had crossed the border near Arica.", ["denied"]),
    ("Defence Minister Ana Castel acknowledged that troops had crossed the border near Arica.", ["confirmed"]),
    ("Defence Minister Ana Castel admitted on Tuesday that troops had crossed the border near Arica.", ["confirmed"]),
    ("Defence Minister Ana Castel declined to confirm that troops had crossed the border near Arica.", ["said"]),
    ("Defence Minister Ana Castel could not confirm that troops had crossed the border near Arica.", ["said"]),
    ("Defence Minister Ana Castel refused to comment on reports that troops had crossed the border.", ["said"]),
    ("Troops had crossed the border near Arica, according to Defence Minister Ana Castel.", ["said"]),
    ("According to Defence Minister Ana Castel, troops had crossed the border near Arica.", ["said"]),
    ("Defence Minister Ana Castel told reporters on Tuesday that troops had crossed the border near Arica.", ["said"]),
    ("In an interview with local radio, Defence Minister Ana Castel said troops had crossed the border.", ["said"]),
    ("Defence Minister Ana Castel was quoted as saying that troops had crossed the border near Arica.", ["said"]),
    ("Defence Minister Ana Castel, speaking in Santiago on Tuesday, said troops had crossed the border.", ["said"]),
    ("Defence Minister Ana Castel, who visited the border on Monday, said troops had crossed it near Arica.", ["said"]),
    ("Defence Minister Ana Castel said troops had crossed the border near Arica. She added that they had "
     "withdrawn by nightfall.", ["said", "said"]),
    ("Defence Minister Ana Castel denied on Tuesday that troops had crossed the border near Arica, calling the "
     "reports “fabricated”.", ["denied"]),
    ("Defence Minister Ana Castel called the reports that troops had crossed the border near Arica “pure "
     "propaganda”.", ["denied"]),
    ("“Troops have not crossed the border,” Defence Minister Ana Castel said, adding that the army was on "
     "alert.", ["said", "said"]),
    ("Defence Minister Ana Castel accused Peru of sending troops across the border near Arica.", ["said"]),
    ("Defence Minister Ana Castel called on Peru to withdraw its troops from the border near Arica.", ["said"]),
    ("Defence Minister Ana Castel wrote on X that troops had crossed the border near Arica.", ["said"]),
])
def test_statements_kind_of_each_construction(sentence, expected):
    rows = _rows(sentence)
    assert [kind for _, kind in rows] == expected
    assert {name for name, _ in rows} == {"Ana Castel"}


_BODY = ("\n\nForeign Minister Ana Castel said on Tuesday that troops had crossed the border near Arica. The two "
         "sides have been at odds over the border for years, and there is no end in sight to the dispute.\n")


@pytest.mark.parametrize("headline, speaker, kind", [
    ("Chile says troops crossed the border near Arica", "Chile", "said"),
    ("Chile denies troops crossed the border near Arica", "Chile", "denied"),
    ("Chile confirms troops crossed the border near Arica", "Chile", "confirmed"),
    ("Chile admits troops crossed the border near Arica", "Chile", "confirmed"),
    ("Chile rejects reports troops crossed the border near Arica", "Chile", "denied"),
    ("Chile dismisses claims of troops at the border near Arica", "Chile", "denied"),
    ("Chile calls for troops to leave the border near Arica", "Chile", "said"),
    ("Chile warns of troops at the border near Arica", "Chile", "said"),
    ("Troops crossed the border near Arica, Chile says", "Chile", "said"),
    ("Troops crossed the border near Arica, says Chile", "Chile", "said"),
    ("Troops crossed the border near Arica: Chile", "Chile", "said"),
    ("Troops crossed the border near Arica – Castel", "Ana Castel", "said"),
    ("Castel: troops crossed the border near Arica", "Ana Castel", "said"),
    ("'Troops crossed the border', says Chile's foreign minister", "Ana Castel", "said"),
    ("Troops crossed the border near Arica, minister says", "Ana Castel", "said"),
    ("Troops Crossed The Border Near Arica, Minister Says", "Ana Castel", "said"),
    ("Chilean minister confirms troops crossed the border near Arica", "Ana Castel", "confirmed"),
    ("Castel denies troops crossed the border near Arica", "Ana Castel", "denied"),
    ("Chile's foreign minister denies troops crossed the border near Arica", "Ana Castel", "denied"),
])
def test_statements_headline_variants_are_one_act_on_the_whole_line(headline, speaker, kind):
    graph = extract_text(headline + _BODY, published="2025-03-04")
    names = {e.id: e.name for e in graph.entities}
    acts = [(names[s.speaker], s.kind.value, s.sentence) for s in graph.statements if s.start < len(headline)]
    assert acts == [(speaker, kind, headline)]


def test_statements_a_state_as_a_line_label_is_a_topic_not_a_speaker():
    graph = extract_text("Chile: troops crossed the border near Arica" + _BODY, published="2025-03-04")
    assert [s for s in graph.statements if s.start == 0] == []


@pytest.mark.parametrize("text, expected", [
    ("President Marco Ruiz met Defence Minister Ana Castel on Monday. Castel said troops had crossed the border. "
     "“We are ready,” she added.", [("Ana Castel", "said"), ("Ana Castel", "said")]),
    ("President Marco Ruiz spoke first. Defence Minister Ana Castel said troops had crossed the border.\n\n"
     "“We are ready,” she added.", [("Ana Castel", "said"), ("Ana Castel", "said")]),
    ("Defence Minister Ana Castel said troops had crossed the border. President Marco Ruiz, who met her on "
     "Monday, said he agreed.", [("Ana Castel", "said"), ("Marco Ruiz", "said")]),
    ("A senior Chilean military official said troops had crossed the border.",
     [("senior Chilean military official", "said")]),
    ("A US military official, speaking on condition of anonymity, said troops had crossed the border.",
     [("US military official", "said")]),
    ("One of the soldiers told reporters that troops had crossed the border.", [("One of the soldiers", "said")]),
    ("Some sources said troops had crossed the border.", [("Some sources", "said")]),
    ("Other members of the Council said troops had crossed the border.", [("Other members of the Council", "said")]),
    ("The journalist said troops had crossed the border.", [("journalist", "said")]),
    ("Chile's envoy to the UN, Pablo Ortiz, said troops had crossed the border. The envoy added that Peru had "
     "been warned.", [("Pablo Ortiz", "said"), ("Pablo Ortiz", "said")]),
    ("Chilean diplomats said troops had crossed the border. They added that Peru had been warned.",
     [("Chilean diplomats", "said"), ("Chilean diplomats", "said")]),
    ("The Chilean army said troops had crossed the border. It added that Peru had been warned.",
     [("Chilean army", "said"), ("Chilean army", "said")]),
    ("Ms Castel, the defence minister, said troops had crossed the border. “We are ready,” Ms Castel said.",
     [("Castel", "said"), ("Castel", "said")]),
])
def test_statements_speaker_resolution_variants(text, expected):
    assert _rows(text) == expected


def test_statements_the_journalist_after_a_named_person_is_not_a_new_speaker():
    rows = _rows("Reporter Lena Holm visited the border post on Monday. The journalist said troops had crossed it.")
    assert ("journalist", "said") not in rows


@pytest.mark.parametrize("sentence, expected", [
    ("Defence Minister Ana Castel said she could confirm that troops had crossed the border.", [("Ana Castel", "confirmed")]),
    ("Defence Minister Ana Castel said she could not confirm that troops had crossed the border.", [("Ana Castel", "said")]),
    ("Defence Minister Ana Castel accused Peru of disinformation about the border.", [("Ana Castel", "denied")]),
    ("Defence Minister Ana Castel called the report propaganda.", [("Ana Castel", "denied")]),
    ("Defence Minister Ana Castel called it propaganda.", [("Ana Castel", "denied")]),
    ("Defence Minister Ana Castel did not deny that troops had crossed the border.", [("Ana Castel", "said")]),
    ("Defence Minister Ana Castel neither confirmed nor denied that troops had crossed the border.", [("Ana Castel", "said")]),
    ("Defence Minister Ana Castel on Monday stopped short of confirming that troops had crossed the border.", [("Ana Castel", "said")]),
    ("Ana Castel, the defence minister, stopped just short of confirming the crossing, saying the inquiry was still open.",
     [("Ana Castel", "said")]),
    ("Defence Minister Ana Castel has not confirmed or denied the reports.", [("Ana Castel", "said")]),
    ("Peru's claims that troops had crossed the border were false, Defence Minister Ana Castel said.",
     [("Peru", "said"), ("Ana Castel", "denied")]),
    ("Defence Minister Ana Castel rejected Peru's claim that troops had crossed the border.",
     [("Ana Castel", "denied"), ("Peru", "said")]),
    ("The allegation that troops had crossed the border was made by Peru's foreign ministry.",
     [("Peruvian foreign ministry", "said")]),
    ("Defence Minister Ana Castel rejected a proposal to open the border.", [("Ana Castel", "said")]),
    ("Defence Minister Ana Castel rejected Peru's demand to withdraw the troops.", [("Ana Castel", "said")]),
    ("Defence Minister Ana Castel said the reports were “not true”.", [("Ana Castel", "denied")]),
    ("Defence Minister Ana Castel said the reports were baseless.", [("Ana Castel", "denied")]),
    ("Defence Minister Ana Castel described the reports as fabricated.", [("Ana Castel", "denied")]),
    ("Defence Minister Ana Castel sidestepped questions about the troops.", [("Ana Castel", "said")]),
    ("Defence Minister Ana Castel declined to comment.", [("Ana Castel", "said")]),
    ("Defence Minister Ana Castel reminded reporters that the border had been closed since May.", [("Ana Castel", "said")]),
    ("Defence Minister Ana Castel advised residents to stay away from the border.", [("Ana Castel", "said")]),
    ("Defence Minister Ana Castel acknowledged that the ceasefire was fragile.", [("Ana Castel", "confirmed")]),
    ("Defence Minister Ana Castel confirmed the death of two soldiers.", [("Ana Castel", "confirmed")]),
    ("Troops reportedly crossed the border on Monday.", []),
    ("Troops crossed the border on Monday, the agreement says.", []),
    ("The Council heard that troops had crossed the border.", []),
    ("The remarks came as troops crossed the border.", []),
    ("Defence Minister Ana Castel denied the troops entry into the port.", []),
])
def test_statements_kinds_and_non_acts(sentence, expected):
    assert sorted(_rows(sentence)) == sorted(expected)


@pytest.mark.parametrize("sentence, expected", [
    ("Troops had crossed the border, according to a report by the Yonhap news agency.", ["Yonhap"]),
    ("Troops had crossed the border, according to satellite images released by the Chilean army.", ["Chilean army"]),
    ("Troops had crossed the border, according to the Chilean army and Peruvian officials.",
     ["Chilean army", "Peruvian officials"]),
    ("Troops had crossed the border, according to intelligence estimates from the Chilean navy.", ["Chilean navy"]),
    ("The minister faced criticism from Peru over the border crossing.", ["Peru"]),
    ("The crossing drew swift condemnation from the Chilean foreign ministry.", ["Chilean foreign ministry"]),
    ("Peru's claims that troops had crossed the border drew a sharp response.", ["Peru"]),
    ("Citing satellite images, Defence Minister Ana Castel said troops had crossed the border.", ["Ana Castel"]),
    ("Troops had crossed the border, Chilean media reported.", ["Chilean media"]),
    ("Troops had crossed the border, two people familiar with the matter told Reuters.",
     ["two people familiar with the matter"]),
    ("Troops had crossed the border, officials in Santiago said.", ["officials in Santiago"]),
    ("Troops had crossed the border, a spokesperson for the Chilean navy said.", ["spokesperson for the Chilean navy"]),
])
def test_statements_sources_named_by_phrases(sentence, expected):
    rows = _rows(sentence)
    assert len(rows) == len(expected), rows
    for name in expected:
        assert any(name.lower() in speaker.lower() and kind == "said" for speaker, kind in rows), (name, rows)


@pytest.mark.parametrize("sentence, expected", [
    ("The Chilean navy shared a post on Telegram late on Monday with a video of the two frigates.",
     [("Chilean navy", "said")]),
    ("The Chilean navy shared a statement on Tuesday about the frigates.", [("Chilean navy", "said")]),
    ("The Chilean navy shared intelligence with Peru on Tuesday.", []),
    ("The two navies share a base near Arica.", []),
    ("Defence Minister Ana Castel accused Peru of plotting to seize the port, saying: \"For two years the talks "
     "have gone nowhere, and we will not wait for ever.\"", [("Ana Castel", "said"), ("Ana Castel", "said")]),
    ("Defence Minister Ana Castel said troops had crossed the border, saying: \"We are ready.\"",
     [("Ana Castel", "said")]),
    ("Defence Minister Ana Castel accused Peru of plotting to seize the port, saying the talks had failed.",
     [("Ana Castel", "said")]),
])
def test_statements_shared_messages_and_quoted_second_acts(sentence, expected):
    assert _rows(sentence) == expected
