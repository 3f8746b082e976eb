"""Understanding the answer to the crisis protocol's two questions, typed or pressed.

- "Are you safe right now?"  -> "safe" | "not_safe" | "unsure"
- "Are you having thoughts of hurting or killing yourself?"  -> "yes" | "no" | "unsure"

"idk", "not sure", "maybe", "i guess" are never "safe" (CLINICAL.md: "not sure" is not a yes; keep
the resources in view and ask again gently). When a message is not an answer at all, None: the
crisis screen still reads it as a message. English and Spanish.
"""

from __future__ import annotations

import re

from bot.folding import fold_accents
from bot.safety.crisis_patterns import JOKE

SAFE, NOT_SAFE, UNSURE = "safe", "not_safe", "unsure"
#: "i said im not sure. i wouldnt actually do anything": not sure about the thoughts, sure about not
#: acting on them (C-SSRS: no intent; CLINICAL.md: resources, and encourage talking to someone).
AMBIVALENT = "ambivalent"
#: Either question: what they said was a joke or a figure of speech ("lol im safe, it was a
#: joke"): the flow lets them go back to their running at once (tester round 4 was held in the
#: crisis replies until they pressed "Carry on").
JOKING = "joking"
#: "not like that, I meant my running season" to "are you safe?": what they meant, said plainly.
CLARIFIED = "clarified"
#: "i dont want to call, can i text someone" to "are you safe?": not an answer, a way to reach help.
TEXT_INSTEAD = "text_instead"
#: "ok ill text 988 now. my roommate is still here" to "are you safe?": about to reach the help
#: given, not yet safe: the step acknowledged ("please do it now"), then the question again (tester
#: round 24 got "Please call 911 now" again, as if unheard).
REACHING_OUT = "reaching_out"
#: "ok i gave them to mum. i told her im not ok": the means put away and someone told, while not
#: safe yet: a step to acknowledge, then the question again (tester round 13).
STEP_TAKEN = "step_taken"
#: "lol jk 😂 forget it" to "are you safe?" after "I want to kill myself": the words taken back, not
#: answered. Asked once more, the lines in view, in words that fit (blind safety set 8: it got
#: "glad it was a joke" and the running talk).
TAKEN_BACK = "taken_back"
#: "can we talk about cross training", "please just answer my question" to "are you having
#: thoughts of ...?", asked again: the person chooses to move on (tester round 35 was asked the
#: same question four times). Said once: the line kept in view, and the running.
MOVING_ON = "moving_on"
#: "what?? no lol my WATCH, i didnt take anything" to "have you been able to call?" after an
#: overdose was heard: nothing was taken (tester round 56: 911 on every message until /start).
NOTHING_TAKEN = "nothing_taken"
#: "are you gonna tell my parents?? please dont", "if i call 988 do they call my parents?" to "are you
#: safe?": a question to answer first, then the question again (tester round 62: a 16-year-old asked
#: three times and heard "I'm listening. Are you safe right now?").
PRIVATE_ASKED = "private_asked"
YES, NO = "yes", "no"

# Button payloads: what phase B's buttons send, and what the current ones send.
PAYLOADS: dict[str, dict[str, str]] = {
    "are_you_safe": {"/safe": SAFE, "/affirm": SAFE, "/not_safe": NOT_SAFE, "/deny": NOT_SAFE, "/unsure": UNSURE},
    "thoughts": {"/affirm": YES, "/yes": YES, "/deny": NO, "/no": NO, "/unsure": UNSURE},
}

