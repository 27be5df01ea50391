"""Armed groups typed by their role in the article (loaders/armed_groups.py): a Unit where the
group fights more than it speaks, an Agency otherwise; state bodies and generic names never.
Undefined acronyms join the one name they spell (loaders/resolve.py `_join_initials`).
Invented sentences."""

import pytest

from loaders import extract_text
from loaders.armed_groups import retype_armed_groups
from loaders.entities import Mention
from loaders.nlp import parse_text
from schema.vocabulary import EntityType, RelationType


def _graph(text: str):
    g = extract_text(text)
    return g, {form: e.type for e in g.entities for form in (e.name, *e.aliases)}


@pytest.mark.parametrize("text", [
    # subject of a control verb, object of an attack, with an adverb and a relative clause
    "On Tuesday the Borano Liberation Front, which rejects the peace plan, reportedly captured the village "
    "of Selo. Government forces later bombed the Borano Liberation Front.",
    # subject of a fighting verb twice, dated
    "The Borano Liberation Front shelled the airport on 3 May, a local official said. The Borano "
    "Liberation Front also raided two checkpoints.",
    # owner of fighters and of a presence
    "The presence of the Ostrava Legion in Kelm worries residents. The Ostrava Legion fighters patrol the market.",
])
def test_armed_groups_fighting_group_is_a_unit(text):
    _, types = _graph(text)
    name = "Borano Liberation Front" if "Borano" in text else "Ostrava Legion"
    assert types.get(name) is EntityType.UNIT


def test_armed_groups_fighting_group_is_a_deployed_to_source():
    g, _ = _graph("The presence of the Ostrava Legion in Kelm worries residents. "
                  "The Ostrava Legion fighters patrol the market.")
    names = {e.id: e.name for e in g.entities}
    assert ("Ostrava Legion", "Kelm") in {(names[r.source], names[r.target]) for r in g.relations
                                          if r.type is RelationType.DEPLOYED_TO}


def test_armed_groups_singular_and_plural_forms_are_one_unit():
    g, types = _graph("Zanari rebels attacked an army post on Friday. The army said air strikes on the "
                      "Zanaris had killed dozens, and that the Zanaris had been routed near Kelm.")
    units = [e for e in g.entities if e.type is EntityType.UNIT]
    assert [(e.name, sorted(e.aliases)) for e in units] == [("Zanaris", ["Zanari"])]


def test_armed_groups_group_that_speaks_more_than_it_fights_is_an_agency():
    # one fight (object of "struck"), two statements: the tie-or-less keeps it a speaker
    g, types = _graph("The Kashir Movement announced on Sunday that it had taken control of Dessa Province. "
                      "Loyalist forces struck the Kashir Movement in southern Dessa, the army said. "
                      "The Kashir Movement said it would keep fighting.")
    assert types.get("Kashir Movement") is EntityType.AGENCY
    speakers = {e.id: e.name for e in g.entities}
    assert "Kashir Movement" in {speakers[s.speaker] for s in g.statements}


def test_armed_groups_group_speaking_through_an_official_and_signing_is_an_agency():
    _, types = _graph("The Dunmore Front signed the truce on Monday after its attack on Kelm last year. "
                      "Senior Dunmore Front official Rasa Ilves said the truce would hold.")
    assert types.get("Dunmore Front") is EntityType.AGENCY


@pytest.mark.parametrize("text, name", [
    ("The Defence Ministry said its troops had seized two villages. The Defence Ministry shelled the ridge.",
     "Defence Ministry"),
    ("The Vardanian Armed Forces captured the town of Selo on Monday and shelled the ridge.", "Vardanian troops"),
    ("The Northern Command struck the rebels near Kelm and captured the village of Selo, the army said.",
     "Northern Command"),
])
def test_armed_groups_state_bodies_are_never_retyped(text, name):
    g, types = _graph(text)
    assert not [e.name for e in g.entities for _, rule in e.alias_rules if rule == "armed group"]
    assert types.get(name) in {EntityType.AGENCY, EntityType.UNIT, None}


