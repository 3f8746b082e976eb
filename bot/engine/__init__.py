"""The dialogue engine: one user message in, replies and the user's new record out. Pure.

Every message goes: typed answers to the last buttons (bot.engine.typed: "7pm", "km please",
"yes", a button's label) -> account commands (bot.commands) -> a file (flow.yml `files`: a run
file) -> flow commands and bad-input checks -> the crisis screen (action_safety_check, always
first, on the whole text; a finding follows the state's `on_safety` or the flow's `interrupts`,
an answer to the crisis question the state `awaits` is that answer's intent) -> NLU (once; a
leading "thanks." is not part of a question) -> the other screens (flow.yml `screens`: the
clinical check; a finding follows its `interrupts` transition unless the state `ignores` it) ->
the flow's transition for (state, intent; a feeling, the crisis screen's `distress`, acknowledged first)
-> actions/responses -> the form loop (ask the next slot, or finish with on_complete) -> a
deferred message replayed where the flow returned (`defer`) -> replies, whose buttons are
remembered. A state with `anywhere: false` (the crisis states) keeps its own replies: the NLU
reads the message whole (no ask_and_inform), no pleasantry is read apart, and no
button of an `anywhere:` intent (a detail button) is offered. No I/O and no clock: the adapter
loads and saves the record (bot.store) and passes the time in.

`Engine` is the front door and the order of a turn; the rooms behind it have one job each:

- bot.engine.flow        FlowInterpreter: transitions, forms, the pause stack (dialogues/flow.yml)
- bot.engine.bridge      RasaBridge: trackers in, rasa-sdk actions run, slot events applied
- bot.engine.render      Renderer: responses and texts -> Reply, placeholders filled
- bot.engine.bookkeeping the record around a turn: copy, triage history, check-in entries, advice
- bot.engine.typed       typed answers to the last turn's buttons, in every channel
- bot.engine.state       Turn: the scratch they share

Actions are rasa-sdk Actions run through rasa-sdk's ActionExecutor with a Rasa-shaped tracker,
so the bot itself exercises the path a Rasa assistant uses.
"""

from __future__ import annotations

import copy
import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, cast

from rasa_sdk.executor import ActionExecutor

from bot import collector, commands, regexes, validation
from bot.actions import build_actions, build_executor
from bot.actions.clinical import DECISIONS_SAID_SLOT, help_has_come
from bot.dialogue import FINDING_SLOT, SAFETY_ACTION, Dialogue, load_dialogue, parse_payload
from bot.engine import bookkeeping, typed
from bot.engine.bridge import RasaBridge
from bot.engine.flow import FlowInterpreter
from bot.engine.render import ENGLISH_ONLY_LANGUAGES, REPORTING_FOR_SLOT, Renderer
from bot.engine.state import Turn
from bot.clinical import intake, summary
from bot.clinical.evaluate import evaluate as clinical_evaluate
from bot.clinical.flow import says_a_sign
from bot.knowledge import KnowledgeBase
from bot.nlu.pipeline import NLU, Parse
from bot.nlu.lang import WORD, is_english
from bot.nlu.vocabulary import GOOD_NEWS
from bot.record import PAUSE_DEPTH, Conversation, UserRecord
from bot.safety.crisis_patterns import HEAVY_FEELINGS
from bot.safety.screen import screen
from bot.texts import Texts, Voice, default_texts, text_family, text_key
from bot.turn import Reply, TurnResult, UserMessage
from bot.vocabulary import VOCABULARY, load_vocabulary

_log = logging.getLogger(__name__)

__all__ = ["Engine", "clean_text", "has_words"]

MAX_PARSE_CHARS = 1000  # the NLU reads this much; the safety screen always reads everything
MAX_SCREEN_CHARS = 20000
STALE_BUTTON = text_key("engine.stale_button")
#: Words around a place said on its own ("hiya, runner from Leeds here", "vivo en Madrid, por cierto").
_WHERE_FILLERS = frozenset("""i im i'm am in at from the here live living based currently now mate lol haha so ok okay
    btw by way actually hi hiya hey hello runner just oh sorry yeah yes no not us we we're were and but also
    ya you muppet eejit idiot dude bro man ffs omg wtf jeez mate mate's lmao bud buddy pal love hun
    those these numbers number lines line helplines are is wrong that thats it's its for your
    vivo estoy en soy de desde por cierto hola
    good to me dear america american usa doesn't doesnt don't dont work works won't wont useless there over of
    get far anywhere
    wait hang on what which call ring dial should do then right it
    """.split())
# "I live in Leeds by the way, not America. 911 is no good to me" (tester round 28; numbers: any);
# "wait we're in the uk, is it 999?" (tester round 41: the note, then "outside what I know").
NOT_UNDERSTOOD = text_family("typed", ["time", "tz", "unit", "day", "country", "forget"])
#: Intents a message with a leading pleasantry may carry for the pleasantry alone: "thanks. what
#: shoes should I get" is read again without "thanks." ("what shoes should I get").
PLEASANTRY_INTENTS = ("thanks", "greet", "affirm", "goodbye", "off_topic")
#: Intents that mean the text after a pleasantry says something of its own.
SAYS_SOMETHING = ("ask_question", "ask_and_inform", "report_pain", "correction", "why_ask")
#: After distress acknowledged with nothing else to act on, outside a form: the knowledge base's
#: answer to what was said ("the PT I saw didn't help"), or an invitation to say what hurts.
FEELING_ACTION = "action_acknowledge_feeling"
#: Intents of a message that, with a feeling and no slot filled, only says how the runner feels
#: ("so frustrating" to a question): acknowledged, and the question asked again.
FEELING_ONLY = ("off_topic", "inform", "affirm", "deny", "goodbye", "why_ask")
#: The runner's own body, said after talking about someone else ("my own calves", "MY calves",
#: "me, my calves", "what about me").
_OWN_BODY = re.compile(r"\bmy own\b|\bwhat about me\b|\b(?:me|myself)\s*[,:-]\s*my\b|\basking about my\b|\bfor me\b|"
                       r"\b(?:i'?m|im|i am|i've|ive|i have) (?:got |also |now )?(?:sore|tight|aching|achy|stiff)\b|"
                       r"\bmy (?:own |poor |left |right |sore |tight )?(?:calf|calves|legs?|knees?|feet|foot|ankles?|hips?|"
                       r"hamstrings?|quads?|shins?|back|achilles|heels?)\b")
