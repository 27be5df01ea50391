"""DEPLOYED_TO, round 4 (real-news classes): example lists of places ("such as", "including"),
coordinated destinations, movement nouns in the plural with their owner, units that take a
place, ground entries ("launched an incursion into X"), a state's territory, and a denial that is
not made. Invented sentences only."""

from __future__ import annotations

import pytest

from loaders import extract_text


def _pairs(text: str, published: str | None = "2024-11-20") -> set[tuple[str, str]]:
    g = extract_text(text, published=published)
    names = {e.id: e.name for e in g.entities}
    return {(names[r.source], names[r.target]) for r in g.relations if r.type.value == "DEPLOYED_TO"}


def test_relations_such_as_lists_each_example_place():
    rels = _pairs("The Ugandan soldiers arrived in Goma last week. The officials said the troops were currently "
                  "staying at military bases in Goma and other Congolese towns such as Bukavu, Uvira and Beni.")
    assert {("Ugandan troops", p) for p in ("Goma", "Bukavu", "Uvira", "Beni")} <= rels


def test_relations_including_lists_each_example_place():
    rels = _pairs("The ministry said that Turkish soldiers had been deployed in several Libyan cities, "
                  "including Benghazi and Misrata, since the spring.")
    assert {("Turkish troops", "Benghazi"), ("Turkish troops", "Misrata")} <= rels


@pytest.mark.parametrize("text", [
    "Officials said Chad had sent troops to Niger and Mali in the spring of last year.",
    "Chad has sent troops to Niger and to Mali, the ministry said on Tuesday.",
])
def test_relations_coordinated_destinations_are_each_a_target(text):
    assert {("Chadian troops", "Niger"), ("Chadian troops", "Mali")} <= _pairs(text)


def test_relations_such_as_outside_a_place_phrase_adds_nothing():
    rels = _pairs("Officials said Chad had sent troops to Mali last year for tasks such as Training and Logistics.")
    assert rels == {("Chadian troops", "Mali")}


@pytest.mark.parametrize("text", [
    "Chad still has not confirmed or denied its troop deployments to Libya, which began in March.",
    "Since March, Chad has not denied or confirmed its troop deployments to Libya.",
    "Chad has neither confirmed nor denied its troop deployments to Libya.",
    "Chad neither denied its military deployments to Libya nor commented on them.",
    "Chad has defended its troop deployments to Sudan, which began in March.",
])
def test_relations_plural_movement_noun_with_its_owner(text):
    state_troops, place = ("Chadian troops", "Libya") if "Libya" in text else ("Chadian troops", "Sudan")
    assert (state_troops, place) in _pairs(text)


def test_relations_denied_troop_deployments_are_no_deployment():
    assert _pairs("Chad denied its troop deployments to Sudan.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Serbia's top general said that Serbian troops had liberated the last Croatian-held village of Dubrava "
     "in the Banat region.", ("Serbian troops", "Dubrava")),
    ("Officials in Kyiv said on Monday that Ukrainian troops had recaptured the town of Kupiansk.",
     ("Ukrainian troops", "Kupiansk")),
    ("Iraqi soldiers took control of the city of Mosul in 2017, the report said.", ("Iraqi troops", "Mosul")),
])
def test_relations_unit_that_takes_a_place_is_there(text, expected):
    assert expected in _pairs(text)


@pytest.mark.parametrize("text", [
    "Ukraine said in a statement that it had retaken the town of Kupiansk.",  # a state, not a unit
    "The town of Kupiansk was recaptured by Ukrainian troops in September.",  # passive: no stated subject unit
    "Ukrainian troops could recapture the town of Kupiansk within weeks.",  # a possibility
    "Ukrainian troops failed to recapture the town of Kupiansk, which remained under Russian control.",
])
def test_relations_taking_a_place_needs_an_active_unit_and_a_fact(text):
    assert not any(t in {"Kupiansk", "Kursk region"} and s == "Ukrainian troops" or s == "Russian troops"
                   for s, t in _pairs(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Greek forces mounted a counteroffensive into Turkish territory last spring.",
     ("Greek troops", "Turkey")),
    ("Ethiopian troops launched an offensive into Eritrea in 1998, the report said.", ("Ethiopian troops", "Eritrea")),
    ("Ukrainian troops launched an incursion into the Kursk region in August.", ("Ukrainian troops", "Kursk region")),
])
def test_relations_ground_entry_into_place(text, expected):
    assert expected in _pairs(text)


