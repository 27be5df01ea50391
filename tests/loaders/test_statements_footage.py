"""Footage a group releases while announcing: the person it shows speaking is the speaker of the
participle, wherever the parser hangs that person's name, and releasing it is no second act."""

import pytest

from tests.loaders.statement_helpers import rows

CASES = [
    ('The UNF announced on Monday that it had "completely seized Kalemba Province" in the north, releasing '
     'footage showing the head of the group in the province Colonel Tomas Werner declaring that the UNF '
     '"will advance from Ostra toward Vell."', "UNF", "Tomas Werner"),
    ('The Popular Front said on Sunday that its fighters had "taken the airport" near the capital, releasing '
     'a video showing the leader of the brigade in the city Major Anna Kowalczyk saying that they "will hold it."',
     "Popular Front", "Anna Kowalczyk"),
    ('The Tamil Liberation Army stated that its units had recaptured the bridge, releasing footage showing '
     'General Piet Mols announcing that the road "is open again."', "Tamil Liberation Army", "Piet Mols"),
]


@pytest.mark.parametrize("text,group,person", CASES)
def test_shown_person_speaks_and_release_is_no_second_act(text, group, person):
    got = rows(text)
    assert sorted(name for name, _ in got) == sorted([group, person])
