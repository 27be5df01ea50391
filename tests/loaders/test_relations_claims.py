"""Relations carry who reports them (claimed_by) and whether the article vouches for them
(hedged); relations inside a denial are not stated at all. Invented sentences only."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from loaders import extract_text
from loaders.relation_claims import load_relation_hedges

ROOT = Path(__file__).resolve().parents[2]


def _rels(text: str, published: str | None = "2024-11-20") -> list[tuple[str, str, str | None, bool]]:
    """(source, target, claimant name, hedged) of each relation."""
    g = extract_text(text, published=published)
    names = {e.id: e.name for e in g.entities}
    assert all(r.claimed_by is None or r.claimed_by in names for r in g.relations)
    return [(names[r.source], names[r.target], names.get(r.claimed_by), r.hedged) for r in g.relations]


def _one(text: str, source: str, target: str) -> tuple[str | None, bool]:
    found = [(c, h) for s, t, c, h in _rels(text) if s == source and t == target]
    assert found, _rels(text)
    return found[0]


@pytest.mark.parametrize(("text", "source", "target", "claimant"), [
    # reporting verb after the clause, with a date and an apposition
    ("More than 4,000 Chadian soldiers are now in Darfur, Sudan's foreign ministry said on Monday.",
     "Chadian troops", "Darfur", "Sudanese foreign ministry"),
    ("The first of the Kenyan police officers were deployed to Haiti in June, the interior minister of Kenya, "
     "Kipchumba Murkomen, said in a statement on his website.", "Kenyan police", "Haiti", "Kipchumba Murkomen"),
    # reporting verb before the clause
    ("The Pentagon said on Tuesday that Iranian troops had been sent to Syria.", "Iranian troops", "Syria", "Pentagon"),
    ("Egypt's foreign ministry announced that 1,500 Egyptian troops had arrived in Mogadishu.",
     "Egyptian troops", "Mogadishu", "Egyptian foreign ministry"),
    # according to, leading or trailing
    ("According to the Pentagon, Turkish troops arrived in Tripoli on Friday.", "Turkish troops", "Tripoli", "Pentagon"),
    ("Rwandan soldiers are fighting near Goma, according to the United Nations.",
     "Rwandan troops", "Goma", "United Nations"),
    # a claim noun with its owner
    ("Ukraine's claims that Iranian instructors are in Syria drew a sharp response from Tehran.",
     "Iranian troops", "Syria", "Ukraine"),
])
def test_relations_claimant_is_who_the_sentence_says_reports_it(text, source, target, claimant):
    assert _one(text, source, target)[0] == claimant


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Turkish troops arrived in Tripoli on Monday.", "Turkish troops", "Tripoli"),
    ("Some of the Chadian soldiers were sent to Darfur in the spring of last year.", "Chadian troops", "Darfur"),
])
def test_relations_claimant_is_unset_when_nobody_reports_it(text, source, target):
    assert _one(text, source, target) == (None, False)


def test_relations_claimant_is_not_guessed_between_two_speakers():
    # Two speakers, and the relation's clause is under neither reporting verb in the parse or not:
    # only a governing verb decides; a sentence-level fallback never picks one of two.
    rels = _rels("Kenyan troops are in Haiti, officials in Nairobi said, while Haitian police chief Normil Rameau "
                 "told reporters the situation was calm.")
    assert rels and all(c != "Normil Rameau" for s, t, c, h in rels if t == "Haiti")


@pytest.mark.parametrize("text", [
    "North Korea has reportedly sent 3,000 troops to Russia.",
    "Reportedly, Turkish troops arrived in Tripoli on Friday.",
    "Rwandan soldiers are allegedly fighting near Goma, a UN report said.",
    "Kenyan police officers were purportedly deployed to Haiti last week.",
    "Unconfirmed reports say that Rwandan soldiers are in Goma.",
    "Reports say Chadian soldiers are fighting in Darfur.",
    "There were reports that Iranian troops were in Syria.",
    "Egyptian troops arrived in Mogadishu on Sunday, a local official said. The claim could not be independently verified.",
    "Egyptian troops arrived in Mogadishu on Sunday, a local official said. Reuters couldn't independently verify "
    "the report of the official at the time.",
    "Egyptian troops arrived in Mogadishu on Sunday, a local official said, in remarks that could not be verified.",
])
def test_relations_hedged_when_the_article_does_not_vouch(text):
    rels = _rels(text)
    assert rels and all(h for *_, h in rels), rels


@pytest.mark.parametrize("text", [
    "Turkish troops arrived in Tripoli on Friday, the defence ministry said.",
    "Seoul's spy agency said 3,000 North Korean troops had been sent to Russia.",
    # a hedge in a clause beside the relation's, and a verification line two sentences later
    "Turkish troops arrived in Tripoli, while Libyan officials reportedly met in Cairo.",
    "Egyptian troops arrived in Mogadishu on Sunday. The airport reopened. The claim could not be verified.",
])
def test_relations_not_hedged_without_a_hedge_on_them(text):
    rels = _rels(text)
    assert rels and not any(h for *_, h in rels), rels


@pytest.mark.parametrize("text", [
    "The Malian junta denied reports that Russian mercenaries were in Bamako.",
    "Chad rejected claims it had sent troops to Sudan.",
    "Reports that Iranian troops are in Syria are baseless, Tehran said.",
    "Reports of Rwandan soldiers in Goma were dismissed by Kigali on Monday.",
    "Kigali dismissed as propaganda reports that its soldiers were fighting in Goma.",
    "Ankara has denied that Turkish troops are in northern Iraq.",
])
def test_relations_denied_claims_are_no_deployment(text):
    assert [r for r in _rels(text)] == []


def test_relations_a_denial_beside_the_clause_does_not_cancel_it():
    rels = _rels("Serbia claimed to have retaken the Banat region. Croatia's general staff disputed Serbia's "
                 "claim, insisting that Croatian troops were still fighting in parts of Banat.")
    assert any(s == "Croatian troops" and t.startswith("Banat") for s, t, _, _ in rels), rels


def test_relations_signed_carries_its_claimant():
    rels = _rels("Ghana said on Friday that Togo and Benin had signed a border accord in Lomé.")
    assert {(s, c) for s, t, c, _ in rels} >= {("Togo", "Ghana"), ("Benin", "Ghana")}


def test_relation_hedges_lexicon_is_data():
    hedges = load_relation_hedges()
    assert "reportedly" in hedges.adverbs and "alleged" in hedges.adjectives and "reports" in hedges.nouns
    assert any("independently verified" in p for p in hedges.unverified)


def test_relations_kg_extract_json_prints_claimant_and_hedge(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("According to the Pentagon, Turkish troops have reportedly arrived in Tripoli.\n")
    run = subprocess.run([sys.executable, "-m", "api.cli", "extract", str(article), "--format", "json", "--workers", "1"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    names = {e["id"]: e["name"] for e in out["entities"]}
    (rel,) = out["relations"]
    assert names[rel["claimed_by"]] == "Pentagon" and rel["hedged"] is True


def test_relations_claimant_is_not_a_speaker_inside_the_relations_own_phrase():
    rels = _rels("Estonian Prime Minister Lena Tamm and Latvian President Juris Ozols signed a joint "
                 "declaration described by the British government as a path to stability.")
    assert rels and all(c is None for s, t, c, h in rels), rels