def test_relations_an_attack_on_a_place_is_no_entry():
    assert _pairs("Russian troops launched a missile attack on the city of Odesa in March.") == set()


def test_relations_a_states_soil_is_the_state():
    assert ("Turkish troops", "Syria") in _pairs("The ministry said Turkish troops were operating on Syrian soil.")


def _signed(text: str) -> set[tuple[str, str]]:
    g = extract_text(text, published="2024-11-20")
    names = {e.id: e.name for e in g.entities}
    return {(names[r.source], names[r.target]) for r in g.relations if r.type.value == "SIGNED"}


@pytest.mark.parametrize("text", [
    "Chile has long claimed the strait as its own, but Argentina has held it for decades. "
    "The two countries signed the Beagle Accord in December, pledging to settle their dispute in court.",
    "Chile says the strait is its own. Argentina disagrees. Both countries signed the Beagle Accord in 2023.",
])
def test_signed_the_two_countries_are_the_two_states_just_named(text):
    assert _signed(text) == {("Chile", "Beagle Accord"), ("Argentina", "Beagle Accord")}


def test_signed_the_two_countries_is_not_guessed_among_three_states():
    text = "Sudan accused Chad of arming rebels, while Egypt called for calm. The two countries signed the Jeddah Declaration in May."
    assert _signed(text) == set()


@pytest.mark.parametrize("text", [
    "The council said Libya had backed the deployment of Chadian soldiers in Chad.",
    "Officials said the presence of Chadian troops in Chad was growing.",
])
def test_relations_a_force_in_its_own_country_is_no_deployment_in_any_rule(text):
    assert not any(s == "Chadian troops" and t == "Chad" for s, t in _pairs(text))


@pytest.mark.parametrize(("text", "unit", "place"), [
    ("Japanese troops held drills near Okinawa on Monday. A day later several coastguard patrol formations conducted "
     "patrols in the waters around Okinawa, and the officials said that it was part of a plan.",
     "several coastguard patrol formations", "waters around Okinawa"),
    ("Chinese troops held drills near Taiwan on Monday. Police patrol boats were deployed to the waters around "
     "Kinmen, officials said on Tuesday.", "Police patrol boats", "waters around Kinmen"),
    ("Indian troops were moved to the border in May. Later, two coast guard vessels were sent to Sri Lanka, "
     "the ministry said.", "two coast guard vessels", "Sri Lanka"),
])
def test_relations_a_naval_or_police_force_without_a_state_is_its_own_unit(text, unit, place):
    rels = _pairs(text)
    assert (unit, place) in rels, rels
    assert not any(t == place and s.endswith(" troops") for s, t in rels)


def test_relations_a_state_named_naval_force_stays_the_states_unit():
    assert ("Egyptian troops", "Red Sea") in _pairs("Egypt sent two naval vessels to the Red Sea, officials said.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Hundreds of Rwandan peacekeepers arrived in Bangui in May, the UN said.", ("Rwandan troops", "Bangui")),
    ("Officials said that Egyptian commandos had landed in Mogadishu.", ("Egyptian troops", "Mogadishu")),
    ("Jordanian policemen were deployed to Gaza in 2024, the ministry said.", ("Jordanian police", "Gaza")),
])
def test_relations_police_peacekeepers_and_landings(text, expected):
    assert expected in _pairs(text)


@pytest.mark.parametrize("text", [
    "The plane landed in Nairobi, and the passengers were taken to hospital.",
    "Kenyan police said the suspects had arrived in Mombasa.",
])
def test_relations_landings_and_arrivals_of_non_units_are_no_deployment(text):
    assert _pairs(text) == set()


@pytest.mark.parametrize("text", [
    "Officials said 2,000 Belarusian troops have arrived in Kursk, where Ukraine has held a swath of Russian "
    "territory since August. The Kursk region borders Ukraine.",
    "Officials said 2,000 Belarusian troops have arrived in Kursk, which Ukrainian forces entered in August. "
    "The Kursk region borders Ukraine.",
])
def test_relations_a_place_in_a_clause_below_the_target_is_not_the_target(text):
    rels = _pairs(text)
    assert ("Belarusian troops", "Kursk region") in rels and ("Belarusian troops", "Russia") not in rels, rels


@pytest.mark.parametrize("text", [
    "We have not seen them cross into Ukrainian territory, the spokesman said of the Belarusian troops.",
    "Officials said they had not seen Belarusian troops enter Ukraine.",
])
def test_relations_not_seen_going_somewhere_is_no_deployment(text):
    assert not any(t == "Ukraine" for _, t in _pairs(text))