def test_armed_groups_undefined_acronym_joins_the_name_it_spells():
    g, types = _graph("The Tessaly Popular Army TPA attacked Kelm on Monday. Troops struck the TPA near "
                      "Selo, and the TPA shelled the ridge.")
    named = [e for e in g.entities if "TPA" in (e.name, *e.aliases)]
    assert [e.name for e in named] == ["Tessaly Popular Army"]
    assert named[0].type is EntityType.UNIT


def test_armed_groups_acronym_spelling_two_names_joins_neither():
    g, _ = _graph("The Kelm Defence League and the Kelm Democratic Liberation announced talks. "
                  "The KDL said on Monday that talks would begin.")
    assert not any(e.name.startswith("Kelm D") and "KDL" in e.aliases for e in g.entities)


def test_armed_groups_fighters_of_a_fighting_group_stay_a_unit_of_their_own():
    g, types = _graph("The Ostrava Legion shelled Kelm and stormed the airport on Monday. About 300 fighters "
                      "of the Ostrava Legion arrived in Tavel on Friday, residents said.")
    assert types.get("Ostrava Legion") is EntityType.UNIT
    names = {e.id: e.name for e in g.entities}
    assert ("Ostrava Legion fighters", "Tavel") in {(names[r.source], names[r.target]) for r in g.relations}



@pytest.mark.parametrize("text", [
    "Dozens of mercenaries from the Vostok PMCs reached the port on Monday. The presence of the Vostok PMCs "
    "in the port worries the council.",
    "The Vostok PMCs shelled the port on Monday, and the army struck the Vostok PMCs near the bridge.",
])
def test_armed_groups_name_before_its_kind_takes_the_kind_role(text):
    # "the Vostok PMCs": NER names "Vostok" alone, a compound of the kind; the kind's role counts
    doc = parse_text(text)
    mentions = [Mention(t.i, t.i + 1, t.text, EntityType.AGENCY, t.text, label="ORG") for t in doc if t.text == "Vostok"]
    retype_armed_groups(doc, mentions)
    assert [m.type for m in mentions] == [EntityType.UNIT, EntityType.UNIT]


def test_armed_groups_name_described_as_a_speaker_keeps_its_type():
    doc = parse_text("A Vostok official said on Monday that the talks would go on. Vostok spokesmen said so too.")
    mentions = [Mention(t.i, t.i + 1, t.text, EntityType.AGENCY, t.text, label="ORG") for t in doc if t.text == "Vostok"]
    retype_armed_groups(doc, mentions)
    assert {m.type for m in mentions} == {EntityType.AGENCY}


def test_entity_lexicon_lists_are_read_by_the_rules():
    from pathlib import Path

    import yaml

    loaders_dir = Path(__file__).resolve().parents[2] / "loaders"
    raw = yaml.safe_load((loaders_dir / "data" / "entity_lexicon.yaml").read_text(encoding="utf-8"))
    source = "".join(p.read_text(encoding="utf-8") for p in loaders_dir.glob("*.py"))
    assert [key for key in raw if f'entity_words("{key}")' not in source] == []


def test_entity_lexicon_missing_list_is_an_error():
    from loaders.entity_lexicon import entity_words

    with pytest.raises(KeyError):
        entity_words("no_such_list")


def test_armed_groups_company_that_launches_and_deploys_things_stays_an_agency():
    # launch, operate, deploy a system, take steps: what companies do too, none of it fighting
    _, types = _graph("Orvela Systems launched a new drone on Monday and operates two plants in the north. "
                      "Orvela Systems also deployed a new billing system and took steps to cut costs, the company said.")
    assert types.get("Orvela Systems") is EntityType.AGENCY


def test_armed_groups_group_deploying_its_gunmen_fights():
    doc = parse_text("The Vostok Legion deployed gunmen to the port on Monday. Later the Vostok Legion deployed "
                     "fighters to the bridge.")
    mentions = [Mention(t.i, t.i + 1, t.text, EntityType.AGENCY, t.text, label="ORG") for t in doc if t.text == "Legion"]
    retype_armed_groups(doc, mentions)
    assert [m.type for m in mentions] == [EntityType.UNIT, EntityType.UNIT]
