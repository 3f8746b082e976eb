"""The flow interpreter: follows dialogues/flow.yml for one turn.

Transitions for (state, intent), interrupts and commands; forms (ask the next missing slot, or
run on_complete); the pause stack ("@paused" returns to what an interruption paused). What each
state does besides its transitions (`pausable`, `checkin`, `keep_question`) is read from the
flow, so no state is named here. Actions and responses are run through `perform`, which the
engine gives it (responses are said, actions go through the Rasa bridge).
"""

from __future__ import annotations

import re

from collections.abc import Awaitable, Callable
from dataclasses import replace

from bot.clinical.text import places_in
from bot.dialogue import PAUSED, WHY_REQUESTED_SLOT, Dialogue, State, Transition, asks_about, parse_payload
from bot.engine.render import Renderer
from bot.engine.state import Turn
from bot.record import PAUSE_DEPTH, Conversation, PausedQuestion
from bot.texts import text_key
from bot.turn import Button
from bot.vocabulary import VOCABULARY

#: A question mark of surprise, not a question: "what?? no lol my WATCH".
_SURPRISE = re.compile(r"^\W*(?:what|wut|wat|huh|wtf|eh|excuse me|sorry|lol|lmao|haha|omg)\W*\?+", re.IGNORECASE)

UNKNOWN_COMMAND = text_key("engine.unknown_command")

Perform = Callable[[Turn, str], Awaitable[None]]