_ANSI_ESCAPE = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07]*\x07|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def clean_text(text: str) -> str:
    """Strip terminal escape sequences, control and invisible characters; line breaks become spaces."""
    text = _ANSI_ESCAPE.sub(" ", text)
    return " ".join(_CONTROL.sub(" ", text.replace("\r", " ").replace("\n", " ")).split())


def has_words(text: str) -> bool:
    return any(unicodedata.category(c)[0] in ("L", "N") for c in text)


#: A message that only asks for everything to be deleted: /forget (which asks first).
_DELETE_REQUEST = re.compile(
    r"^\W*(?:(?:ok|okay|yes|yeah|yep|so|then|right|fine)\W+)?(?:(?:pls|please|plz)\W+)?(?:can you |could you |would you |just |now )?"
    r"(?:delete|erase|wipe|remove|clear) (?:all of it|it all|everything|all my data|my data|all my stuff|my stuff|my account|"
    r"my info|all my info|all of my data|all my messages|my messages|my history|all of this|all this)"
    r"(?:\W+(?:please|pls|plz|now|then|thanks|thank you))*\W*$", re.IGNORECASE)
#: A message that only asks for the weekly check-in ("yeah go on, do the weekly check in thing",
#: "i just want u to check in on me weekly"; tester round 21 got the 10% rule, then "I won't tell
#: anyone" twice): the offer's button, "!checkin start".
# ("ok merci. can u check in on me weekly?": tester round 43 got the 10% rule)
_CHECKIN_LEAD = (r"(?:(?:ok|okay|yes|yeah|yep|sure|go on|righto|right|so|then|and|no|what|hey|pls|please|plz|i just|just|"
                 r"thanks|thank you|thx|ty|cheers|cool|great|merci|gracias|danke|nice|perfect|awesome)\W+)*")
_CHECKIN_REQUEST = re.compile(
    rf"^\W*{_CHECKIN_LEAD}(?:(?:can|could|would|will) (?:you|u) |i(?:'d| would)? (?:like|want|wanna) (?:you |u )?(?:to )?|"
    r"(?:do|set up|setup|turn on|start|sign me up for|add me to|give me|send me|yes to)\s+)*"
    r"(?:(?:the|a|your|those|that|these)\s+)?(?:(?:weekly|week|once a week)\s+)?(?:check(?:-| )?ins?|checkins?)"
    r"(?:\s+(?:thing|things|on me|please|pls|then|thanks|thank you|too|weekly|every week|once a week))*\W*$"
    rf"|^\W*{_CHECKIN_LEAD}(?:(?:can|could|would) (?:you|u) |i (?:just )?(?:want|wanna) (?:you|u) to )?"
    r"check (?:in )?on me (?:weekly|every week|once a week)\W*$"
    # "ok. can you check in with me every week? i need someone to keep me accountable" (tester round 42)
    rf"|^\W*{_CHECKIN_LEAD}(?:(?:can|could|would|will) (?:you|u) |i (?:just )?(?:want|wanna|would like) (?:you|u) to |please )?"
    r"check (?:in )?(?:with|on) me (?:weekly|every week|each week|once a week)(?:\s+(?:please|pls|then|too))?[?!.]*"
    r"(?:\s+i (?:need|want|would like) (?:someone|somebody|something|you) to (?:keep me|hold me|help me)[^?!.]{0,30}[.!]?)?\W*$",
    re.IGNORECASE)
#: A message that starts this week's check-in ("hi its sunday, time for my check in", "hey its me again
#: for my weekly checkin": tester rounds 21 and 22 got the race card and the triage questions).
_CHECKIN_NOW = re.compile(r"\b(?:time for|here for|ready for|doing|do|start|starting|for) (?:my|the|our|this week'?s) (?:weekly )?"
                          r"(?:check(?:-| )?in|checkin)\b(?! (?:thing|settings?)\b)", re.IGNORECASE)
#: The deletion request as one sentence of a short message, with what is kept named ("hi. i dont want
#: you keeping my health info. please delete everything you have about me": tester round 22 was
#: asked the pain question again; only "DELETE MY DATA" worked).
_DELETE_SENTENCE = re.compile(
    # ("actually, can you delete all my data? i dont want this stored anymore": tester round 60 got the
    # answer on whether /forget had deleted it)
    r"^\W*(?:(?:ok|okay|yes|so|then|now|pls|please|plz|just|can you|could you|can u|could u|would you|i want you to|i'd like you to|"
    r"actually|hey|hi|and|also|um|right)\W+)*"
    r"(?:delete|erase|wipe|remove|clear) (?:everything|all of it|it all|all (?:of )?my (?:data|info|details|stuff|messages|history|answers)|all|"
    r"my data|my info|my health (?:info|data|information)|my details|my history|my account|my messages|my answers)"
    r"(?: (?:you (?:have|hold|keep|kept|store|stored|know|got)|you've got))?(?: (?:about|on|of) me)?(?:\W+(?:please|pls|plz|now|thanks|thank you))*\W*$",
    re.IGNORECASE)


