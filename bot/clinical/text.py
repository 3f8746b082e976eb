"""Reading facts out of a runner's message: normalising, sentences, negation, question form.

Pure functions over strings. A fact is stated by a pattern of knowledge/clinical/facts.yml; a
match negated in its clause states the opposite ("no chest pain", "I didn't fall or twist it",
"chest pain? no"); a match inside a general or hypothetical question ("how long does a stress
fracture take to heal?", "what if I get chest pain?") states nothing.
"""

from __future__ import annotations

from bisect import bisect_left
import re
from collections.abc import Iterable
import unicodedata
from functools import lru_cache
from dataclasses import dataclass

from bot import regexes
from bot.folding import fold_accents
from bot.clinical.rules import ClinicalRules, Fact, Pattern
from bot.nlu.vocabulary import BODY_PARTS, BODY_PARTS_ES, DROPPED_G
from bot.prefilter import Alternation, Gated, GateSet

# Chat spellings -> the forms the patterns expect. Applied word by word.
SPELLINGS: dict[str, str] = {
    "dont": "don't", "cant": "can't", "wont": "won't", "im": "i'm", "ive": "i've", "didnt": "didn't",
    "doesnt": "doesn't", "isnt": "isn't", "wasnt": "wasn't", "havent": "haven't", "hasnt": "hasn't",
    "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't", "arent": "aren't",
    "werent": "weren't", "its": "it's", "thats": "that's", "u": "you", "ur": "your", "r": "are",
    "cnt": "can't", "abt": "about", "bc": "because", "cuz": "because", "coz": "because",
    "tingly": "tingly", "numbb": "numb", "fainted.": "fainted", "feinted": "fainted", "feint": "faint",
    "brethless": "breathless", "breathles": "breathless", "tounge": "tongue", "wierd": "weird",
    "achilles'": "achilles", "calfs": "calves", "hopping.": "hopping", "urin": "urine",
    "evry": "every", "evrey": "every", "evey": "every", "finshed": "finished", "finsihed": "finished",
    # "finishd the 10k. feel v weird. so hot ... cant think strait" (blind vignettes 43: heat stroke read as nothing)
    "finishd": "finished", "finised": "finished", "strait": "straight", "stright": "straight", "straigt": "straight",
    "backs": "back's",  # "my backs been killing me"
    # typed fast in a panic: "husbnd colapsed aftr trail race, awake now but confusd" (tester round
    # 44 got "Where does it hurt?")
    "colapsed": "collapsed", "collaped": "collapsed", "colapse": "collapse", "collasped": "collapsed",
    "collpased": "collapsed", "confusd": "confused", "confued": "confused", "confussed": "confused",
    "confuzed": "confused", "disorientated.": "disorientated", "husbnd": "husband", "hubsand": "husband",
    "aftr": "after", "afer": "after", "breathin": "breathing", "unconcious": "unconscious",
    "unconsious": "unconscious", "vommited": "vomited", "vomitted": "vomited", "throwin": "throwing",
    # "my right calf is swolen and warm for 2 days" (tester round 56: the clot question never asked,
    # a physio at the end)
    "swolen": "swollen", "swolled": "swollen", "swollon": "swollen", "swallen": "swollen", "sollen": "swollen",
    "sweling": "swelling", "swellin": "swelling",
    **DROPPED_G,
}
_NON_TEXT = re.compile(r"[^a-z0-9'?.!,;:\-/°% ]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?;]+")
_NEGATOR = re.compile(
    r"\b(no|not|never|without|didn't|don't|doesn't|isn't|wasn't|aren't|weren't|haven't|hasn't|"
    r"hadn't|nor|neither|none|nothing|zero|free of|no longer|denies|ruled out|no sign of|no signs of|"
    r"sin|nunca|tampoco|ningun|ninguna|ni)\b"
)
# Negation words that do not negate what follows ("no idea why my pee is brown").
_PSEUDO_NEGATION = re.compile(
    r"\b(no idea|not sure|not only|no matter|not just|no doubt|don't know|not even sure|"
    r"doesn't matter|don't care|not that bad|never mind|nothing else|didn't think much|"
    r"don't remember|can't remember|didn't notice|don't think|"
    # a correction's "no", not a denial: "wait no she drank LOTS" (tester round 49 read "she did not drink a lot")
    r"wait,? no|no,? wait|oh no|hang on,? no|"
    # not tested, not denied: "havent tried hopping, hang on... yeah ouch, yes" (tester round 26:
    # /summary said "Hopping does not hurt")
    r"haven't tried|have not tried|not tried|never tried|didn't try|did not try|haven't tested|not tested|"
    # minimising, not denying: "i twisted it, it's nothing, just a silly sprain"
    r"no es nada|it's nothing|its nothing|nothing serious|nothing major|nothing much|"
    # what does not hurt is the running, not what follows: "it does not really hurt when I run, only
    # at night" (tester round 44: the night pain read as denied, a hip stress fracture warning dropped)
    r"(doesn't|does not|don't|do not|isn't|is not) (really |even |much |that much )?(hurt|sore|painful|ache|bother me)( much)? "
    r"(when|while|during|on) (i )?(run|running|runs|jogging)|"
    # signs said with a "not" in them: "she's not making sense, keeps asking the same thing over
    # and over" (blind vignettes 9: the repetition was read as denied)
    r"not making (any )?sense|making no sense|not (herself|himself|themselves|with it)|not responding|"
    # worse, said as "not better": "worse not better, really swollen" (forecast vignettes 11)
    r"(not|no|isn't|wasn't|aren't|never) (any |getting |feeling )?(better|improving|easing|settling)|worse not|"
    # an aside about what follows: "(maybe not relevant) I haven't had a period since June" (tester
    # round 20 heard "your periods are regular")
    r"not (really |probably |sure if it'?s |sure it'?s )?(relevant|important|related|a big deal|a thing)|"
    # a kind corrected, not denied: "its not pain really, more like pressure" (tester round 27:
    # chest pressure with a heavy left arm was heard as "no chest pain")
    r"not (a |an )?\w+( really| exactly| as such| so much)?,? (it'?s |its )?(more|rather|but more)( like| of| a| an)?|"
    # ... or said plainly: "its not pain its numbness" (tester round 29: "Noted: no numbness")
    r"not (a |an )?\w+( really| exactly| as such)?,? (it'?s|its|it is|but))\b"
)
#: An ability stated ("can walk", "able to put weight on it") or a statement followed by "fine"
#: ("walking fine"): like _ALL_IS_WELL, a denial in an earlier comma-segment does not reach it ("no
#: pop no bruise, can walk fine": blind vignettes 10 was sent to a doctor for not bearing weight).
_CAN_DO = re.compile(r"(?:i )?(?:can|could|able to|still able to)\b(?!'t)")
_FINE_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:fine|ok|okay|normally|alright|all right|no problem)\b")
_ALL_IS_WELL = re.compile(r"\b(fine|ok|okay|normal|normally|no problem|alright|all right|pain.?free)\b")
_UNCERTAIN = re.compile(r"\b(not sure (if|whether)|unsure (if|whether)|don't know (if|whether)|no idea (if|whether)|can't tell (if|whether))\s*$")
_CLAUSE_BREAK = re.compile(
    r"(\bbut\b|\bhowever\b|\balthough\b|\bthough\b|\byet\b|\bexcept\b|\bwhereas\b|\bwhile\b|"
    r"\band (now|then|my|it|i|since|after)\b|\bthen\b|\bso\b|\bbecause\b|"
    # ", just went down": a denial's list ends where "just", "only" or "instead" say what did happen
    r",\s*(?=(my|it|i|i'm|i've|and|the|now|then|this|that|but|so|also|plus|just|only|instead|simply|one|it's|maybe|perhaps|actually)\b)|"
    # a new clause, comma or none: "it doesnt go away 😩 its like one spot on the bone" (tester round
    # 25: the "doesn't" denied the spot, and a 13-year-old was told she could race on it)
    r"\b(?=(it's|it is|there's|there is) (like|just|only|one|a|at|in|on|right)\b))"
)
# A negation does not reach across these into what they introduce: "I haven't peed since the
# marathon" denies peeing, not the marathon; "can't walk since the fall" denies walking, not the fall.
_SCOPE_END = re.compile(r"\b(since|after|during|before|following|from)\b")
#: After a place: it is fine ("my back's fine though", "knees are ok").
_PLACE_IS_FINE = re.compile(r"(?:'s|s| is| are| feels?| seems?)\s+(?:totally |completely |absolutely |all |perfectly |still )?"
                            r"(?:fine|ok|okay|alright|all right|good|normal|grand)\b")
