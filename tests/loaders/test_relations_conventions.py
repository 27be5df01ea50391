"""Relations under CONVENTIONS.md: any identified agreement is a Treaty; signing, ratifying or
concluding it is SIGNED, one relation per signer, agencies included."""

from __future__ import annotations

from loaders import extract_text


def _relations(text: str) -> set[tuple[str, str, str]]:
    g = extract_text(text)
    names = {e.id: e.name for e in g.entities}
    return {(names[r.source], r.type.value, names[r.target]) for r in g.relations}


def _treaties(text: str) -> set[str]:
    return {e.name for e in extract_text(text).entities if e.type.value == "Treaty"}


def test_relations_deal_protocol_declaration_are_treaties():
    assert _treaties("Peru and Chile signed a fisheries deal in Lima on Monday.")
    assert _treaties("Norway ratified the accession protocol on Tuesday.")
    assert _treaties("The two presidents issued a joint declaration after the talks.")
    assert not _treaties("Peru spent a great deal of money on the talks.")


def test_relations_reached_deal_is_signed_by_each_party():
    found = _relations("Peru and Chile reached a fisheries deal in Lima on Monday.")
    assert {("Peru", "SIGNED"), ("Chile", "SIGNED")} <= {(s, t) for s, t, _ in found}


def test_relations_agency_signs():
    found = _relations("The International Atomic Energy Agency and Peru signed a safeguards agreement on Friday.")
    assert any(s == "International Atomic Energy Agency" and t == "SIGNED" for s, t, _ in found), found


def test_relations_reach_without_treaty_still_moves_troops():
    found = _relations("North Korean troops have reached the front line in Kursk.")
    assert any(t == "DEPLOYED_TO" and o == "front line" for _, t, o in found), found


def test_relations_naval_contingent_is_a_unit_and_deploys():
    found = _relations("Britain sent two warships to the Red Sea on Sunday, the ministry said.")
    assert any(t == "DEPLOYED_TO" and o == "Red Sea" for _, t, o in found), found
