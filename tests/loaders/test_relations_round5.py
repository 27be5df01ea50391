"""DEPLOYED_TO, round 5 (other conflicts): units driven out of a place and the units sent to do
it, fighters named by their armed group, a unit named by the end of its full name ("federal
forces"), new contingents ("additional frigates") and purpose clauses that name where the
supported force is ("to reinforce the flotilla in X"). Invented sentences only."""

from __future__ import annotations

import pytest

from loaders import extract_text

# A sentence with enough function words for the language check, naming no unit or place.
_TAIL = " It was not clear what the other side would do next."


def _pairs(text: str) -> set[tuple[str, str]]:
    g = extract_text(text + _TAIL, published="2024-11-20")
    names = {e.id: e.name for e in g.entities}
    return {(names[r.source], names[r.target]) for r in g.relations if r.type.value == "DEPLOYED_TO"}


@pytest.mark.parametrize(("text", "place"), [
    ("On Sunday the Burmese navy said it had sent patrol boats so as to drive three Thai Coast Guard cutters "
     "out of Myanmar's territorial waters.", "Myanmar's territorial waters"),
    ("YANGON (Reuters) - Myanmar's navy had sent patrol boats on Sunday to chase two Thai Coast Guard "
     "cutters out of the waters off Myanmar, officials said.", "waters off Myanmar"),
])
def test_relations_a_unit_sent_to_expel_another_puts_both_there(text, place):
    rels = _pairs(text)
    assert ("patrol boats", place) in rels
    assert any(s.endswith("Thai Coast Guard cutters") and t == place for s, t in rels)


def test_relations_an_expelled_unit_was_where_it_was_driven_from():
    rels = _pairs("The Philippine coast guard said its vessels drove four Chinese maritime militia boats "
                  "from the waters around Scarborough Shoal on Monday.")
    assert ("Chinese troops", "waters around Scarborough Shoal") in rels


@pytest.mark.parametrize("text", [
    "The Burmese navy could deploy patrol boats to expel Thai Coast Guard cutters from Myanmar's territorial waters.",
    "The Burmese navy did not deploy patrol boats to expel the Thai Coast Guard cutters from Myanmar's waters.",
    "Fishermen said the navy expelled three trawlers from Myanmar's territorial waters on Monday.",  # no unit
])
def test_relations_expulsion_needs_a_fact_and_a_unit(text):
    assert _pairs(text) == set()


def test_relations_expelled_pronoun_is_not_resolved_to_an_earlier_unit():
    rels = _pairs("The Thai Coast Guard cutters left in May. The navy said its patrol boats expelled them "
                  "from Myanmar's territorial waters.")
    assert rels == {("patrol boats", "Myanmar's territorial waters")}


@pytest.mark.parametrize("text", [
    "The report said militias were active in the Ituri province, where government forces have fought rebels "
    "since 2019. Congolese government forces declined to comment.",
    "Congolese government forces declined to comment on Monday. The report said militias were active in "
    "Ituri province, where government forces had fought rebels for years.",
])
def test_relations_a_unit_named_by_the_end_of_its_full_name(text):
    assert any(s == "Congolese troops" and t.startswith("Ituri") for s, t in _pairs(text))


def test_relations_a_short_unit_name_without_its_full_name_names_nothing():
    assert _pairs("The report said militias were active in the Ituri province, where government forces "
                  "have fought rebels since 2019.") == set()


@pytest.mark.parametrize(("text", "unit", "place"), [
    ("Officials said that in March the Italian defence ministry approved a deployment of additional frigates, "
     "to reinforce the allied flotilla in the Adriatic Sea.", "additional frigates", "Adriatic Sea"),
    ("The deployment of extra frigates to support the coalition fleet in the Persian Gulf began on Tuesday, "
     "the navy said.", "extra frigates", "Persian Gulf"),
    ("The navy sent two extra frigates to bolster the task force in the Red Sea on Friday.",
     "two extra frigates", "Red Sea"),
])
def test_relations_new_contingent_sent_to_reinforce_a_force_somewhere(text, unit, place):
    assert (unit, place) in _pairs(text)


def test_relations_a_new_contingent_is_not_the_unit_named_before():
    rels = _pairs("The USS Nimitz reached the Gulf in May. Last month, the French minister approved the dispatch "
                  "of additional fighter jets to strengthen the navy's air wing in the eastern Mediterranean.")
    assert ("additional fighter jets", "Mediterranean") in rels
    assert ("USS Nimitz", "Mediterranean") not in rels


def test_relations_a_planned_reinforcement_is_no_deployment():
    assert _pairs("The ministry said it could order the deployment of additional frigates to reinforce the "
                  "flotilla in the Adriatic Sea.") == set()


@pytest.mark.parametrize(("text", "place"), [
    ("According to local officials, about 400 fighters of the Wagner Group arrived in the Libyan city of "
     "Sirte on 3 January.", "Sirte"),
    ("Dozens of fighters from the Wagner Group were spotted near Bangui last week, a UN report said.", "Bangui"),
])
def test_relations_fighters_of_an_armed_group_are_a_unit_of_their_own(text, place):
    assert ("Wagner Group fighters", place) in _pairs(text)


@pytest.mark.parametrize("text", [
    "Wagner Group fighters could be sent to the Libyan city of Sirte, the officials said.",
    "No Wagner Group fighters were seen near Bangui, the UN report said.",
])
def test_relations_armed_group_fighters_need_a_fact(text):
    assert _pairs(text) == set()


@pytest.mark.parametrize("text", [
    "Iraqi troops took part in the battle for Mosul in 2017, the report said.",
    "Hundreds of Iraqi soldiers participated in the fighting around Mosul in May.",
    "Officials praised the bravery of Iraqi soldiers in the fighting for Mosul, saying that they had helped.",
    "On Monday the general praised Iraqi troops in the battle for Mosul.",
])
def test_relations_a_unit_with_a_part_in_the_fighting_for_a_place_fought_there(text):
    assert ("Iraqi troops", "Mosul") in _pairs(text)


@pytest.mark.parametrize("text", [
    "Iraqi soldiers could take part in the battle for Mosul, officials said.",  # a possibility
    "No Iraqi soldiers took part in the battle for Mosul.",  # denied
    "Ten Iraqi soldiers were killed in the fighting for Mosul, officials said.",  # losses, not a deployment
])
def test_relations_fighting_for_a_place_needs_a_fact_and_a_part(text):
    assert ("Iraqi troops", "Mosul") not in _pairs(text)


@pytest.mark.parametrize("text", [
    "Any deployment of Eritrean troops to Sudan would be illegal, the ministry said.",
    "On Friday Asmara warned that any alleged sending of Eritrean troops to Sudan, if true, would align with the law.",
    "The ministry said there had been no deployment of Eritrean troops to Sudan.",
])
def test_relations_any_or_no_movement_states_none(text):
    assert _pairs(text) == set()


def test_relations_a_confirmed_movement_noun_still_counts():
    assert ("Eritrean troops", "Sudan") in _pairs("The ministry confirmed the deployment of Eritrean troops to Sudan on Friday.")
