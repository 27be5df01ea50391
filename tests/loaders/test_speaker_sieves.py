"""Each speaker sieve (loaders/speaker_sieves.py) on invented text driven through the whole pipeline,
with its common variants (dates, adverbs, a wire dateline, the verb after its content): the speakers
of the statements, and that this sieve is the one that decided the mention. Then the order: the
first sieve of SPEAKER_SIEVES that decides answers. No services needed."""

from __future__ import annotations

import functools

import pytest

from loaders import speaker_sieves
from loaders.pipeline import extract_text

_HEAD = "Border talks resume\n\n"
_FILLER = "\nThe two sides have been at odds over the border for years, and there is no end in sight to the dispute.\n"
_MINISTRY = "Chilean foreign ministry"
_CASTEL = "Defence Minister Ana Castel visited the border on Monday. "
_PAIR = "Chile and Peru held talks in Lima on Monday. "
_FIRE = "A fire broke out near the border on Monday. "
_WIRE = "LIMA, March 4 (Reuters) - "

# (sieve, text, head word of the mention, what the sieve decided, speakers of all statements if not just that)
_CASES = [
    ("army_named", "The Chilean army said on Tuesday that troops had crossed the border near Arica.",
     "army", ["Chilean army"], None),
    ("army_named", "Troops had crossed the border near Arica, the Chilean army said on Tuesday.",
     "army", ["Chilean army"], None),
    ("army_named", _WIRE + "The Chilean army said troops had crossed the border near Arica.",
     "army", ["Chilean army"], None),
    ("named_speaker", "Foreign Minister Ana Castel said on Tuesday that talks with Peru would resume in May.",
     "Castel", ["Ana Castel"], None),
    ("named_speaker", "Troops had crossed the border near Arica, Foreign Minister Ana Castel said.",
     "Castel", ["Ana Castel"], None),
    ("identified_description", "A woman named Ana Castel said on Tuesday that the soldiers had left the village.",
     "woman", ["Ana Castel"], None),
    ("identified_description", "A woman named Ana Castel, who lives near the border, told reporters on Tuesday that "
     "the soldiers had left.", "woman", ["Ana Castel"], None),
    ("counted_members", "A group of Chilean lawmakers said on Tuesday that they would visit the border.",
     "group", ["Chilean lawmakers"], None),
    ("counted_members", "A group of Chilean lawmakers also said on Tuesday that they would visit the border.",
     "group", ["Chilean lawmakers"], None),
    ("pair_phrase", _PAIR + "Both countries said on Tuesday that the border would stay open.",
     "countries", ["Chile", "Peru"], None),
    ("pair_phrase", _PAIR + "Both countries later said the border would stay open.",
     "countries", ["Chile", "Peru"], None),
    ("pair_phrase", _PAIR + "“The border will stay open,” both countries said.",
     "countries", ["Chile", "Peru"], None),
    ("pair_phrase", _PAIR + "The two said on Tuesday that the border would stay open.",
     "two", ["Chile", "Peru"], None),
    ("pronoun", _CASTEL + "She said on Tuesday that troops had withdrawn.", "She", ["Ana Castel"], None),
    ("pronoun", _CASTEL + "“Troops have withdrawn,” she said.", "she", ["Ana Castel"], None),
    ("pronoun", _CASTEL + "Troops had left the border, according to her.", "her", ["Ana Castel"], None),
    ("pronoun", "The Chilean foreign ministry said on Monday that talks would resume. It said the border would stay "
     "open.", "It", [_MINISTRY], [_MINISTRY, _MINISTRY]),
    ("pronoun", "Chile and Peru said on Monday that talks would resume. They also said that the border would stay "
     "open.", "They", ["Chile", "Peru"], ["Chile", "Peru", "Chile", "Peru"]),
    ("missed_alias", "The Kelmar agency reported the talks on Monday. Kelmar later said that the talks had failed.",
     "Kelmar", ["Kelmar"], ["Kelmar", "Kelmar"]),
    ("missed_alias", "The Peruvian agency Andena reported the talks on Monday. Andena later said that the talks had "
     "failed.", "Andena", ["Andena"], ["Andena", "Andena"]),
    ("missed_surname", "Defence Secretary Tom Rivers met the envoy in Lima. Rivers later said that the strikes would "
     "continue.", "Rivers", ["Tom Rivers"], None),
    ("missed_surname", "Defence Secretary Tom Rivers met the envoy in Lima on Monday. Rivers later told reporters that "
     "the strikes would continue.", "Rivers", ["Tom Rivers"], None),
    ("message_issuer", "The Chilean foreign ministry's morning briefing claimed that troops had crossed the border.",
     "briefing", [_MINISTRY], None),
    ("message_issuer", "The Chilean foreign ministry's morning briefing on Tuesday claimed that troops had crossed "
     "the border.", "briefing", [_MINISTRY], None),
    ("message_issuer", "Chile's foreign ministry said in a statement on Monday that the envoy had been summoned. The "
     "statement added that talks would resume.", "statement", [_MINISTRY], [_MINISTRY, _MINISTRY]),
    ("message_authors", "NATO issued a communique on Monday. The authors of the communique assured Chile that "
     "observers would be sent.", "authors", ["NATO"], ["NATO", "NATO"]),
    ("message_authors", "NATO issued a communique on Monday. Observers would be sent, the authors of the communique "
     "said on Tuesday.", "authors", ["NATO"], ["NATO", "NATO"]),
    ("person_office", "President Ana Castel's office said on Tuesday that talks with Peru would resume in May.",
     "office", ["Ana Castel's office"], None),
    ("person_office", "President Ana Castel's office also said that talks with Peru would resume in May.",
     "office", ["Ana Castel's office"], None),
    ("pronoun_owned", "Luis Mora arrived in Lima on Monday. His country's intelligence services said on Tuesday that "
     "the border was calm.", "services", [], None),
    ("pronoun_owned", "Luis Mora arrived in Lima on Monday. The border was calm, his country's intelligence services "
     "said.", "services", [], None),
    ("person_in_phrase", "The committee's chairman, Senator Ana Castel, said on Tuesday that talks with Peru would "
     "resume.", "chairman", ["Ana Castel"], None),
    ("person_in_phrase", "The committee's chairman, Senator Ana Castel, told reporters on Tuesday that talks with Peru "
     "would resume.", "chairman", ["Ana Castel"], None),
    ("role_named_after", "The spokesman for the army's Eastern Command, Luis Mora, said on Tuesday that the unit had "
     "withdrawn.", "spokesman", ["Luis Mora"], None),
    ("role_of_unnamed_owner", "The navy's chief spokesman said on Tuesday that two ships had left the port of Arica.",
     "spokesman", ["navy's chief spokesman"], None),
    ("role_of_unnamed_owner", "Troops had left the border, the navy's chief spokesman said on Tuesday.",
     "spokesman", ["navy's chief spokesman"], None),
    ("role_of_named_owner", "Defence Minister Ana Castel visited Arica on Monday. Chile's defence minister said on "
     "Tuesday that troops had left the border.", "minister", ["Ana Castel"], None),
    ("role_of_named_owner", "Chile's defence minister said on Tuesday that troops had left the border near Arica.",
     "minister", ["Chile's defence minister"], None),
    ("role_of_named_owner", _WIRE + "Chile's defence minister said troops had left the border near Arica.",
     "minister", ["Chile's defence minister"], None),
    ("role_of_named_owner", "Troops had left the border near Arica, Chile's defence minister said on Tuesday.",
     "minister", ["Chile's defence minister"], None),
    ("definite_group", "Diplomatic sources said on Monday that talks had stalled. The sources said a new round was "
     "planned for May.", "sources", ["Diplomatic sources"], ["Diplomatic sources", "Diplomatic sources"]),
    ("definite_group", "Diplomatic sources said on Monday that talks had stalled. The sources also said a new round "
     "was planned for May.", "sources", ["Diplomatic sources"], ["Diplomatic sources", "Diplomatic sources"]),
    ("definite_role", "Foreign Minister Ana Castel arrived in Lima on Monday. The minister said on Tuesday that talks "
     "would resume.", "minister", ["Ana Castel"], None),
    ("definite_role", "Foreign Minister Ana Castel arrived in Lima on Monday. Talks would resume, the minister said "
     "on Tuesday.", "minister", ["Ana Castel"], None),
    ("definite_role", "Minister says talks with Peru will resume\n\nForeign Minister Ana Castel said on Tuesday that "
     "talks with Peru would resume in May.", "Minister", ["Ana Castel"], ["Ana Castel", "Ana Castel"]),
    ("definite_role", "Talks with Peru will resume, minister says\n\nForeign Minister Ana Castel said on Tuesday that "
     "talks with Peru would resume in May.", "minister", ["Ana Castel"], ["Ana Castel", "Ana Castel"]),
    ("unnamed_speaker", "A senior Chilean official said on Tuesday that troops had left the border near Arica.",
     "official", ["senior Chilean official"], None),
    ("unnamed_speaker", "Troops had left the border near Arica, a senior Chilean official said on Tuesday.",
     "official", ["senior Chilean official"], None),
    ("unnamed_speaker", "Some officials said on Tuesday that troops had left the border near Arica.",
     "officials", ["Some officials"], None),
    ("unnamed_speaker", "Diplomatic sources said on Monday that talks had stalled.",
     "sources", ["Diplomatic sources"], None),
    ("role_named_body", "Chilean spokesmen said on Tuesday that troops had left the border near Arica.",
     "spokesmen", ["Chile"], None),
    ("role_named_body", "Chilean spokesmen told reporters on Tuesday that troops had left the border near Arica.",
     "spokesmen", ["Chile"], None),
    ("government_noun", "Western and Chilean governments said on Tuesday that troops had left the border near Arica.",
     "governments", ["Chile"], None),
    ("government_noun", _WIRE + "Western and Chilean governments said troops had left the border near Arica.",
     "governments", ["Chile"], None),
    ("government_noun", "Chile and Peru met in Lima on Monday. The government said on Tuesday that troops had left "
     "the border.", "government", ["Peru"], None),
    ("government_noun", "Chile and Peru met in Lima on Monday. Troops had left the border, the government said on "
     "Tuesday.", "government", ["Peru"], None),
    ("institution_noun", "The Chilean foreign ministry summoned the envoy on Monday. The ministry said on Tuesday "
     "that talks would resume.", "ministry", [_MINISTRY], None),
    ("institution_noun", "The Chilean foreign ministry summoned the envoy on Monday. Talks would resume, the ministry "
     "said on Tuesday.", "ministry", [_MINISTRY], None),
    ("institution_noun", "Police said on Tuesday that two men had been arrested near the border.",
     "Police", ["police"], None),
    ("institution_noun", "Two men had been arrested near the border, police said on Tuesday.",
     "police", ["police"], None),
    ("institution_noun", "Intelligence indicates that troops have left the border near Arica.",
     "Intelligence", [], None),
    ("unnamed_person_noun", _FIRE + "The veteran said the soldiers had left before dawn.", "veteran", ["veteran"], None),
    ("unnamed_person_noun", _FIRE + "The veteran later said the soldiers had left before dawn.",
     "veteran", ["veteran"], None),
    ("unnamed_person_noun", _FIRE + "The soldiers had left before dawn, the veteran said.", "veteran", ["veteran"], None),
]