class FlowInterpreter:
    def __init__(self, dialogue: Dialogue, renderer: Renderer, perform: Perform) -> None:
        self.dialogue = dialogue
        self.renderer = renderer
        self.perform = perform

    def state(self, turn: Turn) -> State:
        return self.dialogue.states[turn.conv["state"]]

    def allows_checkin(self, turn: Turn) -> bool:
        return self.state(turn).checkin

    async def dispatch(self, turn: Turn) -> None:
        """Follow the current state's transition for the turn's intent (or the flow's `anywhere:`
        one, after which the pending question is asked again)."""
        state, asked = self.state(turn), turn.conv.get("requested_slot")
        transition, anywhere = self.dialogue.transition_for(state, turn.intent)
        if transition is None:  # a flow without a catch-all: say so rather than stay silent
            self.renderer.say(turn, "utter_off_topic")
            self.reask(turn)
            return
        await self.follow(turn, transition)
        if anywhere and transition.to is None:
            self.reask(turn)
        if (state.keeps_pain and asked and turn.conv["state"] == state.name
                and turn.conv.get("requested_slot") == asked):
            self._keep_pain(turn)

    def _keep_pain(self, turn: Turn) -> None:
        """The question is still unanswered: a new pain told meanwhile ("also the inside of my
        left knee hurts on every run", while a question about a racing heart waits) is kept with
        the deferred message and handled after it, and the runner is told so before the question
        is asked again (blind vignettes 15: the knee was dropped)."""
        stack = _paused_stack(turn.conv)
        if not stack or not stack[-1].get("message") or not self._new_pain(turn, stack[-1]):
            return
        top = stack[-1]
        top["then"] = f"{top['then']}\n{turn.text}" if top.get("then") else turn.text
        turn.conv["paused"] = stack
        question = next((i for i, r in enumerate(turn.replies) if r.asks), len(turn.replies))
        self.renderer.say(turn, "utter_pain_kept")
        turn.replies.insert(question, turn.replies.pop())

    @staticmethod
    def _new_pain(turn: Turn, paused: PausedQuestion) -> bool:
        """Does this message tell of a pain somewhere the deferred message and the known location
        do not name (not a reply about the same place: "not sure, it is under the ankle bone")?"""
        if turn.parse is None or turn.parse.intent not in ("report_pain", "inform", "deny", "affirm", "correction",
                                                           "ask_and_inform"):
            return False
        said = " ".join((paused.get("message") or "", paused.get("then") or "", str(turn.slots.get("pain_location") or ""))).lower()
        # (the heel after "plantar fasciitis", the foot: the same area, told more exactly)
        return any(e.label == "BODY_PART" and not e.negated and e.text.lower() not in said
                   and not _names_area(said, e.value.lower()) for e in turn.parse.entities)

    def routes_anywhere(self, turn: Turn) -> bool:
        """Do the flow's `anywhere:` transitions and the engine's reading around them (a feeling
        acknowledged first, a pleasantry before a question) apply here (the state's `anywhere`)?
        Not in the crisis states, which keep their own replies."""
        return self.state(turn).anywhere

    def routable_buttons(self, turn: Turn) -> None:
        """Offer no button the runner's state would not route: where the `anywhere:` transitions
        do not apply (the crisis states), a reply keeps no button for one of their intents (a red
        flag's advice in a crisis state comes without its detail buttons)."""
        state = self.state(turn)
        if state.anywhere:
            return

        def routed(button: Button) -> bool:
            try:
                intent = parse_payload(button.payload)[0]
            except ValueError:
                return True  # a suggested question, an account button: not an `anywhere:` intent
            return intent not in self.dialogue.anywhere or state.own_transition(intent) is not None

        turn.replies[:] = [r if all(routed(b) for b in r.buttons)
                           else replace(r, buttons=tuple(b for b in r.buttons if routed(b))) for r in turn.replies]

    def interrupts(self, turn: Turn, finding: str) -> bool:
        """Does a screen's finding interrupt the current state (not one it `ignores`)?"""
        return finding in self.dialogue.interrupts and finding not in self.state(turn).ignores

    async def interrupt(self, turn: Turn, finding: str) -> tuple[str, ...]:
        """A screen's finding (emergency, crisis, unclear, red_flag, clinical_question, distress,
        ...): the current state's own transition for it (`on_safety`), else the one under
        `interrupts:`. Returns the intents for which the turn goes on afterwards (the transition's
        `continue`); one that stays where it is without going on asks the pending question again."""
        transition = self.state(turn).interrupt_for(finding, self.dialogue.interrupts)
        await self.follow(turn, transition)
        if transition.to is None and not transition.continue_for:
            self.reask(turn)
        return transition.continue_for

    def awaiting(self, turn: Turn) -> str | None:
        """What the bot is waiting for, for the safety screen (CrisisContext.awaiting): the crisis
        protocol's question of this state, or "form_answer" for a short-answer form's question."""
        state = self.state(turn)
        if state.awaits:
            return state.awaits
        if state.form and state.short_answers and turn.conv.get("requested_slot"):
            return "form_answer"
        return None

    async def command(self, turn: Turn, command: str) -> None:
        """A flow command (/start, /help, ...); an unknown one is said to be unknown."""
        transition = self.dialogue.commands.get(command)
        if transition is None:
            self.renderer.text(turn, UNKNOWN_COMMAND)
            self.reask(turn)
            return
        in_crisis = not self.state(turn).anywhere  # the crisis states (flow.yml `anywhere: false`)
        state = self.state(turn)
        if (transition.reset and state.holds_reset and command in ("/restart", "/start")
                and turn.conv.get("reset_held") != state.name):
            # "/restart" with the means beside them and "idk" to "are you safe?" (tester round 26:
            # "Let's start again. Where does it hurt?"): the question first, once.
            turn.conv["reset_held"] = state.name
            self.renderer.say(turn, "utter_crisis_reset_held")
            return
        turn.conv.pop("reset_held", None)
        await self.follow(turn, transition)
        if in_crisis and transition.reset:
            # /cancel, /start or /restart right after "I'm not safe": the lines stay in view (tester
            # round 20: "Okay, I've stopped the questions" and nothing else).
            self.renderer.say(turn, "utter_crisis_lines_kept")
        if transition.to is None:
            self.reask(turn)

    async def file(self, turn: Turn) -> None:
        """A file the runner sent: the flow's `files` transition; then the pending question again."""
        await self.follow(turn, self.dialogue.files)
        if self.dialogue.files.to is None:
            self.reask(turn)

    async def follow(self, turn: Turn, t: Transition) -> None:
        conv = turn.conv
        if t.reset:
            self.reset(turn)
        current = self.state(turn)
        if t.unpause:
            conv["paused"] = None
        if t.pause and current.pausable:
            push_paused(conv, current.name, conv.get("requested_slot"), turn.text if t.defer else None)
        elif (t.to and t.to != current.name and t.to in self.dialogue.states and self.dialogue.states[t.to].form
              and current.form and conv.get("requested_slot")):
            # Entering another form (the check-in) while a question is pending: ask it again after.
            push_paused(conv, current.name, conv.get("requested_slot"))
        for name in t.do:
            await self.perform(turn, self._resolve(turn, name))
        if t.to is None:
            return
        target = t.to
        if target == PAUSED:
            paused = pop_paused(conv) or {"state": self.dialogue.start, "requested_slot": None}
            target = paused["state"]
            conv["requested_slot"] = paused.get("requested_slot")
            turn.requested_set = False  # back to the question that was pending there
            if (not paused.get("message") and t.replay and turn.text
                    # (a question without its mark too: "can we talk about cross training", tester round 35)
                    # (not a bare "what??" of surprise: "what?? no lol i didnt take anything. chill", tester round 56)
                    and ("?" in _SURPRISE.sub("", turn.text) or (turn.parse is not None and (
                        turn.parse.intent == "report_pain" or turn.parse.intent == "ask_question" and not _SURPRISE.match(turn.text) or any(
                        e.label == "BODY_PART" for e in turn.parse.entities)
                        # an answer to the question that waited ("fades in a day or two", after
                        # "I'm safe": tester round 27 was asked it again)
                        or turn.parse.intent == "inform" and bool(turn.parse.slots))))):
                # A question, or a pain told, in the same message ("lmao no its a figure of speech.
                # my legs are just sore af": tester round 23 was left at "Back to your running.").
                paused["message"] = turn.text
            if paused.get("message"):
                # The deferred message is handled there now (Engine); it asks what comes next. A
                # pain kept while the question waited, or told beside the answer ("no, but my
                # knee hurts too"), is handled after it.
                conv["state"] = target
                turn.replay = paused["message"]
                later = paused.get("then")
                if current.keeps_pain and turn.text and turn.text != paused["message"] and self._new_pain(turn, paused):
                    later = f"{later}\n{turn.text}" if later else turn.text
                turn.replay_after = later
                return
        state = self.dialogue.states[target]
        if state.form and target != conv["state"] and t.to != PAUSED and not turn.requested_set:
            conv["requested_slot"] = None  # the question pending elsewhere is not this form's
        conv["state"] = target
        if state.form:
            await self._form_loop(turn)
        elif not state.keep_question:
            conv["requested_slot"] = None

    async def _form_loop(self, turn: Turn) -> None:
        """Ask the form's next question, or finish it. The form's validation action chooses the
        next question when it ran this turn (Rasa's dynamic forms: it may ask slots the domain
        does not list, such as the clinical questions); otherwise the pending question stays
        pending until answered, then the domain's required slots are asked in order."""
        state = self.state(turn)
        assert state.form is not None
        pending = turn.conv.get("requested_slot")
        skipped = set(turn.slots.get("skipped_slots") or [])
        following: str | None
        if turn.requested_set:
            following = pending
        elif pending and turn.slots.get(pending) is None and pending not in skipped:
            following = pending
        else:
            missing = [s for s in self.dialogue.required_slots(state.form)
                       if turn.slots.get(s) is None and s not in skipped]
            following = missing[0] if missing else None
        if following is None:
            turn.conv["requested_slot"] = None
            turn.requested_set = False
            assert state.on_complete is not None
            await self.follow(turn, state.on_complete)
            return
        turn.conv["requested_slot"] = following
        if not any(asks_about(r.asks, following) for r in turn.replies):
            self.renderer.say(turn, f"utter_ask_{following}")

    def _resolve(self, turn: Turn, name: str) -> str:
        """utter_why_requested_slot -> the why-response of the question pending now."""
        if name != WHY_REQUESTED_SLOT:
            return name
        requested = self.requested(turn)
        name = f"utter_why_{requested}"
        return name if requested and name in self.dialogue.responses else "utter_why_general"

    def reask(self, turn: Turn) -> None:
        """Repeat the pending question, if there is one and it was not just asked."""
        requested = self.requested(turn)
        if requested and not any(asks_about(r.asks, requested) for r in turn.replies):
            self.renderer.say(turn, f"utter_ask_{requested}")

    def requested(self, turn: Turn) -> str | None:
        """The question pending now (only a form state has one to ask)."""
        return turn.conv.get("requested_slot") if self.state(turn).form else None

    def reset(self, turn: Turn) -> None:
        turn.slots.clear()
        turn.conv["requested_slot"] = None
        turn.conv["paused"] = None
        turn.requested_set = False


