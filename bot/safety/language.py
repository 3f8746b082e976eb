"""Which language a message is in: so a crisis is answered in the person's language.

The crisis screen itself does not depend on this: it runs the patterns of every language it knows
on every message, so a wrong guess can change the language of the reply, never whether a crisis
is seen. What this decides is the reply: English, Spanish, or "I understand English only" plus the
crisis line.

The library is py3langid (a maintained fork of langid.py, BSD): a naive Bayes model over byte
n-grams that ships inside the wheel (4.6 MB, no download, deterministic), restricted here to the
languages our users write in. Measured on 1,304 short chat messages (docs/safety.md): p50 0.03 ms,
p99 0.12 ms; wrong on 19 of 1,194 English messages, nearly all one or two words ("no", "itb",
"quads"). Very short messages are the weak spot of every identifier, so they are decided here by
a few words per language and by the conversation's language so far, not by the model.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from typing import Any

#: Languages the bot answers in (the screen also detects crisis talk in the others below).
SUPPORTED = ("en", "es")
#: What the identifier may choose between: the languages our US/UK/IE users are likely to write.
CANDIDATES = ("en", "es", "fr", "pt", "de", "it")
#: A language other than English needs at least this confidence from the model, on this many words.
MIN_CONFIDENCE = 0.80
MIN_WORDS = 3

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_LATIN = re.compile(r"[a-zA-Z\u00C0-\u024F]")

# Short answers and function words that settle a short message on their own. Only words that are
# not also English words or units (so "no", "me", "a", "mi" - miles -, "ya", "sin" are not here).
MARKERS: dict[str, frozenset[str]] = {
    "es": frozenset(
        "sí si el ojalá hola gracias vale claro quizás quizas tal vez estoy estás estas tengo quiero "
        "puedo ahora muy pero porque qué que cómo como cuando mañana manana noche hoy ayer "
        "duele dolor rodilla pierna tobillo correr corro corrí carrera pastillas morir vivir "
        "matar matarme morirme suicidarme ayuda ayúdame ayudame bien mal seguro segura salvo salva "
        "sé se nadie todos todo siempre nunca mejor peor tu él ella ellos para por "
        "del los las una unos unas esto esta este eso".split()
    ),
    "fr": frozenset("je j'ai suis veux pas mon ma mes mal oui merci bonjour avec pour très mourir "
                    "vivre genou cheville c'est n'est".split()),
    "pt": frozenset("eu não nao sim obrigado obrigada olá ola meu minha dói doi quero morrer viver "
                    "joelho tornozelo você voce estou vou vai pra tô".split()),
    "de": frozenset("ich nicht mein meine ja danke hallo tut weh sterben leben knie "
                    "mich und ist das".split()),
    "it": frozenset("sono voglio morire vivere ginocchio grazie fa".split()),
}
# Words that make a message English whatever the model says ("ok no", "hi", "wanna die fr").
ENGLISH_MARKERS = frozenset(
    "i i'm im i've ive my myself you your the and is it's its this that to of in on with what "
    "how why can can't cant don't dont won't want wanna gonna just not yes yeah yep nope nah "
    "hi hey hello thanks thank please run running ran knee shin calf foot ankle hip back pain hurts "
    "sore today tomorrow tonight week feel feeling die kill myself sure maybe idk dunno safe "
    # running units and "sorry" in short answers to the bot's questions ("10 mi", "no idea sorry")
    "mi miles mile km kms k sorry".split()
)


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_FOLDED_MARKERS = {lang: frozenset(_fold(w) for w in words) for lang, words in MARKERS.items()}


_model_lock = threading.Lock()
_model: Any = None


def _identifier() -> Any:
    """The py3langid model restricted to CANDIDATES, loaded once per process (0.6–0.9 s, two
    thirds of it xz decompression, which releases the GIL). Thread-safe: a caller that arrives
    while `start_loading`'s thread reads it waits for that read instead of starting another."""
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                _model = _read_model()
    return _model


