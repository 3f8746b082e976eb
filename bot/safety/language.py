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
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.folding import fold_accents

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


# Romanised Hindi (Hinglish) mixed with English ("6 months se hai bhai, kabhi fade nahi hua"): read as
# English, whose words carry the pain (tester round 31: a Bangalore runner got a Spanish reply with
# US numbers, "se" being Spanish too). Only words that are neither English nor Spanish.
HINGLISH = frozenset("hai hain nahi nahin bhai yaar kya mera meri mere hota hoti kuch bahut karta karti kar diya "
                     "tha thi pehle saal dard haan accha acha theek thik kaam raha rahi gaya gayi abhi bhi aur "
                     "lekin kyun kyunki mujhe humko hum mahine mahina din".split())
HINGLISH_MIN = 2


_FOLDED_MARKERS = {lang: frozenset(fold_accents(w) for w in words) for lang, words in MARKERS.items()}


_model_lock = threading.Lock()
_model: Any = None


def _identifier() -> Any:
    """The py3langid model restricted to CANDIDATES, loaded once per process. Thread-safe: a
    caller that arrives while `start_loading`'s thread reads it waits for that read instead of
    starting another."""
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                _model = _read_model()
    return _model


#: The kept file's layout version (bot.paths.kept_file names it for this, the source and CANDIDATES).
_KEPT_FORMAT = "langid-kept-1"
_KEPT_MAGIC = b"RTLANGID"


def _read_model() -> Any:
    """The model from its kept unpacked copy (made on the first start: the wheel's file is xz,
    0.4-0.5 s to unpack, most of a start-up's wait for it); the source if none can be kept."""
    import logging

    from py3langid.langid import LanguageIdentifier

    kept = _kept_model()
    if kept is not None:
        try:
            return LanguageIdentifier(**_read_kept(kept), norm_probs=True)
        except Exception as exc:  # noqa: BLE001 - a bad kept file is never trusted: read the source
            logging.getLogger(__name__).warning("kept language model %s unreadable (%s); reading the wheel's, "
                                                "and the next start makes it again", kept, type(exc).__name__)
            kept.unlink(missing_ok=True)
    return LanguageIdentifier(**_unpack(), norm_probs=True)


def _model_source() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(str(MODEL_DIR)) / str(MODEL_FILE)


def _kept_model() -> Path | None:
    from bot.paths import digest, kept_file

    try:
        source = digest(_model_source())
    except OSError:
        return None
    return kept_file("langid", ".bin", (_KEPT_FORMAT, source, CANDIDATES), lambda: _write_kept(_unpack()))


def _unpack() -> dict[str, Any]:
    """py3langid's `LanguageIdentifier.from_model_file` arguments, with the xz stream decompressed
    in one call (the library decompresses it in 8 KiB steps, each taking the GIL back) and only
    CANDIDATES' columns kept (`set_languages` would keep the whole 27 MiB table alive as the
    "full model" for a reset we never make). The automaton's tables as stdlib arrays (Python ints
    when indexed), as py3langid's own loader gives them."""
    import io
    import lzma
    from array import array

    import numpy as np

    def _to_array(values: Any) -> array[int]:
        out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
        out.frombytes(np.ascontiguousarray(values).tobytes())
        return out

    raw = lzma.decompress(_model_source().read_bytes())  # one call: the GIL is released throughout
    with np.load(io.BytesIO(raw), allow_pickle=False) as data:
        classes = data["classes"].tolist()
        keep = [i for i, lang in enumerate(classes) if lang in CANDIDATES]
        if sorted(classes[i] for i in keep) != sorted(CANDIDATES):
            raise RuntimeError(f"py3langid's model lacks some of {CANDIDATES}")
        return {"nb_ptc": np.ascontiguousarray(data["ptc"][:, keep]), "nb_pc": np.asarray(data["pc"])[keep],
                "nb_classes": [classes[i] for i in keep], "tk_nextmove": _to_array(data["nextmove"]),
                "tk_output": data["out_feat"].tolist(), "tk_row": _to_array(data["nextmove_row"])}


