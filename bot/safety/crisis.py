"""The crisis half of the safety screen: how much danger a message shows, and of what kind.

Pure: no I/O after the first call (patterns compiled, the model and the language identifier
loaded once), no clock, nothing logged. It runs on every message, first.

How it reads a message (details in docs/safety.md):

1. Normalise: lower case, accents folded, disguised spellings undone ("s*icide", "k!ll",
   "su1cide"), typos and chat spellings fixed.
2. Blank what is not about the person's own danger now: explicit denials ("I'm not suicidal"),
   figures of speech ("this hill is killing me", "my watch died"), reports and titles ("the
   memorial 5k for my brother who died by suicide", "13 reasons why").
3. Find *signals* (crisis_patterns.py): ideation, method, self-harm, burden, goodbye, intent,
   plan, means, time, acted, not safe, overdose, hopelessness, dark jokes, distress; each in
   English, Spanish and basic French/Portuguese/German/Italian.
4. Check each signal in its sentence: whose danger is it (the person, or someone else)? Is it a
   general question ("can ibuprofen overdose hurt your kidneys?"), a race-moment joke ("wanted
   to die at mile 20 lol"), or a resolved past stated neutrally?
5. Decide the tier from the signals and the conversation so far (`CrisisContext`); when the
   rules see nothing, a trained second net may raise the message to `unclear` (ask).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot import regexes
from bot.folding import fold_accents
from bot.prefilter import Alternation, Gated, GateSet
from bot.safety import crisis_patterns as C
from bot.safety.patterns import TYPOS as SHARED_TYPOS
from bot.safety.answers import REASSURANCE, understand_answer
from bot.safety.language import SUPPORTED, detect_language

# The tiers, most serious first. None means nothing to act on.
EMERGENCY = "emergency"  # emergency number first: not safe, means, plan, time, acted, overdose
CRISIS = "crisis"  # the full crisis response with resources
THIRD_PARTY = "third_party"  # someone else is at risk now: how to help, the emergency number
UNCLEAR = "unclear"  # ask directly and kindly, resources in the same message
DISTRESS = "distress"  # acknowledge the loss or frustration; no screening question
TIERS = (EMERGENCY, CRISIS, THIRD_PARTY, UNCLEAR, DISTRESS)

# What each signal means for the person's own tier (crisis_patterns.py has the table).
EMERGENCY_SIGNALS = frozenset({"intent", "plan", "acted", "not_safe", "overdose", "means"})
CRISIS_SIGNALS = frozenset({"ideation", "method", "self_harm", "burden", "goodbye"})
UNCLEAR_SIGNALS = frozenset({"hopeless", "dark_joke", "means_near", "history"})
RISK_SIGNALS = EMERGENCY_SIGNALS | CRISIS_SIGNALS | {"means_near"}
#: Someone is hurting them ("my partner hits me"): the emergency tier, for that danger. Not a risk
#: signal: its subject is the other person, and the one in danger is the writer.
HARMED = "harmed"
#: Signals that only count next to crisis talk (in the message or earlier): a time, a plan said
#: loosely ("it's all planned"), a decision ("i've decided"), a last act ("one more marathon first").
BOOSTERS = frozenset({"time", "possession", "means_near", "at_place", "plan_weak", "resolve", "final", "done", "ingested"})
#: Boosters that stand for the means at hand: having them, or being at a place one could die from.
AT_HAND = frozenset({"means_near", "possession", "at_place"})
# Signals that a race-moment joke, a general question or a resolved past can explain away.
FIGURATIVE = frozenset({"ideation", "dark_joke", "hopeless", "intent", "method"})
QUESTIONABLE = frozenset({"overdose", "ideation", "self_harm"})  # ideation/self-harm only when not first person
HISTORICAL = frozenset({"ideation", "self_harm", "acted", "method", "overdose", "intent", "plan", "history"})

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_MIN_WORDS = 5
#: With distress earlier in the conversation, the model needs less to make the bot ask.
MODEL_THRESHOLD_AFTER_DISTRESS = 0.30


@dataclass(frozen=True)
class CrisisContext:
    """What the earlier messages of this conversation showed; the engine keeps it between turns
    (`to_dict` / `from_dict`, plain JSON) and passes it in. Never holds message text."""

    risk: bool = False  # the person's own crisis or emergency talk earlier
    distress: bool = False  # distress, or an unclear remark, earlier
    awaiting: str | None = None  # the question the bot asked: "are_you_safe" | "thoughts" | "form_answer"
    language: str | None = None  # the conversation's language so far
    heavy: bool = False  # the last message was heavy distress (loss of identity, low mood, grief)
    checked: bool = False  # the person said no, or safe, to the bot's question about their safety
    grief: bool = False  # grief was heard earlier (the words after "no" to the question fit it)
    others: bool = False  # someone else's risk was heard earlier (a friend's goodbye, an athlete's cuts)
    #: a high-risk medicine the person said they take (its class: "sedative", "opioid"...), so that a
    #: later count of it with alcohol or a sign of poisoning is read ("last night maybe 6 or 7, i
    #: lost count, with some wine", after "i take diazepam from a friend": tester round 57)
    medicine: str | None = None

    def after(self, assessment: CrisisAssessment, asked: str | None = None) -> CrisisContext:
        """The context for the next message, once `assessment` was answered. `asked` is the
        question the reply ended with; by default the one the protocol asks for that tier
        ("are you safe right now?" after crisis or emergency, "are you having thoughts of...?"
        after unclear)."""
        tier = assessment.tier
        if asked is None and assessment.by == "answer" and assessment.answer == "unsure":
            asked = self.awaiting  # "idk" is not an answer: ask the same question again, gently
        if asked is None:
            asked = {EMERGENCY: "are_you_safe", CRISIS: "are_you_safe", UNCLEAR: "thoughts"}.get(tier or "")
            if asked is None and self.awaiting in ("are_you_safe", "thoughts") and assessment.answer in (None, "unsure"):
                asked = self.awaiting  # no answer yet, or "idk": the question stays open
        language = assessment.language if assessment.language != "other" else self.language
        return CrisisContext(
            risk=self.risk or tier in (EMERGENCY, CRISIS) or assessment.answer in ("not_safe", "yes"),
            distress=self.distress or tier == UNCLEAR or (tier == DISTRESS and assessment.feeling in C.HEAVY_FEELINGS),
            awaiting=asked,
            language=language or self.language,
            heavy=tier == DISTRESS and assessment.feeling in C.HEAVY_FEELINGS,
            checked=self.checked or (self.awaiting in ("are_you_safe", "thoughts") and assessment.answer in ("safe", "no")),
            grief=self.grief or assessment.feeling == "grief",
            others=self.others or tier == THIRD_PARTY,
            medicine=assessment.medicine or self.medicine,
        )

    def to_dict(self) -> dict[str, Any]:
        return {"risk": self.risk, "distress": self.distress, "awaiting": self.awaiting, "language": self.language,
                "heavy": self.heavy, "checked": self.checked, "grief": self.grief, "others": self.others,
                "medicine": self.medicine}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> CrisisContext:
        data = data or {}
        awaiting = data.get("awaiting")
        language = data.get("language")
        return cls(risk=bool(data.get("risk")), distress=bool(data.get("distress")),
                   awaiting=awaiting if isinstance(awaiting, str) else None,
                   language=language if isinstance(language, str) else None,
                   heavy=bool(data.get("heavy")), checked=bool(data.get("checked")), grief=bool(data.get("grief")),
                   others=bool(data.get("others")),
                   medicine=medicine if isinstance(medicine := data.get("medicine"), str) else None)


@dataclass(frozen=True)
class CrisisAssessment:
    """The crisis screen's answer for one message. `signals` are ids (never message text)."""

    tier: str | None = None
    overdose: bool = False
    language: str = "en"
    signals: frozenset[str] = frozenset()
    third_party_signals: frozenset[str] = frozenset()
    answer: str | None = None  # the answer to `context.awaiting`: safe/not_safe/unsure, yes/no/unsure
    by: str = ""  # what decided the tier: "rules" | "context" | "answer" | "model"
    #: How the person feels, when the tier is distress: a kind of crisis_patterns.FEELINGS
    #: ("frustration", "worry", "grief", ...); it picks the acknowledgement.
    feeling: str | None = None
    #: A high-risk medicine class the person says they take (CrisisContext.medicine).
    medicine: str | None = None

    @property
    def supported_language(self) -> bool:
        """Can the bot answer in this language (else: "I understand English only" + the line)?"""
        return self.language in SUPPORTED

    @property
    def resources(self) -> bool:
        """Does the reply carry the crisis resources (everything but distress and nothing)?"""
        return self.tier in (EMERGENCY, CRISIS, THIRD_PARTY, UNCLEAR)


# --------------------------------------------------------------------------------------------
# Normalising
# --------------------------------------------------------------------------------------------

_LEET = {"1": "i", "!": "i", "0": "o", "3": "e", "$": "s", "@": "a", "4": "a", "5": "s", "7": "t", "|": "l"}
_LEET_INSIDE = re.compile(r"(?<=[a-z])[10!3$@4|57](?=[a-z])|(?<![a-z0-9])\$(?=[a-z])|(?<=[a-z])[!1](?=\b)")
_STARRED = re.compile(r"\b[a-z]*[*#.\-_]+[a-z*#.\-_]*[a-z]\b|\b[a-z]+[*#]+\b")
_STAR_WORDS = ("suicide", "suicidal", "kill", "killing", "myself", "die", "dead", "self", "harm", "cut", "cutting",
               "unalive", "death", "overdose", "hang", "wrists", "suicidio", "suicidarme", "matarme", "morirme", "morir")
#: Emoji that carry a meaning the screen reads, as words (the rest are dropped with other symbols):
#: a gun next to "shin splints again" (blind safety set 6).
_EMOJI = {"\U0001F52B": "emojigun"}
_EMOJI_WORDS = re.compile("|".join(_EMOJI))
_SPACED = re.compile(r"\b(?:k\W?m\W?s|k\W?y\W?s)\b")
_SQUEEZE = re.compile(r"([a-z])\1{2,}")
_NON_TEXT = re.compile(r"[^a-z0-9'?.!,;:\-/() ]+")  # brackets kept: an aside is not the subject
_SPACES = re.compile(r"\s+")

