"""DEPLOYED_TO and SIGNED, round 2: named places behind fronts and 'where' clauses, bare place
names, massing and possession, casualty and combat sentences. Invented sentences only."""

from loaders import extract_text


def _relations(text: str, published: str | None = "2024-11-20"):
    g = extract_text(text, published=published)
    names = {e.id: e.name for e in g.entities}
    return {(names[r.source], r.type.value, names[r.target]) for r in g.relations}


def _deployed(rels):
    return {(s, t) for s, kind, t in rels if kind == "DEPLOYED_TO"}


def test_relations_front_line_in_named_place_targets_the_place():
    rels = _deployed(_relations("Belarusian troops were moved to the Gomel region in May. "
                                "Some 2,000 of them have been sent to the front lines in Gomel, officials said."))
    assert any(s == "Belarusian troops" and t.startswith("Gomel") for s, t in rels)
    assert not any(t == "front line" for _, t in rels)


def test_relations_bare_place_name_reuses_the_region_entity():
    rels = _deployed(_relations("Turkish troops were first deployed to the Idlib region. "
                                "Around 3,000 Turkish soldiers have now arrived in Idlib, the ministry said."))
    assert len({t for s, t in rels if s == "Turkish troops"}) == 1


def test_relations_where_clause_names_the_target():
    rels = _deployed(_relations("The Belarusian soldiers were wounded mainly in the Donetsk region, "
                                "where they were deployed to help Russia hold the line."))
    assert any(t.startswith("Donetsk") for _, t in rels)
    assert not any(t == "Russia" for _, t in rels)


def test_relations_massing_and_concentrated_are_presence():
    rels = _deployed(_relations("Egyptian troops massing in Sinai as talks stall. "
                                "Those soldiers are now concentrated in the Arish region."))
    assert ("Egyptian troops", "Sinai") in rels
    assert any(t.startswith("Arish") for _, t in rels)


def test_relations_participle_after_be_is_a_deployment():
    rels = _deployed(_relations("Officials said Kenyan units were already positioned in Mogadishu."))
    assert ("Kenyan troops", "Mogadishu") in rels


def test_relations_state_has_troops_in_place():
    rels = _deployed(_relations("France has about 1,500 troops in Chad, according to the ministry."))
    assert ("French troops", "Chad") in rels


def test_relations_definite_move_noun_takes_the_unit_under_discussion():
    rels = _deployed(_relations("Around 900 Rwandan soldiers crossed the border last month. "
                                "An analyst said the move into Goma was a calculated escalation."))
    assert ("Rwandan troops", "Goma") in rels


def test_relations_combat_and_casualty_places_are_not_deployments():
    rels = _deployed(_relations(
        "Sudanese fighters have been captured by Chadian forces in Darfur, the army said. "
        "At least 40 Eritrean soldiers have been killed since they entered combat in Tigray. "
        "Ethiopia began sending troops to fight for Somalia."))
    assert not rels


def test_relations_any_forces_sent_is_not_a_deployment():
    rels = _deployed(_relations("The council called on Rwanda to withdraw any forces it had sent to Congo."))
    assert not rels


def test_relations_fresh_troops_are_reinforcements():
    rels = _deployed(_relations("Ankara is thought to have rotated at least 800 fresh troops into Syria in March."))
    assert ("Turkish reinforcements", "Syria") in rels


def test_relations_relative_pronoun_object_of_signed():
    rels = _relations("Scholars compared the clause to the 1978 Treaty of Amity and Cooperation, "
                      "which Vietnam signed with the Soviet Union and which lapsed later.")
    signers = {s for s, kind, _ in rels if kind == "SIGNED"}
    assert {"Vietnam", "Soviet Union"} <= signers
