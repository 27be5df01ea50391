"""Round 2 of resolution: short state names, possessive place forms, nicknames, bare treaty
references, role titles at the article date. Invented sentences."""

from loaders import extract_text
from schema.vocabulary import EntityType


def _ents(text: str, **meta):
    return {e.name: e for e in extract_text(text, **meta).entities}


def test_resolve_the_north_is_the_one_northern_state():
    ents = _ents("North Korea fired a missile on Sunday. The launch was the North's third this month.")
    assert "the North" in ents["North Korea"].aliases


def test_resolve_possessive_place_form_is_an_alias():
    ents = _ents("The convoy reached Russia's Far East on Tuesday, Moscow said.")
    assert "Russia's Far East" in ents["Russian Far East"].aliases


def test_resolve_nickname_joins_the_full_name():
    ents = _ents("Thomas Reyes opened the briefing. QUESTION: Thanks, Tom. Is the ceasefire holding?")
    assert "Tom" in ents["Thomas Reyes"].aliases


def test_resolve_its_treaty_is_the_one_treaty_that_fits():
    text = ("Russia and North Korea have deepened ties. Moscow says the transfers are legal under its "
            "new treaty with Pyongyang.")
    ents = _ents(text, published="2024-11-05")
    treaty = ents["Treaty on Comprehensive Strategic Partnership"]
    assert treaty.type is EntityType.TREATY and "its new treaty" in treaty.aliases


def test_resolve_role_title_names_the_office_holder_at_the_date():
    text = "Ukraine's defense minister told a broadcaster that the first clashes had taken place."
    ents = _ents(text, published="2024-11-05")
    assert ents["Rustem Umerov"].type is EntityType.PERSON
    earlier = _ents(text, published="2023-03-01")
    assert "Oleksii Reznikov" in earlier


def test_resolve_capital_after_to_is_the_state_unless_someone_travels():
    ents = _ents("Pyongyang is producing drones to supply to Moscow. Kim Jong Un later flew to Moscow.")
    assert "Moscow" in ents["Russia"].aliases
    assert ents["Moscow"].type is EntityType.PLACE
