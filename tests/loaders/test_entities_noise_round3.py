"""NER noise on real pages: portfolios inside titles, platforms, reporters' sign-offs, events and
documents taken for agencies, a capital in a treaty's name. Invented sentences."""

import pytest

from loaders import extract_text
from schema.vocabulary import EntityType


def _forms(text: str) -> dict[str, EntityType]:
    out = {}
    for e in extract_text(text).entities:
        for form in (e.name, *e.aliases):
            out[form] = e.type
    return out


@pytest.mark.parametrize("title, person", [
    ("National Security Minister", "Itamar Ben Gvir"),
    ("Interior Minister", "Kipchumba Murkomen"),
    ("Information Minister", "Yemane Ghebremeskel"),
])
def test_entities_portfolio_in_a_title_is_not_an_agency(title, person):
    forms = _forms(f"On Monday, the country's {title} {person} rejected the plan, saying that it "
                   "was not acceptable to the government.")
    assert forms.get(person) is EntityType.PERSON
    assert title.rsplit(" ", 1)[0] not in forms


def test_entities_named_body_before_a_title_stays():
    forms = _forms("On Monday, NATO Secretary-General Mark Rutte said that the alliance would meet again in June.")
    assert forms.get("NATO") is EntityType.AGENCY


@pytest.mark.parametrize("platform", ["Twitter", "Telegram", "Facebook"])
def test_entities_platform_is_never_a_person(platform):
    forms = _forms(f"The minister wrote on the platform known as {platform} that the talks were over "
                   "and that the delegation would return home.")
    assert platform not in forms


def test_entities_reporter_sign_off_is_not_an_actor():
    forms = _forms("A captured soldier says he wants to go to the South. Min Ji-ho reports.\n"
                   "The soldier told the daily that he had been sent to the front in November.")
    assert "Min Ji-ho" not in forms


@pytest.mark.parametrize("sentence, noise", [
    ("Leaders met at the NATO Summit in Vilnius, where the alliance agreed on a new plan.", "NATO Summit"),
    ("Officials said the move breached the Kenyan Constitution and would be challenged in court.",
     "Kenyan Constitution"),
])
def test_entities_events_and_documents_are_not_agencies(sentence, noise):
    assert _forms(sentence).get(noise) is not EntityType.AGENCY


@pytest.mark.parametrize("capital, state", [("Cairo", "Egypt"), ("Doha", "Qatar"), ("Pretoria", "South Africa")])
def test_entities_capital_in_a_treaty_name_is_not_the_state(capital, state):
    forms = _forms(f"Iran said on Sunday that the {capital} agreement with the agency was still in force, "
                   "and that inspections would continue.")
    assert state not in forms


@pytest.mark.parametrize("phrase", ["an exclusive partnership", "a momentous declaration", "a historic deal"])
def test_entities_treaty_named_only_by_praise_is_not_a_treaty(phrase):
    graph = extract_text(f"The two leaders hailed {phrase} on Friday, officials said, and promised to meet again.")
    assert not [e for e in graph.entities if e.type is EntityType.TREATY]


@pytest.mark.parametrize("phrase, kind", [
    ("a joint declaration", "joint declaration"),
    ("a bilateral agreement", "bilateral agreement"),
    ("the latest agreement between both governments", "agreement"),
])
def test_entities_treaty_of_a_kind_or_with_parties_stays(phrase, kind):
    graph = extract_text(f"The two leaders signed {phrase} on Friday, officials said, and promised to meet again.")
    assert any(kind in e.name for e in graph.entities if e.type is EntityType.TREATY)