# Chat spellings and typos for crisis words; applied word by word after the shared TYPOS.
TYPOS: dict[str, str] = {
    "tonite": "tonight", "2nite": "tonight", "tnite": "tonight", "anymroe": "any more", "anymore": "any more",
    "agian": "again", "agin": "again", "endng": "ending", "thinkng": "thinking", "thnking": "thinking",
    "lif": "life", "abt": "about", "bout": "about", "wanna": "want to", "gunna": "gonna", "kil": "kill",
    "kms.": "kms", "suicidal.": "suicidal", "sucidal": "suicidal", "sucidial": "suicidal", "suicidle": "suicidal",
    "suicidel": "suicidal", "sucide": "suicide", "suicde": "suicide", "suiside": "suicide", "suacide": "suicide",
    "killmyself": "kill myself", "kermit": "kermit", "wnat": "want", "wnated": "wanted", "ded": "dead",
    "alseep": "asleep", "slepp": "sleep", "tired.": "tired", "nobady": "nobody", "evryone": "everyone",
    "lyfe": "life", "liife": "life", "myslef": "myself", "myselfe": "myself", "mysel": "myself", "meself": "myself",
    "selfharm": "self harm", "self-harm": "self harm", "selfharming": "self harming", "unalived": "unalive",
    "unaliving": "unaliving", "sewerslide": "sewer slide", "suey": "suicide", "diee": "die", "dye": "die",
    "od'd": "overdosed", "odd'd": "overdosed", "oded": "overdosed", "o.d.": "overdose",
    "im": "i'm", "ive": "i've", "id": "i'd", "ill": "i'll", "dont": "don't", "cant": "can't", "wont": "won't",
    "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't", "wasnt": "wasn't", "wouldnt": "wouldn't",
    "couldnt": "couldn't", "havent": "haven't", "hasnt": "hasn't", "shouldnt": "shouldn't", "whats": "what's",
    "thats": "that's", "its": "it's", "shes": "she's", "hes": "he's", "theyre": "they're", "u": "you", "ur": "your", "r": "are", "n": "and",
    "tmrw": "tomorrow", "tmr": "tomorrow", "tomorow": "tomorrow", "tommorow": "tomorrow", "rn": "right now",
    "ngl": "ngl", "idk": "idk", "pls": "please", "plz": "please", "everythin": "everything", "nothin": "nothing",
    "killin": "killing", "thinkin": "thinking", "endin": "ending", "cuttin": "cutting", "hurtin": "hurting",
    "dyin": "dying", "wantin": "wanting", "plannin": "planning", "goin": "going", "takin": "taking",
    "jumpin": "jumping", "livin": "living", "existin": "existing", "kiero": "quiero", "qiero": "quiero",
    "tnght": "tonight", "2night": "tonight", "evryi": "everyone", "everyi": "everyone", "evrything": "everything",
    "evrythng": "everything", "everythng": "everything",
    # "i took al the paracetamol we had" (blind safety set 20: nothing)
    "al": "all",
    "morirme.": "morirme", "matarme.": "matarme", "xq": "porque", "pq": "porque", "q": "que", "k": "que",
}


_ALL_TYPOS = {**SHARED_TYPOS, **TYPOS}


def _unstar(match: re.Match[str]) -> str:
    word = match.group(0)
    pattern = re.compile("^" + re.sub(r"[*#.\-_]+", "[a-z]{0,3}", re.escape(word).replace("\\", "")) + "$")
    for candidate in _STAR_WORDS:
        if pattern.match(candidate):
            return candidate
    return word


def normalise(text: str) -> str:
    """Lower case, accents folded, disguises undone, typos fixed, repeats squeezed to two."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").replace("\u00b4", "'")
    # Double quotes as single ones: a quotation stays visible to the screen ('she texted me "i dont
    # see the point anymore, goodbye"' is her words: _quoted_from_other)
    text = text.replace('"', "'").replace("\u201c", "'").replace("\u201d", "'")
    text = fold_accents(text)
    text = _EMOJI_WORDS.sub(lambda m: f" {_EMOJI[m.group(0)]} ", text)
    text = _LEET_INSIDE.sub(lambda m: _LEET.get(m.group(0), m.group(0)), text)
    text = _STARRED.sub(_unstar, text)
    text = _SPACED.sub(lambda m: re.sub(r"\W", "", m.group(0)), text)
    text = _NON_TEXT.sub(" ", text)
    text = _SQUEEZE.sub(r"\1\1", text)
    words = []
    for w in text.split():
        bare = w.strip(".,!?;:'")
        fixed = _ALL_TYPOS.get(bare)
        words.append(w.replace(bare, fixed) if fixed is not None and bare else w)
    text = _SPACES.sub(" ", " ".join(words)).strip()
    for rx, plain in _euphemisms():
        text = rx.sub(plain, text)
    return text


@lru_cache(maxsize=1)
def _euphemisms() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), plain) for p, plain in C.EUPHEMISMS)


# --------------------------------------------------------------------------------------------
# Patterns, compiled once
# --------------------------------------------------------------------------------------------

def _expand(pattern: str) -> str:
    words = dict(C.WORDS, **C.MORE_WORDS, BIGNUM=C.BIG_NUMBERS, NUM=C.NUMBERS)
    for _ in range(4):  # word classes may use other word classes
        pattern = re.sub(r"\{([A-Z_]+)\}", lambda m: words[m.group(1)], pattern)
    return pattern


def _one(patterns: Iterable[str]) -> Alternation | None:
    """The patterns as one alternation, each behind its literal prefilter (bot.prefilter): most
    messages hold the words of none of a signal's patterns, and those are not run at all."""
    items = [_expand(p) for p in patterns]
    return regexes.alternation(items) if items else None


@dataclass(frozen=True)
class _Compiled:
    signals: tuple[tuple[str, str, Alternation], ...]  # (signal, language, pattern)
    legacy_statements: Alternation
    legacy_ambiguous: Alternation
    blank: tuple[Gated, ...]
    signal_gates: GateSet  # the parts of the signals and legacy_statements: which may match a text
    blank_gates: GateSet
    race: re.Pattern[str]
    jump_from_height: re.Pattern[str]
    joke: re.Pattern[str]
    earnest: re.Pattern[str]
    question: re.Pattern[str]
    past: re.Pattern[str]
    resolved: re.Pattern[str]
    current: re.Pattern[str]
    help_someone: re.Pattern[str]
    model_gate: re.Pattern[str]
    other: re.Pattern[str]
    reflexive_other: re.Pattern[str]
    substance: re.Pattern[str]
    feelings: tuple[tuple[str, Alternation], ...]
    feeling_gates: GateSet  # the parts of the feelings: which may match a text
    feeling_negation: re.Pattern[str]
    not_feelings: re.Pattern[str]
    means_ordinary: re.Pattern[str]
    weapons: re.Pattern[str]
    accident: re.Pattern[str]
    self_cutting: re.Pattern[str]
    weak_excess: re.Pattern[str]
    paracetamol: re.Pattern[str]
    many: re.Pattern[str]
    ingest: re.Pattern[str]
    excess: re.Pattern[str]
    not_excess: re.Pattern[str]
    amount: re.Pattern[str]
    mistake: re.Pattern[str]
    frequent: re.Pattern[str]
    alcohol: re.Pattern[str]
    signs: re.Pattern[str]
    severe: re.Pattern[str]
    several: re.Pattern[str]


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    signals: list[tuple[str, str, Alternation]] = []
    for lang, table, more in (("en", C.SIGNALS_EN, C.MORE_EN), ("es", C.SIGNALS_ES, C.MORE_ES),
                              ("other", C.SIGNALS_OTHER, C.MORE_OTHER)):
        for signal in dict.fromkeys([*table, *more]):
            compiled = _one(table.get(signal, ()) + more.get(signal, ()))
            if compiled is not None:
                signals.append((signal, lang, compiled))
    blank = tuple(regexes.gated(_expand(p)) for p in C.DENIALS + C.FIGURES_OF_SPEECH + C.REPORTS)
    legacy_statements = _one(C.STATEMENTS)
    feelings = tuple((kind, alt) for kind, patterns in C.FEELINGS.items() if (alt := _one(patterns)) is not None)
    legacy_ambiguous = _one(C.AMBIGUOUS)
    assert legacy_statements is not None and legacy_ambiguous is not None
    return _Compiled(
        signals=tuple(signals), legacy_statements=legacy_statements, legacy_ambiguous=legacy_ambiguous,
        blank=blank,
        signal_gates=GateSet(p for alt in [*(a for _, _, a in signals), legacy_statements] for p in alt.parts),
        blank_gates=GateSet(blank),
        race=regexes.compile(C.RACE_MOMENT), jump_from_height=regexes.compile(_expand(C.JUMP_FROM_HEIGHT)), joke=regexes.compile(C.JOKE), earnest=regexes.compile(C.EARNEST),
        question=regexes.compile(C.GENERAL_QUESTION), past=regexes.compile(C.PAST), resolved=regexes.compile(C.RESOLVED),
        current=regexes.compile(C.CURRENT), help_someone=regexes.compile(C.HELP_SOMEONE), model_gate=regexes.compile(C.MODEL_GATE),
        other=regexes.compile(_expand(r"\b{OTHER}\b(?!'s)")),
        reflexive_other=regexes.compile(r"\b(?:him|her|them)sel(?:f|ves)\b|\b(?:his|her|their) (?:own )?(?:life|wrists?|arms?|"
                                   r"legs?|thighs?|tablets|pills|meds)\b|\bse (?:quiere|va a|piensa|corta|corto|esta|mato|mata|suicida|tomo|ha tomado|trago|"
                                   r"lastima|hace)\b|\b(?:matarse|suicidarse|quitarse|morirse)\b|\bse matar\b|"
                                   r"\bmejor sin (?:el|ella)\b|\bon (?:her|his|their) (?:arms?|wrists?|legs?|thighs?)\b|"
                                   # "dice que no quiere vivir", "dass er sich umbringen will" (blind safety set 9)
                                   r"\bno quiere (?:vivir|seguir viviendo|seguir|estar aqui)\b|\bquiere morir(?:se)?\b|"
                                   r"\b(?:dass|weil|ob) (?:er|sie) sich\b"),
        # each kind's phrases behind their prefilter: most messages hold none (tenth of a
        # millisecond a message when they were one pattern per kind; issue 18)
        feelings=feelings, feeling_gates=GateSet(p for _, alt in feelings for p in alt.parts),
        feeling_negation=regexes.compile(C.FEELING_NEGATION), not_feelings=regexes.compile(C.NOT_FEELINGS),
        means_ordinary=regexes.compile(C.MEANS_ORDINARY), weapons=regexes.compile(C.WEAPONS),
        accident=regexes.compile(C.ACCIDENT), self_cutting=regexes.compile(C.SELF_CUTTING), weak_excess=regexes.compile(C.WEAK_EXCESS), paracetamol=regexes.compile(C.PARACETAMOL),
        many=regexes.compile(rf"\b{C.MANY}\b"),
        substance=regexes.compile("|".join(rf"(?P<{name}>\b(?:{p})\b)" for name, p in C.SUBSTANCES.items())),
        ingest=regexes.compile(rf"\b{C.INGEST}\b"), excess=regexes.compile(rf"\b{C.EXCESS}"), not_excess=regexes.compile(C.NOT_EXCESS),
        amount=regexes.compile(rf"\b{C.AMOUNT}\b"), mistake=regexes.compile(rf"\b{C.MISTAKE}"),
        frequent=regexes.compile(rf"\b{C.FREQUENT}"), alcohol=regexes.compile(rf"\b{C.ALCOHOL}\b"),
        signs=regexes.compile(rf"\b{C.POISON_SIGNS}"), severe=regexes.compile(C.SEVERE_SIGNS),
        several=regexes.compile(rf"\b{C.SEVERAL}\b"),
    )


