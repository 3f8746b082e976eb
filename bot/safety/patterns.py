"""The words the safety screen looks for, as reviewable data (sources: shared CLINICAL.md).

Regular expressions run on normalised text (lower case, straight apostrophes, common typos
fixed, repeated letters squeezed). Each crisis pattern is deliberately specific: figures of speech
("this hill is killing me") must not match, and explicit denials are removed before deciding.
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

# Crisis: talk of suicide or self-harm, about oneself or someone else.
CRISIS: tuple[str, ...] = (
    r"\bsuicid(e|al)\b",
    r"\b(kill|killing|hurt|harm|harming|cut|cutting|hang|hanging|shoot|drown|poison|off|end|finish|finishing)\s+(my ?self|myself)\b",
    r"\b(kill|killing|hurt|harm|cut|hang|shoot|off)\s+(him|her|them)sel(f|ves)\b",
    r"\bself\s*harm", r"\bself[- ]?injur", r"\bcutting (again|my (arms?|wrists?|legs?|skin))\b",
    r"\bcut(ting)? (my )?(wrists?|arms?)\b", r"\bslit(ting)? my wrists?\b",
    r"\boverdose\b", r"\b(take|took|swallow|swallowed|taking) (all|a bunch|a lot|loads|a load|a handful|the whole|too many) (of )?(my |the |those |these )?(pills|tablets|meds|paracetamol|painkillers)",
    r"\b(want|wants|wanted|wanting|going|gonna|ready|plan|planning|thinking about|think about|thought about|tempted) (to|2) die\b",
    r"\bwant(ed)? (it )?to (be )?(over|dead|end)\b", r"\bwant to be dead\b",
    r"\b(i|i'm|i am) (going to|gonna) die\b(?! (if|of|laughing|from|on|at|when|after|before|trying|doing|out|with|in))",
    r"\bend(ing)? (it all|my life|it tonight|everything|things|it now|it for good|my own life|my pain for good)\b",
    r"\bend(ing|ed)? it\b(?! (at|after|with|on|early|there|here|short|by|before|when|for the|in the))",
    r"\btake (my|his|her|their) (own )?life\b", r"\btaking (my|his|her|their) (own )?life\b",
    r"\b(don't|do not|dont|no longer|never) want to (live|be alive|be here|exist|wake up|go on|carry on|keep going|be around)\b",
    r"\bno (reason|point|will) (to|in|of) (live|living|be alive|being alive|go on|going on|carry on|carrying on|keep going|keep living|stay alive|staying alive|be here|exist|existing)\b",
    r"\b(nothing|no one|nobody) (left )?to live for\b", r"\bnot worth living\b", r"\blife (is|isn't|is not) (not )?worth (living|it)\b",
    r"\b(better|easier) off (dead|without me|if i (just )?(was|were) (gone|dead)|if i (just )?(died|disappeared)|if i wasn't here|if i weren't here|gone)\b",
    r"\b(wish|hope) i (was|were|could be) dead\b", r"\bwish i (wasn't|was not|weren't|were not) (alive|here|born|around)\b",
    r"\b(wish|hope) i (wouldn't|won't|would not|will not|didn't|don't|never) wake up\b",
    r"\bgo to sleep and (never|not) wake up\b", r"\bnot wake up\b",
    r"\b(can't|cannot|can not) (go on|take (it|this) any ?more|do this any ?more|keep going like this|carry on)\b",
    r"\bkms\b", r"\bkys\b", r"\bunalive\b", r"\bsewerslide\b",
    r"\b(want|wanted|going|plan|planning) to (disappear|not exist|not be here) (forever|for good|permanently)\b",
    r"\bdon't want to be here any ?more\b", r"\b(no|nothing) to live for\b",
    r"\b(saying|said|say) (my )?goodbyes?\b.*\b(forever|for good|last)\b",
    r"\bgiv(e|ing) away (all )?my (stuff|things|belongings)\b",
    r"\b(written|wrote|writing) (a |my )?(suicide |goodbye )?note\b.*\b(family|goodbye|last)\b",
    r"\bjump(ing)? (off|in front of) (a |the )?(bridge|building|train|roof|cliff|car|bus)\b",
    r"\b(step|stepped|walk|walked) in front of (a |the )?(train|bus|car|truck|lorry)\b",
    r"\bhang(ing)? myself\b", r"\b(rope|noose)\b.*\b(myself|neck)\b",
    r"\bdeath (would|will) be (a )?(relief|better|easier)\b", r"\bthinking about death\b",
    r"\bthoughts? of (death|dying|suicide|ending)\b", r"\b(hurt|harm) (my ?self|myself) again\b",
    r"\bfeel like dying\b(?! (of|from))", r"\b(ready|want) to give up on (life|everything|living)\b",
    r"\bwhat'?s the point of (living|life|being alive|going on)\b",
    r"\bworld (would be|is) better without me\b", r"\beveryone (would be|is) better (off )?without me\b",
    r"\b(nobody|no one|noone|anyone) would (even )?(care|notice|miss me|mind) if i (just )?(died|was gone|were gone|disappeared|was dead|were dead|wasn't here|weren't here|wasn't around)\b",
    # method research, means and plans
    r"\b(look|looking|looked|search|searching|searched|google|googling|googled|research|researching|researched|read|reading) (up )?(ways|how|methods?) (to|of) (die|dying|kill|end|suicide|overdose)",
    r"\bhow many (pills|tablets|paracetamol|painkillers|sleeping (pills|tablets))\b.{0,25}\b(take|kill|die|lethal|enough)",
    r"\b(saved|saving|stockpil\w*|hoard\w*|collect\w*|got|have) (up )?(all )?(my |the |enough )?(pills|tablets|meds|medication|sleeping (pills|tablets)|painkillers)\b.{0,40}\b(tonight|night|ready|enough|saved|for a while|while now|up)\b",
    r"\b(stockpil\w*|hoard\w*)\b.{0,20}\b(pills|tablets|meds|medication|painkillers)\b",
    r"\btonight'?s the night\b", r"\bthis is (my|the) (last|final) (message|goodbye|time)\b",
    r"\b(take|took|taking|swallow\w*|down\w*)\b.{0,20}\b(all|whole|entire|every|a (packet|bottle|box|load|handful)|packets|bottles|boxes)\b.{0,25}\b(pills|tablets|meds|medication|paracetamol|co-?codamol|codeine|ibuprofen|painkillers|sleeping|insulin|aspirin|antidepressants)\b",
    r"\b(rope|noose|ligature)\b.{0,60}\b(thinking|garage|ready|bought|tied|myself|neck|use it)\b",
    r"\b(standing|stood|sitting|sat) on (the|a) (edge of (the|a) )?(bridge|ledge|roof|cliff|platform)\b",
    r"\b(step|stepping|stepped|walk|walking|walked|jump|jumping|jumped|throw myself|throwing myself|threw myself) (out )?in front of (a |the )?(train|bus|car|truck|lorry|van|traffic)\b",
    r"\b(drive|driving|drove|crash|crashing|steer|steering) (my car )?(into|off) (a |the )?(wall|tree|bridge|cliff|barrier|lorry|truck|oncoming)",
    r"\bhope (i|that i) (get|got) (hit|killed|run over)\b", r"\bhope i (die|don't make it|never come back)\b",
    r"\bif i (just )?(didn't|never|don't|wouldn't) wake up\b",
    r"\b(hurt|hurting|burn|burned|burnt|burning|cut|cutting|hit|hitting|punch\w*|harm\w*|scratch\w*)\s+(my ?self|myself) (on purpose|deliberately|again)\b",
    # hopelessness tied to death, burden
    r"\b(tired|sick|exhausted) of (living|life|being alive|existing|being here)\b",
    r"\bwhy am i (even )?(still )?(alive|here|breathing)\b", r"\bwhy (do|should) i (even )?(bother )?(stay(ing)? alive|keep living|go on living)\b",
    r"\b(wish|want|wanting) (i could |to )?(just )?not (exist|be alive|be here)\b", r"\bwish i (didn't|did not) exist\b",
    r"\b(i'm|i am|i feel like) (such |just )?a burden\b", r"\b(happier|better off|better) (if|when) i('m| am)? (wasn't|weren't|was not|not) (here|around|alive)\b",
    r"\b(no|only) way out (except|but|other than)? ?(dying|death|to die|suicide|ending it)\b", r"\bway out except (dying|death)\b",
    r"\b(what|what's) i might do to myself\b", r"\b(can't|cannot|don't think i can|not sure i can) keep myself safe\b", r"\bnot safe (from|with) myself\b",
    r"\b(written|wrote|writing|write) (a |some |my )?(letters?|notes?) (to|for) (my |the )?(family|kids|children|wife|husband|partner|mum|mom|dad|parents|everyone|friends)\b",
    r"\bwon't be needing (them|it|anything|these|those) (where i'm going|any more|anymore|soon)\b", r"\bwhere i'm going\b.{0,20}\bwon't need\b",
    r"\b(not|won't|wont|will not) (going to |gonna )?be around (for|much longer|any ?more|next|by)\b",
    r"\bgoodbye,? and thanks? (you )?for everything\b", r"\b(saying|said|say) (my )?goodbyes?\b",
    r"\b(done|finished) with (life|living|being alive)\b", r"\bdecided i'm done\b",
    r"\b(better|easier|happier)\b.{0,25}\bif i('m| am)? (just |simply )?(wasn't|weren't|was not|were not|didn't exist|did not exist|died|was dead|were dead|was gone|were gone|disappeared|wasn't around|weren't around|not here|not around)\b",
    r"\bhow many\b.{0,25}\b(pills|tablets|meds|paracetamol|painkillers|sleeping pills|tramadol|codeine)\b.{0,25}\b(take|kill|die|lethal|enough|would it)\b",
    r"\b(don't|do not|can't|cannot) see the point (in|of) (being alive|living|life|going on|staying alive|carrying on)\b",
    r"\bno reason (for me )?to (live|be alive|go on|keep going|stay alive|be here)\b",
    r"\b(most |least |quickest |easiest |best |reliable |painless )+(way|ways|method|methods) to (end (your|my|one's|a) life|die|kill (yourself|myself))\b",
    r"\bend (your|one's|a person's) (own )?life\b", r"\b(which|what) (meds|pills|drugs|tablets|medication)\b.{0,20}\b(lethal|fatal|overdose)\b",
    r"\b(lethal|fatal) (dose|amount|combination|with)\b", r"\bresearch\w*\b.{0,30}\b(lethal|fatal|overdose)\b",
    r"\b(not|won't|wont|will not) (planning on |going to |gonna )?(be|being) around (long|for|much|any|next|by|to)\b",
    r"\bnot (sticking|staying|hanging) around\b", r"\b(planning|planned|plan) (how|when|where) (i'd|i would|i will|i'll|to) (do it|end it|die)\b",
    r"\bpicked (a|the) (date|day|time|spot|place|method)\b", r"\bwork up the (nerve|courage)\b",
    r"\b(till|until) (it|they|i) (bleed|bleeds|bled|bleeding|bruise)\b",
    r"\b(scratch|bang|hit|punch|burn|cut|pinch|bite|starv)\w* (my (own )?(arms?|legs?|thighs?|head|skin|wrists?|body)|myself)\b.{0,40}\b(bleed|blood|lighter|razor|blade|knife|scissors|burn|punish|deserve|calm)",
    r"\bburn(ing|ed|t)? myself\b", r"\bstarv(e|ing) myself\b", r"\bi deserve to (hurt|die|suffer|be punished|be in pain)\b", r"\bpunish(ing)? myself\b",
    r"\b(think|thinking|thought) about (dying|death|being dead|killing myself|ending it|suicide)\b",
    r"\b(wouldn't|would not|don't|do not) mind if (a|the|some) (car|bus|truck|lorry|train|van)\b.{0,20}\b(hit|hits|ran over|runs over|killed|kills) me\b",
    r"\b(hoping|hope) i (don't|won't|never|do not|will not) (survive|make it|wake up|come back)\b",
    r"\b(voice|voices|something)\b.{0,20}\b(tells?|telling|told) me to (jump|die|kill|hurt|end|step)\b",
    r"\b(gun|firearm|rifle|shotgun|pistol)\b.{0,30}\b(plan|myself|himself|herself|themselves|end it|use it|kill)\b", r"\b(got|has|have|had) a plan\b.{0,30}\b(die|end|kill|do it|gun)\b",
    r"\b(i've|i have|i) (written|wrote|left) (my|a) (suicide |goodbye |final |last )?(note|letter)\b(?! (to|for) (my |the )?(coach|physio|boss|doctor|school|work|gp|club))",
    r"\b(sorry for everything|been nice knowing (you|everyone)|nice knowing you all|(a|his|her|their|my) (goodbye|suicide|farewell) (note|letter|message|post|video))\b",
    r"\bnote\b.{0,40}\b(sorry and goodbye|goodbye|saying sorry)\b", r"\bposted a goodbye\b",
    r"\b(bridge|bridges|viaduct|cliff|ledge|platform|roof|rooftop|edge)\b.{0,60}\b(jump|step off|step in|just go|go over|end it|not for the view|not for the views|how easy)\b",
    r"\b(jump|step off|go over)\b.{0,40}\b(bridge|viaduct|cliff|ledge|platform|roof)\b",
    r"\bslit(ting)? (my|his|her|their) wrists?\b",
    r"\b(cutting|cuts|cut|burning|burns|hurting|harming|scratching) (her|his|their) (arms?|wrists?|thighs?|legs?|skin|body)\b",
    r"\b(taken|took|swallowed|taking) (all|a whole|a load of|loads of|the whole|every one of) (of )?(her|his|their|my) (tablets|pills|meds|medication|painkillers)\b",
    r"\b(won't|wont|don't|will not) (be )?need(ing)? (them|it|these|those|anything)\b.{0,30}\bwhere i'?m going\b",
    r"\b(bridge|viaduct|cliff|building|car park|multi-storey)\b.{0,60}\b(how high|how tall|high enough|tall enough|differently|to be sure)\b",
    r"\bhow (high|tall) (does|would|do|should) (a|the) (bridge|building|cliff|drop|fall)\b",
    r"\bhope (a|the|some) (car|bus|truck|lorry|van|driver)\b.{0,30}\b(doesn't see me|hits me|hit me|runs me over|takes me out)\b",
    r"\b(look|looks|looking) like an accident\b", r"\blife insurance\b.{0,40}\b(family|accident|gets|pay)\b",
    r"\bpoint in (me )?(existing|being alive|being here|living)\b",
    r"\bdisappear\b.{0,10}\b(permanently|forever|for good)\b",
    r"\b(world|everyone|everybody|everything|my family|they|life)\b.{0,10}\b(would be|'d be|will be|would feel|is)\b.{0,10}\b(lighter|better|easier|happier|calmer)\b.{0,10}\bwithout me\b",
    r"\b(set|picked|chosen|choose) a (date|day)\b", r"\bwant (me|myself) to stop\b", r"\bi want me gone\b",
    r"\b(don't|do not|can't|cannot) see why i should (carry on|go on|keep going|live|bother living|stay)\b",
    r"\b(painless|easiest|quickest|surest|quietest|best|most reliable) (way|ways|method) to (go|die|do it|end it)\b",
    r"\b(reading|read|looking|looked|searching|searched) up on (ways|how|methods?) (to|of)\b",
    r"\b(don't|do not) think (i'll|i will|ill) be around\b",
    r"\b(haven't|have not|hasn't) done it yet\b", r"\breason i'm still (here|alive|around)\b",
    r"\bwish i (hadn't|had not|never|didn't) (woken|wake|woke) up\b", r"\boverdos(ed|ing|es)\b",
    r"\b(i )?cut (again|myself|last night)\b", r"\b(slic|carv|gash|scor)\w* (up )?my (arms?|wrists?|thighs?|legs?|skin|stomach)\b",
    r"\bgoodbye (everyone|all|guys|everybody|all of you)\b.{0,40}\b(thanks|thank you)\b", r"\bstep(ping|ped)? off (it|the edge|the bridge|the cliff)\b",
    r"\b(saving|saved|hoarding|hoarded|collecting|stashing|stashed|keeping) (up )?(all )?(my |the |some )?(pills|tablets|meds|medication|painkillers|sleeping pills|sleeping tablets)\b",
    r"\bcut(ting)? my (thighs?|legs?|arms?|wrists?|skin|stomach|hips?)\b", r"\bthis is goodbye\b",
    r"\b(don't|can't|do not|cannot) see (a|any) future\b", r"\b(bought|buying|got|have) (a |some )?(rope|noose)\b",
    r"\b(working out|worked out|figured out|figuring out|planning|planned|thinking about|thought about|decided) (how|when|where) (i'd|i would|i'll|i will|to) do it\b",
    r"\bwish (that|the|a) (car|bus|truck|lorry|train|van)\b.{0,25}\bhit me\b",
    r"\bhop(e|ing) i (just )?(don't|won't|never|do not|will not) (survive|make it|wake up|come back)\b",
    r"\b(want|wants|wanna) (2 )?die\b", r"\b(fed up|sick|tired) (of|with) (life|living)( itself)?\b",
    r"\bhow (much|many)\b.{0,30}\b(lethal|fatal|kill (me|you|a person|someone)|overdose)\b", r"\b(is|are|would be) (lethal|fatal)\b",
    r"\bg(a|i)ve away (all )?(my|his|her|their) (stuff|things|belongings|shoes|watch|medals|garmin|gear|kit|bike|possessions)\b",
    r"\bgiv(e|ing|en) (his|her|their|my) (things|stuff|belongings|possessions) away\b", r"\b(sorted|sorting|writing|wrote|made|making) (out )?my will\b",
    r"\b(garage|car)\b.{0,40}\bengine running\b", r"\b(exhaust|hose ?pipe)\b.{0,30}\b(car|window|garage)\b",
    r"\b(won't|will not|wont) be (here|around) (much )?(longer|for long|any ?more)\b",
    r"\b(should|want to|going to|gonna) follow (him|her|them)\b", r"\b(got|have|made) a plan and a date\b",
    r"\b(threatening|threatened|going|wants|trying|tried) to jump\b",
    r"\b(standing|stood|sitting|sat|waiting) (at|on|by|near|next to) (the )?(train )?(tracks|railway|rail line|railway line|level crossing)\b",
    r"\b(ways|how|methods?) (to|of) do it\b",
    # someone else
    r"\b(he|she|they|he's|she's|they're|son|daughter|friend|husband|wife|partner|brother|sister|mum|mom|dad|buddy|mate)\b.{0,40}\b(cutting|harming|hurting|burning) (him|her|them)sel(f|ves)\b",
    r"\b(wants|want|wanting|going|planning|plans|threatening|threatened|trying|tried) to (die|end (his|her|their) (own )?life|kill (him|her|them)sel(f|ves)|take (his|her|their) (own )?life)\b",
    r"\bend(ing)? (his|her|their) (own )?life\b",
    r"\bi (could|might) just (end it|disappear for good)\b",
)

# Ambiguous: could be a joke or real. The bot asks a direct, kind question and gives resources.
AMBIGUOUS: tuple[str, ...] = (
    r"\bkms (if|when|lol|lmao|haha|tbh)\b", r"\bkms\b.*\b(lol|lmao|haha|jk)\b",
    r"\b(i'll|i will|i'd|i would|gonna|going to) (literally |actually |just )?(die|kill myself|end it) if\b",
    r"\bmight as well (die|be dead|end it|give up on life)\b",
    r"\bwhat'?s the point (any ?more|of anything|of it all|of trying|even)\b", r"\bwhats the point\b$",
    r"\bwhat is the point any ?more\b",
    r"\b(i )?(just )?want to (disappear|vanish)\b", r"\bkill me now\b", r"\bjust kill me\b",
    r"\bfeel (so )?hopeless\b", r"\b(i'm|i am|feel(ing)?) (so )?(done|finished) with (everything|it all)\b",
    r"\b(can't|cannot) cope any ?more\b", r"\bgive up on everything\b",
    r"\b(i )?(don't|do not) see the point any ?more\b", r"\b(i )?(don't|do not) care if i die\b",
    r"\b(rather|sooner) be dead\b", r"\bhow much (more|longer) (of this )?i can (take|cope|handle)\b",
    r"\b(what'?s|what is) (even )?the point of me\b", r"\b(only|whole) reason (to|for) (get(ting)? up|living|keep going|being here)\b",
    r"\b(anyone|anybody|nobody|no one|noone) (would )?(even )?(care|notice|miss me) if i\b(?! (just )?((was|were) (gone|dead)|died|disappeared|wasn't here|weren't here|wasn't around))",
    r"\bgiv(e|ing) up\W+(on )?everything\b", r"\bdead inside\b", r"\b(just )?end me\b",
    r"\bpoint of anything\b", r"\blet the (bus|car|train|traffic|lorry|truck) (sort it out|take me|finish me|hit me)\b",
    r"\bmeet (my|the|him) (maker|for real)\b", r"\bwalk(ing)? into the (sea|ocean|river|lake)\b", r"\bkeeping me alive\b", r"\bno (point|reason) (in )?(anything|carrying on)\b",
)

# A broad net: words that may be about wanting to die or self-harm, with no clear statement.
# They never confirm a crisis; they make the bot ask directly (with the resources), so wording
# nobody foresaw still gets a human question rather than silence.
CONCERN: tuple[str, ...] = (
    r"\b(die|dying|death|dead|alive|suicid\w*|lethal|overdose|noose|bleed|bleeding|hopeless|worthless|"
    r"burden|goodbye|goodbyes|self harm|harm myself|hurt myself|kill myself|end it|end my life|not be here|"
    r"disappear|give up|no point|pointless|can't go on|can't do this)\b",
)
# Said with one of these, an ambiguous remark is meant: treat it as a crisis.
EARNEST: tuple[str, ...] = (
    r"\b(i mean (it|that)|not joking|i'm serious|i am serious|thought about how|seriously considering|no joke|permanently|for good|forever)\b",
)

# Explicit denials: a crisis match inside one of these spans does not count.
DENIALS: tuple[str, ...] = (
    r"\b(not|never|n't|no longer|nowhere near) (been |being |feeling |at all )?(suicidal|self harm\w*)\b",
    r"\b(i'm|i am|im) not suicidal\b",
    r"\bno (suicidal )?(thoughts?|intentions?|plans?|urges?) (of|to|about) (suicide|harm\w*|hurt\w*|kill\w*|ending)( (my ?self|myself|it( all)?|my life))?\b",
    r"\b(not|never) (going to|gonna|would|will|want to|wanting to) (hurt|harm|kill|end) (my ?self|myself|it( all)?|my life)\b",
    r"\b(don't|do not) (want|plan|intend) to (hurt|harm|kill) (my ?self|myself)\b",
    r"\bno (self harm|suicide|suicidal)\w*\b", r"\bnot (in|having) (a )?crisis\b",
    r"\b(not|nothing) like (that|suicid\w*)\b",
    r"\bnot (thinking|thought|planning|going) (about|of|on|to) (suicide|killing myself|kill myself|ending (it|it all|my life)|end (it|it all|my life)|hurting myself|hurt myself|harming myself|harm myself)\b",
    r"\bwithout (any )?(thoughts of )?(self harm|suicid\w*)\b",
)

# Ordinary running talk that overlaps crisis words; removes spans before matching.
FIGURES_OF_SPEECH: tuple[str, ...] = (
    r"\b(hill|hills|run|race|workout|session|tempo|intervals?|legs?|knee|shins?|calf|calves|achilles|pain|heat|humidity|this|that|it|training|marathon|course|pace|speedwork|track|plan|coach|parkrun|ultra)\s+(is|are|was|were)\s+(literally |actually |absolutely |properly )?(killing|murdering|destroying) me\b",
    r"\bkill(ed|ing)? (my|the|that|it|a|his|her) (pr|pb|time|race|run|workout|session|tempo|intervals?|hill|split|segment|strava|long run|5k|10k|half|marathon)\b",
    r"\bdying to (run|get back|race|try|know|see|go)\b", r"\b(dead|heavy) legs?\b",
    r"\bend of (the|my) (run|race|session|workout|week|day)\b",
    r"\b\d+(\.\d+)? ?kms?\b", r"\bkms (this|last|per|a|each|in|on|today|so far)\b", r"\bthe kms (thing|bit|comment|are|is)\b",
    r"\bsuicide (hill|hills|sprints?|drills?|runs?|shuttles?|intervals?|reps?|lines?)\b", r"\bdoing suicides\b", r"\bsuicides \(",
    r"\bkilling myself (with|doing|on|over) (these|this|those|all (these|this)|the|my) (\w+ )?(starts|sessions|runs|miles|workouts|hills|intervals|reps|mornings|training|sprints|alarms|early starts)\b",
    r"\b(dying|die) (to|for) (a|an|some|the|my|get|see|run|race|know|try|go)\b", r"\bto die for\b",
    r"\b(i'm|im|i am|was|felt|feel|feeling) (absolutely |literally |completely |totally |so )?(dead|dying|deceased)\b(?! inside)",
    r"\b(thought|felt like|feel like|feels like) i was (gonna|going to|about to) die\b",
    r"\b(nearly|almost) (died|killed me)\b", r"\b(dead|dying) (legs?|tired|beat|on my feet|weight|last|happy|gorgeous|heat|easy|flat|slow)\b",
    r"\b(legs?|quads|calves|hamstrings|body|arms) (are|is|were|was|feel|felt|feels) (absolutely |completely |totally |so )?dead\b",
    r"\bdrop dead\b", r"\b(be|is|was|will be) (the|an absolute) death of me\b", r"\b(absolute|pure|utter|certain) death\b",
    r"\b(i'd|id|i would) (literally |rather |actually )*die (for|than) (a|an|some|the|run|running|on|doing|go|do|another|be|miss)\b",
    r"\b(die|died) (of|from) (embarrassment|shame|laughing|laughter|boredom|happiness|jealousy)\b",
    r"\blie down (on the road |on the floor |on the grass )?and die\b.{0,30}(\U0001F602|lol|haha|gels|next time)",
    r"\bgive up (on )?(running|the race|the marathon|this race|the plan|caffeine|sugar|alcohol|booze|the session|that session|the pb|on my pb)\b",
    r"\boverdos\w* on (hill|hills|reps|miles|mileage|training|running|intervals|sessions|coffee|caffeine|gels|sugar|carbs|speedwork|volume|\w+ reps|\w+ sessions)\b",
    r"\bdeath (march|valley|hill)\b", r"\bhill i'?ll die on\b", r"\bdeath warmed up\b",
    r"\b(chafed|bored|scared|worried|frozen|freezing|sweating|laughed|worked|trained) to death\b", r"\bgoes to die\b", r"\bdead man walking\b", r"\b(do|doing|did) suicides\b",
    r"\bsuicides (at|in|on|for) (practice|training|the track|session)\b", r"\bsuicide (prevention|awareness|hotline|helpline|research|rates?)\b", r"\bbled (a bit|a little)\b", r"\bblood (blister|blisters|test|tests|pressure|sugar)\b",
    r"\bkms (was|were|meant|means) (kilomet\w*|km)\b",
)


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
