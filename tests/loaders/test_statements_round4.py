"""Statement rules of round 4 (issue 9, real news) on invented text: participles with content of
their own, speakers of participles, group speakers ('they', 'the lawmakers'), surnames NER
missed, role holders named after the lead, messages as subjects, 'quoted X as saying', a bare
'X reported.' sentence, clause-only verbs, negated acts inside another's content, and the
lexicon additions. No services needed."""

import pytest

from schema.vocabulary import StatementKind
from tests.loaders.statement_helpers import extract as _extract
from tests.loaders.statement_helpers import rows as _rows

SAID, CONFIRMED, DENIED = StatementKind.SAID, StatementKind.CONFIRMED, StatementKind.DENIED


# --- participles ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The TPLF rejected the claims on Monday, insisting that its units were still in Mekelle.",
    "ADDIS ABABA, March 3 (Reuters) - The TPLF rejected the claims, insisting its units were still in Mekelle.",
    "The TPLF, however, firmly rejected the claims, insisting that its units were still in Mekelle.",
])
def test_statements_insisting_with_its_own_clause_is_a_second_act(text):
    rows = _rows(text)
    assert [kind for name, kind in rows if name == "Tigray People's Liberation Front" or name == "TPLF"] == [DENIED, SAID]


@pytest.mark.parametrize("verb", ["claiming", "explaining", "stressing"])
def test_statements_participle_with_new_content_is_a_second_act(verb):
    rows = _extract(f"Prime Minister Ilse Brandt announced new sanctions on Tuesday, {verb} that the talks had failed.")
    assert [(name, kind, s.verb) for name, kind, s in rows] == [
        ("Ilse Brandt", SAID, "announce"), ("Ilse Brandt", SAID, verb[:-3] if verb != "explaining" else "explain")]


def test_statements_saying_after_a_denial_stays_one_act():
    rows = _rows("Defence Minister Omar Saleh denied the reports, saying the convoy never left port.")
    assert rows == [("Omar Saleh", DENIED)]


@pytest.mark.parametrize("adverb", ["seemingly", "apparently", "effectively"])
def test_statements_interpreted_participle_is_no_second_act(adverb):
    rows = _rows(f'"The base will stay open for 50 years," Nikos Andreou said, {adverb} confirming reports of a lease.')
    assert rows == [("Nikos Andreou", SAID)]


@pytest.mark.parametrize(("text", "person"), [
    ("The TPLF released footage showing the commander Gebre Tesfaye declaring that the town had fallen.",
     "Gebre Tesfaye"),
    ("The rebels released a video of Yohannes Haile saying that the town had fallen.", "Yohannes Haile"),
])
def test_statements_participle_after_a_shown_person_is_that_person(text, person):
    assert (person, SAID) in _rows(text)


def test_statements_participle_after_a_person_who_is_only_addressed_is_not_that_person():
    rows = _rows("On Friday, Chile's Foreign Ministry forwarded a letter to UN envoy Maria Lund "
                 "accusing Peru of arming the rebels.")
    assert [name for name, _ in rows] == ["Chilean Foreign Ministry"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("A stream of notes from foreign leaders praising the ceasefire reached Oslo on Sunday.", "foreign leaders"),
    ("Dozens of letters from opposition lawmakers criticizing the budget arrived in parliament last week.",
     "opposition lawmakers"),
    ("A memo from senior officials warning of a collapse was leaked on Friday.", "senior officials"),
])
def test_statements_participle_on_speakers_noun_is_their_act(text, speaker):
    assert _rows(text) == [(speaker, SAID)]


def test_statements_participle_hung_on_a_reported_clause_belongs_to_the_reporter():
    rows = _rows("Defence Secretary Alan Marsh met the envoy. Marsh later said that the rebels now want peace, "
                 "while stressing that the strikes will go on.")
    assert rows == [("Alan Marsh", SAID), ("Alan Marsh", SAID)]