def warm_up() -> None:
    """Compile the patterns and load the model and the language identifier now."""
    from bot.safety.language import warm_up as language_warm_up

    _compiled()
    _risk_model()
    language_warm_up()


# --------------------------------------------------------------------------------------------
# The trained second net
# --------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _risk_model() -> tuple[Any, float] | None:
    """The trained second net (scripts/train_safety_model.py), or None if it is not shipped."""
    if not (MODEL_DIR / "threshold.json").exists():
        return None
    import spacy

    threshold = float(json.loads((MODEL_DIR / "threshold.json").read_text())["threshold"])
    return _load_model(spacy, MODEL_DIR), threshold


def _load_model(spacy: Any, path: Path) -> Any:
    """spacy.load(path), without reading the saved tokenizer when it is the one the model's
    config builds anyway (it is: blank English): setting its ~2,700 special cases a second time
    was ~0.1 s of every start-up. Compared byte for byte (~1 ms); any other tokenizer is read."""
    model = spacy.load(path, exclude=["tokenizer"])
    if model.tokenizer.to_bytes(exclude=["vocab"]) != (path / "tokenizer").read_bytes():
        model.tokenizer.from_disk(path / "tokenizer", exclude=["vocab"])
    return model


def risk_score(cleaned: str) -> float:
    """The model's probability of crisis talk in `model_text(text)`."""
    model = _risk_model()
    return float(model[0](" ".join(cleaned[:2000].split())).cats["RISK"]) if model else 0.0


@lru_cache(maxsize=1)
def risk_words() -> re.Pattern[str]:
    """Any word of crisis talk, means or a place to act (the second net's gate, MEANS, PLACE)."""
    return re.compile(C.MODEL_GATE + "|" + _expand(r"\b(?:{MEANS}|{PLACE})\b"))


def model_text(text: str) -> str:
    """What the model reads: the normalised message with denials, figures and reports blanked."""
    c = _compiled()
    return " ".join(_blank(normalise(text), c.blank, c.blank_gates).split())


# --------------------------------------------------------------------------------------------
# Reading a message
# --------------------------------------------------------------------------------------------

@dataclass
class _Hit:
    signal: str
    lang: str
    start: int
    end: int
    other: bool = False  # about someone else


_SENTENCE_END = re.compile(r"[.!?;]+(?:\s|$)|\s+-\s+|\n")


def _blank(text: str, patterns: Iterable[re.Pattern[str] | Gated], gates: GateSet | None = None) -> str:
    """`text` with every match of `patterns` replaced by spaces; `gates` (over the same gated
    patterns) skips those that cannot match it in one pass."""
    live = gates.live(text) if gates is not None else None
    chars = list(text)
    for rx in patterns:
        if live is not None and isinstance(rx, Gated):
            if rx not in live:
                continue
            rx = rx.rx  # its gate was asked already
        for m in rx.finditer(text):
            chars[m.start():m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


def _blank_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        bounds.append((start, m.end()))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds or [(0, len(text))]


def _sentence(bounds: Sequence[tuple[int, int]], text: str, pos: int) -> str:
    for start, end in bounds:
        if start <= pos < end:
            return text[start:end]
    return text


_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|myself|mine)\b")
# A question that is about the person ("asking for me", "I took 12 already, is that bad?").
_PERSONAL_QUESTION = re.compile(r"\b(?:i|i've|i have) (?:took|taken|swallowed|had|just|already)\b|"
                                r"\b(?:took|taken|swallowed|downed) (?:all|the lot|both|everything)\b|\bon purpose\b|"
                                r"\basking for (?:me|myself|real)\b|\bbeen feeling\b|\bfor me\b|" + C.SELF_ANSWER)
# Someone who died, named in the message: wanting to join them is a wish to die (signal `reunion`).
_A_DEATH = re.compile(r"\b(?:died|passed away|passed on|passed|death|dead|lost (?:him|her|them)|funeral|grave|widow\w*|gone now|"
                      r"murio|fallecio)\b")
_FIRST_PERSON_SUBJECT = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|myself|yo|me (?:quiero|voy|siento|corte|tome|hago))\b")


#: Words that put taking the medicine in the future: an intention, not an overdose yet.
_TAKE_LATER = re.compile(r"\b(?:going to|gonna|gunna|about to|will|i'll|plan to|planning to|want to|wanna|ready to)\s+"
                         r"(?:\w+\s+)?(?:take|swallow|down|neck|have|use)\s+(?:them|it|those|these|all|the)\b")
_TAKEN = re.compile(r"\b(?:took|taken|swallowed|downed|necked|have had|already had|ate)\b")
_NOT_YET = re.compile(r"\b(?:gonna|gunna|going to|about to|will|i'll|plan to|planning to|want to|wanna|ready to|tempted to|"
                      r"might|may|could|thinking (?:about|of)|think about|thought about)\s+(?:just\s+|actually\s+|literally\s+)?$")
#: "jk", then a question ("😂 jk. but seriously how do i recover between sessions"; the emoji is gone when normalised).
_JK_THEN_RUNNING = re.compile(r"\b(?:jk|j/k|just kidding|only kidding|kidding)\b"
                              r"[^?]{0,30}\b(?:but )?(?:seriously|for real|anyway|real question)\b[^.!]{0,12}\b(?:how|what|should|can|is|do|any)\b")
#: A joke owned up to, then "I'm ok": what was said was taken back in the same message.
_TAKEN_BACK = re.compile(r"\b(?:jk|j/k|just kidding|only kidding|kidding|joking|just joking)\b[^.?!]{0,20}\b(?:i'm|i am) "
                         r"(?:ok|okay|fine|alright|good|all good)\b")
#: Someone else's words, quoted: "she texted me 'i dont see the point anymore, goodbye'".
# (and what a post or message says: "its like a black picture and says 'sorry for everything,
# goodbye everyone'", of a friend's post; tester round 32 asked the 14-year-old who wrote it if he was safe)
_QUOTED_FROM_OTHER = re.compile(r"\b(?:she|he|they|her|him|them|friend|mate|buddy|sister|brother|son|daughter|partner|wife|husband|"
                                r"athletes?|teammates?|kid|child|runner|girl|boy|lad|coach|student|one of (?:my|our|the) \w+|"
                                r"post|posts|message|caption|story|status|picture|photo|pic|note|letter|tweet)\b[^.!?]{0,40}\b"
                                r"(?:texted|texts|text|sent|said|says|saying|reads|read|wrote|writes|written|messaged|replied|replies|responded|answered|"
                                r"posted|put|dm'?d|told me)\b[^'\"]{0,45}['\"]")
_GOODBYE = re.compile(r"\b(?:goodbye|good bye|bye forever|farewell|love you all)\b")


def _quoted_from_other(norm: str, start: int) -> bool:
    """Words quoted from someone else are theirs: "she texted me 'i dont see the point anymore,
    goodbye'" (tester round 13: the reporter was asked about suicide)."""
    before = norm[max(0, start - 160):start]
    found = None
    for found in _QUOTED_FROM_OTHER.finditer(before):
        pass
    # a closing quote, not the apostrophe of "won't" inside the quoted words
    return found is not None and not re.search(r"\"|(?<![a-z])'|'(?![a-z])", before[found.end():])


_ASIDE = re.compile(r"\([^()]*\)")
# Kept narrow: "at home tonight" or "out tonight" can be where an act would happen, so they count.
_TIME_AS_CIRCUMSTANCE = re.compile(r"\b(?:alone|on my own|by myself|working|at work|on shift|busy)\s+"
                                   r"(?:tonight|tonite|this evening|this weekend|tomorrow)\b"
                                   # a wish not to wake (C-SSRS 1): the day is when, not a time to act
                                   # ("i hope i dont wake up tomorrow": resources, not 911; tester round 7)
                                   r"|\bwake up\s+(?:tomorrow|tomorrow morning|in the morning)\b"
                                   r"|\bdespertar(?:me)?\s+(?:manana|por la manana)\b"
                                   # help booked: when they see someone, not a time to act ("not unsafe,
                                   # seeing my gp tomorrow morning": blind safety set 4 after set 10's fixes)
                                   r"|\b(?:seeing|see|appointment with|appt with|booked in with|going to see|meeting|"
                                   r"talking to|talk to|calling|call)\s+(?:my |the |a )?(?:gp|doctor|dr|physio|therapist|"
                                   r"counsell?or|psychologist|psychiatrist|nurse|mum|mom|dad|sister|brother|friend|partner)\s+"
                                   r"(?:first thing\s+)?(?:tonight|this evening|this weekend|tomorrow)\b"
                                   r"|\b(?:appointment|appt|session)\s+(?:is\s+)?(?:tonight|this evening|this weekend|tomorrow)\b")


def _in_quotes(norm: str, start: int, end: int) -> bool:
    """Is `norm[start:end]` set in quote marks ("the 'rather be dead' thing")? The normalised text
    keeps one quote mark, the apostrophe; one inside a word ("we'd") is not a quote mark."""
    opens = start >= 1 and norm[start - 1] == "'" and (start < 2 or not norm[start - 2].isalpha())
    return opens and norm[end:end + 1] == "'"


#: A Spanish verb in the third person ("dice que quiere desaparecer", "se quiere morir"): someone else's words.
_THIRD_PERSON_ES = re.compile(r"\b(?:dice|dijo|comenta|cuenta|escribio|escribió|puso) que\b|\b(?:se )?quiere (?:morirse|matarse|desaparecer|"
                              r"suicidarse|morir|matar)\b")


