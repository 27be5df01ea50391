"""Invented wire stories for the syndication tests: a story, a site's copy of it, and another
story on the same topic that quotes one of the same sentences."""

from __future__ import annotations

QUOTE = '"We will keep the harbour open to every ship that respects the rules," Mara Quell said.'

STORY = [
    "The port authority of Lindholm said on Tuesday that a convoy of grain barges had left the "
    "northern docks after a week of delays caused by ice on the river.",
    "Officials said the barges carried about forty thousand tonnes of wheat and barley bound for "
    "mills in the southern provinces, where bakeries have reported shortages since the autumn.",
    QUOTE,
    "Quell, who has led the authority for three years, told reporters that icebreakers would "
    "escort the convoy as far as the locks at Vennbridge before returning upstream.",
    "The delays had prompted complaints from farmers' groups, who said storage silos along the "
    "river were close to full and that some growers had begun selling at a loss.",
    "A spokesman for the transport ministry said a second convoy was expected to leave within "
    "ten days if the weather held, and that rail freight would make up part of the shortfall.",
    "Traders in the capital said wheat futures fell slightly on the news, although prices "
    "remain well above their level at the start of the season.",
]

COPY = [
    "Grain convoy finally sails from Lindholm",  # the site's own headline
    *STORY[:4],
    # one sentence of the wire story cut, one added by the site
    "The authority declined to say how many crew members were aboard the barges.",
    *STORY[5:],
]

OTHER = [
    "Harbour pilots in Lindholm voted on Thursday to end a strike over night shifts, after the "
    "port authority agreed to hire twelve more pilots before the spring.",
    "The union said its members had been working sixty hour weeks through the winter and that "
    "tired crews had twice run small tankers aground near the outer breakwater.",
    QUOTE,
    "Union leaders said the agreement would be put to a ballot of all members next month and "
    "that pickets would be withdrawn from the harbour gates at midnight.",
    "Shipping companies welcomed the deal, saying a backlog of container vessels waiting in the "
    "roads outside the port could be cleared within a fortnight.",
]

BOILERPLATE_HEAD = ["source: https://news.example/grain-convoy", "published: 2031-02-04", ""]
BOILERPLATE_TAIL = ["Sign up for our morning newsletter to get the day's headlines.",
                    "Copyright 2031 Example Media. All rights reserved."]


def text(*parts: list[str]) -> str:
    return "\n\n".join(line for part in parts for line in part)