# --- subjects the parse hides ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "person"), [
    ("Omar Haddad was detained by Jordan in June and claimed he had been misled.", "Omar Haddad"),
    ("Omar Haddad was detained in April and later claimed that he had been misled.", "Omar Haddad"),
    ("Lucia Ferro, a former aide, was arrested on Tuesday and has since insisted that she acted alone.", "Lucia Ferro"),
    ("Captured near the border last year, Tomas Vidal was jailed in Quito and told reporters he had been tricked.",
     "Tomas Vidal"),
])
def test_statements_conjoined_verb_shares_a_passive_subject(text, person):
    assert _rows(text) == [(person, SAID)]


@pytest.mark.parametrize("second", [
    "Marsh later said that the strikes would continue.",
    "Marsh said on Friday that the strikes would continue.",
])
def test_statements_surname_the_tagger_takes_for_a_noun_is_the_person(second):
    # 'Marsh' (like 'Trump') is also a common noun: the tagger may not see a name.
    rows = _rows(f"Defence Secretary Alan Marsh met the envoy in Oslo. {second}")
    assert rows == [("Alan Marsh", SAID)]


# --- groups --------------------------------------------------------------------------------------

def test_statements_they_is_the_group_that_spoke_last():
    text = ("The navy has lost two ships, according to Reps. Carla Mendez and Jorge Ibarra. "
            "The navy has yet to replace them, they said.")
    assert _rows(text) == [("Carla Mendez", SAID), ("Jorge Ibarra", SAID), ("Carla Mendez", SAID), ("Jorge Ibarra", SAID)]


def test_statements_they_with_no_group_before_is_nobody():
    assert _rows("Fighting resumed near Goma on Sunday. They said the road was closed.") == []


def test_statements_the_lawmakers_quoted_the_agency_as_saying():
    text = ("The navy has lost two ships, according to Reps. Carla Mendez and Jorge Ibarra. "
            "The fleet will be rebuilt by 2030, the lawmakers quoted the Defence Ministry as saying.")
    rows = _rows(text)
    assert rows[2:] == [("Carla Mendez", SAID), ("Jorge Ibarra", SAID), ("Defence Ministry", SAID)]


@pytest.mark.parametrize("text", [
    "Yonhap quoted a senior official as saying that the talks had failed.",
    "On Monday, Yonhap quoted a senior official as saying the talks had failed.",
])
def test_statements_quoted_as_saying_gives_both_speakers(text):
    assert _rows(text) == [("Yonhap", SAID), ("senior official", SAID)]


def test_statements_quoted_without_as_saying_is_no_act():
    assert _rows("Yonhap quoted the figures from a 2019 survey.") == []


def test_statements_the_authorities_group_is_the_state_and_they_continue_it():
    text = ('Chad denied the reports on Sunday. "We reject these baseless accusations," the authorities '
            "write in the bulletin. They asked for proof of the presence. The bulletin insists that "
            "Chad deals with Libya only as a state.")
    rows = _rows(text)
    # the quote ("We refute ...") makes the note a denial
    assert rows == [("Chad", DENIED), ("Chad", DENIED), ("Chad", SAID), ("Chad", SAID)]


@pytest.mark.parametrize("text", [
    'Bolivia on Friday dismissed the allegations. "These claims are false," the authorities said in a '
    "communique. They also asked for an inquiry.",
    'Peru denied the reports. "We have no troops there," the authorities told the agency. They asked for calm.',
])
def test_statements_they_after_a_states_authorities_continues_the_state(text):
    rows = _rows(text)
    assert len(rows) == 3 and {name for name, _ in rows} == {text.split()[0]}


@pytest.mark.parametrize("text", [
    "Foreign Minister Ana Ferreira rejected claims that Lisbon had asked for troops.",
    "Foreign Minister Ana Ferreira said on Monday that Portugal had asked for troops.",
])
def test_statements_asking_for_inside_anothers_content_is_no_act(text):
    assert [name for name, _ in _rows(text)] == ["Ana Ferreira"]


