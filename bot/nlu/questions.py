"""Is a message (or a part of it) a question? Read from its form, clause by clause.

Runners ask without question marks and type fast: "quads wrecked after the race, is that just
doms", "shuold i run thru it or not", "marathon in 10 days and my knee hurts, race or not",
"I'm wondering whether I should push through it", "at what point is it worth seeing a physio".
A clause asks when it starts like a question (after fillers such as "so", "just", "tbh"), when it
ends with "or not", when it wonders ("I'm wondering whether ...", "hard to tell if ..."), and the
last clause of a message that ends with "?" asks whatever its form ("hoka or brooks for shin
splints?"). What a clause starts with decides it:

- a question word (what, how, why, which, who, should): always a question;
- when / where followed by a verb of asking ("when can I ...", "where does it ..."): a question
  ("when I run downhill" is not);
- an auxiliary followed by a subject ("is it", "can I", "does that", "are my"): a question;
- an auxiliary followed by anything else ("is cycling ok", "can still stand on one leg"): a
  question unless it is the answer the bot asked for (the caller says so: `answers_request`);
- a request word ("any tips", "exercises for ...", "best stretches ..."): a question;
- a choice said first ("ice or heat for a tight calf") or asked at the end ("foam roller yes or
  no", "ice baths, good or bad"): a question.

A first word the English lemma table does not know, that is a question word typed with two
letters swapped or one missing ("hwo", "waht", "shuold", "shld"), counts as that word.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from bot.nlu.lang import WORD

#: Words that open a question wherever a clause starts with them.
QUESTION_WORDS = frozenset({"what", "how", "why", "which", "who", "whose", "what's", "how's", "who's",
                            "why's", "should", "shall", "shouldn't"})
#: Open a question only when a verb of asking follows ("when can I run again", not "when I run").
WHEN_WHERE = frozenset({"when", "where", "when's", "where's"})
AUXILIARIES = frozenset({"is", "are", "am", "was", "were", "can", "could", "would", "will", "do", "does",
                         "did", "has", "have", "may", "might", "must", "isn't", "aren't", "can't",
                         "won't", "don't", "doesn't", "wouldn't", "couldn't"})
PRONOUNS = frozenset({"i", "you", "it", "this", "that", "these", "those", "there", "we", "they", "he",
                      "she", "it's", "i'm", "u", "anyone", "anything", "something", "someone"})
SUBJECTS = PRONOUNS | {"my", "your", "the", "a", "an", "some", "any", "ur", "one", "running", "rest"}
#: Auxiliaries that start statements before a noun in runner shorthand ("did a half on sunday",
#: "have a 10k on sunday"): a question only with a pronoun after them ("did I overdo it").
SHORTHAND_AUXILIARIES = frozenset({"did", "has", "have", "was", "were", "am", "may", "might", "must"})
#: Auxiliaries that ask even before a word that is not a subject ("is cycling ok", "can swimming
#: help"), unless the message is the answer the bot asked for.
LOOSE_AUXILIARIES = frozenset({"is", "are", "can", "could", "would", "will", "do", "does"})
#: Requests that ask without a question word ("any tips for ...", "exercises to strengthen ...").
REQUESTS = frozenset({"any", "anything", "tips", "advice", "best", "explain", "exercises", "stretches",
                      "drills", "ideas", "ways", "recommendations", "suggestions"})
#: Not requests after all: "any time I run it hurts".
NOT_REQUESTS = re.compile(r"^(any ?time|any ?more|any ?way|anything (?:but|else hurts))\b")
#: Words before the question that are not part of it: "so", "just", "tbh", "quick question".
FILLERS = frozenset({"so", "and", "also", "but", "just", "ok", "okay", "um", "umm", "hmm", "btw", "tbh",
                     "honestly", "question", "quick", "please", "oh", "well", "then", "plus", "or",
                     "anyway", "right", "mate", "lol", "unrelated", "another", "one", "more", "thing",
                     "tldr", "tl", "dr", "pls", "plz", "basically", "seriously", "genuinely", "real"})
#: "at what point ...", "for how long ...", "in which ...".
PREPOSITIONS = frozenset({"at", "in", "for", "after", "by", "on", "to", "from", "with", "within", "about"})
#: A clause that wonders aloud asks too ("I'm wondering whether ...", "hard to tell if ...").
WONDERING = re.compile(
    r"\b(?:wonder|wondering|wondered|curious|hard to (?:tell|know|say)|can't (?:tell|work out|figure out)"
    r"|do you know|any idea|any ideas|i'd like to know|i want to know|need to know|tell me)"
    r"\b.*\b(?:if|whether|how|what|when|why|which|about)\b"
    # "im so confused about whether to ice or heat my ankle" (tester round 25: the pain question, unanswered)
    r"|\b(?:confused|not sure|unsure|torn)\b.*\b(?:whether|which|what) (?:to|i should)\b"
)
#: A question inside a clause, after a statement with no comma ("if it hurts 2/10 while running is
#: that fine?", "I jumped to a half marathon is that why it hurts"): split before it.
INNER = re.compile(r"\s+(?=(?:is|does|should|can|could|would|will|do|did) (?:that|it|this|i)\b)")
_CLAUSES = re.compile(r"[,;:.!?()]+|\s+-\s+|\s+(?:but|so)\s+")


def fuzzy_question_word(word: str, known: Callable[[str], bool]) -> str | None:
    """The question word an unknown word is a typo of ("hwo" -> how, "shuold" -> should)."""
    if len(word) < 3 or "'" in word or known(word):  # "couldn't" is not a typo of "shouldn't"
        return None
    candidates = sorted(QUESTION_WORDS | WHEN_WHERE | {"can", "does", "could", "would"})
    for candidate in candidates:
        if sorted(candidate) == sorted(word):
            return candidate  # two letters swapped
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.8)
    return close[0] if close else None


def _opening(words: list[str]) -> list[str]:
    """The clause's words from where the question would start (fillers and a preposition off)."""
    i = 0
    while i < len(words) - 1 and words[i] in FILLERS:
        i += 1
    if i < len(words) - 1 and words[i] in PREPOSITIONS and words[i + 1] in QUESTION_WORDS | WHEN_WHERE:
        i += 1
    return words[i:]


