"""'they' in what a group or official says ("the rebels announced that they had seized X") is the
speaker, not the unit named before: it must not hand the place to an earlier unit.
Invented sentences only."""

from __future__ import annotations

import pytest

from loaders import extract_text

_TAIL = " It was not clear what the other side would do next."


def _pairs(text: str) -> set[tuple[str, str]]:
    g = extract_text(text + _TAIL, published="2024-11-20")
    names = {e.id: e.name for e in g.entities}
    return {(names[r.source], names[r.target]) for r in g.relations if r.type.value == "DEPLOYED_TO"}


_BEFORE = "Bolivian troops were sent to Cochabamba last week. "


@pytest.mark.parametrize("text", [
    _BEFORE + "The National Liberation Front announced on Tuesday that they had seized Tarija.",
    _BEFORE + "On Tuesday, the National Liberation Front claimed they had taken control of Tarija province.",
    _BEFORE + "The National Liberation Front, a rebel coalition, said that they have captured Tarija.",
    "LA PAZ - " + _BEFORE + "The National Liberation Front says they will soon occupy Tarija.",
])
def test_relations_they_under_a_named_speaker_is_not_the_earlier_unit(text):
    rels = _pairs(text)
    assert not any(t.startswith("Tarija") and s == "Bolivian troops" for s, t in rels)


def test_relations_they_without_a_named_speaker_still_takes_up_the_unit():
    rels = _pairs(_BEFORE + "They later captured Tarija, local media reported.")
    assert ("Bolivian troops", "Tarija") in rels
