"""Places and units named by description, and noise that is not an entity. Invented sentences."""

from loaders import extract_text
from loaders.entities import Mention, extract_mentions
from loaders.nlp import load_nlp
from loaders.resolve import resolve_mentions
from schema.vocabulary import EntityType


def _by_name(text: str):
    return {e.name: e for e in extract_text(text).entities}


def test_entities_region_extends_place_and_joins_bare_name():
    text = "Ukrainian troops advanced in the Kursk region on Monday. Drones flew over Kursk."
    doc = load_nlp()(text)
    mentions = extract_mentions(doc, [])
    region = next(m for m in mentions if m.type is EntityType.PLACE)
    assert (region.text, region.name) == ("Kursk region", "Kursk region")
    kursk = next(t for t in doc if t.text == "Kursk" and t.i > region.end)
    # The small model may miss the bare name; give it as NER would, and resolution joins it.
    mentions.append(Mention(kursk.i, kursk.i + 1, "Kursk", EntityType.PLACE, "Kursk", label="GPE"))
    table = resolve_mentions(doc, sorted(mentions, key=lambda m: m.start))
    rec = next(e for e in table.records() if e.type is EntityType.PLACE)
    assert rec.name == "Kursk region" and dict(rec.alias_rules)["Kursk"] == "partial-name"


def test_entities_direction_and_state_is_a_place():
    ents = _by_name("Belarus moved troops to western Belarus, officials in Minsk said.")
    assert ents["western Belarus"].type is EntityType.PLACE


def test_entities_front_is_a_place():
    ents = _by_name("Poland said volunteers had been sent to the Ukrainian front in March.")
    assert ents["Ukrainian front"].type is EntityType.PLACE


def test_entities_state_army_is_a_unit():
    ents = _by_name("The Polish army said it had finished the exercise near the border with Belarus.")
    assert ents["Polish troops"].type is EntityType.UNIT


def test_entities_numbered_formation_is_a_unit():
    ents = _by_name("Ukraine said its 47th Mechanized Brigade had pushed back an assault near Avdiivka.")
    assert ents["47th Mechanized Brigade"].type is EntityType.UNIT


def test_entities_capital_by_description():
    ents = _by_name("Talks will be held in the Polish capital next week, Warsaw said.")
    assert ents["Warsaw"].type is EntityType.PLACE


def test_entities_platforms_and_blocs_are_not_entities():
    ents = _by_name("Poland said on Telegram that the West must send more air defence to Ukraine.")
    assert "Telegram" not in ents and "West" not in ents