_FOLLOWING_NEGATION = re.compile(r"^\s*[-:?,]?\s*(none|no|nope|nah|not really|never|negative|nothing)\s*([.!?,;]|$)")
_FIRST_PERSON = re.compile(r"\b(i|i'm|i've|i'd|i'll|me|my|mine|myself|we|our)\b")
_QUESTION_START = re.compile(r"^\s*(what|how|is|are|can|could|does|do|should|when|why|which|will|would|who|any)\b(?!'t)")  # not "can't"
_HYPOTHETICAL = re.compile(
    # ("so 2 i suppose", "i suppose so": a shrug, not a supposition; tester round 43 got the walk-run card)
    r"\b(what if|in case|hypothetically|supposing|(?<!\bi )suppose(?! so\b)|(?<!to )(?<!she )(?<!he )(?<!they )(?<!wife )(?<!partner )say i(?!')|let's say|"
    # (not "as if someone had kicked me": how it felt, said of the runner; tester round 43 got a physio)
    r"(?<!\bas )if (i|you|someone|somebody|a runner|runners|people|one) (ever )?(get|gets|got|have|has|had|feel|feels|felt|notice|notices|start|starts|were to)|"
    r"how (do|would|can|could|should) (i|you|one|we) (know|tell)|signs of|symptoms of|what does .{1,30} feel like|"
    r"difference between|just curious|in general|asking for a friend|"
    # testing it is not having done it: "should I try hopping on it to see if it hurts?" (tester 6)
    r"to see if|to check if|to test (if|whether|it)|should i (try|test|check)|do i (need|have) to (try|test))\b"
)


