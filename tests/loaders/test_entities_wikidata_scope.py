"""Wikidata ids of states, and ids scoped to their article for unnamed people and groups."""

import pytest

from loaders.gazetteer import load_gazetteer
from loaders.pipeline import extract_text
from schema.vocabulary import EntityType


def _by_name(graph, type_):
    return {e.name: e for e in graph.entities if e.type is type_}


@pytest.mark.parametrize("state, qid", [
    ("United States", "Q30"), ("Russia", "Q159"), ("China", "Q148"), ("France", "Q142"),
    ("Germany", "Q183"), ("United Kingdom", "Q145"), ("Japan", "Q17"), ("India", "Q668"),
    ("Ukraine", "Q212"), ("North Korea", "Q423"), ("South Korea", "Q884"), ("Israel", "Q801"),
    ("Iran", "Q794"), ("Brazil", "Q155"), ("Canada", "Q16"), ("Egypt", "Q79"), ("Sudan", "Q1049"),
    ("Turkey", "Q43"), ("Pakistan", "Q843"), ("Mexico", "Q96"),
])
def test_entities_state_wikidata_sample(state, qid):
    assert load_gazetteer().state_wikidata[state] == qid


def test_entities_every_state_has_a_distinct_wikidata_id():
    ids = load_gazetteer().state_wikidata
    assert len(ids) >= 195
    assert len(set(ids.values())) == len(ids)


def test_entities_state_records_carry_wikidata():
    graph = extract_text("Officials in Nairobi said Kenya would send police officers to Haiti, "
                         "and Brazil welcomed the plan on Monday.")
    states = _by_name(graph, EntityType.STATE)
    assert states["Kenya"].wikidata == "Q114"
    assert states["Haiti"].wikidata == "Q790"
    assert states["Brazil"].wikidata == "Q155"


def test_entities_unnamed_speakers_are_scoped_to_their_article():
    first = extract_text("A senior US official said on Tuesday that the talks in Doha had stalled. "
                         "Diplomatic sources said Qatar was still mediating.")
    second = extract_text("A senior US official said the ceasefire in Lebanon was holding, "
                          "while diplomatic sources said Israel had struck a depot near Tyre.")
    one = {e.name: e.id for e in first.entities}
    two = {e.name: e.id for e in second.entities}
    for name in ("senior US official", "Diplomatic sources"):
        key_one = next(v for k, v in one.items() if k.lower() == name.lower())
        key_two = next(v for k, v in two.items() if k.lower() == name.lower())
        assert key_one != key_two and "~" in key_one and "~" in key_two
    # Named entities keep one id across articles.
    assert one["Qatar"] == "state:qatar" and two["Israel"] == "state:israel"


def test_entities_unnamed_speaker_id_is_stable_within_an_article():
    graph = extract_text("A senior Ukrainian official said the village had fallen. He added that "
                         "Russian troops were shelling the road.")
    person_ids = [s.speaker for s in graph.statements]
    assert len(person_ids) == 2 and len(set(person_ids)) == 1 and "~" in person_ids[0]
    assert all(s.speaker in {e.id for e in graph.entities} for s in graph.statements)


@pytest.mark.parametrize("name, type_, qid", [
    ("Vladimir Putin", EntityType.PERSON, "Q7747"), ("Donald Trump", EntityType.PERSON, "Q22686"),
    ("Recep Tayyip Erdogan", EntityType.PERSON, "Q39259"), ("NATO", EntityType.AGENCY, "Q7184"),
    ("UN Security Council", EntityType.AGENCY, "Q37470"), ("United States Congress", EntityType.AGENCY, "Q11268"),
])
def test_entities_dictionary_wikidata_sample(name, type_, qid):
    from loaders.actors import load_actors
    assert load_actors().lookup(type_, name).wikidata == qid
