"""An outlet named beside a description of it (nationality, 'news agency', 'newspaper', 'daily',
'broadcaster', before or after the name, or in apposition) is one outlet, and the reporting verb
governing either word has that outlet as its speaker. Invented sentences."""

import pytest

from loaders import extract_text
from schema.vocabulary import EntityType


def _agencies(text: str):
    return [e for e in extract_text(text).entities if e.type is EntityType.AGENCY]


@pytest.mark.parametrize("text, outlet", [
    ("The Chilean EMOL agency writes that the ferry sank near the coast late on Monday.", "EMOL"),
    ("On Friday the Hungarian MTI news agency reported that the border crossing had reopened.", "MTI"),
    ("The Greek ANA news agency had said on Monday that the strike was over.", "ANA"),
    ("The Czech news agency CTK said the minister would resign, citing two aides.", "CTK"),
    ("The Irish broadcaster RTE reported late on Sunday that the vote was postponed.", "RTE"),
    ("The Peruvian daily El Comercio said in its Tuesday edition that the talks had stalled.", "El Comercio"),
    ("The Swiss newspaper Le Temps reports that the bank will close two branches.", "Le Temps"),
    ("MTI, the Hungarian news agency, said the border crossing had reopened.", "MTI"),
    ("BTA, a Bulgarian news agency, quoted the mayor as saying the river had burst its banks.", "BTA"),
    ("The border crossing reopened on Thursday, the Slovak TASR news agency reported.", "TASR"),
    ("The border crossing, the news agency Agerpres reported, reopened at dawn.", "Agerpres"),
])
def test_entities_described_outlet_is_one_agency(text, outlet):
    agencies = _agencies(text)
    assert [a.name for a in agencies] == [outlet]


@pytest.mark.parametrize("text, outlet", [
    ("The Hungarian MTI news agency reported on Friday that the border crossing had reopened.", "MTI"),
    ("The Slovak news agency TASR says the border crossing reopened overnight.", "TASR"),
    ("The news agency Agerpres reported that the border crossing had reopened.", "Agerpres"),
])
def test_entities_described_outlet_speaks(text, outlet):
    graph = extract_text(text)
    names = {e.id: e.name for e in graph.entities}
    assert [names[s.speaker] for s in graph.statements] == [outlet]


def test_entities_agency_without_a_name_stays_generic():
    agencies = _agencies("A Hungarian news agency said on Friday that the border crossing had reopened.")
    assert len(agencies) == 1 and "MTI" not in agencies[0].name and "agency" in agencies[0].name


def test_entities_name_after_an_ordinary_noun_is_not_an_outlet():
    # Only outlet nouns name an outlet: a title-case word after another noun is not one.
    graph = extract_text("The minister met the ferry captain Horvath in the port on Friday, aides said.")
    assert not any(e.type is EntityType.AGENCY and "Horvath" in e.name for e in graph.entities)