@lru_cache(maxsize=256)
def normalise(text: str) -> str:
    """Lower case, straight quotes, chat spellings fixed, letters repeated 3+ times squeezed to 2.
    (A turn reads the same message here six or seven times, from the actions and the engine: kept.)"""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").replace("\u2013", "-")
    # Accents folded ("me desmayé" -> "me desmaye"): the Spanish phrasings in facts.yml are written so.
    text = fold_accents(text)
    text = _NON_TEXT.sub(" ", text)
    text = _REPEATS.sub(r"\1\1", text)
    words = []
    for w in text.split():
        core = w.strip(".,!?;:")
        if core in SPELLINGS:
            w = w.replace(core, SPELLINGS[core])
        words.append(w)
    return _SPACES.sub(" ", " ".join(words)).strip()


@dataclass(frozen=True)
class Mention:
    """One statement of a fact in a message: true or false, with the runner's own words."""

    fact: str
    value: bool
    words: str
    start: int


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around `pos`: from the end of the last [.!?;] run before it to the end of the
    next run (a run `pos` is inside counts as cut at `pos`, as a search bounded there would)."""
    starts, ends = _sentence_marks(text)
    i = bisect_left(starts, pos)  # runs starting before pos: [0, i)
    start = 0
    if i:
        start = ends[i - 1] if ends[i - 1] <= pos else pos
    if i and ends[i - 1] > pos:
        return start, ends[i - 1]
    return start, ends[i] if i < len(ends) else len(text)


@lru_cache(maxsize=16)
def _sentence_marks(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where each [.!?;] run starts and ends (a message is read many times a turn: once per fact)."""
    runs = [m.span() for m in _SENTENCE_END.finditer(text)]
    return tuple(a for a, _ in runs), tuple(b for _, b in runs)


def _clause_start(text: str, sentence_start: int, pos: int) -> int:
    # The window reaches a little past `pos` so a look-ahead (", i ...") can see its word.
    breaks = [m for m in _CLAUSE_BREAK.finditer(text, sentence_start, pos + 12) if m.end() <= pos]
    return breaks[-1].end() if breaks else sentence_start


def _words(text: str, start: int, end: int) -> str:
    """The runner's words around a statement: its clause, trimmed, at most ~90 characters."""
    s_start, s_end = _sentence_bounds(text, start)
    snippet = text[s_start:s_end].strip(" .!;,")
    if len(snippet) > 90:
        c_start = _clause_start(text, s_start, start)
        stop = min(s_end, max(end, c_start + 90))
        while stop < s_end and text[stop - 1].isalnum() and text[stop].isalnum():
            stop += 1  # never a word cut in half ("comes bac")
        snippet = text[c_start:stop].strip(" .!;,")
    return snippet


#: A statement that is itself a denial ("no limp", "not limping"): an earlier denial in a list
#: ("no injury, no limp") does not turn it round (vignettes 5: read as "can't walk").
_SAID_AS_A_DENIAL = re.compile(r"(?:no|not|never|without)\b")


_NOT_THE_WHOLE = re.compile(r"\bnot (?:the |my )?(?:whole|entire|all of (?:the |my )?) ?(?:\w+ )?$")