def test_statements_asking_for_something_with_no_speaker_is_no_act():
    assert _rows("Fighting resumed near the camp. Refugees there asked for food.") == []


@pytest.mark.parametrize(("text", "named"), [
    ("A number of Asian countries and Australia stated on Monday that they deplore the blockade.", "Australia"),
    ("A handful of Gulf countries and Egypt said on Friday that they would boycott the summit.", "Egypt"),
    ("A group of European diplomats and Canada warned that they could not back the plan.", "Canada"),
    ("NATO and the EU said that they condemn the attack.", "NATO"),
])
def test_statements_they_inside_the_groups_own_content_is_no_new_act(text, named):
    rows = _rows(text)
    assert len(rows) == 2 and rows.count((named, rows[0][1])) == 1


def test_statements_counted_group_speaks_for_its_members():
    assert _rows("Dozens of local residents told reporters they had fled the shelling.") == [("local residents", SAID)]


# --- messages, roles, bare reporting sentences -----------------------------------------------------

@pytest.mark.parametrize("second", [
    "The statement added that Lima would respond.",
    "The statement also stressed that Lima would respond.",
])
def test_statements_message_as_subject_is_its_issuer(second):
    rows = _rows(f"The Foreign Ministry said in a statement that the talks had failed. {second}")
    assert rows == [("Foreign Ministry", SAID), ("Foreign Ministry", SAID)]


def test_statements_message_with_no_issuer_before_is_nobody():
    assert _rows("The statement added that Lima would respond.") == []


@pytest.mark.parametrize(("text", "sender"), [
    ("On Tuesday, Chile's Foreign Ministry delivered a note to the OAS accusing Peru of arming rebels. "
     "The note, drafted by the deputy minister, argued that Peru had sent weapons.", "Chilean Foreign Ministry"),
    ("Kenya's Foreign Ministry on Friday sent a letter to the African Union accusing Somalia of sheltering "
     "militants. The letter, dated Thursday, claimed that Somalia had ignored warnings.", "Kenyan Foreign Ministry"),
    ("LIMA, May 2 - The Peruvian Defence Ministry sent a memo to the OAS accusing Ecuador of violating the "
     "border. The memo also alleged that Ecuadorian troops had crossed twice.", "Peruvian Defence Ministry"),
    ("Bolivia sent a cable to the council accusing Chile of arming smugglers. The cable, seen by reporters, "
     "said the weapons came by sea.", "Bolivia"),
])
def test_statements_letter_sent_with_accusation_is_the_senders(text, sender):
    assert _rows(text) == [(sender, SAID)] * 2


@pytest.mark.parametrize("lead", [
    "Peru's defence minister confirmed on Tuesday that the clashes had begun.",
    "LIMA, Nov 4 (Reuters) - Peru's defence minister confirmed that the clashes had begun.",
])
def test_statements_states_role_named_after_the_lead_is_the_holder(lead):
    rows = _rows(f"{lead} Defence Minister Walter Astudillo said the fighting was small.")
    assert rows == [("Walter Astudillo", CONFIRMED), ("Walter Astudillo", SAID)]


def test_statements_states_role_is_not_a_holder_tied_to_another_state():
    rows = _rows('Russian Chief of General Staff Oleg Morozov spoke on Monday. '
                 '"The claims are false," Ukraine\'s chief of staff said.')
    assert all(name != "Oleg Morozov" for name, _ in rows)


@pytest.mark.parametrize("headline", [
    "Peruvian troops fought Bolivian forces near the border, minister says",
    "Peru and Bolivia exchanged fire across the border, minister says",
])
def test_statements_headline_role_without_article_is_the_holder(headline):
    text = f"{headline}\n\nDefence Minister Walter Astudillo said the fighting was small."
    assert _rows(text) == [("Walter Astudillo", SAID), ("Walter Astudillo", SAID)]


