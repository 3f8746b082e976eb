"""The one spaCy language object everything shares: blank English, lookup lemmas, sentences.

No model download is possible (or wanted): `spacy.blank("en")` plus the lookup tables from
`spacy-lookups-data` gives tokens and lemmas; rules and negation are added by `bot.nlu.pipeline`.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.lookups import Lookups, load_lookups
from spacy.pipeline import Lemmatizer
from spacy.strings import hash_string  # type: ignore[attr-defined]  # in spaCy, not in its stubs

# The lookup table gets a few running words wrong; these win over it.
LEMMA_FIXES: dict[str, str] = {
    "calves": "calf",
    "calve": "calf",
    "shins": "shin",
    "knees": "knee",
    "feet": "foot",
    "hamstrings": "hamstring",
    "quads": "quad",
    "glutes": "glute",
    "achilles": "achilles",
    "physio": "physio",
    "ks": "k",
    "does": "do",
    "as": "as",
    "ai": "ai",
    "reds": "reds",  # RED-S, not the colour
    # Chat spellings.
    "thru": "through",
    "tho": "though",
    "coz": "because",
    "cuz": "because",
}


@Language.component("lemma_fixes")
def _lemma_fixes(doc):  # type: ignore[no-untyped-def]
    for token in doc:
        fixed = LEMMA_FIXES.get(token.lower_)
        if fixed is not None:
            token.lemma_ = fixed
    return doc


@lru_cache(maxsize=1)
def _lemma_tables() -> Lookups:
    """spacy-lookups-data's English lemma table, read once per process and shared by every
    pipeline (reading it is most of what building a pipeline costs)."""
    tables, _ = Lemmatizer.get_lookups_config("lookup")
    return load_lookups("en", tables)


def blank_english() -> Language:
    """A fresh blank English pipeline: sentencizer, lookup lemmatizer, lemma fixes.

    Only the lemmatizer needs initialising (with the shared table); `nlp.initialize()` is not
    called, so patterns that callers add to an EntityRuler afterwards are not cleared either.
    """
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("lemma_fixes", after="lemmatizer")
    lemmatizer.initialize(lookups=_lemma_tables())  # type: ignore[attr-defined]
    return nlp


@lru_cache(maxsize=1)
def _lookup() -> tuple[frozenset[int], frozenset[str]]:
    table = shared_tokenizer().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")  # type: ignore[attr-defined]
    return frozenset(table.keys()), frozenset(str(v) for v in table.values()) | frozenset(LEMMA_FIXES)


def is_english(word: str) -> bool:
    """Is `word` (lower case) a form or lemma of the English lookup table? A word outside it may
    be a typo ("strech", "shuold")."""
    keys, values = _lookup()
    return word in values or hash_string(word) in keys


@lru_cache(maxsize=1)
def shared_tokenizer() -> Language:
    """A cached pipeline for lemmatising text (retrieval), built once per process."""
    return blank_english()


def lemmas(text: str) -> list[str]:
    """Lower-cased lemmas of the alphanumeric tokens of `text`.

    What the pipeline's lookup lemmatizer and `lemma_fixes` would give (tests/test_lang.py holds
    them equal), read straight from the tokens: the knowledge base lemmatises about 3,000 texts
    at start-up, and running the whole pipeline for each doubled the cost.
    """
    table = _lemma_tables().get_table("lemma_lookup")
    out = []
    for token in shared_tokenizer().tokenizer(text):
        if (token.is_alpha or token.is_digit) and not token.is_space:
            fixed = LEMMA_FIXES.get(token.lower_)
            out.append((fixed if fixed is not None else table.get(token.text, token.text)).lower())
    return out


WORD = re.compile(r"[a-zà-ÿ']+")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_a-zA-Z\u00C0-\u024F]")


def guess_language(text: str, words: list[str] | None = None) -> str:
    """'en', or 'other' when the message is clearly not English (script or foreign stop words)."""
    from bot.nlu.vocabulary import FOREIGN_WORDS

    words = WORD.findall(text.lower()) if words is None else words
    letters = [c for c in text if c.isalpha()]
    if letters and sum(1 for c in letters if _NON_LATIN_LETTER.match(c)) / len(letters) > 0.5:
        return "other"
    if len(words) >= 3:
        foreign = sum(1 for w in words if w in FOREIGN_WORDS)
        if foreign >= 2 and foreign / len(words) >= 0.34:
            return "other"
    return "en"
