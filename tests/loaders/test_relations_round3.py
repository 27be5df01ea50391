"""DEPLOYED_TO, round 3: presence stated by what a unit does or by being seen somewhere,
headline arrivals, purpose infinitives, "the country" taken back to a state, coordinated places,
and the negations and conditions that state no presence. Invented sentences only."""

from loaders import extract_text


def _deployed(text: str, published: str | None = "2024-11-20") -> list[tuple[str, str, str]]:
    g = extract_text(text, published=published)
    names = {e.id: e.name for e in g.entities}
    return [(names[r.source], names[r.target], r.sentence) for r in g.relations if r.type.value == "DEPLOYED_TO"]


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(s, t) for s, t, _ in _deployed(text)}


def test_relations_headline_reach_is_an_arrival():
    rels = _pairs("Turkish troops reach Syria's Idlib region, officials say.")
    assert any(s == "Turkish troops" and t.startswith("Idlib") for s, t in rels)


def test_relations_fighting_near_place_is_presence():
    assert ("Kenyan troops", "Mogadishu") in _pairs("Kenyan troops are fighting near Mogadishu, the army said.")


def test_relations_spotted_near_place_is_presence():
    rels = _pairs("A drone pilot said Rwandan soldiers had been spotted near the Congolese town of Goma last week.")
    assert ("Rwandan troops", "Goma") in rels


def test_relations_trained_at_ranges_near_place():
    rels = _pairs("Belarusian troops were sent to Russia in May. "
                  "Officials said the soldiers had been trained at ranges near Smolensk before being moved west.")
    assert ("Belarusian troops", "Smolensk") in rels


def test_relations_sent_to_train_in_place_targets_the_place():
    rels = _pairs("The ministry said roughly 2,000 Egyptian troops had been sent to train in Benghazi.")
    assert ("Egyptian troops", "Benghazi") in rels


def test_relations_the_country_refers_back_to_the_destination_state():
    # The first sentence hedges it: the article keeps the one that vouches for it (one_per_pair).
    rels = _deployed("Turkish troops were reportedly first sent to Libya in 2020. "
                     "Officials say about 3,000 are in the country, and more are expected.")
    assert any(s == "Turkish troops" and t == "Libya" and "in the country" in sent for s, t, sent in rels)


def test_relations_evidence_of_troops_in_place_is_presence():
    rels = _pairs("The minister said Washington had seen evidence of Iranian soldiers in Syria.")
    assert ("Iranian troops", "Syria") in rels


def test_relations_coordinated_places_are_all_targets():
    rels = _pairs("Kenyan soldiers were spotted near the towns of Kismayo, Baidoa and Afgooye on Sunday.")
    assert {t for s, t in rels if s == "Kenyan troops"} >= {"Kismayo", "Baidoa"}


def test_relations_taken_to_place_is_a_move():
    rels = _pairs("Egyptian troops arrived in Libya in March. "
                  "Most of the soldiers were first taken to training camps in Benghazi, officials said.")
    assert ("Egyptian troops", "Benghazi") in rels


def test_relations_no_signs_of_troops_is_no_presence():
    assert not _pairs("The general said there were no signs of Iranian troops inside Iraq itself.")


def test_relations_presence_asked_about_in_a_condition_is_no_fact():
    assert not _pairs("If anyone asks why Cuban soldiers are in Angola, Havana will say it is honouring a pact.")


def test_relations_casualties_near_place_are_not_deployments():
    assert not _pairs("At least 20 Eritrean soldiers were killed or wounded in fighting near the town of Axum.")


def test_relations_fighting_inside_a_condition_is_no_fact():
    rels = _pairs("Cuban troops were sent to Angola. Officials said that if they decide to join "
                  "the Angolan forces who are fighting in Namibia, they will be legitimate targets.")
    assert not any(t == "Namibia" for _, t in rels)
