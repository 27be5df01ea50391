"""DEPLOYED_TO and SIGNED, presence round: units placed by a raised or 'where' activity clause,
signers named by a nominal act or a pronoun object, and the hypotheticals that state none.
Invented sentences only."""

from loaders import extract_text


def _rels(text: str, type_: str) -> set[tuple[str, str]]:
    g = extract_text(text, published="2024-11-20")
    names = {e.id: e.name for e in g.entities}
    return {(names[r.source], names[r.target]) for r in g.relations if r.type.value == type_}


def _deployed(text: str) -> set[tuple[str, str]]:
    return _rels(text, "DEPLOYED_TO")


def _signed(text: str) -> set[tuple[str, str]]:
    return _rels(text, "SIGNED")


def test_presence_seen_fighting_places_the_seen_unit():
    assert ("Kenyan troops", "Haiti") in _deployed("Officials said on Monday that Kenyan soldiers had been seen battling "
                                                   "gangs in Haiti.")


def test_presence_estimated_to_have_fought_is_a_fact():
    rels = _deployed("About 2,000 Chadian troops are estimated to have fought in Darfur last year, officials said.")
    assert ("Chadian troops", "Darfur") in rels


def test_presence_where_clause_of_fighting_targets_the_place():
    rels = _deployed("Clashes erupted in Darfur, where Chadian forces have fought rebels for years.")
    assert ("Chadian troops", "Darfur") in rels


def test_presence_expected_or_asked_to_fight_is_not_a_deployment():
    assert not _deployed("Rwandan troops are expected to fight in Goma, officials said.")
    assert not _deployed("Kenya asked Rwandan troops to fight in Haiti, the ministry said.")


def test_signed_pronoun_object_takes_the_treaty_named_before():
    rels = _signed("The two leaders signed the Lome Accord in July. The Ghanaian president signed it as a witness.")
    assert any(t == "Lome Accord" and s != "Lome Accord" for s, t in rels)


def test_signed_pronoun_object_without_a_treaty_before_signs_nothing():
    assert not _signed("The Ghanaian president said the bill was ready. He signed it on Monday.")


def test_signed_possessive_signature_of_a_treaty():
    rels = _signed("The ministry welcomed President Ruto's signature of the Nairobi Accord on Tuesday.")
    assert ("Ruto", "Nairobi Accord") in rels


def test_signed_possessive_ratification_of_a_treaty():
    rels = _signed("Officials said Kenya's ratification of the Nairobi Accord was completed in May.")
    assert ("Kenya", "Nairobi Accord") in rels


def test_signed_expected_ratification_is_a_prospect():
    assert not _signed("Officials said Kenya's expected ratification of the Nairobi Accord could come in May.")
    assert not _signed("Kenya's ratification of the Nairobi Accord could be delayed, officials said.")


def test_naval_warships_sent_to_a_sea_area():
    assert ("Egyptian troops", "Red Sea") in _deployed("Egypt sent two warships to the Red Sea, officials said.")


def test_naval_territorial_waters_are_a_place_of_their_own():
    rels = _deployed("Britain sent a warship to Guyana's territorial waters, officials said.")
    assert ("British troops", "Guyana's territorial waters") in rels
    assert ("British troops", "Guyana") not in rels


def test_naval_patrols_carried_out_in_a_sea():
    rels = _deployed("Indian navy ships carried out patrols in the Arabian Sea on Tuesday, the navy said.")
    assert ("Indian troops", "Arabian Sea") in rels


def test_naval_patrolled_object_is_the_area():
    rels = _deployed("Indian coast guard vessels patrolled the waters around the Andaman Islands, the ministry said.")
    assert ("Indian troops", "waters around the Andaman Islands") in rels
    assert ("Indian troops", "Arabian Sea") in _deployed("Indian navy ships patrolled the Arabian Sea on Tuesday.")


def test_naval_civilian_ships_and_planned_operations_are_not_deployments():
    assert not _deployed("Chinese cargo ships were sent to the Red Sea, officials said.")
    assert not _deployed("Houthi fighters attacked cargo ships in the Red Sea, the army said.")
    assert not _deployed("French navy ships will conduct operations off Senegal next month.")


def test_presence_adjective_places_the_unit():
    assert ("Sudanese troops", "Abyei") in _deployed("Sudanese troops are present in Abyei, the army said.")
    assert ("Sudanese troops", "Abyei") in _deployed("Sudanese troops are active near Abyei, the army said.")


def test_presence_adjective_negated_or_modal_is_not_a_deployment():
    assert not _deployed("Sudanese troops are not present in Abyei, the army said.")
    assert not _deployed("Sudanese troops could be present in Abyei, the army said.")


def test_denied_sending_troops_is_not_a_deployment():
    assert ("Kenyan troops", "Somalia") in _deployed("Kenya sent troops to Somalia, the ministry said.")
    assert not _deployed("Kenya denied sending troops to Somalia, the ministry said.")


def test_questions_are_not_deployments():
    assert not _deployed("Did Kenya send troops to Somalia last year?")
    assert not _deployed("Are Chadian troops in Darfur?")