def _about_someone_else(norm: str, hit: _Hit, sentence_start: int, c: _Compiled) -> bool:
    """Whose danger is it? Someone else's when the match names them ("kill herself", "his life")
    or when the nearest subject before it, in its sentence, is another person."""
    matched = norm[hit.start:hit.end]
    if hit.signal in ("means", "means_near", "possession") and (
            _I_HOLD.search(norm[sentence_start:hit.start]) or _I_HOLD_AT.search(norm[max(sentence_start, hit.start - 12):hit.start + 12])
            or _I_THINK.search(matched)):
        # "i have her pills right here", "a bottle of her sleeping pills ... been thinking about that"
        # (tester round 60, after "i just dont want to be around anymore"): at hand, whoever's they are
        return False
    if c.reflexive_other.search(matched):
        return True
    # Words quoted in a sentence about someone else are theirs, a "me" in them too ("last night said 'you
    # wont have to worry about me much longer'", of a son: blind safety set 40)
    if _in_quotes(norm, hit.start, hit.end) and c.other.search(norm[sentence_start:]):
        return True
    # ("sent me a pic of a pile of pills": the one who sent it, not "me"; blind safety set 38)
    if re.search(r"\b(?:my ?self|myself|my life|my own life|(?<!sent )(?<!send )(?<!sends )(?<!showed )(?<!texted )(?<!messaged )me)\b"
                 r"|\b\w+(?:arme|erme|irme)\b", matched):  # "tirarme"
        return False
    if hit.signal in ("burden", "ideation") and re.search(r"\bi(?:'m|'d|'ve|'ll)?\b", matched):
        return False  # "my wife would be better off if i was gone": the "i" is the one at risk
    if re.search(r"\b(?:his|her|their)\b", matched) and not re.search(r"\b(?:i|i'm|i'd|i've|my|me|mine)\b", matched):
        # "is the giving her gear away thing a bad sign?" (tester round 41: a friend's warning
        # sign asked about read as the writer's own plan, "Please call 000 now. Your safety ..."):
        # the things, life or plan named as another's are theirs
        return True
    if hit.signal in ("means", "means_near", "possession") and _WITH_ME.search(norm[hit.start:hit.end + 40]):
        # "my flatmate has a load of her sleeping pills and theyre in my room rn" (tester round 54, in
        # a crisis: read as the flatmate's means): whoever they belong to, they are at hand here
        return False
    if hit.signal == "ideation" and _ABOUT_HIM.search(matched):
        return True  # "does that mean hes suicidal??" (tester round 54): asked of him
    if hit.signal == "self_harm" and re.search(r"\b(?:his|her|their)\b|\bmy (?:\w+ ){0,3}?\w+(?:'s|s')(?!\w)|\bone of my\b", matched):
        return True  # "found cuts on my 16yo son's legs" (blind safety set 12): his; "one of my runners' forearms" (set 38)
    if hit.signal == "self_harm" and re.search(r"\bmy\b", matched):  # "my gf found my razor blades"
        return False
    if hit.signal == "self_harm" and re.match(r"[^.!?]{0,6}\bof (?:one of )?(?:my|our|a|an|the) \w+", norm[hit.end:]):
        return True  # "fresh cuts on the arms of one of my 15yo athletes" (blind safety set 19)
    if _quoted_from_other(norm, hit.start):
        return True
    if _THIRD_PERSON_ES.search(matched) and c.other.search(norm[:hit.start]):
        # "estoy preocupada por mi hermana. Ha dejado de comer y dice que quiere desaparecer" (tester round
        # 64 was asked whether she herself was safe): a Spanish verb in the third person, of someone named
        return True
    # "said we'd all be better off without him" (tester round 24: a father was asked whether he
    # was safe): the one the others would be better off without is him.
    if re.search(r"\b(?:without|if) (?:him|her|them|he|she|they)\b", matched) and not re.search(r"\b(?:me|myself|i)\b", matched):
        return True
    # "how do I bring up the 'rather be dead' thing without her shutting down?": words quoted, in
    # a sentence about someone else, are theirs (tester round 24: a mother was asked if she was safe).
    if _in_quotes(norm, hit.start, hit.end) and c.other.search(norm[sentence_start:]):
        return True
    # An aside in brackets is not the sentence's subject ("one of my athletes (I coach) wrote ...").
    prefix = _ASIDE.sub(lambda m: " " * len(m.group(0)), norm[sentence_start:hit.start])
    last_other = max((m.end() for m in c.other.finditer(prefix)), default=-1)
    last_self = max((m.end() for m in _FIRST_PERSON_SUBJECT.finditer(prefix)), default=-1)
    if last_other < 0:
        return False
    # "my friend told me she wants to die": "me" is an object; "she" is the subject.
    return last_other > last_self or bool(re.search(r"\b(?:she|he|they)\b", prefix[last_self:]))


def _find_hits(norm: str, cleaned: str, c: _Compiled) -> tuple[list[_Hit], bool]:
    """Signals in `cleaned`; also whether a dark joke was said in earnest."""
    hits: list[_Hit] = []
    dark = [m.span() for m in c.legacy_ambiguous.finditer(cleaned)]
    for start, end in dark:
        hits.append(_Hit("dark_joke", "en", start, end))
    rest = _blank_spans(cleaned, dark) if dark else cleaned
    live = c.signal_gates.live(rest)  # most messages hold none of most signals' words
    for signal, lang, alternation in c.signals:
        for m in alternation.finditer(rest, live):
            if m.end() > m.start():
                hits.append(_Hit(signal, lang, m.start(), m.end()))
    for m in c.legacy_statements.finditer(rest, live):
        hits.append(_Hit("ideation", "en", m.start(), m.end()))
    for start, end in _overdose_spans(rest, c):
        hits.append(_Hit("overdose", "en", start, end))
    earnest_joke = bool(dark) and bool(c.earnest.search(norm))
    return hits, earnest_joke


_SUBSTANCE_WINDOW = 60  # characters before a medicine where "took" / "swallowed" may stand
_AMOUNT_WINDOW = 30


def _amount_of_it(near: str, c: _Compiled) -> bool:
    """An amount said of the medicine right after it ("took loads of ibuprofen", "a whole box of
    my"), not of something else before it ("drinking lots of water and took ibuprofen": tester
    round 18 got the overdose protocol)."""
    last = None
    for last in c.amount.finditer(near):
        pass
    return last is not None and not _NOT_OF_IT.search(near[last.end():])


_NOT_OF_IT = re.compile(r"\b(?:and|but|then|so|plus|water|fluids?|food|coffee|electrolytes?|gels?|salt)\b|[,.;!?]")


#: Things that are a poisoning only when swallowed (a child and a button battery), never beside any
#: other verb of taking ("garmin says body battery 5 ... take the day off?": blind set 15).
_SWALLOWED_ONLY = re.compile(r"(?:button )?batter(?:y|ies)|magnets")
_SWALLOW = re.compile(r"swallow(?:ed|ing)?|ate|eaten|got into|chewed|chewing")


_NOT_THEIR_OWN = re.compile(r"\b(?:his|her|their|someone(?: else)?'?s|somebody'?s|a (?:friend|mate)'?s|my (?:friend|mate|mum|mom|dad|"
                            r"nan|gran|partner|wife|husband|boyfriend|girlfriend|brother|sister|flatmate|roommate)'?s)\b")
_TRAINING_QUESTION = re.compile(r"^\W*(?:so |ok |okay |and |but )?(?:do|should|can|could|shall|will) i (?:still )?(?:do|run|race|go to|go for|"
                                r"skip|miss|train)\b[^.!?]{0,20}\b(?:the |my |a |this |that )?(?:session|run|race|workout|intervals|"
                                r"tempo|long run|parkrun|training|practice|meet|reps|hill reps|track|club run|easy run)\b")
_BIG_COUNT = re.compile(r"\b(?:1[0-9]|[2-9]\d|\d{3}|ten|twelve|fifteen|twenty|thirty|forty|fifty|a hundred)\b(?! ?(?:mg|ml|g|mcg|milligrams?|minutes?|mins?|hours?|hrs?|km|k|miles?|days?|weeks?|years?|yo|y/o|year-old))")
_THREE_OR_MORE = re.compile(r"\b(?:[3-9]|\d\d|three|four|five|six|seven|eight|nine|ten)\b")


#: A run for someone who died: an event, not grief told ("doing the memorial 5k for my brother who died
#: by suicide, any tips for the hills?").
_IN_MEMORY = re.compile(r"\b(?:memorial|in memory|in (?:his|her|their) memory|in hono(?:u)?r of|tribute|fundrais\w*|charity|"
                        r"raising (?:money|funds|awareness))\b")


#: ... unless the grief is said too: "theres a memorial 5k for him next month. does running actually help
#: with grief?" (tester round 36: "sometimes i get why he did it" next was not asked about).
_GRIEF_SAID = re.compile(r"\b(?:grief|grieving|griev\w+|mourning|miss (?:him|her|them)|missing (?:him|her|them)|can'?t cope|"
                         r"not coping|struggling|haven'?t (?:really )?run since|gutted|devastated|heartbroken)\b")


#: More than one extra dose ("a few extra", "some extra ones"), not "an extra one".
_SEVERAL_EXTRA = re.compile(r"\b(?:a few|a couple(?: of)?|couple of|some|several|lots of|loads of|a load of|a bunch of|a handful of) "
                            r"(?:extra|more)\b|\bextra (?:ones|doses|tablets|pills)\b")


