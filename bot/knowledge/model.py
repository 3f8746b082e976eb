"""Values of the knowledge base: entries, answers, advice, and the entry roles.

Levels and locations are shared facts: `bot.vocabulary` loads them from `dialogues/`."""

from __future__ import annotations

from dataclasses import dataclass

# How advice composition uses an entry; only `answer` entries are offered as answers.
# `advice_location`: what the runner's area needs for one pain pattern (replaces the area's answer
# entry in the advice when the pattern matches).
# `helping`: answered only while someone else may be at risk (action_answer_helping_question), never
# to a runner's own question ("how do I talk to my coach about my knee" is not about a friend at risk).
ROLES: tuple[str, ...] = ("answer", "advice_now", "advice_pt", "advice_location", "advice_escalate", "red_flag",
                          "helping")
#: An action (`actions:` of an advice or location entry) is one line of an advice's first message,
#: which must fit on a phone screen (issue 16: at most 600 characters in all).
MAX_ACTION_CHARS = 80

# Ids the evaluation set and other modules rely on.
REQUIRED_IDS: tuple[str, ...] = (
    "soreness-normal", "pain-vs-soreness", "run-through-pain", "stop-running", "pt-when",
    "pt-what", "pt-strength", "foam-rolling", "range-of-motion", "home-exercises",
    "balance-why", "balance-test", "mileage-gradual", "mileage-rules", "injury-rates",
    "shin-pain", "knee-pain", "foot-heel-pain", "achilles-calf-pain", "hip-pain", "back-pain",
    "red-flags", "symptom-checkers", "disclaimer", "crisis-help", "crisis-what-to-say",
)


@dataclass(frozen=True)
class Entry:
    """One reviewed piece of content, with where it comes from."""

    id: str
    title: str
    text: str
    source: tuple[str, ...]  # `article#<section>` or `clinical:<id>`, at least one
    keywords: tuple[str, ...]
    questions: tuple[str, ...]
    related: tuple[str, ...]
    locations: tuple[str, ...]
    levels: tuple[str, ...]
    role: str
    include_crisis_resources: bool = False
    file: str = ""  # the data file it was loaded from, for messages
    patterns: tuple[str, ...] = ()  # advice only: the pain patterns it is for (empty = any)
    detail: str | None = None  # the detail button it can fill (DETAILS), if any
    actions: tuple[str, ...] = ()  # short imperative lines for the advice's first message
    #: The same lines said to someone reporting for another person ("keep them lying down"): a
    #: parent, partner or coach (the `reporting_for` slot); `actions` when there are none.
    actions_other: tuple[str, ...] = ()
    # Words one of which a question must contain for this entry to answer it ("word*": any
    # ending); empty = any question it matches best. "I feel a bit sick" is not about disordered
    # eating, though "sick" is one of that entry's words.
    only_about: tuple[str, ...] = ()
    #: A red flag that needs a doctor soon, not today (CLINICAL.md: periods stopped for three
    #: months, "see a doctor soon (urgent with bone pain)"): alone behind the advice, it gives the
    #: level's `heading_soon` and its own actions only (bot.replies).
    soon: bool = False
    #: A red flag whose own actions replace the level's (the generic "tell someone near you" and
    #: "don't drive yourself" do not fit someone hurt alone on a trail): bot.replies.
    own_actions: bool = False


@dataclass(frozen=True)
class Answer:
    """A reply to a free-text question. `sources` are entry ids; `related` are button labels."""

    text: str
    sources: tuple[str, ...]
    related: tuple[str, ...]


@dataclass(frozen=True)
class Advice:
    """The triage advice message and every entry id it was composed from."""

    text: str
    sources: tuple[str, ...]