@pytest.mark.parametrize("closing", ["Tass reported.", "Xinhua reported on Sunday."])
def test_statements_bare_reported_sentence_reports_the_one_before(closing):
    text = f'The preamble of the accord states that it serves both peoples "and contributes to peace." {closing}'
    ((name, kind, s),) = _extract(text)
    assert kind is SAID and name in {"TASS", "Tass", "Xinhua"}
    assert s.sentence.startswith("The preamble") and s.sentence.endswith(closing)


def test_statements_reporters_sign_off_is_no_act():
    rows = _rows("An official in Seoul said the government would take in defectors. Jane Whitfield reports.")
    assert rows and all(name != "Jane Whitfield" for name, _ in rows)


@pytest.mark.parametrize(("text", "expected"), [
    ("The NIS said the troops had arrived. They will be sent to the front after training, it continued.",
     [("National Intelligence Service", SAID), ("National Intelligence Service", SAID)]),
    ("Russia continued to shell Kharkiv on Monday.", []),
    ("The Kenyan army continued its advance on Monday.", []),
])
def test_statements_continue_reports_only_with_a_clause(text, expected):
    assert _rows(text) == expected


# --- negation ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Pyongyang hadn't confirmed or denied the reported deployment.",
    "Pyongyang has not confirmed or denied the reported deployment until now.",
])
def test_statements_not_confirmed_or_denied_is_one_said_act(text):
    assert _rows(text) == [("North Korea", SAID)]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Helga Lind confirmed that Norway remains in touch with the council and has not announced a withdrawal.",
     "Helga Lind"),
    ("Spokesperson Jeon Ha-kyu said the government has not ruled out sending a team to Ukraine.", "Jeon Ha-kyu"),
    ("Spokesman Arne Dahl said on Monday that Oslo remains committed to the pact and has not announced any "
     "pullout.", "Arne Dahl"),
    ("Minister Ruth Okafor stressed that Nigeria had not confirmed the figures and would wait for the inquiry.",
     "Ruth Okafor"),
    ("Helga Lind said Norway has not denied the visit and is studying the request.", "Helga Lind"),
])
def test_statements_negated_act_inside_anothers_content_is_that_content(text, speaker):
    assert [name for name, _ in _rows(text)] == [speaker]


def test_statements_negated_act_inside_a_headline_label_is_that_content():
    text = "Norway has kept the pact, says Helga Lind.\n\nLind: Norway has not announced withdrawal from the pact"
    assert all(name != "Norway" for name, _ in _rows(text))


# --- lexicon -------------------------------------------------------------------------------------

@pytest.mark.parametrize("word", ['"deceitful charade"', '"a charade"', '"a concoction"', '"an invented story"'])
def test_statements_denouncing_a_claim_as_a_charade_is_denial(word):
    rows = _rows(f"Foreign Minister Yemi Adeyemi denounced the rival government's letter to the UN as {word}.")
    assert rows == [("Yemi Adeyemi", DENIED)]


def test_statements_did_not_rule_out_is_said():
    assert _rows("Defence Minister Ana Ferreira did not rule out sending more troops.") == [("Ana Ferreira", SAID)]


# --- continuation quotes, messages that read, labels, groups of states -----------------------------

def test_statements_quote_paragraph_continues_the_speaker_before():
    text = ('"We will not retreat," Defence Minister Ana Ferreira said on Monday.\n\n'
            '"The army is ready. The border is closed."\n\nPolice said three people died.')
    rows = _extract(text)
    assert [(name, s.verb) for name, _, s in rows] == [
        ("Ana Ferreira", "say"), ("Ana Ferreira", "continued"), ("police", "say")]
    assert rows[1][2].sentence == '"The army is ready. The border is closed."'