def _overdose_spans(text: str, c: _Compiled) -> list[tuple[int, int]]:
    """Overdoses and poisonings the phrase patterns do not name, read from the substance lexicon
    (crisis_patterns.SUBSTANCES) and the cues around it: a span from the verb to the substance for
    each. See crisis_patterns.py, "Overdoses and poisonings"."""
    found = list(c.substance.finditer(text))
    if not found:
        return []
    plain = _blank(text, (c.not_excess,))
    excess = bool(c.excess.search(plain))
    weak = bool(c.weak_excess.search(plain))
    mistake = bool(c.mistake.search(plain))
    signs = bool(c.signs.search(plain))
    named = {m.group(0) for m in found if m.lastgroup not in ("generic", "poison")}
    # two medicines with paracetamol in them ("co-codamol and paracetamol", "tylenol plus nyquil")
    para = list(c.paracetamol.finditer(text))
    double = any(a.group(0) != b.group(0) and b.start() - a.end() <= 40
                 and re.search(r"\b(?:and|plus|with|together|on top|as well as|then)\b|\+", text[a.end():b.start()])
                 for a, b in zip(para, para[1:]))
    spans: list[tuple[int, int]] = []
    for m in found:
        kind = m.lastgroup or "generic"
        before = text[max(0, m.start() - _SUBSTANCE_WINDOW):m.start()]
        near = text[max(0, m.start() - _AMOUNT_WINDOW):m.start()]
        verbs = list(c.ingest.finditer(before))
        if _SWALLOWED_ONLY.fullmatch(m.group(0)):
            verbs = [v for v in verbs if _SWALLOW.fullmatch(v.group(0))]
        if verbs:
            start = m.start() - len(before) + verbs[-1].start()
            if text[max(0, start - 3):start] in ("se ", "me "):  # "se tomo": whose verb it is
                start -= 3
        elif _SWALLOWED_ONLY.fullmatch(m.group(0)):
            continue  # a battery or magnets only swallowed: "body battery 5. take the day off?" is not
        elif c.ingest.search(text, m.end(), m.end() + 40) or (kind == "poison" and c.ingest.search(text)):
            start = m.start()  # "tramadol for my back, took extra"; "took a big swig. pretty sure it was weedkiller"
        elif re.search(rf"\b{C.SEVERAL}\s+(?:\w+\s+)?$", near) and signs:
            start = m.start()  # "6 caffeine pills before the 10k, heart going crazy"
        else:
            continue
        someone_else = bool(c.other.search(text[max(0, start - 40):start]))
        # "took about 30 of my mums sleeping tablets" (blind safety set 18 was asked, not sent to
        # the emergency number): a count no dose comes in, of a medicine swallowed
        big_count = bool(_BIG_COUNT.search(text[start:m.start()]))
        # several tablets: four or more, six or more of an over-the-counter painkiller
        several = bool(c.several.search(near)) and (kind != "otc_pain" or bool(c.many.search(near)))
        # ("had most of a bottle of vodka and every sleeping tablet in the cupboard": blind safety set 39)
        more_than_one = several or bool(re.search(r"\b(?:a couple|couple|a few|few|some|two|three|2|3|every|all)\b", text[start:m.start()]))
        if (kind == "poison" or excess or double or _amount_of_it(near, c) or big_count
                or (kind in ("opioid", "sedative") and (c.severe.search(text) or (c.alcohol.search(text)
                                                                                  and (more_than_one or signs))))
                or (weak and signs)
                # "been taking co-codamol, maybe a few extra over the last 2 days" (tester round 32):
                # extra paracetamol harms without a sign first
                or (_SEVERAL_EXTRA.search(plain) and any(p.start() < m.end() and m.start() < p.end() for p in para))
                # "i took 3 of his tramadol an hour ago and now i feel really drowsy" (tester round
                # 29 was asked whether the knee pain fades): more than one of an opioid or sedative
                # not their own, or three or more, with a sign of poisoning
                or (kind in ("opioid", "sedative") and signs and (more_than_one and bool(_NOT_THEIR_OWN.search(text[start:m.start()]))
                                                                 or bool(_THREE_OR_MORE.search(text[start:m.start()]))))
                or (signs and (several or c.frequent.search(plain) or len(named) >= 2))
                or (mistake and (kind in C.HIGH_RISK_SUBSTANCES or kind in ("generic", "other_med")
                                 or several or signs))
                or (someone_else and re.search(r"\b(?:swallowed|ate|eaten|drank|got into|found)\b", text[start:m.start()]))):
            spans.append((start, m.end()))
    return spans


def _feeling(text: str, c: _Compiled) -> str | None:
    """The first kind of crisis_patterns.FEELINGS the message shows: not denied ("not worried"),
    not a question whether to worry, not someone else's ("my friend is stressed")."""
    text = _blank(text, (c.not_feelings,))
    bounds = _sentence_bounds(text)
    live = c.feeling_gates.live(text)
    for kind, rx in c.feelings:
        for m in rx.finditer(text, live):
            if kind != "bad_experience" and c.feeling_negation.search(text[max(0, m.start() - 30):m.start()]):
                continue
            start = next((s for s, e in bounds if s <= m.start() < e), 0)
            prefix = text[start:m.start()]
            last_other = max((o.end() for o in c.other.finditer(prefix)), default=-1)
            last_self = max((o.end() for o in _FIRST_PERSON_SUBJECT.finditer(prefix)), default=-1)
            if kind != "bad_experience" and last_other > last_self:
                continue
            return kind
    return None


_KMS = re.compile(r"\b(?:kms|kys)\b")
_CLAUSE_BREAK = re.compile(r"[.!?;]|,\s*(?:and|but|though|tho)\b|\bbut\b")


def _clause(norm: str, start: int, end: int) -> str:
    """The clause around `norm[start:end]`: from the last break before it to the next after it."""
    before = max((m.end() for m in _CLAUSE_BREAK.finditer(norm, 0, start)), default=0)
    after = _CLAUSE_BREAK.search(norm, end)
    return norm[before:after.start() if after else len(norm)]


_SUICIDE_NAMED = re.compile(r"\b(?:suicid\w*|me suicider|suicidarme|end(?:ing)? my (?:own )?life|take my (?:own )?life|mich umbringen|"
                            r"selbstmord|me tuer)\b")


_WITH_ME = re.compile(r"\b(?:in|on|under|by) my (?:room|bedroom|bed|bag|hand|hands|drawer|pocket|desk|car|lap)\b|\b(?:with|next to|beside|in front of) me\b")
# "i have her pills right here" (tester round 60, after "i just dont want to be around anymore": read as her
# danger): means one holds, "i have ...", "i've still got ...", just before them or at their start, are at
# hand whoever they belong to
_I_HOLD = re.compile(r"\bi(?:'ve| have| still have| got|'ve got| ve got| am holding|'m holding|m holding| kept| grabbed| hid)(?: \w+)?\s*$")
_I_HOLD_AT = re.compile(r"\bi(?:'ve| have| still have| got|'ve got| ve got)\b")
_I_THINK = re.compile(r"\b(?:i'?ve been|ive been|been|i keep|keep|i was|i'?m|im) (?:thinking|thinkin|thought) (?:about|of) (?:that|it|them|those|taking)\b")
_ABOUT_HIM = re.compile(r"\b(?:does (?:that|this|it) mean|is|could|might|do you think) (?:he|she|they)(?:'s|s| is| are| be| might be| could be)? "
                        r"(?:actually |really |being )?suicidal\b")
_MIGHT_DO = re.compile(r"\b(?:might (?:just|as well)|may as well|i'?ll just|ill just|gonna|going to|will just|should just|"
                       r"tempted to|could just)\b")


#: A dose question ("can i take another 2 tonight or is that too much?", "took 2 paracetamol, is
#: that too much"): asked before taking more, or whether what was taken is too much.
_DOSE_ASKED = re.compile(r"\b(?:can|could|should|may|do) i (?:take|have|pop|use|get)\b|\b(?:ok|okay|safe|fine|alright|too much|"
                         r"too many|bad) to (?:take|have)\b|\bis (?:that|it|this) (?:too (?:much|many)|(?:ok|okay|safe|fine|alright|bad))\b|"
                         r"\b(?:too much|too many)\s*\?|\bhow (?:many|much) (?:more )?(?:can|should|could)\b")
_DOSE_COUNT = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a couple(?: of)?|couple(?: of)?|a few|few|"
                         r"several|a handful(?: of)?|some)\s+(?=more\b|extra\b|(?:of (?:my|the|them) )?(?:\w+[- ])?\w+)")
_SMALL_COUNT = re.compile(r"(?:1|2|one|two|a couple(?: of)?|couple(?: of)?)")


def _ordinary_dose_question(norm: str, c: _Compiled) -> bool:
    """One or two tablets of a painkiller taken, and a question whether more is all right ("took 2
    paracetamol after the 10k, can i take another 2 tonight or is that too much": blind safety set 35
    got "call 911 now"): a dose question, not an overdose. Not with a bigger count, two medicines
    with paracetamol in them, a high-risk medicine, alcohol, a sign of poisoning, a mix-up, or
    another cue of too much than the question's own "too much"."""
    if not _DOSE_ASKED.search(norm):
        return False
    found = list(c.substance.finditer(norm))
    if not found or any(m.lastgroup not in ("otc_pain", "generic") for m in found):
        return False
    para = {m.group(0) for m in c.paracetamol.finditer(norm)}
    if len(para) > 1:
        return False
    rest = _blank(norm, (_DOSE_ASKED, c.not_excess))
    if c.excess.search(rest) or c.signs.search(norm) or c.alcohol.search(norm) or c.mistake.search(norm) or c.frequent.search(rest):
        return False
    if c.earnest.search(norm):
        return False
    substances = {m.start() for m in found}
    counts = [m for m in _DOSE_COUNT.finditer(norm)
              if re.match(r"(?:more|extra)\b", norm[m.end():])
              or any(0 <= s - m.end() <= 20 for s in substances)
              or re.search(r"\banother\s+$", norm[max(0, m.start() - 9):m.start()])]
    return bool(counts) and all(_SMALL_COUNT.fullmatch(m.group(1)) for m in counts)


_FOUR_OR_MORE = re.compile(r"\b(?:[4-9]|[1-9]\d|four|five|six|seven|eight|nine|ten|eleven|twelve|a handful|loads|a load|a bunch)\b"
                           r"(?! ?(?:mg|ml|g|mcg|minutes?|mins?|hours?|hrs?|km|k|miles?|days?|weeks?|years?|am|pm|o'?clock|beers?|pints?|glasses|drinks))")
_NOT_MINE = re.compile(r"\b(?:she|he|they|my (?:friend|mate|wife|husband|partner|mum|mom|dad|son|daughter)|his|her)\b")


#: Put on a medicine ("the physio got my gp to put me on amitriptyline": blind safety set 42, then "swallowed
#: the rest of the strip. all of them" was asked, not the emergency tier).
_ON_MEDICINE = re.compile(r"\b(?:put me on|started me on|(?:i'?m|im|i am|i've been|ive been|been) (?:put |started )?on|"
                          r"prescribed(?: me)?|on a course of|"
                          # ... or kept at hand: "i have my dads insulin pens in my room" (blind safety set 43)
                          r"i have|i've got|ive got|i got|i kept|i've kept|i've been keeping|been keeping|i took)\b")


def _medicine_taken(norm: str, c: _Compiled) -> str | None:
    """The high-risk medicine class the writer says they take ("i take diazepam from a friend for
    sleep, a few every night"), for the conversation's context; not someone else's taking."""
    if not (c.ingest.search(norm) or _ON_MEDICINE.search(norm)) or _NOT_MINE.search(norm[:40]):
        return None
    for m in c.substance.finditer(norm):
        if m.lastgroup in C.HIGH_RISK_SUBSTANCES:
            return m.lastgroup
    return None


