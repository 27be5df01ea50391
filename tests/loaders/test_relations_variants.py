"""DEPLOYED_TO and SIGNED with their common variants (CONVENTIONS.md): reported presence, fighting
in a place, police and naval contingents named for what they are, plans and hypotheticals that
are no deployment, signing, ratifying and what is not signing. Invented text; no services needed."""

import pytest

from loaders.pipeline import extract_text

_FILLER = "\nThe two sides have been at odds over the border for years, and there is no end in sight to the dispute.\n"


def _relations(sentence: str) -> list[tuple[str, str, str]]:
    graph = extract_text("Border tensions rise\n\n" + sentence + _FILLER, published="2025-03-04")
    names = {e.id: e.name for e in graph.entities}
    return sorted((r.type.value, names[r.source], names[r.target]) for r in graph.relations)


@pytest.mark.parametrize("sentence, expected", [
    ("Chilean troops are in Arica, the ministry said.", [("DEPLOYED_TO", "Chilean troops", "Arica")]),
    ("The ministry said there were reports that Chilean troops are in Arica.",
     [("DEPLOYED_TO", "Chilean troops", "Arica")]),
    ("About 300 Chilean soldiers have been fighting near Arica since May.", [("DEPLOYED_TO", "Chilean troops", "Arica")]),
    ("Chilean troops crossed into Peru on Monday.", [("DEPLOYED_TO", "Chilean troops", "Peru")]),
    ("Chile sent 300 police officers to Haiti last year.", [("DEPLOYED_TO", "Chilean police", "Haiti")]),
    ("Kenyan police officers arrived in Port-au-Prince on Tuesday.",
     [("DEPLOYED_TO", "Kenyan police", "Port-au-Prince")]),
    ("The Chilean navy deployed two frigates to the Strait of Magellan.",
     [("DEPLOYED_TO", "Chilean frigates", "Strait of Magellan")]),
    ("Reports that Chilean troops are in Arica were denied by Santiago.", []),
    ("Chile could send troops to Arica next month.", []),
    ("Chilean troops will likely be deployed to Arica.", []),
    ("Chile and Peru signed a ceasefire agreement in Lima on Tuesday.",
     [("SIGNED", "Chile", "ceasefire agreement"), ("SIGNED", "Peru", "ceasefire agreement")]),
    ("Brazil brokered the Lima Accord between Chile and Peru.", []),
    ("Chile and Peru agreed to hold talks on a ceasefire.", []),
    ("Chile and Peru initialled a draft of the Lima Accord.", []),
])
def test_relations_variants(sentence, expected):
    got = _relations(sentence)
    assert len(got) == len(expected), got
    for (t, s, tt), (gt, gs, gtt) in zip(sorted(expected), got):
        assert (t, s) == (gt, gs) and (tt in gtt or gtt in tt), got


def test_relations_ratified_by_a_parliament():
    got = _relations("Peru's parliament ratified the Lima Accord on Friday.")
    assert [(t, target) for t, _, target in got] == [("SIGNED", "Lima Accord")]
    assert "parliament" in got[0][1].lower()


def test_relations_signers_named_in_apposition_each_sign():
    got = _relations("The two foreign ministers, Ana Castel of Chile and Luis Mora of Peru, signed the Lima Accord "
                     "on Tuesday.")
    assert [(t, s) for t, s, _ in got] == [("SIGNED", "Ana Castel"), ("SIGNED", "Luis Mora")]


def test_relations_a_party_coordinated_with_a_person_is_no_person():
    graph = extract_text("Border tensions rise\n\nThe bill was backed by Ana Castel of the Civic Unity Party and "
                         "Luis Mora of the Green Renewal Party, who both said it was overdue." + _FILLER)
    people = {e.name for e in graph.entities if e.type.value == "Person"}
    assert "Luis Mora" in people and not any("Party" in p for p in people)