@pytest.mark.parametrize("text", [
    # in the same paragraph the quote is part of the act before it
    '"We will not retreat," Defence Minister Ana Ferreira said. "The army is ready."',
    # a quote that a reporting clause follows is not a continuation
    '"We will not retreat," Defence Minister Ana Ferreira said.\n\n"The army is ready," she added.',
    # no quoted speaker before
    'Fighting resumed near the border on Monday.\n\n"The army is ready."',
])
def test_statements_quote_paragraph_without_quoted_speaker_before_is_no_continuation(text):
    assert all(s.verb != "continued" for _, _, s in _extract(text))


@pytest.mark.parametrize("verb", ["read", "reads"])
def test_statements_message_that_reads_a_quote_is_its_issuer(verb):
    text = ("The Foreign Ministry said in a statement on Friday that the talks had failed. "
            f'"Lima regrets the decision," the statement {verb}.')
    assert _rows(text) == [("Foreign Ministry", SAID), ("Foreign Ministry", SAID)]


def test_statements_reading_a_book_is_no_act():
    assert _rows("Defence Minister Ana Ferreira read the report on the flight to Lisbon.") == []


@pytest.mark.parametrize("text", [
    "The Kremlin on Monday rejected the reports, calling the meeting a move toward calm and "
    "urging fresh efforts to carry out the accord.",
    "The Kremlin firmly rejected the allegations, calling the visit a success and urging Kyiv to return to talks.",
    "HAVANA, June 9 (Reuters) - Cuba rejected the claims on Tuesday, calling the drills routine and urging Washington "
    "to stay calm.",
])
def test_statements_calling_and_urging_participles_after_a_denial_are_acts(text):
    assert [kind for _, kind in _rows(text)] == [DENIED, SAID, SAID]


def test_statements_put_out_a_statement_calling_is_one_act():
    assert _rows("Senator Maria Costa put out a statement on Sunday calling the deal a mistake.") == [
        ("Maria Costa", SAID)]


@pytest.mark.parametrize("phrase", ["allied countries", "Several European countries", "Western nations"])
def test_statements_described_group_of_countries_is_an_agency(phrase):
    assert _rows(f"{phrase} have welcomed the decision to hold the vote in May.") == [(phrase, SAID)]


# --- kinds from first-person quotes, falsity on the claim, unnamed owned roles ---------------------

@pytest.mark.parametrize(("text", "kind"), [
    ('"We deny these reports," the Foreign Ministry of Peru said on Monday.', DENIED),
    ('"We firmly reject the allegations," Defence Minister Ana Ferreira told reporters.', DENIED),
    ('"We confirm the arrival of 500 fighters," Defence Minister Ana Ferreira told the agency.', CONFIRMED),
    ('"I can confirm that the convoy left," Defence Minister Ana Ferreira said.', CONFIRMED),
    ('"We cannot confirm the arrival," Defence Minister Ana Ferreira said.', SAID),
    ('"We reject the proposal," Defence Minister Ana Ferreira said.', SAID),  # a proposal, not a claim
    ('"They deny everything," Defence Minister Ana Ferreira said.', SAID),  # not the speaker's own act
])
def test_statements_first_person_quote_sets_the_kind_of_a_neutral_verb(text, kind):
    assert [k for _, k in _rows(text)] == [kind]


def test_statements_warned_keeps_its_kind_whatever_the_quote():
    assert [k for _, k in _rows('"We deny nothing," Defence Minister Ana Ferreira warned.')] == [SAID]


@pytest.mark.parametrize("text", [
    "Foreign Minister Yemi Adeyemi denounced Accra's memo to the African Union as a \"deceitful charade.\"",
    "Foreign Minister Yemi Adeyemi on Friday denounced the letter to the council as a charade.",
    "On Thursday, Foreign Minister Yemi Adeyemi denounced Lome's note to the council as \"pure fiction\".",
    "Foreign Minister Yemi Adeyemi dismissed the rebels' message to the envoy as a \"fabricated story\".",
])
def test_statements_falsity_label_hung_on_the_claim_is_denial(text):
    assert _rows(text) == [("Yemi Adeyemi", DENIED)]