def clause_asks(clause: str, words: list[str], known: Callable[[str], bool], *, answers_request: bool) -> bool:
    """Does this clause ask something (by its form alone)? `answers_request`: the message gives
    the answer the bot asked for, so "can still stand on one leg" is that answer, not a question."""
    if clause.endswith(" or not") or clause == "or not" or WONDERING.search(clause):
        return True
    words = _opening(words)
    if not words:
        return False
    first = words[0]
    if len(words) >= 3 and words[1] == "or" and not answers_request:
        return True  # a choice said first: "ice or heat for a tight calf"
    if clause.endswith((" yes or no", " good or bad", " ok or not", " or nah")):
        return True  # a choice asked at the end: "foam roller yes or no"
    first = fuzzy_question_word(first, known) or first
    second = words[1] if len(words) > 1 else ""
    if first in QUESTION_WORDS:
        return True
    if first in WHEN_WHERE:
        return second in AUXILIARIES or second in QUESTION_WORDS
    if first in AUXILIARIES:
        # "does taping help", "would cycling be ok": a gerund after an auxiliary other than
        # "is"/"are" is the subject of a question ("is getting worse" answers one).
        gerund = second.endswith("ing") and first not in ("is", "are", "was", "were", "am")
        if first in SHORTHAND_AUXILIARIES:
            return second in PRONOUNS
        return second in SUBJECTS or gerund or (first in LOOSE_AUXILIARIES and not answers_request)
    if first in REQUESTS:
        return not NOT_REQUESTS.match(" ".join(words))
    return False


def split_questions(lower: str, known: Callable[[str], bool], *, answers_request: bool = False) -> tuple[str, bool]:
    """The statements of a message without its question clauses, and whether it has one. The last
    clause of a message ending with "?" asks whatever its form, unless the message is the short
    answer the bot asked for ("left knee?")."""
    text = lower.rstrip()
    if text.endswith("?"):
        text = INNER.sub(", ", text)
    clauses = [(c.strip(), WORD.findall(c)) for c in _CLAUSES.split(text)]
    clauses = [(c, w) for c, w in clauses if w]
    statements: list[str] = []
    asks = False
    for i, (clause, words) in enumerate(clauses):
        last = i == len(clauses) - 1
        marked = last and lower.rstrip().endswith("?") and not answers_request
        if marked or clause_asks(clause, words, known, answers_request=answers_request):
            asks = True
        else:
            statements.append(clause)
    return ", ".join(statements), asks