@pytest.fixture
def traced(monkeypatch):
    """Extraction with every sieve traced: (speaker name per statement, [(sieve, head word, names decided)])."""
    log: list[tuple[str, str, list[str]]] = []

    def trace(sieve):
        @functools.wraps(sieve)
        def run(head, ctx, sent, conjuncts):
            found = sieve(head, ctx, sent, conjuncts)
            if found is not None:
                log.append((sieve.__name__, head.text, [ctx.table.names[e] for e in found]))
            return found
        return run

    monkeypatch.setattr(speaker_sieves, "SPEAKER_SIEVES", tuple(map(trace, speaker_sieves.SPEAKER_SIEVES)))

    def extract(text: str) -> tuple[list[str], list[tuple[str, str, list[str]]]]:
        log.clear()
        graph = extract_text(text + _FILLER if "\n\n" in text else _HEAD + text + _FILLER, published="2025-03-04")
        names = {e.id: e.name for e in graph.entities}
        return [names[s.speaker] for s in graph.statements], list(log)

    return extract


@pytest.mark.parametrize("sieve, text, head, decided, speakers", _CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(_CASES)])
def test_speaker_sieves_each_sieve_resolves_its_mentions(traced, sieve, text, head, decided, speakers):
    found, log = traced(text)
    assert found == (decided if speakers is None else speakers)
    assert (sieve, head, decided) in log, log


