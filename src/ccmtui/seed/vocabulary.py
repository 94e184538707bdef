"""What the invented records are made of: weights of kinds, areas and channels, topics, sentences,
replies and names; and `Text`, which writes summaries and notes from them.
"""

from __future__ import annotations

import random
from datetime import date

KIND_WEIGHTS = {
    "demarche": 12,
    "meeting": 18,
    "letter": 8,
    "note-verbale": 8,
    "call": 13,
    "email": 22,
    "workshop": 6,
    "statement": 8,
    "other": 5,
}
AREA_WEIGHTS = {
    "universalization": 30,
    "stockpile-destruction": 8,
    "clearance": 14,
    "victim-assistance": 12,
    "cooperation": 12,
    "transparency": 10,
    "national-implementation": 6,
    "compliance": 3,
    "implementation-support": 5,
}
CHANNEL_WEIGHTS = {"capital": 30, "geneva": 42, "new-york": 18, "other": 10}
ORGANISATIONS = ("ICRC", "ICBL-CMC", "ISU", "UNDP", "UNMAS", "UNODA", "GICHD")

TOPICS = {
    "universalization": (
        "accession to the Convention",
        "progress towards ratification",
        "the vote on the UN General Assembly resolution",
        "the inter-ministerial review of the Convention",
        "joining before the next Meeting of States Parties",
        "concerns over interoperability (Article 21)",
    ),
    "stockpile-destruction": (
        "the stockpile destruction plan",
        "cluster munitions retained for training",
        "the Article 3 destruction deadline",
        "technical support for destruction",
    ),
    "clearance": (
        "survey of contaminated areas",
        "the Article 4 extension request",
        "risk reduction education in affected communities",
        "land release figures",
    ),
    "victim-assistance": (
        "the national victim assistance plan",
        "survivors' access to health and social services",
        "casualty data collection",
        "inclusion of survivors in disability policy",
    ),
    "cooperation": (
        "funding for clearance",
        "an individualised approach to assistance",
        "a request for technical assistance",
        "donor coordination",
    ),
    "transparency": (
        "the overdue Article 7 report",
        "the initial transparency report",
        "the annual reporting deadline of 30 April",
        "using the simplified reporting form",
    ),
    "national-implementation": (
        "Article 9 implementing legislation",
        "penal sanctions for prohibited activities",
        "the model legislation for small states",
    ),
    "compliance": (
        "allegations of cluster munition use",
        "a request for clarification under Article 8",
        "the condemnation of any use",
    ),
    "implementation-support": (
        "the ISU budget and contributions",
        "the sponsorship programme",
        "preparations for the intersessional meetings",
    ),
}
SUMMARY_FORMS = {
    "demarche": "Démarche to {states} on {topic}",
    "meeting": "Bilateral meeting with {states} on {topic}",
    "letter": "Letter to {states} on {topic}",
    "note-verbale": "Note verbale to {states} on {topic}",
    "call": "Call with {states} on {topic}",
    "email": "Email exchange with {states} on {topic}",
    "workshop": "Workshop with {states} on {topic}",
    "statement": "Statement by {states} on {topic}",
    "other": "Contact with {states} on {topic}",
}
SENTENCES = (
    "The counterpart confirmed that {topic} is with the foreign ministry's legal department.",
    "{state} said the matter is before the inter-ministerial committee and hopes for a decision by {month}.",
    "We left the ISU's accession kit and the model instrument of accession with the mission.",
    "The deputy permanent representative will report to capital and asked for the legal analysis we offered.",
    "The defence ministry remains reluctant; the foreign ministry is supportive.",
    "No commitment was made, but the tone was constructive and open.",
    "{state} asked for help with {topic}; we will put them in touch with two donors.",
    "Parliament's foreign affairs committee approved the bill; a plenary vote is expected in {month}.",
    "The officer noted that {number} survivors are registered in the national database.",
    "They mentioned budget pressure and a change of minister since our last contact.",
    "Agreed to meet again in the margins of the {meeting}.",
    "They would welcome a visit by the Presidency and the coordinators.",
    "The new ambassador had not been briefed; we sent the background paper the same day.",
    "{state} voted in favour of the resolution last year and intends to do so again.",
    "The question of stockpiles held by the armed forces came up; no figures were given.",
    "Our embassy in capital will follow up with the director of multilateral affairs.",
    "A regional workshop in {month} could help; the CMC offered to co-organise it.",
    "They referred to {number} hectares still suspected of contamination.",
    "The mission asked for the list of states that joined since the {meeting}.",
    "We stressed that joining does not affect existing defence cooperation (Article 21).",
    "The counterpart was new in post and asked for a short written summary.",
    "No reply yet to our letter of {month}; a reminder was sent.",
    "They plan to submit the report before the {meeting}.",
    "Draft legislation is with the attorney general's office for review.",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
REPLY_SUMMARIES = {
    "positive": (
        "Thanked the coordinators; accession is being prepared.",
        "Confirmed the instrument is with the head of state for signature.",
        "Welcomed the démarche and will attend the next meeting as an observer.",
    ),
    "neutral": (
        "Acknowledged receipt; the matter is under review.",
        "Will consult the ministries concerned and revert.",
        "Took note; no position yet.",
    ),
    "negative": (
        "Not in a position to join at this time, citing security concerns.",
        "Joining is not on the government's agenda.",
        "Declined, pointing to obligations under other agreements.",
    ),
}
CATEGORIES = ("I", "II", "III")
STANCE_CATEGORY = {"positive": "I", "neutral": "II", "negative": "III"}
CATEGORY_RATIONALE = {
    "I": "Has said it is willing to join; the instrument is being prepared.",
    "II": "Interested, but held back by inter-ministerial obstacles and competing priorities.",
    "III": "Unlikely to join soon; security concerns and no engagement at capital.",
}
COORDINATOR_NAMES = (
    "Ana Silva",
    "Kwame Mensah",
    "Ingrid Solberg",
    "Luis Ortega",
    "Mariam Diallo",
    "Tomás Novak",
    "Aiko Tanaka",
    "Fatima Zahra",
    "Peter Keller",
    "Nomvula Dlamini",
    "Sofia Marin",
    "Jonas Berg",
    "Rosa Jiménez",
    "Samuel Okafor",
    "Claire Dubois",
    "Mateus Costa",
)


def meeting_name(day: date) -> str:
    year = day.year if day.month < 9 else day.year + 1
    return {2015: "First Review Conference", 2021: "Second Review Conference"}.get(
        year, f"{year} Meeting of States Parties"
    )


class Text:
    """Summaries and notes: a few sentences of varying length, naming the states concerned.

    Sentences are filled in ahead, per area and year, leaving only the state's name to place:
    a million notes then cost a few picks and one join each.
    """

    VARIANTS = 6

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.random = rng.random
        self._sentences: dict[tuple[str, int], list[str]] = {}
        self._topics = {area: list(topics) for area, topics in TOPICS.items()}

    def _pool(self, area: str, year: int) -> list[str]:
        key = (area, year)
        pool = self._sentences.get(key)
        if pool is None:
            rng = self.rng
            meeting = meeting_name(date(year, 6, 1))
            pool = [
                sentence.format(
                    state="\x00",
                    topic=rng.choice(TOPICS[area]),
                    month=MONTHS[rng.randrange(12)],
                    meeting=meeting,
                    number=rng.randint(12, 4800),
                )
                for sentence in SENTENCES
                for _ in range(self.VARIANTS)
            ]
            self._sentences[key] = pool
        return pool

    def summary(self, kind: str, area: str, names: list[str]) -> str:
        topics = self._topics[area]
        topic = topics[int(self.random() * len(topics))]
        if len(names) > 3:
            states = f"{len(names)} states"
        else:
            states = " and ".join(names) if len(names) < 3 else f"{names[0]}, {names[1]} and {names[2]}"
        return SUMMARY_FORMS[kind].format(states=states, topic=topic)[:300]

    def notes(self, area: str, names: list[str], day: date) -> str:
        random = self.random
        roll = random()
        if roll < 0.08:
            return ""
        count = (
            1 if roll < 0.25 else 2 if roll < 0.45 else 3 if roll < 0.65 else 4 if roll < 0.8 else 5 + int(random() * 5)
        )
        pool = self._pool(area, day.year)
        size = len(pool)
        text = " ".join([pool[int(random() * size)] for _ in range(count)])
        return text.replace("\x00", names[int(random() * len(names))])