_MORE_THAN_USUAL = re.compile(r"\b(?:took|taken|had|popped|swallowed|necked|downed|used)\b[^.!?]{0,25}\b(?:a few |a couple |some |a lot |way |a bit )?"
                              r"(?:more|extra) (?:than (?:usual|normal|normally|i usually (?:do|take|have)|last time)|ones?|tonight|today)\b")


def _counted_unnamed_dose(norm: str, c: _Compiled) -> bool:
    """A count of the medicine said earlier, not named again, with too much, alcohol or a sign of
    poisoning: "last night maybe 6 or 7, i lost count, with some wine. today i feel very slow and
    sleepy" (tester round 57 got the next soreness question). Not a future dose ("tonight i'll take
    4"): that is asked about in its own words."""
    if c.substance.search(norm) or _NOT_YET.search(norm) or re.search(r"\b(?:will|gonna|going to|tonight i|i'?ll)\b", norm):
        return False
    plain = _blank(norm, (c.not_excess,))
    # ... or more than usual, taken: "took a few more than usual tonight, feel weird and sleepy" after "been
    # taking a few of my mates oxy" (tester round 62 got the helpline's "not wasting their time")
    more = bool(_MORE_THAN_USUAL.search(norm))
    counted = bool(_FOUR_OR_MORE.search(norm)) or bool(c.excess.search(plain)) or more
    return counted and bool(c.signs.search(norm) or c.alcohol.search(norm) or c.severe.search(norm))


def _explained_away(hit: _Hit, sentence: str, norm: str, raw_joke: bool, c: _Compiled) -> bool:
    """A race-moment joke, a general question, or a resolved past stated neutrally."""
    earnest = bool(c.earnest.search(norm))
    # A conditional threat ("if I DNF again I'm throwing myself off the gantry lol") is not a
    # description of a hard moment: it gets the question, however jokey.
    conditional = bool(re.search(r"\b(?:if|one more|another)\b", sentence)) and not re.search(
        # ... but "every time coach says 'one more'" quotes the coach (tester round 23)
        r"\b(?:says?|said|yells?|yelled|shouts?|shouted|goes|asks?|adds?)\W+(?:one more|another)\b", sentence)
    # ... but "kms" is said of oneself whatever the race: "this training block makes me wanna kms
    # lmao" gets the question (tester round 21 got none).
    said_kms = bool(_KMS.search(norm[hit.start:hit.end]))
    # The race moment in the hit's own clause: "i feel like dying at km 35 every time, and honestly i
    # feel like dying all the time lately" is a race moment, then a wish said plainly.
    clause = _clause(norm, hit.start, hit.end)
    # ... nor a jump from a height said without a laugh ("ive thought about jumping off the lookout on
    # that trail": tester round 43 got nothing)
    # ... nor suicide named plainly: "je pense à me suicider depuis que j'ai dû arrêter la course" (blind
    # safety set 25: "la course" read as a race's moment)
    jump = not raw_joke and bool(_SUICIDE_NAMED.search(norm[hit.start:hit.end])) or (not raw_joke and bool(c.jump_from_height.search(clause))
            and bool(re.search(r"\b(?:thought|thinking|think|thinks|considered|considering|planned|planning|picture|picturing)\b", clause)))
    # ... nor a way to die said as what one might do there ("might just lie down in lane 1 and let
    # the whole 10k field run over me lol": blind safety set 32), however jokey: the question.
    meant = hit.signal == "method" and bool(_MIGHT_DO.search(sentence))
    if (hit.signal in FIGURATIVE and not earnest and not conditional and not said_kms and not jump and not meant
            and c.race.search(clause)):
        # "anyone else feel like dying at km 35?" (blind safety set 14): the moment of a race, felt
        if raw_joke or re.search(r"\b(?:wanted|thought|felt|was going|made me|nearly|almost|could have|anyone else|"
                                 r"(?:feel|feels|feeling) like|quise|queria|pense)\b", sentence):
            return True
    # (not a question about someone named: "does that mean hes suicidal??" of a boyfriend who "wants to
    # disappear", tester round 54 got "outside what I know")
    if (hit.signal in QUESTIONABLE and c.question.search(sentence) and not _PERSONAL_QUESTION.search(norm)
            and not _ABOUT_HIM.search(sentence)):
        if hit.signal == "overdose" or not _FIRST_PERSON.search(sentence):
            return True
    if hit.signal == "overdose" and _ordinary_dose_question(norm, c):
        return True
    if (c.accident.search(norm) and not c.earnest.search(norm)
            and (hit.signal in ("means", "possession")
                 or hit.signal == "acted" and re.match(r"bleeding|blood everywhere|(?:a lot of|lots of|so much|loads of) blood", norm[hit.start:hit.end])
                 and not c.self_cutting.search(_blank(norm, (c.accident,))))):
        return True  # "my knife slipped while cutting veg, bleeding a lot"; "knife in my hand, chopping onions"
    if (hit.signal in ("means", "means_near") and c.means_ordinary.search(sentence)
            and not c.weapons.search(norm[hit.start:hit.end]) and not c.earnest.search(norm)
            and not _LOOKING_DOWN.match(norm, hit.start)):
        return True  # "tablets right here for the race, what else should I pack?"
    if hit.signal in HISTORICAL and c.past.search(sentence) and c.resolved.search(norm) and not c.current.search(norm):
        return True
    return False


@lru_cache(maxsize=16)
def _reading(text: str) -> tuple[str, str, tuple[tuple[int, int], ...], bool, tuple[_Hit, ...], bool]:
    """What the rules read in `text` before the conversation's context counts: the same for every
    screening of the same text (a turn screens a typed button answer twice: alone, then with its
    context), so it is done once. Nothing downstream changes these (the hits are only read)."""
    c = _compiled()
    norm = normalise(text)
    if not norm:
        return norm, "", (), False, (), False
    cleaned = _blank(norm, c.blank, c.blank_gates)
    bounds = tuple(_sentence_bounds(norm))
    raw_joke = bool(c.joke.search(norm)) or bool(c.joke.search(text))
    hits, earnest_joke = _find_hits(norm, cleaned, c)
    return norm, cleaned, bounds, raw_joke, tuple(hits), earnest_joke


#: Safety said unasked ("no no nothing like that, I'm safe. I just really miss it"; "not thinking
#: about suicide, I just feel useless"): heavy distress after it is acknowledged, not screened.
_SAID_SAFE = re.compile(r"\b(?:i'?m safe|i am safe|im safe|safe (?:right now|now)|nothing like that|not suicidal|"
                        r"not (?:thinking|thought) (?:about|of) (?:suicide|killing|hurting|ending)|not going to (?:do|hurt)|"
                        r"won'?t (?:do|hurt)|no pienso en|no voy a)\b")
_IF_CLAUSE = re.compile(r"\b(?:if|unless)\b")
#: A threat on a condition ("if i dnf london again i'm chucking myself in the thames", "if this calf
#: doesn't sort itself out I'm going to ..."): the "if" clause, then the writer's own act; not a wish
#: ("wouldnt mind if a bus clipped me"), nor "if you know what i mean" (the slow regression sets).
_A_CONDITION = re.compile(r"(?<!mind )(?<!care )\b(?:if|unless)\b(?! you know what i mean)(?! (?:i'?m|i am|im) (?:being )?"
                          r"(?:honest|serious|truthful))[^.!?]{0,80}\b(?:i'?m|im|i am|i'?ll|ill|i will|i'?d|gonna|going to)\b")
#: Staring down at a drop is never explained by the car being parked nearby (tester round 25's kind).
_LOOKING_DOWN = re.compile(r"(?:staring|gazing|peering) (?:down )?(?:at|into|over)")

#: "I guess I'm safe for tonight": the time says for how long they are safe, not when to act
#: (tester round 10 was sent to 911). "Safe until tonight" is not this: the answer reads it as not safe.
_SAFE_FOR_A_TIME = re.compile(r"\b(?:safe|ok|okay|fine|alright)\b (?:for )?(?:tonight|today|this evening|the night|now|for now)\b")