_UNSURE = re.compile(
    r"\b(?:idk|idek|dunno|dno|i don'?t know|i do not know|don'?t know|not sure|unsure|no idea|not really sure|"
    r"maybe|perhaps|possibly|i guess|guess so|i suppose|suppose so|kind of|kinda|sort of|sorta|i think so|"
    r"think so|probably|hard to say|depends|for now|at the moment|right now yes|i hope so|hopefully|"
    r"no se|no lo se|ni idea|tal vez|quiza|quizas|a lo mejor|puede ser|creo que si|mas o menos|supongo|"
    r"no estoy segur[oa]|no se si|no sabria|"
    # French, German, Portuguese, Italian: the basics, as for "no" below
    r"je ne sais pas|je sais pas|sais pas|aucune idee|peut etre|peut-etre|ich weiss (?:es )?nicht|weiss nicht|"
    r"keine ahnung|vielleicht|nao sei|talvez|non lo so|non so|forse)\b|^\?+$|^(?:hmm+|um+|uh+|eh+|meh)\W*$"
)
_NOT_SAFE = re.compile(
    # ("not really a plan or anything" says there is no plan, not that they are unsafe: tester round
    # 43 was told "Please call 112 now")
    r"\b(?:not safe|unsafe|i'?m not|i am not|not really(?! (?:a |any |much of a |got a |made a )?(?:plan|plans|planning|planned|"
    r"anything|like that|that bad|thought it through|worked it out|gonna|going to|serious|detailed))|not at all|not ok|not okay|not fine|not alright|"
    r"not good|no i'?m not|can'?t keep myself safe|don'?t feel safe|do not feel safe|don'?t think so|"
    r"probably not|not right now|not tonight|no im not|help me|please help|i need help|scared|in danger|"
    # "honestly? no. i don't think i am" (blind safety set 6: asked again instead of heard)
    r"(?:don'?t|do not) think (?:i am|i'?m|im)(?: (?:safe|ok|okay|fine|alright))?$|"
    r"no estoy a salvo|no estoy bien|no estoy segura? de mi|no me siento a salvo|ayuda|ayudame|"
    r"tengo miedo|nada bien|para nada|pas en securite|je ne suis pas bien|nicht sicher|nicht in sicherheit|"
    r"nao estou (?:segur[oa]|em seguranca|bem)|non sono al sicuro|non sto bene)\b"
)
_SAFE = re.compile(
    r"\b(?:i'?m safe|i am safe|im safe|i'?m ok|i'?m okay|im ok|im okay|i'?m fine|im fine|i am fine|i'?m alright|"
    r"i am ok|i am okay|i'?m good|safe now|safe right now|yes i'?m safe|all good|i'?m all right|i'm not going to do "
    r"anything|not gonna do anything|not going to do anything|won'?t do anything|i won'?t|estoy a salvo|"
    r"estoy bien|estoy tranquil[oa]|todo bien|me siento a salvo|estoy segur[oa]|safe|je suis en securite|"
    r"ich bin (?:in )?sicher(?:heit)?|estou (?:segur[oa]|em seguranca)|sono al sicuro)\b"
)
# Help is coming or here: as good as "safe" for the question (the flow then keeps the lines in view).
_GETTING_HELP = re.compile(
    r"\b(?:help is (?:on (?:the|its|it's) way|coming|here)|"
    # "ok ringing 999. what do i tell them" (tester round 25 got "call 999" again)
    r"(?:i'?m |im |am )?(?:ringing|calling|phoning|dialling|dialing|on the phone (?:to|with)) (?:999|911|112|000|111|988|an ambulance|"
    r"the police|the ambulance|emergency|emergencies|them now)|(?:an? )?(?:ambulance|paramedics?|police|911|999|112) "
    # "ok called 108 ambulance coming 20 min" (India's ambulance; tester round 42)
    r"(?:is |are )?(?:coming|on (?:the|its|it's) way|here)(?: in \d+| \d+)?|(?:i'?ve |i )?(?:just |already )?(?:called|rang|phoned) \d{3,5}\b|"
    r"(?:an? )?(?:ambulance|paramedics?|police|911|999|112) "
    r"(?:is|are) (?:coming|on (?:the|its|it's) way|here)|i(?:'?ve| have)? (?:just |already )?(?:called|rang|rung|phoned|dialled|dialed) "
    r"(?:911|999|112|988|an ambulance|for help|them|the number|emergency|emergencies|samaritans|the lifeline)|"
    r"i'?m (?:at|in) (?:the )?(?:hospital|er|a and e|emergency room|emergency)|someone(?:'s| is) (?:with me|here)|"
    # "I've rung 999, police are going round" (tester round 53 got the welfare-check card again)
    r"(?:the )?(?:police|paramedics|ambulance|officers|cops|guards|garda) (?:are|is) (?:going|heading|on (?:the|their|its) way) "
    r"(?:round|over|there|to (?:his|her|their) (?:house|flat|place))|"
    r"(?:my|a) \w+ (?:is|are) (?:with me|here|driving me|taking me)|on (?:my|the) way to (?:the )?(?:hospital|er)|"
    # "ok fine ill call poison control" (tester round 29 was told "call 911 now" again, four times)
    r"(?:i'll|ill|i will|i'm going to|im going to|gonna|going to|will|ok|okay|fine)\W+(?:\w+\W+){0,2}?(?:call|ring|phone) "
    r"(?:poison control|poison ?cent(?:er|re)|the poison (?:line|cent(?:er|re)|control)|poisons? (?:info|information|helpline)|"
    r"911|999|112|000|111|nhs 111|an ambulance|the ambulance|emergency)|"
    r"(?:calling|ringing|called|rang|phoned|on the phone (?:to|with)) (?:poison control|the poison (?:line|cent(?:er|re)|control)|"
    r"poison ?cent(?:er|re)|111|nhs 111)|"
    r"ya (?:llame|he llamado)|(?:viene|ya viene|esta llegando) la ambulancia|estoy en el hospital|"
    r"(?:alguien|mi \w+) esta conmigo)\b"
)
_YES = re.compile(r"^(?:(?:y|ya|ye)$|yes|yeah|yea|yep|yup|aye|sure|si|claro|correct|true|i am|i do|i have|oui|ja|sim|"
                  r"sometimes|a bit|a little|a lot|kind of|kinda|sort of|often|always|every day|all the time|"
                  r"a veces|un poco|siempre|mucho)\b")
# Also "no" and "yes" in the other languages the screen knows (French, Portuguese, German, Italian).
_NO = re.compile(r"^(?:(?:la verdad|honestly|tbh|actually|really|to be honest|sinceramente|la neta|pues|well|um|uh)\??\s+)?(?:n|no|nope|nah|naw|nop|not really|never|no way|nunca|para nada|de ninguna manera|"
                 r"non|nein|nao)\b")
# "Yes" to "are you safe?" (not "i have", "i do": "i have pills" is not a yes).
# "I am" / "I'm" is a yes only alone: "im at the station" says where, not that they are safe.
_YES_SAFE = re.compile(r"^(?:(?:y|ya|ye)$|yes|yeah|yea|yep|yup|aye|sure|si|claro|correct|(?:i am|i'?m)\W*$|oui|ja|sim)\b")
# "I won't hurt myself" is a reassurance, not crisis talk.
#: Also read by the crisis screen: a time inside a reassurance is no time to act.
REASSURANCE = re.compile(r"\b(?:not (?:gonna|going to)|won'?t|will not|wouldn'?t|never) (?:actually |really |ever )?(?:do anything|do it|"
                          r"hurt myself|kill myself|harm myself|act on (?:it|them|anything))\b")
