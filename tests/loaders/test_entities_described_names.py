"""Names typed by the words around them, whatever NER said: warships, outlets, places named with
a place noun, groups named in the plural; and one type per name in an article. Invented sentences."""

import pytest

from loaders import extract_text
from schema.vocabulary import EntityType


def _forms(text: str, **meta) -> dict[str, EntityType]:
    out = {}
    for e in extract_text(text, **meta).entities:
        for form in (e.name, *e.aliases):
            out[form] = e.type
    return out


@pytest.mark.parametrize("ship", ["USS Dwight D. Eisenhower", "HMS Diamond", "INS Vikrant", "HMAS Toowoomba",
                                  "USS Gerald R. Ford"])
def test_entities_warship_is_a_unit(ship):
    forms = _forms(f"The Navy said on Sunday that the {ship} had sailed into the Gulf of Aden, "
                   "where it joined a European flotilla, officials said.")
    assert forms.get(ship) is EntityType.UNIT
    bare = ship.split(" ", 1)[1]
    assert forms.get(bare) in (None, EntityType.UNIT)


def test_entities_warship_bare_name_joins_the_ship():
    graph = extract_text("The USS Theodore Roosevelt left the port on Monday. Later in the day, the Theodore "
                         "Roosevelt carrier strike group headed south to the Red Sea, a Navy spokesman said.")
    units = [e for e in graph.entities if e.type is EntityType.UNIT and "Roosevelt" in e.name]
    assert len(units) == 1 and units[0].name == "USS Theodore Roosevelt"
    assert not any(e.type is EntityType.PERSON and "Roosevelt" in e.name for e in graph.entities)


@pytest.mark.parametrize("sentence, outlet", [
    ("The interview was given to the daily Dong-a Ilbo on Tuesday, an official said.", "Dong-a Ilbo"),
    ("He told Doha-based broadcaster Al Mayadeen that talks would resume.", "Al Mayadeen"),
    ("The minister told the newspaper Le Monde that Paris would not back down.", "Le Monde"),
    ("Speaking to the Asahi Shimbun newspaper, the envoy said the deal was close.", "Asahi Shimbun"),
])
def test_entities_outlet_beside_an_outlet_noun_is_an_agency(sentence, outlet):
    forms = _forms(sentence)
    assert forms.get(outlet) is EntityType.AGENCY


@pytest.mark.parametrize("sentence, place", [
    ("Mortars struck the Karmel neighborhood east of the port late on Tuesday, residents said.", "Karmel neighborhood"),
    ("Troops entered the village of Tarnova on Friday, the army said.", "Tarnova"),
    ("Belgrade wants rail access to its Vojvodina territory, the minister said.", "Vojvodina"),
    ("Rebels seized the town of Kiwanja after heavy fighting, witnesses said.", "Kiwanja"),
])
def test_entities_name_with_a_place_noun_is_a_place(sentence, place):
    forms = _forms(sentence)
    assert forms.get(place) is EntityType.PLACE


def test_entities_group_named_in_the_plural_is_not_a_person():
    forms = _forms("The Houthis said they fired drones at a tanker, and the Huthis later denied it.")
    assert forms.get("Houthis") is EntityType.AGENCY


def test_entities_one_type_per_name_in_an_article():
    graph = extract_text("The army has a brigade in Marsabit, the district capital, and its troops are ready. "
                         "The rebels said they would move from Marsabit to the north within days.")
    marsabit = [e for e in graph.entities if "Marsabit" in (e.name, *e.aliases)]
    assert [e.type for e in marsabit] == [EntityType.PLACE]


@pytest.mark.parametrize("text, outlet, phrase", [
    ("AFP reported on Friday that the talks had failed, and the AFP news agency later said both sides had left.",
     "AFP", "AFP news agency"),
    ("The Asahi newspaper said on Sunday that the cabinet would meet, and the report was confirmed later.",
     "Asahi", "Asahi newspaper"),
    ("The Polish PAP agency claims, citing officials, that the ferry left the island on Sunday.",
     "PAP", "Polish PAP agency"),
])
def test_entities_outlet_noun_after_an_outlet_is_the_same_outlet(text, outlet, phrase):
    agencies = [e for e in extract_text(text).entities if e.type is EntityType.AGENCY]
    assert len(agencies) == 1 and agencies[0].name == outlet and phrase in agencies[0].aliases
