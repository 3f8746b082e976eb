"""The words the safety screen looks for, as reviewable data (sources: shared CLINICAL.md).

Regular expressions run on normalised text (lower case, straight apostrophes, common typos
fixed, repeated letters squeezed). The red-flag half of the screen lives here; the crisis half is
in `bot/safety/crisis_patterns.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    "overdosing": "overdose", "od": "overdose", "odd": "odd", "alive.": "alive",
    "tommorow": "tomorrow", "tomorow": "tomorrow", "wakeup": "wake up", "everyting": "everything",
    "evryone": "everyone", "everone": "everyone", "nothin": "nothing", "numbnes": "numbness",
    "tingly": "tingling", "killin": "killing", "thinkin": "thinking", "endin": "ending",
    "cuttin": "cutting", "hurtin": "hurting", "harmin": "harming", "dyin": "dying", "wantin": "wanting",
    "plannin": "planning", "goin": "going", "takin": "taking", "jumpin": "jumping", "tinglin": "tingling", "feinted": "fainted", "fainting": "fainted",
    "feint": "faint", "passd": "passed", "brethless": "breathless", "breathles": "breathless",
}

@dataclass(frozen=True)
class RedFlag:
    """A sign that needs a doctor or emergency care rather than a physical therapist."""

    id: str
    level: str  # "emergency" | "urgent"
    reason: str  # plain words, completes "because ..."
    patterns: tuple[str, ...]
    escalate_if: tuple[str, ...] = ()  # extra signs that raise the level to emergency
    names: tuple[str, ...] = ()  # the condition's name: counts unless asked about in general
    transient: tuple[str, ...] = ()  # signs that do not count when the person says they passed


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "cardiac", "emergency",
        "chest pain, a racing or irregular heartbeat, or fainting during or after a run can be a heart problem",
        transient=(r"\bheart\b.{0,20}\b(racing|pounding|thumping|hammering)\b",),
        patterns=(
            r"\bchest\b.{0,25}\b(pain|hurt|hurts|hurting|tight|tightness|pressure|ache|aching|squeez|crushing|heavy|burning)",
            r"\b(pain|tight|tightness|pressure|ache|aching|squeez\w*|crushing|heavy|heaviness|burning|weird)\b.{0,30}\b(in|on|across|around) (my |the )?(middle of (my |the )?|centre of (my |the )?|center of (my |the )?|left side of (my |the )?)?chest\b",
            r"\bchest (felt|feels|was|went|is|got) (really |very |so |super )?(tight|heavy|weird|funny)",
            r"\bpalpitations?\b", r"\bheart\b.{0,25}\b(flutter\w*|skipp\w*|skipped|missing beats|missed beats|irregular|erratic|all over the place|beating (really )?(weird|irregular|funny))\b",
            r"\b(irregular|skipping|fluttering) (heart ?beat|heart)\b", r"\bheart (felt|feels|went) (weird|funny|wrong|irregular)",
            r"\b(fainted|faint|passed out|pass out|blacked out|black out|blacking out|collapsed|collapse|lost consciousness)\b",
            r"\b(nearly|almost|about to) (faint|fainted|pass out|passed out|black out|blacked out|collapse|collapsed|went down)\b",
            r"\bfelt (really |very )?faint\b", r"\bgreyed out\b",
        ),
    ),
    RedFlag(
        "cauda_equina", "emergency",
        "numbness around the groin or bottom, or new bladder or bowel problems with back pain, can mean pressure on the nerves at the base of the spine",
        (
            r"\b(numb|numbness|no feeling|tingling|pins and needles|can't feel)\b.{0,40}\b(groin|saddle|between my legs|bum|bottom|buttocks|genitals?|privates|inner thighs?|down there|crotch|perineum|anus)\b",
            r"\b(groin|saddle|between my legs|genitals?|privates|crotch|down there)\b.{0,30}\b(numb|numbness|no feeling|tingling)\b",
            r"\b(can't|cannot|can not|couldn't|unable to|trouble|struggling to|problems?|difficulty) (pee|wee|urinate|control my bladder|control my bowels|go to the toilet|empty my bladder|peeing|weeing|urinating|passing urine)\b",
            r"\b(bladder|bowel|bowels|peeing|weeing)\b.{0,25}\b(problems?|issues?|control|changes?|changed|weird|leak|leaking|accident|incontinen|not working|different|stopped|won't|can't)",
            r"\b(wet|soiled|peed|pooed) myself\b", r"\baccidents? with my (bladder|bowels?)\b", r"\b(bladder|bowel) accidents?\b", r"\b(can't|cannot|don't|couldn't) (tell|feel) when i need (to (pee|wee|go|poo)|the (toilet|loo))\b",
            r"\b(numb|no feeling|can't feel)\b.{0,20}\bwhen i (pee|wee|wipe)\b", r"\bincontinen", r"\blost control of my (bladder|bowels?)\b",
            r"\bsaddle (numbness|anaesthesia|anesthesia)\b",
        ),
        names=(r"\bcauda equina\b",),
    ),
    RedFlag(
        "heat_stroke", "emergency",
        "confusion, hot dry skin or a very high temperature after running in the heat can be heat stroke",
        names=(r"\bheat ?stroke\b",),
        patterns=(
            r"\b(confused|confusion)\b(?! (about|by|as to|which|why|what|how|with|whether|if|over))",
            r"\b(disoriented|disorientated|delirious|not making sense|didn't know where i was|don't know where i am|slurring)\b",
            r"\bhot,? (and )?dry skin\b", r"\bskin (is |was |feels |felt )?(hot|burning) and dry\b",
            r"\b(stopped|stop|not|wasn't|isn't) sweating\b(?!.*\b(fine|normal)\b)",
            r"\b(temperature|temp|fever) (of |is |was |at )?(4[0-2]|10[4-9])\b",
            r"\b(brain|head|mind)('s| is| has| went| was)? (gone |all |really |so )?(foggy|fuzzy|scrambled|mush)\b", r"\bcan't remember (how|where|what happened|getting)\b",
            r"\bskin\b.{0,20}\b(burning|hot|boiling|on fire)\b.{0,15}\bdry\b",
            r"\b(very|really|super|extremely) high (temperature|temp|fever)\b.{0,40}\b(heat|hot|run)",
        ),
    ),
    RedFlag(
        "dvt", "urgent",
        "one swollen, warm, painful calf can be a blood clot (DVT)",
        (
            r"\b(calf|calves|lower leg|leg)\b.{0,40}\b(swollen|swelling|swelled|puffy|puffed)\b.{0,40}\b(warm|hot|red|redness|throbbing|tender|heat)",
            r"\b(swollen|swelling|puffy)\b.{0,15}\b(warm|hot|red)\b.{0,40}\b(calf|calves|lower leg|leg)\b",
            r"\b(warm|hot|red)\b.{0,20}\b(swollen|swelling|puffy)\b.{0,40}\b(calf|calves|lower leg)\b",
            r"\b(calf|calves|lower leg)\b.{0,40}\b(warm|hot|red)\b.{0,40}\b(swollen|swelling|swelled|puffy)\b",
            r"\b(calf|calves|leg|lower leg)\b.{0,40}\b(bigger|larger|fatter|thicker|puffier|more swollen|wider)\b.{0,20}\bthan (the|my) (other|left|right)\b",
            r"\b(calf|calves|lower leg)\b.{0,40}\b(tender|painful|sore|aching|achy|hurts)\b.{0,20}\b(swollen|swelling|swelled|puffy)\b",
            r"\b(swollen|puffy)\b.{0,20}\b(painful|sore|tender|aching|warm|hot|red)\b.{0,15}\b(calf|lower leg)\b",
        ),
        names=(r"\b(blood clot|dvt|deep vein thrombosis|thrombosis)\b",),
        escalate_if=(r"\b(breathless|short of breath|out of breath at rest|can't breathe|cannot breathe|struggling to breathe|shortness of breath|hard to breathe|chest pain|coughing (up )?blood|breathing is hard)\b",),
    ),
    RedFlag(
        "fracture", "urgent",
        "not being able to put weight on it, or pain right on the bone after a twist or fall, can mean a broken bone",
        names=(
            r"\b(broken|broke|fractured|fracture|cracked)\b.{0,25}\b(bone|ankle|foot|leg|toe|shin|knee|metatarsal|hip|heel)\b",
            r"\b(bone|ankle|foot|leg|toe|shin|knee|metatarsal|hip|heel)\b.{0,20}\b(is|was|feels|might be|could be) (broken|fractured|cracked)\b",
        ),
        patterns=(
            r"\b(can't|cannot|can not|couldn't|unable to|not able to|barely) (walk|put (any )?weight|bear weight|weight ?bear|stand on it|take (a|one|four|4|two|2|three|3|a few) steps?|step on it|hobble)",
            r"\b(can't|cannot|couldn't|unable to) (even )?put (my )?(foot|leg) (down|on the ground)\b",
            r"\b(heard|felt) (a |an )?(crack|snap|pop)\b", r"\b(can't|cannot|couldn't) take more than (a|one|two|a couple of) steps?\b",
            r"\bstep or two without\b", r"\bnavicular\b", r"\bbony spot\b", r"\b(bone|bones) (is |are )?(sticking|poking) out\b",
            r"\b(ankle|foot|leg|knee|toe)\b.{0,30}\b(looks|is|was) (deformed|bent|out of shape|wrong|misshapen)\b",
            r"\b(tender|sore|painful|hurts)\b.{0,30}\b(on|at|to touch on|when i press on|pressing on) (the |my )?(ankle ?bone|bone|bony|knobbly|knobbl)",
            r"\b(ankle ?bone|knobbly bit|bony bit|base of (my |the )?(little|5th|fifth) toe|navicular|5th metatarsal|fifth metatarsal|outside edge of my foot)\b.{0,50}\b(tender|sore|painful|hurts|agony)",
            r"\b(knobbly|knobbley|bony|bone)\b.{0,60}\b(tender|sore|painful|hurts|agony)\b.{0,15}\b(to touch|to press|when i press|when pressed|to the touch|to push)",
            r"\b(can't|cannot|couldn't|unable to|won't) (bend|straighten) (my )?knee\b", r"\bknee (won't|wont|will not|doesn't|can't) (bend|straighten)\b",
            r"\b(kneecap|knee cap|patella)\b.{0,20}\b(tender|hurts to touch|sore to touch|painful to touch)",
        ),
    ),
    RedFlag(
        "stress_fracture", "urgent",
        "pain at one spot on a bone that gets worse with impact, or that hurts at rest or at night, can be a stress fracture",
        names=(r"\bstress (fracture|reaction)\b",),
        patterns=(
            r"\b(pain|hurts?|aches?|aching|throbs?|throbbing|sore)\b.{0,40}\b(at night|in bed|when resting|at rest|even resting|while resting|when i'm resting|sitting still|lying down|in the night|wakes me|keeps me awake|sat down|sitting down|when i'm sat|when sitting|even sitting|doing nothing|on the sofa)\b",
            r"\b(wakes|woke|waking|keeps) me (up|awake)\b",
            r"\b(pain|hurts?|aches?|aching|throbs?|throbbing|sore)\b.{0,40}\b(when|while|even when|even while) (i'm |i am )?(sitting|resting|lying|in bed|asleep|sleeping|still|sat)\b",
            r"\bhop(ping|s)?\b.{0,25}\b(hurts|agony|painful|pain|impossible|can't|killer)\b",
            r"\bsqueez\w*\b.{0,40}\b(hurts|agony|painful|pain|sore|tender)\b", r"\b(hurts|agony|painful|pain|sore|tender)\b.{0,25}\bsqueez\w*",
            r"\b(one|a|single|specific|tiny|small) (spot|point|place|area) (on|of) (the |my )?(bone|shin ?bone|tibia|foot|metatarsal)\b",
            r"\b(point to|pinpoint|put my finger on|press on) (the |one |a |that )?(exact |precise |single |one )?(spot|place|point)\b",
            r"\b(pinpoint|point tenderness|finger ?tip|one finger)\b",
            r"\b(hurts|pain|painful|agony) (to|when i) hop\b", r"\bcan't hop\b",
            r"\b(on|in) the bone\b.{0,30}\b(hurts|pain|sore|tender)", r"\b(hurts|pain|sore|tender)\b.{0,20}\b(on|in) the bone\b",
        ),
    ),
    RedFlag(
        "neuro", "urgent",
        "numbness, tingling or weakness in your leg or foot can mean a nerve is being squeezed",
        transient=(r"\b(numb|numbness|tingling|tingle|tingles|pins and needles|dead feeling|no feeling|lost feeling|losing feeling)\b",),
        patterns=(
            r"\b(can't|cannot|can not|couldn't) feel\b.{0,25}\b(foot|feet|toes?|leg|legs|ankle|heel|shin|calf|sole|thigh)\b",
            r"\bfoot\b.{0,15}\b(drop|slap\w*|drag\w*|flop\w*)\b", r"\bdrop foot\b",
            r"\b(weak|weakness|gave way|giving way|no strength)\b.{0,25}\b(leg|foot|ankle|toes)\b",
            r"\b(leg|foot|ankle)\b.{0,25}\b(weak|weakness|gave out|gives out|no strength)\b",
            r"\b(can't|cannot|couldn't) (lift|raise|move) (my )?(foot|toes|ankle)\b", r"\btripping over my (foot|toes)\b",
        ),
    ),
    RedFlag(
        "septic_joint", "urgent",
        "a hot, swollen joint together with a fever can be an infected joint",
        (
            r"\b(hot|red|swollen|swelling|swelled|warm)\b.{0,40}\b(knee|ankle|hip|joint|toe)\b.{0,60}\b(fever|feverish|temperature|temp|shivery|shivering|chills|sweats|rigors)\b",
            r"\b(knee|ankle|hip|joint|toe)\b.{0,80}\b(hot|red|swollen|swelling|swelled|warm|blew up|ballooned)\b.{0,60}\b(fever|feverish|temperature|temp|shivery|shivering|chills|sweats|rigors)\b",
            r"\b(fever|feverish|temperature|shivery|chills)\b.{0,60}\b(hot|red|swollen|swelling)\b.{0,30}\b(knee|ankle|hip|joint|toe)\b",
        ),
    ),
)

# A condition named in a general question ("what does a DVT feel like?") is not a symptom.
GENERAL_QUESTION = (
    r"\b(what (are|is|does|do)|what's|whats|how (do|can|does|would)|can (you|i|a|an|it|heat|people)|"
    r"difference between|just curious|asking in general|in general|just wondering|signs of|symptoms of|"
    r"is it possible|hypothetically|had one|had it|tell me about|how is|different from|cause|causes|"
    r"something runners get|is (cauda equina|a stress fracture|dvt|heat stroke)|"
    r"(her|his|their|buddy's|friend's|mate's) (stress fracture|dvt|blood clot|heat stroke))\b"
)
# "numb for a bit with the ice pack, normal again now": a transient sign that has passed.
RESOLVED = r"\b(settled|settles|went away|goes away|back to normal|normal again|feels normal|warmed up fine|fine now|passed|gone now|resolved|wore off|wears off|stopped after|all fine|fine once|fine after)\b"
# A sign a clinician has already checked ("chest pain last year, cardiology said all clear").
CLEARED = r"\b(last year|years ago|was checked|checked everything|checked it|all clear|all-clear|ruled (it |that )?out|ruling (things|it) out|cleared me|mentioned it)\b"
# A racing heart from nerves is not the cardiac sign.
NERVES = r"\b(nerves|nervous|anxious|anxiety|before the race|start line|thinking about the|excited)\b"
# Tingling in the hands or face is not the leg-and-foot nerve sign this flag is about.
UPPER_BODY = r"\b(fingers?|fingertips|hands?|arms?|lips|face|tongue)\b"
LOWER_LIMB = r"\b(foot|feet|toes?|legs?|ankles?|heels?|shins?|calf|calves|thighs?|knees?|groin|bum|buttocks?|soles?)\b"

# Words that negate a red-flag sign when they come shortly before it in the same clause.
NEGATORS = (
    r"\b(no|not|without|never|none|nor|neither|didn't|don't|doesn't|isn't|wasn't|aren't|weren't|"
    r"haven't|hasn't|hadn't|zero|nothing|free of|absence of|denies|ruled out|no sign of|no signs of)\b"
)
# Clause boundaries: a negation does not carry past these.
CLAUSE_BREAK = r"(\bbut\b|\bhowever\b|\balthough\b|\bthough\b|\byet\b|\bexcept\b|\bwhereas\b|[.;!?]|\band (now|then|my|it|i)\b|,\s*(my|it|i|and|the|now))"
