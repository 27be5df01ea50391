"""SIGNED when the parties 'reached' or 'concluded' the named agreement under another name: 'a new
cooperation modality', 'a framework', 'an arrangement'. Invented sentences only."""

from __future__ import annotations

import pytest

from tests.loaders.relation_helpers import signers as _signed

_BEFORE = "The Geneva agreement on monitoring was announced by the two governments last month. "


@pytest.mark.parametrize("text", [
    _BEFORE + "In March, Peru and Ecuador reached an inspection modality in Geneva.",
    _BEFORE + "Peru and Ecuador had concluded a technical framework in Geneva after three rounds of talks.",
    _BEFORE + "Even so, Peru and Ecuador on Tuesday reached an arrangement on the inspections.",
])
def test_relations_reaching_the_agreement_under_another_name_is_signing(text):
    assert {"Peru", "Ecuador"} <= _signed(text)


@pytest.mark.parametrize("text", [
    _BEFORE + "Peru and Ecuador could reach an inspection modality next year.",
    _BEFORE + "Peru and Ecuador did not reach a framework in Geneva.",
])
def test_relations_a_possible_or_negated_arrangement_is_no_signing(text):
    assert not _signed(text) & {"Peru", "Ecuador"}