def negated(text: str, sentence_start: int, match: re.Match[str], words: int = 5) -> bool:
    """Is this statement denied ("no chest pain", "didn't fall or twist it", "numbness? none")?
    `words`: how far back a negation reaches."""
    clause = text[_clause_start(text, sentence_start, match.start()): match.start()]
    if _NOT_THE_WHOLE.search(clause):
        return False  # "one spot, not the whole shin": how much of the shin, not a denial of it
    if (_ALL_IS_WELL.search(match.group(0)) or _SAID_AS_A_DENIAL.match(match.group(0))
            or _CAN_DO.match(match.group(0)) or _FINE_AFTER.match(text, match.end())):
        # "no fever, walking fine": a list's negation does not carry into a statement that
        # something is fine; only a negation in its own comma-segment does ("not walking fine").
        clause = clause.rsplit(",", 1)[-1]
    ends = list(_SCOPE_END.finditer(clause))
    if ends:
        clause = clause[ends[-1].end():]
    window = " ".join(clause.split()[-words:])
    if re.fullmatch(r"\W*(?:no|nope|nah)\W*", window) and re.match(r"(?:i|i'm|im|it's|its|it|she|he|they)\b", match.group(0)):
        # a reply's "no", then a statement with its own subject: "no i dey pee normal" (tester round
        # 58: the normal peeing read as denied, and the question asked again)
        return False
    # Pseudo-negations are taken out, not allowed to cancel a real one: "not sure, no swelling"
    # still denies the swelling; "worse not better, really swollen" does not (forecast vignettes 11).
    if _NEGATOR.search(_PSEUDO_NEGATION.sub(" ", window)):
        return True
    return bool(_FOLLOWING_NEGATION.match(text[match.end():]))


def uncertain(text: str, sentence_start: int, match: re.Match[str]) -> bool:
    """"not sure if I fell": neither a yes nor a no."""
    clause = text[_clause_start(text, sentence_start, match.start()): match.start()]
    return bool(_UNCERTAIN.search(clause))


_ANSWERED_AFTER = re.compile(r"^\s*(no|none|nope|nah|never|yes|yeah|yep|not really|a bit)\b")


#: "is X normal?" and its kin: whether a sign is worth worrying about.
_NORMAL_QUESTION = re.compile(r"\b(?:normal|ok|okay|bad|serious|dangerous|a worry|worrying|something to worry about|a concern|fine|common)\b")
#: A sentence that tells of now, of the runner or of the one they write for.
_PERSONAL_NOW = re.compile(r"\b(?:mine|my (?:pee|urine|chest|heart|wee)|i'?m|i am|i have|i've got|ive got|he'?s|she'?s|he is|she is|"
                           r"they'?re|they are|asking for (?:my|a) \w+|today|right now|just now|at the moment)\b")


def sentence_is_general(sentence: str, after: str = "") -> bool:
    """A question about a condition in general, or a hypothetical, states no fact about the runner.
    ("chest pain? no" is a checklist answered, not a question.)"""
    if _ANSWERED_AFTER.match(after):
        return False
    if _HYPOTHETICAL.search(sentence):
        return True
    is_question = sentence.rstrip().endswith("?") or bool(_QUESTION_START.match(sentence))
    return is_question and not _FIRST_PERSON.search(sentence)


_TAIL_QUESTION = re.compile(r",\s*(is|are|should|can|could|does|do|will|would|what|how|was|any|normal)\b[^,]*$")


def question_start(sentence: str) -> int:
    """Where the question begins in a general sentence: "fainted at the finish, felt fine after,
    is that normal?" states what happened and asks only at the end."""
    if _HYPOTHETICAL.search(sentence) or _QUESTION_START.match(sentence):
        return 0
    tail = _TAIL_QUESTION.search(sentence.rstrip(" ?.!"))
    return tail.start() if tail else 0


def _location_patterns() -> dict[str, re.Pattern[str]]:
    out = {}
    for loc, phrases in BODY_PARTS.items():
        phrases = phrases + BODY_PARTS_ES.get(loc, ())  # the text is accent-folded: "talon", not "talón"
        # Longest first; equal lengths by text, so that the pattern is the same in every process
        # (a set's order is not: the compiled-pattern cache missed these at each start).
        words = sorted({p for p in phrases if p not in ("the back", "heal", "sheen", "fot", "shinn")},
                       key=lambda w: (-len(w), w))
        tail = r"(?! of\b)" if loc == "lower_back" else ""
        # "fine lying on my back": how they lie, not where it hurts (blind vignettes 12)
        head = r"(?<!\blying on )(?<!\blaying on )(?<!\bsleeping on )(?<!\bsleep on )(?<!\blie on )" if loc == "lower_back" else ""
        out[f"loc:{loc}"] = re.compile(head + r"\b(" + "|".join(re.escape(w) for w in words) + r")\b" + tail)
    return out


