"""DEPLOYED_TO and SIGNED on invented news sentences: the rules are general English, not seed text."""

from loaders import extract_text
from loaders.nlp import load_nlp
from loaders.relations import sentence_date


def _relations(text: str, published: str | None = None):
    g = extract_text(text, published=published)
    names = {e.id: e.name for e in g.entities}
    return {(names[r.source], r.type.value, names[r.target]) for r in g.relations}, g


def test_relations_passive_moved_to_region():
    rels, _ = _relations("Officials said the Belarusian troops had been moved to the Grodno region on Tuesday.")
    assert any(s == "Belarusian troops" and t.startswith("Grodno") for s, _, t in rels)


def test_relations_presence_copula():
    rels, _ = _relations("Chinese troops are now in Laos, the ministry said.")
    assert ("Chinese troops", "DEPLOYED_TO", "Laos") in rels


def test_relations_pronoun_unit_resolves_to_previous_unit():
    text = ("Turkey sent 800 Turkish soldiers to Somalia last year. "
            "The ministry said on Friday that they were now stationed in Mogadishu.")
    rels, _ = _relations(text)
    assert ("Turkish troops", "DEPLOYED_TO", "Mogadishu") in rels


def test_relations_hypotheticals_are_not_deployments():
    text = ("Analysts said Egyptian troops will likely be deployed to Sudan. "
            "If Egyptian troops are sent to Libya, the talks would collapse.")
    rels, _ = _relations(text)
    assert not [r for r in rels if r[1] == "DEPLOYED_TO"]


def test_relations_passive_signing_by_two_leaders():
    text = ("A maritime cooperation agreement was signed by Indonesian President Joko Widodo "
            "and Philippine President Ferdinand Marcos in Manila on March 4.")
    rels, g = _relations(text, published="2024-05-01")
    signers = {s for s, t, _ in rels if t == "SIGNED"}
    assert {"Joko Widodo", "Ferdinand Marcos"} <= signers
    assert {r.date for r in g.relations} == {"2024-03-04"}


def test_relations_parliament_ratifying_is_a_signatory():
    # CONVENTIONS.md: SIGNED covers signing, ratifying or concluding, one relation per signer.
    text = ("Kenya and Ethiopia signed a border security pact in May. "
            "Kenya's National Assembly voted to ratify the pact in June.")
    rels, _ = _relations(text)
    signers = {s for s, t, _ in rels if t == "SIGNED"}
    assert signers == {"Kenya", "Ethiopia", "Kenyan National Assembly"}


def test_relations_month_only_date_uses_publication_year():
    doc = load_nlp()("The two states signed the accord in June.")
    assert sentence_date(next(doc.sents), "2024-10-02") == "2024-06"
    assert sentence_date(next(doc.sents), None) is None


def test_relations_words_that_look_like_spanish_months_are_not_dates():
    doc = load_nlp()("The deal was confirmed weeks ago by the ministry.")
    assert sentence_date(next(doc.sents), "2024-10-02") is None
