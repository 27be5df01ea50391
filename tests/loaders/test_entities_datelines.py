"""Datelines: the city a story was filed from is a Place, and the wire agency's tag an Agency.
Invented stories."""

import pytest

from loaders import extract_text
from loaders.datelines import find_dateline
from schema.vocabulary import EntityType

_BODY = (" The government said on Friday that talks with its neighbour had stalled, and the "
         "foreign minister told reporters that the border would stay closed for the winter.")


def _types(text: str) -> dict[str, EntityType]:
    out = {}
    for e in extract_text(text).entities:
        for form in (e.name, *e.aliases):
            out[form] = e.type
    return out


@pytest.mark.parametrize("line, city, tag", [
    ("NAIROBI, March 3 (Reuters) -", "NAIROBI", "Reuters"),
    ("KHARTOUM, Oct. 12 (AFP) --", "KHARTOUM", "AFP"),
    ("ISLAMABAD (AP) —", "ISLAMABAD", "AP"),
    ("CARACAS, 4 January (EFE) -", "CARACAS", "EFE"),
    ("MOSCOW, June 2. /TASS/.", "MOSCOW", "TASS"),
    ("Beirut. May 14. INTERFAX -", "Beirut", "INTERFAX"),
    ("Tehran - IRNA -", "Tehran", "IRNA"),
    ("BAGHDAD —", "BAGHDAD", None),
    ("Kinshasa, Nov. 8, 2024 —", "Kinshasa", None),
    ("TRIPOLI\n", "TRIPOLI", None),
])
def test_entities_dateline_found(line, city, tag):
    text = "Headline of the story\n" + line + _BODY
    found = find_dateline(text)
    assert found is not None
    assert text[found.city[0] : found.city[1]] == city
    assert (text[found.tag[0] : found.tag[1]] if found.tag else None) == tag


@pytest.mark.parametrize("text", [
    "Talks Stall As Winter Nears\nThe government said on Friday that the talks had stalled.",
    "Ukraine said on Friday - as expected - that the talks had stalled.",
    "Analysis\nThe government said on Friday that the talks had stalled.",
])
def test_entities_no_dateline_in_headings_or_prose(text):
    found = find_dateline(text)
    assert found is None or found.tag is None and text[found.city[0]:found.city[1]].isupper()


@pytest.mark.parametrize("line, place, state", [
    ("NAIROBI, March 3 (Reuters) -", "Nairobi", "Kenya"),
    ("ANKARA\n", "Ankara", "Turkey"),
    ("Bamako —", "Bamako", "Mali"),
])
def test_entities_dateline_capital_is_a_place(line, place, state):
    forms = _types(line + f" The {state} government said on Friday that the talks had stalled, "
                   "and the foreign minister told reporters the border would stay closed.")
    assert forms[place] is EntityType.PLACE
    assert forms[state] is EntityType.STATE


def test_entities_dateline_tag_is_an_agency_and_capital_in_prose_stays_the_state():
    forms = _types("LIMA, Feb. 9 (EFE) - Peru recalled its ambassador on Sunday, and Lima said the "
                   "decision was final after the foreign ministry reviewed the case.")
    assert forms["EFE"] is EntityType.AGENCY
    assert forms["LIMA"] is EntityType.PLACE
    assert forms["Lima"] is EntityType.STATE