#: A message that only asks to start the conversation over ("Can we start again", "let's start over
#: please"; tester round 23 was given the walk-run plan, as starting running again): /restart.
#: Not "can I start again" (running).
_RESTART_REQUEST = re.compile(
    r"^\W*(?:(?:ok|okay|right|sorry|um|hmm|pls|please|plz|just|can we|could we|shall we|let'?s|lets|i(?:'d| would)? (?:like|want) to|"
    r"i wanna)\W+)*(?:start (?:again|over|afresh|from scratch|from the (?:beginning|start|top))|restart|begin again|reset)"
    r"(?:\W+(?:please|pls|plz|then|now|thanks|the (?:chat|conversation|questions)|this( chat| conversation)?))*\W*$", re.IGNORECASE)


def _delete_sentence(text: str) -> bool:
    """Is one sentence of a short message only the deletion request, with nothing the screens
    would read in the rest? (/forget asks before it deletes anything.)"""
    if len(text) > 200 or not any(_DELETE_SENTENCE.match(part) for part in re.split(r"[.!?\n]+", text) if part.strip()):
        return False
    return not screen(text).tier  # screened only when it asks (a screen costs most of a turn)


#: A sentence that asks: "what counts as more?", "should I be worried about arthritis".
_QUESTION_START = re.compile(r"\s*(?:what|what's|whats|how|why|should|shall|can|could|would|will|is|are|am|do|does|did|"
                             r"when|where|which|who|whose)\b", re.IGNORECASE)



SAFE_RESUME = "safe_resume"
WANTS_RUNNING = "wants_running"
#: Running talk asked for in the same message as a "safe" answer ("Yes, I'm safe, my partner is here
#: with me. Can we talk about my knee now?": blind safety set 10 got "whenever you're ready").
#: "911 doesn't work here", "that number doesn't work in ireland": the numbers given were the
#: default country's (tester round 20 was told "call 911" again). With a place named, the place
#: is heard first (bookkeeping.hear_place) and its numbers follow.
_NUMBER_DOES_NOT_WORK = re.compile(
    r"\b(?:\d{3}|988|that number|the number|this number|those numbers|these numbers)\s+(?:doesn'?t|does not|dont|don'?t|won'?t|"
    r"isn'?t|is not|aren'?t|are not)\s+(?:work|working|exist|a thing|valid|go through|connect)\b|"
    r"\b(?:not|wrong) (?:the right |the )?(?:number|numbers) (?:for|in|here)\b|\bwe don'?t have (?:\d{3}|988)\b", re.IGNORECASE)
#: The emergency number called and not connecting: "i called 112 it is not going through" (tester
#: rounds 59-60, Kumasi, was told to call 112 again).
_CALL_FAILED = re.compile(
    r"\b(?:\d{3,5}|ambulance|ambulancia|emergency(?: services| number| line)?|emergencias)\b[^.!?]{0,40}\b(?:(?:is |it'?s |its |it is )?not going through|"
    r"isn'?t going through|won'?t go through|wont go through|doesn'?t go through|not connecting|won'?t connect|can'?t get through|"
    r"cant get through|couldn'?t get through|no answer|nobody (?:is )?answer\w*|no one (?:is )?answer\w*|keeps? ringing|"
    r"(?:is |was )?engaged|no network|(?:it )?(?:just )?(?:cuts|cut) off|(?:it )?(?:just )?(?:hangs|hung) up|"
    r"no (?:contesta|contestan|coge|cogen|responde|responden|da (?:linea|línea|tono))|no (?:me )?(?:puedo|consigo) comunicar)\b", re.IGNORECASE)
_WANTS_RUNNING = re.compile(r"\b(?:can we|could we|let'?s|i'?d like to|i want to|back to|talk about|carry on|get back to|"
                            r"go back to|what about|now about|about my|what (?:do|should|can) i do (?:about|for|with))\b[^.!?]{0,30}\b(?:knee|shin|foot|heel|calf|ankle|hip|"
                            r"back|achilles|hamstring|leg|legs|running|run|runs|injury|pain|training)\b")
#: A question asked with "stop asking me questions" ("... how can I stay fit while injured"): a
#: question mark or a question word; "forget the running stuff" asks nothing.
_ASKS_SOMETHING = re.compile(r"\?|\b(?:how|what|whats|what's|why|when|where|which|who|can i|could i|should i|is it|do i|does|"
                             r"any tips|tips|advice|tell me)\b")