def _write_kept(model: dict[str, Any]) -> bytes:
    """The unpacked model as one file: a header (marshal: classes, and each table's type, shape,
    offset and length) and the tables' bytes, each at a multiple of 8."""
    import marshal
    from array import array

    import numpy as np

    tables = {"nb_ptc": model["nb_ptc"], "nb_pc": model["nb_pc"], "tk_nextmove": model["tk_nextmove"],
              "tk_row": model["tk_row"], "tk_output": array("i", model["tk_output"])}
    blobs: list[bytes] = []
    layout: dict[str, tuple[str, tuple[int, ...], int, int]] = {}
    offset = 0
    for name, table in tables.items():
        if isinstance(table, np.ndarray):
            kind, shape, data = "np:" + table.dtype.str, tuple(table.shape), np.ascontiguousarray(table).tobytes()
        else:
            kind, shape, data = "mv:" + table.typecode, (len(table),), table.tobytes()
        layout[name] = (kind, shape, offset, len(data))
        blobs.append(data + b"\0" * (-len(data) % 8))
        offset += len(blobs[-1])
    header = marshal.dumps((list(model["nb_classes"]), layout))
    header += b"\0" * (-(len(_KEPT_MAGIC) + 8 + len(header)) % 8)
    return _KEPT_MAGIC + len(header).to_bytes(8, "little") + header + b"".join(blobs)


def _read_kept(path: Path) -> dict[str, Any]:
    """The tables of a kept file, mapped, not read: the automaton (40 MiB) is paged in as texts
    walk it, and shared with any other process mapping the same file."""
    import marshal
    import mmap

    import numpy as np

    with open(path, "rb") as f:
        mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    if mapped[:len(_KEPT_MAGIC)] != _KEPT_MAGIC:
        raise ValueError("not a kept language model")
    size = int.from_bytes(mapped[len(_KEPT_MAGIC):len(_KEPT_MAGIC) + 8], "little")
    base = len(_KEPT_MAGIC) + 8 + size
    classes, layout = marshal.loads(mapped[len(_KEPT_MAGIC) + 8:base])
    if base + sum(length + (-length % 8) for _, _, _, length in layout.values()) != len(mapped):
        raise ValueError("kept language model truncated")
    view = memoryview(mapped)
    out: dict[str, Any] = {"nb_classes": list(classes)}
    for name, (kind, shape, offset, length) in layout.items():
        chunk = view[base + offset:base + offset + length]
        if kind.startswith("np:"):
            out[name] = np.frombuffer(chunk, dtype=np.dtype(kind[3:])).reshape(shape)
        else:
            out[name] = chunk.cast(kind[3:])
    if sorted(out["nb_classes"]) != sorted(CANDIDATES) or len(out["nb_pc"]) != len(CANDIDATES):
        raise ValueError("kept language model is for other languages")
    return out


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
    folded = [fold_accents(w) for w in words]
    votes: dict[str, int] = {}
    for lang, markers in _FOLDED_MARKERS.items():
        hits = sum(1 for f in folded if f in markers)
        if hits:
            votes[lang] = hits
    english = sum(1 for w in words if w in ENGLISH_MARKERS)
    if english:
        votes["en"] = english
    return votes


#: A yes or no that a runner writing English may type in their own language ("si", "oui", "ja").
_ANY_LANGUAGE_YES_NO = frozenset({"si", "oui", "ja", "sim", "nein", "non", "nee"})  # ("sí", accented, is Spanish)


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
    if words and all(w in _ANY_LANGUAGE_YES_NO for w in words):
        # "si" to "does hopping hurt?" in an English conversation is a yes, not Spanish (tester
        # round 43 got "solo entiendo inglés"): the conversation's language
        return previous or "en"
    if sum(1 for w in words if w in HINGLISH) >= HINGLISH_MIN:
        return "en"
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
