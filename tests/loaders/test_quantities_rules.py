"""Quantity claims on invented news sentences: value, measure, claimant; figures never merged."""

from loaders import extract_text
from loaders.quantities import parse_value, quantity_id


def _claims(text: str):
    g = extract_text(text)
    names = {e.id: e.name for e in g.entities}
    return [(q.value, q.measure, names.get(q.claimed_by)) for q in g.quantities], g


def test_quantities_parse_value_lower_bounds_and_words():
    assert parse_value("more than 3,000") == 3000
    assert parse_value("a couple thousand") == 2000
    assert parse_value("some 12,000") == 12000
    assert parse_value("1.5 million") == 1_500_000


def test_quantities_killed_and_wounded_are_separate_claims():
    rows, _ = _claims("At least 40 Ethiopian soldiers were killed and around 200 wounded, according to Reuters.")
    assert (40, "killed", "Reuters") in rows
    assert any(v == 200 for v, _, _ in rows)


def test_quantities_conflicting_figures_stay_separate():
    text = ("The Ugandan army said 500 Ugandan troops had been sent to Congo. "
            "Congolese officials said that 2,000 Ugandan soldiers were sent.")
    rows, _ = _claims(text)
    values = sorted(v for v, m, _ in rows if m == "sent")
    assert values == [500, 2000]


def test_quantities_unattributed_claim_has_no_claimant():
    rows, _ = _claims("Nearly 3,000 Chadian soldiers were deployed to Mali last year.")
    assert rows == [(3000, "sent", None)]


def test_quantities_unit_and_ids_are_stable():
    _, g = _claims("Rwanda sent 1,000 Rwandan troops to Mozambique.")
    q = g.quantities[0]
    names = {e.id: e.name for e in g.entities}
    assert names[q.unit] == "Rwandan troops" and q.text == "1,000"
    assert q.id == quantity_id(g.article.id, 1000, g.article.text.index("1,000"), None)


def test_quantities_years_and_days_are_not_figures():
    rows, _ = _claims("Troops arrived between October 8 and 13, 2023, the Nigerian army said.")
    assert rows == []