def assess(text: str, context: CrisisContext | None = None) -> CrisisAssessment:
    """Screen one message for crisis talk. Never raises; cost is linear in the text length."""
    context = context or CrisisContext()
    c = _compiled()
    norm, cleaned, bounds, raw_joke, hits, earnest_joke = _reading(text)
    language = detect_language(text, context.language)
    answer = understand_answer(text, context.awaiting) if context.awaiting in ("are_you_safe", "thoughts") else None
    if not norm:
        return CrisisAssessment(language=language, answer=answer)

    own: set[str] = set()
    others: set[str] = set()
    langs: set[str] = set()
    explained = False
    for hit in hits:
        sentence_start = next((s for s, e in bounds if s <= hit.start < e), 0)
        sentence = _sentence(bounds, norm, hit.start)
        if _explained_away(hit, sentence, norm, raw_joke, c):
            explained = True
            continue
        if (hit.signal == "intent" and _IF_CLAUSE.search(norm[sentence_start:hit.start]) and not c.earnest.search(norm)
                and any(h.signal == "dark_joke" and hit.start <= h.start and h.end <= hit.end for h in hits)):
            # "if this calf doesn't sort itself out I'm going to throw myself off the nearest cliff":
            # a threat on a condition, in a figure the joke patterns know, as "if i dnf again im
            # throwing myself off the gantry": the direct question, not 911 (blind safety set 15)
            continue
        if hit.signal == "time" and re.search(r"\b(?:if|si|what if)\b[^.!?,]{0,30}$", norm[sentence_start:hit.start]):
            continue  # "if i got hit by a bus tomorrow": a time in a supposition is not a plan
        if hit.signal == "time" and _TRAINING_QUESTION.match(sentence):
            # "so do i do the session on saturday or skip" after a joke read as crisis talk (tester
            # round 30 got "Please call 911 now"): a training day asked about, not a plan
            continue
        if hit.signal == "time" and answer in ("clarified", "joking"):
            # "lol relax its a figure of speech. im fine. so can i do tempo tomorrow or nah" to "are
            # you safe?": the words explained, then a run tomorrow (tester round 29: "Please call 000
            # now"). A time said after the words are taken back is a training day, not a plan.
            continue
        if hit.signal == "time" and (_TIME_AS_CIRCUMSTANCE.search(norm[max(sentence_start, hit.start - 25):hit.end])
                                     or REASSURANCE.search(sentence) or _SAFE_FOR_A_TIME.search(sentence)):
            # "i'm home alone tonight", "not going to do anything tonight": where the person is, or
            # a reassurance, not a time to act (CLINICAL.md: "idk" keeps the crisis tier and asks again)
            continue
        # (and the means someone else has: "she says shes got a bottle of pills next to her", tester
        # round 33 read as the writer's own)
        if hit.signal in RISK_SIGNALS | {"ingested", "possession", "at_place"} and _about_someone_else(norm, hit, sentence_start, c):
            others.add(hit.signal)
            continue
        if hit.signal in UNCLEAR_SIGNALS and _quoted_from_other(norm, hit.start):
            others.add("goodbye" if _GOODBYE.search(norm) else "ideation")  # their words, their risk
            continue
        if hit.signal == "overdose" and (_NOT_YET.search(norm[max(sentence_start, hit.start - 30):hit.start])
                                         or _TAKE_LATER.search(sentence) and not _TAKEN.search(sentence)):
            # ... also "i have a whole bottle of pills here and im going to take them tonight"
            # (tester round 24 was told "keep the packet to say what you took"): not taken yet.
            # "gonna take all my sleeping pills tonight": an intention, not pills already taken. The
            # emergency tier all the same, but not "keep the packet to say what you took" (blind
            # safety set 6).
            thought = re.search(r"\b(?:thinking|think|thought)\b", norm[max(sentence_start, hit.start - 30):hit.start])
            own.add("method" if thought else "intent")  # thinking of a way is C-SSRS item 3, not 4
            langs.add(hit.lang)
            continue
        own.add(hit.signal)
        if hit.signal not in BOOSTERS and hit.signal != "distress":
            langs.add(hit.lang)
    if earnest_joke:
        own.add("ideation")
    elif (own & CRISIS_SIGNALS == {"ideation"} and not own & EMERGENCY_SIGNALS and _TAKEN_BACK.search(norm)
          and not c.earnest.search(norm)):
        # A wish to die taken back in the same breath ("feel like dying 😂 jk i'm ok, just sad about
        # missing the ultra"): not the full crisis response, and not nothing either: the direct
        # question, kindly (CLINICAL.md: ask directly; blind safety set 6).
        own.discard("ideation")
        own.add("dark_joke")
    elif (own & (CRISIS_SIGNALS | EMERGENCY_SIGNALS) and own & (CRISIS_SIGNALS | EMERGENCY_SIGNALS) <= {"method", "intent"}
          and _JK_THEN_RUNNING.search(norm) and not own & {"time", "resolve", "plan_weak", "final", "at_place"}
          and not c.earnest.search(norm)):
        # "day 4 and im ready to throw myself off the nearest bridge 😂 jk. but seriously how do i recover
        # between sessions" (blind safety set 43 got the emergency tier): a way to die said in a laugh, taken
        # back, then a running question: the direct question, kindly, as for any dark joke
        own -= {"method", "intent"}
        own.add("dark_joke")
    elif (own & (CRISIS_SIGNALS | EMERGENCY_SIGNALS) == {"method"} and _A_CONDITION.search(norm)
          and not own & {"time", "resolve", "plan_weak", "final", "at_place", "means_near"} and not c.earnest.search(norm)):
        # A way to die threatened on a running condition, with a laugh or without ("if i dnf london
        # again i'm chucking myself in the thames 😂😂", blind safety set 32; "if this calf doesn't
        # sort itself out I'm going to throw myself off the nearest cliff", set 15): the direct
        # question, kindly, as for any dark joke; not the full response, and never nothing.
        own.discard("method")
        own.add("dark_joke")
    if "reunion" in own:
        own.discard("reunion")
        if _A_DEATH.search(norm):
            own.add("ideation")
            langs.add("en")
    feeling = _feeling(cleaned, c)
    if feeling is None and _feeling(norm, c) == "grief" and (not _IN_MEMORY.search(norm) or _GRIEF_SAID.search(norm)):
        # "my training partner died by suicide last month": a death reported of someone else is
        # blanked for the crisis words (not the writer's risk), but it is the writer's grief
        # (tester round 29 got the stress-fracture article).
        feeling = "grief"
    if feeling is not None:
        own.add("distress")
    elif "distress" in own:
        feeling = "low_mood"
    if c.help_someone.search(norm) and others:
        others.add("help")

    # Missing someone who died, said after the loss ("cant face parkrun without him"), is the same
    # grief again, acknowledged, not heavy distress twice to ask about (blind safety set 30)
    heavy_now = feeling in C.HEAVY_FEELINGS and not (feeling == "grief" and context.grief
                                                     and bool(_MISSING_THEM.search(norm) or _GRIEF_FACE.search(norm)))
    if "means_home" in own | others:
        # pills kept at home, whoever's: at hand in the person's own crisis (tester round 61: "mi vieja
        # tiene un monton de pastillas para dormir en el cajon"), nothing on their own
        own.discard("means_home")
        others.discard("means_home")
        if context.risk and not context.others:
            own.add("means")
    if context.medicine and "overdose" not in own and _counted_unnamed_dose(norm, c):
        own.add("overdose")  # the medicine said earlier, its count and a sign now (CrisisContext.medicine)
    tier, by = _decide(own, others, context, answer, heavy_now=heavy_now,
                       reassured=bool(_SAID_SAFE.search(norm)), asking="?" in norm and context.awaiting != "thoughts")
    overdose = ("overdose" in own or (tier == THIRD_PARTY and "overdose" in others)
                or (tier == EMERGENCY and "ingested" in own))
    if answer is not None:
        tier, by = _apply_answer(tier, by, answer, context)
    # The model adds recall for phrasings the rules never saw; it does not overrule the rules
    # where they saw crisis words and explained them (a race joke, a question, a resolved past).
    # Nor does it read a reassuring answer the protocol understood ("home alone tonight but I won't
    # do anything" to "are you safe?": the rules found nothing, and the answer says safe).
    # Heavy distress the rules found (a loss, running as what keeps them going) is read by the model
    # too: "running was the only thing keeping me going ... idk what im even here for" is asked
    # about, not only acknowledged (CLINICAL.md: acknowledge the loss, don't only screen; the
    # identity pattern added for tester round 28 hid a blind set 17 case from the model).
    heavy_only = (tier == DISTRESS and feeling in ("identity", "grief") and by == "rules" and own == {"distress"}
                  # (a route or run faced without the one who died: "he died in march and i can't face our
                  # route anymore" is the grief, acknowledged; blind safety set 34 was asked about suicide)
                  and not (feeling == "grief" and _GRIEF_FACE.search(norm)))
    if ((tier is None or heavy_only) and not explained and context.awaiting != "form_answer"
            and not (raw_joke and c.race.search(norm)) and answer not in ("safe", "no", "reaching_out", "ambivalent")):
        found, found_by = _model_says(cleaned, context, language)
        if found is not None or tier is None:
            tier, by = found, found_by
        if (tier == UNCLEAR and by == "model" and c.help_someone.search(norm) and c.other.search(norm)
                and not own & (CRISIS_SIGNALS | {"hopeless", "dark_joke", "distress"})):
            # What the net read is someone else's when the writer asks how to help them ("my
            # boyfriend ... said he wants to disappear. how do I help him?": tester round 54 asked the
            # writer about her own thoughts): how to help, with the lines
            tier = THIRD_PARTY
            others.add("help")
    # A Spanish crisis pattern is evidence of Spanish when the identifier was unsure.
    if language == "en" and langs == {"es"}:
        language = "es"
    return CrisisAssessment(tier=tier, overdose=overdose, language=language, signals=frozenset(own),
                            third_party_signals=frozenset(others), answer=answer, by=by,
                            feeling=feeling if tier == DISTRESS else None, medicine=_medicine_taken(norm, c))


def _decide(own: set[str], others: set[str], context: CrisisContext,
            answer: str | None = None, heavy_now: bool = False, reassured: bool = False, asking: bool = False) -> tuple[str | None, str]:
    risky = own & (CRISIS_SIGNALS | EMERGENCY_SIGNALS)
    # Boosters (a time, means said loosely, "i've decided", "it's all planned", "one more marathon
    # first") only mean an emergency next to crisis talk, in this message or earlier. A time
    # ("tonight") counts from earlier talk only while the crisis conversation is still open (the
    # bot waits on its question): "can I run tomorrow?" after "I'm safe" is about running. A
    # reassuring answer ("ahora estoy a salvo", "I'm ok tonight") is never a plan.
    said = bool(own & (CRISIS_SIGNALS | {"intent", "plan"}))
    open_crisis = context.risk and context.awaiting in ("are_you_safe", "thoughts")
    asked = context.awaiting in ("are_you_safe", "thoughts") and (context.risk or context.distress)
    if own & EMERGENCY_SIGNALS or HARMED in own:
        return EMERGENCY, "rules"
    if answer not in ("safe", "no"):
        by = "rules" if said else "context"
        # Means at hand and a time together are a plan, said or not ("tengo las pastillas aquí, esta noche").
        # "yeah. prob tonight after my roommate leaves" to the question about thoughts: thoughts
        # of suicide with a time to act (tester round 24 got the crisis tier, 988 first).
        if ((said or context.risk or asked) and own & AT_HAND or (said or open_crisis) and "time" in own
                or answer == "yes" and "time" in own
                or {"means_near", "time"} <= own or {"possession", "time", "resolve"} <= own
                # a decision said next to the means at hand ("decision's made, the garage door's shut")
                or "resolve" in own and own & {"means_near", "possession"}):
            return EMERGENCY, by
        # At a place one could die from, with hopelessness or a last word in the same message ("on
        # the bridge. whats the point anymore"): the emergency tier, not only the question.
        if "at_place" in own and own & {"hopeless", "final"}:
            return EMERGENCY, by
        # A decision ("i've decided. this weekend"), a plan said loosely, a last act before the end.
        if "resolve" in own and (said or context.risk or asked or own & {"time", "final", "plan_weak"}):
            return EMERGENCY, by
        # "i'm going to do it after everyone's gone to bed", answering the question about thoughts
        # after "i've had enough of everything": a plan with a time.
        if "plan_weak" in own and ("final" in own or said or open_crisis or asked and "time" in own):
            return EMERGENCY, by
        # "i'm going to do it tonight" after "I'm safe" (tester round 19 got "whenever you're
        # ready, we can carry on about your running"): a plan with a time, after crisis talk.
        if "plan_weak" in own and "time" in own and context.risk:
            return EMERGENCY, by
        if "final" in own and said and own & {"time", "resolve", "plan_weak", "method"}:
            return EMERGENCY, by
        # A goodbye in a last message ("this is my last message ... tell the club I'm sorry"):
        # preparing to die (C-SSRS 6), not only thoughts of it (blind safety set 8).
        if {"goodbye", "final"} <= own:
            return EMERGENCY, by
        # Medicine swallowed, said plainly ("i already took the pills"), after crisis talk: an overdose.
        if "ingested" in own and (said or context.risk or asked):
            return EMERGENCY, by
    if risky:
        return CRISIS, "rules"
    if others & (RISK_SIGNALS | {"help"}) or ("possession" in others and (context.risk or context.others)):
        return THIRD_PARTY, "rules"
    if own & UNCLEAR_SIGNALS:
        return UNCLEAR, "rules"
    if "done" in own and (context.distress or context.risk):
        return UNCLEAR, "context"
    if "distress" in own:
        # Hopelessness on top of distress, or distress again after an unclear remark: ask.
        # Not after a "safe" answer, though: "no plan, I'm safe, just sad" is sadness to
        # acknowledge, not the safety question again (tester round 10).
        # Nor after "sorry, I meant this training plan ... just fed up": what was meant, said plainly.
        # Nor a question asked once safe was said: "should i tell the gp at my 6 week check? im scared
        # theyll think im a bad mum" (tester round 58 was asked "are you safe?" again, twice): answered
        if context.risk and answer not in ("safe", "clarified") and not asking:
            return UNCLEAR, "context"
        # Heavy distress twice in a row ("I'm nothing without running", then "my head's just a
        # mess lately"), never asked about before: the direct question, kindly (CLINICAL.md: ask
        # directly; an injured athlete's loss of identity is a risk pathway). Blind safety set 16.
        if context.heavy and not context.checked and heavy_now and answer is None and not reassured:
            return UNCLEAR, "context"
        return DISTRESS, "rules"
    return None, ""