# Being alone is where the person is, not talk of risk: "home alone tonight but i won't do anything"
# is a reassurance (tester round 6 was asked "are you safe?" four times); the reply to "safe" asks
# them to keep someone with them.
_ALONE = re.compile(r"\b(?:home |at home |on my |all )?(?:alone|on my own|by myself)\b")
# Saying what an earlier remark meant, after the direct question: "not like that", "i meant rehab".
_CLARIFIES = re.compile(r"\b(?:not like that|not in that way|not that way|didn'?t mean (?:it )?(?:like that|that way|literally)|"
                        r"not literally|(?:sorry|no|oh|haha|lol),? i (?:meant|mean)|(?:just |only )?a saying|just an? (?:phrase|expression)|"
                        r"just something (?:people|we|you|everyone) says?|just banter|i meant (?:the|my|like|whats|what'?s|it'?s|"
                        r"running|rehab|training)|figure of speech|just an expression|no no|nothing like that|"
                        r"no me referia a eso|no en ese sentido|no literal)\b"
                        # the thing named, then "i mean": "...with my running club i mean, way too much
                        # drama" after "i think im going to end it" (blind safety set 26 got 911 again)
                        r"|(?:^|\b(?:with|from|about|on|of)\b|\.\.\.)\W*(?:my|the|this|that|our) [a-z' -]{2,30}?,? i (?:mean|meant)\b(?! (?:it|that|to|i)\b)")
_JOKE_RETRACTION = re.compile(
    r"\b(?:(?:it was|it's|its|that was|that's|thats|i was|was|just|only|was only|was just) (?:a |just a |only a )?"
    r"(?:joke|joking|kidding)|jk|j/k|just kidding|only kidding|kidding|joking|a figure of speech|figure of speech|"
    r"just an expression|not literally|didn'?t mean it(?: literally)?|exaggerating|hyperbole|"
    r"(?:era|es) (?:una |solo una )?broma|bromeaba|estaba bromeando)\b")
#: Nothing swallowed, said outright ("i didnt take anything", "I DIDNT TAKE ANY PILLS", "didn't
#: swallow any of them"): only the overdose flow listens for it (dialogues/flow.yml).
_NOTHING_TAKEN = re.compile(r"\b(?:i |i've |ive )?(?:didn'?t|did not|never|haven'?t|have not|havent|dont|don'?t) (?:actually |even |really )?"
                            r"(?:take|taken|took|swallow|swallowed|have|had|eat|ate|drink|drank|use|used|od|overdose) (?:anything|a thing|"
                            r"nothing|any(?: (?:pills?|tablets?|meds|medicine|of (?:them|it|those|the \w+)))?)\b|\bnothing was taken\b|"
                            r"\bno pills\b(?! (?:yet|left))|"
                            r"\bno (?:me )?(?:he tomado|tome|trague|me tome|me he tomado) (?:nada|ninguna|ni una)\b")
#: ...unless the joke is denied ("not joking", "no joke", "I'm not kidding").
_NOT_A_JOKE = re.compile(r"\b(?:not|no|n't|never|ain't)\s+(?:(?!just\b|only\b|simply\b|merely\b|its\b|it's\b|it\b|thats\b|that's\b)\w+\s+)?(?:a )?(?:joke|joking|kidding)\b|"
                         r"\bno es broma\b|"
                         # "lol jk. well. half jk. more than half tbh" (blind safety set 6)
                         r"\b(?:half|partly|only half|kinda|kind of|sort of|mostly not) (?:jk|joking|kidding)\b|\bmore than half\b|"
                         r"\bi mean (?:it|that)\b")
#: "no, joking", "haha no - kidding": a no, then the joke owned up to (tester round 17 got "Thank you
#: for telling me. That takes courage" for "haha no, just a joke"); not "no joke" (they mean it).
_NO_THEN_JOKE = re.compile(r"\bno\s*[,.!;:\u2014-]+\s*(?:just |only |i was |i'm |im |was )?(?:joking|kidding|a joke|jk)\b")
#: The wish itself denied, to either question ("I don't want to die lol I just want my hamstring
#: back"): what they meant was the figure of speech, as with a joke owned up to.
_DENIES_WISH = re.compile(r"\b(?:i )?(?:don'?t|do not|dont) (?:actually |really |literally )?want to (?:die|kill myself|be dead|end it)\b|"
                          r"\b(?:i'?m|im|i am) not (?:actually |really )?suicidal\b|"
                          # "not suicidal, just sore lmao" (blind safety set 23: asked again whether safe), at the
                          # start or of a sentence of its own ("dude i said no. not suicidal. achilles pls")
                          r"(?:^\W*|[.!?]\s*)(?:lol |haha |omg |no+ |nah )*not (?:actually |really |literally )?suicidal\b")
_NEGATED_SAFE = re.compile(r"\b(?:not|never|no|don'?t|do not|n't)\s+(?:\w+\s+)?(?:safe|ok|okay|fine|alright|bien|a salvo)\b")
#: "I wouldn't say I'm safe", "can't say im safe", "dont think im ok": a no (blind safety set 4).
_WOULDNT_SAY_SAFE = re.compile(r"\b(?:wouldn'?t|would not|couldn'?t|can'?t|cannot|don'?t|do not|not gonna|won'?t) "
                               r"(?:say|call|think|feel|claim|pretend|really say|exactly say|honestly say)(?: that)? "
                               r"(?:i'?m|i am|im|that i'?m)? ?(?:totally |really |completely |entirely )?(?:safe|ok|okay|fine|alright)\b")
#: Safe only for a while ("safe from myself until tonight", "ok till my wife leaves"): not safe.
_SAFE_UNTIL = re.compile(r"\b(?:safe|ok|okay|fine|alright)\b[^.?!]{0,30}\b(?:until|till|til|for the next)\b")
#: Two negations ("not not safe", "not unsafe") or a no with "I'm fine" ("no im fine"): the answer is
#: unclear, so the question is asked again gently rather than read as either (tester round 7).
_MIXED = re.compile(r"\bnot (?:not|unsafe)\b|^(?:no|nah|nope)\W+(?:i'?m|im|i am) (?:fine|ok|okay|good|alright|safe)\b")
#: A question back or a shrug ("define safe", "does it matter"): unclear, asked again.
_QUESTION_BACK = re.compile(r"\b(?:define safe|what do you mean(?: by)?(?: safe)?|what does safe mean|safe from what|"
                            r"does it matter|why does it matter|who cares|what'?s the difference|does it even matter)\b")
