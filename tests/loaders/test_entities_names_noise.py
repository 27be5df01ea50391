"""Round 2 of entity extraction: cut-off names, furniture, titles, think tanks, owner-qualified
bodies. Invented sentences."""

from loaders import extract_text
from schema.vocabulary import EntityType


def _ents(text: str, **meta):
    return {e.name: e for e in extract_text(text, **meta).entities}


def _forms(text: str, **meta) -> dict[str, EntityType]:
    """Every name and alias of every entity -> its type."""
    out = {}
    for e in extract_text(text, **meta).entities:
        for form in (e.name, *e.aliases):
            out[form] = e.type
    return out


def test_entities_korean_name_grows_over_hyphen_piece():
    ents = _ents("Rep. Park Min-gyu told reporters on Tuesday that the vote had been delayed.")
    assert "Park Min-gyu" in ents and ents["Park Min-gyu"].type is EntityType.PERSON
    assert "Park Min" not in ents


def test_entities_dictionary_name_grows_over_last_name():
    ents = _ents("President Yoon Suk Yeol met the envoy in Seoul on Friday.", published="2024-03-02")
    assert "Yoon Suk Yeol" in ents and "Yoon Suk" not in ents


def test_entities_furniture_and_ranks_are_not_entities():
    text = ("Updated 14:05 GMT\n\nQUESTION: Will the army respond to this and to the other attacks?\n\n"
            "The Pentagon said that it would, and press secretary Maj. Gen. Anna Brill told reporters that it "
            "was on the way.\n\nEND")
    forms = _forms(text)
    for noise in ("GMT", "QUESTION", "Maj", "END"):
        assert noise not in forms
    assert forms.get("Anna Brill") is EntityType.PERSON


def test_entities_titles_are_not_people_or_agencies():
    text = ("Lena Fox, Department Spokesperson, opened the Department Press Briefing at noon. "
            "Deputy Pentagon Press Secretary Omar Haddad said that the Kremlin Spokesman had not called him "
            "and that he was not in a position to say more about it.")
    forms = _forms(text)
    for title in ("Department Spokesperson", "Department Press Briefing", "Pentagon Press", "Kremlin Spokesman"):
        assert title not in forms
    assert forms.get("Omar Haddad") is EntityType.PERSON


def test_entities_honorific_makes_a_person():
    forms = _forms("The plan will fail, said Dr Marta Quill, a fellow at the Eastern Policy Institute.")
    assert forms.get("Marta Quill") is EntityType.PERSON
    assert not any("Institute" in f for f in forms)  # think tanks are not agencies


def test_entities_center_for_is_a_think_tank_unless_known():
    forms = _forms("Analysts at the Center for Maritime Futures disputed the claim, Kyiv's Center for "
                   "Countering Disinformation said.")
    assert not any("Maritime" in f for f in forms)
    assert forms.get("Center for Countering Disinformation") is EntityType.AGENCY


def test_entities_places_joined_by_and_are_two_places():
    forms = _forms("Russian troops were fighting near the villages of Nikolske, Sverdlikovo and Lebedevka "
                   "over the weekend, it said.")
    assert all(forms.get(v) is EntityType.PLACE for v in ("Nikolske", "Sverdlikovo", "Lebedevka"))


def test_entities_oblast_named_organisation_is_a_place():
    ents = _ents("Drones struck a depot in the Belgorod Oblast overnight, Russia said.")
    assert ents["Belgorod region"].type is EntityType.PLACE


def test_entities_grouping_is_an_agency_and_named_treaty_is_a_treaty():
    forms = _forms("Leaders of BRICS met in Kazan. The Black Sea Security Treaty was signed in Sofia.")
    assert forms.get("BRICS") is EntityType.AGENCY
    assert forms.get("Black Sea Security Treaty") is EntityType.TREATY


def test_entities_lower_case_owner_qualified_bodies():
    text = ("Seoul's defense ministry said on Monday the drills were over. Russia's foreign ministry "
            "protested, and Ukraine's air force said it shot down nine drones.")
    ents = _ents(text)
    defence = ents["South Korean Ministry of National Defense"]
    assert defence.type is EntityType.AGENCY and "Seoul's defense ministry" in defence.aliases
    assert "Russia's foreign ministry" in ents["Russian Foreign Ministry"].aliases
    assert ents["Ukrainian Air Force"].type is EntityType.AGENCY


def test_entities_bare_ministry_belongs_to_the_state_named_before_it():
    ents = _ents("Asked about the losses, the Kremlin referred questions to the defence ministry.")
    assert "Russian Ministry of Defence" in ents


def test_entities_named_body_inside_a_description():
    ents = _ents("North Korea's KCNA state news agency did not mention the visit.")
    kcna = ents["Korean Central News Agency"]
    assert "North Korea's KCNA state news agency" in kcna.aliases


def test_entities_presidential_office_keeps_the_president():
    ents = _ents("President Yoon Suk Yeol's office said the government would decide next week.",
                 published="2024-10-25")
    assert ents["South Korean presidential office"].type is EntityType.AGENCY
    assert ents["Yoon Suk Yeol"].type is EntityType.PERSON


def test_entities_committee_of_a_named_body():
    ents = _ents("The spy agency briefed the National Assembly's Intelligence Committee on Wednesday.")
    assert "National Assembly Intelligence Committee" in ents


def test_entities_credit_line_is_not_entities_and_the_dateline_tag_is_the_source():
    text = ("HELSINKI (Reuters) - Finland closed two more of its crossings on Friday, and it said that "
            "the move was in response to the flow of migrants to the border.\n\n"
            "Associated Press writer Mika Saari in Helsinki contributed.")
    forms = _forms(text)
    assert "Mika Saari" not in forms and "Associated Press" not in forms
    # CONVENTIONS.md: the wire agency the story comes from is an Agency acting as a source.
    assert forms["Reuters"] is EntityType.AGENCY


def test_entities_dictionary_finds_names_ner_missed():
    forms = _forms("Volodymyr Zelenskiy has asked for more help. Later, state news agency KCNA said nothing.")
    assert forms.get("Volodymyr Zelenskiy") is EntityType.PERSON
    assert forms.get("KCNA") is EntityType.AGENCY


def test_entities_korea_alone_is_not_a_place():
    forms = _forms("Mina Cho, a Korea specialist, said Pyongyang had sent more shells to Moscow.")
    assert "Korea" not in forms