class Engine:
    """Runs conversations. Build once with `Engine.load()` (reads and checks files, ~1 s); then pure."""

    def __init__(self, dialogue: Dialogue, nlu: NLU, kb: KnowledgeBase, executor: ActionExecutor,
                 texts: Texts) -> None:
        self.dialogue = dialogue
        self.nlu = nlu
        self.kb = kb
        self.executor = executor
        self.texts = texts
        self.renderer = Renderer(dialogue)
        self.bridge = RasaBridge(dialogue, executor)
        self.flow = FlowInterpreter(dialogue, self.renderer, self._perform)

    @classmethod
    def load(cls, dialogues_dir: Path | None = None, knowledge_dir: Path | None = None) -> Engine:
        """Load dialogues/ and knowledge/ (the packaged ones by default) and check that they agree
        with each other and with the code (bot.validation); DefinitionError names file and key."""
        from bot.paths import dialogues_directory, knowledge_directory
        from bot.safety.language import start_loading

        start_loading()  # the language model's file is read while the rest below loads
        dialogues_dir = dialogues_dir or dialogues_directory()
        knowledge_dir = knowledge_dir or knowledge_directory()
        vocabulary = load_vocabulary(dialogues_dir)
        dialogue = load_dialogue(dialogues_dir)
        kb = KnowledgeBase.load(knowledge_dir, vocabulary.levels, vocabulary.locations)
        texts = Texts.load(dialogues_dir, dialogue.responses)
        nlu = NLU()
        actions = build_actions(nlu, kb, texts, vocabulary)
        rules = validation.load_clinical_rules(knowledge_dir)
        validation.check(validation.Sources(vocabulary, dialogue, kb, actions, texts, rules=rules))
        engine = cls(dialogue, nlu, kb, build_executor(actions), texts)
        # Compile the safety rules and load its model now, not on the first user's message; read
        # the English catalog the pure modules fall back to (bot.texts.english) now, not mid-turn.
        screen("warming up the safety screen before the first runner writes in")
        default_texts()
        nlu.parse("my left shin hurts every time I run")
        clinical_evaluate("my left shin hurts every time I run")  # its patterns' gates, saved below
        regexes.cache_gated()  # every part and gate in the cache: none is parsed in a runner's turn
        regexes.save()  # the next start reads the compiled patterns (bot.regexes)
        summary.prepare_fonts()  # the PDF's font subsets (kept: made on the very first start only)
        return engine

    @classmethod
    def load_serving(cls) -> Engine:
        """Engine.load for a process that serves runners (`run`, `chat`): no cyclic collection
        while it loads, then everything loaded moved out of the collector's sight (bot.collector):
        later collections scan only what turns create, not the models, patterns and tables, so
        none of them stalls a turn for tens of ms."""
        collector.pause()
        try:
            return cls.load()
        finally:
            collector.resume(freeze=True)

    # -- public ------------------------------------------------------------------------------

    def new_conversation(self) -> Conversation:
        return bookkeeping.new_conversation(self.dialogue.start)

    def begin(self, record: Mapping[str, Any], now: datetime, user_id: str = "user") -> Turn:
        """A turn on a copy of `record` (for tools and tests that drive the rooms directly)."""
        return bookkeeping.begin(record, self.dialogue.start, user_id, now, self.texts, self.kb)

    async def handle(self, record: Mapping[str, Any], message: UserMessage, now: datetime,
                     user_id: str = "user") -> TurnResult:
        """Process one message for a user whose stored record is `record` (not modified)."""
        message = self._typed_answer(record, message)
        if message.payload is None and (_DELETE_REQUEST.match(message.text) or _delete_sentence(message.text)):
            # "ok pls delete all of it" (tester round 16: "I can only help with running pain"):
            # /forget, which asks before it deletes anything. Only a message that is nothing but
            # the request: anything more goes through the screens ("...I won't be needing any of
            # this after tonight" is a goodbye).
            message = replace(message, text="/forget")
        elif message.payload is None and len(message.text) < 60 and _RESTART_REQUEST.match(message.text):
            message = replace(message, text="/restart")
        elif (message.payload is None and len(message.text) < 80 and not message.text.lstrip().startswith("/")
              and _CHECKIN_REQUEST.match(message.text.strip())):
            message = replace(message, payload=commands.CHECKIN_START)
        elif (message.payload is None and len(message.text) < 80 and _CHECKIN_NOW.search(message.text)
              and not says_a_sign(message.text) and not screen(message.text).tier):
            message = replace(message, text="/checkin_now")  # never past the screens: "..., i want to die" is not
        account = self._account(record, message, now)
        if account is not None:
            return self._remember_buttons(account)
        set_up = None
        if message.payload is None and message.text.strip().split()[:1] == ["/checkin_now"]:
            # /checkin_now at the set-up's last question: set up first, then the check-in
            set_up = commands.finish_draft(record, now, Voice.for_record(self.texts, self.kb, record))
            if set_up is not None:
                record = set_up.record
        turn = self.begin(record, now, user_id)
        await self._turn(turn, message)
        bookkeeping.say_place_heard(turn)
        if not turn.replies:
            # Never silent (tester round 25: a story read as a question too, after emergency advice,
            # got no reply at all): the pending question again, else a plain "say it another way".
            _log.warning("a turn produced no reply (state %s, intent %s)", turn.conv.get("state"), turn.intent)
            self.flow.reask(turn)
            if not turn.replies:
                self.renderer.say(turn, "utter_rephrase")
        self.flow.routable_buttons(turn)
        result = self._remember_buttons(bookkeeping.finish(turn))
        if set_up is not None:
            result = replace(result, replies=set_up.replies + result.replies, effects=set_up.effects + result.effects)
        return result

    async def start_checkin(self, record: Mapping[str, Any], now: datetime, week: str,
                            user_id: str = "user") -> TurnResult | None:
        """Begin the weekly check-in `week` (its first question); None when the current state
        does not allow it (`checkin: false` in flow.yml: a crisis). The check-in sweep calls this."""
        turn = self.begin(record, now, user_id)
        if not self.flow.allows_checkin(turn):
            return None
        turn.intent, turn.payload_values = "checkin_now", {"checkin_week": week}
        await self.flow.command(turn, "/checkin_now")
        # One message: the greeting and the first question (a sweep sends one message per runner).
        asking = [r for r in turn.replies if r.asks]
        if asking:
            intro = "\n\n".join(r.text for r in turn.replies if not r.asks and not r.buttons)
            question = asking[-1]
            turn.replies[:] = [Reply(f"{intro}\n\n{question.text}" if intro else question.text,
                                     question.buttons, question.asks, question.triage, question.sources)]
        return bookkeeping.finish(turn)

    # -- typed answers to buttons ---------------------------------------------------------------

    def _typed_answer(self, record: Mapping[str, Any], message: UserMessage) -> UserMessage:
        """Typed text that answers the last turn's buttons becomes that press (bot.engine.typed),
        unless the crisis screen finds anything in its words, distress included, or the clinical
        rules a warning sign: then the text goes through the turn, screens first. (Read without the conversation's crisis memory: a
        typed label is the button, and "Ahora estoy a salvo" is "I'm safe", not "now" after
        crisis talk.)"""
        if message.payload is not None or message.attachment is not None or message.text.strip().startswith("/"):
            return message
        item = typed.menu_item(record, message.text)
        if item is not None:
            return UserMessage(message.text, payload=item.payload)
        buttons = typed.remembered(record)
        if not buttons:
            return message
        voice = Voice.for_record(self.texts, self.kb, record)
        button = typed.press_for(message.text, buttons, self._country_names(voice), self._country_zones())
        if button is None:
            return message
        screening = screen(message.text)  # the words alone: a button's own label is its press
        if screening.findings or screening.tier or says_a_sign(message.text):
            return message  # the crisis screen's or the clinical check's (a warning sign)
        return UserMessage(message.text, payload=button.payload)

    def _country_names(self, voice: Voice) -> dict[str, str]:
        """Every way knowledge/crisis_resources.yml names a country -> its code (lower case):
        codes, labels, names, aliases and places."""
        names: dict[str, str] = {}
        crisis = self.kb.crisis(voice.locale)
        for country in voice.countries():
            for name in (country.code, country.label, country.name, country.name.removeprefix("the ")):
                names[name.lower()] = country.code
        names.update({alias.lower(): code for alias, code in crisis.aliases.items()})
        # The places a runner may say they are in ("england", "dublin", "spain" -> other).
        names.update({place: code for code, places in self.kb.crisis().places.items() for place in places})
        return names

    def _country_zones(self) -> dict[str, str]:
        """Country code -> its time zone, for the countries knowledge/crisis_resources.yml gives
        one to three zone names and no "Area/" prefix (the first, the main one): GB, IE, NZ, ES,
        IN, ZA, SG, JP, AE, NG. Not the US, Canada, Australia, Mexico or Brazil: a place there
        that is not a zone's own city says no one zone."""
        return {code: names[0] for code, names in self.kb.crisis().zones.items()
                if names and len(names) <= 3 and not any(n.endswith("/") for n in names)}

    def _remember_buttons(self, result: TurnResult) -> TurnResult:
        """Keep this turn's buttons in the conversation, so a typed answer can press them."""
        if any(e.kind == "delete_data" for e in result.effects):
            return result  # nothing may be written for a deleted user
        if "conversation" not in result.record:
            if not any(r.buttons for r in result.replies):
                return result
            result.record["conversation"] = self.new_conversation()
        typed.remember(result.record["conversation"], result.replies)
        return result

    # -- the turn ----------------------------------------------------------------------------

    def _account(self, record: Mapping[str, Any], message: UserMessage, now: datetime) -> TurnResult | None:
        """/settings, /privacy, /export, /forget, /summary, /checkin, /progress and their buttons.

        They touch the user's settings and data rather than the conversation, so they run outside
        the flow; the pending question, if any, is asked again after them.
        """
        voice = Voice.for_record(self.texts, self.kb, record)
        if message.payload is not None and commands.is_action(message.payload):
            try:
                result = commands.handle_action(record, message.payload, now, voice)
            except ValueError:
                return TurnResult(copy.deepcopy(dict(record)), (Reply(voice.say(STALE_BUTTON)),))
        elif message.payload is None and commands.is_command(message.text):
            result = commands.handle_command(record, message.text, now, now.tzinfo or timezone.utc, voice)
        elif message.payload is None and (plain := commands.plain_command(message.text, commands.checkin_active(record))) is not None:
            result = commands.handle_command(record, plain, now, now.tzinfo or timezone.utc, voice)
        else:
            return None
        if any(e.kind == "delete_data" for e in result.effects):
            return result
        if commands.asks_its_own_question(result.replies):
            # The command asks a question of its own ("Delete it all?", "Which day?"): it owns the
            # next answer. The pending question stays pending and comes back when the command is
            # done or cancelled; shown now, a typed "yes" could answer either (a red-flag question).
            return result
        if result.record.get("conversation"):
            record = cast(UserRecord, result.record)
            record.setdefault("profile", {})
            turn = Turn(record, "", now, Voice.for_record(self.texts, self.kb, record), list(result.replies))
            self.flow.reask(turn)
            return TurnResult(result.record, tuple(turn.replies), result.effects)
        return result

    async def _turn(self, turn: Turn, message: UserMessage) -> None:
        if message.attachment is not None:  # a file has no words to screen; a caption is its own message
            turn.attachment = message.attachment
            await self.flow.file(turn)
            return
        question = False
        if message.payload is not None:
            try:
                intent, values = parse_payload(message.payload)
            except ValueError:
                # A plain-text payload is read as if typed: a suggested question (it ends with "?")
                # is a question whatever the NLU would make of its words (it names the entry it
                # leads to); an answer button's ("yes", "not sure") is the answer typed.
                message = UserMessage(message.payload)
                question = message.text.rstrip().endswith("?")
            else:
                turn.text, turn.intent, turn.payload_values = clean_text(message.text), intent, values
                await self.flow.dispatch(turn)
                return

        text = clean_text(message.text)[:MAX_SCREEN_CHARS]
        turn.text = text
        if text.startswith("/"):
            await self.flow.command(turn, text.split()[0].split("@")[0].lower())
            return
        if not text:
            self.renderer.say(turn, "utter_empty_message")
            self.flow.reask(turn)
            return
        if not has_words(text):
            # "." or "?!" is no emoji: "I didn't get any words" (tester round 25 was told "I can't
            # read emoji on their own")
            symbols = any(unicodedata.category(c) in ("So", "Sk", "Cs") for c in text)
            self.renderer.say(turn, "utter_emoji_only" if symbols else "utter_empty_message")
            self.flow.reask(turn)
            return

        # Where the runner says they are decides the crisis lines of this very reply.
        set_place = bookkeeping.hear_place(turn, text, self.kb) and len(text) < 60
        bookkeeping.hear_who(turn, text)
        # Safety first, on the whole text, in every state (docs/safety.md).
        # A typed answer to an intake question ("season started so like way more" to "have you run
        # more?") is one too: the second net does not read it (tester round 22 was asked about
        # suicide again after "nah im fine fr"); the rules still do.
        answering = self._setting_up(turn) or self._answers_intake(self.flow.requested(turn), text)
        turn.awaiting = self.flow.awaiting(turn) or ("form_answer" if answering else None)
        language_before = bookkeeping.crisis_context(turn).get("language")
        await self._perform(turn, SAFETY_ACTION)
        bookkeeping.speak_conversation_language(turn)  # a crisis in Spanish is answered in Spanish
        finding = turn.slots.get(FINDING_SLOT)
        if set_place and not finding:
            # "how do i set it to australia": done (the note says so at the end), and the pending
            # question again; nothing else to read in it (tester round 22 got calf raises)
            await self._after_place(turn)
            return
        answer = turn.slots.get("safety_answer")
        # A finding whose transition lets the turn go on (distress) leaves the message to the other
        # screens first: distress beside a red flag gets both.
        soft = bool(finding) and bool(self.dialogue.interrupts[str(finding)].continue_for)
        if turn.country_heard is None and not turn.profile.get("country") and _NUMBER_DOES_NOT_WORK.search(text):
            # Not the runner's country's numbers, and which country is not known: ask it (the reply
            # says to call the local emergency number if in danger), then the pending question
            # again, a crisis state's own question too.
            self.renderer.say(turn, "utter_which_country")
            self.flow.reask(turn)
            return
        if not finding and _CALL_FAILED.search(text):
            # the number given, and it does not connect: what then (not "call it now" again)
            # (a crisis line in the runner's own crisis: try again, and the safety question again)
            own_crisis = turn.conv.get("state") in ("crisis", "crisis_emergency")
            self.renderer.say(turn, "utter_crisis_call_failed" if own_crisis else "utter_call_failed")
            self.flow.reask(turn)
            return
        goes_on_for: tuple[str, ...] = ()
        if finding and not soft:
            goes_on_for = await self.flow.interrupt(turn, finding)
            if not goes_on_for:
                await self._replay(turn)
                return

        if turn.country_heard is not None and not finding and self._only_says_where(text):
            # "911?? I'm in the UK mate": the note (and, at the emergency level, the number there)
            # is the whole answer; the pending question again. Not an article on warning signs.
            await self._after_place(turn)
            return
        if not finding and bookkeeping.someone_elses_pain(turn, text):
            # "ok different thing, my 12 year old son keeps saying his heel hurts" halfway through
            # the runner's own hamstring (tester round 27: his heels and age went into the father's
            # advice and /summary): one person at a time.
            self.renderer.say(turn, "utter_one_person_at_a_time")
            self.flow.reask(turn)
            return
        if len(text) > MAX_PARSE_CHARS:
            self.renderer.say(turn, "utter_long_message")
        # The one parse of this message: the actions read it from the tracker (bot.tracker.parsed_slots).
        requested = self.flow.requested(turn)
        # The crisis states keep their own replies: they read a message whole, never as a question
        # apart from what it tells (ask_and_inform), nor a pleasantry apart, nor a feeling first.
        routed = self.flow.routes_anywhere(turn)
        parse = self._parse(turn, text)
        understood = self._understood(turn)
        if not understood and self.flow.state(turn).multilingual:
            # In the crisis protocol every message gets its reply (with the resources), in English
            # if the bot has no texts in the person's language: say so first (once).
            if turn.slots.get("message_language") != language_before:
                self.renderer.english_only(turn)
            understood = True
        if not understood:
            if soft:  # distress is acknowledged in any language
                await self.flow.interrupt(turn, str(finding))
            # A warning sign is read in Spanish too (knowledge/clinical/facts.yml): "me desmayé al
            # terminar la carrera" gets the emergency advice, in English with that said first,
            # never "I only understand English" alone (new-user tester round 5).
            sign = await self._later_screens(turn)
            if sign:
                if turn.slots.get("message_language") != language_before:  # said once, as in a crisis
                    self.renderer.english_only(turn)
                await self.flow.interrupt(turn, sign)
                level = turn.slots.get("triage_level")
                if level in ("emergency", "urgent") and turn.slots.get("message_language") == "es":
                    # the advice's point in their language too, not only "I answer in English"
                    # (tester round 59: "hoy corri un 10k y al final me desmaye" heard "Call emergency
                    # services now" in English only, and felt fine)
                    self.renderer.say(turn, f"utter_advice_recap_{level}")
                await self._replay(turn)
                return
            if not soft:
                # (a feeling acknowledged in its language is the reply: "sin correr siento que no
                # valgo nada" was then asked in Spanish what hurts; tester round 42)
                if turn.slots.get("message_language") in ENGLISH_ONLY_LANGUAGES:
                    self.renderer.english_only(turn)  # first in their language (tester rounds 52-53)
                level = turn.slots.get("triage_level")
                if level in ("emergency", "urgent", "see_pt", "self_care"):
                    # the advice given, said again in their language first (tester round 57)
                    self.renderer.say(turn, f"utter_advice_recap_{level}")
                self.renderer.say(turn, "utter_not_understood_language")
            self.flow.reask(turn)
            return
        # A leading "thanks." is not part of what follows, whatever the whole message was read as:
        # "thanks. any knee exercises I can do at home" names a knee but is a question.
        rest = self.kb.after_pleasantry(text) if routed else None
        if rest:
            again = self.nlu.parse(rest, requested)
            if again.intent in SAYS_SOMETHING or again.slots:
                parse = again  # "thanks. what shoes should I get" is a shoes question
            elif parse.intent in PLEASANTRY_INTENTS and again.intent == "off_topic" and self._answerable(rest):
                parse = replace(again, intent="ask_question")  # "thanks! also, my pee was really dark"
        question = question and routed  # a suggested question's button is a question (not in a crisis state)
        turn.parse, turn.intent = parse, "ask_question" if question else parse.intent
        if turn.intent == "ask_question" and not question and self._answers_intake(requested, text):
            # "No race planned. Should I be worried about arthritis?": the answer to the question
            # asked, and a question; both are taken (tester round 15: the answer was lost and the
            # race question asked again).
            # Without a question mark it is only the answer: "did it saturday" to the race question
            # (forecast vignettes 11 got the "Should I race?" article with it).
            # "well i went from zero to running so... a lot more?": a hedged answer, no question
            # (tester round 27 got the heat-and-drinking article for "a lot more?").
            hedges = [q for q in re.findall(r"[^.!?]*\?", text) if q.strip(" ?")]
            hedged = bool(hedges) and all(self._answers_intake(requested, q) for q in hedges)
            turn.intent = "ask_and_inform" if "?" in text and not hedged else "inform"
            turn.parse = replace(parse, intent=turn.intent)  # what the actions read
        unplaced = self.flow.state(turn).unplaced_pain
        # (a place of the same area as a known one is where exactly: "right side, kind of the
        # front/groin area" after the advice on a hip that aches at night; tester round 40 got a
        # second triage that ended at a physio: dialogues/vocabulary.yml `same_area`)
        known = VOCABULARY.areas(turn.slots.get("pain_location") or [])
        if unplaced and turn.intent == "report_pain" and known \
                and not set(parse.slots.get("pain_location") or []) - known:
            # "it hurts going down stairs too" after the knee advice, or "it's on the outside of my
            # hip, bruised" after the hip advice: the same pain, not a new one.
            turn.intent = unplaced
        if (turn.intent in ("ask_question", "ask_and_inform", "inform") and self.flow.state(turn).name == "advised"
                and turn.slots.get(REPORTING_FOR_SLOT) == "other" and parse.slots.get("pain_location")
                and _OWN_BODY.search(text.lower())
                and (turn.slots.get("triage_level") != "emergency" or help_has_come(turn.slots.get(DECISIONS_SAID_SLOT)))):
            # "my own calves are super tight after the race, anything i should do?" once the friend's
            # ambulance has gone (tester round 48: answered for the friend four times), or after advice
            # for a friend that is not an emergency: the runner's own pain, a triage of its own
            # (the other person's case and advice set aside first, as the transition's reset would,
            # so that the clinical check reads this message as the start of a new one)
            self.flow.reset(turn)
            turn.intent = "report_pain"
            turn.parse = parse = replace(parse, intent="report_pain")
        if answer and not finding:
            # The screen read the message as the answer to the crisis question this state waits
            # on ("no", "idk", "yes I'm safe"): that answer is the intent, as if its button was pressed.
            turn.intent = str(answer)
            if (answer == "safe" and any(t.intent == SAFE_RESUME for t in self.flow.state(turn).transitions)
                    and _WANTS_RUNNING.search(text.lower())):
                # "yes I'm safe ... can we talk about my knee now?", where the state offers that
                # (flow.yml: the crisis state; after an emergency, "safe" stays "safe")
                turn.intent = SAFE_RESUME
        elif (not answer and not finding and _WANTS_RUNNING.search(text.lower())
              and any(t.intent == WANTS_RUNNING for t in self.flow.state(turn).transitions)):
            # "so what do i do about the leg", safe after a crisis: the running talk chosen
            turn.intent = WANTS_RUNNING
        if turn.intent == "stop_questions" and self.flow.state(turn).form:
            # "forget the running stuff", "i dont really care about the foot questions": the
            # questions stop, as /cancel does; a feeling in the same message is acknowledged first.
            if soft:
                await self._acknowledge(turn, str(finding))
            await self.flow.command(turn, "/cancel")
            if _ASKS_SOMETHING.search(text.lower()) and self.kb.best_entry(text) is not None:
                # ... and the question asked with it ("stop asking me questions!! how can I stay fit
                # while injured"), answered now (tester round 21 had to send it again after /cancel);
                # not a card for "forget the running stuff", which asks nothing
                turn.intent = "ask_question"
                await self.flow.dispatch(turn)
            return
        # The other screens (flow.yml `screens`: the clinical check), on what the message says.
        later = await self._later_screens(turn)
        if later:
            if soft:  # distress first (its acknowledgement), then the red flag or the question
                await self._acknowledge(turn, str(finding))
            await self.flow.interrupt(turn, later)
            await self._replay(turn)
            return
        turn.slots[FINDING_SLOT] = finding
        if soft:
            goes_on_for = await self.flow.interrupt(turn, str(finding))
        only_feeling = finding == "distress" and not parse.slots and turn.intent in FEELING_ONLY
        if finding and (turn.intent not in goes_on_for or only_feeling):
            # Distress was acknowledged; nothing else in the message to act on: for a lighter
            # feeling outside a form, the knowledge base's answer or "tell me what hurts"; then
            # the pending question again, in the same message as the acknowledgement.
            light = turn.slots.get("distress_kind") not in HEAVY_FEELINGS
            if finding == "distress" and light and routed and not self.flow.state(turn).form:
                await self._perform(turn, FEELING_ACTION)
            self.flow.reask(turn)
            if finding == "distress" and len(turn.replies) == 2 and not turn.replies[0].buttons and turn.replies[1].asks:
                acknowledged, asked = turn.replies  # one message: the acknowledgement, then the question again
                turn.replies[:] = [replace(asked, text=f"{acknowledged.text}\n\n{asked.text}", safety=acknowledged.safety)]
            return
        if question:
            await self.flow.dispatch(turn)
            return
        pending = typed.remembered(turn.record)
        # ... or a bare number to the time picker ("8": morning or evening? tester round 22's set-up
        # was dropped and the number taken as an answer to the triage question)
        bare_number = bool(re.fullmatch(r"\d{1,2}", text.strip()))
        kind = typed.hint_for(pending) if (parse.intent == "off_topic" or bare_number) and typed.may_answer(text) else None
        if kind is not None:  # "blah" to "At what time?": say what is wanted, with the same buttons
            account = tuple(b for b in pending if b.payload.startswith(commands.ACTION_PREFIX))
            turn.replies.append(Reply(turn.voice.say(f"{NOT_UNDERSTOOD}.{kind}"), account))
            self.flow.reask(turn)
            return
        if (routed and parse.intent == "off_topic" and requested is None and not GOOD_NEWS.search(text.lower())
                and self._answerable(text)):
            # No question pending, and neither pain, chat nor a feeling: a question without a
            # question's form that the knowledge base answers or refuses in its own words ("never
            # seen a physio, no clue what happens there").
            turn.intent = "ask_question"
        await self.flow.dispatch(turn)
        await self._replay(turn)

    async def _acknowledge(self, turn: Turn, finding: str) -> None:
        """What the flow says for a soft finding (distress), without leaving the state."""
        for name in self.dialogue.interrupts[finding].do:
            await self._perform(turn, name)

    @staticmethod
    def _answers_intake(requested: str | None, text: str) -> bool:
        """Does `text` answer the intake question `requested` (knowledge/clinical/intake.yml)?"""
        if requested not in intake.SLOTS:
            return False
        # Only a part that is not itself a question: "what counts as more?" asks about the
        # question ("more" in it is no answer).
        # "did it saturday", "did more hills": "did" without a question mark says what was done.
        said = [p for p in re.split(r"(?<=[.!?])\s+", text.strip())
                if p and (not _QUESTION_START.match(p) or re.match(r"\s*did\b[^?]*$", p, re.I))]
        return any(intake.answer(intake.Intake(), requested, p, None).get(requested) is not None for p in said)

    def _answerable(self, text: str) -> bool:
        """Does the knowledge base answer `text`, or refuse it for a topic of its own (booking,
        medicines, ...)? Then it is a question, whatever its form."""
        return self.kb.best_entry(text) is not None or self.kb.refusal_topic(text) is not None

    async def _later_screens(self, turn: Turn) -> str | None:
        """Run the screens after the crisis screen (flow.yml `screens`); the first finding that
        interrupts the current state (one it does not `ignore`), or None."""
        for name in self.dialogue.screens[1:]:
            turn.slots[FINDING_SLOT] = None
            await self._perform(turn, name)
            found = turn.slots.get(FINDING_SLOT)
            if found and self.flow.interrupts(turn, str(found)):
                return str(found)
        turn.slots[FINDING_SLOT] = None
        return None

    def _parse(self, turn: Turn, text: str) -> Parse:
        parse = self.nlu.parse(text[:MAX_PARSE_CHARS], self.flow.requested(turn),
                               questions=self.flow.routes_anywhere(turn))
        turn.parse, turn.intent = parse, parse.intent
        return parse

    async def _replay(self, turn: Turn) -> None:
        """Handle a deferred message where "@paused" returned to (flow.yml `defer`): it was read
        by the screens when it arrived; now the flow takes it, as if it had just arrived."""
        for _ in range(PAUSE_DEPTH + 1):
            text = turn.replay
            if text is None:
                if turn.replay_after is None:
                    return
                text, turn.replay_after = turn.replay_after, None  # a pain kept for after (flow.yml `keeps_pain`)
                self.renderer.say(turn, "utter_pain_kept_now")
            turn.replay = None
            turn.text, turn.payload_values = text, None
            self._parse(turn, text)
            await self.flow.dispatch(turn)

    async def _after_place(self, turn: Turn) -> None:
        """After a message that only says where the runner is: the pending question again; while
        helping someone else in danger, the helping state's reminder in the numbers there ("wait im
        in manchester, 911 doesnt work here" about a friend who took pills: conversation 306; the
        words are no feeling since tester round 42)."""
        if bookkeeping.crisis_context(turn).get("others") and "distress" in self.flow.state(turn).on_safety:
            await self.flow.interrupt(turn, "distress")
        else:
            self.flow.reask(turn)

    def _only_says_where(self, text: str) -> bool:
        """The message says where the runner is and nothing else ("im in sydney lol", "runner
        from Leeds here", "911?? I'm in the UK mate"): every word a place's or a filler."""
        words = WORD.findall(text.lower())
        return bool(words) and all(w in _WHERE_FILLERS or w in self.kb.place_words or w.isdigit() for w in words)

    def _understood(self, turn: Turn) -> bool:
        """English, or (in a state that says so) a language the crisis texts are translated into.
        The NLU's guess and the safety screen's (py3langid) must both say English otherwise."""
        language = turn.slots.get("message_language") or "en"
        if self.flow.state(turn).multilingual and language in self.texts.locales:
            return True
        if turn.parse is None or turn.parse.language != "en":
            return False
        if language == "en":
            return True
        # A short reply to a form's question ("parkrun plus one jog") is too short for the
        # screen's language guess: most of its words being English words is enough.
        words = WORD.findall((turn.text or "").lower())
        return bool(self.flow.requested(turn)) and 0 < len(words) <= 8 and (
            sum(is_english(w) for w in words) * 2 > len(words))

    @staticmethod
    def _setting_up(turn: Turn) -> bool:
        """Is the weekly check-in being set up (/checkin asked for a day, time, zone or unit)?"""
        draft = turn.checkins.get("draft")
        return isinstance(draft, dict)

    async def _perform(self, turn: Turn, name: str) -> None:
        """A name from the flow: a response is said; an action is run through the Rasa bridge."""
        if name in self.dialogue.responses:
            self.renderer.say(turn, name)
            return
        for message in await self.bridge.run(turn, name):
            self.renderer.render(turn, message)