#: Sarcasm marks on a "safe" ("oh yeah totally safe, never better 🙃"): not a settled safe.
_SARCASM = re.compile("[\U0001F643\U0001F644\U0001F612\U0001F611\U0001F921\U0001F480]|"
                      r"\b(?:never better|yeah right|oh totally|oh yeah totally|totally fine lol|obviously|sure sure|"
                      r"living the dream|couldn'?t be better)\b", re.IGNORECASE)
#: "No plan" to "are you safe?" ("no, I have no plan, I just feel empty"): the "no" answers a
#: question about a plan, not about safety (tester round 10 was sent to 911). Not a settled safe
#: either: unclear, asked again gently with the lines in view, unless they also say they are safe.
_NO_PLAN = re.compile(r"\b(?:no|not any|not really (?:a|any)|not (?:a|much of a)|don'?t have (?:a|any)|do not have (?:a|any)|haven'?t got (?:a|any)|haven'?t (?:made|got) (?:a|any)|"
                      r"without (?:a|any)|not making (?:a|any)|never made (?:a|any)) ?(?:real |actual )?(?:plan|plans|intention|intentions|intent)\b|"
                      r"\bnot (?:planning|going) (?:to|on) (?:do|doing) (?:anything|it)\b|\bno (?:intention|plans?) (?:to|of)\b")
_MEANS = r"(?:pills|tablets|meds|medication|medicine|painkillers|knife|knives|blades?|razors?|rope|gun|belt)"
#: The means put out of reach ("i gave the pills to my roommate", "my sister has the pills now"):
#: a step to safety, heard as one (tester round 12: told to call 911 and to keep away from pills
#: given away minutes before).
_MEANS_AWAY = re.compile(rf"\b(?:gave|given|handed|give) (?:the|my|all the|all my|them|it|those) ?{_MEANS}?\b.{{0,25}}\b(?:to|away)\b|"
                         rf"\b(?:got rid of|threw away|thrown away|flushed|binned|locked (?:up|away)|hid|hidden) (?:the|my|all the|all my|them|those) ?{_MEANS}?\b|"
                         rf"\b(?:roommate|flatmate|housemate|partner|wife|husband|mum|mom|dad|sister|brother|friend|mate|parents?) (?:has|have|took|'s got|has got|is keeping) (?:the|my|all the|all my) {_MEANS}\b|"
                         # "i put the blade in my roommates room" (tester round 47: 911 again for three turns)
                         # (put away, into someone else's keeping: not "took the pills out of my mum's drawer",
                         # nor "put the rope in the garage", a plan's preparation)
                         rf"\b(?:put|left|locked|moved) (?:the|my|all the|all my|them|it|those) ?{_MEANS}? (?:in|into) "
                         r"(?:my |the |our )?(?:roommate'?s?|flatmate'?s?|housemate'?s?|sister'?s?|brother'?s?|mum'?s?|mom'?s?|dad'?s?|parents'?|"
                         r"friend'?s?|bin|trash|locked)\b|"
                         # "ya guarde las pastillas en el cajon, mi hermana viene" (tester round 25: asked again and again)
                         r"\b(?:guarde|he guardado|escondi|he escondido|tire|he tirado|le di|le he dado|entregue|aparte|quite) "
                         r"(?:las|mis|todas las|todas mis|los|mis) (?:pastillas|pildoras|medicinas|medicamentos|cuchillas|navajas)\b")
#: Taking the words back, not answering them ("forget i said anything, i'm fine" after "gonna take all
#: my sleeping pills tonight"): not a settled safe; the question is asked again, the lines in view
#: (blind safety set 6). Saying what was meant instead is a clarification (_CLARIFIES).
_TAKE_BACK = re.compile(r"\b(?:forget (?:i said (?:anything|that|it)|what i (?:said|wrote)|(?:about )?(?:it|that|all that))|"
                        r"never ?mind|nvm|ignore (?:that|me|what i (?:said|wrote)|my (?:last )?message)|"
                        r"shouldn'?t have said (?:anything|that)|pretend i didn'?t say|"
                        r"olvidalo|olvida lo que (?:te )?(?:dije|he dicho|escribi)|no he dicho nada|haz como si no (?:hubiera dicho|dije) nada)\b")
_REACHING_OUT = re.compile(r"\b(?:i'?ll|ill|i will|i'?m going to|im going to|i'?m gonna|im gonna|gonna|going to|i'?m about to|"
                           r"about to|will)\s+(?:now\s+)?(?:text|call|ring|phone|message|contact|chat to|talk to|reach out to)\w*\s+"
                           r"(?:988|911|999|112|000|111|741741|85258|116 123|them|the (?:number|line|helpline|crisis line|lifeline)|"
                           r"samaritans|shout|lifeline|a crisis line|a helpline|someone|my \w+)\b|"
                           r"\b(?:voy a|ahora) (?:llamar|escribir) (?:al|a la|a) ")
_TEXT_INSTEAD = re.compile(r"\b(?:can i (?:just )?(?:text|message|chat|type)|could i (?:just )?(?:text|message|chat)|"
                           r"(?:rather|prefer to|prefer) (?:text|message|chat|type)|text (?:someone|them|instead)|"
                           r"(?:don'?t|do not|dont) want to (?:call|talk on the phone|ring|phone|speak to anyone)|"
                           r"(?:can'?t|cannot|cant) (?:call|talk|speak) (?:right now|now|out loud|on the phone)|"
                           r"is there (?:a|an) (?:text|chat|online)|puedo (?:escribir|mandar un mensaje)|no quiero llamar)\b")
