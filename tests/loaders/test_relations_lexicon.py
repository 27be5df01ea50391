"""The relation rules read their verb and noun lists from loaders/data/relation_lexicon.yaml."""

from __future__ import annotations

import pytest
import yaml

import loaders.relations as relations
from loaders import extract_text
from loaders.lexicon import DATA
from loaders.relation_lexicon import load_relation_lexicon, words


def _deployed(text: str) -> set[tuple[str, str]]:
    g = extract_text(text + " It was not clear what the other side would do next.", published="2024-11-20")
    names = {e.id: e.name for e in g.entities}
    return {(names[r.source], names[r.target]) for r in g.relations if r.type.value == "DEPLOYED_TO"}


def test_relation_lexicon_lists_are_words():
    lexicon = load_relation_lexicon()
    assert {"deploy_verbs", "unit_nouns", "sign_verbs", "movement_nouns", "treaty_nouns"} <= set(lexicon)
    assert all(lst and all(w == w.lower().strip() and w for w in lst) for lst in lexicon.values())


def test_every_list_of_the_yaml_is_read_by_the_rules():
    source = open(relations.__file__, encoding="utf-8").read()
    raw = yaml.safe_load((DATA / "relation_lexicon.yaml").read_text(encoding="utf-8"))
    unused = [key for key in raw if f'words("{key}")' not in source]
    assert unused == []


def test_the_rules_use_the_data_lists():
    assert relations.DEPLOY_LEMMAS == words("deploy_verbs")
    assert relations._UNIT_NOUNS == words("unit_nouns")
    assert relations.SIGN_LEMMAS == words("sign_verbs")


def test_a_missing_list_is_an_error():
    with pytest.raises(KeyError):
        words("no_such_list")


@pytest.mark.parametrize(("verb", "text"), [
    ("dispatch", "Chad dispatched 300 soldiers to Niger in May, officials said."),
    ("airlift", "Officials said Chad had airlifted 300 soldiers to Niger on Tuesday."),
    ("ferry", "Chad is ferrying soldiers to Niger by road, the ministry said."),
])
def test_a_verb_in_deploy_verbs_moves_a_unit(verb, text):
    assert verb in words("deploy_verbs")
    assert ("Chadian troops", "Niger") in _deployed(text)


def test_a_verb_outside_deploy_verbs_moves_nothing():
    assert "praise" not in words("deploy_verbs")
    assert _deployed("Chad praised 300 soldiers to Niger's surprise, officials said.") == set()