def _read_model() -> Any:
    """py3langid's `LanguageIdentifier.from_model_file`, with the xz stream decompressed in one
    call: the library decompresses it in 8 KiB steps, each taking the GIL back, which made
    reading it in a background thread slow the main thread down as much as it saved."""
    import io
    import lzma
    from array import array
    from pathlib import Path

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    def _to_array(values: Any) -> array[int]:  # as py3langid's loader does: uint arrays, stdlib
        out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
        out.frombytes(np.ascontiguousarray(values).tobytes())
        return out

    path = Path(MODEL_DIR) / MODEL_FILE
    raw = lzma.decompress(path.read_bytes())  # one call: the GIL is released throughout
    with np.load(io.BytesIO(raw), allow_pickle=False) as data:
        classes = data["classes"].tolist()
        # Only CANDIDATES' columns are kept: `set_languages` would keep the whole table (all 142
        # languages, 27 MiB) alive as the "full model" for a reset we never make.
        keep = [i for i, lang in enumerate(classes) if lang in CANDIDATES]
        identifier = LanguageIdentifier(
            np.ascontiguousarray(data["ptc"][:, keep]), np.asarray(data["pc"])[keep],
            [classes[i] for i in keep], _to_array(data["nextmove"]), data["out_feat"].tolist(),
            norm_probs=True, tk_row=_to_array(data["nextmove_row"]))
    if sorted(identifier.nb_classes) != sorted(CANDIDATES):
        raise RuntimeError(f"py3langid's model lacks some of {CANDIDATES}")
    return identifier


def start_loading() -> threading.Thread | None:
    """Read the model in a background thread, so start-up does its other work meanwhile; None
    when it is already loaded (an engine loaded again in the same process)."""
    if _model is not None:
        return None
    thread = threading.Thread(target=_identifier, name="language model", daemon=True)
    thread.start()
    return thread


@lru_cache(maxsize=16)
def _classify(text: str) -> tuple[str, float]:
    """The model's guess for `text`, once per text (the screen may read a text twice in a turn)."""
    lang, confidence = _identifier().classify(text)
    return str(lang), float(confidence)


def warm_up() -> None:
    """Load the model now, not on the first message that needs it."""
    _identifier().classify("warm up")


def _marker_votes(words: list[str]) -> dict[str, int]:
    folded = [_fold(w) for w in words]
    votes: dict[str, int] = {}
    for lang, markers in _FOLDED_MARKERS.items():
        hits = sum(1 for f in folded if f in markers)
        if hits:
            votes[lang] = hits
    english = sum(1 for w in words if w in ENGLISH_MARKERS)
    if english:
        votes["en"] = english
    return votes


def detect_language(text: str, previous: str | None = None) -> str:
    """The ISO 639-1 code of `text`'s language: 'en', 'es', 'fr', 'pt', 'de', 'it', or 'other'
    for a message in another script. `previous` is the conversation's language so far: a short
    message that settles nothing ("ok", "no", "sure") stays in it."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return previous or "en"
    if sum(1 for c in letters if _LATIN.match(c)) / len(letters) < 0.5:
        return "other"
    words = _WORD.findall(text.lower())
    votes = _marker_votes(words)
    if len(words) < MIN_WORDS:
        # Too short for any model: a marker word decides, else the conversation's language.
        foreign = {k: v for k, v in votes.items() if k != "en"}
        if foreign and votes.get("en", 0) == 0:
            return max(foreign, key=lambda k: foreign[k])
        if votes.get("en"):
            return "en"
        return previous or "en"
    lang, confidence = _classify(text)
    english = votes.get("en", 0)
    foreign = {k: v for k, v in votes.items() if k != "en"}
    if lang != "en" and not votes.get(lang) and foreign and english == 0:
        # Short messages fool the model ("qué le digo" -> French): marker words of one language
        # and none of the model's choice settle it; a tie goes to the conversation's language.
        best = max(foreign, key=lambda k: (foreign[k], k == previous))
        return best
    if lang != "en" and confidence >= MIN_CONFIDENCE and english <= votes.get(lang, 0) + 1:
        return str(lang)
    if lang != "en" and confidence >= 0.5 and english == 0:
        return str(lang)
    # The model is unsure or says English: marker words settle it when they clearly outnumber
    # the English ones (mixed messages like "me duele mucho the knee" go to the majority).
    if foreign:
        best = max(foreign, key=lambda k: foreign[k])
        if foreign[best] > english:
            return best
    return "en"