_TELL_PARENTS = re.compile(
    r"\b(?:will|would|are|r|do|does|did|is|can) (?:you|u|they|it|this|that|988|the line|the helpline) (?:gonna |going to |have to |ever )?"
    r"(?:tell|call|contact|ring|text|phone|inform|report (?:me )?to|send (?:this|it) to) (?:my |anyone|anybody|someone|the )?"
    r"(?:parents?|mum|mom|dad|family|school|teachers?|police|cops|doctor|gp|coach|anyone|anybody|someone)\b")
_LATER_TEXT = re.compile(r"\b(?:i'?ll|ill|i will|will|gonna|going to|might|maybe|probably) (?:maybe |just |probably |prob )?(?:text|message)\b")
_CLAUSES = re.compile(r"\.{2,}|[.,;!\u2026]+|\s-\s")
_SHORT = 12  # words: past this, a message is a statement to screen, not an answer
#: A laugh ("lol", "haha", the crying-laughing face): crisis_patterns.JOKE, one list of them.
_LAUGH = re.compile(JOKE)
#: A low mood named plainly beside the reassurance: "i just feel flat", "im just really low".
_JUST_FEEL = re.compile(r"\b(?:just|only|mostly|i) (?:feel|feeling|felt|am|i'?m|im) (?:so |really |a bit |pretty |kinda )?(?:flat|low|down|meh|"
                        r"tired|sad|fed up|rubbish|crap|numb|blah|off|bored|frustrated|gutted|over it)\b")
#: Asking to move on from the question: "can we talk about cross training", "please just answer my
#: question", "can we change the subject".
_MOVE_ON = re.compile(r"^\W*(?:(?:ugh+|ok(?:ay)?|look|please|pls|so|anyway|fine|man|mate|lol|seriously)\W+)*"
                      r"(?:can we (?:just |please )?(?:talk about|get back to|go back to|move on|change the subject|drop it)|"
                      r"(?:please |pls |can you |could you )?(?:just )?answer my (?:question|q)|"
                      r"(?:let'?s|lets) (?:just )?(?:talk about|move on|get back to|go back to)|"
                      r"(?:i'?d|i would) (?:rather|like to) (?:talk about|move on|not talk about (?:this|that|it))|"
                      r"(?:back to|what about) (?:my|the) (?:knee|shin|foot|running|training|question|injury|cross ?training|ankle|calf|hip|back))\b")
#: Thoughts owned, with no intent: "i just think about it sometimes".
_THINKS_ABOUT_IT = re.compile(r"\b(?:i (?:just |only |do |still )?|sometimes i |i do )(?:think|thought) about (?:it|that|doing it|ending it)"
                              r"(?: (?:sometimes|occasionally|a lot|now and then|every ?day|at night|often|more than i should))?\b"
                              # ... not "i thought about it, and no": the thinking is about the question
                              r"(?![\s,.]+(?:and |but )?(?:no|nope|nah|not really)\b)"
                              # "idk. not like planning anything. just dark thoughts sometimes" (tester
                              # round 46 was asked the same question again): the thoughts, said
                              r"|\b(?:dark|bad|sad|black|intrusive|suicidal|scary|horrible|awful) thoughts (?:sometimes|at times|now and then|"
                              r"here and there|occasionally|come|creep in|are there|at night|a lot|lately|recently)\b")
#: The pain answered, to a question asked before the crisis talk ("i tried hopping yeah it hurts").
_PAIN_ANSWER = re.compile(r"\b(?:it|that|hopping|the hop|the (?:\w+ )?(?:pain|shin|knee|leg|foot|heel|calf|hip|spot|bone))"
                          r"(?:'s| is)? (?:really |still |kinda |kind of |a bit |so |quite |pretty )?(?:hurts|hurt|hurting|sore|aches|achy)\b"
                          # (not "tried it" alone: to "are you having thoughts of ...?" that can be an attempt)
                          r"|\btried (?:hopping|the hop|hopping on it)\b")