_LOCATIONS = _location_patterns()


@lru_cache(maxsize=4)
def _scan_plan(rules: ClinicalRules) -> tuple[tuple[str, tuple[Pattern, ...], tuple[Pattern, ...]], ...]:
    """Each fact's patterns, those without exceptions joined into one alternation (one pass)."""
    def joined(patterns: tuple[Pattern, ...]) -> tuple[Pattern, ...]:
        plain = [p.rx.pattern for p in patterns if not p.excepts and not p.where]
        out = [Pattern(regexes.gated(p.rx.pattern, getattr(p.rx, "flags", 0)), p.excepts, p.where)
               for p in patterns if p.excepts or p.where]
        if plain:
            out.insert(0, Pattern(regexes.alternation(plain)))
        return tuple(out)

    # Each behind its literal prefilter (bot.prefilter): most facts' words are in no message.
    plan = [(f.id, joined(f.yes), joined(f.no)) for f in rules.facts.values()]
    plan += [(loc, (Pattern(regexes.gated(rx.pattern)),), ()) for loc, rx in _LOCATIONS.items()]
    return tuple(plan)


@lru_cache(maxsize=4)
def _scan_gates(rules: ClinicalRules) -> GateSet:
    """Which of the plan's patterns may match a text, in one pass over its words."""
    return GateSet(_scan_entries(rules)[0])


@lru_cache(maxsize=4)
def _scan_entries(rules: ClinicalRules) -> tuple[dict[Gated, tuple[int, ...]], tuple[int, ...]]:
    """Each gated pattern of the plan -> the plan entries that hold it; and the entries with a
    pattern that is not gated (always scanned). With the live patterns of a text, only the
    entries that may find something are scanned, in the plan's order."""
    entries: dict[Gated, list[int]] = {}
    always: list[int] = []
    for i, (_, yes, no) in enumerate(_scan_plan(rules)):
        for p in yes + no:
            if isinstance(p.rx, Alternation):
                for part in p.rx.parts:
                    entries.setdefault(part, []).append(i)
            elif isinstance(p.rx, Gated):
                entries.setdefault(p.rx, []).append(i)
            else:
                always.append(i)
    return {g: tuple(dict.fromkeys(ix)) for g, ix in entries.items()}, tuple(dict.fromkeys(always))


def places_in(sentence: str) -> set[str]:
    """The places (loc:*) a sentence names."""
    return {loc for loc, rx in _LOCATIONS.items() if rx.search(sentence)}


#: A sentence about another adult ("a guy from my club collapsed at the finish", "my mate tore
#: his calf"), and the ones after it about them ("he's ok now"): their story, not the runner's,
#: when the runner says what hurts them elsewhere in the message (forecast vignettes 11: a
#: clubmate's collapse sent a runner with sore calves to a doctor for their heart). A child or a
#: friend written about with no pain of the writer's own is who the conversation is about.
_SOMEONE_ELSE = re.compile(
    r"^\W*(?:(?:so|and|but|well|also|plus|yesterday|today|last \w+|on \w+|at \w+)\W+)?"
    r"(?:(?:a|an|one|this|that|some) (?:\w+ )?(?:guy|man|woman|lady|girl|bloke|runner|chap|fella|dude|person|friend|mate|"
    r"clubmate|teammate|member)|someone|somebody|one of (?:my|our|the) \w+|"
    r"(?:my|our) (?:\w+ )?(?:friend|mate|buddy|pal|clubmate|teammate|training partner|running partner|husband|wife|"
    r"partner|boyfriend|girlfriend|dad|father|mum|mom|mother|brother|sister|colleague|neighbou?r|coach))\b")
_THEY = re.compile(r"^\W*(?:and |but |thankfully |luckily )?(?:he|she|they|he's|she's|they're|hes|shes|his|her|their)\b")
_MY_PAIN = re.compile(r"\b(?:my|i|i'm|im|i've|ive|me)\b.{0,40}\b(?:sore|hurts?|hurting|pain|painful|aches?|aching|achy|"
                      r"twinge|niggle|tight|stiff)\b|\b(?:sore|hurts?|hurting|pain|painful|aches?|aching|tight|stiff) (?:my|me)\b")