@pytest.mark.parametrize("text, name", [
    ("“We are ready,” (Russian President Vladimir) Putin said on Friday, adding that talks were possible.",
     "Vladimir Putin"),
    ("The plan was welcomed by [US President Joe] Biden on Friday, who said that it was a good start.",
     "Joe Biden"),
    ("“It is over,” (Ethiopian Prime Minister Abiy) Ahmed told the crowd on Friday in the city.",
     "Abiy Ahmed"),
    ("“We will not sign,” [Prime Minister Mette] Frederiksen told the parliament on Friday in the capital.",
     "Mette Frederiksen"),
])
def test_entities_bracketed_given_name_joins_the_surname(text, name):
    people = [e for e in extract_text(text, published="2024-10-10").entities if e.type is EntityType.PERSON]
    names = {e.name for e in people}
    given = {"Vladimir", "Joe", "Abiy", "Mette"}
    assert not names & given
    if name:
        assert name in names


@pytest.mark.parametrize("headline, guess", [
    ("Serbian, Kosovar Leaders Pledge Calm At Brussels Talks", "Pledge Calm"),
    ("Minister Austin Hosts Allies For Talks On Air Defence", "Austin Hosts"),
])
def test_entities_headline_guess_is_dropped(headline, guess):
    forms = _forms(headline + "\nThe two leaders met in Washington on Friday and said that the talks "
                   "had gone well, officials said.")
    assert guess not in forms


def test_entities_person_in_a_headline_named_again_stays():
    forms = _forms("Kagame Meets Tshisekedi In Doha For Peace Talks\nRwandan President Paul Kagame met his "
                   "Congolese counterpart Felix Tshisekedi on Tuesday, and Kagame said the talks went well.")
    assert forms.get("Paul Kagame") is EntityType.PERSON


@pytest.mark.parametrize("full, back", [
    ("the International Atomic Energy Agency", "the Agency"),
    ("the Turkish Parliament", "the Parliament"),
    ("the African Union Commission", "the Commission"),
])
def test_entities_capitalised_back_reference_joins_the_body(full, back):
    graph = extract_text(f"On Monday {full} said it would send a team, and {back} added that the visit "
                         "would take place next week.")
    agencies = [e for e in graph.entities if e.type is EntityType.AGENCY]
    assert len(agencies) == 1 and back.split()[-1] in agencies[0].aliases


def test_entities_headline_guess_dropped_when_its_word_recurs_only_in_lower_case():
    forms = _forms("Leaders Vow Peace At Summit In Geneva\nThe two leaders met on Friday and said that "
                   "peace was close, officials said.")
    assert "Vow Peace" not in forms


@pytest.mark.parametrize("headline, body", [
    ("Why Rival Generals Now Vow Peace", "The talks took place at the Peace Palace on Friday, and both sides "
     "said they went well."),
    ("Why Rival Generals Now Vow Peace", "Both delegations stayed at the Grand Peace Hotel in Rome, and aides "
     "said on Friday that the talks went well."),
])
def test_entities_headline_guess_dropped_when_its_word_recurs_only_inside_another_name(headline, body):
    forms = _forms(f"{headline}\n{body}")
    assert not any(t is EntityType.PERSON for t in forms.values())


@pytest.mark.parametrize("text", [
    "Kyiv accused Moscow of violating the U.N. Charter on Friday, officials in the capital said.",
    "Kyiv accused Moscow of violating the UN Charter on Friday, officials in the capital said.",
])
def test_entities_dictionary_treaty_found_by_name(text):
    treaties = [e for e in extract_text(text).entities if e.type is EntityType.TREATY]
    assert [t.name for t in treaties] == ["Charter of the United Nations"]


@pytest.mark.parametrize("body, host", [
    ("the Permanent Mission of Iran to the United Nations", "United Nations"),
    ("the Embassy of Japan to the Holy See", "Holy See"),
])
def test_entities_mission_to_a_body_is_one_agency(body, host):
    graph = extract_text(f"A statement from {body} said on Monday that the report was false and "
                         "should be withdrawn.")
    names = {e.name for e in graph.entities if e.type is EntityType.AGENCY}
    assert body.removeprefix("the ") in names