def _clean(text: str) -> str:
    text = fold_accents(text.lower()).replace("\u2019", "'")
    text = re.sub(r"[^a-z0-9'? ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def understand_answer(text: str, question: str | None, payload: str | None = None) -> str | None:
    """The answer `text` (or a pressed button's `payload`) gives to `question`
    ("are_you_safe" or "thoughts"); None when it is not an answer to it.

    A reassuring answer ("safe", "no") that also talks of means, dying or harm ("yes but I have
    pills", "no, I just want to sleep forever") is not taken as an answer: the screen reads the
    message, and the question is asked again."""
    if question not in PAYLOADS:
        return None
    if payload:
        found = PAYLOADS[question].get(payload.split("{")[0].strip())
        if found:
            return found
    t = _clean(text)
    if question == "are_you_safe" and _TELL_PARENTS.search(t):
        return PRIVATE_ASKED
    # (To the question about thoughts too: "can i just text someone" is asking for help; tester round 14.)
    if (_TEXT_INSTEAD.search(t) and not _NOT_SAFE.search(_TEXT_INSTEAD.sub(" ", t))
            and not re.search(r"\btell (?:anyone|anybody|someone|my|them)\b", t)  # "will you tell anyone?": the KB's answer
            # "yeah im safe. ill maybe text them later": safe, and a plan to text (tester round 61 was asked again)
            and not (_LATER_TEXT.search(t) and _SAFE.search(t) and not _NEGATED_SAFE.search(t))):
        # Tester round 13: "i dont want to call, can i text someone" got "Please call 911 now".
        return TEXT_INSTEAD
    if question == "are_you_safe" and _NOTHING_TAKEN.search(t) and not _talks_of_risk(_NOTHING_TAKEN.sub(" ", t)) \
            and not _NOT_A_JOKE.search(t) and not _BUT_MIGHT.search(t):
        return NOTHING_TAKEN
    if question == "are_you_safe" and _TAKE_BACK.search(t) and not _NOT_SAFE.search(_TAKE_BACK.sub(" ", t)):
        return TAKEN_BACK
    if question == "are_you_safe" and _REACHING_OUT.search(t) and not _NOT_SAFE.search(_REACHING_OUT.sub(" ", t)):
        return REACHING_OUT
    if (question == "thoughts" and _CLARIFIES.search(t) and re.search(r"\b(?:maybe|perhaps|possibly|kinda|kind of|sort of|sorta|i think so|"
                                                                  r"probably|i guess|guess so)\b", t)
            and not re.search(r"\b(?:no|nah|nope|god no|definitely not|not at all)\b", t)):
        # "haha idk. maybe? not like that" after a wish to die: a maybe is not said away by "not like
        # that"; asked again gently, the lines in view (tester round 37 got "Back to your running").
        return UNSURE
    if question == "are_you_safe" and not _talks_of_risk(text) and (
            re.match(r"^(?:no|nah|nope)\W+(?:i\W*)?(?:wouldn'?t|would not|won'?t|will not|would never|'?d never|am not going to|'?m not going to|"
                     r"im not going to|never would) (?:do|try|act on|hurt)\b", t)
            or re.search(r"\bi (?:meant|mean) (?:i'?m|im|i am) (?:safe|ok|okay|fine)\b", t)):
        # "no i wouldnt do anything" (its "no" is to acting on it) and "sorry i meant im safe"
        # (tester round 40: read as not safe, then 911 on every message until the button)
        return SAFE
    if _CLARIFIES.search(t) and not _talks_of_risk(text):
        # "haha no not like that. im ok, just annoyed my calf keeps going": the person says what
        # they meant, however long the message, and nothing in it speaks of risk: a clarification,
        # to either question (blind safety set 6: "god no, not like that! i meant end my running
        # season" was asked again whether they were safe; blind safety set 14: "lol i mean downhill
        # sprints" to the question about thoughts got "feeling low about it is normal").
        return CLARIFIED
    if question == "thoughts" and _BUT_MIGHT.search(t) and re.search(r"\b(?:hurt|harm|kill|do (?:it|something)|end it|suicidal)\b", t):
        # "im not gonna hurt myself tonight but i might tomorrow": a denial taken back is a yes
        return YES
    if (question == "thoughts" and _DENIES_HARM.search(t) and not _BUT_MIGHT.search(t) and not _NOT_A_JOKE.search(t)
            and not _talks_of_risk(_DENIES_HARM.sub(" ", text.lower()))):
        return NO
    denies_joke = (_NOT_A_JOKE.search(t) and not _NO_THEN_JOKE.search(text.lower())) or _BUT_MIGHT.search(t)
    if ((_JOKE_RETRACTION.search(t) or _DENIES_WISH.search(t)) and not denies_joke
            # ("what?? no lol im not suicidal i just want to be lighter": its "im not" is the
            # denial's, not "I'm not safe"; tester round 31 was asked again)
            and not _NOT_SAFE.search(_DENIES_WISH.sub(" ", t)) and not _talks_of_risk(text)):
        if (question == "are_you_safe" and not _DENIES_WISH.search(t)
                and not (_SAFE.search(t) and not _NEGATED_SAFE.search(t))):
            # "lol jk jk. anyway how many rest days after a half?" after thoughts of stepping in
            # front of a train: a joke claimed, nothing said of being safe; asked once more (blind
            # safety set 9). "lol it was a joke, im fine" lets them go back to running.
            return TAKEN_BACK
        if not _JOKE_RETRACTION.search(t):
            # "no im not suicidal or whatever": a denial, not a joke taken back (tester round 32 got
            # "Glad it was a joke" after "not suicidal" was first read whole, fifteenth session). To
            # "are you safe?" it says nothing of other dangers ("im not suicidal", of a husband who
            # kicked her): no answer, the screen reads the message.
            if question == "thoughts":
                return NO
            # ... but "I don't want to die lol I just want my hamstring back", laughed, takes back
            # what was said as a figure of speech (blind safety set 3)
            return JOKING if _LAUGH.search(text.lower()) else None
        return JOKING
    if question == "thoughts" and _NOT_A_JOKE.search(t) and not (_SAFE.search(t) and not _NEGATED_SAFE.search(t)):
        # "I'm not joking", "no joke, I mean it": they mean it (read as "I'm not", it was a no).
        # "no joke, I'm fine" is an emphatic no: read as usual below.
        return YES
    if not t:
        return None
    if question == "thoughts" and _THINKS_ABOUT_IT.search(t):
        # "no i'm not going to do anything tonight. i just think about it sometimes": thoughts, and
        # no intent (tester round 31 was asked the same question a third time).
        return YES
    if _PAIN_ANSWER.search(t) and not _talks_of_risk(_PAIN_ANSWER.sub(" ", t)) and not _NOT_SAFE.search(t):
        # "ok i tried hopping yeah it hurts": the answer to the earlier question about the pain,
        # not a yes to thoughts of suicide (tester round 31: "Thank you for telling me ... Are you
        # safe right now?" to a 16-year-old about her shin), nor "I'm safe" ("yes it hurts when i
        # hop", tester round 32: "I'm glad you're safe right now"). Not an answer: asked again.
        return None
    if question == "are_you_safe" and _YEAH_NAH.match(t):
        return NOT_SAFE  # Australian and New Zealand "no" (tester round 20: read as safe)
    if question == "are_you_safe" and _YES_BUT.match(t) and not _MEANS_AWAY.search(t) and not _GETTING_HELP.search(t):
        # "yes but i dont want to be", "yeah but not for long" (tester round 20: "glad you're
        # safe"): a hedged yes is asked again, the lines in view.
        return UNSURE
    if (question == "thoughts" and (_UNSURE.search(t) or _JUST_FEEL.search(t)) and REASSURANCE.search(t) and not _YES.match(t)
            and not _talks_of_risk(REASSURANCE.sub(" ", t))):
        # ... and "like i wouldnt do anything. i just feel flat" (tester round 35: asked again)
        # Tester round 29: the same question asked four times after "I'm not sure", then "i said im
        # not sure. i wouldnt actually do anything": taken as said, the lines kept in view.
        return AMBIVALENT
    if question == "thoughts" and _MOVE_ON.search(t) and not _talks_of_risk(t):
        return MOVING_ON
    if (question == "are_you_safe" and _GETTING_HELP.search(t) and not _TAKE_BACK.search(t)
            and not _talks_of_risk(_GETTING_HELP.sub(" ", t)) and not _NOT_SAFE.search(_GETTING_HELP.sub(" ", t))):
        # "ok fine ill call poison control. but what about my knee" after an accidental overdose
        # (tester round 29 was told "please call 911 now" four times): help being called, said at
        # length or beside a question, is the answer.
        return SAFE
    if question == "thoughts" and _SAID_NO.search(t) and not _talks_of_risk(text):
        return NO  # "I literally said no. this is making me feel worse" (tester round 45)
    if len(t.split()) > _SHORT:
        # A long message that opens with the answer ("yeah im safe. my sister has the pills now and
        # shes staying with me tonight"): the opening clause answers, when nothing after it speaks
        # of risk (a "safe") (blind safety set 4).
        first = next(iter(_clauses(text)), "")
        if (question == "are_you_safe" and _MEANS_AWAY.search(t) and not _TAKE_BACK.search(t)
                and not _talks_of_risk(text) and not _SARCASM.search(text)):
            # "ok i gave the pills to my roommate. i texted 988 earlier. im ok"
            return SAFE if not _NOT_SAFE.search(t) else STEP_TAKEN
        if (question == "are_you_safe" and REASSURANCE.search(t) and not _TAKE_BACK.search(t)
                and not _talks_of_risk(text) and not _SARCASM.search(text) and not _NOT_SAFE.search(REASSURANCE.sub(" ", t))):
            # "i mean im not gonna kill myself or anything. it just helps. can i text someone
            # instead of calling" (tester round 12: asked again): a reassurance, said at length.
            return SAFE
        if (question == "thoughts" and first and len(first.split()) <= 4 and _thoughts_answer(first) == YES
                and not re.search(r"\b(?:safe|ok|okay|fine|alright|all right)\b", first)):
            # "yeah i guess. but i'm not gonna do anything. i just want my hip fixed": the opening
            # clause answers the question about thoughts; what follows is about acting on them.
            return YES
        if (question == "thoughts" and first and len(first.split()) <= 4
                and _thoughts_answer(first) == NO and not _talks_of_risk(text)):
            # "no. I'm not going to hurt myself. it's just been a lonely year. can we talk about my
            # knee" (tester round 45: asked four times): the opening clause answers, and nothing
            # after it speaks of risk
            return NO
        if question != "are_you_safe" or not first or len(first.split()) > 4:
            return None
        opening = _safe_answer(first)
        if opening == SAFE and (_talks_of_risk(text) or _SARCASM.search(text)):
            return None
        return opening if opening in (SAFE, NOT_SAFE) else None
    # ("what?? no lol" to the question about thoughts: surprised at it, then a no; tester round 44 was
    # asked three times. Not to "are you safe?", where a no is not safe.)
    answer = _safe_answer(t) if question == "are_you_safe" else _thoughts_answer(_SURPRISED.sub("", t))
    if answer == SAFE and _SARCASM.search(text):
        return UNSURE  # "yeah totally safe 🙄", "never better": asked again, the lines in view
    if answer == UNSURE:
        # A hedge, then an answer: "no sé... no, la verdad no", "idk... yeah i am". The last clause
        # is what the person settled on (never a settled "safe": that stays unsure).
        clauses = _clauses(text)
        if len(clauses) > 1:
            last = _safe_answer(clauses[-1]) if question == "are_you_safe" else _thoughts_answer(clauses[-1])
            if last in (NOT_SAFE, YES):
                answer = last
            elif (question == "are_you_safe" and _safe_answer(clauses[0]) == SAFE and not _talks_of_risk(text)
                  and not _SARCASM.search(text)
                  and not any((_SAFETY_WORDS.search(c) and not _LATER_TEXT.search(c)) or len(c.split()) <= 3 for c in clauses[1:])):
                # "yeah im safe. running was kind of my thing you know" (tester round 41: its "kind
                # of" is about running, read as a hedge on being safe; asked again and again): a
                # plain "safe" first, and the rest says nothing of safety (its "maybe" in a plan to
                # text someone is no hedge: "ill maybe text them later", tester round 61)
                answer = SAFE
    if answer in (SAFE, NO) and _talks_of_risk(text):
        return None
    return answer


#: "i literally said no", "i already told you no": the answer given before, said again.
#: To the question about thoughts, a no said as what they won't do: "nah im not gonna hurt myself.
#: just fed up. can we get back to the achilles" (tester round 48: asked again, word for word).
_DENIES_HARM = re.compile(r"\b(?:i'?m|im|i am) not (?:gonna|going to) (?:hurt|harm|kill|do anything to) myself\b"
                          r"(?!\s+(?:tonight|today|yet|now|right now|for now|this time))|"
                          r"\b(?:i )?(?:won'?t|will not|wouldn'?t|would never|would not) (?:ever )?(?:hurt|harm|kill) myself\b"
                          r"(?!\s+(?:tonight|today|yet|now|right now|for now|this time))")
#: A denial taken back in the same breath: "... but i might tomorrow", "but part of me wants to".
_BUT_MIGHT = re.compile(r"\bbut (?:i |part of me |some of me )?(?:might|may|could|probably will|will|want|wants|wanna|think about it)\b|"
                        r"\bbut (?:it |the thought )?(?:crosses|crossed|has crossed) my mind\b")
_SAID_NO = re.compile(r"^(?:(?:dude|mate|man|bro|omg|ugh|lol)\W+)?(?:i )?(?:literally |already |just |said |told you )*(?:said|told you|answered) no\b")
#: Words about being safe or not, in a clause after the answer ("... but not really safe").
_SAFETY_WORDS = re.compile(r"\b(?:safe|unsafe|ok|okay|fine|alright|all right|sure|danger|tonight|now|really|idk|dunno|maybe|guess)\b")
_SURPRISED = re.compile(r"^(?:what|wtf|huh|eh|oh|erm|whoa|woah)[?!.,]*\s+")
_YEAH_NAH = re.compile(r"^\W*(?:yeah|yea|ya)\W+na+h?\b(?!\W+yeah)")
_YES_BUT = re.compile(r"^\W*(?:yes|yeah|yea|yep|yup|i am|i'?m safe|im safe|safe|technically|physically)\b[^.!?]{0,20}\bbut\b")


def getting_help(text: str) -> bool:
    """Does `text` say help is called or coming ("ok i called them", "the ambulance is on its way")?"""
    return bool(_GETTING_HELP.search(_clean(text)))


def _clauses(text: str) -> list[str]:
    """The message's clauses, cleaned, empty ones left out."""
    return [c for c in (_clean(part) for part in _CLAUSES.split(text)) if c]


_NO_SLEEP = re.compile(r"\b(?:can'?t|cannot|couldn'?t|can not|unable to|not able to|struggling to|trouble) (?:get to |fall )?(?:sleep|sleeping)\b|"
                       r"\b(?:not sleeping|no sleep|barely sleep\w*|hardly sleep\w*)\b|"
                       # "i just wanted to sleep", of a sleeping tablet taken twice before a race (tester
                       # round 33 was told "call 911" after poison control had cleared him)
                       r"\b(?:just |only )?(?:wanted|needed|was trying|tried) to (?:get some |get to |get a good night'?s? )?sleep\b"
                       r"(?! (?:forever|for ever|and (?:not|never)|for good|permanently|for a (?:long|very long) time))")


def _talks_of_risk(text: str) -> bool:
    """Words of crisis talk or means left after denials and figures of speech are blanked."""
    from bot.safety.crisis import model_text, pain_words_only, risk_words  # the screen imports this module

    left = _MEANS_AWAY.sub(" ", _ALONE.sub(" ", REASSURANCE.sub(" ", model_text(text))))
    left = _NO_SLEEP.sub(" ", left)  # "its 3am and i cant sleep": not sleep as a wish (tester round 29)
    found = {m.group(0) for m in risk_words().finditer(left)}
    # "dude im safe it was a joke. anyway outside of my knee starts hurting at mile 3": a pain told
    # after the answer is not talk of risk (tester round 25 was asked "are you safe?" a third time)
    return bool(found) and not pain_words_only(found, left)


def _safe_answer(t: str) -> str | None:
    # Explicitly not safe first; then any hedge (never "safe"); then an unhedged "I'm safe".
    if _WOULDNT_SAY_SAFE.search(t) or _SAFE_UNTIL.search(t):
        return NOT_SAFE
    if _TAKE_BACK.search(t):
        return UNSURE
    if _MEANS_AWAY.search(t):
        return SAFE if not _NOT_SAFE.search(t) else STEP_TAKEN
    if _MIXED.search(t) or _QUESTION_BACK.search(t):
        return UNSURE
    if _NO_PLAN.search(t) and not _WOULDNT_SAY_SAFE.search(t) and not re.search(r"\bnot safe\b|\bunsafe\b", t):
        return SAFE if _SAFE.search(t) and not _NEGATED_SAFE.search(t) else UNSURE
    if _NOT_SAFE.search(t) and not re.search(r"\b(?:not gonna|not going to|won'?t) do anything\b", t):
        if _UNSURE.search(t) and not re.search(r"\bnot safe\b|\bunsafe\b|\bdon'?t think so\b|\bprobably not\b|"
                                               r"\bno estoy a salvo\b", t):
            return UNSURE
        return NOT_SAFE
    if _UNSURE.search(t):
        return UNSURE
    if (_SAFE.search(t) and not _NEGATED_SAFE.search(t)) or _GETTING_HELP.search(t):
        return SAFE
    if _NO.match(t):
        return NOT_SAFE
    if _YES_SAFE.match(t):
        return SAFE
    return None


#: "i already said no!! jesus", "like i said, no": the answer after words about saying it.
_SAID_ALREADY = re.compile(r"^(?:(?:i )?(?:already |just )?(?:said|told you)|like i said|as i said)[\s,:!.-]*")


def _thoughts_answer(t: str) -> str | None:
    t = _SAID_ALREADY.sub("", t)
    if _UNSURE.search(t) and not _YES.match(t):
        return UNSURE
    if re.match(r"(?:yeah|yea|yes|ya)[,.]? no\b", t):
        return NO  # "yeah no": a no
    if _YES.match(t) and not _NO.match(t) and not re.search(r"\b(?:safe|ok|okay|fine|alright|all right)\b", t):
        # ("yes im safe" answers another question: read below, as before.)
        # "yes but im not going to act on it": thoughts, and no intent; the thoughts are the answer
        # to this question (tester round 15: read as a no).
        return YES
    if _NO.match(t) or re.search(r"\b(?:i'?m not|no i'?m not|i am not|not thinking|no thoughts)\b", t):
        return NO
    if _YES.match(t) or (re.search(r"\b(?:yes|yeah|i am|i have been|i do)\b", t)
                         # "so do i do the session on saturday or skip" asks about training (tester
                         # round 30 got "Please call 911 now")
                         and not re.match(r"(?:so |ok |okay |and |but )?(?:do|does|should|can|could|will|would|is|are|what|how|when)\b", t)):
        return YES
    return None
