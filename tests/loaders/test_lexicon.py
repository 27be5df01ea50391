"""The reporting lexicons are data (loaders/data/): each entry changes what the statement rules do."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.lexicon import load_reporting_lexicon
from schema.vocabulary import StatementKind
from tests.loaders.statement_helpers import rows

SAID, CONFIRMED, DENIED = StatementKind.SAID, StatementKind.CONFIRMED, StatementKind.DENIED


def test_lexicon_phrasal_verb_kind_wins_over_the_verb_alone():
    lexicon = load_reporting_lexicon()
    assert lexicon.kind_of("brush", "off") is DENIED
    assert lexicon.kind_of("brush") is None
    assert lexicon.kind_of("point", "out") is SAID
    assert lexicon.kind_of("acknowledge") is CONFIRMED


def test_lexicon_no_verb_has_two_kinds():
    lexicon = load_reporting_lexicon()
    for kind in StatementKind:
        others = set().union(*(lexicon.lemmas(k) for k in StatementKind if k is not kind))
        assert not lexicon.lemmas(kind) & others


@pytest.mark.parametrize(("text", "expected"), [
    ("Finance Minister Hannah Vogt brushed off the allegations of a budget hole.", ("Hannah Vogt", DENIED)),
    ("Hannah Vogt, the finance minister, shrugged off the reports of a cabinet split.", ("Hannah Vogt", DENIED)),
    ("Finance Minister Hannah Vogt pointed out that the budget had been approved in March.", ("Hannah Vogt", SAID)),
    ("Finance Minister Hannah Vogt acknowledged that the deficit had grown.", ("Hannah Vogt", CONFIRMED)),
    ("Finance Minister Hannah Vogt admitted that the figures were wrong.", ("Hannah Vogt", CONFIRMED)),
    ("Finance Minister Hannah Vogt did not acknowledge that the deficit had grown.", None),
    ("Finance Minister Hannah Vogt called it propaganda.", ("Hannah Vogt", DENIED)),
    ("Finance Minister Hannah Vogt accused the opposition of spreading disinformation about the budget.",
     ("Hannah Vogt", DENIED)),
    ("Finance Minister Hannah Vogt accused the opposition of blocking the budget.", ("Hannah Vogt", SAID)),
])
def test_lexicon_entries_set_speaker_and_kind(text, expected):
    found = rows(text)
    if expected is None:
        assert all(kind is SAID for _, kind in found), found
    else:
        assert expected in found, found


def test_lexicon_word_lists_are_read_from_data(tmp_path, monkeypatch):
    import loaders.lexicon as lexicon
    (tmp_path / "some_words.yaml").write_text("askers: [Reporter, caller]\n", encoding="utf-8")
    (tmp_path / "bad_words.yaml").write_text("flags: [yes]\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "DATA", tmp_path)
    lexicon.load_word_lists.cache_clear()
    try:
        assert lexicon.word_list("some_words.yaml", "askers") == {"reporter", "caller"}
        with pytest.raises(KeyError, match="no list 'tellers'"):
            lexicon.word_list("some_words.yaml", "tellers")
        with pytest.raises(ValueError, match="flags must be a list of words"):
            lexicon.word_list("bad_words.yaml", "flags")  # a bare yes is a YAML boolean
    finally:
        lexicon.load_word_lists.cache_clear()


def test_lexicon_every_statement_word_list_is_used_and_non_empty():
    from loaders.lexicon import load_word_lists
    lists = load_word_lists("statement_words.yaml")
    folder = Path(__file__).resolve().parents[2] / "loaders"
    source = "".join((folder / f"{name}.py").read_text(encoding="utf-8") for name in (
        "statements", "statement_context", "statement_kinds", "speakers", "speaker_sieves", "speaker_referents",
        "statement_lines"))
    for key, items in lists.items():
        assert items, key
        assert f'"{key}"' in source, f"{key} is read by none of the statement rule modules"


def test_lexicon_a_gendered_role_noun_is_a_data_entry():
    rows_ = rows("A Navy spokeswoman said the ship had left port. She added that it would return in May.")
    assert [kind for _, kind in rows_] == [SAID, SAID] and rows_[0][0] == rows_[1][0]