def test_statements_owned_role_with_no_holder_is_an_unnamed_person_and_he_refers_to_them():
    rows = _rows('Defence Minister Oleg Morozov spoke in Moscow. "The claims are false," Ukraine\'s chief of staff '
                 "said on Telegram. Still, he acknowledged that supplies were short.")
    # a quote calling the claims false is a denial (CONVENTIONS.md)
    assert rows == [("Ukraine's chief of staff", DENIED), ("Ukraine's chief of staff", CONFIRMED)]


@pytest.mark.parametrize("text", [
    "President Ana Ferreira said intelligence indicates the rebels will attack.",
    "President Ana Ferreira said on Monday that intelligence suggests the rebels will attack.",
])
def test_statements_bare_intelligence_is_information_not_an_agency(text):
    assert _rows(text) == [("Ana Ferreira", SAID)]


def test_statements_releasing_footage_after_an_announcement_is_the_same_act():
    rows = _rows("The TPLF announced on Friday that it had taken Alamata, releasing footage of its fighters in the town.")
    assert [kind for _, kind in rows] == [SAID]


@pytest.mark.parametrize(("text", "kind"), [
    ("Defence Minister Ana Ferreira said she could confirm that the convoy had left.", CONFIRMED),
    ("Defence Minister Ana Ferreira said on Monday that she could not confirm the reports.", SAID),
    ("The Pentagon said it could not confirm the reports of fighting.", SAID),
    ("Defence Minister Ana Ferreira said she would confirm the figures if asked.", SAID),
    ("The Kremlin said on Friday it denied the reports.", DENIED),
])
def test_statements_said_with_own_verdict_is_one_act_of_that_kind(text, kind):
    assert [k for _, k in _rows(text)] == [kind]


# --- hedging by the article ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The TPLF said it had shot down a jet, a claim that could not be independently verified.",
    "The TPLF said on Monday it had shot down a jet. The claim could not be independently verified.",
    "The TPLF said it had shot down a jet. Reuters could not independently verify the claim.",
])
def test_statements_unverifiable_claim_is_hedged(text):
    assert [s.hedged for _, _, s in _extract(text)] == [True]


def test_statements_unverified_note_hedges_only_its_own_passage():
    text = ("The TPLF said it had shot down a jet. The claim could not be independently verified.\n\n"
            "Police in Mekelle said three people died.")
    assert [s.hedged for _, _, s in _extract(text)] == [True, False]


def test_statements_bare_police_is_not_the_agency_named_before():
    rows = _rows("The Defence Ministry said its forces had retaken the town. Police said three people died.")
    assert rows == [("Defence Ministry", SAID), ("police", SAID)]


def test_statements_every_unverified_phrase_holds_a_prefilter_key():
    from loaders.lexicon import load_reporting_lexicon
    from loaders.statement_context import _UNVERIFIED_KEYS

    for phrase in load_reporting_lexicon().unverified:
        assert any(key in phrase for key in _UNVERIFIED_KEYS), phrase


# --- ABOUT -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Russian President Vladimir Putin declared Chinese troops were in Mongolia.",
    "MOSCOW, Oct 31 (Reuters) - Russian President Vladimir Putin declared on Friday that Chinese troops were in Mongolia.",
])
def test_statements_about_leaves_out_the_speakers_title_and_the_dateline(text):
    ((name, _, s),) = _extract(text)
    assert name == "Vladimir Putin"
    assert "state:russia" not in s.about and "state:mongolia" in s.about


def test_statements_about_keeps_a_state_the_content_names():
    ((_, _, s),) = _extract("Russian President Vladimir Putin warned Russia would respond.")
    assert "state:russia" in s.about