def _paused_stack(conv: Conversation) -> list[PausedQuestion]:
    paused = conv.get("paused")
    if isinstance(paused, dict):  # records written before the stack
        return [paused]
    return [p for p in paused or [] if isinstance(p, dict)]


def push_paused(conv: Conversation, state: str, requested_slot: str | None, message: str | None = None) -> None:
    stack = _paused_stack(conv)
    entry: PausedQuestion = {"state": state, "requested_slot": requested_slot}
    if message:
        entry["message"] = message
    if not stack or stack[-1] != entry:
        stack.append(entry)
    conv["paused"] = stack[-PAUSE_DEPTH:]


def pop_paused(conv: Conversation) -> PausedQuestion | None:
    stack = _paused_stack(conv)
    top = stack.pop() if stack else None
    conv["paused"] = stack or None
    return top


_SLOT_PUNCTUATION = "[]'\",."


def _names_area(said: str, location: str) -> bool:
    """Does `said` name `location` or a place of the same area (vocabulary.yml `same_area`), by
    its canonical name or as the clinical reading finds places ("plantar fasciitis": the foot)?"""
    # (and the slot's own words: "['lower_back']")
    named = places_in(said) | {"loc:" + word.strip(_SLOT_PUNCTUATION) for word in said.split()}
    return any(f"loc:{loc}" in named for loc in VOCABULARY.area(location))