def _someone_elses(norm: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of `norm`'s sentences about another adult (see _SOMEONE_ELSE), when another
    sentence says what hurts the runner; [] otherwise."""
    spans: list[tuple[int, int]] = []
    theirs = False
    for a, b in sentences:
        sentence = norm[a:b]
        theirs = bool(_SOMEONE_ELSE.search(sentence)) or (theirs and bool(_THEY.search(sentence)))
        if theirs:
            spans.append((a, b))
    if spans and any(_MY_PAIN.search(norm[a:b]) for a, b in sentences if (a, b) not in spans):
        return spans
    return []


def read_mentions(norm: str, rules: ClinicalRules,
                  places: frozenset[str] = frozenset()) -> tuple[list[Mention], bool]:
    """Every fact stated in `norm` (normalised text), in order; and whether a sentence was a
    general question (so the caller answers it as a question, not as a finding). `places`: where
    the conversation knows it hurts (loc:*), the context of a pattern that names no place
    ("it's swollen and warm", said of the calf)."""
    general_spans: list[tuple[int, int]] = []
    sentences: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(norm + "."):
        end = m.end()
        sentence = norm[start:end]
        sentences.append((start, end))
        if sentence_is_general(sentence, norm[end:end + 12]):
            general_spans.append((start + question_start(sentence), end))
        start = end
    if general_spans and any(_PERSONAL_NOW.search(norm[a:b]) for a, b in sentences if (a, b) not in general_spans
                             and not any(ga <= a < gb for ga, gb in general_spans)):
        # "is chest tightness after a race normal? asking for my bf ... sweating like crazy", "is
        # dark urine normal after a long run? mine is kinda brown today" (tester round 38: foam
        # rolling, then "Keep running"): asked whether it is normal of a sign that is happening,
        # to them or to the one they write for; the sign is said.
        # (Only what it asks about: "is dark urine normal?" says nothing is normal.)
        lifted = [(a, b) for a, b in general_spans if _NORMAL_QUESTION.search(norm[a:b])]
        general_spans = [span for span in general_spans if span not in lifted]
    else:
        lifted = []
    others = _someone_elses(norm, sentences)

    def in_general(pos: int) -> bool:
        return any(a <= pos < b for a, b in general_spans) or any(a <= pos < b for a, b in others)

    mentions: list[Mention] = []
    live = _scan_gates(rules).live(norm)  # most facts' words are in no message

    def scan(fact_id: str, patterns: tuple[Pattern, ...], value: bool) -> None:
        for p in patterns:
            rx = p.rx
            if isinstance(rx, Alternation):
                found: Iterable[re.Match[str]] = rx.finditer(norm, live)
            elif isinstance(rx, Gated):
                found = rx.rx.finditer(norm) if rx in live else ()
            else:
                found = rx.finditer(norm)
            for m in found:
                if in_general(m.start()) or (not value and any(a <= m.start() < b for a, b in lifted)):
                    continue
                s_start, s_end = _sentence_bounds(norm, m.start())
                sentence = norm[s_start:s_end]
                if any(e.search(sentence) for e in p.excepts):
                    continue
                if p.where:
                    named = places_in(sentence)
                    # Said of the place that hurts: the conversation's, unless this sentence
                    # names another one ("my knee is swollen and warm" is not the calf).
                    if not set(p.where) & (named or places):
                        continue
                if uncertain(norm, s_start, m):
                    continue
                v = value
                # A statement of the opposite ("hopping is fine") is negated only right before it
                # ("not hopping fine"), never by an earlier denial ("not limping and hopping is fine").
                if negated(norm, s_start, m, 5 if value else 1):
                    if not value:  # "it's not that I can't walk": too tangled to read either way
                        continue
                    v = False
                elif value and fact_id.startswith("loc:") and _PLACE_IS_FINE.match(norm, m.end()):
                    v = False  # "my back's fine though": not where it hurts (blind vignettes 8)
                mentions.append(Mention(fact_id, v, _words(norm, m.start(), m.end()), m.start()))

    plan = _scan_plan(rules)
    entry_of, always = _scan_entries(rules)
    for i in sorted({i for g in live for i in entry_of.get(g, ())}.union(always)):
        fact_id, yes, no = plan[i]
        scan(fact_id, yes, True)
        scan(fact_id, no, False)
    mentions.sort(key=lambda x: x.start)
    return mentions, bool(general_spans)


_YES = re.compile(
    # ... "haan thoda" (Hinglish), "ja" (tester round 34: "Sorry, I didn't catch that")
    # ... "si", "oui" (tester round 43: "si" to the hopping question got "solo entiendo inglés")
    r"^(yes|yeah|yep|yup|yea|ya|y|sure|definitely|absolutely|correct|right|true|haan|haanji|haan ji|ji haan|ja|ye|yeh|yh|yah|si|oui|sim|"
    # "it did", "i am" as the whole answer, not the start of a statement ("I did drive nine hours to
    # my daughter's", "I am pregnant": blind vignettes 17 and tester round 28 were read as yes)
    r"(?:it did|i did|i am|it is|it was|it does|i have|i do|i was|they did)(?=\W*$|\s*[,.!;?]|\s+(?:yes|yeah|yep|a bit|a little|"
    r"sometimes|hurt|hurts|though|tho|too|definitely|actually|now|still|really|lol|haha|i think|i guess))|"
    # (not "a bit better today than yesterday tho" to "is your pee dark brown?": blind vignettes 27,
    # read as dark urine and sent to a doctor today for sore quads after a first 10k)
    r"(?:a bit|a little|slightly|kind of|kinda|sort of)(?! (?:better|easier|improved|eased|easing|calmer))|"
    # "i tried it, it hurts" to "does hopping hurt?" (tester round 31: "Sorry, I didn't catch that")
    r"(?:it|that)(?:'s| is)? (?:really |does |definitely |defo |kinda |a bit |so |still )?(?:hurts|hurt)"
    r"(?=\W*$|\s*[,.!;?]|\s+(?:a bit|a little|yeah|yes|lol|tho|though|now|too|like|so much|loads|a lot))|"
    # "little bit yes" (tester round 22, Indian English: "Sorry, I didn't catch that")
    r"(?:a )?little bit|a tiny bit|bit yes|little yes|small yes|"
    r"i think so|probably|mostly|uh huh|affirmative|aye|indeed|certainly|for sure|100%|very much|"
    # "sometimes at night yeah" (tester round 15: "Sorry, I didn't catch that")
    r"sometimes|at times|now and then|now and again|occasionally|on and off|off and on)\b"
)
_NO = re.compile(
    # (not "No entiendo bien inglés. Puedo andar pero cojeando" to "can you take four steps?": tester
    # round 47 read it as no, a broken bone by the Ottawa rules)
    r"^(no(?! (?:entiendo|comprendo|hablo|se|sabia|understand|speak|english|ingles)\b)|nope|nah|n|not really|never|i didn't|it didn't|not at all|none|negative|don't think so|"
    # "nahi, nothing like that" (Hinglish), "nein, just the calf" (tester round 34: not understood)
    r"nahi|nahin|nahi ji|ji nahi|nein|"
    r"i don't think so|no way|i haven't|i can't say|it doesn't|it isn't|it wasn't|i wasn't|"
    # ... but "I'm not depressed or anything, just bored. can I cycle?" to "can you take four steps?"
    # says nothing of walking (blind safety set 18 sent it to a doctor today for a broken bone)
    r"i'm not(?! (?:depressed|sad|suicidal|bored|worried|stressed|upset|anxious|joking|kidding|a doctor|going|gonna|trying|"
    r"asking|saying|being|complaining|moaning|lazy|mad|angry|crazy|dramatic|a runner|new|that)\b)|"
    r"nothing like that|not that i know|not that i noticed|neither|not as far as i know)\b"
)
_UNSURE = re.compile(r"^(not sure|unsure|don't know|dunno|idk|no idea|maybe|possibly|hard to say|can't tell|no clue|"
                     # not tried, so not known: "I haven't tried hopping, should I?" is no "no" (tester round 5)
                     r"(i )?(haven't|have not|didn't|did not|never|not) (tried|tested|checked|pressed|done)( it| that)?|"
                     r"should i (try|test|check)|do i (need|have) to (try|test)|"
                     r"i've not (tried|tested|checked))\b")


#: Words before the answer itself: "haha weird question but actually kinda?", "i just said,
#: kinda" (tester round 15: both were read as no answer and the red flag was lost).
_LEAD = re.compile(r"^(?:(?:haha\w*|hah|lol|lmao|hmm+|um+|uh+|er+m?|well|oh|so|honestly|tbh|ngl|actually|i mean|"
                   r"(?:a )?(?:weird|odd|strange|funny) question,? but|funny you (?:should )?(?:ask|mention it),?(?: but)?|"
                   r"now that you mention it|now you mention it|(?:like |as )?i (?:literally |just |already )*said(?: that| so| it)?|i already said(?: that| so| it)?|"
                   # "i just said that lol. yes the bump on the outside", "whatever. yes" (tester round 24:
                   # "Sorry, I didn't catch that")
                   r"i told you(?: that| so)?|whatever|ugh+|omg|ffs|sigh|come on|ok(?:ay)?|sure|"
                   # "ok i tried it yeah it hurts", "tried hopping and it hurts" (tester round 31:
                   # "Sorry, I didn't catch that"): the test done, then the answer
                   r"(?:i )?(?:just )?(?:tried|did|tested|done) (?:it|that|hopping|a hop|the hop|a few hops|it out|"
                   r"hopping on it)(?: (?:just )?now)?(?: and)?)\b[\s,.!?-]*)+")


def _answer_part(text: str) -> str:
    norm = normalise(text).strip(" .!,")
    return _LEAD.sub("", norm).strip(" .!,?") or norm


#: A test the runner will not try ("I am pregnant, I am not going to start hopping"): not known.
_REFUSED = re.compile(r"\b(?:not going to|not gonna|won'?t|wont|will not|i'?m not|am not|rather not|not about to|no way i'?m) "
                      r"(?:start |even |be )?(?:try|trying|hop|hopping|test|testing|do that|doing that|jump|jumping|press|pressing)\b"
                      # or cannot try it for age or balance: "oh I couldn't hop at my age dear, I'd fall
                      # over" (tester round 37: "Sorry, I didn't catch that")
                      r"|\b(?:can'?t|cannot|couldn'?t|could not|unable to) (?:hop|jump)\b[^.!?]{0,30}\b(?:at my age|too old|my age|i'?d fall|"
                      r"would fall|fall over|my balance|never could)\b"
                      # "Goodness, I'm 70, I don't hop. Not sure." (tester round 56: asked the same again)
                      r"|\bi (?:don'?t|do not|never|can'?t|cannot) (?:really |even )?(?:hop|jump)\b(?! (?:on|much|far|high|well))")


def refused(text: str) -> bool:
    """Does the reply refuse the test the question asks for? Then it answers neither yes nor no."""
    return bool(_REFUSED.search(normalise(text)))


def unsure(text: str) -> bool:
    """Does the reply say the runner does not know ("not sure", "idk"), or will not try the test
    ("I am not going to start hopping": tester round 28)? Then it is an answer."""
    return bool(_UNSURE.match(normalise(text).strip(" .!,"))) or refused(text)


def yes_no_rest(text: str) -> tuple[bool | None, str]:
    """A reply read as yes/no, and the words after its yes/no phrase ("a bit more" -> True,
    "more"): what else the reply says."""
    norm = _answer_part(text)
    for value, rx in ((None, _UNSURE), (False, _NO), (True, _YES)):
        m = rx.match(norm)
        if m:
            rest = norm[m.end():].strip(" .!,")
            tried = _TRIED_NOW.search(rest) if value is None else None
            if tried:
                # "havent tried. ok just did in the kitchen, yeah it twinges" (tester round 41: the
                # hop test done while answering was not heard, and a hip stress fracture got a physio):
                # the answer after the test, when there is one
                after = yes_no_rest(rest[tried.end():].lstrip(" ,.;-"))
                if after[0] is not None:
                    return after
            return value, rest
    # "just the right one yeah. kinda puffy i guess?": a short first clause that ends with the yes
    # (tester round 24 was asked the blood-clot question again, and given the foam-rolling card).
    m = _YES_LAST.match(norm)
    if m:
        return True, norm[m.end():].strip(" .!,")
    return None, norm


#: The test done while answering: "ok just did (it) in the kitchen", "tried it now", then the answer.
_TRIED_NOW = re.compile(r"\b(?:(?:i )?just (?:did|tried|done)(?: it| that| one| a hop| a few)?|(?:i )?(?:tried|did|done) (?:it|that|one|a hop|a few) "
                        r"(?:just )?now|(?:ok|okay|right|hang on|wait) (?:i )?(?:did|tried) (?:it|that|one))\b[^,.;!?]{0,30}[,.;!?-]+")

_YES_LAST = re.compile(r"^(?![^.,;!?]*\b(?:fine|ok|okay|good|alright|nothing|no|not|never|nope|nah|normal|better|gone)\b)"
                       r"(?:[a-z']+ ){1,5}(?:yeah|yes|yep|yup|aye|ya)\b(?=\s*(?:[.,;!]|$))")


def yes_no(text: str) -> bool | None:
    """A reply to a yes/no question: True, False, or None when unsure or unclear."""
    norm = _answer_part(text)
    if _UNSURE.match(norm):
        return None
    if _NO.match(norm):
        return False
    if _YES.match(norm):
        return True
    return None


__all__ = ["Fact", "Mention", "normalise", "read_mentions", "refused", "unsure", "yes_no", "yes_no_rest", "sentence_is_general", "negated"]
