"""Resolution with the actor dictionary: titles and lone surnames at the article's date, treaty
descriptions, canonical names, Wikidata ids and the rule behind every alias. Invented sentences."""

from loaders.actors import load_actors
from loaders.entities import extract_mentions
from loaders.nlp import load_nlp
from loaders.resolve import resolve_mentions
from schema.vocabulary import EntityType


def _entities(text: str, published: str | None = None):
    doc = load_nlp()(text)
    table = resolve_mentions(doc, extract_mentions(doc, []), published=published)
    return {e.name: e for e in table.records()}


def test_resolve_title_names_office_holder_at_date():
    text = "The Pentagon chief told reporters in Brussels that more air defence was on its way."
    assert "Lloyd Austin" in _entities(text, "2023-06-01")
    later = _entities(text, "2025-03-01")
    assert "Pete Hegseth" in later and "Lloyd Austin" not in later
    assert dict(later["Pete Hegseth"].alias_rules)["Pentagon chief"] == "title"


def test_resolve_title_without_date_stays_unresolved():
    assert "Lloyd Austin" not in _entities("The Pentagon chief flew to Manila on Sunday.")


def test_resolve_qualified_title_and_name_beside_it():
    ents = _entities("Britain's defence secretary said the ships would sail in May.", "2024-09-10")
    assert "John Healey" in ents
    named = _entities("Foreign Minister Ana Ruiz of Spain said talks would resume.", "2024-09-10")
    assert "Ana Ruiz" in named  # an unlisted person is still found


def test_resolve_lone_surname_needs_active_role_and_state():
    text = "Austin said the United States would keep supplying shells to its partners."
    ents = _entities(text, "2022-05-01")
    assert ents["Lloyd Austin"].type is EntityType.PERSON
    assert dict(ents["Lloyd Austin"].alias_rules)["Austin"] == "partial-name"
    assert "Lloyd Austin" not in _entities(text, "2019-05-01")  # not in office then


def test_resolve_spelling_variants_share_canonical_name_and_wikidata():
    ents = _entities("Volodymyr Zelenskiy met Kim Jong-un's critics. Zelensky later spoke to Vladimir Putin.")
    zel = ents["Volodymyr Zelensky"]
    assert {"Volodymyr Zelenskiy", "Zelensky"} <= set(zel.aliases)
    assert ents["Vladimir Putin"].wikidata == "Q7747"


def test_resolve_description_of_agency_joins_dictionary_name():
    ents = _entities("South Korea's spy agency said the NIS had briefed lawmakers in Seoul.")
    nis = ents["National Intelligence Service"]
    assert nis.type is EntityType.AGENCY
    assert dict(nis.alias_rules)["NIS"] in {"dictionary", "acronym"}


def test_resolve_treaty_description_needs_parties_in_article():
    text = "Russia and North Korea invoked their mutual defence pact when the drills began."
    ents = _entities(text, "2024-11-01")
    assert ents["Treaty on Comprehensive Strategic Partnership"].type is EntityType.TREATY
    other = _entities("Peru and Chile invoked their mutual defence pact when the drills began.", "2024-11-01")
    assert "Treaty on Comprehensive Strategic Partnership" not in other


def test_resolve_dictionary_ids_are_well_formed():
    for actor in load_actors().actors:
        assert actor.wikidata is None or (actor.wikidata[0] == "Q" and actor.wikidata[1:].isdigit())
        for role in actor.roles:
            assert role.start is None or role.end is None or role.start <= role.end, actor.name