def test_speaker_sieves_every_sieve_has_cases_and_a_one_line_docstring_with_an_example():
    names = [s.__name__ for s in speaker_sieves.SPEAKER_SIEVES]
    assert len(set(names)) == len(names)
    assert {c[0] for c in _CASES} == set(names)
    for sieve in speaker_sieves.SPEAKER_SIEVES:
        doc = sieve.__doc__ or ""
        assert len(doc.strip().splitlines()) == 1 and ("'" in doc or '"' in doc), sieve.__name__


def test_speaker_sieves_the_first_sieve_that_decides_answers(traced, monkeypatch):
    # 'her' is a pronoun (pronoun: the person in view) and a possessive pronoun (pronoun_owned: nobody);
    # pronoun comes first in SPEAKER_SIEVES, so the minister speaks.
    text = _CASTEL + "Troops had left the border, according to her."
    found, log = traced(text)
    assert found == ["Ana Castel"]
    assert [name for name, head, _ in log if head == "her"] == ["pronoun"]
    # The same phrase with the two sieves swapped: `_speakers_of` follows SPEAKER_SIEVES.
    order = list(speaker_sieves.SPEAKER_SIEVES)
    names = [s.__name__ for s in order]
    i, j = names.index("pronoun"), names.index("pronoun_owned")
    order[i], order[j] = order[j], order[i]
    monkeypatch.setattr(speaker_sieves, "SPEAKER_SIEVES", tuple(order))
    found, log = traced(text)
    assert found == []
    assert [(name, decided) for name, head, decided in log if head == "her"] == [("pronoun_owned", [])]