def _apply_answer(tier: str | None, by: str, answer: str, context: CrisisContext) -> tuple[str | None, str]:
    """The answer to the question the bot asked can raise the tier, never lower it."""
    order = {t: i for i, t in enumerate(TIERS)}
    wanted = None
    if context.awaiting == "are_you_safe":
        # "idk" after the person's own crisis talk keeps the crisis tier (never lower than what was
        # said): the resources stay in view and the question is asked again.
        wanted = {"not_safe": EMERGENCY, "unsure": CRISIS if context.risk else UNCLEAR}.get(answer)
    elif context.awaiting == "thoughts":
        wanted = {"yes": CRISIS, "unsure": UNCLEAR}.get(answer)
    if wanted is not None and (tier is None or order[wanted] < order[tier]):
        return wanted, "answer"
    return tier, by


# ... in another sentence of the message too: "my pee is like coke ... its still dark" (blind safety set 39's
# vignettes were asked about suicide)
_DARK_URINE = re.compile(r"\b(?:pee|urine|wee|piss|peeing|weeing)\b.{0,120}\bdark\b|\bdark\b.{0,120}\b(?:pee|urine|wee|piss|peeing|"
                         r"like (?:coke|cola|tea|coffee))\b")
#: Someone else's "kill me" as a joke ("she'll kill me 😂") and "of my life" superlatives ("the worst headache of
#: my life"): not the model's gate words.
_KILL_ME_JOKE = re.compile(r"\b(?:she|he|they|wife|husband|missus|mum|mom|mam|dad|coach|boss|partner|gf|bf)(?:'ll| will| would|'d| is gonna|"
                           r"'s gonna| is going to|'s going to| gonna) (?:literally |actually |honestly )?kill me\b")
_OF_MY_LIFE = re.compile(r"\b(?:worst|best|hardest|toughest|longest|fastest|biggest|greatest|proudest|happiest|scariest|"
                         r"most \w+|time|race|run|day|pain) (?:\w+ ){0,3}of my (?:whole |entire )?life\b")
_CUT_TRAINING = re.compile(r"\b(?:cut|cutting|cuts)(?: (?:down|back|out))?(?: (?:on|from))?(?: (?:my|the|all|some|any|a bit of|on))? "
                           r"(?:downhills?|downhill running|hills?|hill repeats|mileage|volume|distance|miles|kms?|km|runs?|running|"
                           r"sessions?|reps|intervals|speed ?work|pace|training|carbs|sugar|caffeine|weight|long runs?|workouts?|"
                           r"back|down|it (?:short|back|down))\b")
_PAIN_GATES = frozenset({"fade", "hurt", "hurts", "hurting", "hurted", "gone"})
_INJURY_TALK = re.compile(r"\b(?:fade|fades|faded|fading|hurt|hurts|hurting|pain|painful|sore|soreness|ache|aches|aching|run|runs|"
                          r"running|ran|km|miles?|weeks?|months?|days?|knee|shin|foot|feet|heel|calf|hip|ankle|achilles|"
                          r"hamstring|arch|physio|doctor|stairs|swollen|swelling|"
                          # a symptom of the body, not the person ("ive hardly gone at all since yesterday":
                          # the urine after an ultra, blind vignettes 26 was asked about suicide)
                          r"pee|peeing|wee|urine|urinating|toilet|loo|"
                          # a symptom that eased ("it is mostly gone now and I don't want to go", after
                          # advice to call for a tight chest: tester round 25 was asked about suicide)
                          r"(?:it'?s|it is|its) (?:\w+ )?(?:gone|going|easing|eased|better|passed))\b")
#: Missing someone who died: "without him", "miss her", "he used to come to all my races".
_GRIEF_FACE = re.compile(r"\bcan'?t (?:face|do|run|go to|bear) (?:our|the|my|his|her|their|that|this) (?:\w+ ){0,2}(?:any ?more|without)\b|"
                         # "my dog died this morning. she ran every mile with me ... i dont even know how to go out
                         # the door without her" (blind safety set 41 was asked about suicide): the run without them
                         r"\b(?:go|get|head|step) out (?:of )?the (?:door|house) without (?:him|her|them)\b|"
                         r"\b(?:run|running|go running|go for a run) without (?:him|her|them)\b|"
                         # "running her favourite route today. its hard but it helps a bit" (blind safety set 43)
                         r"\b(?:running|ran|run|did|doing) (?:her|his|their) favou?rite (?:route|run|loop|trail|parkrun|race)\b")
_MISSING_THEM = re.compile(r"\b(?:without (?:him|her|them)|miss(?:ing)? (?:him|her|them)|(?:he|she|they) (?:used to|always) "
                           r"(?:come|came|run|ran|be|cheer\w*|drive|drove|wait\w*))\b")
_SELF_TALK = re.compile(r"\b(?:feel|feeling|felt|tired of|can'?t (?:do|take|cope|go on)|any ?more|myself|my life|life|hope|"
                        r"hopeless|point|alone|nobody|no one|sad|empty|numb|worthless|useless|hate|cry|crying|give up|"
                        r"giving up|done with|sleep|wake)\b")


def pain_words_only(words: Iterable[str], text: str) -> bool:
    """Are these crisis-gate words only pain words ("hurting", "gone") said of an injury in `text`,
    with nothing said of the person ("my knee starts hurting at mile 3")?"""
    return ({w.lower() for w in words} <= _PAIN_GATES and bool(_INJURY_TALK.search(text))
            and not _SELF_TALK.search(text))


def _model_says(cleaned: str, context: CrisisContext, language: str) -> tuple[str | None, str]:
    model = _risk_model()
    if model is None or language != "en":
        return None, ""
    cleaned = " ".join(cleaned.split())
    if len(cleaned.split()) < MODEL_MIN_WORDS:
        return None, ""
    gates = {g.lower() for g in _compiled().model_gate.findall(cleaned)}
    if _DARK_URINE.search(cleaned):
        gates.discard("dark")  # the urine's colour ("my pee is weirdly dark like coke"), not a mood
    if _KILL_ME_JOKE.search(cleaned):
        # "wife says if i buy another pair of carbon shoes she'll kill me 😂" (blind safety set 42 was asked)
        gates -= {"kill", "killed", "killing"}
    if _OF_MY_LIFE.search(cleaned):
        # "the worst headache of my life", "the best race of my life": a superlative, not one's life
        # (blind vignettes 42: a runner with hyponatraemia was asked about suicide)
        gates.discard("life")
    if _CUT_TRAINING.search(cleaned):
        # training cut back ("how much do i cut downhill running", "should i cut out the hill repeats"):
        # tester round 61 was asked about thoughts of hurting himself, then told he sounded low
        gates -= {"cut", "cutting", "cuts"}
    # "it doesn't fade", "still hurts", "the pain's gone": the gate's words said of an injury
    if gates and gates <= _PAIN_GATES and _INJURY_TALK.search(cleaned) and not _SELF_TALK.search(cleaned):
        gates = set()
    gated = bool(gates)
    # After distress in the conversation the bar is lower: crisis vocabulary needs a lower score,
    # and a message without it ("im just tired of being me") is read too, at the usual threshold.
    if not gated and (not context.distress or context.checked):
        # ... nor after the person answered the direct question no, or said they are safe: a
        # message with no crisis word is not asked about again ("thanks. I think I just needed to
        # say it to someone", after "no im not, god no. im just gutted": tester round 28)
        return None, ""
    if not gated and context.grief and _MISSING_THEM.search(cleaned) and not _SELF_TALK.search(cleaned):
        # After a death, missing the person with no word of crisis or of oneself ("he used to come
        # to all my races. cant face parkrun without him": blind safety set 30 was asked about
        # suicide) is the grief, acknowledged, not screened by the net alone
        return None, ""
    if not gated and _INJURY_TALK.search(cleaned) and not _SELF_TALK.search(cleaned):
        # After distress, an answer about the injury with no word about the person ("its been 4
        # months. it doesnt fade", to "does the pain fade?") is not read by the net alone (tester
        # round 12: asked about suicide after saying "not suicidal"; the net scored it 0.83).
        return None, ""
    threshold = min(model[1], MODEL_THRESHOLD_AFTER_DISTRESS) if context.distress and gated else model[1]
    if risk_score(cleaned) >= threshold:
        return UNCLEAR, "model"
    return None, ""


def assess_conversation(messages: Iterable[str], context: CrisisContext | None = None) -> tuple[CrisisAssessment, CrisisContext]:
    """Screen messages in order, carrying the context; the last assessment and the context after it."""
    context = context or CrisisContext()
    assessment = CrisisAssessment()
    for message in messages:
        assessment = assess(message, context)
        context = context.after(assessment)
    return assessment, context


__all__ = [
    "CRISIS", "DISTRESS", "EMERGENCY", "THIRD_PARTY", "TIERS", "UNCLEAR", "CrisisAssessment", "CrisisContext",
    "assess", "assess_conversation", "model_text", "normalise", "risk_score", "warm_up",
]


