"""The words the safety screen looks for, as reviewable data (sources: shared CLINICAL.md).

Regular expressions run on normalised text (lower case, straight apostrophes, common typos
fixed, repeated letters squeezed). The crisis patterns are in `bot/safety/crisis_patterns.py`;
red flags are the clinical rules of `knowledge/clinical/` (bot.clinical), not this screen's.
"""

from __future__ import annotations

# Typos and chat spellings -> the word the patterns expect. Applied word by word.
TYPOS: dict[str, str] = {
    "suicidel": "suicidal", "suicidle": "suicidal", "sucidal": "suicidal", "suicdal": "suicidal",
    "suisidal": "suicidal", "suicidial": "suicidal", "sucide": "suicide", "suicde": "suicide",
    "suiside": "suicide", "suicid": "suicide", "sucicide": "suicide", "suacide": "suicide",
    "kil": "kill", "kll": "kill", "kilk": "kill", "myslef": "myself", "myelf": "myself",
    "mysef": "myself", "myslf": "myself", "meself": "myself", "mysefl": "myself",
    "wnat": "want", "wnt": "want", "wanna": "want to", "wan": "want", "whant": "want",
    "dont": "don't", "cant": "can't", "wont": "won't", "im": "i'm", "ive": "i've", "id": "i'd",
    "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't", "wasnt": "wasn't", "havent": "haven't",
    "hasnt": "hasn't", "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't",
    "u": "you", "ur": "your", "r": "are", "n": "and", "pls": "please", "plz": "please",
    "harming": "harm", "hurting": "hurt", "lyf": "life", "liv": "live", "anymore": "any more",
    "diee": "die", "dye": "die", "slef": "self", "selfharm": "self harm", "self-harm": "self harm",
    "overdosing": "overdose", "odd": "odd", "alive.": "alive",
    "tommorow": "tomorrow", "tomorow": "tomorrow", "wakeup": "wake up", "everyting": "everything",
    "evryone": "everyone", "everone": "everyone", "nothin": "nothing", "numbnes": "numbness",
    "tingly": "tingling", "killin": "killing", "thinkin": "thinking", "endin": "ending",
    "cuttin": "cutting", "hurtin": "hurting", "harmin": "harming", "dyin": "dying", "wantin": "wanting",
    "plannin": "planning", "goin": "going", "takin": "taking", "jumpin": "jumping", "tinglin": "tingling", "feinted": "fainted", "fainting": "fainted",
    "feint": "faint", "arround": "around", "aroud": "around", "passd": "passed", "brethless": "breathless", "breathles": "breathless",
}
