"""Negation and contrast: which lexicon terms of a text are said not to apply.

"There is no poaching here", "X is no longer a problem, but Y …", "neither fences nor
roads", "hunting without a permit", "we have never seen a snare", "I don't know anything
about poaching": a term inside such a stretch is *negated* and does not tag its theme
(it stays in the evidence, marked). A scope is found in three steps, on the normalised text:

1. **Cues**, per language (``CUES``), each with a *family* (what kind of negation it is),
   a *direction* and an *effect*:

   - families: ``no`` (determiner or existential: "no", "нет", "没有", "байхгүй", "жоқ",
     "yo'q", "нест", "ýok"), ``not`` (a negated verb or copula; the cleft "it's not X",
     Russian "дело не в X", "не из-за X"), ``no longer`` (also the Turkic "has stopped",
     тоқтады, токтоду, to'xtadi),
     ``neither-nor``, ``without``, ``never``, ``not a problem`` (the problem itself is
     denied: "poaching is not a problem", "нет проблем с …", "不是问题", "асуудал биш"),
     ``don't know`` (the respondent's own ignorance: "I don't know anything about …");
   - direction: ``after`` (the cue governs what follows: English, Russian, Chinese
     determiners and preverbal negation), ``before`` (what precedes: the verb-final
     negation of Mongolian, Persian, Tajik and the Turkic languages, and "X is not a
     problem"), ``either`` (what follows when a term follows, else what precedes: Russian
     "нет", Chinese "没有", English "not" before verbs of occurring or seeing),
     ``clause`` (the whole clause), or ``sentence`` (what precedes, back to the sentence's
     start: the anaphoric "этого уже нет", "از این بابت مشکلی نداریم"). The "without"
     suffixes of nouns (Mongolian ``-гүй``, Turkic ``-сыз``/``-siz``) negate only their
     own word and are not cues;
   - effect: ``negate``, ``deny`` or ``unknown`` (below), or ``none`` for phrases that
     look like a cue and negate nothing ("not only … but also", "не только", "不少", a
     lot of, "不断", constantly, "ғана емес"), listed first so that they win.

2. **Reach**: a scope ends at a clause boundary (sentence punctuation, a comma, and the
   language's contrastive or clause-joining conjunctions: "but", "но", "а", "但是", "харин",
   "اما", "бірақ", "lekin", "вале", "emma" …) and never spans more than ``REACH`` words
   (``HAN_REACH`` characters in Chinese), or a cue's own reach: a plain "not"/"не"/"不"
   negates the verb after it, not the verb's object or arguments ("courts do not bring
   poaching cases to trial", "nobody stops the poachers" still speak of poaching); on its
   right a scope also ends at a preposition ("no action against poachers"), and on its
   left it passes over a term right after a preposition or before a postposition (the
   Persian "هیچ اقدامی علیه شکارچیان … نمی شود", no action against poachers is taken);
   Persian "بی" only the next word (``بی رویه``, excessive, is one word). A comma
   before a repeated "ни"/"nor" or after a Mongolian "ч" or Turkic "да/де" (the
   neither-nor patterns) does not end a scope.

3. **Binding** (``negate``): a lexicon term that contains the cue ("no data", "lack of
   funding", "маълумот нест") is what is negated, and nothing else is. Otherwise terms
   are taken outward from the cue. A term whose absence
   is itself the problem (a *resource*: funding, monitoring, data, cooperation,
   compensation, rain, pasture; the lexicon marks each term's polarity) is the thing
   negated: "no funding for anti-poaching patrols" is a governance gap, so the resource
   term stays counted and the scope stops there (what follows is its argument, not
   negated). A *problem* term (poaching, fence, drought, conflict) is negated and the scope
   goes on, so that "no poaching or overgrazing" negates both. ``deny`` and ``unknown``
   take every term in reach, whatever its polarity: "funding is not a problem".

4. **Past contrast** (``PAST_CONTRAST``): "X used to be the problem, but now it is Y"
   ("раньше … а теперь", "以前 … 现在", "урьд нь … одоо", "бұрын … қазір") marks the
   problem terms of the past clause "used to", when the now-clause names a theme of its
   own and nothing in it says the past goes on ("still", "тоже", "也").

The rules are deliberately local and lexical; they are tested per family in several
languages (tests/analysis/test_negation.py).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.text import HAN, WORD_PATTERN

#: Most words a scope reaches from its cue (word-separated languages).
REACH = 6
#: Most characters a scope reaches from its cue in Chinese (a noun phrase: 没有偷猎现象).
HAN_REACH = 6

NEGATE, DENY, UNKNOWN = "negate", "deny", "unknown"
#: A resource said to be in place ("monitoring bor", "маблағ ҳаст", there is funding; "the
#: camera traps work"): its resource terms are denied (the gap they would name is not
#: there), its problem terms left alone ("brakonerlar bor", there are poachers, stays).
AFFIRM = "affirm"
#: The effect of phrases that look like a cue but negate nothing ("not only", "не только",
#: "不少", a lot of; "ғана емес"): listed first so that they win where they start.
NONE = "none"
AFTER, BEFORE, EITHER, CLAUSE = "after", "before", "either", "clause"
#: What precedes the cue back to the start of its sentence, over commas and conjunctions:
#: the anaphoric "этого уже нет" (there is none of that any more) denies what the sentence
#: named before it ("X was the trouble in the nineties, now there is none of that").
SENTENCE = "sentence"
#: What the sentence before the cue's named, back to its start: a short sentence that only
#: points back ("Раньше чабаны стреляли барса. Лет пять уже такого не слышно."). It takes
#: the problem terms from the last one back and stops at a resource (``negate``).
PREVIOUS = "previous"
#: Polarity of a lexicon term: its absence is no problem, or is the problem.
PROBLEM, RESOURCE = "problem", "resource"
#: A problem term of a theme whose terms are resources: a gap stated with its own negation
#: ("no data", "тоолоогүй", not counted). A cue around it negates it as a problem term, but
#: a negation inside its own word is the gap itself, not a denial.
GAP = "gap"

#: English non-answers that may name a theme without saying anything about it (each a
#: stretch of text): ``CUES`` deny the terms in it, ``analysis.abstain`` takes it out.
#: At a sentence's start (the text's, or after . ! ? ; :)
_EN_START = r"(?<![^.!?;:\s])(?<![^.!?;:] )"
#: a question back about the survey or the one asking ("Who's paying for this survey? The
#: ministry?", "What do you mean by fences, the old ones?"), with up to two short questions
#: that follow it
EN_ASKED_BACK = (
    _EN_START
    + r"(?:(?:and|but|so|well|ok|okay|first|wait|sorry|before\s+i\s+(?:answer|say|tell\s+you)(?:\s+(?:anything|that|this|your\s+questions?))?)\s*,?\s*){0,4}"  # noqa: E501
    r"(?:for\s+|to\s+)?(?:who|whom|whose|why|what|what's|which|how|is|are|was|were|will|would|does|do|did|can|could|should|who's|who're)\s"  # noqa: E501
    r"[^.!?;\n]{0,120}?(?<![\w'])(?:survey|questionnaire|interview|poll|these\s+questions|your\s+questions|the\s+answers|my\s+answers|our\s+answers|this\s+form|you\s+(?:working|work|come|from|with|paying|asking|collecting|collect|people|mean|meant|need|want)|(?:sent|pays?|paying|funds?|funding|hired|gave|give|gives|told|allowed|tell|answer|help)\s+you|(?:ask|asking)\s+(?:me\s+|us\s+)?(?:about|this|that|these|such)|(?:read|see|use|need|want)\s+(?:this|these|it|them|my\s+answers|our\s+answers)|this\s+information|want\s+(?:me\s+|us\s+)?to\s+(?:know|say|tell|hear)|this\s+(?:for|about)|(?:who\s+are|who're)\s+you)(?![\w'])"  # noqa: E501
    r"[^.!?;\n]{0,120}?"
    r"(?:\?\s*(?:(?:or|and|the|a|an|one|some|from|maybe|perhaps|is\s+it|are\s+you|you|your)\s[^.!?;\n]{0,80}?"  # noqa: E501
    # a yes/no question that points back at the survey: "Will the government see them?"
    r"|(?:and\s+)?(?:will|would|can|could|does|do|did|is|are|was|were)\s(?=[^.!?;\n]{0,60}?(?<![\w'])(?:you|your|them|it|this|these|answers)(?![\w']))[^.!?;\n]{0,60}?)){0,2}"  # noqa: E501
    # (the last question mark is left out: the scope ends where it stands)
    r"(?=\?)"
)
#: a refusal: "I'd rather not talk about that", "the village head declined to answer"
EN_REFUSAL = (
    r"(?:i(?:'d|\s+would)\s+rather\s+not|(?:i'm|i\s+am)\s+not\s+(?:going|allowed|willing|prepared)\s+to|i\s+(?:prefer|preferred)\s+not\s+to|i\s+(?:won't|will\s+not|can't|cannot|am\s+not\s+going\s+to|'m\s+not\s+going\s+to|do\s+not\s+want\s+to|don't\s+want\s+to|refuse\s+to|decline\s+to|am\s+not\s+allowed\s+to|'m\s+not\s+allowed\s+to)"  # noqa: E501
    r"|(?:(?:the|a|an|this|that|our|my)\s+)?(?:[\w'-]+\s+){0,2}?(?:declined|refused|declines|refuses|did\s+not\s+want|didn't\s+want|does\s+not\s+want|doesn't\s+want|(?:was|is)\s+not\s+willing|(?:wasn't|isn't)\s+willing|preferred\s+not|prefers\s+not|(?:did|does|do)\s+not\s+wish|(?:didn't|doesn't|don't)\s+wish|wished\s+not)\s+to)"  # noqa: E501
    r"\s+(?:answer|comment|respond|reply|talk|speak|discuss|say(?:\s+anything)?|go\s+into|give\s+(?:an?\s+)?(?:answer|opinion|comment|interview)|be\s+interviewed|take\s+part)"  # noqa: E501
    r"(?:\s+(?:(?:this|that|the|these|any|your)\s+)?questions?)?"
    r"(?:\s+(?:about|on|of)\s+[^.!?;,\n]{0,60})?"
)
#: sending the asker to someone else: "You'd have to ask my brother, he's the one who ..."
EN_REFERRAL = (
    r"(?:you(?:'d|'ll|\s+would|\s+will|\s+should|\s+must|\s+could|\s+can|\s+might)?\s+(?:have\s+to\s+|need\s+to\s+|better\s+)?|(?:it's\s+|it\s+is\s+)?better\s+(?:to\s+)?|go\s+(?:and\s+)?|try\s+|"  # noqa: E501
    + _EN_START
    + r"(?:just\s+|please\s+)?)(?:ask|talk\s+to|speak\s+to|check\s+with)\s+(?:(?:my|the|our|your|his|her|their|a|an|some|someone|somebody|people|other|others|local|older|old)\s+){0,2}[\w'-]+(?:\s+else|\s+(?!(?:about|on|of|for|from|in|at|if|whether|why|how|what|when|where|and|but|or|he|she|they|who|that|it|them|this|there|here)(?![\w']))[\w'-]+)?"  # noqa: E501
    # "ask the herders, they will tell you the wolves take their sheep" says something
    r"(?!\s*,?\s*(?:he|she|they)(?:'ll|\s+will|\s+can|\s+could|\s+would)\s+tell\s+you\s+(?!about(?![\w'])|more(?![\w'])|everything(?![\w'])|all(?![\w']))[\w'-])"  # noqa: E501
    r"(?:\s*,?\s*(?:he|she|they|who|that)(?:'s|'re|'ll|'d|\s+is|\s+are|\s+was|\s+were|\s+knows?|\s+will|\s+would)?(?![\w'])[^.!?;\n]{0,100})?"  # noqa: E501
    # "that's a question for the scientists, not for me"
    r"|(?:(?:please\s+)?(?:address|direct|send|give|put)\s+(?:this|that|your|the)\s+question|(?:that's|that\s+is|it's|it\s+is|this\s+is)\s+(?:a\s+)?(?:question|one)|(?:this|that|the|your)\s+question\s+is)\s+(?:for|to)\s+(?:(?:the|our|my|your|a|an|some)\s+)?(?:[\w'-]+\s+)?[\w'-]+(?:\s*,?\s*not\s+(?:for\s+)?(?:me|us))?"  # noqa: E501
)
#: Persian: a question back about the survey or the one asking ("شما از طرف اداره آمده اید
#: یا از دانشگاه؟", "این ها را کجا می نویسید؟", who sent you, what the answers are for), with
#: up to two short questions that follow it ("… دولت؟"); the last question mark is left out
_FA_START = r"(?<![^.!?؟;:،؛\s])(?<![^.!?؟;:،؛] )"
_FA_YOU = (
    r"(?:آمده\s*اید|اومده\s*این|اومدین|اومدید|آمدید|آمدین|هستید|هستین|هسین|می\s*نویسید|"
    r"می\s*نویسین|مینویسید|مینویسین|می\s*پرسید|می\s*پرسین|میپرسید|میپرسین|می\s*برید|"
    r"می\s*برین|میبرید|میبرین|(?:شما|شمارو|شما\s+را)\s+(?:\S+\s+)?فرستاد\w*|پرسشنامه|"
    r"پرسش\s+نامه|نظرسنجی|این\s+(?:سوال|سؤال|سوالا|سوال\s+ها|سوالات|پرسش\s*ها)|"
    r"جواب\s*(?:ها|های|ا)?\s*(?:ی\s+)?(?:ما|من|مارو|منو))"
)
FA_ASKED_BACK = (
    _FA_START
    + r"(?:(?:ببخشید|ببخشین|اول|راستی|خب|آقا|خانم|اصلا)\s*،?\s*){0,4}"
    r"[^.!?؟;\n]{0,120}?(?<!\w)" + _FA_YOU + r"(?!\w)[^.!?؟;\n]{0,80}?"
    r"(?:[؟?]\s*(?:(?:یا|و|از|اصلا|بعد)\s[^.!?؟;\n]{0,80}?|(?:[^\s.!?؟;\n]+\s+){0,2}[^\s.!?؟;\n]+)){0,2}(?=[؟?])"
)
# (pattern, family, direction, effect[, reach in words]), tried in this order at each
# position: longer and more specific patterns first. Patterns are regular expressions over
# normalised text; for languages written with spaces each must match whole words.
_E = r"(?:is|are|was|were|has been|have been|isn't|aren't|wasn't|weren't)"
_ADJ = r"(?:(?:a|an|any|the|such a|our|my|their|your|its)\s+)?(?:(?:big|serious|major|real|significant|main|great|particular|current)\s+)?"  # noqa: E501
# Mongolian: a word of a list of nouns (not a verb form, not a predicate such as "их",
# many), and the words that deny such a list at the end of its sentence
_MN_NOUN = r"(?:(?:энэ|тэр|тус|манай|танай|тэдний|бидний)(?![\w-])|(?!(?:их|олон|ихтэй|ноцтой|хүнд|муу|сайн|бий|байна|байгаа|байсан|бол|ч|халуун|хүйтэн|хуурай|бага|цөөн|өндөр|хатуу|ширүүн|ховор|элбэг|хангалттай|хүчтэй|аюултай|хэцүү)(?![\w-]))(?![\w-]*(?:сан|сэн|сон|сөн|жээ|чээ|лаа|лээ|лоо|даг|дэг|дог|на|нэ|но|ж)(?![\w-]))[\w-]+)"  # noqa: E501
_MN_NEG = r"(?:байхг[үу]й|алга|[үу]г[үу]й|ангид|\w+(?:аас|ээс|оос|өөс)\s+(?:их\s+|нэлээн\s+|маш\s+)?хол(?=\s*(?:[.!?;,]|$))|\w+(?:хаа|хоо|хээ|хөө)\s+больсон|\w+(?:хгүй|аагүй|ээгүй|оогүй|өөгүй|даггүй|дэггүй|доггүй|дөггүй|сангүй|сэнгүй|сонгүй|сөнгүй))"  # noqa: E501
# Chinese building blocks (traditional characters beside the simplified ones).
#: What a denial says something is not: a problem, a threat, the cause, a big deal.
_ZH_TROUBLE = r"(?:[问問][题題]|威[胁脅]|原因|因素|主因|[祸禍]首|大事|事儿|事兒|[麻][烦煩]|[难難][题題]|[隐隱]患|障[碍礙]|[压壓]力)"  # noqa: E501
#: A thing said to be gone: pulled down, closed, banned out, a thing of the past.
_ZH_GONE = r"(?:拆(?:掉|除|光|完)?了|拆除|撤(?:掉|除|走)了|撤除|[关關](?:掉|停)?了|[关關]停|取[缔締]了|填(?:平|埋)?了|[废廢](?:弃|棄)了|停用了|[销銷][声聲]匿[迹跡]|不[复復]存在|成[为為](?:了)?(?:[历歷]史|[过過]去)|一去不[复復]返|被(?:打掉|[铲剷]除|端掉|清除|取[缔締])了?|(?:已|已[经經]|彻底|徹底|基本)(?:根除|消除|清除)|早(?:就|已|都)?[没沒](?:有)?了|(?:是)?老[黄黃][历曆](?:了)?|(?:是)?[过過]去式(?:了)?|[没沒]影(?:儿|兒)?了)"  # noqa: E501
#: Words that say a denial holds already, again, at all or for everything named.
_ZH_AT_ALL = r"(?:根本|从来|從來|压根儿?|壓根兒?|一[次回个個只隻点點家户戶起例头頭匹峰根样樣条條张張片处處棵口件份种種](?:儿|兒)?(?:也|都)|半[个個点點](?:也|都)|[谁誰](?:也|都)|什[么麼](?:也|都)|啥(?:也|都)|全都|全部|全|也|都|就|还|還|真|倒|[现現]在|如今|[这這][几幾]年|早就?|早已|已[经經]?|基本上?|那|(?:前年|去年|前[几幾]年|早[几幾]年|那年|[几幾]年前|\d+年)就?|(?:好些|好[几幾]|[这這]些|近[几幾]|十[几幾]|[几幾]十|\d+)年(?:来|來|了)?)"  # noqa: E501
#: The wildlife a threat is said to have nothing to do with ("跟黄羊不搭界").
_ZH_WILDLIFE = r"(?:野生?动物|野生?動物|动物|動物|它们|它們|牠們|它|牠|[黄黃]羊|[羚]羊|藏羚羊?|藏原羚|普氏原羚|[鹅鵝]喉羚|原羚|[赛賽]加羚?羊?|野[驴驢]|藏野[驴驢]|野[马馬]|野[骆駱][驼駝]|野[牦犛]牛|雪豹|岩羊|[盘盤]羊|北山羊|[马馬]鹿|白唇鹿|狼|熊|保[护護])"  # noqa: E501
#: Saying one cannot or will not answer: "说不上来", "不方便透露", "你去问林业局吧".
_ZH_NO_ANSWER = r"(?:[没沒]什[么麼]可[说說]|[没沒]有什[么麼]可[说說]|[无無][话話]可[说說]|一[无無]所知|毫不知情|不知道|不清楚|不了解|不太了解|不太清楚|[说說]不清(?:楚)?|[无無]法回答|不好回答|[没沒]法回答|[没沒]法[说說]|不好[说說]|[没沒]有意[见見]|[说說]不上[来來]|[说說]不好|[说說]不准(?=[。!！.,，;；]|$)|答不上[来來]|回答不了|不太?懂|不掌握|不太?熟悉|不在行|搞不(?:清楚?|懂|明白)|弄不(?:清楚?|懂|明白)|不明白|不方便(?:透露|[说說]|[讲講]|回答|[谈談])|不(?:想|愿|願|愿意|願意)(?:多)?(?:[说說]|[谈談]|[讲講]|回答|提|透露)|不便(?:透露|回答|多[说說]|[评評][论論])|不能[说說](?=[。!！.,，;；]|$)|不予(?:置[评評]|[评評][论論]|回答)|[无無]可奉告|哪(?:里|裡|儿|兒)?(?:知道|懂|清楚|[晓曉]得|了解)|不[晓曉]得|[晓曉]不得|[没沒](?:什[么麼]|啥)?(?:概念|印象)|[记記]不(?:清楚?|得|太清))"  # noqa: E501

#: Russian: what explains a denial after a colon or a dash ("проблем нет: ошейники стоят
#: на тридцати джейранах"), to the sentence's end, unless it turns to another problem
#: (a contrast word, a problem word, a verb of harm or of lack)
_RU_WHY = r"\s*[:—–,]\s*(?:(?![.!?;]|(?<!\w)(?:но|зато|однако|хотя|а|проблем\w*|бед\w*|угроз\w*|главн\w*|хуже|страшнее|опасн\w*|убива\w*|убил\w*|губ\w+|гиб\w+|погиб\w*|меша\w+|вред\w*|съе\w+|съел\w*|выбива\w+|выбил\w*|режут|задра\w+|страда\w+|уничтож\w+|маленьк\w*|мизерн\w*|копеечн\w*|мало|нет|нету|не\s+хватает)(?!\w)).)+(?=[.!?;]|$)"  # noqa: E501
_RU_WHY_COLON = _RU_WHY.replace("[:—–,]", "[:—–]", 1)
CUES: dict[str, list[tuple[str, str, str, str]]] = {
    "en": [
        # non-answers that name a theme: nothing in them is said about it
        (EN_ASKED_BACK, "asked back", CLAUSE, DENY, 40),
        (EN_REFUSAL, "refusal", CLAUSE, DENY, 12),
        (EN_REFERRAL, "referral", CLAUSE, DENY, 20),
        # a referral after a comma: "I am not specialist, ask the inspector"
        (r"(?<=,)\s*(?:better\s+|please\s+|just\s+)?(?:ask|talk\s+to|speak\s+to|check\s+with)\s+(?:(?:the|our|your|a|an|some|local|other)\s+)?[\w'-]+(?:\s+[\w'-]+)?(?=\s*(?:[.;!?]|$)|\s*,\s*(?:he|she|they)(?:'ll|\s+will|\s+can)?\s+(?:know|knows|tell\s+you)(?![\w'])(?!\s+(?:that|about)))", "referral", CLAUSE, UNKNOWN, 20),  # noqa: E501
        # "no comments about the mine", "nothing to say about dzud": the topic goes with it
        (r"(?:no|without)\s+(?:further\s+)?comments?\s+(?:about|on|regarding|concerning)\s+[^.!?;,\n]{0,60}|(?:(?:i|we)\s+(?:have|had)\s+)?nothing\s+(?:else\s+|more\s+)?to\s+(?:say|add|comment|tell)\s+(?:about|on|regarding|concerning)\s+[^.!?;,\n]{0,60}|(?:i|we)\s+(?:can|could)\s+say\s+nothing\s+(?:about|on|regarding|concerning)\s+[^.!?;,\n]{0,60}", "refusal", CLAUSE, DENY),  # noqa: E501
        # "the rangers know better", "go to the akimat", "I am only a tourist here": the asker
        # sent elsewhere, or the one asked not placed to know
        (r"(?:(?:the|our|my|your|local|other)\s+)?[\w'-]+(?:\s+[\w'-]+)?\s+(?:know|knows)\s+(?:this\s+|it\s+|that\s+)?(?:much\s+)?better(?:\s+than\s+(?:me|us|i\s+do|we\s+do))?(?:\s+(?:about|on)\s+[^.!?;,\n]{0,60})?(?=\s*(?:[.;!?]|$))|" + _EN_START + r"(?:better\s+|just\s+|please\s+)?go\s+to\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?(?=\s*(?:[.;!?]|$))|(?:i am|i'm)\s+(?:only\s+|just\s+|simply\s+)?(?:a\s+|an\s+)?(?:tourist|visitor|guest|driver|teacher|student|pensioner|newcomer|stranger)(?:\s+here)?", "referral", CLAUSE, UNKNOWN, 20),  # noqa: E501
        # a topic echoed and not answered: "Poaching? I don't know." "Fences? What about them?"
        (r"(?:[\w'-]+\s+){0,4}?[\w'-]+(?:\?|\.\.\.|…)\s*(?:i\s+(?:do not|don't|dont|really don't)\s+(?:know|remember)|no idea|hard to say|who knows|dunno|not sure|what about (?:it|them|that)|what do you mean|how do you mean|what (?:exactly|of it)|why do you ask|i don't (?:understand|follow)(?: the question)?)(?=\s*(?:[.,;:!?]|$))", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        # a topic only echoed: "The border, hmm, the border.", "Fences, you're asking about fences."
        (_EN_START + r"(?:the\s+)?(?P<echo>[\w'-]+(?:\s+[\w'-]+)?)\s*(?:\?|\.|,|\.\.\.|…)\s*(?:(?:yes|yeah|hmm+|well|right|ah|oh|so|ok|okay)\s*(?:\.|,|\.\.\.|…)?\s*){0,4}(?:the\s+)?(?:(?P=echo)(?:\s*,?\s*(?:you\s+say|you\s+mean|you're\s+asking(?:\s+about)?))?|(?:you\s+say|you\s+mean|you're\s+asking|you\s+are\s+asking|you\s+ask)(?:\s+(?:me\s+)?about)?\s+(?:the\s+)?(?P=echo))(?![\w'])", "echo", CLAUSE, UNKNOWN),  # noqa: E501
        # thanks for something: "Thank you for asking about our snow leopards"
        (r"(?:many\s+)?thank(?:s|\s+you)(?:\s+(?:very|so)\s+much)?(?:\s+(?:all|everyone|again))?\s+for(?:\s+(?!but(?![\w']))[\w'-]+){0,15}", "thanks", CLAUSE, DENY),  # noqa: E501
        (r"not only|not just|not merely|no doubt|no matter|not least|nothing but", "", AFTER, NONE),  # noqa: E501
        # "the gazelles never get stuck in the canal", "kulans don't get caught in the wire":
        # the barrier they are said not to be caught by is denied
        (r"(?:(?:do|does|did|will|would)\s*(?:not|n't)|don't|doesn't|didn't|won't|dont|doesnt|didnt|never|no\s+longer|(?:is|are|was|were)\s+(?:not|never|no\s+longer))(?:\s+(?:really|ever|even|now))?(?:\s+(?:get|got|become))?\s+(?:stuck|caught|trapped|tangled|entangled|snagged|hung)(?:\s+up)?\s+(?:in|on|at|under)(?=\s+(?:(?:the|a|an|any|that|this|their|our|its)\s+)?(?:[\w'-]+\s+)?(?:fences?|fencing|wires?|barbed|nets?|netting|canals?|ditch(?:es)?|channels?|trench(?:es)?|railway|rails?|tracks?|pipes?|pipeline|embankments?)(?![\w']))", "not", CLAUSE, DENY),  # noqa: E501
        # "herders don't take their flocks up to the spring", "nobody drives sheep to the
        # high pastures": the herding and where it would go are denied
        (r"(?:(?:do|does|did|will|would)\s*(?:not|n't)|don't|doesn't|didn't|won't|dont|doesnt|didnt|never|(?:nobody|no\s+one|no-one)(?:\s+(?:here|now|ever|else))?)\s+(?:really\s+|ever\s+|even\s+|now\s+)?(?:take|takes|took|drive|drives|drove|bring|brings|brought|move|moves|moved|send|sends|sent|herd|herds|herded|lead|leads|led)\s+(?:(?:their|the|his|her|our|any|a|its)\s+)?(?:own\s+)?(?:flocks?|herds?|sheep|goats?|cattle|livestock|stock|animals|camels?|horses?|yaks?|cows?)(?![\w'])(?![^.,;!?]{0,120}?(?<![\w'])any\s?more(?![\w']))", "not", CLAUSE, DENY),  # noqa: E501
        # a lack denied: "no shortage of data", "we don't lack collars", "no gaps in the
        # monitoring": the resource is in place (its gap is denied), a problem term stays
        # ("no shortage of poachers" speaks of poaching)
        (r"no\s+(?:real\s+)?(?:shortage|lack|scarcity|deficit|gaps?|holes?)\s+(?:of|in)(?:\s+(?:the|our|any))?|(?:we|they|i|you)\s+(?:do not|don't|dont|did not|didn't|never)\s+(?:really\s+)?lack(?:\s+(?:the|any))?|(?:not|never)\s+(?:short|lacking)\s+(?:of|in)(?:\s+(?:the|any))?", "not a problem", AFTER, AFFIRM, 4),  # noqa: E501
        (r"(?:is|are|was|were)\s+(?:not|never)\s+(?:lacking|missing|in\s+short\s+supply)|(?:isn't|aren't|wasn't|weren't|isnt|arent)\s+(?:lacking|missing|in\s+short\s+supply)", "not a problem", BEFORE, AFFIRM, 4),  # noqa: E501
        # "poaching never really stopped" goes on
        (r"(?:never|not|hardly|(?:has|have|had|did)\s*(?:not|n't)|hasn't|haven't|hadn't|didn't|hasnt|havent|didnt)\s+(?:really\s+|completely\s+|fully\s+|yet\s+)?(?:stopped|ceased|ended|disappeared|gone away)", "", AFTER, NONE),  # noqa: E501
        # "the railway is not a barrier for them": the barrier named in the cue goes with it
        (rf"(?:(?:{_E}\s+)?(?:not|no longer|never|hardly)|isn't|aren't|wasn't|weren't|isnt|arent)\s+(?:really\s+)?{_ADJ}(?:barrier|obstacle)s?(?![\w'])", "not a problem", CLAUSE, DENY),  # noqa: E501
        # "overgrazing is not actual for our region" (calqued from Russian), "not dangerous"
        (rf"(?:(?:{_E}\s+)?(?:not|no longer|never|hardly)|isn't|aren't|wasn't|weren't|isnt|arent)\s+(?:so\s+|very\s+|really\s+|too\s+|that\s+)?(?:actual|relevant|topical|urgent|dangerous|serious|critical|acute|significant)(?![\w'])", "not a problem", BEFORE, DENY),  # noqa: E501
        (rf"(?:(?:{_E}\s+)?(?:not|no longer|never|hardly|not really|no more)|isn't|aren't|wasn't|weren't|isnt|arent|wasnt|werent|(?:has|have|had)\s+(?:never|not|hardly\s+ever)\s+been|(?:hasn't|haven't|hadn't)\s+(?:ever\s+|really\s+)?been)\s+(?:really\s+)?{_ADJ}(?:problem|issue|threat|concern|danger|obstacle|barrier|worry|headache|big deal|trouble)s?", "not a problem", BEFORE, DENY),  # noqa: E501
        # "fences aren't what's hurting the saiga", "the mine is not what worries us"
        (r"(?:(?:is|are|was|were)\s+not|isn't|aren't|wasn't|weren't|isnt|arent)\s+(?:really\s+)?what(?:'s|\s+is|\s+was)?\s+(?:really\s+)?(?:hurting|killing|harming|threatening|worrying|bothering|worries|bothers|threatens|hurts|kills|harms|(?:the|our)\s+(?:main\s+|real\s+|biggest\s+)?(?:problem|issue|threat|concern))", "not a problem", BEFORE, DENY),  # noqa: E501
        (rf"(?:{_E}\s+)?(?:now\s+)?under control|pose[sd]?\s+no\s+(?:threat|problem|risk|danger)|(?:does|do|did)\s+not\s+pose\s+{_ADJ}(?:threat|problem|risk|danger)", "not a problem", BEFORE, DENY),  # noqa: E501
        (r"no\s+(?:\w+\s+)?(?:problems?|issues?|threats?|concerns?)\s+(?:with|from|of|about|regarding)", "not a problem", AFTER, DENY),  # noqa: E501
        # "no conflict between the villagers and the leopards": both sides go with it
        (r"no\s+(?:\w+\s+)?(?:conflicts?|tensions?|trouble|disputes?|problems?|issues?|competition|clash(?:es)?|fuss|friction|quarrels?)\s+(?:with|between)", "not a problem", CLAUSE, DENY),  # noqa: E501
        # an echoed question answered no: "Poaching? No, not here.", "Fences? Not really."
        (r"(?:[\w'-]+\s+){0,4}?[\w'-]+\?\s*(?:no|nope|never|none|not really|not at all|not here|not much|hardly|not that i know(?:\s+of)?|there\s+(?:is|are|was|were)\s+none|there\s+(?:isn't|aren't|wasn't|weren't|isnt|arent|wasnt|werent)\s+any|(?:we|i)\s+(?:have|had|see|saw|found)\s+none|(?:long\s+|all\s+)?gone|not\s+any ?more|no\s+longer|not\s+(?:now|these days|nowadays)|(?:a\s+)?things?\s+of\s+the\s+past|(?:it's|that's|it is|that is)\s+(?:all\s+)?(?:over|history|in the past)|nothing(?:\s+like\s+that)?|(?:that|it|this|they|those)(?:'s|'re|\s+is|\s+are|\s+was|\s+were|\s+has|\s+have)?\s+(?:been\s+)?(?:already\s+|long\s+|all\s+)?(?:stopped|finished|over|ended|gone|solved)(?:\s+already)?|(?:(?:it|they|that)(?:\s+was|\s+were|'s)?\s+)?(?:came|come|taken|got\s+taken|was\s+taken|were\s+taken|pulled|torn|went)\s+down(?:\s+in\s+\d{4}|\s+(?:a\s+few\s+|some\s+|\w+\s+)?years?\s+(?:ago|back)|\s+long\s+ago|\s+last\s+year)?|(?:(?:i|we)(?:'ve|\s+have|\s+had)?\s+)?never\s+(?:ever\s+)?(?:seen|saw|see|had|found|met|heard\s+(?:of|about))\s+(?:it|them|this|that|those|such|any|one))(?=\s*(?:[.,;:!?]|$)|\s+(?:here|at all|now|around here|any ?more|long ago|years ago|for years|in\s+(?:my|our|all\s+my|all\s+our)\s+(?:life|lifetime|years))(?![\w']))", "no", CLAUSE, DENY),  # noqa: E501
        # an echoed topic answered "not a problem": "Overgrazing? That's not really an issue."
        (rf"(?:[\w'-]+\s+){{0,4}}?[\w'-]+\?\s*(?:no\s*,\s*)?(?:(?:here\s+|now\s+)?(?:that's|it's|that is|it is|they're|they are|those are)\s+)?(?:not|no longer|never|hardly|isn't|aren't)\s+(?:really\s+|so\s+|very\s+)?(?:been\s+)?(?:{_ADJ}(?:problem|issue|threat|concern|worry|big deal|headache)s?|actual|relevant|topical|urgent|dangerous|serious)", "not a problem", CLAUSE, DENY),  # noqa: E501
        # a bare list of topics and "I can't say": "Poaching, fences, drought... I can't say."
        (_EN_START + r"(?:[\w'-]+\s*(?:,|\.\.\.|…|\s(?:or|and))\s*){1,5}[\w'-]+\s*(?:\.\.\.|…|,|-|—)?\s*(?:i\s+(?:really\s+|honestly\s+|just\s+)?(?:can't|cannot|couldn't|could not)\s+(?:really\s+)?(?:say|tell|judge)|i\s+(?:really\s+|honestly\s+)?(?:don't|do not)\s+know|hard to say|who knows|no idea)", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        # a list of topics, a dash, and never having seen them: "Snares, traps - here I never
        # saw such things", "Poison, wire nooses: in ten years we never found any"
        (_EN_START + r"(?:[\w'-]+(?:\s+[\w'-]+)?\s*(?:,|\s(?:or|and))\s*){1,5}[\w'-]+(?:\s+[\w'-]+)?\s*(?:-|—|–|:)\s*(?:[\w'-]+\s+){0,6}?(?:i|we|nobody|no one|no-one)(?:'ve|'d|\s+have|\s+has|\s+had)?\s+(?:never|not once)\s+(?:ever\s+)?(?:seen|saw|see|had|found|met|heard\s+(?:of|about))(?![\w'])", "never", CLAUSE, DENY),  # noqa: E501
        # a topic, a dash or colon, and a bare no: "Poaching - no.", "Fences: also none here."
        (r"(?:-|—|–|:)\s*(?:also\s+|too\s+|here\s+)?(?:no|nope|none|never|nothing|not\s+here|not\s+now|not\s+any ?more|no\s+more|no\s+longer|(?:not|never)\s+(?:found|met|seen|observed|registered|recorded|noticed|detected))(?:\s+(?:here|now|at all|any ?more|also|too))?(?=\s*(?:[.,;!?]|$))", "no", BEFORE, NEGATE, 5),  # noqa: E501
        # "there is no such problem", "such things we don't have": what the sentence named
        (r"(?:there\s+(?:is|are|was|were)\s+)?no\s+such\s+(?:a\s+)?(?:problems?|issues?|things?|threats?|cases?|troubles?)|(?:we|i|they)\s+(?:do not|don't|dont|did not|didn't|never)\s+(?:have|had|see|saw|meet|met)\s+(?:any\s+)?(?:such|this|that|these|those)\s+(?:a\s+|kinds?\s+of\s+)?(?:problems?|issues?|things?|threats?|cases?|troubles?)|(?:such|this|that|these|those)\s+(?:a\s+|kinds?\s+of\s+)?(?:problems?|issues?|things?|threats?)\s+(?:we|i|they)\s+(?:do not|don't|dont|did not|didn't|never)\s+(?:have|had|see|saw|meet|met)", "no", SENTENCE, DENY, 25),  # noqa: E501
        # "practically there is no", "drought was not in last years": what precedes is denied
        (r"there\s+(?:is|are|was|were)\s+(?:no|none|nothing)(?=\s*(?:[.;!?]|$))|(?:is|are|was|were)\s+not(?=\s+(?:in\s+(?:the\s+)?(?:last|recent|these|past)|during|since|here|there|last|these|for\s+(?:many|several|a\s+few|\d+))(?![\w']))", "no", BEFORE, NEGATE),  # noqa: E501
        # "fences we don't have": the object named before the negated verb
        (r"(?:we|i|they)\s+(?:do not|don't|dont|did not|didn't|never)\s+(?:have|had|see|saw|meet|met|notice|noticed|feel|felt|find|found|face|faced)(?=\s*(?:[.,;!?]|$)|\s+(?:here|now|any ?more|at all|in\s+(?:our|this)\s+[\w'-]+)(?=\s*(?:[.,;!?]|$)))", "no", BEFORE, NEGATE, 4),  # noqa: E501
        # a topic named and answered no: "Barriers, no, not our issue now."
        (r"(?:[\w'-]+\s+){0,3}?[\w'-]+\s*,\s*(?:no|nope)\s*,\s*(?:not|never|none|nothing|no)(?![\w'])", "no", CLAUSE, DENY),  # noqa: E501
        # "X used to be a problem, but not any more", "X is a thing of the past"
        (r"(?:[\w'-]+\s*,\s*(?:but\s+)?|but\s+)(?:not\s+any ?more|no\s+longer|not\s+(?:now|nowadays|these days)|(?:now|today|nowadays)\s+(?:it\s+|there\s+)?(?:is\s+|are\s+)?(?:no|not|none|nothing|no more|not any ?more)(?:\s+(?:here|more|any ?more))?|(?:now|today|nowadays)\s+(?:it\s+|everything\s+|all\s+)?(?:is\s+)?(?:calm|quiet|peaceful|normal|fine|ok|okay|good|in order)|since\s+then\s+(?:no|none|not|nothing|no more|never))(?=\s*(?:[.;!]|$))", "no longer", BEFORE, NEGATE, 10),  # noqa: E501
        (r"(?:is|are|was|were|has become|have become)\s+(?:now\s+)?(?:all\s+)?(?:a\s+)?things?\s+of\s+the\s+past", "no longer", BEFORE, NEGATE),  # noqa: E501
        (r"(?:stopped|ceased|ended|disappeared)(?=\s+(?:\w+\s+)?(?:years?|decades?|long|ago|since|after|when)(?![\w'])|\s*(?:[.;!]|$))", "no longer", BEFORE, NEGATE),  # noqa: E501
        (r"(?:do|does|did)\s*(?:not|n't)\s+(?:really\s+)?(?:have|get)(?:\s+(?:any|much|many|a|an))?|(?:don't|doesn't|didn't|dont|doesnt|didnt)\s+(?:really\s+)?(?:have|get)(?:\s+(?:any|much|many|a|an))?|(?:have|has|had)\s*(?:not|n't)\s+(?:had|got)(?:\s+(?:any|much|many|a|an))?|(?:haven't|hasn't|hadn't|havent|hasnt)\s+(?:had|got)(?:\s+(?:any|much|many|a|an))?", "no", AFTER, NEGATE, 3),  # noqa: E501
        (r"(?:(?:is|are|was|were)\s+(?:not|never)|isn't|aren't|wasn't|weren't|isnt|arent|wasnt|werent)\s+(?:really\s+)?something\s+(?:that\s+)?(?:we|i|you|people|anyone|anybody)\s+(?:\w+\s+)?(?:see|have|get|face|notice|worry|deal|know|hear)", "not a problem", BEFORE, DENY),  # noqa: E501
        # "nobody chases them on motorbikes": the verb's adjuncts are denied with it
        (r"(?:nobody|no one|no-one)(?:'s|\s+(?:has|have|had|will|would|even|else))?\s+(?:(?:in|from|around|at)\s+(?:(?:the|our|this|that|my|his|their|these|those)\s+)?[\w'-]+\s+)?(?:here\s+|now\s+|really\s+|ever\s+)?(?:go(?:es)?\s+after|went\s+after|gone\s+after|going\s+after|go(?:es)?\s+hunting|went\s+hunting|complain(?:s|ed)?|poisons?|poisoned|hunts?|hunted|chases?|chased|shoots?|shot|kills?|killed|traps?|trapped|poaches?|poached|snares?|sets?|catches?|caught|harms?|harmed|disturbs?|disturbed|touches?|touched|sells?|sold|buys?|bought|grazes?|grazed)", "no", CLAUSE, DENY),  # noqa: E501
        # "disease from the goats hasn't reached the saiga"
        (r"(?:(?:has|have|had)\s*(?:not|n't)|hasn't|haven't|hadn't|hasnt|havent)\s+(?:yet\s+|really\s+|ever\s+)?(?:reached|affected|crossed|touched|harmed|bothered|disturbed|threatened|troubled|spread\s+to|come\s+near|got\s+to|gotten\s+to)(?![\w'])|(?:(?:is|are|was|were)\s+not|isn't|aren't|wasn't|weren't|isnt|arent)\s+(?:really\s+|yet\s+)?(?:affecting|reaching|harming|threatening|bothering|hurting|troubling|disturbing)(?![\w'])", "not", CLAUSE, DENY),  # noqa: E501
        # "locals don't graze their sheep inside the reserve", "people here don't hunt argali"
        (r"(?:(?:do|does|did|will|would)\s*(?:not|n't)|don't|doesn't|didn't|won't|dont|doesnt|didnt)\s+(?:really\s+|ever\s+|even\s+)?(?:graze|overgraze|hunt|poach|snare|trap|poison)(?![\w'])", "not", CLAUSE, DENY),  # noqa: E501
        # "the new road does not cross their pastures": neither side is a problem
        (r"(?<!could\s)(?<!can\s)(?<!would\s)(?<!should\s)(?<!must\s)(?<!may\s)(?<!might\s)(?<!will\s)(?<!does\s)(?<!do\s)(?<!did\s)not\s+(?:really\s+|even\s+)?(?:attack|kill|harm|hurt|touch|disturb|bother|threaten|affect|damage)(?:s|ed)?(?![\w'])|(?:does|do|did|will|would)\s*(?:not|n't)\s+(?:really\s+|even\s+)?(?:(?:make|do|cause)\s+(?:any\s+|much\s+|big\s+|great\s+)?(?:damage|harm)|feel\s+(?:any\s+|much\s+)?(?:influence|impact|effect)\s+(?:of|from)|influence|impact|attack|kill|hurt|damage|injure|cross|affect|reach|touch|disturb|bother|harm|threaten|trouble|pollute|contaminate|poison|chase|complain\s+(?:about|of)|go through|pass through|cut through|run through|go near|come near|(?:come|go|get|pass|drive)\s+anywhere\s+near|(?:come|get)\s+close\s+to)|(?:has|have|had)\s+no\s+(?:\w+\s+)?(?:influence|impact|effect)\s+on|(?:doesn't|don't|didn't|won't|doesnt|dont|didnt|wont)\s+(?:really\s+|even\s+)?(?:(?:make|do|cause)\s+(?:any\s+|much\s+|big\s+|great\s+)?(?:damage|harm)|feel\s+(?:any\s+|much\s+)?(?:influence|impact|effect)\s+(?:of|from)|influence|impact|attack|kill|hurt|damage|injure|cross|affect|reach|touch|disturb|bother|harm|threaten|trouble|pollute|contaminate|poison|chase|complain\s+(?:about|of)|go through|pass through|cut through|run through|go near|come near|(?:come|go|get|pass|drive)\s+anywhere\s+near|(?:come|get)\s+close\s+to)", "not", CLAUSE, DENY),  # noqa: E501
        (r"(?:nobody|no one|no-one)(?:\s+\w+){0,2}?\s+(?:has|have|had)?\s*(?:ever\s+)?(?:seen|heard(?:\s+(?:of|about))?|found|met|encountered)", "never", EITHER, NEGATE),  # noqa: E501
        (r"i\s+(?:really\s+)?(?:do not|don't|dont|did not|didn't)\s+(?:really\s+)?know(?:\s+(?:anything|much|enough|very much|a lot))?(?:\s+(?:about|of|on))?|i\s+(?:really\s+)?know\s+nothing(?:\s+(?:at all\s+)?(?:about|of|on))?|i\s+(?:have|had)\s+no\s+(?:idea|information|knowledge|opinion)\s+(?:about|on|of)|(?:i am|i'm)\s+not\s+(?:aware|familiar|sure|informed|qualified|competent|(?:a\s+|an\s+|the\s+)?(?:specialist|expert|scientist|biologist|official))(?:\s+(?:of|with|about|on|in))?|(?:(?:it's|it\s+is|this\s+is|that's|that\s+is)\s+)?not my (?:field|area|expertise|competence|competency|profile|sphere|specialty|speciality|business)|(?:(?:i|we)\s+|(?<=,\s))(?:really\s+)?(?:cannot|can't|can not|couldn't|could not|wouldn't|would not)\s+(?:really\s+)?(?:say|comment|answer|judge|tell|know)|(?:i|we)\s+(?:really\s+)?(?:do not|don't|dont|did not|didn't|cannot|can't|can not)\s+(?:really\s+|exactly\s+)?remember|(?:hard|difficult) to say", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        # "the poachers are gone", "this problem is solved now": what precedes is over
        (r"(?:is|are|was|were)\s+(?:now\s+|already\s+|long\s+|all\s+)?gone(?!\s+(?:up|down|early|out\s+of|from))", "no longer", BEFORE, NEGATE),  # noqa: E501
        # a gap said to be solved, a resource said to be enough: "the fuel problem is solved
        # now", "we have enough rangers", "money for patrols is sufficient"
        (r"(?:is|are|was|were|has\s+been|have\s+been|got)\s+(?:now\s+|already\s+|mostly\s+|finally\s+|fully\s+|completely\s+)?(?:solved|resolved|fixed|settled)(?!\s+(?:only\s+|just\s+)?(?:on\s+paper|in\s+theory|for\s+show))|(?<!not\s)(?<!n't\s)(?:is|are|was|were)\s+(?:now\s+|quite\s+|more\s+than\s+)?(?:enough|sufficient|adequate)(?=\s*(?:[.,;!?]|$)|\s+(?:now|here|for|since|already)(?![\w']))", "no longer", BEFORE, DENY),  # noqa: E501
        # a thing said to work, to come on time, to be done regularly: "the joint patrols
        # work well", "the fuel comes on time", "the census is done every spring" (not
        # "doesn't work", "never comes on time", "works only on paper")
        (r"(?<!not\s)(?<!n't\s)(?<!dont\s)(?<!never\s)(?<!hardly\s)(?<!barely\s)(?:works?|worked|working|runs?|ran|running|goes|went)\s+(?:really\s+|very\s+|quite\s+|pretty\s+|just\s+|perfectly\s+)?(?:well|fine|smoothly)(?!\s+(?:only\s+|just\s+)?(?:on\s+paper|in\s+theory|for\s+show))(?![\w'])|(?<!not\s)(?<!n't\s)(?<!never\s)(?<!rarely\s)(?<!seldom\s)(?<!always\s)(?:comes?|came|arrives?|arrived|(?:is|are|was|were)\s+(?:paid|delivered))\s+(?:always\s+)?on\s+time|(?:teams?|patrols?|rangers?|inspectors?|vets?|veterinarians?|scientists?|researchers?|biologists?|money|salar(?:y|ies)|wages?|fuel|funding|funds|payments?|compensation|census|count|survey|surveys|expeditions?|supplies)\s+(?:(?:always|still|now)\s+)?(?:comes?|came|goes|went|arrives?|arrived)\s+(?:out\s+|here\s+)?(?:regularly|every\s+(?:year|spring|autumn|fall|summer|winter|season|month|january|february|march|april|may|june|july|august|september|october|november|december))(?![\w'])|(?<!not\s)(?<!n't\s)(?<!never\s)(?:do|does|did)\s+(?:their|its|his|her|our)\s+(?:job|work)\s+(?:properly|well|right|fine|as\s+they\s+should)|(?<!not\s)(?<!n't\s)(?:is|are|was|were)\s+(?:now\s+)?(?:done|carried\s+out|conducted|held|made)\s+(?:regularly|every\s+(?:year|spring|autumn|fall|summer|winter|season|month|january|february|march|april|may|june|july|august|september|october|november|december)|each\s+(?:year|spring|autumn|season))", "not a problem", BEFORE, DENY, 10),  # noqa: E501
        # a sentence that says only that it works: "Works fine.", "It works well."
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:(?:and\s+)?(?:it|that|this|everything|all)(?:'s|\s+is)?\s+)?(?:works?|working|goes|going|runs?|running)\s+(?:really\s+|very\s+|quite\s+|pretty\s+|just\s+|perfectly\s+)?(?:well|fine|smoothly)(?:\s+(?:now|so\s+far))?(?=\s*(?:[.!]|$))", "not a problem", CLAUSE, DENY),  # noqa: E501
        (r"(?<!not\s)(?<!n't\s)(?<!dont\s)(?<!never\s)(?<!hardly\s)(?:have|has|had|got|get|there\s+(?:is|are|was|were))\s+(?:now\s+|already\s+)?(?:enough|sufficient|adequate)(?!\s+(?:problems?|troubles?|worries|headaches?|poachers?)(?![\w']))", "no longer", AFTER, DENY, 5),  # noqa: E501
        # "the drought passed by our area", "the mine was closed in 2018": what precedes is over
        (r"(?:passed|went)\s+(?:by|around|past)\s+(?:us|our|this|the)(?![\w'])|bypassed\s+(?:us|our|this)(?![\w'])|(?<!hunting\s)(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+|already\s+|long\s+)?(?:closed(?:\s+down)?|shut(?:\s+down)?|abandoned)(?!\s+(?:for|to|off)(?![\w']))", "no longer", BEFORE, NEGATE),  # noqa: E501
        # "the mine closed in 2015", "the trucks stopped coming": what precedes is over (a
        # resource, "the patrols stopped coming", stays the gap)
        (r"(?<!they\s)(?<!we\s)(?<!he\s)(?<!she\s)(?<!i\s)(?<!who\s)(?:closed|shut)(?:\s+down)?\s+(?:in\s+(?:\d{4}|the\s+\d{4}s)|(?:\w+\s+)?years?\s+ago|long\s+ago|last\s+year|for\s+good)|(?:(?:has|have|had)\s+)?(?:stopped|ceased)\s+(?:coming|running|going|operating|driving|passing)", "no longer", BEFORE, NEGATE),  # noqa: E501
        # "we stopped finding carcasses in the wire": what is no longer found is denied
        (r"(?:(?:has|have|had)\s+)?(?:long\s+)?(?:stopped|quit|ceased)\s+(?:finding|seeing|meeting|hearing(?:\s+(?:of|about))?|getting|having|catching|noticing|coming\s+across|picking\s+up)", "no longer", AFTER, NEGATE),  # noqa: E501
        (r"(?:has|have|had)\s+(?:completely\s+|now\s+|almost\s+)?(?:stopped|ceased|disappeared|ended|gone)|(?:has|have|had|was|were)\s+(?:been\s+)?(?:completely\s+)?(?:removed|dismantled|taken down)", "no longer", BEFORE, NEGATE),  # noqa: E501
        # a barrier taken away: "they took the bottom wires off", "the rangers removed the fence"
        (r"(?:took|taken|pulled|tore|torn|removed|dismantled|lifted)\s+(?:(?:down|out|up|away)\s+)?(?:(?:the|their|its|our|some|most|all|part|sections?|stretches?|parts?)\s+(?:of\s+)?){0,3}(?:[\w'-]+\s+){0,2}?(?:fences?|fencing|wires?|wiring|barriers?|mesh|nets?|netting|strands?|gates?)(?:\s+(?:down|out|off|up|away))?", "no longer", CLAUSE, DENY),  # noqa: E501
        # "Snares? Not one.", "Poachers? None at all.": the topic echoed, then not one of it
        (r"[\w'-]+\?(?=\s*(?:(?:no|nope|nah|well)\W+)?(?:not\s+(?:a\s+)?(?:single\s+)?one|none(?:\s+at\s+all)?|not\s+a\s+(?:single\s+)?(?:thing|trace|sign|one))(?:\s+[\w']+){0,4}?\s*(?:[.!,;]|$))", "no", BEFORE, NEGATE),  # noqa: E501
        # "not a single tenge was missing", "not one month was the pay late": the resource
        # is in place (a problem stays: "not a single day without poaching")
        (r"not\s+(?:a\s+single|one|a)\s+(?:tenge|penny|cent|dollar|rouble|ruble|tugrik|som|somoni|dime|day|month|week|payment)s?\s+(?:of\s+\S+\s+)?(?:was|were|has\s+been|had\s+been|went|got|came)\s+(?:[\w']+\s+){0,3}?(?:missing|short|late|lost|delayed|held\s+back|cut)", "not a problem", CLAUSE, AFFIRM),  # noqa: E501
        # the animals themselves have died out or vanished: the harm named before is the
        # complaint ("Because of the fences the kulan have died out here")
        (r"(?<![\w-])(?<!among\s)(?<!among\sthe\s)(?<!in\s)(?<!in\sthe\s)(?<!of\s)(?<!of\sthe\s)(?:saigas?|kulans?|khulans?|argalis?|gazelles?|leopards?|ibex(?:es)?|antelopes?|animals?|wildlife|deer|wild\s+ass(?:es)?)\s+(?!(?:[\w'-]+\s+){0,4}?(?:poach|hunt|trader|dealer|smuggl|trapper)\w*)(?:[\w'-]+\s+){0,4}?(?:have|has|had)\s+(?:(?:simply|just|all|long|largely|completely|since|now|totally|nearly|almost)\s+){0,2}(?:died\s+out|vanished|disappeared|gone)(?![\w'])", "", AFTER, NONE),  # noqa: E501
        # "the mange has burnt itself out", "the dealers have simply vanished": it is over
        (r"(?:has|have|had)\s+(?:(?:simply|just|all|long|largely|completely|since|now|totally)\s+){0,2}(?:burn[te]d?\s+(?:itself|themselves)\s+out|died\s+(?:out|down|away)|petered\s+out|fizzled\s+out|(?:vanished|disappeared)(?!\s+(?:into|with|in|across|over|behind|through|up|across|again|before)(?!\w)))|(?:burnt|burned)\s+(?:itself|themselves)\s+out|(?:died|petered|fizzled)\s+out", "no longer", BEFORE, NEGATE, 12),  # noqa: E501
        # "the count went ahead without a hitch": what went on is in order, whatever its
        # polarity
        (r"(?:went|gone|go|goes|ran|run|runs|passed|came|come)\s+(?:\w+\s+)?(?:off\s+|ahead\s+|through\s+)?without\s+(?:a|any)\s+(?:single\s+)?(?:hitch|hiccup|glitch|problem|problems|issue|issues|trouble|snag)(?:es|s)?", "not a problem", CLAUSE, AFFIRM, 10),  # noqa: E501
        # a short sentence that only points back: "Herders used to shoot the leopard. That
        # stopped years ago." (the problems of the sentence before; a resource stays the gap:
        # "The WWF paid for the patrols. That stopped in 2019.")
        (r"(?<![^.!?;:\s])(?<![^.!?;:] )(?:(?:but|and|well|now)\s*,?\s+)?(?:(?:that|it|this|all\s+that|all\s+of\s+that)\s+(?:(?:all|just|simply|finally|completely|has|had|long|since)\s+){0,3}(?:stopped|ended|died\s+out|came\s+to\s+an\s+end|is\s+(?:all\s+)?(?:over|gone|history)|was\s+(?:all\s+)?over)|(?:that's|it's)\s+(?:all\s+)?(?:over|gone|history|in\s+the\s+past))(?:\s+(?:now|then|since|a\s+(?:long\s+)?while\s+ago|long\s+ago|(?:years|ages|decades)\s+ago|(?:\w+\s+){1,2}(?:ago|back)|in\s+\d{4}))?(?=\s*(?:[.!]|$))", "no longer", PREVIOUS, NEGATE, 40),  # noqa: E501
        # "the joint survey ran as planned", "the count went like clockwork": in order
        (r"(?:went|goes|go|ran|runs|run|proceeded|proceeds|happened|happens|took\s+place|takes\s+place|came\s+off|went\s+off)\s+(?:(?:exactly|just|all|fully|always|every\s+year|this\s+year)\s+){0,2}(?:as\s+(?:planned|scheduled)|on\s+schedule|to\s+plan|like\s+clockwork|smoothly)(?![\w'])", "not a problem", CLAUSE, AFFIRM, 10),  # noqa: E501
        # "so it's not a border thing": the matter named is denied
        (r"(?:(?:it's|it\s+is|that's|that\s+is|this\s+is|it\s+was|that\s+was)\s+not|(?:it|that|this)\s+(?:isn't|wasn't))\s+(?:really\s+|just\s+)?(?:a|an)\s+(?:[\w-]+\s+){1,2}?(?:thing|issue|matter|question)(?![\w'])", "not a problem", CLAUSE, DENY, 8),  # noqa: E501
        # the rhetorical "who would set a snare here, with the post next door?": nobody
        # would (not "who would stop the poachers here?", nobody does)
        (r"(?<![^.!?;:\s])(?<![^.!?;:] )(?:(?:and|but|so|well|now)\s*,?\s+)?who(?:'d|\s+would|\s+will|\s+is\s+going\s+to|'s\s+going\s+to)\s+(?:(?:ever|dare|even|bother)\s+(?:to\s+)?)?(?!(?:\w+\s+){0,2}?(?:stop|catch|arrest|fine|punish|control|patrol|protect|guard|help|pay|fund|chase|check|report|inform|complain|testify|turn\s+in|count|monitor|survey|study|research|track|collar|record))(?:\w+\s+){0,5}?(?:here|there|now|round\s+here|around\s+here|in\s+this\s+\w+)(?=[^.!?]{0,60}\?)", "no", CLAUSE, DENY),  # noqa: E501
        (r"no longer|not any ?more|no more", "no longer", EITHER, NEGATE),
        (r"(?:do|does|did)\s*(?:not|n't)\s+(?:\w+\s+){0,8}?(?:any ?more|these days|now)|(?:don't|doesn't|didn't|dont|doesnt|didnt)\s+(?:\w+\s+){0,8}?(?:any ?more|these days)", "no longer", EITHER, NEGATE),  # noqa: E501
        # "livestock is not going to the reserve", "poachers never come into the valley"
        # (not of the ones who should go there: "the rangers don't go into the gorge" is a gap)
        (r"(?<!ranger\s)(?<!rangers\s)(?<!inspector\s)(?<!inspectors\s)(?<!police\s)(?<!patrol\s)(?<!patrols\s)(?<!guards\s)(?<!wardens\s)(?<!officials\s)(?<!staff\s)(?<!scientists\s)(?<!researchers\s)(?:(?:do|does|did)\s*(?:not|n't)|don't|doesn't|didn't|dont|doesnt|didnt|(?:is|are|was|were)\s+not|isn't|aren't|wasn't|weren't|never)\s+(?:really\s+|even\s+)?(?:go(?:es|ing)?|com(?:e|es|ing)|enter(?:s|ing)?|graz(?:e|es|ing)|wander(?:s|ing)?)\s+(?:to|into|inside|near|up\s+to)\s+(?:the|our|this|that|their)(?=\s)", "not", CLAUSE, DENY),  # noqa: E501
        # "herders do not take their goats up to the cliffs": the herds not moved are denied
        # with the ones who do not move them (after "don't … any more", which is "no longer")
        (r"(?:(?:do|does|did|will|would)\s*(?:not|n't)|don't|doesn't|didn't|won't|dont|doesnt|didnt)\s+(?:really\s+|ever\s+|even\s+)?(?:take|bring|drive|send|let|move|put|keep)\s+(?:(?:their|the|our|his|her|any|its)\s+)?(?:livestock|goats|sheep|herds?|flocks?|cattle|yaks|camels|horses|cows|animals)(?![\w'])", "not", CLAUSE, DENY),  # noqa: E501
        # "neither the villagers nor the rangers are the problem": both sides are denied
        (rf"neither\s+(?:[\w'-]+\s+){{1,5}}?nor\s+(?:[\w'-]+\s+){{1,5}}?(?:is|are|was|were)\s+(?:really\s+)?(?:{_ADJ}(?:problem|issue|threat|concern|danger|cause|reason)s?|to blame|at fault|responsible)", "not a problem", CLAUSE, DENY, 12),  # noqa: E501
        (r"neither|nor", "neither-nor", AFTER, NEGATE, 8),
        # "we escaped the dzud this winter", "our pastures are clear of snares": what was
        # escaped or kept away is denied
        (r"(?:escaped|avoided|dodged|stayed\s+clear\s+of|kept\s+clear\s+of|(?:is|are|was|were|stays?|stayed|remains?|remained|kept|been)\s+(?:\w+\s+)?clear\s+of)(?=\s+(?:the|any|this|that|last|all|every|most|much|both)(?![\w'])|\s+[\w'-]+\s*(?:[.,;!?]|$|\s(?:this|that|last|so|until|thanks|in|now|here|for)(?![\w'])))", "without", AFTER, NEGATE, 4),  # noqa: E501
        # "the disease passed us by", "poaching has left our valley alone": what precedes is
        # denied
        (r"(?:passed|passes|went|goes|has\s+passed|had\s+passed)\s+(?:us|them|our\s+[\w'-]+|the\s+[\w'-]+|this\s+[\w'-]+)\s+by|(?:has|have|had)?\s*(?:left|leaves?)\s+(?:us|them|our\s+[\w'-]+|the\s+[\w'-]+|this\s+[\w'-]+)\s+alone", "without", BEFORE, NEGATE, 5),  # noqa: E501
        # "people stopped setting snares", "we have stopped finding carcasses": the action
        # stopped is denied with its object (a resource stopped, "stopped counting", is the
        # gap)
        (r"(?:(?:has|have|had)\s+)?(?:stopped|quit|ceased|gave\s+up)(?=\s+[\w'-]+ing(?![\w']))(?!\s+(?:reporting|complaining|telling|talking|speaking|writing|fighting|catching|arresting|fining|punishing|prosecuting|checking|chasing)(?![\w']))", "no longer", AFTER, NEGATE, 5),  # noqa: E501
        # "the rangers don't take bribes": the bribe-taking and who would take them are denied
        (r"(?:(?:do|does|did|will|would)\s*(?:not|n't)|don't|doesn't|didn't|won't|dont|doesnt|didnt|never|(?:nobody|no\s+one|no-one)(?:\s+(?:here|now|ever))?)\s+(?:really\s+|ever\s+|even\s+)?(?:takes?|took|taken|accepts?|accepted|asks?\s+for|demands?|gives?|gave|pays?|paid|offers?)\s+(?:any\s+)?(?:bribes?|kickbacks?|backhanders?)(?![\w'])", "not", CLAUSE, DENY),  # noqa: E501
        # "there hasn't been a single case of poaching since 2019", "not one case of X"
        (r"(?:(?:has|have|had)\s*(?:not|n't)|hasn't|haven't|hadn't|hasnt|havent)\s+(?:ever\s+)?been\s+(?:a\s+single|any|one|a)\s+(?:(?:reported|recorded|registered|confirmed)\s+)?(?:cases?|incidents?|instances?|reports?|episodes?|occurrences?)\s+of|(?:not|never)\s+(?:a\s+single|one|once\s+a)\s+(?:(?:reported|recorded|registered|confirmed)\s+)?(?:case|incident|instance|report|episode)\s+of", "no", AFTER, NEGATE, 5),  # noqa: E501
        # "no gazelle deaths on the road", "no kills from the fence": the cause goes with it
        (r"no\s+(?:more\s+)?(?:[\w'-]+\s+)?(?:deaths?|kills?|collisions?|casualties|carcasses|losses|injuries|accidents?)\s+(?:on|in|at|from|by|near|along|under)(?![\w'])", "no", CLAUSE, DENY),  # noqa: E501
        # "free of any quarrel with the neighbours", "without any trouble with the other side":
        # a dispute denied takes both sides with it
        (r"(?:free\s+(?:of|from)|without)\s+(?:any\s+|the\s+)?(?:\w+\s+)?(?:conflicts?|tensions?|trouble|disputes?|problems?|issues?|clash(?:es)?|friction|quarrels?|disagreements?|hitch(?:es)?|difficult(?:y|ies))\s+(?:with|between)", "without", CLAUSE, DENY),  # noqa: E501
        # "the reserve has been spared the corruption": what it was spared is denied
        (r"(?:(?:has|have|had)\s+been|(?:is|are|was|were)(?:\s+(?:so\s+far|largely|mostly|luckily|thankfully))?|got|been)\s+spared(?=\s+(?:the|any|all|such|most|much)(?![\w']))", "without", AFTER, NEGATE, 4),  # noqa: E501
        # "free of fences and mines": the list goes with it
        (r"free\s+(?:of|from)\s+(?:[\w'-]+\s+){0,2}?[\w'-]+(?:\s*,\s*[\w'-]+(?:\s+[\w'-]+)?)*\s*,?\s+(?:and|or)\s+(?:any\s+)?[\w'-]+(?:\s+[\w'-]+)?", "without", CLAUSE, DENY),  # noqa: E501
        (r"without|free (?:of|from)|clean (?:of|from)|absence of|lack of|lacking|shortage of", "without", AFTER, NEGATE, 3),  # noqa: E501
        (r"(?:unaffected|untouched|unharmed|undisturbed|untroubled|unthreatened)\s+by|spared\s+(?:from|by)|safe\s+from|immune\s+to|(?:(?:is|are|was|were|has been|have been)\s+(?:not|never)|isn't|aren't|wasn't|weren't|isnt|arent|(?:has|have|had)\s+(?:not|never)\s+been|(?:hasn't|haven't|hadn't)\s+been)\s+(?:\w+\s+)?(?:threatened|affected|harmed|disturbed|troubled|touched|hit|hurt|bothered|influenced|impacted)\s+(?:by|from)|(?:(?:do|does|did)\s*(?:not|n't)|don't|doesn't|didn't|dont|doesnt|didnt|not|never)\s+(?:really\s+|much\s+)?suffer(?:s|ed)?\s+(?:much\s+)?(?:from|of|because\s+of)", "without", AFTER, NEGATE, 3),  # noqa: E501
        # "(we've) never heard of X passing from Y to Z": what was never heard of is denied
        (r"(?:(?:i|we|he|she|they)(?:'ve|'d|\s+have|\s+has|\s+had)?\s+)?(?:never|not\s+once)\s+(?:ever\s+)?heard\s+(?:of|about|tell\s+of)", "never", CLAUSE, DENY, 12),  # noqa: E501
        (r"(?:never|not once|not ever)\s+(?:been\s+)?(?:(?:heard|hear)(?:\s+(?:of|about))?|seen|saw|see|found|recorded|observed|noticed|happened|occurred|existed|met|encountered|had)(?:\s+(?:or|nor)\s+(?:(?:heard|hear)(?:\s+(?:of|about))?|seen|saw|see|found|recorded|observed|noticed|happened|occurred|existed|met|encountered|had))?", "never", EITHER, NEGATE, 10),  # noqa: E501
        (r"never|not once|not ever", "never", AFTER, NEGATE),
        # "there haven't been any snares", "there weren't many poachers"
        (r"(?:(?:has|have|had)\s+not\s+been|(?:hasn't|haven't|hadn't)\s+been|(?:is|are|was|were)\s+not|isn't|aren't|wasn't|weren't)\s+(?:any|many|much)", "no", AFTER, NEGATE),  # noqa: E501
        (r"(?:do|does|did|have|has|had)\s*(?:not|n't)\s+(?:\w+\s+)?(?:(?:heard|hear)(?:\s+(?:of|about))?|see|seen|saw|observe[sd]?|notice[sd]?|occur(?:red|s)?|happen(?:ed|s)?|exist(?:ed|s)?|come|came|appear(?:ed|s)?|found|find|record(?:ed)?|encounter(?:ed)?|meet|met)|(?:is|are|was|were)\s+(?:not|no longer)\s+(?:seen|observed|found|recorded|present|encountered|noticed|happening|occurring|a thing|registered|noted|detected|met|fixed|conducted|carried\s+out|practi[cs]ed|going\s+on|taking\s+place)|(?:(?:has|have)\s+)?not\s+(?:been\s+)?(?:registered|recorded|noted|detected|met|observed|encountered)(?![\w'])|(?:does|do|did)\s+not\s+exist|(?:doesn't|don't|didn't)\s+exist|(?:is|are|was|were)\s+(?:absent|non ?existent|unheard of)", "not", EITHER, NEGATE),  # noqa: E501
        # "not a single snare", "we haven't found a single wire loop": the next words only
        (r"(?:not|never|\w+n't|dont|didnt|havent|hasnt)\s+(?:\w+\s+)?(?:a|one)\s+single", "no", AFTER, NEGATE, 2),  # noqa: E501
        (r"(?:it's|it is|it was|its|that's|that is)\s+not(?:\s+(?:the|about|because of|due to|just))?", "not", AFTER, NEGATE, 4),  # noqa: E501
        (r"not\s+(?:the|a|an|our|their|your)|rather than", "not", AFTER, NEGATE, 3),
        (r"nobody|no one|nothing", "no", AFTER, NEGATE, 2),
        (r"no|none|zero|hardly any|few if any", "no", AFTER, NEGATE),
        (r"(?:not|never)\s+to", "not", AFTER, NEGATE, 2),
        (r"not|cannot|\w+n't|dont|doesnt|didnt|isnt|arent|wasnt|werent", "not", AFTER, NEGATE, 1),  # noqa: E501
    ],
    "ru": [
        (r"не только|не просто|не менее|не раз|не зря|нельзя не|не столько|не так давно|не единожды", "", AFTER, NONE),  # noqa: E501
        # a lack denied: "нехватки данных нет", "нет недостатка в учётах", "на нехватку данных
        # никто не жалуется": the resource is in place, a problem term stays
        (r"(?:нехватк[иау]|недостат(?:ка|ок)|дефицит[а]?)\s+(?:в\s+)?(?:\S+\s+){0,3}?(?:у\s+(?:нас|них|меня)\s+)?(?:(?:тоже|пока|никогда)\s+)?(?:нет|нету|не\s+было|не\s+наблюдается|не\s+испытыва\w+|никто\s+не\s+жалу\w+|не\s+жалу\w+)(?!\w)", "not a problem", CLAUSE, AFFIRM, 8),  # noqa: E501
        (r"(?:нет|нету|не\s+было|не\s+испытыва\w+|не\s+ощуща\w+)\s+(?:никакой\s+|никакого\s+)?(?:нехватки|недостатка|дефицита)(?:\s+в)?", "not a problem", AFTER, AFFIRM, 4),  # noqa: E501
        # "джейраны в канале не застревают", "чабаны не гонят отары к роднику": the barrier
        # the animals are not caught by, the herding and where it would go, are denied
        (r"не\s+(?:застрева\w+|застрян\w+|запутыва\w+|запутаю\w+|цепля\w+|гон(?:ят|ит|яли|ял)|гоня(?:ют|ет|ли|л)|пригон\w+|выгон(?:ят|ит|яют|яли)|перегон(?:ят|яют|яли)|вод(?:ят|ит|или)|пас(?:ут|ёт|ет|ли)|выпаса\w+)(?!\w)", "not", CLAUSE, DENY),  # noqa: E501
        # "никто не берёт взяток", "взяток не берут": bribe-taking and who would take them
        # are denied
        (r"(?:никто\s+)?не\s+(?:бер[её]т|берут|брал\w*|бер[её]м|дают|да[её]т|давал\w*|требу\w+|вымога\w+)\s+(?:\S+\s+)?(?:взят\w+|мзд\w+|откат\w+)|(?:взят\w+|откат\w+)\s+(?:\S+\s+){0,2}?(?:никто\s+)?не\s+(?:бер[её]т|берут|брал\w*|бер[её]м|дают|да[её]т|давал\w*|требу\w+|вымога\w+)", "not", CLAUSE, DENY),  # noqa: E501
        # "гибели сайги на дороге не было", "ящур до нас не дошёл": the loss with its cause,
        # the threat that did not reach, are denied
        (r"(?:гибел\w+|столкновени\w+|наезд\w+|случа\w+\s+гибели)\s+(?:\S+\s+){0,4}?(?:не\s+было|нет|не\s+зафиксирова\w+|не\s+отмеча\w+|не\s+отмечено)(?!\w)|до\s+(?:нас|них|него|не[её]|\S+)\s+(?:так\s+и\s+|пока\s+|ещё\s+|еще\s+)?не\s+(?:дош[её]л\w*|дошла|дошло|дошли|добрал\w+|доход\w+|докатил\w+)|не\s+(?:дош[её]л|дошла|дошло|дошли|докатил\w+)\s+до(?!\w)", "not", CLAUSE, DENY),  # noqa: E501
        # "без всяких проблем с соседями": a dispute denied takes both sides with it
        (r"без\s+(?:каких-(?:либо|то)\s+|всяких\s+|особых\s+|никаких\s+)?(?:проблем|конфликтов|споров|разногласий|трений|осложнений|сложностей|ссор)\s+(?:с|со|между)(?!\w)", "without", CLAUSE, DENY),  # noqa: E501
        # impunity, not a denial: "браконьерам у нас ничего не грозит"
        (r"(?:браконьер|нарушител|охотник)\w*\s+(?:\w+\s+){0,2}?(?:ничего|никак\w*|ничем)\s+не\s+(?:гроз\w+|будет|бывает|делают|сделают|угрожа\w+|рискуют)", "", AFTER, NONE),  # noqa: E501
        (r"(?:браконьер|нарушител)\w*\s+(?:\w+\s+){0,3}?(?:никто\s+)?не\s+(?:трога\w+|тронут|тронул\w*|наказыва\w+|наказал\w*|сажа\w+|посадил\w*)", "", AFTER, NONE),  # noqa: E501
        # "угрозы от скота я не вижу", "не видим угрозы от туристов", "дороги тут ни при чём"
        (r"(?:угроз\w*|опасност\w*|проблем\w*)\s+(?:\S+\s+){0,5}?не\s+(?:вид\w+|вижу)|не\s+(?:вид\w+|вижу)\s+(?:\w+\s+)?(?:угроз\w*|опасност\w*|проблем\w*)(?:\s+(?:от|в|со?)\s+\S+(?:\s+\S+)?)?", "not a problem", CLAUSE, DENY),  # noqa: E501
        # a question back about the survey or the one asking: "Зачем вам знать про
        # браконьеров?", "А вы от кого? Кто вам это поручил?"
        (r"(?<![^.!?;:\s])(?<![^.!?;:]\s)(?:(?:а|ну|да|так|слушайте|погодите)\s*,?\s+){0,4}(?:зачем|для\s+чего|кому|кто|от\s+кого|откуда|с\s+какой\s+целью)\s+(?:[\w-]+\s+){0,2}?(?:вам|вы|тебе|ты|вас)(?:\s+[\w-]+){0,2}?\s+(?:знать|нужн\w*|надо|спрашива\w+|интересу\w+|поручил\w*|прислал\w*|послал\w*|направил\w*|плат\w+|опрос\w*|анкет\w*|это|эти|такое|пишете|записыва\w+)(?!\w)[^.!?;\n]{0,60}?(?=\?)", "asked back", CLAUSE, UNKNOWN, 30),  # noqa: E501
        # a topic only echoed: "Браконьерство, говорите? Браконьерство..."
        (r"(?<![^.!?;:\s])(?<![^.!?;:]\s)(?P<echo>[\w-]+(?:\s+[\w-]+){0,3}?)(?:\s+[\w-]+){0,4}?\s*(?:,\s*(?:говорите|говоришь|спрашиваете|значит))?\s*(?:\?|\.{1,3}|,|…|!)\s*(?:(?:ну|да|хм+|э+|так|вот|а)\s*(?:\.{1,3}|,|…)?\s*){0,4}(?P=echo)(?![\w-])(?:\s*,?\s*(?:говорите|говоришь|значит))?(?=\s*(?:[.?!…,]|$))", "echo", CLAUSE, UNKNOWN, 16),  # noqa: E501
        # today's weather, small talk: "сегодня ветрено, буран обещали"
        (r"(?:сегодня|с\s+утра|вчера|завтра|нынче\s+утром)\s+(?:[\w-]+\s+){0,2}?(?:ветрено|ветер\w*|холодно|жарко|тепло|солнечно|пасмурно|дожд\w*|снег\w*|буран\w*|метел\w*|пург\w*|погод\w*|мороз\w*|обещали)(?!\w)[^.!?;\n]{0,40}", "small talk", CLAUSE, DENY, 15),  # noqa: E501
        # a note that someone denies it: "респондент отрицает наличие конфликтов"
        (r"(?:отрица\w+|опроверга\w+|опроверг\w*)(?:\s+(?:наличие|факт\w*|существование|случаи))?", "not", CLAUSE, DENY, 8),  # noqa: E501
        # rhetorical "какие тут браконьеры", "какая засуха, у нас дожди всё лето": none
        (r"(?<![^.!?;:\s])(?<![^.!?;:]\s)(?:(?:да|ну|ой|ах|эх)\s*,?\s+)*как(?:ие|ая|ой|ое|их)(?:\s+(?:тут|там|здесь|у\s+нас|ещ[её]|такие|такая|такой))*(?=\s+[\w-]+(?:\s+[\w-]+)?\s*(?:[,!—–]|\.(?!\.)|$))", "no", AFTER, NEGATE, 2),  # noqa: E501
        # a reported claim denied: "говорят, что заборы мешают сайге, но это не так",
        # "про перевыпас пишут — ерунда это"
        (r"(?:(?:но|а|только|да)\s+)?(?:(?:это|всё\s+это|все\s+это|это\s+всё|это\s+все)\s+)?(?:совсем\s+|вовсе\s+|абсолютно\s+)?(?:не\s+так|(?<!не\s)(?:неправда|вран[её]|ерунда|чепуха|сказки|выдумки|брехня|враки))(?:\s+(?:это|всё|все))?(?=\s*(?:[.!?;]|$))", "not a problem", SENTENCE, DENY, 25),  # noqa: E501
        # a denial and its explanation: "с данными у нас проблем нет: ошейники стоят …",
        # "пастбища от перевыпаса не страдают: скота мало …"; "браконьеры сюда не суются:
        # кордон рядом"
        (rf"не\s+(?:\w+\s+)?(?:встреча\w+|наблюда\w+|появля\w+|заход\w+|приход\w+|су[юе]т\w*|сунут\w*|забреда\w+){_RU_WHY_COLON}", "not", CLAUSE, DENY),  # noqa: E501
        (rf"(?:(?:с|со)\s+(?:\S+\s+){{1,3}}?(?:у\s+(?:нас|них|меня)\s+)?(?:(?:никаких|особых|больших|тоже|также)\s+)?(?:проблем\w*|трудност\w*|сложност\w*|вопрос\w*)\s+(?:(?:тоже|также|никаких|особых|давно|уже|больше|сейчас|теперь)\s+)?(?:нет|нету|не\s+было)|(?:(?:больше|уже|сейчас|теперь|давно|вообще)\s+)?не\s+(?:является\s+|считается\s+|была\s+|было\s+|был\s+|были\s+)?(?:(?:такой|особой|большой|главной|серь[её]зной)\s+)?(?:проблем\w*|угроз\w*|бед\w*)|(?:проблем\w*|угроз\w*)\s+(?:(?:у\s+нас|здесь|тут|никаких|особых)\s+){0,4}(?:нет|нету|не\s+было)|не\s+(?:страда\w+|пострада\w+)(?:\s+от\s+\w+)?){_RU_WHY}", "not a problem", CLAUSE, DENY),  # noqa: E501
        (r"(?:(?:больше|уже|сейчас|теперь|давно)\s+)?не\s+(?:является|являются|являлось|являлся|являлась|была|было|был|были|представляет|представляют|составляет|составляют|считается|стоит)?\s*(?:\w+\s+){0,2}?(?:проблем\w*|угроз\w*|опасност\w*|беда|бедой)|не\s+(?:так\s+|особо\s+|очень\s+|слишком\s+)?(?:страш\w+|актуальн\w*|критичн\w*|опасн\w*)|не\s+представля\w+\s+(?:\w+\s+)?(?:угроз\w*|опасност\w*|проблем\w*)|(?:проблем\w*|угроз\w*)\s+(?:нет|не\s+было|отсутству\w+)|(?:находится\s+|находятся\s+)?под\s+контролем", "not a problem", BEFORE, DENY),  # noqa: E501
        # "ни жители, ни охотхозяйство угрозы для оленя не представляют": the object first
        # two negations that assert: "без учёта мы не сидим" (we are never without counts),
        # "киргизы данными делиться не отказываются": the resource is in place (a problem
        # stays: "от петель браконьеры не отказываются")
        (r"без\s+(?:\S+\s+){1,2}?(?:(?:мы|они|он|она|я|никто|тоже|никогда|уже|давно)\s+){0,2}не\s+(?:сид(?:им|ят|ит|ел\w*)|оста(?:ёмся|емся|ются|ётся|ется)|остан(?:емся|утся|ется)|оставал\w*|остал(?:ись|ся|ась)|жив(?:ём|ем|ут|ёт|ет))|(?:не|никогда\s+не)\s+отказыва(?:ются|ется|лись|лся|лась)|(?:не|никогда\s+не)\s+отказал(?:ись|ся|ась)", "not a problem", CLAUSE, AFFIRM),  # noqa: E501
        # "с цифрами ни малейших проблем", "с соседями никаких сложностей — …": the topic
        # and the explanation after the dash are denied
        (rf"(?:с|со)\s+(?:\S+\s+){{1,3}}?(?:у\s+(?:нас|них|меня)\s+)?(?:(?:вообще|совсем|тоже|также|сейчас|теперь)\s+)?(?:ни\s+(?:малейш\w+|одной|единой)|никаких)\s+(?:проблем\w*|трудност\w*|сложност\w*|заминок|накладок|перебоев|сбоев)(?!\w)(?:{_RU_WHY})?", "not a problem", CLAUSE, DENY),  # noqa: E501
        (r"(?:угроз\w*|опасност\w*|проблем\w*)\s+(?:[\w-]+\s+){0,3}?не\s+(?:представля\w+|составля\w+|явля\w+|несут|нес[её]т)", "not a problem", BEFORE, DENY),  # noqa: E501
        (r"(?:нет\s+(?:у\s+(?:нас|них|меня)\s+)?(?:\w+\s+)?|никаких\s+)(?:проблем\w*|угроз\w*|трудност\w*|сложност\w*)\s+(?:с|со|от|из-за|по)", "not a problem", AFTER, DENY),  # noqa: E501
        # "с данными у нас проблем нет", "с соседями никаких вопросов нет"
        (r"(?:с|со)\s+(?:\S+\s+){1,3}?(?:у\s+(?:нас|них|меня)\s+)?(?:(?:никаких|особых|больших|тоже|также)\s+)?(?:проблем\w*|трудност\w*|сложност\w*|вопрос\w*)\s+(?:(?:тоже|также|никаких|особых|давно|уже|больше|сейчас|теперь)\s+)?(?:нет|нету|не\s+было|не\s+возника\w+)", "not a problem", CLAUSE, DENY),  # noqa: E501
        (r"(?:с|со)\s+(?:\S+\s+){1,3}?(?:у\s+(?:нас|них|меня)\s+)?(?:(?:тоже|также|сейчас|теперь)\s+)?вс[её]\s+(?:в\s+порядке|нормально|хорошо|спокойно)", "not a problem", CLAUSE, DENY),  # noqa: E501
        # "конфликтов между чабанами и инспекторами нет": neither side is a problem
        (r"(?:никаких\s+)?(?:конфликт\w*|споров|вражды|ссор|трени\w+)\s+(?:(?:у\s+нас\s+)?(?:с|со|между)\s+(?:\S+\s+){1,4}?)?(?:(?:у\s+нас|здесь|тут|давно|уже|больше|никаких|особых)\s+){0,3}(?:нет|нету|не\s+было|не\s+бывает)|(?:нет|нету|не\s+было)\s+(?:никаких\s+|особых\s+)?(?:конфликт\w*|споров|вражды|ссор)", "not a problem", CLAUSE, DENY),  # noqa: E501
        (r"ни\s+при\s+ч[её]м", "not a problem", BEFORE, DENY),
        # no complaints: "жалоб от фермеров нет", "фермеры на сайгу не жалуются",
        # "компенсаций никто не требует"; "…, бензин дают, тут претензий нет" (what the
        # sentence named before it)
        (r"(?:(?:тут|здесь|так\s+что|по\s+этой\s+части|в\s+этом\s+плане|на\s+этот\s+сч[её]т|к\s+ним|к\s+нему|к\s+этому|и)\s+){1,4}(?:(?:у\s+(?:нас|меня)|никаких|особых)\s+){0,4}(?:(?:претензий|жалоб|нареканий|вопросов|проблем)\s+(?:(?:у\s+(?:нас|меня)|никаких)\s+)?(?:нет|нету|не\s+было|не\s+имею|не\s+имеем)|(?:(?:у\s+нас|с\s+этим|в\s+этом)\s+)?вс[её]\s+(?:(?:более\s+или\s+менее|более-менее|вполне)\s+)?(?:нормально|в\s+порядке|хорошо|отлично|налажено|путём|путем))(?=\s*(?:[.!?;]|$))", "not a problem", SENTENCE, DENY, 25),  # noqa: E501
        (r"(?:никаких\s+)?(?:жалоб|претензий|нареканий)\s+(?:(?:от|со\s+стороны|у|к)\s+\S+(?:\s+\S+)?\s+)?(?:(?:у\s+нас|никаких|тоже|давно|уже|больше|сейчас|теперь|особых)\s+){0,2}(?:нет|нету|не\s+было|не\s+поступа\w+|не\s+поступило)|(?:нет|нету|не\s+было|не\s+поступа\w+)\s+(?:никаких\s+|особых\s+)?(?:жалоб|претензий|нареканий)|(?:никто\s+(?:\w+\s+){0,2}?)?не\s+жалу\w+|никто\s+(?:\w+\s+){0,2}?не\s+(?:треб\w+|прос(?:ит|ят|ил\w*)|обраща\w+)", "not a problem", CLAUSE, DENY),  # noqa: E501
        # the law and its guards said to work: "закон строгий", "суды работают", "зарплата
        # нормальная"
        (r"(?:закон\w*|штраф\w*|охран\w*|контрол\w*|наказан\w*|суд|суды|инспекц\w*|егер\w*|финансирован\w*|зарплат\w*)\s+(?:(?:у\s+нас|тут|здесь|сейчас|теперь|очень|достаточно|вполне)\s+){0,4}(?:строг\w*|ж[её]стк\w*|хорош\w*|над[её]жн\w*|нормальн\w*|приличн\w*|больш\w*|работа(?:ет|ют))(?=\s*(?:[.,;!?]|$))", "not a problem", CLAUSE, DENY),  # noqa: E501
        # "не скажу, что браконьеров много": what one would not say is denied
        (r"не\s+(?:скажу|сказал\s+бы|назову|назвал\s+бы)\s*,?\s*(?:что|чтоб(?:ы)?)(?!\w)", "not", CLAUSE, DENY, 10),  # noqa: E501
        # "да перевелись они у нас, браконьеры-то": the topic put after the denial
        (r"(?:перевел(?:ись|ся|ась|ось)|нет|нету|не\s+стало|не\s+осталось|кончил\w*|закончил\w*)(?:\s+(?:они|их|его|е[её]|у\s+нас|тут|здесь|давно|уже|совсем|вс[её]))*\s*,(?=\s*[\w-]+-то(?:\s*[.!?]|$))", "no longer", AFTER, NEGATE, 2),  # noqa: E501
        # no bribes: "инспектора взяток не берут"
        (r"(?:взят(?:ок|ки)|взяточ\w*|мзд\w*)\s+(?:\w+\s+){0,2}?не\s+бер\w+|не\s+бер(?:ут|[её]т)\s+(?:\w+\s+)?(?:взят(?:ок|ки)|мзд\w*)", "not", CLAUSE, DENY),  # noqa: E501
        # the wildlife not disturbed or trampling nothing: "туристы зверя не беспокоят",
        # "сайга посевы не топчет", "волки на скот не нападают"
        (r"(?:звер\w*|животн\w*|сайг\w*|джейран\w*|архар\w*|кулан\w*|дзерен\w*|олен\w*|козерог\w*|барс\w*|их|его|е[её])\s+(?:\w+\s+)?не\s+(?:беспоко\w+|трево\w+|пуга\w+|распуга\w+)|не\s+(?:беспоко\w+|трево\w+|пуга\w+)\s+(?:звер\w*|животн\w*|сайг\w*|джейран\w*|архар\w*|кулан\w*|дзерен\w*|олен\w*)|не\s+(?:топч\w+|вытапт\w+|потрав\w+|напада\w+|задира\w+|реж(?:ет|ут)|таска(?:ет|ют)|загрязня\w+|давят|давит|трав(?:ят|ит|или|ил)|отравля\w+|мст(?:ят|ит|или|ил))", "not", CLAUSE, DENY),  # noqa: E501
        # "проблемы с волками давно решены"; "заповедник от дорог и заборов свободен"
        (r"(?:проблем\w*|вопрос\w*)\s+(?:\S+\s+){0,4}?(?:(?:давно|уже|полностью|успешно|наконец|окончательно)\s+)?(?<!не\s)(?:решен\w*|решил\w*|снят\w*|закрыт\w*)(?!\s+(?:только\s+)?на\s+бумаге)|от\s+(?:\S+\s+){1,4}?свобод\w+", "not a problem", CLAUSE, DENY),  # noqa: E501
        (r"(?:это\s+)?не\s+про\s+нас|не\s+(?:\w+\s+)?помех\w*", "not a problem", BEFORE, DENY),
        # a resource said to be enough: "денег на патрули теперь хватает", "людей хватает"
        # (not "не хватает", a complaint; not "браконьеров хватает", plenty of them)
        (r"(?:денег|деньжат|средств|финансирования|людей|инспекторов|егерей|рейнджеров|сотрудников|кадров|техники|машин|транспорта|топлива|бензина|солярки|горючего|оборудования|фотоловушек)\s+(?:\S+\s+){0,3}?(?:(?:теперь|сейчас|уже|вполне|тоже|также|всегда)\s+){0,4}(?<!не\s)(?:хватает|хватило|достаточно)(?!\s+(?:только|лишь))|(?<!не\s)(?:хватает|хватило)\s+(?:(?:теперь|сейчас|уже|вполне|и)\s+){0,4}(?:денег|средств|финансирования|людей|инспекторов|егерей|сотрудников|кадров|техники|машин|топлива|бензина|горючего|оборудования)", "not a problem", CLAUSE, DENY),  # noqa: E501
        # a thing said to work, to come on time, to be done regularly: "совместное
        # патрулирование работает хорошо", "зарплата приходит вовремя", "учёт проводим каждую
        # весну" (not "не работает", "работает только на бумаге", "никогда не приходит вовремя")
        (r"(?<!не\s)(?:работа(?:ет|ют|ло|ли)|действу(?:ет|ют)|налажен\w*)\s+(?:(?:у\s+нас|сейчас|теперь|вполне|очень|уже)\s+){0,4}(?:хорошо|отлично|нормально|исправно|чётко|четко|слаженно|как\s+часы|без\s+сбоев)(?!\s+(?:только|лишь)\s+на\s+бумаге)|(?<!не\s)(?:приход(?:ит|ят)|поступа(?:ет|ют)|выплачива(?:ет|ют)ся|выда(?:ют|ётся|ется)|плат(?:ят|ится))\s+(?:(?:всегда|теперь|сейчас)\s+)?(?:вовремя|в\s+срок|регулярно|исправно)|(?<!не\s)(?:провод(?:им|ят|ится|ятся)|дела(?:ем|ют|ется)|счита(?:ем|ют)|учитыва(?:ем|ют))\s+(?:(?:его|их|учёт|учет|мониторинг|подсч[её]т)\s+)?(?:регулярно|ежегодно|каждую\s+(?:весну|осень|зиму)|каждое\s+лето|каждый\s+(?:год|сезон|месяц)|весной\s+и\s+осенью)", "not a problem", BEFORE, DENY, 8),  # noqa: E501
        # equipment newly put in place: "фотоловушки новые поставили", "выдали две машины"
        # (of equipment only: "петли поставили" is poaching; not "…, нужно больше")
        (r"(?:(?<!не\s)(?:фотоловушк\w*|камер\w*|фотокамер\w*|ошейник\w*|машин\w*|автомобил\w*|уаз\w*|техник\w*|оборудовани\w*|бинокл\w*|раци\w*|дрон\w*|квадрокоптер\w*|снегоход\w*|мотоцикл\w*)\s+(?:(?:нам|новые|новых|две|два|три|ещё|еще|тоже|также|уже|сейчас|теперь)\s+){0,3}(?<!не\s)(?:поставили|установили|закупили|купили|выдали|привезли|получили|дали|выделили)|(?<!не\s)(?:поставили|установили|закупили|купили|выдали|привезли|получили|дали|выделили)\s+(?:(?:нам|новые|новых|две|два|три|пять|ещё|еще|тоже|также|уже|сейчас|теперь|\d+)\s+){0,3}(?:фотоловушк\w*|камер\w*|фотокамер\w*|ошейник\w*|машин\w*|автомобил\w*|уаз\w*|техник\w*|оборудовани\w*|бинокл\w*|раци\w*|дрон\w*|квадрокоптер\w*|снегоход\w*|мотоцикл\w*))(?!\s*,?\s*(?:но\s+|а\s+)?(?:(?:их|ещё|еще)\s+)?(?:нужно|надо|нужны|нужен|мало|маловато|не\s+хватает|недостаточно))", "not a problem", CLAUSE, DENY),  # noqa: E501
        # what was complained of is over: "раньше данных не давали, теперь уже не так — ..."
        (r"(?:теперь|сейчас|нынче|ныне)\s+(?:уже\s+|вс[её]\s+)?(?:не\s+так|иначе|по-другому)(?=\s*(?:[.!?;—–:-]|$))", "no longer", SENTENCE, DENY, 40),  # noqa: E501
        (r"(?<=не\sтак\s)[—–:-]\s*[^.!?;]+|(?<=не\sтак)[—–:-]\s*[^.!?;]+|(?<=иначе\s)[—–:-]\s*[^.!?;]+", "no longer", CLAUSE, DENY, 20),  # noqa: E501
        # a question of the topic answered "never heard of such a thing": "Чтобы кто-то рога
        # скупал? Не слышал такого."
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,160}?\?\s+(?:(?:нет|да\s+нет|ну)\s*,?\s+)?(?:(?:я|мы|никогда|ни\s+разу)\s+){0,4}не\s+(?:слышал\w*|слыхал\w*|видел\w*|видали|встречал\w*)\s+(?:(?:я|мы)\s+)?(?:такого|подобного|ничего\s+(?:такого|подобного)|об\s+этом|про\s+такое|про\s+это)", "never", CLAUSE, DENY),  # noqa: E501

        (r"(?:проблем\w*|трудност\w*|сложност\w*)\s+(?:с|со|по)\s+(?:\S+\s+){1,3}?(?:тоже\s+|также\s+|особых\s+)?(?:нет|не было|не возникает)", "not a problem", CLAUSE, DENY),  # noqa: E501
        # "не знаю, есть ли у нас браконьеры", "кто его знает, может и есть": the
        # question one cannot answer goes with the ignorance
        (r"(?:(?:я\s+)?(?:даже\s+|толком\s+|точно\s+)?не\s+знаю|понятия\s+не\s+имею|без\s+понятия|не\s+могу\s+сказать|сложно\s+сказать|трудно\s+сказать|кто\s+(?:ж|же|его)\s+знает|откуда\s+(?:мне|нам)\s+(?:это\s+)?знать)\s*,\s*(?:что\s+там|как\s+там|где|есть\s+ли|был\w*\s+ли|бывают\s+ли|водятся\s+ли|что\s+(?:сказать|ответить)|может)(?![\w'])(?:(?!(?<!\w)(?:но|а|однако|зато|хотя)(?!\w))[^.!?;])*", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        (r"(?:я\s+)?(?:ничего\s+)?не\s+знаю(?:\s+ничего)?(?:\s+(?:о|об|про))?|у\s+меня\s+нет\s+(?:\w+\s+)?(?:информации|сведений|данных|мнения)|затрудняюсь\s+(?:ответить|сказать)|не\s+могу\s+(?:сказать|ответить|судить)|не\s+в\s+курсе|не\s+владею\s+(?:информацией|вопросом)|не\s+компетентен|не\s+компетентна|(?:сложно|трудно|тяжело)\s+(?:сказать|судить)|понятия\s+не\s+имею|без\s+понятия|(?:ещ[её]\s+)?не\s+(?:разобрал\w*|разбира\w+)|(?:ничего\s+)?(?:сказать|ответить)\s+не\s+могу|ничего\s+не\s+скажу|не\s+скажу(?=\s*(?:[.,;!?]|$))|кто\s+(?:ж|же|его)\s+знает|(?:я\s+)?не\s+(?:специалист|эксперт|знаток)|не\s+(?:моя|мо[её])\s+(?:тема|область|сфера|дело)|не\s+по\s+моей\s+части|(?:я\s+)?(?:\w+\s+)?не\s+занимаюсь|(?:(?:мне|нам)\s+откуда\s+(?:это\s+|такое\s+)?знать|откуда\s+(?:мне|нам)\s+(?:это\s+|такое\s+)?знать|откуда\s+(?:ж|же)\s+(?:мне|нам)\s+знать)|(?:(?:про|о|об|насч[её]т)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:(?:лучше|вообще)\s+)?(?:не\s+надо|не\s+спрашивайте|не\s+будем|не\s+стоит)|давайте\s+(?:без\s+этого|не\s+будем|об\s+этом\s+не\s+будем)|не\s+для\s+записи)|(?:отказал\w*|отказыва\w+)\s+(?:от\s+)?(?:отвечать|комментари\w*|ответа|говорить|интервью|разговора)(?:\s+на\s+(?:эти\s+|мои\s+|наши\s+)?вопрос\w*)?(?:\s+(?:о|об|про|по|насч[её]т)\s+[\w-]+(?:\s+[\w-]+)?)?|от\s+(?:комментари\w*|ответ\w*)\s+(?:[\w-]+\s+){0,3}?отказал\w*|(?:я\s+)?не\s+(?:буду|хочу|стану)\s+(?:я\s+)?(?:(?:об\s+этом|про\s+это|на\s+эту\s+тему|(?:про|о|об|насч[её]т)\s+[\w-]+(?:\s+[\w-]+)?)\s+)?(?:говорить|рассказывать|отвечать|комментировать|врать|судить)|я\s+не\s+(?:буду|стану)(?=\s*(?:[.,;!?]|$))", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        # the question sent elsewhere: "Это вы не ко мне, это в акимат", "спросите у егерей"
        (r"(?:это\s+)?(?:вы\s+)?не\s+(?:ко\s+мне|по\s+адресу)(?:\s*,\s*(?:это\s+)?(?:вам\s+)?(?:лучше\s+)?(?:в|во|к|ко)\s+[\w-]+(?:\s+[\w-]+)?)?|(?:спросите|спрашивайте|обратитесь|обращайтесь)\s+(?:лучше\s+)?(?:у|в|во|к|ко)\s+[\w-]+(?:\s+[\w-]+)?|(?:(?:вы|вам|это|лучше)\s+){0,4}(?:у|в|во|к|ко)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:спросите|спрашивайте|узнайте|обратитесь|обращайтесь|уточните)|(?:лучше|надо|нужно|стоит)\s+(?:\w+\s+)?(?:спросить|спрашивать|узнать|уточнить)\s+(?:у|в|во)\s+[\w-]+(?:\s+[\w-]+)?|(?:это\s+)?вопрос\s+(?:к|ко)\s+[\w-]+(?:\s+[\w-]+)?(?=\s*,\s*(?:а\s+)?не\s+ко\s+мне)", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        # the question echoed before its answer: "Браконьерство? Нет, …", "Заборы? У нас их нет."
        (r"[\w-]+\?(?=\s*(?:(?:ну|да|а|нет)\W+)?(?:нет|нету|никогда|откуда|какое\s+там)(?!\w)|\s*(?:[^\s.,;:!?]+\s+){0,4}?(?:нет|нету|не\s+было|не\s+встречал\w*|не\s+слышал\w*|не\s+видел\w*)(?=\s*[.,;:!?]|\s*$))", "no", BEFORE, NEGATE),  # noqa: E501
        # "Браконьеров-то? Да перевелись они у нас.", "Забор? Так его давно убрали."
        (r"[\w-]+\?(?=\s*(?:(?:ну|да|так|а|эх)\W+)*(?:[^\s.,;:!?]+\s+){0,8}?(?:перевел(?:ись|ся|ась|ось)|убрали|снесли|разобрали|демонтировал\w*|закрыли|не\s+стало(?!\s+(?:меньше|больше|лучше|хуже))|(?:давно|уже)\s+(?:нет|нету))(?!\w))", "no longer", BEFORE, NEGATE),  # noqa: E501
        # "Браконьерство? Ну… сложно сказать.": the topic echoed, then the answer is ignorance
        (r"[\w-]+\?(?=\s*(?:(?:ну|да|а|хм|эх|так)\W+)*(?:(?:сложно|трудно|тяжело)\s+(?:сказать|судить)|(?:я\s+)?не\s+знаю|не\s+могу\s+(?:сказать|ответить)|без\s+понятия|понятия\s+не\s+имею|не\s+в\s+курсе|затрудняюсь|кто\s+(?:ж|же|его)\s+знает))", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        # "X было бедой в девяностые, сейчас этого уже нет": what the sentence named before
        # "не слышал, чтобы кто-то продавал рога", "такого, чтобы собаки сайгу гоняли, я не
        # видел", "чтоб петли ставили — я такого никогда не слышал": what is said never to
        # have been seen or heard of is denied whole, whatever its polarity
        (r"(?:(?:я|мы)\s+)?(?:(?:никогда|ни\s+разу|в\s+жизни|вроде|что-то|как-то|даже|тут|здесь|у\s+нас)\s+){0,4}не\s+(?:слышал\w*|слыхал\w*|видел\w*|видали|встречал\w*|помн\w+|припомн\w+|замечал\w*|знаю)\s*,?\s*(?:чтоб(?:ы)?|как)(?!\w)", "never", CLAUSE, DENY, 12),  # noqa: E501
        (r"так(?:ого|ое)\s*,?\s*чтоб(?:ы)?\s[^.!?;]{1,100}?(?:не|никогда\s+не|ни\s+разу\s+не|в\s+жизни\s+не)\s+(?:слышал\w*|слыхал\w*|видел\w*|видали|встречал\w*|помн\w+|припомн\w+|замечал\w*|было|бывало)", "never", CLAUSE, DENY),  # noqa: E501
        (r"(?:(?:я|мы|вроде|никогда|ни\s+разу|в\s+жизни|что-то|как-то|даже|лично|тут|здесь|у\s+нас)\s+){0,4}(?:эт(?:ого|ой|их|о)|так(?:ого|ое|ой|их)|подобного|ничего\s+подобного)\s+(?:(?:я|мы|уже|давно|больше|сейчас|теперь|тоже|вообще|вроде|никогда|ни\s+разу|в\s+жизни|что-то|как-то|даже|лично|тут|здесь|у\s+нас)\s+){0,4}не\s+(?:слышал\w*|слыхал\w*|видел\w*|видали|встречал\w*|помн\w+|припомн\w+|наблюдал\w*|замечал\w*|бывало)", "never", SENTENCE, DENY, 25),  # noqa: E501
        (r"(?:(?:эт(?:ого|ой|их)|так(?:ого|ой|их)|подобного|их)(?:\s+(?:беды|проблемы|напасти|явления|бедствия|угрозы))?|с\s+этим)\s+(?:(?:уже|давно|больше|сейчас|теперь|тоже|вообще|почти|совсем|у\s+нас|здесь|тут)\s+){0,3}(?:нет|нету|не\s+стало(?!\s+(?:меньше|больше|лучше|хуже))|не\s+бывает|не\s+было|не\s+осталось|покончено)", "no longer", SENTENCE, NEGATE, 25),  # noqa: E501
        # a short sentence that only points back: "Раньше чабаны стреляли барса. Лет пять уже
        # такого не слышно." (the problems of the sentence before; a resource stays the gap:
        # "Раньше инспекторам платили нормально. Теперь такого нет.")
        (r"(?<![^.!?;:\s])(?<![^.!?;:]\s)(?:(?:но|а|и|да|ну)\s+)?(?:(?:уже|уж|давно|больше|теперь|сейчас|лет\s+[\w-]+|года?\s+[\w-]+|[\w-]+\s+лет|[\w-]+\s+года?)\s+){0,3}(?:такого|этого|подобного|такое|это|вс[её]\s+это)\s+(?:(?:уже|уж|давно|больше|тут|здесь|у\s+нас|и|совсем|вообще|давным-давно)\s+){0,3}(?:не\s+(?:слышно|видно|бывает|случается|встречается)|нет|нету|не\s+стало|прекратил(?:ось|ся|ись)|кончил(?:ось|ся|ись)|закончил(?:ось|ся|ись)|ушло\s+в\s+прошлое)(?=\s*(?:[.!…]|$))", "no longer", PREVIOUS, NEGATE, 40),  # noqa: E501
        # "браконьерства у нас уже лет пять как нет", "давно уж как не стало"
        (r"(?:уже|уж|давно)\s+(?:[\w-]+\s+){0,4}?как\s+(?:нет|нету|не\s+стало|не\s+слышно|не\s+видно|не\s+бывает|перевел\w+|прекратил\w*|перестал\w*)", "no longer", EITHER, NEGATE, 8),  # noqa: E501
        (r"(?:больше|уже|более|давно)\s+не(?:т)?(?:\s+(?:наход\w+|нашли|видим|видели|встреча\w+|попада\w+))?|прекратил\w*|перестал\w*|перевел(?:ись|ся|ась|ось)|не\s+стало(?!\s+(?:меньше|больше|лучше|хуже))|(?:почти\s+)?не\s+осталось", "no longer", EITHER, NEGATE),  # noqa: E501
        # "джуты у нас кончились", "кончились браконьеры" (not what runs out to be missed:
        # "корма кончились", "вода закончилась")
        (r"(?<![\w-])(?<!не\s)(?<!корма\s)(?<!корм\s)(?<!сено\s)(?<!вода\s)(?<!воды\s)(?<!деньги\s)(?<!бензин\s)(?<!запасы\s)(?:за)?кончил(?:ись|ся|ась|ось)(?!\s+бы(?!\w))(?!\s+(?:корм|сен|вод|деньг|день|средств|бензин|топлив|запас|терпени|продукт))", "no longer", EITHER, NEGATE),  # noqa: E501
        # "браконьерство ушло в прошлое", "джуты остались в прошлом", "это всё в прошлом"
        (r"(?:ушл\w*|уш[её]л|остал\w*|канул\w*)\s+(?:в\s+прошлое|в\s+прошлом|в\s+лету)|(?:это\s+|вс[её]\s+){1,3}в\s+прошлом|в\s+прошлом(?=\s*(?:[.,;!?]|$))", "no longer", BEFORE, NEGATE),  # noqa: E501
        # "заборы давно убрали", "рудник давно закрылся", "канал забросили"
        (r"(?:(?:давно|уже|давно\s+уже)\s+)?(?:убрали|убран[аоы]?|демонтирова\w+|разобрали|разобран[аоы]?|снесли|снес[её]н\w*|сняли(?!\s+на\s)|сняты|ликвидирова\w+|срыли|срезали|спилили|забросили|заброшен\w*|закрыл(?:ся|ась|ось|ись|и))", "no longer", BEFORE, NEGATE),  # noqa: E501
        # "и" does not end a clause ("без заборов и дорог"), but "браконьеров нет и скот
        # пасут", "засуха и нет воды", "засуха и никто не помогает" are two: "нет" there
        # reaches one side only
        (r"(?:нет|нету)(?=\s+и\s)", "no", BEFORE, NEGATE),
        (r"и\s+(?:нет|нету)", "no", AFTER, NEGATE),
        (r"и\s+(?:ничего|никто(?!\s+(?:\w+\s+)?не\s+(?:останавлива|остановил|лов|поймал|наказ|задержива|задержал|пресека|контролиру|бор[еоя]т|следит|следил|проверя|штрафу|охраня|защища|преследу)))", "no", AFTER, NEGATE, 3),  # noqa: E501
        (r"не\s+(?:было|был|была|были|бывает|стало)(?=\s+и\s)", "not", BEFORE, NEGATE),
        # "ни местные, ни приезжие охотники на джейрана не ходят": both subjects of the
        # negated action are denied, whatever their polarity
        (r"ни\s+(?:[^\s,.;:!?]+\s+){0,3}?[^\s,.;:!?]+\s*,?\s*ни\s+(?:[^\s,.;:!?]+\s+){0,5}?не\s+(?:ход|охот|бь|бил|стреля|вред|угрожа|пас|выгоня|став|добыва|убива|представля|нес)\w*", "neither-nor", CLAUSE, DENY),  # noqa: E501
        # "Петель — ни одной", "браконьеров не видели ни одного": not one of what the
        # clause named before (a resource stays the gap: "машин — ни одной")
        # "граница на него никак не влияет", "не влияют на сайгу ни дороги, ни заборы": what
        # has no bearing on the animals is denied
        (r"на\s+(?:него|не[её]|них|зверя|звер[еи]й|животных|популяци\w+|сайг\w+|кулан\w+|джейран\w+|архар\w+|барс\w+|олен\w+|дзерен\w+|козерог\w+)\s+(?:(?:никак|вообще|особо|совсем|нисколько|почти|тоже|уже)\s+){0,2}не\s+(?:влия\w+|сказыва\w+|отража\w+)", "not a problem", BEFORE, DENY, 6),  # noqa: E501
        (r"(?:никак\s+|вообще\s+|особо\s+|совсем\s+|нисколько\s+)?не\s+(?:влия\w+|сказыва\w+)\s+(?:\w+\s+)?на\s+(?:него|не[её]|них|зверя|звер[еи]й|животных|популяци\w+|сайг\w+|кулан\w+|джейран\w+|архар\w+|барс\w+|олен\w+|дзерен\w+|козерог\w+)", "not a problem", EITHER, DENY, 6),  # noqa: E501
        # the rhetorical "кто ж тут стрелять будет, когда кордон рядом?": nobody would (not
        # "кто же тут будет ловить браконьеров?", who would stop them)
        (r"(?<![^.!?;:\s])(?<![^.!?;:]\s)(?:(?:да|ну|а)\s*,?\s+)?кто\s+(?:ж|же)\s+(?:тут|здесь|сюда|туда|у\s+нас|теперь|сейчас)\s+(?!(?:[\w-]+\s+){0,3}?(?:останавлива|ловит|лови|ловл|бор[оея]|охраня|защища|помога|следит|следи|контрол|наказ|штраф|плат|финансир|дава|дад|жалова|пожалу|сообща|сообщ|донос|заявля|заяв))(?:[\w-]+\s+){0,3}?(?:будет|будут|станет|стане[тм]|полезет|пойд[её]т|сунется|рискн[её]т)(?=[^.!?]{0,60}\?)", "no", CLAUSE, DENY),  # noqa: E501
        # "браконьеров — ноль", "ноль случаев браконьерства": zero of it (a resource stays
        # the gap: "финансирования — ноль")
        (r"(?:ровно\s+|круглый\s+|полный\s+)?ноль(?=\s*(?:[.,;!?]|$))", "no", BEFORE, NEGATE, 6),
        (r"ноль(?=\s+\w)", "no", AFTER, NEGATE, 3),
        # "петель давно не видать", "не слыхать у нас про браконьеров"
        (r"не\s+(?:видать|слыхать)", "no", EITHER, NEGATE),
        # the rhetorical "откуда тут браконьеры?" (where would they come from): none (a
        # resource stays the gap: "откуда у нас деньги на бензин?")
        (r"(?<![^.!?;:\s])(?<![^.!?;:]\s)(?:(?:да|ну|а)\s*,?\s+)?откуда(?:\s+(?:тут|здесь|у\s+нас|сейчас|теперь|ж|же|им|взяться)){1,3}(?=\s[^.!?]{1,60}\?)(?![^.!?]{0,30}?(?<!\w)(?:боят\w*|боя\w*ся|опаса\w*|стесня\w*|страш\w*))", "no", AFTER, NEGATE, 4),  # noqa: E501
        # "наказали браконьеров — ни одного" (not one was punished): a complaint
        (r"(?<!\w)(?:наказал|поймал|задержал|оштрафовал|посадил|осудил|арестовал|привлекл)\w*\s+(?:[^\s.!?]+\s+){0,3}?[—–-]?\s*ни\s+(?:одн(?:ой|ого)|единой|единого)", "", AFTER, NONE),  # noqa: E501
        (r"ни\s+(?:одн(?:ой|ого)|единой|единого|одной\s+штуки)(?=\s*(?:[.,;:!?—–]|$))", "no", BEFORE, NEGATE, 6),  # noqa: E501
        (r"ни", "neither-nor", AFTER, NEGATE),
        (r"без|отсутстви\w+|нехватк\w+|недостат\w+|не\s+хватает|свобод\w+\s+от|избавил\w*\s+от|избав\w+\s+от|(?:чист|очищен)\w*\s+от", "without", AFTER, NEGATE, 3),  # noqa: E501
        # "зима у нас сайгака не губит", "трасса их путь не затрагивает", "нас это не коснулось":
        # neither the one that does not harm nor the one not harmed is a problem
        (r"(?:нам|им|ему|ей|мне|нас)\s+не\s+меша\w+|(?:нас|меня|их)\s+(?:\w+\s+)?не\s+(?:беспоко\w+|трево\w+)|(?!браконьер|нарушител|охотник)\w+(?:ам|ям|ым)\s+не\s+меша\w+|(?<!браконьерам\s)(?<!нарушителям\s)(?<!охотникам\s)(?:ничего\s+|никак\s+)?не\s+гроз(?:ит|ят|ил\w*)|(?:прош[её]л|прошла|прошло|прошли)\s+(?:\w+\s+)?стороной|(?<!браконьерам\s)(?<!нарушителям\s)(?<!охотникам\s)не\s+меша\w+(?=\s*(?:[.,;:!?]|$))|миновал\w*|не\s+(?:охот\w+|бь[её]т|бьют|стреля\w+)|(?<!браконьерам\s)(?<!нарушителям\s)(?<!охотникам\s)не\s+(?:особо\s+|очень\s+|сильно\s+|так\s+уж\s+)?(?:губ(?:ит|ят|ил\w*)|погуб\w+|вред(?:ит|ят|ил\w*)|навред\w+|угрожа\w+|затрагива\w+|затрону\w*|задел\w*|задева\w+|зацепил\w*|пересека\w+|каса\w+|коснул\w+|испытыва\w+)|обош(?:ел|ёл|ла|ло|ли)\s+(?:\w+\s+)?стороной", "not", CLAUSE, DENY),  # noqa: E501
        (r"не\s+(?:страда\w+|пострада\w+)\s+от|не\s+(?:затрон\w+|затрагива\w+|подверж\w+|угрожа\w+|беспоко\w+|трево\w+)|обход\w+\s+без", "without", AFTER, NEGATE, 4),  # noqa: E501
        # "пастбища от перевыпаса не страдают": what suffers is named before the verb
        # "от засухи, слава богу, не пострадали": a parenthesis between
        (r"от\s+\S+(?:\s+\S+)?\s*,\s*(?:слава\s+богу|к\s+счастью|тьфу-тьфу|к\s+слову)\s*,\s*(?:\S+\s+)?не\s+(?:страда\w+|пострада\w+|затрону\w*|задел\w*)", "without", CLAUSE, DENY),  # noqa: E501
        (r"не\s+(?:страда\w+|пострада\w+)", "without", BEFORE, DENY),
        (r"(?:никогда|ни\s+разу|отродясь|сроду|в\s+жизни)\s+не\s+(?:слышал\w*(?:\s+(?:о|об|про))?|слыхал\w*|видел\w*|видели|встреча\w*|наблюда\w*|было|был\w*|бывал\w*|попада\w*|наход\w*|нашли|нашел|нашёл)", "never", EITHER, NEGATE),  # noqa: E501
        (r"впервые\s+(?:слыш\w+|вижу|видим|узна\w+)", "never", EITHER, NEGATE),
        # never built: "дорогу через ущелье так и не построили"
        (r"(?:так\s+и\s+)?не\s+(?:построил\w*|достроил\w*|проложил\w*|провели|протянул\w*|начал\w*\s+строить|стал\w*\s+строить)", "never", EITHER, NEGATE),  # noqa: E501
        (r"никогда(?:\s+не)?|ни\s+разу(?:\s+не)?|отродясь(?:\s+не)?|сроду(?:\s+не)?|не\s+(?:припомн\w+|помн\w+)(?:\s*,?\s*чтобы)?|слыхом\s+не\s+слыхива\w+", "never", AFTER, NEGATE),  # noqa: E501
        (r"(?:и\s+)?не\s+(?:\w+\s+)?(?:наблюда\w+|отмеча\w+|встреча\w+|замеч\w+|замет\w+|выявл\w+|зафиксир\w+|было|был|была|были|бывает|происход\w+|существу\w+|видел\w*|видим|вижу|видно|приход\w+|появля\w+|обнаруж\w+|слышал\w*(?:\s+(?:о|об|про))?|слыхал\w*|наход\w+|нашли|нашел|нашёл|ход(?:ят|ит|или|ил)|вед[её]тся|ведутся|провод(?:ятся|ится)|су[юе]т\w*|сунут\w*|езд(?:ят|ит|или|ил)|приезжа\w+|заезжа\w+|заход\w+|зайд\w+|забреда\w+|забред\w+|возника\w+|возник\w*|пас(?:ут|ет|ёт|ли)|выгоня\w+|гоня\w+|вод(?:ят|ит|или)|бега\w+|бегут|став(?:ят|ит|или|ил)|поднима\w+|подним\w+|кочу\w+|откочев\w+)|отсутству\w+", "not", EITHER, NEGATE),  # noqa: E501
        (r"(?:дело|причина|беда|проблема|угроза|вопрос)\s+не\s+(?:в|во)|не\s+из-за|не\s+(?:в|во)(?=\s+(?:\w+\s+){1,2}дело)", "not", AFTER, NEGATE, 3),  # noqa: E501
        # "никто у нас архара не бьёт и скот туда не выгоняет", "на дзерена никто не ходит":
        # the verb's object and adjuncts are denied with it
        (r"никто\s+(?:\w+\s+){0,3}?не\s+(?:бь[её]т|бьют|бил\w*|охот\w+|стреля\w+|став(?:ит|ят|ил\w*)|пас(?:[её]т|ут|л\w*)|выгоня\w+|загоня\w+|вод(?:ит|ят|ил\w*)|гоня\w+|гон(?:ит|ят)|трав(?:ит|ят|ил\w*)|ход(?:ит|ят|ил\w*)(?=\s*(?:[.,;:!?]|$)|\s+на\s)|добыва\w+|убива\w+|прода[её]т|продают|скупа\w+)", "no", CLAUSE, DENY),  # noqa: E501
        # "никто не ставит петли" denies the snares; "никто не останавливает браконьеров"
        # (nobody stops the poachers) does not deny the poachers
        (r"никто\s+(?:\w+\s+){0,3}?не(?!\s+(?:останавлива|остановил|лов|поймал|наказ|задержива|задержал|пресека|контролиру|бор[еоя]т|следит|следил|проверя|штрафу|охраня|защища|преследу)\w*)", "no", EITHER, NEGATE, 3),  # noqa: E501
        (r"ничего|никто", "no", EITHER, NEGATE, 2),
        (r"нет|нету|никак\w+", "no", EITHER, NEGATE),
        # "скота у нас мало", "скотины немного": few of a problem is no problem (a resource
        # that is scarce, "мало воды", stays the gap)
        # (before it only at a clause's end: "глубокий снег и мало добычи" says nothing of snow)
        (r"(?<!не\s)(?:мало|немного)(?=\s*(?:[.,;:!?]|$))", "no", BEFORE, NEGATE, 3),
        (r"(?<!не\s)(?:мало|немного)(?!\s+(?:кто|что|того|ли|не|где|чем|когда))", "no", AFTER, NEGATE, 3),  # noqa: E501
        (r"не", "not", AFTER, NEGATE, 1),
    ],
    "zh": [
        # traditional characters stand beside the simplified ones: [没沒]
        # a lack denied before its object: "我们不缺数据" (the resource is in place; "不缺偷猎的"
        # still speaks of poaching)
        (r"(?<![不没沒])(?:并|並|也|都|从)?不缺(?:乏)?(?=[^。!?！？;；,，.、\s])", "not a problem", AFTER, AFFIRM, 6),  # noqa: E501
        # "不管是偷猎还是放牧，在这里都不是问题", "无论X还是Y都没有": everything named
        (r"(?:不管|不[论論]|[无無][论論])是?[^。!?！？;；\n]{1,20}?[,，]?[^。!?！？;；\n,，]{0,8}?都(?:不是|不算|[谈談]不上|算不上|[没沒]有?|不存在|不成|不[构構]成|[没沒][见見][过過]|[没沒][听聽][说說][过過]?)", "neither-nor", CLAUSE, DENY, 10),  # noqa: E501
        (r"不[仅僅]|不只|不但|不[断斷]|不少|不[错錯]|不同|不停|不久|不管|不[论論]|毫不|不得不|[并並]不少", "", AFTER, NONE),  # noqa: E501
        # a topic named first and then denied by a sentence-final clause that names nothing
        # of its own: "偷猎？我们这儿没有。",
        # "套子、夹子这些东西，我在山里转了这么多年，一次也没见过。"
        # (the cue runs from the sentence's start, so that it reaches over the commas)
        (r"(?<![^。!?！？;；\n])(?:[^。!?！？;；\n,，]{1,12}?[?？])?(?:(?!但|可是|不[过過]|却|卻)[^。!?！？;；\n]){1,24}?[?？,，](?:(?:(?!但|可是|不[过過]|却|卻)[^。!?！？;；\n,，]){1,16}?[,，?？]){0,2}(?:[对對]|在)?(?:我们|我們|咱们|咱們|我|俺们|俺們|俺)?(?:这儿|這兒|这里|這裡|这边|這邊|这块|這塊|那儿|那兒|那边|那邊|那里|那裡|村里|村裡|山里|山裡|当地|當地|本地|[^。!?！？;；\n,，]{1,4}?(?:里|裡|这儿|這兒|这里|這裡|这边|這邊|一带|一帶))?" + _ZH_AT_ALL + r"*(?:(?:不算|不是|算不上|[谈談]不上|不成|不[构構]成)(?:什[么麼]|啥|大|多大的?|主要的?)?" + _ZH_TROUBLE + r"|影[响響](?:不大|很小|[较較]小|有限|甚微|[轻輕]微|不明[显顯])|[没沒]有?(?:什[么麼]|啥|多大|太大|任何)?影[响響]|(?:[听聽]|[见見]|想)都[没沒]有?(?:[听聽][说說]|[听聽]|[见見]|想)[过過]|" + _ZH_GONE + r"|杜[绝絕]|[绝絕][迹跡]|停(?:止|掉)?|不存在|[没沒]有?(?:[见見]|[见見]到|[见見]着|[见見]著|看[见見]|看到|[听聽][说說]|遇到|遇上|遇[见見]|碰到|碰上|碰[见見]|[发發][现現])(?:[过過])?(?:有?(?:[这這]|那)(?:回|种|種|个|個)?事(?:儿|兒)?)?|(?:碰|挨|[够夠]|沾)不(?:[着著]|到|上)(?:[边邊])?|[没沒]有?[过過]|[没沒]有|[没沒]有[这這][种種个個]?事|[没沒]有?(?:那|[这這])回事|[没沒]有?人(?:再)?(?:干|幹|搞|做|弄|打|偷|[猎獵]|抓|挖|下套|收|[买買]|[卖賣]|碰)|不[会會]|不可能|[没沒]有?(?:遭|碰上|赶上|趕上|遇上|出|[闹鬧]|[来來]|犯|[发發])(?:[过過])?(?:一[回次]|[几幾][回次])?|(?:[够夠]用|充足|充裕|不缺(?:[钱錢])?)|(?:那|[这這])?(?:都|早)?是(?:以前|从前|從前|[过過]去|老早|早年)的事)(?:了|啊|呀|的|吧|儿|兒)*(?=[。!！.]|$|[,，](?:(?!但|可|不[过過]|却|卻|[现現]在(?![谁誰])|如今|目前|以前|[过過]去|原[来來]|倒是|只是)[^。!?！？;；\n])*(?:[。!！.?？]|$))", "no", BEFORE, NEGATE),  # noqa: E501
        # an echoed topic whose answer opens with a denial: "矿？这一片从来没开过矿。" (not
        # "偷猎？没人管。", nobody deals with it)
        (r"(?<![^。!?！？;；\n])[^。!?！？;；\n,，]{1,8}[?？](?=[^。!?！？;；\n,，]{0,10}?(?:[没沒]有?(?!人管|有人管|人[问問]|[办辦]法|法|用)|[无無](?!人管|[奈法])|未(?!能)|不(?:是|算|存在)|[从從][来來][没沒不]|哪(?:有|儿有|兒有|里有|裡有)))", "no", BEFORE, NEGATE),  # noqa: E501
        # an echoed question answered by a short denial that the answer goes on from:
        # "偷猎？没有，这边管得严。", "围栏？没有没有。"
        (r"(?<![^。!?！？;；\n])(?:(?!但|可是|不[过過]|却|卻)[^。!?！？;；\n,，]){1,16}?[?？]\s*(?:[没沒]有?|不是|不[会會]|不可能|哪有|哪(?:儿|兒)的[话話]|[从從][来來][没沒]有?|[没沒][听聽][说說][过過]?|[谈談]不上|[没沒](?:有)?(?:[这這]|那)回事)(?:[,，]?(?:[没沒]有?|不是|不[会會]))*(?:了|啊|呀|的|吧|哦)*(?=[。!！.,，;；]|$)", "no", BEFORE, NEGATE),  # noqa: E501
        # "X对黄羊来说不算啥问题": the one it is no problem for stands between the term and the cue
        (r"[对對][^，。,；;]{1,6}?[来來][说說](?:[并並]|也|都)?(?:不是|不再是|不算|不成|算不上|[没沒]有|[没沒]什[么麼]|[没沒]啥|不[构構]成)(?:什[么麼]|啥|大|很大的|[严嚴]重的|主要|主要的){0,2}(?:[问問][题題]|威[胁脅])", "not a problem", BEFORE, DENY),  # noqa: E501
        (r"(?:已[经經]|已|[并並]|也|都|[现現]在|根本|压根儿?|壓根兒?|一点也|一點也|一点都|一點都|从来|從來)?(?:不是|不再是|不算|不成|算不上|[没沒]有?|[没沒]什[么麼]|[没沒]啥|不[构構]成)(?:什[么麼]|啥|大|很大的|[严嚴]重的|主要|主要的){0,2}" + _ZH_TROUBLE + r"|[问問][题題]不大|威[胁脅]不大|[没沒](?:有)?(?:那[么麼]|多)(?:[严嚴]重|厉害|厲害|邪乎|[吓嚇]人)|不至于|不至於|影[响響](?:尚|[还還]|[并並]|也)?不(?:明[显顯]|大)|(?:一直|都|[还還]|基本|完全)?(?:[够夠]用|充足|充裕)(?=[。!！.,，;；]|$)|(?<!作用)(?<!用处)(?<!用處)(?<!效果)(?<!帮助)(?<!幫助)(?<!意义)(?<!意義)(?<!力度)(?<!投入)(?<!希望)(?<!把握)不(?:太|很|算)?大(?=[。!！.,，;；]|$)|不(?:太|很|算)?[严嚴]重|(?:已[经經])?得到(?:了)?(?:有效|根本|基本)?(?:控制|遏制|遏止|扼制)|(?:总体|總體|整体|整體|基本|完全)?可控|不要[紧緊]|[无無]所[谓謂]|不足[为為][虑慮]|微乎其微|(?:可以)?忽略不[计計]|不值一提|[没沒]什[么麼]大不了|算不了什[么麼]|[没沒]事儿?(?=[。!！.,，;；]|$)|影[响響](?:很小|[较較]小|有限|甚微|[轻輕]微|不明[显顯])|(?:基本|已[经經]|早就|早已)?(?:控制住|管住|刹住|遏制住|[压壓]下去|[压壓]住)了?|(?:一直|都|基本)?控制(?:着|著|得(?:很|挺)?(?:好|住|[严嚴]))|基本杜[绝絕]|已[经經]杜[绝絕]|已杜[绝絕]|[绝絕][迹跡]了|(?:基本|已[经經]|已|早已|早就|彻底|徹底)[绝絕][迹跡]|影[响響]不大|[没沒]有?(?:什[么麼]|啥|多大|太大|任何)?影[响響](?![到力])|消失了|已[经經][没沒]有了|[没沒]有了", "not a problem", BEFORE, DENY, 14),  # noqa: E501
        (r"(?:(?<![^。!?！？;；\n])(?:(?:至于|至於|关于|關於|对于|對於)[^。!?！？;；\n,，]{1,12}?|[^。!?！？;；\n,，]{1,12}?(?:的事情?|的情[况況]|的[问問][题題]|方面|[这這]块|[这這]塊|[这這]事|[这這]些事?))[,，]?|(?<![^。!?！？;；\n])[^。!?！？;；\n,，]{1,12}?[?？]\s*)?(?:(?:[这這那](?:个|個|事|些)?|嗯|呃|哎|唉|啊|哦)(?:嘛|么|麼|啊|呀|呢)?(?:\.{2,}|[,，]|\s)*)?(?:我|俺)?(?:[对對]\S{1,6}?)?(?:(?:一点|一點|一丁点|一丁點|根本|完全|压根儿?|壓根兒?|真的?|实在|實在|确实|確實)?(?:都|也|就|并|並)?)" + _ZH_NO_ANSWER, "don't know", CLAUSE, UNKNOWN, 10),  # noqa: E501
        # not answering: the question turned back ("你问这个干啥？你们是哪儿派来的？", with the
        # questions after it), "ask someone else" ("你去问林业局吧"), "none of my business"
        (r"(?:你|您|你们|你們)?(?:问|問|打[听聽])(?:[这這]|那)(?:个|個|些|事|事儿|事兒)?(?:干(?:啥|嘛|吗|嗎|什[么麼])|做什[么麼]|有什[么麼]用|[为為]什[么麼]|[为為]啥)(?:呢|啊|呀)?(?:[?？]+[^。!！?？.]{1,30}(?=[?？]))*|(?:(?<![^。!?！？;；\n])[^。!?！？;；\n,，]{1,12}?(?:的事(?:情|儿|兒)?|的情[况況]|的[问問][题題]|方面|[这這]块|[这這]塊|[这這]事(?:儿|兒)?)[,，]?)?(?:你|您|你们|你們)(?:得|去|还是|還是|最好|可以|应该|應該|要|就)?去?(?:找|问|問)(?!我)(?:问|問|一下)?[^。!！?？,，;；.]{1,10}?(?:问问|問問|问一下|問一下|吧|去)?(?=[。!！.,，;；]|$)|(?:[这這](?:个|個|事|些)?)?(?:不[归歸]我管|[轮輪]不到我[说說管])|不[关關]我的?事|[跟和]我[没沒]有?[关關][系係]|我不管(?:[这這]|那)(?:个|個|些|事)", "don't know", CLAUSE, UNKNOWN, 10),  # noqa: E501
        # thanks for something: "谢谢你们大老远跑来问偷猎的事" (to the end of its clause)
        (r"(?:非常|十分|太)?(?:谢谢|謝謝|感谢|感謝|多谢|多謝)(?:你|您|你们|你們|大家|各位)?[^。!?！？;；\n,，]{0,30}", "thanks", CLAUSE, DENY, 30),  # noqa: E501
        # today's weather, small talk: "今天风真大啊，估计要下雪"
        (r"(?<![^。!?！？;；\n,，])(?:今天|今儿|今兒|今日|今早|今晚|明天|明儿|明兒|这两天|這兩天|外面|外头|外頭)(?:的)?(?:天气|天氣|天儿|天兒|天|风|風|雪|雨|太阳|太陽)[^。!?！？;；\n]{0,24}", "small talk", CLAUSE, DENY, 30),  # noqa: E501
        # a question back about the survey: "你们调查这个是给谁用的？", "你们是哪个单位的？"
        (r"(?:你们|你們|您|你)(?:是)?(?:[^。!?！？;；\n,，]{0,10}?(?:[调調]查|[问問]|打[听聽]|[统統][计計]|登[记記]|收集|了解|[记記]|写|寫)(?:[这這]|那)?(?:个|個|些|事)?(?:是)?(?:[给給][谁誰](?:看|用)?的?|干(?:啥|嘛|吗|嗎|什[么麼])|[为為](?:啥|什[么麼])|有(?:啥|什[么麼])用|做什[么麼](?:用)?的?|[图圖](?:啥|什[么麼]))|哪(?:个|個)?(?:单位|單位|部门|部門|机构|機構|地方)的?|从哪(?:儿|兒|里|裡)?[来來]的?|干什[么麼]的|做什[么麼]的)(?:呢|啊|呀|的)?(?=[?？])(?:[?？]+[^。!！?？.]{1,30}(?=[?？]))*", "asked back", CLAUSE, UNKNOWN, 40),  # noqa: E501
        # a topic only repeated: "偷猎的问题？偷猎的问题嘛……"
        (r"(?<![^。!?！？;；\n])(?P<echo>[^。!?！？;；\n,，.]{2,12}?)(?:[?？。,，!！]|\.{2,}|…)+\s*(?:(?:嗯|呃|啊|哦|这个|這個|那个|那個)(?:[,，]|\.{2,}|…)*)?(?P=echo)(?:嘛|呢|啊|呀|么|麼|是吧)?(?=[.…。,，?？!！]|$)", "echo", CLAUSE, UNKNOWN, 30),  # noqa: E501
        # nobody complains or says it falls short: "没人说数据不够用" (the whole sentence),
        # "没人抱怨补偿的事", "牧民没啥意见"
        (r"(?<![^。!?！？;；\n])(?:(?!但|可是|不[过過]|却|卻)[^。!?！？;；\n]){0,40}?(?:[没沒]有?人|[谁誰](?:也|都)[没沒]有?|[从從][来來][没沒]有?人|[没沒][听聽](?:[谁誰]|人|有人|[说說][谁誰]))(?:[说說][过過]?|抱怨|埋怨|反映|告[状狀]|投[诉訴]|嫌|提[过過]?)[^。!?！？;；\n]{0,16}?(?:不[够夠]|不足|太少|缺|不行|[问問][题題]|不好|少了|[吃]亏|[吃]虧|受不了)(?:用)?(?:[啊呀吧嘛呢了的过過]|什[么麼])*(?=[。!！?？.]|$)", "not a problem", CLAUSE, DENY, 60),  # noqa: E501
        (r"(?:[没沒]有?人|[谁誰](?:也|都)(?:[没沒]有?|不))(?:抱怨|埋怨|反映|告[状狀]|投[诉訴]|嫌|[闹鬧])", "not a problem", CLAUSE, DENY, 10),  # noqa: E501
        (r"(?:[从從][来來]|[从從]|也|都|根本|压根儿?|壓根兒?)?(?:不|[没沒]有?)(?:抱怨|埋怨|告[状狀]|投[诉訴])|[没沒]有?(?:什[么麼]|啥|任何)?(?:意[见見]|怨言|怨[气氣]|牢[骚騷])", "not a problem", CLAUSE, DENY, 10),  # noqa: E501
        # no bribes: "护林员不收钱"
        (r"不(?:收|拿|要|[贪貪])(?:[钱錢]|好[处處]|[红紅]包|[贿賄][赂賂]?|[礼禮])", "not", CLAUSE, DENY, 10),  # noqa: E501
        # "狗不追岩羊", "狼从来不咬羊", "野驴不糟蹋草场": neither side is a problem
        (r"(?:[从從][来來]|[从從]|也|都|根本|压根儿?|壓根兒?|基本)?(?:不|[没沒]有?)(?:怎[么麼])?(?:追|撵|攆|咬|[伤傷]害?|[祸禍]害|糟蹋|糟踏|踩|[吓嚇]唬?|[惊驚][扰擾]|[骚騷][扰擾]|招惹|惹)(?:[过過])?(?=" + _ZH_WILDLIFE + r"|羊|牛|[马馬]|[驼駝]|[庄莊]稼|[农農]田|草|人|牲口|家畜|[这這]|那|它|牠|[,，。.!！]|$)", "not", CLAUSE, DENY, 10),  # noqa: E501
        # a clause that says only "no problem now", "this side lacks nothing": what the
        # sentence named before it ("铁路那边修了通道，野驴能过去，现在不是问题了")
        (r"(?<![^。!?！？;；\n,，])(?:(?:[现現]在|如今|目前|[这這](?:个|個|些|方面|块|塊)?|那(?:个|個|些|方面)?)(?:已[经經])?(?:也|都|倒|就)?)?(?:(?:不是|不算|不成|[没沒]有?|算不上|[谈談]不上)(?:什[么麼]|啥)?(?:大)?(?:[问問][题題]|威[胁脅]|事儿?|事兒?)|不缺|不差|[够夠]用?|挺好|[还還]行|不[错錯])(?:了|啊|呀|的|吧)*(?=[。!！.]|$)", "not a problem", SENTENCE, DENY, 40),  # noqa: E501
        # enough of it: "保护站人手够，经费也不缺"
        (r"(?<![不没沒受])(?<!不太)(?<!不大)(?:也|都|[还還]|基本|完全|挺|很|比较|比較)?(?:[够夠](?:用)?|不缺(?:[钱錢]|人)?|足[够夠]|充足|充裕|[齐齊]全|到位|有保障|有保證|不愁|不[紧緊]张|不[紧緊]張|[够夠]花|[够夠]使)(?:了|的|啊)*(?=[。!！.,，;；]|$)", "not a problem", BEFORE, DENY, 8),  # noqa: E501
        # a resource in place: "车也配了两辆", "油钱也有", "设备都到位了" (of resources only:
        # "偷猎的也有" is a complaint)
        (r"(?:[钱錢]|经费|經費|资金|資金|[车車]|人手|人员|人員|设备|設備|装备|裝備|油|相机|相機|仪器|儀器)(?:[现現]在|如今)?(?:也|都|已[经經]?)?(?:有了?|配了|配上了|配[齐齊]了|配好了|配备了|配備了|到了|到位了|有保障)(?:[一两兩二三四五六七八九十几幾\d]+[辆輛台个個套名架])?(?:了)?(?=[。，,；;!！]|$)", "not a problem", BEFORE, DENY, 8),  # noqa: E501
        # a thing said to work or come on time: "联合巡护运转得很好", "补偿款按时到账",
        # "每年春秋两季都做调查" (not "运转不好", "从来不按时")
        (r"(?:运[转行]|運[轉行]|配合|合作)(?:得)?(?:一直|都|也)?(?:很|挺|非常|比较|比較|相当|相當)?(?:好|顺利|順利|良好|正常)(?:的)?(?=[。!！.,，;；]|$)|(?<![不没沒])(?:都|也|一直|基本)?按[时時](?:到[账賬位]|[发發]放?|到|[给給]|下[来來])(?:了)?|每年(?:春[天季]|秋[天季]|春秋(?:两季)?|冬[天季]|夏[天季])?都(?:在)?(?:做|搞|查|数|數|[调調]查|[监監][测測]|清点|清點)", "not a problem", BEFORE, DENY, 10),  # noqa: E501
        # a problem said to be solved: "超载的问题已经通过轮牧解决了" (not "还没解决",
        # "解决不了", "没有真正解决")
        (r"[问問][题題](?![^。!?！？;；,，]{0,14}?(?:[纸紙]面上|表面上|名[义義]上|口[头頭]上))[^。!?！？;；,，]{0,14}?(?<![没沒未])(?<![没沒]有)(?<![没沒]能)(?<!不)(?<!真正)(?:已[经經]?|早就?|基本|彻底|徹底|都|也|终于|終於)?(?:得到|得以)?(?:解[决決])(?:了|掉了|好了)", "not a problem", CLAUSE, DENY, 12),  # noqa: E501
        # the sentence reassures or is content: "这个你放心", "大家都挺满意" (not "不放心",
        # "不满意")
        (r"(?<![不没沒])(?:(?:这个|這個|这|這|那个|那個)?(?:你|您)?(?:就|尽管|儘管)?(?:请|請)?放心(?:吧|好了|了)?|(?:大家|牧民(?:们|們)?|群众|群眾|老百姓|村民(?:们|們)?)?(?:都|也)?(?:挺|很|比较|比較|非常|还算|還算|基本)?(?<![不没沒])[满滿]意(?:了|的)?(?:吧|啊)?)(?=[。!！.]|$)", "not a problem", SENTENCE, DENY, 40),  # noqa: E501
        # gone after something was done: "严打以后就没了", "修了水井以后就没有了"
        (r"(?:以后|以後|之后|之後|后来|後來)(?:也)?(?:就|便)?(?:再也)?[没沒](?:有)?了", "no longer", SENTENCE, DENY, 40),  # noqa: E501
        # nothing to say about it: "…，没什么好说的"
        (r"[没沒](?:有)?(?:什[么麼]|啥)(?:好|可以)?[说說讲講](?:的)?(?=[。!！.]|$)", "not a problem", SENTENCE, DENY, 40),  # noqa: E501
        # few left: "狼现在很少" (a scarce resource, "草很少", stays the gap)
        (r"(?:很|挺|比较|比較|越来越|越來越|已[经經]|特别|特別|非常)少(?:了|多了|得很)?(?=[。!！.,，;；]|$)", "no", BEFORE, NEGATE, 6),  # noqa: E501
        # the claim the sentence reported is denied: "说是干旱影响黄羊，我看不是那么回事",
        # "过度放牧的说法我不认同"
        (r"(?:我看|我[觉覺]得|其[实實]|根本|压根儿?|壓根兒?)?(?:就)?(?:不是|[没沒]有?)(?:那么|那麼|[这這]么|[这這]麼|那|[这這])(?:一)?回事(?:儿|兒)?", "not a problem", SENTENCE, DENY, 30),  # noqa: E501
        (r"(?:的)?(?:[说說]法|[观觀]点|[说說]辞)(?:我|俺|我们|我們)?(?:[并並]|可|根本)?(?:不[认認]同|不同意|不[赞贊]同|不[认認]可|不信|不[买買][账賬])", "not a problem", BEFORE, DENY, 12),  # noqa: E501
        # rhetorical "who would still do that": "偷猎？老黄历了，现在谁还干那个。"
        (r"[谁誰](?:还|還|[会會]|敢|肯)(?:再)?(?:[干幹]|做|弄|搞|打|偷|[来來]|去)(?:那|[这這])?(?:个|個|种|種|事|些)?(?:事)?(?:啊|呀|呢|嘛|了)*(?=[。!！?？.]|$)", "no", SENTENCE, DENY, 30),  # noqa: E501
        # on patrol one meets none of it: the patrol is where, not what is denied ("现在巡山
        # 基本碰不到")
        (r"(?:巡山|巡护|巡護|巡逻|巡邏|巡查)(?:的时候|的時候|时|時)?(?:也|都)?(?:基本|几乎|幾乎|根本)?(?:碰不到|看不到|[见見]不到|遇不到|碰不上|遇不上|[没沒]有?碰到|[没沒]有?遇到|[没沒]有?[见見]到|[没沒]有?看到|[没沒]有?[发發][现現])(?:[过過])?", "never", CLAUSE, DENY, 10),  # noqa: E501
        (r"[谈談]不上|[称稱]不上|算不上", "not a problem", EITHER, NEGATE),
        (r"哪(?:里|裡|儿|兒)?(?:有|[来來]的?)(?:什[么麼]|啥)?", "no", AFTER, NEGATE),
        # "牧民和保护区之间没什么矛盾", "跟雪豹相安无事": no conflict, with either side
        (r"[没沒]有?(?:什[么麼]|啥|多大|太大|任何)?(?:矛盾|[冲衝]突|[纠糾][纷紛]|摩擦)|相安[无無]事", "not a problem", CLAUSE, DENY, 12),  # noqa: E501
        # "拉煤的车不走那条线，跟黄羊不搭界": what the sentence named has nothing to do with
        # the wildlife (but "放牧太多，跟干旱没关系" denies only the drought: below)
        (r"(?:[跟和与與同对對])" + _ZH_WILDLIFE + r"(?:[并並]|也|都|根本|压根儿?|壓根兒?|完全|一点|一點)*(?:不搭界|[没沒]有?(?:什[么麼]|啥|多大|太大)?[关關][系係]|[无無][关關]|不相干|扯不上(?:[关關][系係])?|不沾[边邊]|八竿子打不[着著])", "not", SENTENCE, DENY, 30),  # noqa: E501
        (r"[没沒]有?(?:什[么麼]|啥|多大|太大)?[关關][系係]|扯不上(?:[关關][系係])?|[无無][关關]|不搭界|不相干|不沾[边邊]", "not", BEFORE, NEGATE, 8),  # noqa: E501
        (r"[没沒]有?(?:什[么麼]|啥)(?!可[说說]|好[说說]|[办辦]法)", "no", AFTER, NEGATE),
        (r"不用[担擔]心|不必[担擔]心|用不着[担擔]心|用不著[担擔]心", "not a problem", EITHER, NEGATE),  # noqa: E501
        # "那几个矿早就关了。", "网围栏去年全拆了。", "盗猎已销声匿迹": gone, what it names
        # before it
        (r"(?:(?:已[经經]|已|早就|早已|早都|早|都|全都|全|全部|基本|彻底|徹底|前年就|去年就|[几幾]年前就)(?:被)?)?" + _ZH_GONE + r"(?:了|啦)?(?=[。!！.,，;；]|$)", "no longer", BEFORE, NEGATE, 10),  # noqa: E501
        # "矿山早在2017年就全部退出了保护区": withdrawn
        (r"(?:全部|全面|已[经經]?|都|早已|早就|[陆陸][续續]|基本)退出", "no longer", BEFORE, NEGATE, 10),  # noqa: E501
        # "套子也没捡到过": the thing sought named before a clause-final "found none"
        (r"[没沒]有?(?:[捡撿拣揀]到|[见見]到|[见見][着著]|碰到|遇到|看到|[发發][现現]|查到|抓到|遭|碰上|赶上|趕上|遇上|[闹鬧])(?:[过過])?(?:一[个個次回只隻根条條])?(?:了|啦)?(?=[。!！.,，;；]|$)", "never", BEFORE, NEGATE, 12),  # noqa: E501
        # "偷猎和过度放牧都没有。": all that the clause named before it
        (r"(?:也)?都(?:[没沒]有|[没沒]|不存在|[没沒][见見][过過]|[没沒][听聽][说說][过過]?)(?:了)?(?=[。!！.,，;；]|$)", "neither-nor", BEFORE, NEGATE, 16),  # noqa: E501
        # "未再发生", "再没出过", "这几年再也没见过": not again since
        (r"(?:未再|[没沒]再|再未|再也?[没沒]有?|再也未)(?:[发發]生|出[现現]|出[过過]|出|[发發][现現]|[见見]到?|[见見]着|[见見]著|遇到|碰到|有|来|來)(?:[过過])?(?:一起|一例|一次|一回|任何)?", "no longer", EITHER, NEGATE),  # noqa: E501
        (r"不再|已[经經]不|已不|再也[没沒]有|再也不|[没沒]人再|[没沒]有人再|再也[没沒]人", "no longer", AFTER, NEGATE),  # noqa: E501
        (r"(?:已[经經]|已|早就|早已)?(?:停止|中止|[终終]止)了?|(?:已[经經]|已|早就|早已|早都|早|都|全都?)停(?:掉|[办辦]|[产產]|工|采|採)?了|[关關]闭了|已[经經]?[关關]闭|停[产產]了|停工了|看不到了|[见見]不到了", "no longer", BEFORE, NEGATE),  # noqa: E501
        (r"既不|既[没沒]有?|既[无無]|既未|亦[无無]|亦未|亦不|也未|也[没沒]有|也[没沒](?!有|[听聽][说說]|[见見]|看[见見]|看到|碰到|遇到|[发發][现現]|[捡撿拣揀]到|查到|抓到)|也[没沒]人|也[无無]", "neither-nor", AFTER, NEGATE),  # noqa: E501
        (r"缺乏|缺少|[没沒]有任何", "without", AFTER, NEGATE, 4),
        # rangers or police who do not stop, catch, fine or check someone ("护林员不拦偷猎的",
        # "警察不抓盗猎者"): a complaint about enforcement; who goes unchecked is not denied
        (r"(?:[并並]|也|都|根本|从来|從來)?(?:不|[没沒]有?)(?:[拦攔抓罚罰查追逮](?![到过過])(?![住着著]?(?:藏羚|[羚黄黃]羊|[动動]物|野[驴驢]|[盘盤]羊|雪豹|迁徙|[迁遷]移|它|牠))|阻止|制止|追究|处罚|處罰|查处|查處)", "", AFTER, NONE),  # noqa: E501
        (r"[从從]未|[从從][来來][没沒]有|[从從][来來][没沒]|[从從][没沒]|[从從][来來]不|未曾|不曾|[没沒][见見][过過]|[没沒]有[见見][过過]|未[见見]", "never", AFTER, NEGATE, 10),  # noqa: E501
        (r"(?:基本|几乎|幾乎|根本|很少)?(?:看不到|看不[见見]|[见見]不到|[见見]不着|[见見]不著|碰不到|碰不上|遇不到|遇不上)", "never", EITHER, NEGATE),  # noqa: E501
        (r"[没沒](?:有)?(?:怎[么麼])?(?:[发發]生|出[现現])(?:[过過])?", "never", EITHER, NEGATE),
        (r"[没沒](?:有)?(?:怎[么麼]|太|咋)?(?:[听聽][说說]|碰到|遇到|遇[见見]|看[见見]|看到|[见見]到)(?:[过過])?", "never", EITHER, NEGATE),  # noqa: E501
        (r"[没沒]有人|[没沒]人", "no", AFTER, NEGATE, 5),
        # official reports: "未接到偷猎举报", "未监测到", "盗猎案件零发生", "无一起"
        (r"未(?:接到|收到|接[获獲]|[发發][现現]|[发發]生|出[现現]|[监監][测測]到|[记記][录錄]到|[检檢]出|查[获獲]|查到|[见見]到?)(?:[过過])?(?:一起|一例|任何)?|[没沒]有?(?:查到|查[获獲]|接到|收到|抓到|逮到|[记記][录錄]到|[监監][测測]到)(?:[过過])?|[无無]一(?:起|例)", "no", EITHER, NEGATE),  # noqa: E501
        (r"零(?:[发發]生|[记記][录錄]|[报報]告|案件|事故)", "no", BEFORE, NEGATE, 10),
        (r"[没沒]有[发發][现現]|[没沒][发發][现現]|未[发發][现現]|不存在|(?:几乎|幾乎|基本上?|根本|压根儿?|壓根兒?|完全)?[没沒]有", "no", EITHER, NEGATE),  # noqa: E501
        # "雪灾没波及到我们旗", "铁路不经过保护区", "车不从这儿过": neither side is a problem
        (r"(?:[没沒]有?|未|不[会會]?|[并並]不|[并並][没沒]有?|[从從]不|[从從][来來]不)(?:波及|殃及|影[响響]到?|危及|威[胁脅]到?|[伤傷]及|打[扰擾]到?|干[扰擾]到?|危害到?|[伤傷]害到?|[经經][过過](?![审審批许許评評论論环環同])|穿[过過]|途[经經]|跨[过過]|[横橫]穿|穿越|靠近|挨[着著]|[进進](?:入)?(?!行|一步|展|度|口|[货貨]|修|化|步|取)|(?:[从從]|打)(?:[这這]儿|[这這兒]|[这這]里|[这這]裡|[这這]边|[这這]邊|咱[这這]|我们[这這]|我們[這]|那儿|那兒|那边|那邊)?(?:[过過]|走))|(?:波及|影[响響]|威[胁脅]|危害|[祸禍]害|干[扰擾]|打[扰擾]|[够夠])不(?:到|了|着|著)", "not", CLAUSE, DENY, 10),  # noqa: E501
        (r"[谁誰](?:也|都)(?:不|[没沒]有?)", "no", AFTER, NEGATE, 5),
        (r"(?:[没沒]有?|未)被", "not", AFTER, NEGATE, 6),
        # official: "X和Y均未发现", "均无" (none of them)
        (r"(?:均|皆|都)(?:未(?:[发發][现現]|[发發]生|出[现現]|[见見])?|[无無]|不存在)", "neither-nor", EITHER, NEGATE, 12),  # noqa: E501
        # a short sentence that only points back: "以前有人下套子打黄羊。现在早就没这种事了。"
        # (the problems of the sentence before; a resource stays the gap: "以前给护林员发补贴。
        # 现在没有这种事了。")
        (r"(?<![^。!?！？;；\n])(?:[现現]在|如今|[这這][几幾]年|近[几幾]年|后[来來]|後來)?(?:早就|早已|已[经經]|早)?(?:(?:[没沒]有?|不再有|再也[没沒]有?)(?:[这這]|那)(?:种|種|个|個|样的?|樣的?|类|類|回)?(?:事(?:儿|兒|情)?|情况|情況|[现現]象)(?:了)?|(?:[这這]|那)(?:种|種|个|個|样的?|樣的?|类|類)?(?:事(?:儿|兒|情)?|情况|情況|[现現]象)(?:早就|早已|已[经經]|早|都|也){0,2}(?:[没沒]有?了|[没沒]了|不[见見]了|[绝絕][迹跡]了|停了|不再有了?))(?=[。!！.]|$)", "no longer", PREVIOUS, NEGATE, 40),  # noqa: E501
        # poachers who go unaffected ("偷猎者一点不受影响，照样打", "盗猎的根本不受处罚的影响"):
        # a complaint, nothing is denied
        (r"(?:(?:偷|盗|盜)(?:猎|獵)(?:者|的|分子)|(?:贩|販)子)[^。!?！？;；\n,，]{0,6}?(?:不受|[没沒]有?受到?|未受到?)[^。!?！？;；\n,，]{0,12}?(?:影[响響]|干[扰擾]|冲[击擊]|衝[擊]|波及|牵连|牽連|威[胁脅])", "", AFTER, NONE),  # noqa: E501
        # "数据这块儿一点毛病没有": what precedes is in order; "项圈的数据一点没受影响",
        # "跨境这块儿不受啥影响": what precedes is not affected, whatever its polarity
        (r"(?:一点|一點|一丁点|一丁點|丝毫|絲毫|啥|什[么麼]|任何)?(?:毛病|岔子|差[错錯])(?:都|也)?(?:[没沒]有?|[无無])(?=[。!！.,，;；]|$)", "not a problem", BEFORE, AFFIRM, 12),  # noqa: E501
        (r"(?:一点|一點|丝毫|絲毫|根本|完全|都|也|[并並]|基本上?){0,3}(?:不受|[没沒]有?受到?|未受到?)(?:啥|什[么麼]|任何|一点|一點|多大|太大|多少)?(?:的)?(?:影[响響]|干[扰擾]|冲[击擊]|衝[擊]|波及|牵连|牽連)(?=[。!！.,，;；]|$)", "without", BEFORE, DENY, 12),  # noqa: E501
        # "工资一个月都没拖过", "油钱一分没少": a resource in place, not a day or a cent
        # short (a problem stays: "偷猎一天都没断过", poaching never stopped a day)
        (r"(?<!欠)(?<!欠的)(?<!缺)(?<!缺口)(?<!短缺)一(?:[个個]月|天|回|次|分(?:钱|錢)?|毛(?:钱|錢)?|块(?:钱|錢)?|塊(?:錢)?)(?:都|也)?(?:[没沒]有?|不|[从從][来來][没沒]有?)(?:拖|欠|少|缺|断|斷|耽[误誤]|晚|[迟遲]|差)(?:[过過]|了)?", "not a problem", BEFORE, AFFIRM, 12),  # noqa: E501
        # "不受跨境问题影响" (not affected by X): X is denied whatever its polarity
        (r"(?:[并並]|从来|從來|基本|基本上|完全)?(?:不受|未受到?|[没沒]有?受到?)(?=[^。!?！？;；\n,，]{1,12}?(?:的)?(?:影[响響]|威[胁脅]|干[扰擾]|冲[击擊]|波及|牵连|牽連|困扰|困擾))", "without", AFTER, DENY, 12),  # noqa: E501
        # "偷猎的不来了" (they no longer come): who no longer comes is denied
        (r"(?:都|也|早就?|早已)?(?:不(?:再)?[来來]了|不再[来來])(?=[。!！.,，;；]|$)", "no longer", BEFORE, NEGATE, 8),  # noqa: E501
        # "铁路不挡藏羚羊" (the railway does not block them): the barrier is denied
        # (only after the barrier itself: "护林员不拦偷猎的", the rangers do not stop the
        # poachers, is a complaint)
        (r"(?:(?<=[铁鐵]路)|(?<=公路)|(?<=[围圍]栏)|(?<=[围圍][欄栏])|(?<=[护護]栏)|(?<=[栏欄]杆)|(?<=[铁鐵]丝网)|(?<=[铁鐵]絲網)|(?<=[围圍]网)|(?<=[围圍]墙)|(?<=[运運]河)|(?<=水渠)|(?<=管道)|(?<=[边邊]境[线線])|(?<=它)|(?<=[这這]条路)|(?<=[这這]道[坎墙牆]))(?:[并並]|也|都|根本|从来|從來|已[经經]|早就)?(?:不|不再|[没沒]有?)(?:[挡擋]|[拦攔]|阻[挡擋拦攔隔]|隔断|隔斷)(?:住|着|著)?", "not", BEFORE, DENY, 8),  # noqa: E501
        # "部门之间不扯皮" (the agencies do not pass the buck): the dysfunction is denied
        (r"(?:[并並]|也|都|从来|從來|从不|從不)?不(?:扯皮|推诿|推諉|踢皮球|互相推诿|互相推諉|内耗|內耗|打架)", "not a problem", CLAUSE, DENY, 10),  # noqa: E501
        # "牧民不把羊赶到泉边", "没人去那儿放羊": the herding and where it would go are denied
        (r"(?:不|[没沒]有?|不再|[从從]不|[从從][来來]不|[谁誰]也不|[没沒]人)(?:把|将|將)[^。!?！？;；\n,，]{1,4}?(?:赶|趕|放|牵|牽|带|帶)|(?:不|[没沒]有?|不再|[从從]不|[从從][来來]不|[谁誰]也不|[没沒]人)(?:去|到|在|上)[^。!?！？;；\n,，]{1,6}?放(?:牧|羊|牛|马|馬|牲口)", "not", CLAUSE, DENY),  # noqa: E501
        (r"免遭|幸免于|幸免於", "without", AFTER, NEGATE, 6),
        # "盗猎的影子都没见着", "连个套子的影儿都没有": not a trace of what it names before it
        (r"(?:的)?(?:影子|影儿|影兒|踪影|蹤影|[踪蹤][迹跡])(?:都|也)?(?:[没沒]有?|[见見]不[着著到])(?:[见見][着著]|[见見]到|[见見][过過]|[见見]|看[见見]|看到)?", "never", BEFORE, NEGATE, 10),  # noqa: E501
        # "矿区离这儿远着呢", "离公路很远": far from what it names
        (r"[离離](?=[^。!?！？;；\n,，]{1,10}?(?:很|挺|还|還|比较|比較|太|特别|特別|老|可)?[远遠](?:着呢|著呢|得很|呢|了|啊)?(?:[。!！.,，;；]|$))", "without", AFTER, NEGATE, 10),  # noqa: E501
        (r"(?:[并並]|倒|也)?不是(?:因[为為]|由于|由於)", "not", AFTER, NEGATE, 6),
        (r"[闻聞]所未[闻聞]|[头頭]一[回次][听聽][说說]|第一次[听聽][说說]", "never", EITHER, NEGATE),  # noqa: E501
        (r"[远遠][离離]", "without", AFTER, NEGATE, 4),
        (r"不(?:在|去|到|往|再去|[会會]去|[会會])", "not", AFTER, NEGATE, 8),
        (r"免受|不受|[没沒]有受到|[没沒]受到|未受到|未受", "without", AFTER, NEGATE, 6),
        # "无围栏草场" (pasture without fences); not 无雪/无雨 (themselves the problem),
        # 无人 (drone, nobody), 无法, 无论, 无数, 无限, 无穷, 无奈, 无关
        (r"[无無](?![雪雨人法论論数數限穷窮奈关關])", "no", AFTER, NEGATE, 3),
        (r"[没沒]", "not", AFTER, NEGATE, 2),
        (r"未|不", "not", AFTER, NEGATE, 2),
    ],
    "mn": [
        (r"төдийгүй|зөвхөн\s+\S+\s+биш|(?:урьд\s+нь\s+|өмнө\s+нь\s+)?хэзээ\s+ч\s+(?:байгаагүй|болж\s+байгаагүй|тохиолдож\s+байгаагүй)(?=\s+(?:их|хүнд|хүчтэй|ноцтой|өндөр|хэмжээний|том|аймшигтай|хатуу|ширүүн))", "", AFTER, NONE),  # noqa: E501
        (r"(?:зогс|багас|буур|таср|арил|дуус|намд|намж|боли|цөөр|алга\s+бол)\w*(?:хгүй|оогүй|аагүй|сангүй|сэнгүй|сонгүй)", "", AFTER, NONE),  # noqa: E501
        # "хашаагаар зээр гарч чадахгүй" (gazelles cannot cross the fence): what cannot be
        # done is the complaint, not a denial of the barrier (not "… болсон", can no longer)
        (r"(?<![\w-])[^\W\d_]+(?:ж|ч)\s+(?:чадахгүй|чаддаггүй|чадаагүй|чадсангүй|чадахаа\s+больсон)(?!\s+(?:болсон|болчихсон|болжээ|боллоо|болно)(?![\w-]))", "", AFTER, NONE),  # noqa: E501
        # "бэлчээр хэвийн биш" (the pasture is not in order): "биш" denies the praise, not the
        # pasture
        (r"(?:хэвийн|сайн|сайхан|зүгээр|хангалттай|хүрэлцээтэй)\s+биш", "", AFTER, NONE),
        # "хулгайн анчдыг шийтгэдэггүй" (poachers are not punished), "хулгайн анг дийлэхгүй"
        # (poaching cannot be overcome) do not deny the poachers
        (r"(?:дийл|шийтгэ|торго|баривчил|саатуул|тэмц|хянад|хянах|хянаа|шалгад|шалгах|шалгаа|мөрдө|илрүүл)\w*(?:хгүй|гүй)", "", AFTER, NONE),  # noqa: E501
        # "тоо толгойгоо мэдэхгүй байдаг" (they do not know the numbers: a gap, not the
        # respondent's own ignorance); "малчин яаж уурлахгүй байх вэ" (how could a herder not
        # be angry: a rhetorical question affirms)
        (r"хэн\s+ч\s+мэдэхгүй|(?:(?:сайн|нарийн|бүрэн|сайтар|тодорхой)\s+)?мэдэхгүй\s+(?:байдаг|байгаа|байж|байхад|байтал)|(?:тоолж|хэмжиж|тогтоож|судалж|үнэлж|хянаж)\s+мэдэхгүй|\w+хгүй\s+байх\s+(?:вэ|юм\s+бэ|билээ)", "", AFTER, NONE),  # noqa: E501
        # the question echoed before its answer: "Хулгайн ан уу? Одоо бараг байхаа больсон",
        # "— Хашаа, зам саад болж байна уу? — Хашаа ч, зам ч саад биш", "Зуд уу? Мэдэхгүй"
        (r"(?:[\w-]+,?\s+){0,5}?[\w-]+\s+(?:уу|үү|юу|юү)\s*\?+\s*—?\s*(?:сайн\s+)?мэдэхгүй", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        (r"(?:[\w-]+,?\s+){0,5}?[\w-]+\s+(?:уу|үү|юу|юү)\s*[?,]+\s*—?\s*(?:[^\s.!?]+\s+){0,8}?(?:байхгүй|алга|үгүй|байгаагүй|биш|\w+(?:аагүй|ээгүй|оогүй|өөгүй|даггүй|дэггүй|доггүй|дөггүй|хгүй)|(?:\w+(?:хаа|хоо|хээ|хөө)\s+)?(?:больсон|больчихсон|болилоо)|буулга(?:сан|чихсан|жээ)|цуцал(?:сан|чихсан|жээ)|зогс(?:сон|чихсон|жээ))(?=\s*(?:(?:даа|дээ|доо|дөө|ээ|аа|оо|шүү|л|юм|байна|болсон|манайд|энд|тэнд|одоо)\s*){0,4}(?:[.!?,;]|$))", "no", BEFORE, NEGATE),  # noqa: E501
        # a bare echo: "Хулгайн ан? Байхгүй ээ манайд."
        (r"(?:^|(?<=[.!?;:—]\s)|(?<=[.!?;:—]))(?:[\w-]+\s+){0,2}[\w-]+\s*\?+\s*—?\s*(?:үгүй|байхгүй|алга|огт\s+(?:үгүй|байхгүй))(?=\s*(?:(?:даа|дээ|доо|дөө|ээ|аа|оо|шүү|л|манайд|энд|тэнд|одоо)\s*){0,4}(?:[.!?,;]|$))", "no", BEFORE, NEGATE),  # noqa: E501
        # a question back about the survey or the one asking ("Энэ судалгааг хэн захиалсан
        # юм бэ? Яам уу?"), with up to two short questions after it and the topic echoed as a
        # question before it ("Уурхай юу? Яагаад …"): nothing in it is said about what it names
        (r"(?:^|(?<=[.!?]\s)|(?<=[.!?]))(?:(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:уу|үү|юу|юү)\s*\?+\s*)?(?=[^.!?]{0,120}?(?<![\w-])(?:судалгаа\w*|асуулг\w*|асуулт\w*|хариулт\w*|та\s+нар|та|таныг|танд|танай)(?![\w-]))(?=[^.!?]{0,120}?(?<![\w-])(?:хэн|хэнд|хэний|хэнээс|хаана|хаанаас|яагаад|юунд|ямар\s+зорилгоор)(?![\w-]))[^.!?]{0,120}?(?:\?\s*[^.!?]{1,60}?(?<![\w-])(?:уу|үү|юу|юү|вэ|бэ)){0,2}(?=\s*\?)", "asked back", CLAUSE, DENY, 40),  # noqa: E501
        # a topic only echoed: "Уурхай, уурхай гэж үү.", "Хулгайн ан гэнэ үү? Хулгайн ан гэж..."
        (r"(?:^|(?<=[.!?]\s)|(?<=[.!?]))(?P<echo>[\w-]+(?:\s+[\w-]+)?)\s*(?:(?:гэнэ|гэж|гэсэн)\s+)?(?:уу|үү|юу|юү)?\s*(?:\?|\.|,|\.\.\.|…)+\s*(?P=echo)(?:\s+(?:гэнэ|гэж|гэсэн|гэнэ\s+үү|гэж\s+үү|гэсэн\s+үү|уу|үү|юу|юү|аа|ээ|даа|дээ))*(?![\w-])", "echo", CLAUSE, UNKNOWN),  # noqa: E501
        # sending the asker to someone else: "Энэ талаар байгаль хамгаалагчаас асуу, тэр мэднэ"
        (r"(?:[^\s.!?,;]+\s+){0,4}?[^\s.!?,;]+(?:аас|ээс|оос|өөс|иас|иос)\s+(?:нь\s+)?асуу(?:гаарай|аарай|вал\s+дээр|х\s+хэрэгтэй|на\s+уу|ж\s+үзээрэй|х\s+нь\s+дээр)?(?![\w-])(?:\s*,?\s*(?:тэр|тэд|тэднүүс|тэд\s+нар)\s+(?:\S+\s+){0,2}?(?:мэднэ|мэддэг|хэлж\s+өгнө|хэлнэ)\w*)?", "referral", CLAUSE, DENY, 10),  # noqa: E501
        # thanks for asking about something: "Бэлчээрийн тухай асуултад баярлалаа"
        (r"(?:[^\s.!?,;]+\s+){0,4}?(?:асуусанд|асуултад|асуултанд|судалгаанд|ирсэнд|сонирхсонд)\s+(?:их\s+|маш\s+их\s+)?(?:баярлалаа|талархлаа|баярласан)", "thanks", CLAUSE, DENY),  # noqa: E501
        # a bare list of topics and "I don't know": "Зуд, ган... мэдэхгүй ээ."
        (r"(?:^|(?<=[.!?]\s))(?:[\w-]+(?:\s+[\w-]+)?\s*(?:,|\.\.\.|…)\s*){1,5}(?:[\w-]+(?:\s+[\w-]+)?\s*(?:\.\.\.|…|—|-)?\s*)??(?:би\s+)?(?:сайн\s+)?(?:мэдэхгүй|бүү\s+мэд|хэлж\s+чадахгүй|хэлэхэд\s+хэцүү)", "don't know", CLAUSE, UNKNOWN, 12),  # noqa: E501
        # a refusal to answer: "энэ талаар ярих эрхгүй гэж хэлээд хариулахаас татгалзав"
        # (said he had no right to talk about it and declined to answer): nothing before it
        # in the sentence is said about a threat
        (r"(?:(?:асуултад|асуултанд|асуултуудад)\s+)?(?:хариулахаас|ярихаас|хариулт\s+өгөхөөс|ярилцахаас|ярилцлага\s+өгөхөөс)\s+татгалз\w*|(?:ярих|хариулах|хэлэх|мэдээлэл\s+өгөх)\s+(?:эрхгүй|эрх\s+байхгүй|эрх\s+алга)|(?:ярихыг|хариулахыг|хэлэхийг)\s+(?:хүсэхгүй|хүсээгүй)|(?:ярих|хариулах)\s+(?:дургүй|хүсэлгүй)", "refusal", SENTENCE, DENY, 20),  # noqa: E501
        # "X-ийн талаар би юу ч хэлж мэдэхгүй" (about X I know nothing to say): the topic
        # named before "талаар" (about) is not something said about it
        (r"(?:тухай|талаар|талаас)\s+(?:(?:би|бид|юу|ч|сайн|нэг|их|хэлж|ярьж|бол|нь)\s+){0,5}(?:мэдэхгүй|хэлж\s+чадахгүй|мэдэх\s+(?:юм|зүйл)\s+(?:алга|байхгүй))", "don't know", SENTENCE, UNKNOWN, 12),  # noqa: E501
        # "хулгайн ан уу, уурхай юу, бүү мэд" (poaching? a mine? who knows): the topics
        # the sentence named before it are not something said about them
        (r"бүү\s+мэд(?:\s+(?:дээ|даа|ээ|юм|л))*", "don't know", SENTENCE, UNKNOWN, 14),  # noqa: E501
        # "Уурхайн асуудлыг яам л мэдэх байх" (the ministry would know about the mine): the
        # question passed on to someone else is not something said about it
        (r"(?<=\s)(?:л\s+|нь\s+)?мэдэх\s+(?:байх|биз|болов\s+уу|юм\s+байх|баймаар)(?:\s+(?:аа|ээ|даа|дээ|л))*", "don't know", SENTENCE, UNKNOWN, 14),  # noqa: E501
        # "X гэж би огт сонсоогүй" (I have never heard that X): what was never heard or seen
        # is denied, whatever the theme, back to the sentence's start
        (r"гэж\s+(?:(?:би|бид|ч|лав|огт|хэзээ\s+ч|ерөөсөө|одоо\s+хүртэл|нэг\s+ч\s+удаа|бас)\s+){0,4}(?:сонсоогүй|сонсож\s+байгаагүй|сонсч\s+байгаагүй|сонсоогүй\s+юм|сонсогдоогүй|сонсдоггүй|хараагүй|харж\s+байгаагүй|харагдаагүй)", "never", SENTENCE, DENY, 14),  # noqa: E501
        # "зээр өвчнөөр үхэхийг амьдралдаа үзээгүй" (I have never in my life seen gazelles die
        # of disease): what was never seen happening is denied, back to the sentence's start
        (r"(?<![\w-])(?!(?:баривчла|шийтгэ|торго|хоригло|шалга|ялла)\w*(?:хыг|хийг))\w+(?:хыг|хийг)\s+(?:(?:би|бид|ч|амьдралдаа|насандаа|хэзээ\s+ч|огт|ерөөсөө|нэг\s+ч\s+удаа|одоо\s+хүртэл|энд|манайд)\s+){0,4}(?:үзээгүй|хараагүй|харж\s+байгаагүй|үзэж\s+байгаагүй|харж\s+үзээгүй|сонсоогүй|сонсож\s+байгаагүй)", "never", SENTENCE, DENY, 14),  # noqa: E501
        # "арав биш дөрөв таван жил тутам" (not ten but every four or five years): a number
        # set against another denies nothing before it
        (r"биш(?=\s+(?:\d|нэг|хоёр|хоер|гурав|гурван|дөрөв|дөрвөн|тав|таван|зургаа|долоо|найм|ес|арав|арван|хорь|хорин|гуч|гучин|зуу|мянга)(?![\w-]))", "", BEFORE, NONE),  # noqa: E501
        # a clause that is only the denial takes what the sentence named before it:
        # "Хулгайн анчид ховор болсон, бараг байхгүй", "…, одоо бараг сонсогдохгүй"
        (r"(?<=,\s)(?:одоо\s+)?(?:бол\s+)?(?:бараг\s+)?(?:байхгүй|алга|үгүй|\w+хгүй|\w+(?:хаа|хоо|хээ|хөө)\s+больсон)(?=\s*(?:(?:даа|дээ|доо|ээ|шүү)\s*){0,4}(?:[.!?;]|$))", "no", SENTENCE, NEGATE, 12),  # noqa: E501
        # "nobody who does X": "хууль бусаар ан хийдэг хүн манай сумд нэг ч байхгүй"
        (r"(?:хүн|хүмүүс|айл)\s+(?:\S+\s+){0,3}?(?:нэг\s+ч\s+|ганц\s+ч\s+|огт\s+)?(?:байхгүй|алга|үгүй)", "no", BEFORE, NEGATE, 10),  # noqa: E501
        # "no case of X occurred": "хашаанаас болж амьтан үхсэн тохиолдол манайд гараагүй"
        (r"(?:тохиолдол\w*|хэрэг|хэргүүд)\s+(?:\S+\s+){0,2}?(?:(?:нэг|ганц)\s+ч\s+)?(?:гараагүй|гардаггүй|гарахгүй|бүртгэгдээгүй|илрээгүй|байхгүй|алга|байгаагүй)", "no", BEFORE, NEGATE, 10),  # noqa: E501
        # official answers: "хулгайн ангийн талаар гомдол, мэдээлэл ирээгүй" (no complaint or
        # report about poaching was received): the topic and the report are both denied
        (r"(?:талаар|тухай)\s+(?:(?:ямар|нэг|ганц)\s+ч\s+)?(?:гомдол|мэдээлэл|мэдээ|дуудлага|мэдэгдэл)\w*(?:\s*,\s*(?:гомдол|мэдээлэл|мэдээ|дуудлага|мэдэгдэл)\w*)?\s+(?:\S+\s+)?(?:ирээгүй|ирсэнгүй|хүлээн\s+аваагүй|бүртгэгдээгүй|ирж\s+байгаагүй)", "no", CLAUSE, DENY, 10),  # noqa: E501
        # "зудын улмаас хорогдол бүртгэгдээгүй" (no loss from dzud was recorded): the cause
        # named before the loss is denied with it
        (r"(?:улмаас|шалтгаанаар|болж)\s+(?:\S+\s+){0,2}?(?:хорогдол|хорогдсон|үхэл|үхсэн|хохирол|хохирсон)\w*\s+(?:\S+\s+)?(?:(?:нэг|ганц)\s+ч\s+)?(?:гараагүй|бүртгэгдээгүй|илрээгүй|ажиглагдаагүй|тогтоогдоогүй|байхгүй|алга|байгаагүй)", "no", BEFORE, DENY, 12),  # noqa: E501
        # in place, enough, working, solved, regular: what the clause names is no trouble.
        # A complaint stays one: "хангалттай биш" (not enough), "цаасан дээр л шийдэгдсэн"
        # (solved on paper only), "сайн ажилладаггүй" (does not work well)
        (r"(?:цаасан\s+дээр|нэрээр|үгээр)\s+(?:л\s+|төдий\s+)?(?:шийдэгдсэн|шийдвэрлэгдсэн|шийдсэн|хангалттай|сайн)\w*|(?:хангалттай|хүрэлцээтэй|сайн)\s+(?:биш|бус)", "", BEFORE, NONE),  # noqa: E501
        # "одоо тэр асуудал алга", "тэр асуудал дууссан" (that problem is gone, is over): what
        # the sentence said before; when it opens its sentence, the sentence before it
        (r"(?:^|(?<=[.!?]\s))[^.!?]{1,200}?[.!?]\s+(?:(?:одоо|одоохондоо|харин)\s+)?(?:тэр|энэ|уг|тэрхүү|эдгээр|тэдгээр)\s+(?:асуудал|бэрхшээл|хүндрэл|дутагдал)\w*\s+(?:нь\s+)?(?:(?:одоо|бол|аль\s+хэдийн|бүрэн|нэгэнт)\s+){0,4}(?:алга|байхгүй|шийдэгдсэн|шийдвэрлэгдсэн|шийдэгдчихсэн|дууссан|арилсан|байхаа\s+больсон)(?![\w-])", "no longer", CLAUSE, DENY),  # noqa: E501
        # a habit of the past, then a short sentence that says it stopped: "Урьд нь хилээр
        # эвэр гаргадаг байсан. Шинэ дарга ирснээс хойш больсон." (it stopped after the new
        # head came): what the habit named is over
        (r"(?:^|(?<=[.!?]\s))[^.!?]{1,200}?\w+(?:даг|дэг|дог|дөг)\s+байсан(?:\s+(?:юм|л))?[.!?]\s+(?:[^\s.!?,;]+\s+){0,5}?(?:больсон|больчихсон|больжээ|зогссон|зогсчихсон|зогсжээ|тасарсан|болиод\s+удаж\s+байна)(?:\s+(?:даа|дээ|шүү|юм|л))*(?=\s*(?:[.!?]|$))", "no longer", CLAUSE, DENY),  # noqa: E501
        (r"(?:тэр|энэ|уг|тэрхүү|эдгээр|тэдгээр)\s+(?:асуудал|бэрхшээл|хүндрэл|дутагдал)\w*\s+(?:нь\s+)?(?:(?:одоо|бол|аль\s+хэдийн|бүрэн|нэгэнт)\s+){0,4}(?:алга|байхгүй|шийдэгдсэн|шийдвэрлэгдсэн|шийдэгдчихсэн|дууссан|арилсан|байхаа\s+больсон)(?![\w-])", "no longer", SENTENCE, DENY, 25),  # noqa: E501
        # "ус хүрэлцээтэй боллоо" (there is now enough water): what the sentence said lacked
        (r"(?:хангалттай|хүрэлцээтэй)\s+(?:болсон|боллоо|болчихсон|болжээ)(?=\s*(?:(?:даа|дээ|шүү|байна)\s*){0,4}(?:[.!?;]|$))", "not a problem", SENTENCE, DENY, 20),  # noqa: E501
        # "байгаль хамгаалагч хангалттай" (there are enough rangers), "асуудал шийдэгдсэн",
        # "хамтын ажиллагаа хэвийн" (cooperation is normal)
        (r"(?:(?:хангалттай|хүрэлцээтэй|хүрэлцэхүйц|элбэг|хэвийн)(?:\s+(?:байна|байгаа|байдаг|бий))?|(?:шийдэгдсэн|шийдвэрлэгдсэн|шийдэгдчихсэн|шийдвэрлэсэн)(?:\s+(?:байна|гэж\s+болно))?)(?=\s*(?:(?:даа|дээ|шүү|юм|л)\s*){0,4}(?:[.!?;,]|$))", "not a problem", BEFORE, DENY, 6),  # noqa: E501
        # "хамтарсан эргүүл сайн явж байгаа", "сумын засаг сайн ажилладаг" (works well)
        (r"(?:(?:маш|их|нэлээн|тун)\s+)?(?:сайн|хэвийн|жигд|үр\s+дүнтэй|амжилттай)\s+(?:ажилладаг|ажиллаж\s+(?:байна|байгаа)|явдаг|явж\s+(?:байна|байгаа)|хэрэгждэг|хэрэгжиж\s+(?:байна|байгаа)|зохион\s+байгуулагдсан|зохион\s+байгуулагддаг)(?=\s*(?:(?:даа|дээ|шүү|юм|л)\s*){0,4}(?:[.!?;,]|$))", "not a problem", BEFORE, DENY, 6),  # noqa: E501
        # a clause that only says it is fine: "Малчид идэвхтэй оролцож байгаа, сайн байна"
        (r"(?<=,\s)(?:энэ\s+|тэр\s+)?(?:(?:маш|их|тун)\s+)?(?:сайн|зүгээр|хэвийн)\s+(?:байна|байгаа|байдаг)(?=\s*(?:(?:даа|дээ|шүү)\s*){0,4}(?:[.!?;]|$))", "not a problem", SENTENCE, DENY, 12),  # noqa: E501
        # done separately is the complaint: "хоёр тал тус тусдаа жил бүр тоолдог"
        (r"(?:(?:тус\s+)?тусдаа|тусад\s+нь|өөр\s+өөрсдөө|өөр\s+өөрөөр|салангид\w*|дангаараа)(?:\s+[^\s.!?;,]+){0,4}?\s+(?:тоол|судал|хийдэг|явуулдаг)\w*", "", BEFORE, NONE),  # noqa: E501
        # regular work: "тооллогыг жил бүр хийдэг", "жилд хоёр удаа хамтарч тоолдог болсон",
        # "хамтарсан эргүүл сар бүр явдаг"; work that has become a habit: "одоо хамтарсан
        # тооллого хийдэг болсон"
        (r"(?:(?:жил|сар|улирал|хавар|намар|зун|өвөл)\s+бүр|жил\s+болгон|жилд\s+\S+\s+удаа|тогтмол|тогтоосон\s+хугацаанд)(?:\s+(?!(?:тус|тусдаа|тусад|өөр|салангид\w*|дангаараа)(?![\w-]))[^\s.!?;,]+){0,3}?\s+(?:тоол|судал|хуваалц|солилц|уулзд|уулзалт\s+хий|хурал\s+хий|шалга|эргүүл\s+хий|эргүүлд)\w*(?:даг|дэг|дог|дөг)(?:\s+болсон)?(?=\s*(?:(?:юм|л|даа|дээ|шүү|гэв|гэсэн)\s*){0,4}(?:[.!?;,]|$))|(?:тооллог|судалгаа|эргүүл|мониторинг|уулзалт|шалгалт)\w*\s+(?:[^\s.!?;,]+\s+){0,4}?(?:(?:жил|сар|улирал|хавар|намар|зун|өвөл)\s+бүр|жил\s+болгон|жилд\s+\S+\s+удаа|тогтмол|тогтоосон\s+хугацаанд)(?:\s+(?!(?:тус|тусдаа|тусад|өөр|салангид\w*|дангаараа)(?![\w-]))[^\s.!?;,]+){0,2}?\s+(?:хийдэг|явуулдаг|явдаг|явагддаг|хийгддэг|болдог|зохиогддог|зохион\s+байгуулагддаг)(?:\s+болсон)?(?=\s*(?:(?:юм|л|даа|дээ|шүү|гэв|гэсэн)\s*){0,4}(?:[.!?;,]|$))|(?:хамтарсан\s+|хамтын\s+)?(?:тооллог|судалгаа|эргүүл|мониторинг|уулзалт|шалгалт)\w*\s+(?:(?!(?:тус|тусдаа|тусад|өөр|салангид\w*|дангаараа)(?![\w-]))[^\s.!?;,]+\s+){0,2}?(?:хийдэг|явуулдаг|явдаг|хийгддэг)\s+болсон(?=\s*(?:(?:юм|л|даа|дээ|шүү)\s*){0,4}(?:[.!?;,]|$))", "not a problem", CLAUSE, DENY, 10),  # noqa: E501
        # nobody complains: "гомдол алга" (no complaints), what the sentence named is fine
        (r"(?:ямар\s+ч\s+|нэг\s+ч\s+)?гомдол(?:\s+санал)?\s+(?:ч\s+)?(?:алга|байхгүй|гардаггүй|гараагүй|ирдэггүй|ирээгүй)|(?:хэн\s+ч|хүн)\s+(?:\S+\s+)?гомдолло\w*(?:хгүй|гүй)", "not a problem", SENTENCE, DENY, 14),  # noqa: E501
        (r"(?:томоохон\s+|том\s+|ноцтой\s+|гол\s+|ямар\s+ч\s+|ямар\s+нэг\s+)?(?:асуудал|аюул|заналхийлэл|бэрхшээл|хүндрэл|санаа\s+зовох\s+(?:зүйл|юм))\s+(?:(?:манайд|бидэнд|надад|манайхад|энд|тэнд|одоо|бараг|огт|ерөөсөө|тийм|бол|нь|ч|манай\s+(?:нутагт|суманд|сумд|аймагт|бүсэд|талд))\s+){0,3}(?:гэж\s+(?:юм\s+|зүйл\s+)?)?(?:биш|байхгүй|алга|үгүй|гараагүй|гардаггүй|гарахгүй|үүсээгүй|үүсдэггүй|тулгарахгүй|байдаггүй|хамаагүй|болохгүй|болдоггүй|болоогүй|болохоо\s+больсон|байхаа\s+больсон|байгаагүй|үүсгэдэггүй|үүсгэхгүй|учруулдаггүй|учруулахгүй|тулгардаггүй|тулгараагүй)|(?:асуудл|аюул|заналхийлл)\w*\s+ангид|асуудалгүй|(?:(?:ямар|нэг)\s+ч\s+)?(?:саадгүй|бэрхшээлгүй|хүндрэлгүй)(?=\s*(?:(?:даа|дээ|шүү|байна|байгаа|юм|л)\s*){0,4}(?:[.!?;,]|$))|хяналтад\s+(?:орсон|байгаа|байна)", "not a problem", BEFORE, DENY, 8),  # noqa: E501
        (r"(?:аюул\s+)?заналхийлэлгүй", "not a problem", BEFORE, DENY),
        # work that went or goes on without a hitch: "тооллого ямар ч саадгүй явагдсан",
        # "хамтарсан эргүүл хүндрэлгүй явдаг": the resource it names is in place; a problem
        # said to go on unhindered ("хулгайн ан саадгүй явагддаг") stays a problem
        (r"(?:(?:ямар|нэг)\s+ч\s+)?(?:саадгүй|бэрхшээлгүй|хүндрэлгүй|асуудалгүй|тасралтгүй|жигд)\s+(?:явагдсан|явагддаг|явагдаж|явсан|явдаг|явж|өнгөрсөн|өнгөрдөг|өнгөрлөө|хийгдсэн|хийгддэг|хийгдэж|хэрэгжсэн|хэрэгждэг|хэрэгжиж|үргэлжилсэн|үргэлжилдэг|үргэлжилж|ажилладаг|ажилласан|ажиллаж|зохион\s+байгуулагд\w*)(?:\s+(?:байна|байгаа|байдаг|байсан))?(?=\s*(?:(?:даа|дээ|шүү|юм|л|гэнэ|гэв|гэсэн)\s*){0,4}(?:[.!?;,]|$))", "not a problem", BEFORE, AFFIRM, 8),  # noqa: E501
        # a lack denied: "шатахууны мөнгөнөөс нэг ч төгрөг дутаагүй" (not a tugrik of the fuel
        # money was missing), "хүн хүч дутдаггүй": the resource is in place; "хулгайн анч
        # дутахгүй" (no shortage of poachers) still names poachers
        (r"(?:дутаагүй|дутдаггүй|дутахгүй|дутсангүй|дутагдаагүй|дутагддаггүй|дутагдахгүй|дутуу\s+(?:биш|байгаагүй|байхгүй)|хомсдоогүй|хомсддоггүй|хомс\s+биш)(?=\s*(?:(?:даа|дээ|шүү|юм|л|байна|байгаа|гэнэ|гэв|гэсэн)\s*){0,4}(?:[.!?;,]|$))", "not a problem", BEFORE, AFFIRM, 8),  # noqa: E501
        # a list said to be enough: "хүн хүч, дуран хангалттай" (manpower and binoculars are
        # sufficient): the comma of the list does not end what "enough" reaches
        (r"(?:^|(?<=[.!?:;,]\s))(?:[^\s.!?,;]+\s+){0,2}?[^\s.!?,;]+,\s+(?:[^\s.!?,;]+\s+){0,2}?(?:хангалттай|хүрэлцээтэй|хүрэлцэхүйц|элбэг)(?:\s+(?:байна|байгаа|байдаг|байсан|бий))?(?=\s*(?:(?:даа|дээ|шүү|юм|л)\s*){0,4}(?:[.!?;]|$))", "not a problem", CLAUSE, AFFIRM),  # noqa: E501
        # a small impact or risk: "уурхайн нөлөө маш бага" (the mine's effect is very small)
        (r"(?:нөлөө|аюул|эрсдэл|дарамт)\w*\s+(?:нь\s+)?(?:маш\s+|тун\s+|харьцангуй\s+|нэлээн\s+|их\s+)?(?:бага|багахан)(?=\s*(?:(?:даа|дээ|шүү|байна|байгаа|байдаг|юм|л|гэж\s+\S+(?:\s+байна)?)\s*){0,4}(?:[.!?;,]|$))", "not a problem", BEFORE, DENY, 8),  # noqa: E501
        # a conflict denied denies those it would be between: "нутгийн иргэд ирвэстэй
        # зөрчилдөхгүй", "малчид, хамгаалагчдын хооронд маргаан гардаггүй"
        (r"(?:ямар\s+ч\s+)?(?:зөрчил|маргаан|мөргөлдөөн|хэрүүл|сөргөлдөөн)\w*\s+(?:ч\s+)?(?:байхгүй|алга|үгүй|гардаггүй|гараагүй|гарахгүй|байгаагүй|үүсдэггүй|үүсээгүй)|[\w-]+\s+(?:зөрчилд|маргалд|мөргөлд|сөргөлд)\w*(?:хгүй|дөггүй|дэггүй|доггүй|даггүй|өөгүй|оогүй|ээгүй)", "not a problem", CLAUSE, DENY, 4),  # noqa: E501
        # a list the sentence then denies as a whole: "Зуд, ган манай нутагт нөлөөлөөгүй",
        # "Хулгайн ан, уурхай хоёулаа манайд байхгүй" (a comma in a list of nouns, none of
        # them a verb, does not end what the negation reaches)
        (rf"(?:^|(?<=[.!?;:—,]\s)|(?<=[.!?;:—,]))(?:{_MN_NOUN}\s+){{0,3}}?(?:(?:ямар|нэг|ганц)\s+ч\s+)?{_MN_NOUN},\s+(?:(?:{_MN_NOUN}\s+)?{_MN_NOUN},\s+){{0,2}}(?:[^\s.!?,;]+\s+){{0,6}}?{_MN_NEG}(?=\s*(?:[.!?;,]|$))", "not", BEFORE, NEGATE),  # noqa: E501
        # "Хашаа ч, зам ч манай хулангийн нутгийг хөндөөгүй" (neither … nor …), also after a
        # dash and with "аль нь ч" (none of them): "Хашаа ч, уурхай ч — энд аль нь ч байхгүй"
        (rf"(?:{_MN_NOUN},?\s+){{0,3}}?{_MN_NOUN}\s+ч,?\s+(?:{_MN_NOUN}\s+){{0,2}}?{_MN_NOUN}\s+ч\s+(?:[—–-]+\s+)?(?:[^\s.!?,;]+\s+){{0,4}}?(?:аль\s+(?:аль\s+)?нь\s+(?:ч\s+)?)?(?:{_MN_NEG}|биш|эрүүл|саруул|аюулгүй)", "neither-nor", BEFORE, NEGATE),  # noqa: E501
        # "ямар ч өвчин тахалгүй" (free of any disease or plague): the "without" of the last
        # word of a pair after "ямар ч" (any) takes the pair
        (r"ямар\s+ч\s+(?:[^\s.!?,;]+\s+){0,2}?\w+(?:гүй|гуй)", "without", BEFORE, NEGATE),  # noqa: E501
        (r"(?:(?:юу\s+ч|нэг\s+их)\s+)?(?:хэлж\s+)?(?:сайн\s+)?мэдэхгүй(?:\s+байна)?|хэлэхэд\s+(?:их\s+|нэлээн\s+)?хэцүү|(?:хариулмааргүй|ярьмааргүй)(?:\s+байна)?|мэдэх\s+зүйл\s+(?:алга|байхгүй)|хэлж\s+чадахгүй|мэдээлэл\s+надад\s+(?:алга|байхгүй)|надад\s+(?:\S+\s+)?мэдээлэл\s+(?:алга|байхгүй)", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        # "арьсыг хилээр гаргах явдал сүүлийн жилүүдэд зогссон" (taking skins over the border
        # has stopped in recent years): "явдал" (the doing of) takes the stop back over the
        # whole act; a fence taken down ("хашааг буулгасан") at the end of a clause says the
        # same (not "тасарсан", broke off: "хашаанаас болж нүүдэл тасарчээ" is the harm)
        (r"(?:явдал|үйлдэл|үзэгдэл|(?<=[хx]\s)нь)\s+(?:нь\s+)?(?:[^\s.!?,;]+\s+){0,4}?(?:больсон|больчихсон|больжээ|зогссон|зогсчихсон|зогсжээ|тасарсан|тасарчихсан|тасарчээ|алга\s+болсон|байхгүй\s+болсон)", "no longer", BEFORE, NEGATE, 12),  # noqa: E501
        # "хулгайн ан сүүлийн гурван жил манай нутагт гараагүй" (no poaching here these three
        # years): a span of time and a place between the subject and its negation
        (rf"сүүлийн\s+(?:[^\s.!?,;]+\s+){{0,2}}?(?:жил\w*|сар\w*|үед|үеийн)\s+(?:(?:манай|энэ|тэр)\s+(?:[^\s.!?,;]+\s+)?(?:нутагт|сумд|суманд|хөндийд|бүсэд|газар|орчимд|тал\w*)\s+)?(?:(?:огт|нэг\s+ч|бараг)\s+)?(?!(?:багас|буур|зогс|тас|дуус|арил|намж|цөөр)\w*)(?:{_MN_NEG}|гараагүй|болоогүй|харагдаагүй|үзэгдээгүй|байгаагүй)(?![\w-])", "not", BEFORE, NEGATE),  # noqa: E501
        # animals that pass freely, or over a crossing: "шинэ замын гүүрэн гарцаар зээр
        # өвөлжин гарсан" (the gazelles crossed by the bridge all winter), "хулан чөлөөтэй
        # гардаг": the barrier named before is no barrier
        (r"(?:(?:зээр|хулан|амьтад|амьтан|амьтны|бөхөн|аргаль|аргаль|угалз|тахь|хавтгай|янгир|сүрэг)\w*\s+(?:[^\s.!?,;]+\s+){0,2}?(?:чөлөөтэй|саадгүй|чөлөөтэйгөөр)\s+|гарцаар\s+(?:[^\s.!?,;]+\s+){0,2}?(?:зээр|хулан|амьтад|амьтан|амьтны|бөхөн|аргаль|угалз|тахь|хавтгай|янгир)\w*\s+(?:[^\s.!?,;]+\s+){0,2}?|(?:зээр|хулан|амьтад|амьтан|амьтны|бөхөн|аргаль|угалз|тахь|хавтгай|янгир)\w*\s+(?:[^\s.!?,;]+\s+){0,3}?гарцаар\s+(?:[^\s.!?,;]+\s+){0,3}?)(?:гардаг|гарсан|гарч\s+(?:байна|байгаа)|нэвтэрдэг|нэвтэрсэн|дамждаг|дамжсан|нүүдэг|нүүсэн|нүүж\s+(?:байна|байгаа)|өнгөрдөг|өнгөрсөн)(?![\w-])", "not a problem", BEFORE, DENY, 8),  # noqa: E501
        # "машин, шатахуун нь ч бий" (there are cars and fuel too): a resource said to be
        # there is in place; "хулгайн анч ч бий" (there are poachers too) stays a problem
        (r"(?<!асуудал\s)(?<!асуудлууд\s)(?<!дутагдал\s)(?<!дутагдлууд\s)(?<!хомсдол\s)(?<!бэрхшээл\s)(?<!хүндрэл\s)(?<!хүндрэлүүд\s)(?<!гомдол\s)(?<!саад\s)(?<!эрсдэл\s)(?<!аюул\s)(?<!дарамт\s)(?<!зөрчил\s)(?:(?:нь\s+)?ч|бүгд(?:\s+нь)?|бүрэн)\s+бий(?:\s+(?:байна|байгаа|болсон))?(?=\s*(?:(?:даа|дээ|шүү|юм|л)\s*){0,4}(?:[.!?;,]|$))", "not a problem", BEFORE, AFFIRM, 4),  # noqa: E501
        # dogs kept tied now: "нохойгоо уядаг болсон" (they have taken to tying their dogs):
        # the dogs no longer run loose
        (r"(?:(?<=нохой\s)|(?<=нохойгоо\s)|(?<=нохойг\s)|(?<=нохойнуудаа\s)|(?<=нохойнуудыг\s)|(?<=ноходоо\s)|(?<=ноход\s)|(?<=нохдоо\s)|(?<=нохдыг\s)|(?<=ноходыг\s)|(?<=хоточоо\s)|(?<=хоточ\s))(?![^.!?]{0,30}?(?:гэдэг|гэж|гэсэн)(?:\s+нь)?\s+(?:худлаа|худал|буруу|биш)(?![\w-]))(?:уядаг|уясан|уячихсан|уяж\s+(?:байна|байгаа|эхэлсэн)|хорьдог|хорьсон)(?:\s+(?:болсон|болжээ|болчихсон|болоод))?(?![\w-])", "no longer", BEFORE, NEGATE, 3),  # noqa: E501
        # "stopped doing so" after what was done: "малчдын нохой зээр хөөдөг байсан, одоо
        # тэгэхээ больсон" (the herders' dogs chased gazelles, now they stopped doing so):
        # the anaphoric verb takes what the sentence named before it
        (r"(?<![\w-])(?:одоо\s+)?(?:тэгэхээ|ингэхээ|тэхээ|тэгэхээс|тэгэх\s+нь|ингэх\s+нь)\s+(?:больсон|больчихсон|больжээ|болилоо|болисон|байсан|байчихсан|зогссон)(?![\w-])", "no longer", SENTENCE, NEGATE, 14),  # noqa: E501
        # "хулгайн анчид сүүлийн гурван жил манай нутагт ирэхээ больсон" (poachers stopped
        # coming here these three years): the stop reaches the subject over a time and a place
        (r"\w+(?:хаа|хоо|хээ|хөө)\s+(?:больсон|больчихсон|больжээ|болилоо)", "no longer", BEFORE, NEGATE, 10),  # noqa: E501
        # "хулгайн ан одоо түүх болсон" (is history now), "… өнгөрсөн үеийн юм" (a thing of the
        # past), "хулгайн анчдын үе өнгөрсөн" (their days are gone), "сураггүй болсон" (not heard
        # of any more), "уурхай хаагдсан" (the mine was closed), each ending its clause
        (r"(?:(?:түүх|домог)\s+болсон|(?:(?:тэр|энэ)\s+(?:нь\s+)?)?өнгөрсөн\s+(?:үеийн|цагийн)\s+(?:юм|зүйл|явдал)|өнгөрсөн\s+(?:зүйл|явдал)|(?:тэр|энэ)\s+(?:нь\s+)?өнгөрсөн|(?:үе|цаг|жилүүд)\s+(?:нь\s+)?өнгөрсөн|сураггүй\s+болсон|(?<=уурхай\s)хаагдсан|(?<=уурхайнууд\s)хаагдсан)(?=\s*(?:(?:даа|дээ|шүү|юм|л)\s*){0,4}(?:[.!?;,]|$))", "no longer", BEFORE, NEGATE),  # noqa: E501
        (r"(?:буулгасан|буулгачихсан|буулгажээ|задалсан|задлачихсан|задалжээ)(?=\s*(?:(?:даа|дээ|шүү|юм|л)\s*){0,4}(?:[.!?;,]|$))", "no longer", BEFORE, NEGATE),  # noqa: E501
        (r"\w+(?:хаа|хоо|хээ|хөө)\s+(?:больсон|болисон|болисн|больчихсон|болчихсон|больжээ|болилоо|байсан|байчихсан)|(?<!болж\s)(?<!улмаас\s)(?:больсон|больчихсон|больжээ|зогссон|зогсчихсон|зогсжээ)|алга\s+болсон|болиод(?:\s+(?:удаж|удсан|удаад|\S+\s+жил))?|намжсан|намжчихсан|намжжээ|намдсан|дууссан|дуусчихсан|дуусжээ|арилсан|арилчихсан|арилжээ|\w+(?:аас|ээс|оос|өөс)\s+ангижир\w*", "no longer", BEFORE, NEGATE),  # noqa: E501
        (r"хэзээ\s+ч|огт|нэг\s+ч\s+удаа|ерөөсөө", "never", EITHER, NEGATE),
        (r"\w+(?:гүйгээр)", "without", BEFORE, NEGATE),
        (r"байхг[үу]й|бхг[үу]й|алга|[үу]г[үу]й|\w+(?:аас|ээс|оос|өөс)\s+(?:ангид|(?:бүрэн\s+)?аюулгүй(?!\s+(?:газар\w*|биш|бус|болох\w*|байлгах\w*))(?![\w-]))", "no", BEFORE, NEGATE),  # noqa: E501
        # far from what it names: "манай хулан зам, хашаанаас хол" (our wild asses are far
        # from roads and fences)
        (r"\w+(?:аас|ээс|оос|өөс)\s+(?:их\s+|нэлээн\s+|маш\s+|тун\s+|нилээд\s+)?хол(?=\s*(?:(?:байдаг|байна|байгаа|оршдог|даа|дээ|шүү)\s*){0,4}(?:[.!?;,]|$))", "without", BEFORE, NEGATE),  # noqa: E501  # noqa: E501
        (r"биш|\w+(?:хгүй|аагүй|ээгүй|оогүй|өөгүй|гаагүй|гээгүй|даггүй|дэггүй|доггүй|дөггүй|сангүй|сэнгүй|сонгүй|сөнгүй|иагүй|иогүй|яагүй|ёогүй|еэгүй)|\w+(?:хгуй|аагуй|ээгуй|оогуй|өөгуй|даггуй|дэггуй|доггуй|дөггуй)", "not", BEFORE, NEGATE),  # noqa: E501
    ],
    "fa": [
        (r"نه\s+تنها|نه\s+فقط", "", AFTER, NONE),
        # "راه آهن جلوی آهوها را نمی گیرد" (does not block the animals): the barrier before it
        # is denied (not "جلوی شکارچی ها را نمی گیرند", nobody stops the poachers)
        (r"جلوی\s+(?:این\s+|اون\s+|آن\s+)?(?:آهو|گورخر|کل|بز|قوچ|میش|حیوان|جانور|وحش|یوز|پلنگ|جیران|گوسفند|دام|گله)\S*(?:\s+ها)?\s+را\s+(?:هم\s+|اصلا\s+|دیگر\s+)?نمی\s*(?:گیرد|گیرند|گیره|گیرن)(?!\w)", "not", BEFORE, DENY, 6),  # noqa: E501
        # "مردم از پلنگ شکایت نمی کنند", "گرگ ها به گله حمله نمی کنند", "تلفات آهو در کانال
        # نداشتیم": the complaint, attack or loss denied takes its clause
        (r"(?:شکایت|گله\s*مندی|گلایه|اعتراض|حمله)(?:\s*ای|\s*ی)?\s+(?:(?:هم|دیگر|دیگه|اصلا|هیچ\s*وقت)\s+){0,4}(?:نمی\s*(?:کنند|کند|کنن|کنه)|نکرده\S*|نکردند|ندارند|نداریم|نشده)(?!\w)|(?:تلفات|تصادف|مرگ\s+و\s+میر|تلف\s+شدن)\S*\s+(?:\S+\s+){0,4}?(?:نداشتیم|نداشته\S*|نبود|نبوده\S*|نداریم|ندارند|نداشتند)(?!\w)", "not", CLAUSE, DENY),  # noqa: E501
        # safe from the law or a crackdown is impunity: "شکارچیان از هر گونه برخوردی در امان
        # اند" (poachers are safe from any crackdown), nothing is denied
        (r"از\s+(?:هر\s+(?:گونه|نوع)\s+)?(?:قانون|مجازات|جریمه|تعقیب|دادگاه|برخورد|بازداشت|دستگیری|پیگرد|پیگیری|محاکمه|تنبیه|بازرسی)\S*\s+(?:\S+\s+){0,2}?در\s+امان", "", AFTER, NONE),  # noqa: E501
        # "روستا از حمله ی گرگ در امان است" (safe from wolf attacks): what it is safe from is
        # denied (not "از قانون در امان اند", safe from the law, impunity)
        (r"از\s+(?!(?:هر\s+(?:گونه|نوع)\s+)?(?:قانون|مجازات|جریمه|تعقیب|دادگاه|محیط|مامور|پلیس|دولت|برخورد|بازداشت|دستگیری|پیگرد|پیگیری|محاکمه|تنبیه|بازرسی|نظارت|کنترل)\S*)(?:\S+\s+){0,6}?\S+\s+در\s+امان(?:\s*(?:است|هست|اند|هستند|ه|بوده|مانده|ماند|ایم|هستیم|بودیم|بودند))?(?!\w)", "without", CLAUSE, DENY, 10),  # noqa: E501
        # a survey done regularly: "هر سال سرشماری می کنیم", "سرشماری هر پاییز انجام می شود"
        # (the resource is in place; a problem stays: "هر سال شکار می کنند")
        (r"(?:هر\s+(?:سال|پاییز|بهار|تابستان|تابستون|زمستان|زمستون|ماه|هفته|فصل)|سالانه|سالیانه|به\s+طور\s+منظم|مرتب)\s+(?!(?:\S+\s+){0,3}?(?:فقط|روی\s+کاغذ|رو\s+کاغذ|اسما|ظاهرا|صوری|قرار\s+است|قراره))(?:\S+\s+){0,3}?(?:(?:سرشماری|شمارش|پایش|گشت|گشت\s+زنی|مانیتورینگ|آمارگیری)\s+(?:\S+\s+){0,2}?می\s*(?:کنیم|کنند|کنن|زنیم|زنند|زنن|شود|شه)|انجام\s+می\s*(?:شود|شه|دهیم|دیم|دهند|دن|گیرد|گیره)|برگزار\s+می\s*(?:شود|شه))(?!\w)", "not a problem", CLAUSE, AFFIRM),  # noqa: E501
        # a lack denied: "آمار کم نداریم", "کمبود داده نداریم" (the resource is in place)
        (r"(?:هیچ\s+)?(?:کم\s+و\s+(?:کسری|کسر|کاستی)|کم|کمبود(?:\s*ی)?)\s+(?:هم\s+)?(?:نداریم|ندارند|ندارد|نداره|نداشتیم|نیست)(?!\w)", "not a problem", BEFORE, AFFIRM, 4),  # noqa: E501
        # a shortage that has not shrunk: "مشکل کمبود محیط بان کم نشده" (the ranger shortage
        # has not eased) is a complaint
        (r"(?:کمبود|کسری|کسر|مشکل|مشکلات|معضل)\S*\s+(?:\S+\s+){0,3}?(?:هیچ\s+)?کم\s+(?:نشده|نشد|نمی\s*شود|نمی\s*شه)", "", AFTER, NONE),  # noqa: E501
        # "یک ریال هم از بودجه کم نیامده" (not a rial short): the resource is in place (a
        # problem stays: "شکار کم نشده", poaching has not decreased)
        (r"کم\s+(?:نیامده|نیومده|نیامد|نیومد|نبوده|نبود|نشده|نشد|نگذاشتند|نگذاشتن|نذاشتن)(?:\s*(?:است|اند|ه))?(?!\w)", "not a problem", BEFORE, AFFIRM, 12),  # noqa: E501
        # "سرشماری بدون هیچ مشکلی انجام شد", "همکاری با طرف تاجیک بی مشکل است": what went
        # without a problem is in order, whatever its polarity
        (r"(?:بدون|بی)\s*(?:هیچ\s+)?(?:مشکل|دردسر|مسئله|مساله|گرفتاری|اشکال|وقفه|مانع)(?:\s*ی)?\s+(?:\S+\s+){0,2}?(?:انجام|برگزار|اجرا|پیش|تمام|تموم)\s*(?:شد|شده|می\s*شود|می\s*شه|رفت|میره|می\s*رود)(?!\w)", "without", CLAUSE, AFFIRM, 10),  # noqa: E501
        (r"(?:بدون|بی)\s*(?:هیچ\s+)?(?:مشکل|دردسر|گرفتاری|اشکال)(?:\s*ی)?\s*(?:است|هست|بود|ه|اس|بوده)(?!\w)", "without", BEFORE, AFFIRM, 8),  # noqa: E501
        # "قبلا چوپان ها پلنگ را می زدند؛ چند ساله این کار تموم شده": what the sentence named
        # before is over (a resource stays the gap: "بودجه می دادند، این کار تموم شده")
        (r"(?:این|اون|آن)\s+(?:کار|کارها|قضیه|ماجرا|مسئله|مساله|داستان|چیزا|چیزها|وضع)\s+(?:(?:دیگه|دیگر|هم|کلا|کاملا|دیگه\s+کلا)\s+)?(?:تموم|تمام|ختم|برچیده)\s*(?:شده|شد)(?:\s*(?:است|ه))?(?!\w)", "no longer", SENTENCE, NEGATE, 40),  # noqa: E501
        # "آهوها در کانال گیر نمی کنند", "چوپان ها گله را به چشمه نمی برند": the barrier the
        # animals are not caught in, the herding and where it would go, are denied
        (r"(?:گیر|گرفتار)\s+(?:هم\s+)?(?:نمی\s*(?:کنند|کند|افتند|افتد)|نکرده\s*(?:اند|است|ایم)|نمی\s*شوند|نمی\s*شود)(?!\w)|(?:گله|دام|احشام|گوسفند|بز|رمه)\S*\s+(?:(?:شان|ها|خود|را)\s+){0,2}(?:\S+\s+){0,4}?(?:نمی\s*(?:برند|برد|برن|آورند|آورد|رانند|راند|چرانند|چراند)|نبرده\s*اند|نیاورده\s*اند)(?!\w)", "not", CLAUSE, DENY),  # noqa: E501
        # "محیط بان ها رشوه نمی گیرند": bribe-taking and who would take them are denied
        (r"رشوه\s+(?:(?:هم|اصلا|دیگر|دیگه)\s+){0,4}(?:نمی\s*(?:گیرند|گیرد|گیرن|گیره|دهند|دهد|دن|ده|خواهند|خواهد)|نگرفته\S*|نداده\S*)(?!\w)", "not", CLAUSE, DENY),  # noqa: E501
        # "معدن را تعطیل کردند", "جاده را بستند": what was closed or removed is no more
        (r"(?<=\sرا\s)(?<!راه\sرا\s)(?<!مسیر\sرا\s)(?<!جلو\sرا\s)(?<!جلوی\sرا\s)(?:(?:بالاخره|دیگر|کاملا)\s+)?(?:بستند|تعطیل\s+(?:کردند|کرده\s*اند|شد)|برچیدند|برچیده\s*اند|جمع\s+کردند|جمع\s+کرده\s*اند|خراب\s+کردند|برداشتند|برداشته\s*اند)(?!\w)", "no longer", BEFORE, NEGATE, 8),  # noqa: E501
        # "بدون هیچ دردسری با همسایه": a dispute denied takes both sides with it
        (r"بدون\s+(?:هیچ\s+)?(?:دردسر|مشکل|درگیری|اختلاف|مسئله|مساله|تنش|گرفتاری|دعوا)(?:\s*ی)?\s+(?:با|بین|میان)(?!\w)", "without", CLAUSE, DENY),  # noqa: E501
        # "جلوی شکارچی ها را نمی گیرند" (nobody stops the poachers) does not deny the poachers;
        # "شکار صورت نمی گیرد" (no hunting takes place) does
        (r"(?<!صورت\s)(?<!انجام\s)(?<!قرار\s)نمی\s*گیر\w*", "", BEFORE, NONE),
        # "فایده ای ندارد" (it is no use), "کسی کاری به کار شکارچی ها ندارد" (nobody bothers the
        # poachers): idioms with "has not" that deny nothing before them; but "سگ های گله کاری به
        # آهوها ندارند" (the sheepdogs leave the gazelles alone) denies its subject
        (r"(?:کسی|هیچ\s*کس|هیچکی|هیچ\s+کی)\s+(?:\S+\s+){0,5}?کاری\s+(?:\S+\s+){0,4}?ندار\w*|(?:فایده\s*ای|فایده|فرقی|ربطی)\s+(?:هم\s+)?ندار\w*", "", BEFORE, NONE),  # noqa: E501
        # snares collected ("تله ها را جمع کردند") are snares found, not a threat removed
        (r"تله\S*(?:\s+\S+){0,3}?\s+(?:جمع|برداشت|برچید)\S*(?:\s+(?:کردن|کردند|کردیم|شد\w*|کرده\s*ایم|کرده\s*اند))?", "", BEFORE, NONE),  # noqa: E501
        # a question back about the survey or the asker: nothing in it is said about a theme
        (FA_ASKED_BACK, "asked back", CLAUSE, DENY, 40),
        # "همه فکر میکنن شکارچی گورخرا رو کم کرده، ولی به نظر من خشکسالی …" (everyone thinks
        # it is the hunters, but in my view …): the belief the speaker sets aside is denied
        (r"(?:همه|همه\s+ی\s+مردم|خیلی\s*ها|خیلیا|بیشتر\s+مردم|مردم|بعضی\s*ها|بعضیا)\s+(?:فکر|خیال|تصور|گمان)\s+(?:می\s*کن\w*|میکن\w*)(?:\s+که)?(?=\s+[^.!?؟;؛]{1,120}?(?:ولی|اما|ولیکن)\s+(?:به\s+نظر\s+من|به\s+نظرم|از\s+نظر\s+من|من\s+فکر\s+می\s*کنم|من\s+میگم|در\s+واقع|واقعیت|اصل\s+کار|مشکل\s+اصلی))", "not", AFTER, DENY),  # noqa: E501
        # thanks for something: "ممنون که تا روستای ما آمدید" (thank you for coming to our
        # village) says nothing about the village; a contrast after it ends the thanks
        (r"(?:(?:خیلی|بسیار)\s+)?(?:ممنون(?:م|یم)?|متشکر(?:م|یم)?|مرسی|سپاسگزار(?:م|یم)?|(?:از\s+(?:شما|شوما)\s+)?تشکر\s+(?:می\s*کنم|می\s*کنیم|میکنم|میکنیم))\s+(?:که|از\s+این\s*که|بابت|برای|واسه)(?:\s+(?!(?:ولی|اما|بلکه|ولیکن)(?!\w))[^\s.,;:!?؟،؛]+){1,12}", "thanks", CLAUSE, DENY),  # noqa: E501
        # in place, enough, working, solved, regular: what the clause names is no trouble.
        # A complaint stays one: "کافی نیست" (not enough), "فقط روی کاغذ حل شده" (solved on
        # paper only), "خوب کار نمی کند" (does not work well)
        (r"(?:روی|رو|در|تو)\s+کاغذ\s+(?:\S+\s+){0,2}?(?:حل|برطرف|رفع|کافی|خوب|انجام)\S*(?:\s+(?:شده|شد|است|ه|می\s*شود|میشه|می\s*شه)\w*)?", "", BEFORE, NONE),  # noqa: E501
        # "مشکل سوخت حل شده" (the fuel problem is solved): a resource named with it is denied
        (r"(?:حل|برطرف|رفع)\s+(?:شده|شد|گردید|گردیده|گشته)\w*(?:\s+(?:است|ه))?", "no longer", BEFORE, DENY, 10),  # noqa: E501
        # "تعداد محیط بان ها الان کافیه" (there are enough rangers now)
        (r"(?:به\s+(?:اندازه|قدر)(?:\s*ی)?\s+)?(?:کافی\s*(?:است|هست|اند|هستند|ست|ه|ن|ند)|کافی\s*(?:بود|بودند|بودن)(?=\s*(?:[.!؛;]|$))|کافیه|کافیست|کافین|بسنده\s*(?:است|ه))(?!\w)|به\s+(?:اندازه|قدر)(?:\s*ی)?\s+کافی\s+(?:\S+\s+){0,2}?(?:داریم|دارند|دارن|داره|دارد|هست|هستند|هستن)(?!\w)", "not a problem", BEFORE, DENY, 6),  # noqa: E501
        # "گشت مشترک خوب کار می کند" (the joint patrol works well)
        (r"(?:(?:خیلی|کاملا|نسبتا)\s+)?(?:خوب|به\s+خوبی|درست|منظم|مرتب|عالی)\s+(?:کار\s+(?:می\s*کن|میکن)\w*|پیش\s+(?:می\s*ر|میر)\w*|جواب\s+(?:می\s*د|مید)\w*|اجرا\s+(?:می\s*ش|میش)\w*|عمل\s+(?:می\s*کن|میکن)\w*)", "not a problem", BEFORE, DENY, 6),  # noqa: E501
        # nobody complains: "کسی از خسارت شکایت نکرده" (nobody has complained of damage)
        # (from the sentence's start, unless a contrast comes first: "شکار زیاده ولی کسی شکایت
        # نمی کنه" complains that nobody reports it)
        (r"(?:^|(?<=[.!?؟;؛:]\s)|(?<=[.!?؟;؛:]))(?:(?!ولی|اما|بلکه|ولیکن)[^.!?؟;؛:]){0,160}?(?<!\S)(?:کسی|هیچ\s*کس|هیچکی|هیچ\s+کی)\s+(?:هم\s+)?(?:\S+\s+){0,6}?(?:شکایت|گله|گلایه|اعتراض|شکوه)\s+(?:\S+\s+)?(?:نکرد|نمی\s*کن|نمیکن|ندار|نداشت)\w*", "not a problem", CLAUSE, DENY, 30),  # noqa: E501
        # "همچین چیزی هم نشنیدم" (I have never heard of such a thing): what the sentence named
        (r"(?:همچین|چنین|همچی|این\s*جور|اینجور|اینطور|این\s*طور)\s+(?:چیزی|موردی|کاری)\s+(?:(?:رو|را|هم|اصلا|تا\s+حالا|هرگز)\s+){0,3}(?:نشنید|ندید)\w*", "never", SENTENCE, DENY, 20),  # noqa: E501
        # a fence opened is a fence gone: "از وقتی حصار رو باز کردن"
        (r"(?:حصار|فنس|سیم\s*خاردار|نرده)\S*(?:\s+(?:ها|های|را|رو))*\s+(?:\S+\s+)?باز\s+(?:کردن|کردند|کرده\s*اند|کردیم|شد\w*)", "no longer", CLAUSE, DENY, 4),  # noqa: E501
        # a list denied as a whole: "سیم خاردار و حصار نیست" (there is neither barbed wire
        # nor fence): "و" between nouns does not end what the negation reaches
        (r"(?<![^\s.,;:!?؟،؛])(?:(?!(?:زیاد|زیاده|کم|کمه|خوب|خوبه|بد|بده|هست|است|بود|شده|شد|داریم|دارن|دارند|ه|هم|ولی|اما|که)(?!\w))(?!n?می)[^\s.,;:!?؟،؛]+\s+)?(?!(?:زیاد|زیاده|کم|کمه|خوب|خوبه|بد|بده|هست|است|بود|شده|شد|داریم|دارن|دارند|ه|هم|ولی|اما|که)(?!\w))(?!n?می)[^\s.,;:!?؟،؛]+\s+و\s+(?:(?!(?:زیاد|زیاده|کم|کمه|خوب|خوبه|بد|بده|هست|است|بود|شده|شد|داریم|دارن|دارند|ه|هم|ولی|اما|که)(?!\w))(?!n?می)[^\s.,;:!?؟،؛]+\s+)?(?!(?:زیاد|زیاده|کم|کمه|خوب|خوبه|بد|بده|هست|است|بود|شده|شد|داریم|دارن|دارند|ه|هم|ولی|اما|که)(?!\w))(?!n?می)[^\s.,;:!?؟،؛]+\s+(?:نیست|نیستند|نیس|نداریم|ندارن|ندارند|وجود\s+ندار\w*|نبوده|نبود)(?=\s*(?:[.!?؟،؛;:,]|$))", "no", CLAUSE, DENY, 8),  # noqa: E501
        # "مشکلی با دام نداریم" (we have no problem with livestock)
        (r"(?:هیچ\s+)?(?:مشکلی|مشکل|گرفتاری|دردسری|دردسر)\s+(?:هم\s+)?(?:با|از\s+بابت|از\s+نظر|از\s+لحاظ)\s+(?:\S+\s+){1,3}?(?:نداریم|ندارند|ندارد|نداشت\w*|نیست|ندارن|نداره|نیس)", "not a problem", CLAUSE, DENY),  # noqa: E501
        # "با اونور مرز مشکلی نداریم" (we have no trouble with the other side of the border)
        (r"با\s+(?:\S+\s+){1,4}?(?:هیچ\s+)?(?:مشکلی|مشکل|دردسری|گرفتاری|درگیری|اختلافی)\s+(?:هم\s+)?(?:نداریم|ندارند|ندارن|ندارد|نداره|نداشتیم|نداشتن|نداشتند|نیست)(?!\w)", "not a problem", CLAUSE, DENY),  # noqa: E501
        # "X مشکل ما نیست", "X برای ما مسئله ای نیست", "X مشکلی ایجاد نمی کنه"
        (r"(?:دیگر\s+|دیگه\s+)?(?:مشکل|مشکلی|تهدید|تهدیدی|معضل|معضلی|خطر|خطری|مسئله|مسئله\s*ای|مساله|مساله\s*ای|دردسر|دردسری|نگرانی|دغدغه|دغدغه\s*ای)\s+(?:(?:برای|واسه|واسه\s+ی|واسه\s*ی)\s+\S+\s+)?(?:\S+\s+)?(?:نیست|نیستند|نیستن|نیس|نمی\s*باشد|ندارد|ندارند|نداریم|نداره|ندارن|محسوب\s+نمی\s*شود|محسوب\s+نمی\s*شه|به\s+حساب\s+(?:نمی\s*آید|نمیاد|نمی\s*آد)|(?:ایجاد|درست)\s+(?:نمی\s*کن|نکرد|نکرده)\w*)|(?:تحت\s+)?کنترل\s+(?:است|شده|درآمده|ه)|کنترل\s+شده\w*", "not a problem", BEFORE, DENY),  # noqa: E501
        # "از این بابت هیچ مشکلی نداریم" (on that score we have no problem): what the sentence named
        (r"از\s+(?:این|آن|اون)\s+(?:بابت|نظر|لحاظ|جهت)\s+(?:هم\s+)?(?:هیچ\s+)?(?:مشکلی|مشکل|نگرانی|نگرانی ای|گرفتاری)\s+(?:\S+\s+)?(?:نداریم|ندارند|ندارد|نیست|نداشته\w*|نداره|ندارن|نیس)", "not a problem", SENTENCE, DENY, 25),  # noqa: E501
        # the question echoed before "I don't know": "قاچاق شاخ؟ راستش نمی دونم"
        (r"[\w-]+؟\s*(?:[^\s.,;:!?؟،؛]+\s+){0,3}?(?:نمی\s*(?:دانم|دونم|دانیم|دونیم)|(?:اطلاعی|اطلاع|خبری|خبر)\s+(?:ندارم|نداریم)|مطمئن\s+نیستم|یادم\s+(?:نیست|نمیاد)|چی\s+بگم|چه\s+(?:بگویم|بگم|عرض\s+کنم)|خدا\s+(?:می\s*دونه|می\s*داند|عالمه))(?!\w)", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        # the question echoed before its answer: "شکار غیرمجاز؟ این جا نداریم", "خشکسالی؟ نه، …",
        # "شکار؟ والا دیگه این جا خبری نیست", "اون فنس رو می گین؟ پارسال جمعش کردن"
        (r"[\w-]+؟(?=\s*(?:نه|نی|خیر|نخیر|ابدا|اصلا|هرگز|نچ)(?!\w)|\s*(?:[^\s.,;:!?؟،؛]+\s+){0,6}?(?:نداریم|نداشتیم|نداشتن|نداشتند|ندارن|ندارند|ندارد|نداره|نیست|نیستن|نیستند|نیس|نبوده|نبود|ندیده\w*|ندیدیم|ندیدم|نشنیده\w*|نشنیدیم|نشنیدم|نمی\s*بینیم|نمی\s*بینم|نمیبینیم|وجود\s+ندار\w*|تموم\s+شده|تمام\s+شده|(?:جمع|برچید)\S*\s+(?:کردن|کردند|کرده\s*اند|شد\w*)|برچیدن|برچیدند|برداشتن|برداشتند|برداشته\s*اند|برداشته\s+شد\w*|(?:برش|برشون)\s+داشتن\w*)(?!\w))", "no", BEFORE, NEGATE),  # noqa: E501
        # "تا حالا نشنیده ام که … رشوه گرفته باشد" (I have never heard that … took bribes)
        (r"(?:(?:تا\s+(?:حالا|به\s+حال|الان)|هرگز|هیچ\s*وقت|هیچگاه)\s+)?(?:نشنیده|ندیده|ندید|نشنید)\w*(?:\s+(?:ام|ایم|اند|ای|است))?\s+(?:که|کسی|هیچ\s*کس)", "never", CLAUSE, DENY, 10),  # noqa: E501
        (r"(?:من\s+)?(?:(?:هیچ\s+)?(?:چیزی|زیاد|خیلی|دقیق)\s+)?(?:نمی\s*(?:دانم|دونم|دانیم|دونیم)|(?:هیچ\s+)?(?:اطلاعی|اطلاع|نظری|آگاهی|خبری|خبر)\s+(?:ندارم|نداریم)|(?:هیچ\s+)?(?:اطلاعات|اطلاعاتی)\s+(?:(?:دقیق|دقیقی|زیادی|کافی|چندانی|خاصی)\s+)?ندارم|مطمئن\s+نیستم|سر\s+در\s+(?:نمیارم|نمی\s*آورم)|نمی\s*(?:تونم|توانم)\s+(?:نظر\s+(?:بدم|بدهم)|بگم|بگویم|قضاوت\s+کنم|جواب\s+(?:بدم|بدهم))|(?:تخصص|حوزه|رشته)(?:\s*ی)?\s+(?:من|بنده)\s+نیست|یادم\s+(?:نیست|نمیاد|نمی\s*آید)|(?:در\s+)?جریان\s+نیستم|بی\s+(?:اطلاعم|خبرم)|چی\s+بگم|چه\s+(?:بگویم|بگم|عرض\s+کنم)|خدا\s+(?:می\s*دونه|می\s*داند|عالمه))", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        # "از آقای رحیمی تو اداره بپرسین" (ask Mr Rahimi at the office): sent on to someone else
        (r"بپرس(?:ین|ید|ی)?|(?:سوال|سؤال)\s+(?:کنین|کنید)|باید\s+(?:\S+\s+){0,8}?پرسید", "don't know", BEFORE, UNKNOWN, 10),  # noqa: E501  # noqa: E501
        # "شکار زیاد بود ولی الان دیگه نیست" (there was much hunting, but no more): what the
        # sentence named before
        (r"(?:ولی|اما)\s+(?:(?:الان|حالا|این\s+روزها|این\s+روزا|امروز)\s+)?(?:دیگه|دیگر)\s+(?:خبری\s+)?(?:نیست|نیس|نیستن|نیستند|نداریم|نمی\s*بینیم)(?=\s*(?:[.!?؟؛;]|$))", "no longer", SENTENCE, NEGATE, 12),  # noqa: E501
        # "دیگر از شکار خبری نیست" (there is no sign of hunting any more)
        (r"(?:دیگر|دیگه)\s+(?:خبری\s+از(?=\s+(?:\S+\s+){1,3}?نیست)|از(?=\s+(?:\S+\s+){1,3}?خبری\s+نیست))", "no longer", AFTER, NEGATE, 3),  # noqa: E501
        (r"(?:دیگر|دیگه)\s+(?:\S+\s+){0,5}?(?:نمی\w*|نیست|نیستند|نیس|نیستن|ن(?:دید|شد|کرد|دار|بود|کن)\w*)", "no longer", BEFORE, NEGATE),  # noqa: E501
        # "شکار متوقف شده", "مشکل شکار حل شده", "تموم شده" (it is over); "فنس ها را برداشتند",
        # "جمعش کردن" (they removed the fence)
        (r"(?:متوقف|تموم|تمام|ختم|ریشه\s*کن|برچیده|برطرف|حل|منسوخ|تعطیل|بسته|متروکه|متروک)\s+(?:شده|شد|گردیده|گشته)\w*|(?:جمع(?:ش|شون|شان)?|برچیده)\s+(?:کردن|کردند|کرده\s*اند)|برچیدن|برچیدند|برداشتن|برداشتند|برداشته\s*اند|برداشته\s+شد\w*|(?:برش|برشون|برشان)\s+(?:داشتن|داشتند)", "no longer", BEFORE, NEGATE, 10),  # noqa: E501
        # "از شکار و چرای زیاد آزاد است" (free of hunting and overgrazing; Dari "آزاد"): the
        # cue holds the list after "از", which "و" would otherwise cut; "آزاد شد" (was set
        # free) and a bare "شکار آزاد است" (hunting is allowed) are not it
        (r"از\s+(?:[^\s.,;:!?؟،؛]+\s+){1,5}?(?:آزاد|پاک|عاری|در\s+امان|مصون)\s*(?:است|هست|اند|هستند|ه|ند|ن)(?!\w)", "without", BEFORE, NEGATE, 8),  # noqa: E501
        # "از شکار در امانه", "از خشکسالی آسیبی ندیده" (spared from X)
        (r"پاک\s+(?:است|شده|اند|ه)|پاکه|عاری\s+(?:است|اند|ه)|در\s+امان(?:ه|ند|ن|اند)?|مصون(?:ه|ند)?|(?:آسیب|صدمه|لطمه|ضرر|زیان|خسارت)(?:\s*ی)?\s+(?:هم\s+)?(?:\S+\s+)?(?:ندید|نخورد|نرسید|نمی\s*بین|نمی\s*خور|ندار|نزد|نمی\s*زن)\w*", "without", BEFORE, NEGATE, 6),  # noqa: E501
        # "به دور از معدن کاری" (far from mining), but not "دور از چشم" (out of sight of)
        (r"عاری\s+از|خالی\s+از|(?:به\s+)?دور\s+از(?!\s+چشم)", "without", AFTER, NEGATE, 3),
        # "نه با کمبود داده روبه روست و نه با …": the preposition goes with "neither"
        (r"نه(?:\s+(?:با|از|در|به|برای))?", "neither-nor", AFTER, NEGATE),
        (r"بی", "without", AFTER, NEGATE, 1),
        # "شکار نبود" (there was no hunting) at the end of a clause is the verb, not "lack of"
        (r"نبود(?=\s*(?:[.!?;:،؛,]|$))", "not", BEFORE, NEGATE),
        (r"بدون|فاقد|عدم|نبود|کمبود", "without", AFTER, NEGATE, 3),
        (r"هرگز|هیچ\s*وقت|هیچگاه", "never", AFTER, NEGATE),
        # "سگ ها کاری به کار آهوها ندارند" (the dogs leave the gazelles alone), "جاده به منطقه
        # ما نرسیده" (the road has not reached us): the subject before is denied
        (r"کاری\s+(?:\S+\s+){0,4}?ندار\w*|(?:به\s+(?:\S+\s+){1,4}?)?نرسید\w*", "not", BEFORE, NEGATE),  # noqa: E501
        # "جاده شون جداست", "گله ها از زیستگاه دورند" (their road is separate, the herds are
        # far from the habitat): what the clause names stays away
        (r"(?:جدا|دور|جداگانه)\s*(?:است|ست|هست|اند|ند|ن)|جداست|جدان|(?:\S+\s+)?فاصله\s+(?:زیادی\s+)?(?:داره|دارد|دارن|دارند)", "not", BEFORE, NEGATE),  # noqa: E501
        # "اسم قاچاق پلنگ رو هم نشنیدم", "درباره قاچاق شاخ چیزی نشنیده ام" (never heard of X)
        (r"(?:نشنید|ندید)\w*(?:\s+(?:ام|ایم|اند|ای|است))?|به\s+گوش(?:م|مون|مان|ما|ام)?\s+نخورد\w*(?:\s+(?:است|ه))?", "never", BEFORE, NEGATE, 8),  # noqa: E501
        # "خبری از شکار نیست", "از شکار خبری نیست" (there is no sign of hunting)
        (r"خبری\s+از(?=\s+(?:\S+\s+){1,3}?نیست)|از(?=\s+(?:\S+\s+){1,3}?خبری\s+نیست)", "no", AFTER, NEGATE, 3),  # noqa: E501
        # "خشکسالی و سیل هیچ کدوم این جا نبوده" (neither drought nor flood has been here): "none
        # of them" takes back what the sentence listed before it
        (r"هیچ\s*(?:کدوم|کدام)(?:شون|شان|ش)?(?=\s+(?:\S+\s+){0,3}?(?:نیست|نیس|نبود|ندار|نداشت|نمی|نشد|ندید|نیومد|نیامد)\w*)", "no", SENTENCE, NEGATE, 12),  # noqa: E501
        # "هیچ موردی از قاچاق ثبت نشده", "اثری از تله ندیدیم": the partitive "از" (of) goes
        # with the cue; what follows it is denied
        (r"(?:هیچ\s+)?(?:موردی|مورد|اثری|ردی|نشانی|نشانه\s*ای|نشونه\s*ای|گزارشی|نمونه\s*ای)\s+از(?=\s+(?:\S+\s+){1,5}?(?:نیست|نیس|نداریم|نداشتیم|ندیدیم|ندیده\w*|نشده\w*|نشد|نبوده|ثبت\s+نشد\w*|گزارش\s+نشد\w*|وجود\s+ندار\w*)(?!\w))|هیچ\s+(?:موردی|مورد|اثری|ردی|نشانی|گزارشی)\s+از", "no", AFTER, NEGATE, 4),  # noqa: E501
        # Dari "کدام" (any) before a negated verb: "کدام شکاری این طرف نمی آید" (no hunter
        # comes this way); a question "کدام …؟" (which …?) has no negated verb
        (r"کدام(?:\s+(?:یک|یکی|یک\s+شان))?(?=\s+(?:[^\s.,;:!?؟،؛]+\s+){0,5}?(?:نیست|نیستند|ندار\w*|نداشت\w*|نمی\w*|نشد\w*|ندید\w*|نکرد\w*|نبود\w*)(?!\w))", "no", AFTER, NEGATE),  # noqa: E501
        (r"هیچ", "no", AFTER, NEGATE),
        (r"نیست|نیستند|نیس|نیستن|وجود\s+ندارد|وجود\s+نداشت|ندارد|ندارند|نداریم|ندارن|ندارم|وجود\s+نداره|صورت\s+نگرفت\w*|قرار\s+نگرفت\w*|نمی\w*|ن(?:دید|دیده|شد|شده|کرد|کرده|کنند|کند|کن|داشت|بود|بوده|باشد|یامد|یومد|یست)\w*", "not", BEFORE, NEGATE),  # noqa: E501
    ],
    "kk": [
        # "жайылым жөнінде ешқандай шағым жоқ" (no complaint at all about the pasture):
        # what the sentence named is no trouble
        (r"(?:ешқандай|ешбір|еш)\s+(?:шағым|наразылық|өкпе)\w*\s+(?:жоқ|түскен\s+жоқ|болған\s+жоқ)(?!\w)(?![^.!?]{0,40}?(?:өйткені|себебі)[^.!?]{0,60}?(?:қорқ|сенбей|сенім\s+жоқ|пайдасы\s+жоқ|бекер))", "not a problem", SENTENCE, DENY, 12),  # noqa: E501
        # "мұз қабыршағы соңғы рет 2021-де болды" (the last ice crust was in 2021): the
        # thing named is over
        (r"соңғы\s+рет\s+(?:\S+\s+){0,2}?(?:(?:19|20)\d\d\S*(?:\s+жылы)?|\S+\s+жыл\s+бұрын)\s+(?:болды|болған|байқалды|тіркелді|көрінді|кездесті)(?!\s+(?:ме|ма)(?!\w))(?!\w)", "no longer", SENTENCE, NEGATE, 12),  # noqa: E501
        # "шөп мол", "булактар толук" (the grass is plentiful, the springs are full): a
        # resource said to abound is in place; a problem said to abound stays
        (r"(?:өте\s+)?(?:мол|молынан|жеткілікті\s+мол|толып\s+тұр)(?=\s*(?:[.,;:!?—]|$))", "not a problem", BEFORE, AFFIRM, 3),  # noqa: E501
        # "the years when X happened are behind us": what the sentence named before
        (r"(?:жылдар|күндер|кездер|заман|замандар)(?:ы|і)?\s+(?:әлдеқашан\s+|баяғыда\s+)?артта\s+қалды(?!\w)", "no longer", SENTENCE, DENY, 30),  # noqa: E501
        # "бірақ ол о баяғыда қалды" (but that is long behind us): what the sentence
        # before said
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:(?:бірақ|алайда|ал|қазір)\s+)?(?:ол|бұл|оның\s+бәрі|ол\s+кез|ол\s+заман)\s+(?:(?:о\s+)?баяғыда|әлдеқашан|ертеде)\s+(?:қалды|өтті|бітті|қалған|өткен)(?!\w)(?!\s+(?:деп|деу)(?!\w))", "no longer", CLAUSE, DENY),  # noqa: E501
        # "бір де бір тұзақ, бір де бір гильза табылған жоқ" (not one snare, not one
        # cartridge was found)
        (r"(?:бір\s+де\s+бір|бірде-бір|бірде\s+бір)\s+[^\s.,!?;:]+(?:,\s+(?:(?:бір\s+де\s+бір|бірде-бір|бірде\s+бір)\s+)?[^\s.,!?;:]+){1,3}\s+(?:[^\s.,!?;:]+\s+){0,2}?(?:жоқ|\w+(?:ған|ген|қан|кен)\s+жоқ|\w+(?:майды|мейді|пайды|пейді|байды|бейді|мады|меді|пады|педі|бады|беді))(?!\w)", "no", CLAUSE, DENY),  # noqa: E501
        # a wild animal that crosses a road or a fence freely, "nothing stops it":
        # the barrier named in the sentence is no trouble (not poachers or herds, whom
        # nothing stopping is the complaint)
        (r"(?:(?<=[.!?] )|^)(?=[^.!?]{0,150}?(?<![\w'])(?:киік|ақбөкен|бөкен|құлан|арқар|аң|аңдар|жануар|марал|бұғы|елік|теке|қарақұйрық|жабайы))(?![^.!?]{0,200}?(?<![\w'])(?:браконьер|аңшы|мал|шопан|отар|табын|қой|жылқы|сиыр|түйе|ешкі))[^.!?]{0,200}?(?:ештеңе|ешнәрсе|ешбір\s+нәрсе)(?:\s+де)?\s+(?:(?:оны|оларды|киікті|аңды)\s+)?(?:бөгеме|тоқтатпа|тоқтата\s+алма|кедергі\s+(?:келтірме|жасама|болма)|тосқауыл\s+болма|ұстап\s+тұра\s+алма)(?:йді|йды|ді|ды|ған|ген)\w*", "not", CLAUSE, DENY),  # noqa: E501
        # "such has not happened since" (for three winters there has been nothing of the
        # kind): what the sentence before said when the phrase names nothing of its own,
        # or this one before the phrase (not past its 'but')
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:[^.!?,]{0,40}?\s)?(?:бері|енді|қазір|(?<=соңғы\s)(?:\S+\s+){0,2}?\S+(?:да|де|та|те))\s+(?:\S+\s+)?(?:ондай|мұндай|сондай|олай|солай)\s+(?:(?:нәрсе|жағдай|оқиға|іс)\w*\s+)?(?:болған\s+жоқ|болмады|істемейді|істелмейді|жасамайды|қайталанған\s+жоқ|қайталанбады|кездескен\s+жоқ|кездеспеді|жоқ)(?!\w)(?!\s+(?:деп|деу)(?!\w))", "no longer", CLAUSE, DENY),  # noqa: E501
        (r"(?:(?<=[.!?] )|^|(?<=бірақ\s)|(?<=алайда\s))(?:(?!(?<![\w'])(?:бірақ|алайда)(?![\w']))[^.!?]){0,200}?(?:бері|енді|қазір|(?<=соңғы\s)(?:\S+\s+){0,2}?\S+(?:да|де|та|те))\s+(?:\S+\s+)?(?:ондай|мұндай|сондай|олай|солай)\s+(?:\S+\s+)?(?:болған\s+жоқ|болмады|істемейді|істелмейді|жасамайды|қайталанған\s+жоқ|қайталанбады|кездескен\s+жоқ|кездеспеді|жоқ)(?!\w)(?!\s+(?:деп|деу)(?!\w))", "no longer", CLAUSE, DENY),  # noqa: E501
        # "we are rid of it now": what the sentence, or the one before, named
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:\S+\s+)?(?:одан|бұдан|содан|онан|олардан|бұлардан)\s+(?:\S+\s+)?(?:құтылдық|арылдық|құтылды|арылды)\w*", "no longer", SENTENCE, NEGATE, 60),  # noqa: E501
        (r"(?:одан|бұдан|содан|онан|олардан|бұлардан)\s+(?:\S+\s+)?(?:құтылдық|арылдық|құтылды|арылды)\w*", "no longer", SENTENCE, NEGATE, 30),  # noqa: E501
        # a claim reported and rejected: "the talk that X has no ground", "the
        # complaint that X is outdated", or "that talk is outdated now" after it
        (r"(?:(?<=[.!?,;:] )|^)[^.!?,;:]{1,200}?(?:деген|дейтін)\s+(?:сөз|әңгіме|қауіп|алаңдаушылық|шағым|пікір|қорқыныш|өсек)\w*\s+(?:\S+\s+){0,2}?(?:негізсіз|бекер|ескір(?:ді|ген)|өтірік|шындыққа\s+жанаспайды|дұрыс\s+емес|жалған)(?!\w)", "not a problem", CLAUSE, DENY),  # noqa: E501
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:[^.!?,]{0,40}?\s)?(?:(?:hozir|endi|қазір|енді|азыр|эми)\s+)?(?:ол|бұл|сол|осы)\s+(?:сөз|әңгіме|қауіп|алаңдаушылық|шағым|пікір|қорқыныш)\w*\s+(?:(?:әлдеқашан|баяғыда|енді)\s+)?(?:ескір(?:ді|ген)|бекер\s+болып\s+шықты|тарих\s+болды)(?!\w)", "no longer", CLAUSE, DENY),  # noqa: E501
        # "санақ тоқтаған жоқ", "ғалымдар есепті кешіктірмейді" (the count has not stopped,
        # the scientists do not delay the count): the work named goes on, its gap is denied;
        # a problem named stays ("браконьерлік тоқтаған жоқ")
        (r"(?:тоқта|тоқтат|үзіл|доғар|кешіктір|ұмыт)(?:ма|ме|па|пе)(?:ған|ген|ды|ді|йды|йді|йтын|йтін)\w*|(?:тоқта|тоқтат|үзіл|доғар|кешіктір|ұмыт)(?:ған|ген|қан|кен)\s+жоқ", "not a problem", CLAUSE, AFFIRM),  # noqa: E501
        # not ended, not solved, not stopped: the problem goes on
        # not the one to ask: a newcomer, not a specialist ("мен мұнда жаңамын", "маман емеспін")
        (r"(?:мен\s+)?(?:(?:мұнда|бұл\s+жерде|бұл\s+ауылда)\s+(?:әлі\s+)?жаңамын|(?:мұнда|бұл\s+жерге|бұл\s+ауылға)\s+(?:жақында|жаңа\s+ғана|биыл)\s+(?:көшіп\s+)?келдім|жергілікті\s+емеспін|маман\s+емеспін|(?:бұл\s+)?менің\s+(?:ісім|шаруам)\s+емес)", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        # "шекаралас елдермен ынтымақтастық жақсы" (cooperation with the neighbours is good):
        # the subject is no trouble
        (r"(?:өте\s+)?жақсы(?:\s+(?:жолға\s+қойылған|жұмыс\s+істейді|жұмыс\s+істеп\s+(?:жатыр|тұр)|жүріп\s+жатыр|дамыған))?(?=\s*(?:[.,;!—]|$))", "not a problem", BEFORE, DENY, 4),  # noqa: E501
        # non-answers that name a theme: a refusal ("браконьерлер туралы айтқым келмейді"), a
        # question back at the asker ("неге сұрайсыз?", "сізді кім жіберді?"), thanks for
        # asking, and a topic echoed and left ("Браконьерлік пе? … білмеймін.")
        (r"(?:[^\s.!?,;]+\s+){0,5}?(?:(?:жауап\s+бергім|айтқым|сөйлескім|сөйлегім|пікір\s+білдіргім|әңгімелегім|араласқым)\s+келмейді|(?:туралы|жайлы|жөнінде)\s+(?:ештеңе\s+)?(?:айтпаймын|сөйлемеймін|жауап\s+бермеймін))", "refusal", CLAUSE, UNKNOWN, 12),  # noqa: E501
        (r"(?:(?<=[.!?] )|^)[^.!?]{0,120}?(?:сұрайсыз|сұрайсыздар|сұрайсың|сұрап\s+(?:жүрсіз|отырсыз|жүрсіздер|отырсыздар)|білгіңіз\s+келеді|сізд(?:і|ерді)\s+кім\s+жіберді|кімсіз|кімсіздер|сауалнама|сұрақнама|қайдансыз)\w*[^.!?]{0,60}?(?=\?)", "asked back", CLAUSE, UNKNOWN, 30),  # noqa: E501
        (r"(?:[^\s.!?,;]+\s+){0,6}?(?:сұрағаныңыз\w*|қызығушылық\s+танытқаныңыз\w*|келгеніңіз\w*)\s+(?:үшін\s+)?(?:көп\s+)?(?:рахмет|рақмет)", "thanks", CLAUSE, UNKNOWN, 12),  # noqa: E501
        (r"(?:\S+\s+){0,3}?\S+\s*(?:\?|\.\.\.|…)[?.…!\s]*(?:\S+\s*(?:\?|\.\.\.|…|,)\s*){0,2}(?:мен\s+)?(?:білмеймін|білмейміз|кім\s+біледі|айта\s+алмаймын|не\s+дейін)(?=\s*(?:[.,;:!?…]|$))", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        (r"(?:біт|шешіл|жойыл|тоқта|тыйыл|басыл|аяқтал)(?:пе|ме|ма)(?:ді|ды|ген|ған|йді|йды|йтын|йтін)\w*|(?:біткен|шешілген|жойылған)\s+жоқ", "", AFTER, NONE),  # noqa: E501
        (r"[ғқ]ана\s+емес|тек\s+\S+\s+емес|көбей\w*|азай\w*|жоғал\w*|(?:тоқта|тыйыл|басыл)(?:ған|ды)\s+жоқ|(?:тоқтар|тыйылар|басылар|азаяр)\s+емес|(?:тоқта|тыйыл|басыл)ма(?:й|с)\w*", "", AFTER, NONE),  # noqa: E501
        # "… , қазір ол мәселе шешілді" (that problem is solved now): what the sentence, or
        # the one before it when this one opens with it, said is over
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:(?:қазір|енді|бүгінде)\s+)?(?:ол|бұл|сол|осы)\s+(?:мәселе|проблема|қиындық|қауіп|түйткіл|іс|жағдай|әрекет|құбылыс)\w*\s+(?:(?:әлдеқашан|баяғыда|толық|түбегейлі|біржола|енді)\s+)?(?:шешілді|шешілген|бітті|біткен|жойылды|жойылған|қалмады|тоқтады)\w*", "no longer", CLAUSE, DENY),  # noqa: E501
        (r"(?:ол|бұл|сол|осы)\s+(?:мәселе|проблема|қиындық|қауіп|түйткіл|іс|жағдай|әрекет|құбылыс)\w*\s+(?:(?:әлдеқашан|баяғыда|толық|түбегейлі|біржола|енді)\s+)?(?:шешілді|шешілген|бітті|біткен|жойылды|жойылған|қалмады|тоқтады)\w*", "no longer", SENTENCE, DENY, 30),  # noqa: E501
        # "ешкім шағымданбайды" (nobody complains): what the sentence named is no trouble
        (r"(?:ешкім\s+)?(?:шағымданба|наразылық\s+білдірме|шағым\s+(?:түсірме|айтпа))\w*", "not a problem", SENTENCE, DENY, 12),  # noqa: E501
        # "браконьерлер келмей қалды" (the poachers stopped coming): not the "cannot" of
        # "өте алмай қалды" (could not cross any more)
        (r"(?!(?:алмай|өт|өте)\w*\s)\w+(?:май|мей|бай|бей|пай|пей)\s+қал(?:ды|ған|дық|ыпты|атын)\w*", "no longer", BEFORE, NEGATE, 5),  # noqa: E501
        # "solved only on paper", "partly solved": still a complaint
        (r"(?:қағаз\s+жүзінде(?:\s+ғана)?|жартылай|ішінара)\s+(?:\S+\s+)?(?:шешіл|реттел)\w*", "", AFTER, NONE),  # noqa: E501
        # "жанармай мәселесі былтыр шешілді" (the fuel problem was solved last year): the
        # subject of the clause is no trouble (not "шешілген жоқ", "шешілді ме", "шешілді деп")
        (r"(?:шешілді|шешілген|шешімін\s+тапты|реттелді|реттелген)(?!\s+(?:жоқ|емес|деп|ме|ма|дейді)(?!\w))(?!\w)", "no longer", BEFORE, DENY, 10),  # noqa: E501
        # "деректер уақытында жіберіледі" (the data are sent on time), "жыл сайын санаймыз"
        # (we count every year): the work is done, regularly
        (r"(?:уақытында|уақтылы|тұрақты\s+түрде)\s+(?!\S*(?:май|мей|бай|бей|пай|пей|мады|меді|маған|меген)\S*)\S+(?!\s+(?:жоқ|емес)(?!\w))", "not a problem", BEFORE, DENY, 5),  # noqa: E501
        (r"(?:санақ|санау|мониторинг)\w*\s+(?:жыл\s+сайын|әр\s+(?:жылы|жыл|көктемде|күзде))\s+(?:өтеді|өткізіледі|жүргізіледі|жүреді)(?!\s+(?:деп|ме|ма)(?!\w))", "not a problem", CLAUSE, DENY),  # noqa: E501
        (r"(?:жыл\s+сайын|әр\s+(?:жылы|жыл|көктемде|күзде|көктем|күз))\s+(?:\S+\s+){0,2}?(?:сана(?:ймыз|йды|йміз|лады|ладі|қ\w*|у\w*)|жүргізіледі|жүргіземіз|өткізіледі|өткіземіз)(?!\s+(?:жоқ|емес)(?!\w))", "not a problem", CLAUSE, DENY),  # noqa: E501
        # "…, онда да проблема жоқ" (there is no problem there either), after a comma: what
        # the sentence named before it
        (r"(?<=,\s)(?:(?:онда|мұнда|бұл\s+жағынан)\s+(?:да\s+|де\s+)?)?(?:проблема|мәселе|қиындық)\w*\s+жоқ", "not a problem", SENTENCE, DENY, 6),  # noqa: E501
        # "қазір ол тоқтады", "қазір ондай емес" (now that has stopped, it is not like that
        # now): what the sentence named before it is over
        (r"(?:қазір|енді|бүгінде)\s+(?:(?:ол|бұл)\s+(?:да\s+)?(?:тоқтады|бітті|жойылды|қалмады)|ондай\s+(?:емес|жоқ))(?![\w])", "no longer", SENTENCE, DENY, 14),  # noqa: E501
        # "халық риза" (the people are satisfied): what the sentence named is no trouble
        (r"(?:(?<=халық\s)|(?<=ел\s)|(?<=жұрт\s)|(?<=тұрғындар\s)|(?<=бәрі\s)|(?<=барлығы\s))(?:риза|ризашылықта|қанағаттанады|қанағаттанып\s+отыр)(?!\s+(?:емес|жоқ)(?!\w))(?!\w)", "not a problem", SENTENCE, DENY, 12),  # noqa: E501
        # "… көрген емеспін" (I have never seen …): what the clause says was seen is denied
        (r"(?:ешқашан\s+)?(?:көр(?:іп\s+көр)?ген\s+емес(?:пін|піз|пен|пез)|көрмегенмін|көрмегенбіз|көрмедім)", "not", BEFORE, DENY, 8),  # noqa: E501
        # "бұл жолда машина аз" (there are few cars on this road): a problem term said to be
        # few is denied, a resource said to be few ("инспектор аз") stays the gap
        (r"(?:өте\s+|тым\s+)?аз(?=\s*(?:[.,;:!?—]|$))", "no", BEFORE, NEGATE, 2),  # noqa: E501
        (r"(?:үлкен\s+)?(?:мәселе|проблема|қауіп|қатер|түйткіл|кедергі)\w*\s+(?:емес|жоқ|болмайды|болып\s+табылмайды|болудан\s+қалды|болмай\s+қалды|төндірме\w*|тудырма\w*|туғызба\w*|келтірме\w*)|бақылауда", "not a problem", BEFORE, DENY),  # noqa: E501
        # "қорық қаржысыз қалған жоқ" (the reserve is not left without funding): the gap
        # itself is denied
        (r"(?<=сыз\s|сіз\s)(?:қалып\s+(?:отырған|тұрған|жатқан)\s+(?:жоқ|емес)\w*|қалған\s+(?:жоқ|емес)\w*|қалма\w+)", "not a problem", BEFORE, DENY, 3),  # noqa: E501
        # "көлік пен жанармай жеткілікті", "шөп те, су да жетеді" (there is enough of them)
        (r"(?:жеткілікті|жетерлік|жетеді|жетіп\s+артылады)(?=\s*(?:[.,;:!?—]|$)|\s+(?:бар|болды|болған|болатын|еді|деп\s+(?!айта))(?![\w']))", "not a problem", BEFORE, DENY, 4),  # noqa: E501
        # "бұл жағынан ешқандай шағым жоқ" (no complaint on that score): what the sentence,
        # or the one before it, said, and what a colon or a dash after it gives as the reason
        (r"(?:(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:(?:қазір|енді|бүгінде)\s+)?)?(?:(?:бұл|сол|осы|ол)\s+(?:жағынан|тұрғыдан|жөнінен|жағы(?:на)?\s+келсек)|ондай|мұндай)\s+(?:\S+\s+){0,2}?(?:нәрсе|шағым|мәселе|проблема|қиындық|кемшілік|өкпе|реніш|наразылық|ашу|дау|жанжал)\w*\s+(?:жоқ|болған\s+жоқ|болмайды|қалмады)(?:\s*[:—–]\s*(?:(?!(?<!\w)(?:бірақ|алайда|тек|ал)(?!\w))[^.!?])*)?", "not a problem", CLAUSE, DENY),  # noqa: E501
        # "инспекторлар пара алмайды" (the inspectors take no bribes): no complaint
        (r"(?:\S+\s+)?пара\s+(?:алма|берме)(?:йды|йтын|ған|ды|йміз|ймыз)\w*", "not", CLAUSE, DENY),  # noqa: E501
        # "табын мал обасынан да, қотырдан да аман" (the herd is safe from …)
        # "табын обадан да, қотырдан да аман" (the herd is safe from …): the herd is no
        # trouble either
        # "жұттан аман қалмады" (did not survive the dzud): a complaint, not a denial
        (r"аман\s+қалма\w+", "", AFTER, NONE),
        (r"(?<=[дтн][ае]н\s)аман(?:-сау)?(?!\s+қалма)(?!\w)", "without", BEFORE, DENY, 5),  # noqa: E501
        # "жұқпалы ауру байқалмады" (no infectious disease was observed)
        (r"(?:байқалма|кездеспе)(?:ды|йді|ған)\w*", "not", CLAUSE, DENY),
        (r"(?<=[дтн][ае]н\s)бос|аман(?:-сау)?|(?:зардап|зиян|залал)\s+(?:шекпе|көрме)\w*", "without", BEFORE, NEGATE, 5),  # noqa: E501
        # "таласу деген мұнда болмайды" (there is no such thing as competition here)
        # "сым-темір, теміржол дегеніңнің бізде ізі де жоқ" (of what you call wire and
        # railway there is not a trace here), "жұт дегенді ұмыттық" (we have forgotten what
        # a dzud is), "жол салу, кеніш дегеннен аман қалдық" (we were spared road building
        # and mines), "канал-жол дегенге келсек, ешкім ештеңе салған жоқ" (as for canals and
        # roads, nobody has built anything): the things named, and the list before them
        (r"(?:(?<=[.!?,;:—] )|^)(?:ал\s+)?(?:[^\s.!?,;:]+(?:\s+(?!(?:көп|аз|бар|жоқ|емес)(?=,))[^\s.!?,;:]+(?<!ды)(?<!ді)(?<!ты)(?<!ті)(?<!жатыр)(?<!тұр)(?<!отыр)(?<!жүр)(?<!ған)(?<!ген)(?<!қан)(?<!кен))?,\s+){0,3}[^\s.!?,;:]+\s+деген(?:ің|іңіз|іміз)?(?:нің|дің|ді|ге|нен|дер)?(?:\s+келсек,)?\s+(?:(?!ешкім|бірақ|алайда)[^\s.!?,;:]+\s+){0,5}?(?:(?:із|дерек|белгі|ат)\w*\s+(?:те|де|да|та)\s+жоқ|жоқ|ұмыт(?:тық|тым|ты|қанбыз|қан|ып\s+кеттік|ып\s+қалдық)|аман\s+(?:қалдық|қалды|қалған|отырмыз|тұрмыз)|білмейміз|болған\s+жоқ|болмайды|\w+(?:ған|ген|қан|кен)\s+жоқ(?:пыз|пын)?)(?!\s+(?:деу|деп)(?!\w))", "no", BEFORE, NEGATE),  # noqa: E501
        (r"деген\s+(?:(?:сөз|нәрсе|әңгіме|жағдай)\w*\s+)?(?:(?:мұнда|бізде|онда|бұл\s+жақта|бұл\s+маңда)\s+)?(?:мүлде\s+|атымен\s+)?(?:жоқ|болмайды|болған\s+жоқ|кездеспейді)", "no", BEFORE, DENY, 8),  # noqa: E501
        # "инспекциядан сұраңыз", "әкімге барыңыз, олар айтып береді" (ask … , they will
        # tell you): the respondent sends the question elsewhere
        # a topic echoed as a question and left with "what can I add?" or "what is your next
        # question?": "Браконьерлік туралы ма? Е-е, браконьерлік... мен не қосайын."
        (r"^(?:\S+\s+){0,3}?\S+\s+(?:туралы\s+ма|жайлы\s+ма|дейсіз\s+бе|дейсің\s+бе|ма|ме|ба|бе|па|пе)\s*(?:\?|\.\.\.|…)[?.…!]*\s*(?:(?:(?!(?<![\w'])(?:жоқ|емес|\w+(?:майды|мейді|пайды|пейді|байды|бейді))(?![\w']))[^.!?…])*[.!?…]+\s*){0,3}?(?:(?:(?!(?<![\w'])(?:жоқ|емес|\w+(?:майды|мейді|пайды|пейді|байды|бейді))(?![\w']))[^.!?…])*?\s)?(?:(?:мен\s+)?не\s+(?:қосайын|айтайын|дейін|айтамын|қосамын)|(?:келесі|басқа)\s+сұра(?:ғыңыз|қыңыз|ғың|ғыңыз\s+бар\s+ма|қтарыңыз)\w*(?:\s+қандай)?)\W*$", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        (r"сұраңыз(?:дар)?|(?:барыңыз|жүгініңіз|хабарласыңыз)(?:дар)?|олар\s+(?:айтып|түсіндіріп)\s+бер(?:еді|етін\s+болар)", "don't know", CLAUSE, UNKNOWN, 8),  # noqa: E501
        # "мал да, қуаңшылық та жоқ" (neither livestock nor drought)
        (r"(?:да|де|та|те),\s+(?:\S+\s+){1,3}?(?:да|де|та|те)\s+(?:(?!ешкім)[^\s.!?,;:]+\s+){0,4}?(?:жоқ|болмайды|болған\s+жоқ|\w+(?:ған|ген|қан|кен)\s+жоқ|\w+(?:майды|мейді|пайды|пейді|байды|бейді|маған|меген|паған|пеген|баған|беген|мады|меді|пады|педі|бады|беді|майтын|мейтін|пайтын|пейтін))", "neither-nor", CLAUSE, DENY),  # noqa: E501
        # a verb of harming, chasing, crossing or grazing denied: "ешкім киікке тимейді"
        # (nobody touches the saiga), "шопандар отарды ол жерге айдамайды" (the herders do
        # not drive the flocks there): neither side is a problem
        (r"(?:(?:\S+\s+)?(?:мал|отар|қой|табын)\w*\s+|оқ\s+)?(?:әсер\s+етпе|ықпал\s+етпе|таласпа|ұрыспа|дауласпа|жанжалдаспа|кірме|бөгеме|тиме|тиіспе|атпа|аулама|қума|қуалама|айдама|жайма|өлтірме|сатпа|сатып\s+алма|мазалама|кедергі\s+(?:келтірме|жасама)|зиян\s+келтірме|бөгет\s+болма|кесіп\s+өтпе|қиып\s+өтпе|тосқауыл\s+болма)(?:йді|йды|ген|ған|ді|ды|йтін|йтын|йміз|ймыз|ймын|ймін)\w*", "not", CLAUSE, DENY),  # noqa: E501
        # "жергілікті халықпен ешқандай ұрыс-керіс жоқ" (no conflict with the locals): the
        # conflict and those it would be with are denied alike
        # "бізде маман тапшылығы жоқ" (we have no shortage of specialists): the shortage,
        # and a resource it would be of, are in place; "браконьерлер тапшылығы жоқ" (no
        # shortage of poachers) still speaks of poaching
        (r"(?:\S+\s+)?(?:тапшылы|жетіспеушілі|жетімсізді|жетпеушілі)\w*\s+(?:\S+\s+){0,2}?(?:жоқ|байқалмайды|сезілмейді|болған\s+жоқ)(?!\w)", "not a problem", CLAUSE, AFFIRM),  # noqa: E501
        (r"(?:ешқандай\s+|ешбір\s+|еш\s+)?(?:ұрыс(?:-?\s*керіс)?|қақтығыс|дау(?:-?\s*дамай)?|жанжал|келіспеушілік|түсініспеушілік|текетірес|қиындық|қиыншылық)\w*\s+(?:жоқ|болмайды|болған\s+жоқ|болмаған)", "not a problem", CLAUSE, DENY),  # noqa: E501
        (r"(?:ешқашан(?:\s+да)?\s+)?(?:естіген\s+(?:жоқ|емес)\w*|естігенім\s+жоқ|естіме\w*|естіп\s+көрме\w*)", "never", BEFORE, NEGATE, 10),  # noqa: E501
        (r"жауап\s+бере\s+алмаймын|ойланып\s+көрмеп\w*|білмеймін|білмейміз|білмедім|маған\s+белгісіз|хабарсызбын|(?:айтарым|қосарым)\s+жоқ|(?:бұл\s+)?менің\s+салам\s+емес|хабарым\s+жоқ|ақпаратым\s+жоқ|мағлұматым\s+жоқ|мәліметім\s+жоқ|айта\s+алмаймын", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        (r"(?:енді|бұдан\s+былай)\s+(?:\S+\s+){0,2}?(?:жоқ|емес|\w+(?:майды|мейді)|\w*[бвгғджзклмнңпрстфхһцчшщ](?:байды|бейді|пайды|пейді))", "no longer", BEFORE, NEGATE),  # noqa: E501
        (r"тоқтап\s+қал\w*|тоқтатыл\w*|тоқта(?:ды|ған|тылды)\w*|тыйыл(?:ды|ған)\w*|(?<!біраз\s)(?<!аздап\s)(?<!сәл\s)(?<!біршама\s)(?<!уақытша\s)(?:басыл|саябырла)(?:ды|ған)(?!\s+(?:жоқ|емес|ма|ме)(?!\w))", "no longer", BEFORE, NEGATE),  # noqa: E501
        (r"аяқтал(?:ды|ған)\w*|доғар(?:ды|ған|ылды|ылған)\w*", "no longer", BEFORE, NEGATE),  # noqa: E501
        # "дала жол мен қоршаулардан таза" (the steppe is free of roads and fences): both
        # things joined before "free of" are denied
        (r"(?:мен|пен|бен|және)\s+\S+(?:дан|ден|тан|тен|нан|нен)\s+(?:мүлде\s+|толық\s+|әлі\s+)?(?:таза|ада|арылған|азат)(?!\w)", "without", CLAUSE, DENY, 3),  # noqa: E501
        (r"таза|арыл\w*|ада", "without", BEFORE, NEGATE, 2),
        (r"ешқашан(?:\s+да)?|бірде\s+бір", "never", AFTER, NEGATE),
        (r"ешқандай|ешбір|ешкім\w*|еш", "no", AFTER, NEGATE),
        (r"жоқ(?:пын|пыз)?", "no", BEFORE, NEGATE),
        # a negated participle with a person ending: "көрмегенбіз" (we have never seen)
        (r"\w+(?:маған|меген|баған|беген|паған|пеген)(?:мын|мін|пын|пін|быз|біз|пыз|піз|сыз|сіз|сың|сің)", "not", BEFORE, NEGATE),  # noqa: E501
        (r"емес\w*|\w+(?:майды|мейді|маған|меген|мады|меді|мадық|медік|маймыз|мейміз|маймын|меймін|мадым|медім)|\w*[бвгғджзклмнңпрстфхһцчшщ](?:байды|бейді|пайды|пейді|баған|беген|паған|пеген|бады|беді|пады|педі|бадық|бедік|падық|педік|баймыз|бейміз|паймыз|пейміз|баймын|беймін|паймын|пеймін|бадым|бедім|падым|педім)", "not", BEFORE, NEGATE),  # noqa: E501
        # the asker's topic echoed back ("ынтымақтастық қалай дейсіз бе?"): after the longer
        # echo patterns above, which take the whole answer when it says nothing
        (r"(?:(?<=[.!?] )|^)[^.!?]{0,120}?(?:дейсіз|дейсің)\w*(?:\s+(?:бе|ба|ма|ме))?(?=\s*\?)", "echo", CLAUSE, UNKNOWN, 30),  # noqa: E501
    ],
    "ky": [
        # "жайылым жөнінде ешқандай шағым жоқ" (no complaint at all about the pasture):
        # what the sentence named is no trouble
        (r"(?:эч\s+кандай|эч\s+бир)\s+(?:арыз|даттануу|нааразылык)\w*\s+(?:жок|түшкөн\s+жок|болгон\s+жок)(?!\w)(?![^.!?]{0,40}?(?:анткени|себеби)[^.!?]{0,60}?(?:корк|ишенбей|ишеним\s+жок|пайдасы\s+жок|бекер))", "not a problem", SENTENCE, DENY, 12),  # noqa: E501
        # "мұз қабыршағы соңғы рет 2021-де болды" (the last ice crust was in 2021): the
        # thing named is over
        (r"акыркы\s+(?:жолу|ирет)\s+(?:\S+\s+){0,2}?(?:(?:19|20)\d\d\S*(?:\s+жылы)?|\S+\s+жыл\s+мурун)\s+(?:болгон|болду|байкалган|катталган|көрүнгөн)(?!\w)", "no longer", SENTENCE, NEGATE, 12),  # noqa: E501
        # "шөп мол", "булактар толук" (the grass is plentiful, the springs are full): a
        # resource said to abound is in place; a problem said to abound stays
        (r"(?:абдан\s+)?(?:мол|молдон|толук|толуп\s+турат)(?=\s*(?:[.,;:!?—]|$))", "not a problem", BEFORE, AFFIRM, 3),  # noqa: E501
        # "the years when X happened are behind us": what the sentence named before
        (r"(?:жылдар|күндөр|кездер|замандар|учурлар)(?:ы|и)?\s+(?:эчак\s+|эбак\s+)?артта\s+калды(?!\w)", "no longer", SENTENCE, DENY, 30),  # noqa: E501
        # "бир да тузак, бир да гильза табылган жок" (not one snare, not one cartridge was
        # found)
        (r"(?:бир\s+да|бирөө\s+да)\s+[^\s.,!?;:]+(?:,\s+(?:бир\s+да\s+)?[^\s.,!?;:]+){1,3}\s+(?:[^\s.,!?;:]+\s+){0,2}?(?:жок|\w+(?:ган|ген|гон|гөн|кан|кен|кон|көн)\s+жок|\w+(?:байт|бейт|пайт|пейт|бойт|бөйт|бады|беди|пады|педи|боду|бөдү))(?!\w)", "no", CLAUSE, DENY),  # noqa: E501
        # "чыр-чатактан алыспыз" (we are far from conflict): what the sentence named (not
        # "базардан алыспыз", we are far from the market)
        (r"(?:(?<=чатактан\s)|(?<=чырдан\s)|(?<=жаңжалдан\s)|(?<=талаштан\s)|(?<=кагылыштан\s)|(?<=кооптонуудан\s)|(?<=кыйынчылыктан\s)|(?<=көйгөйдөн\s))алыс(?:пыз|быз|мыз|пуз|мын|пын)(?!\w)", "not a problem", SENTENCE, DENY, 12),  # noqa: E501
        # a wild animal that crosses a road or a fence freely, "nothing stops it":
        # the barrier named in the sentence is no trouble (not poachers or herds, whom
        # nothing stopping is the complaint)
        (r"(?:(?<=[.!?] )|^)(?=[^.!?]{0,150}?(?<![\w'])(?:аркар|кийик|теке|бугу|элик|кулжа|жаныбар|жапайы|марал))(?![^.!?]{0,200}?(?<![\w'])(?:браконьер|аңчы|мал|чабан|кой|жылкы|уй|короо|үйүр|малчы))[^.!?]{0,200}?(?:эч\s+нерсе|эчтеке|эчтеме)(?:\s+да)?\s+(?:(?:аны|аларды)\s+)?(?:токтото\s+албай|токтотпо|тоспо|бөгөбө|тоскоол\s+болбо|тоскоолдук\s+кылба|жолтоо\s+болбо)(?:йт|ду|гон|ды|ган)?\w*", "not", CLAUSE, DENY),  # noqa: E501
        # "such has not happened since" (for three winters there has been nothing of the
        # kind): what the sentence before said when the phrase names nothing of its own,
        # or this one before the phrase (not past its 'but')
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:[^.!?,]{0,40}?\s)?(?:бери|эми|азыр|(?<=акыркы\s)(?:\S+\s+){0,2}?\S+(?:да|де|та|те|до|дө|то|тө))\s+(?:\S+\s+)?(?:андай|мындай|ошондой|антип|минтип)\s+(?:(?:нерсе|жагдай|окуя|иш)\w*\s+)?(?:болгон\s+жок|болбоду|болбой\s+калды|болбойт|кыл(?:ыш)?пайт|кайталанган\s+жок|кайталанбады|кездешкен\s+жок|кездешпеди|жок)(?!\w)(?!\s+(?:деп|деш)\w*)", "no longer", CLAUSE, DENY),  # noqa: E501
        (r"(?:(?<=[.!?] )|^|(?<=бирок\s))(?:(?!(?<![\w'])(?:бирок)(?![\w']))[^.!?]){0,200}?(?:бери|эми|азыр|(?<=акыркы\s)(?:\S+\s+){0,2}?\S+(?:да|де|та|те|до|дө|то|тө))\s+(?:\S+\s+)?(?:андай|мындай|ошондой|антип|минтип)\s+(?:\S+\s+)?(?:болгон\s+жок|болбоду|болбой\s+калды|болбойт|кыл(?:ыш)?пайт|кайталанган\s+жок|кайталанбады|кездешкен\s+жок|кездешпеди|жок)(?!\w)(?!\s+(?:деп|деш)\w*)", "no longer", CLAUSE, DENY),  # noqa: E501
        # "we are rid of it now": what the sentence, or the one before, named
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:\S+\s+)?(?:андан|мындан|ошондон|алардан|булардан)\s+(?:\S+\s+)?(?:кутулдук|арылдык|кутулду|арылды)\w*", "no longer", SENTENCE, NEGATE, 60),  # noqa: E501
        (r"(?:андан|мындан|ошондон|алардан|булардан)\s+(?:\S+\s+)?(?:кутулдук|арылдык|кутулду|арылды)\w*", "no longer", SENTENCE, NEGATE, 30),  # noqa: E501
        # a claim reported and rejected: "the talk that X has no ground", "the
        # complaint that X is outdated", or "that talk is outdated now" after it
        (r"(?:(?<=[.!?,;:] )|^)[^.!?,;:]{1,200}?(?:деген|дешкен)\s+(?:сөз|кеп|кооптонуу|коркунуч|даттануу|арыз|пикир|ушак)\w*\s+(?:\S+\s+){0,2}?(?:негизсиз|бекер|эскир(?:ди|ген)|калп|туура\s+эмес|жалган)(?!\w)", "not a problem", CLAUSE, DENY),  # noqa: E501
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:[^.!?,]{0,40}?\s)?(?:(?:hozir|endi|қазір|енді|азыр|эми)\s+)?(?:ал|бул|ошол|ушул)\s+(?:сөз|кеп|кооптонуу|коркунуч|даттануу|арыз|пикир)\w*\s+(?:(?:эчак|баягыда|эми)\s+)?(?:эскир(?:ди|ген)|бекер\s+болуп\s+чыкты|тарых\s+болду)(?!\w)", "no longer", CLAUSE, DENY),  # noqa: E501
        # "эсеп токтогон жок", "илимпоздор унутушкан жок" (the count has not stopped, the
        # scientists have not forgotten): the work named goes on, its gap is denied
        (r"(?:токто|токтот|үзүл|кечиктир|унут)(?:уш|үш|иш|ыш)?(?:ба|бе|бо|бө|па|пе|по|пө)(?:ды|ди|ду|дү|йт|гон|ган|ген|гөн)\w*|(?:токто|токтот|үзүл|кечиктир|унут)(?:уш|үш|иш|ыш)?(?:гон|ган|кан|кон|ген|кен|көн)\s+жок", "not a problem", CLAUSE, AFFIRM),  # noqa: E501
        # not finished, not solved (a stopped that did not stop, "токтобойт", is the
        # "in place" cue above: the same for a problem named, and a resource's gap denied)
        (r"(?:бүт|чечил|жоюл|аякта)(?:пө|бө|бе|бо|ба)(?:дү|ди|ду|ды|гөн|ген|гон|ган|йт)\w*|(?:бүткөн|чечилген|жоюлган)\s+жок|(?:бүтө|чечиле|жоюла)\s+элек", "", AFTER, NONE),  # noqa: E501
        (r"(?:мен\s+)?(?:(?:бул\s+жерде|бул\s+айылда)\s+(?:али\s+)?жаңымын|(?:бул\s+жерге|бул\s+айылга)\s+(?:жакында|жаңы\s+эле|быйыл)\s+(?:көчүп\s+)?келдим|жергиликтүү\s+эмесмин|адис\s+эмесмин|(?:бул\s+)?менин\s+(?:ишим|жумушум)\s+эмес)", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        (r"(?:абдан\s+|өтө\s+)?жакшы(?:\s+(?:жолго\s+коюлган|иштейт|иштешет|иштеп\s+жат(?:ат|ышат)|жүрүп\s+жатат|өнүккөн))?(?=\s*(?:[.,;!—]|$))", "not a problem", BEFORE, DENY, 4),  # noqa: E501
        # non-answers that name a theme: a refusal, a question back, thanks for asking, an echo
        (r"(?:[^\s.!?,;]+\s+){0,5}?(?:(?:жооп\s+бергим|айткым|сүйлөшкүм|сүйлөгүм|пикир\s+билдиргим)\s+келбейт|(?:жөнүндө|тууралуу)\s+(?:эч\s+нерсе\s+)?(?:айтпайм|сүйлөбөйм|жооп\s+бербейм)\w*)", "refusal", CLAUSE, UNKNOWN, 12),  # noqa: E501
        (r"(?:(?<=[.!?] )|^)[^.!?]{0,120}?(?:сурап\s+(?:жатасыз|жүрөсүз|жатасыздар|жүрөсүздөр|жатасың)|сурайсыз|билгиңиз\s+келет|(?:сизди|силерди)\s+ким\s+жиберди|кимсиз|кимсиздер|сурамжылоо|анкета|кайдансыз)\w*[^.!?]{0,60}?(?=\?)", "asked back", CLAUSE, UNKNOWN, 30),  # noqa: E501
        (r"(?:[^\s.!?,;]+\s+){0,6}?(?:сураганыңыз\w*|кызыкканыңыз\w*|келгениңиз\w*)\s+(?:үчүн\s+)?(?:чоң\s+)?рахмат", "thanks", CLAUSE, UNKNOWN, 12),  # noqa: E501
        (r"(?:\S+\s+){0,3}?\S+\s*(?:\?|\.\.\.|…)[?.…!\s]*(?:\S+\s*(?:\?|\.\.\.|…|,)\s*){0,2}(?:мен\s+)?(?:билбейм|билбейбиз|ким\s+билет|айта\s+албайм|эмне\s+деймин)(?=\s*(?:[.,;:!?…]|$))", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        (r"[гк]ана\s+эмес|эле\s+эмес|аз\s+эмес|көбөй\w*|азай\w*|(?:токто|басыл)(?:гон|ду)\s+жок|(?:токтой|басыла|азая|чечиле)\s+элек|(?:токто|басыл)бо(?:й|с)\w*", "", AFTER, NONE),  # noqa: E501
        # "… , азыр ал маселе чечилди" (that problem is solved now)
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:(?:азыр|эми|бүгүн)\s+)?(?:ал|бул|ошол|ушул)\s+(?:көйгөй|маселе|проблема|кыйынчылык|коркунуч|иш|абал|көрүнүш)\w*\s+(?:(?:эчак|толук|биротоло|таптакыр|эми)\s+)?(?:чечилди|чечилген|бүттү|бүткөн|жоюлду|жоюлган|калбады|токтоду)\w*", "no longer", CLAUSE, DENY),  # noqa: E501
        (r"(?:ал|бул|ошол|ушул)\s+(?:көйгөй|маселе|проблема|кыйынчылык|коркунуч|иш|абал|көрүнүш)\w*\s+(?:(?:эчак|толук|биротоло|таптакыр|эми)\s+)?(?:чечилди|чечилген|бүттү|бүткөн|жоюлду|жоюлган|калбады|токтоду)\w*", "no longer", SENTENCE, DENY, 30),  # noqa: E501
        # "эч ким арызданбайт" (nobody complains)
        (r"(?:эч\s+ким\s+)?(?:арызданба|даттанба|нааразы\s+болбо|нааразылык\s+билдирбе|арыз\s+жазба)\w*", "not a problem", SENTENCE, DENY, 12),  # noqa: E501
        # "браконьерлер келбей калды" (the poachers stopped coming): not the "cannot" of
        # "өтө албай калды"
        (r"(?!(?:албай|өт|өтө)\w*\s)\w+(?:бай|бей|бой|бөй|пай|пей|пой|пөй)\s+кал(?:ды|ган|ышты|ышкан|дык|ыптыр)\w*", "no longer", BEFORE, NEGATE, 5),  # noqa: E501
        # "solved only on paper", "partly solved": still a complaint
        (r"(?:кагаз\s+жүзүндө(?:\s+гана)?|жарым(?:-|\s+)жартылай|жарым-жартылай|жартылай)\s+(?:\S+\s+)?(?:чечил|жөнгө)\w*", "", AFTER, NONE),  # noqa: E501
        # "күйүүчү май маселеси былтыр чечилди" (the fuel problem was solved last year)
        (r"(?:чечилди|чечилген|чечимин\s+тапты|жөнгө\s+салынды|жөнгө\s+салынган)(?!\s+(?:жок|эмес|деп|бы|би|элек)(?!\w))(?!\w)", "no longer", BEFORE, DENY, 10),  # noqa: E501
        # "маалымат өз убагында жиберилет" (the data are sent on time), "ар жылы эсептейбиз"
        (r"(?:өз\s+убагында|убагында|үзгүлтүксүз)\s+(?!\S*(?:бай|бей|бой|бөй|пай|пей|бады|беди|боду|баган|беген|боган)\S*)\S+(?!\s+(?:жок|эмес)(?!\w))", "not a problem", BEFORE, DENY, 5),  # noqa: E501
        (r"(?:жыл\s+сайын|ар\s+(?:жылы|жыл|жазда|күзүндө|жаз|күз))\s+(?:\S+\s+){0,2}?(?:эсептейбиз|эсептейт|эсептелет|саныйбыз|санайбыз|санайт|саналат|өткөрүлөт|өткөрөбүз|жүргүзүлөт|жүргүзөбүз)(?!\s+(?:жок|эмес)(?!\w))", "not a problem", CLAUSE, DENY),  # noqa: E501
        (r"(?<=,\s)(?:(?:анда|бул\s+жерде|бул\s+жагынан)\s+(?:да\s+|дагы\s+)?)?(?:көйгөй|маселе|проблема|кыйынчылык)\w*\s+жок", "not a problem", SENTENCE, DENY, 6),  # noqa: E501
        # "каражат да бар", "камералар иштеп жатат" (there are funds, the cameras work)
        (r"(?:бар|ордунда|иштейт|иштеп\s+(?:жатат|турат))(?=\s*(?:[.,;:!?—]|$))", "not a problem", BEFORE, AFFIRM, 3),  # noqa: E501
        # "азыр андай эмес" (it is not like that now): what the sentence named before it
        (r"(?:азыр|эми|бүгүн)\s+(?:(?:ал|бул)\s+(?:да\s+)?(?:токтоду|бүттү|жоюлду|калбады)|андай\s+(?:эмес|жок))(?![\w])", "no longer", SENTENCE, DENY, 14),  # noqa: E501
        (r"(?:(?<=эл\s)|(?<=калк\s)|(?<=тургундар\s)|(?<=баары\s)|(?<=бардыгы\s))(?:ыраазы|канааттанат|канааттанып\s+жатат)(?!\s+(?:эмес|жок)(?!\w))(?!\w)", "not a problem", SENTENCE, DENY, 12),  # noqa: E501
        # "… угуп көргөн эмесмин" (I have never heard of …)
        (r"(?:эч\s+качан\s+)?(?:(?:угуп|көрүп)\s+)?(?:көргөн|уккан)\s+эмес(?:мин|миз|пиз)", "not", BEFORE, DENY, 8),  # noqa: E501
        (r"(?:өтө\s+|абдан\s+)?аз(?=\s*(?:[.,;:!?—]|$))", "no", BEFORE, NEGATE, 2),  # noqa: E501
        # "мыйзам бузулбайт" (the law is not broken)
        (r"(?:бузулба|бузба)(?:йт|ды|ган)\w*", "not", CLAUSE, DENY),
        (r"(?:чоң\s+)?(?:көйгөй|маселе|проблема|коркунуч|тоскоол)\w*\s+(?:эмес|жок|болбой\w*|туудурба\w*|жаратпа\w*|келтирбе\w*|болгон\s+жок|болуп\s+саналбайт)|көзөмөлдө", "not a problem", BEFORE, DENY),  # noqa: E501
        # "корук каражатсыз калган жок" (the reserve is not left without funds)
        (r"(?<=сыз\s|сиз\s|суз\s|сүз\s)(?:калып\s+(?:отурган|турган|жаткан)\s+(?:жок|эмес)\w*|калган\s+(?:жок|эмес)\w*|калба\w+)", "not a problem", BEFORE, DENY, 3),  # noqa: E501
        # "жем да, суу да жетиштүү" (there is enough of them)
        (r"(?:жетиштүү|жетишет|жетет)(?=\s*(?:[.,;:!?—]|$)|\s+(?:бар|болду|болгон|болчу|эле|деп\s+(?!айта))(?![\w']))", "not a problem", BEFORE, DENY, 4),  # noqa: E501
        # "бул жагынан эч кандай нааразылык жок" (no complaint on that score): what the
        # sentence, or the one before it, said
        (r"(?:(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:(?:азыр|эми|бүгүн)\s+)?)?(?:(?:бул|ошол|ал)\s+(?:жагынан|жактан|жагы\s+боюнча)|андай|мындай)\s+(?:\S+\s+){0,2}?(?:(?:нерсе|нааразылык|көйгөй|маселе|проблема|кыйынчылык|арыз|даттануу|кемчилик|таарыныч|ачуу|чатак|жаңжал)\w*\s+)?(?:жок|болгон\s+жок|болбойт|болбой\s+калды|калбады)(?:\s*[:—–]\s*(?:(?!(?<!\w)(?:бирок|бирок|гана|ал)(?!\w))[^.!?])*)?", "not a problem", CLAUSE, DENY),  # noqa: E501
        # "кызматкерлер пара албайт" (the staff take no bribes)
        (r"(?:\S+\s+)?пара\s+(?:ал|бер)(?:ба|бай|ыша|ише)(?:йт|ган|шат|ды)\w*", "not", CLAUSE, DENY),  # noqa: E501
        (r"аман\s+калба\w+", "", AFTER, NONE),
        (r"(?<=[дтн][аеоө]н\s)(?:азырынча\s+)?аман(?:-эсен)?(?!\s+калба)(?!\w)", "without", BEFORE, DENY, 5),  # noqa: E501
        (r"(?:байкалба|кездешпе)(?:ды|йт|ган)\w*", "not", CLAUSE, DENY),
        (r"(?<=[дтн][аеоө]н\s)бош|аман(?:-эсен)?|(?:жабыр|зыян)\w*\s+(?:тартпа|көрбө)\w*", "without", BEFORE, NEGATE, 5),  # noqa: E501
        # "чатак деген бул жерде болбойт" (there is no such thing as conflict here)
        (r"деген\s+(?:(?:сөз|нерсе|кеп|жагдай)\w*\s+)?(?:(?:бул\s+жерде|бизде|ал\s+жакта|бул\s+жакта)\s+)?(?:такыр\s+|эч\s+качан\s+)?(?:жок|болбойт|болгон\s+жок|кездешпейт)", "no", BEFORE, DENY, 8),  # noqa: E501
        # "мал да, кургакчылык да жок" (neither livestock nor drought)
        (r"(?:да|де|та|те),\s+(?:\S+\s+){1,3}?(?:да|де|та|те)\s+(?:жок|болбойт|болгон\s+жок|\w+(?:байт|бейт|пайт|пейт|бойт|бөйт|баган|беген|паган|пеген|боган|бөгөн|бады|беди|пады|педи|боду|бөдү|байбыз|бейбиз|пайбыз|пейбиз|боюбуз|бөйбүз))", "neither-nor", CLAUSE, DENY),  # noqa: E501
        # a verb of harming, chasing, entering or grazing denied: "эч ким аркарга тийбейт"
        # (nobody touches the argali), "ал жакка кой айдабайбыз" (we drive no sheep there)
        (r"(?:(?:\S+\s+)?(?:мал|кой|короо|үйүр)\w*\s+|ок\s+)?(?:таасир\s+эт|таасирин\s+тийгиз|тий|тийиш|ат|ууло|куу|кубала|айда|жай|өлтүр|сат|сатып\s+ал|кир|уруш|талаш|чатакташ|тоскоол\s+бол|зыян\s+келтир|кесип\s+өт|тынчын\s+ал)(?:ба|бе|бо|бө|па|пе|по|пө)(?:йт|гон|ган|ген|гөн|ды|ди|ду|дү|йбыз|йбуз|йбүз|йбиз|ймын|ймин|ймун|ймүн)\w*", "not", CLAUSE, DENY),  # noqa: E501
        # "бизде адис тартыштыгы жок" (we have no shortage of specialists)
        (r"(?:\S+\s+)?(?:тартыштыг|жетишсиздиг|жетишпестиг|жетишпегендиг)\w*\s+(?:\S+\s+){0,2}?(?:жок|байкалбайт|сезилбейт|болгон\s+жок)(?!\w)", "not a problem", CLAUSE, AFFIRM),  # noqa: E501
        (r"(?:эч\s+кандай\s+|эч\s+бир\s+)?(?:чыр(?:-?\s*чатак)?|кагылыш|жаңжал|талаш|келишпестик|түшүнбөстүк|кыйынчылык|нааразылык)\w*\s+(?:жок|болбойт|болгон\s+жок|болбогон)", "not a problem", CLAUSE, DENY),  # noqa: E501
        (r"(?:эч\s+качан\s+)?(?:уккан\s+(?:эмес|жок)\w*|укканым\s+жок|укпа\w*|угуп\s+көрбө\w*|угулба\w*)", "never", BEFORE, NEGATE, 10),  # noqa: E501
        (r"жооп\s+бере\s+албайм\w*|ойлонуп\s+көрө\s+элек\w*|билбейм|билбейбиз|билбедим|мага\s+белгисиз|(?:айтаарым|кошоорум)\s+жок|(?:бул\s+)?менин\s+тармагым\s+эмес|маалыматым\s+жок|кабарым\s+жок|айта\s+албайм", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        # a topic echoed as a question and left with "what can I say?" or "any other
        # question?": "Климат дейсизби... Ооба, климат, климат. … мен эмне деймин."
        (r"^(?:\S+\s+){0,3}?\S+\s+(?:жөнүндөбү|тууралуубу|дейсизби|дейсиңби|\S+бы|\S+би|\S+бу|\S+бү)\s*(?:\?|\.\.\.|…)[?.…!]*\s*(?:(?:(?!(?<![\w'])(?:жок|эмес|\w+(?:байт|бейт|пайт|пейт|бойт|бөйт))(?![\w']))[^.!?…])*[.!?…]+\s*){0,3}?(?:(?:(?!(?<![\w'])(?:жок|эмес|\w+(?:байт|бейт|пайт|пейт|бойт|бөйт))(?![\w']))[^.!?…])*?\s)?(?:(?:мен\s+)?эмне\s+(?:деймин|айтайын|кошом|кошоюн|дейм)|(?:башка|кийинки)\s+суроо\w*(?:\s+(?:барбы|бар\s+бы|кандай))?)\W*$", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        (r"сураңыз(?:дар)?|(?:барыңыз|кайрылыңыз|байланышыңыз)(?:дар)?|алар\s+(?:айтып|түшүндүрүп)\s+бер(?:ет|ишет)", "don't know", CLAUSE, UNKNOWN, 8),  # noqa: E501
        (r"(?:эми|мындан\s+ары)\s+(?:\S+\s+){0,2}?(?:жок|эмес|\w+(?:байт|бейт|пайт|пейт|бойт|бөйт))", "no longer", BEFORE, NEGATE),  # noqa: E501
        (r"токтоп\s+кал\w*|токтотул\w*|токто(?:ду|гон|тулду)\w*", "no longer", BEFORE, NEGATE),
        (r"аякта(?:лды|лган|ды|ган)\w*", "no longer", BEFORE, NEGATE),
        # "капчыгай жол менен тосмолордон таза" (free of roads and fences)
        (r"(?:менен|жана)\s+\S+(?:дан|ден|тан|тен|нан|нен|дон|дөн|тон|төн|нон|нөн)\s+(?:такыр\s+|толук\s+|али\s+)?(?:таза|арылган|бош)(?!\w)", "without", CLAUSE, DENY, 3),  # noqa: E501
        (r"таза|арыл\w*", "without", BEFORE, NEGATE, 2),
        # "асфальт жете элек" (the asphalt has not reached us yet)
        (r"элек", "not", BEFORE, NEGATE),
        (r"эч\s+качан", "never", AFTER, NEGATE),
        (r"эч\s+кандай|эч\s+бир|эчким\w*|эч", "no", AFTER, NEGATE),
        (r"жок(?:мун|пуз)?", "no", BEFORE, NEGATE),
        (r"\w+(?:баган|беген|боган|бөгөн|паган|пеген|поган|пөгөн)(?:мун|мин|мын|мүн|буз|биз|быз|бүз|пуз|пиз|пыз|пүз|сыз|сиз|суз|сүз)", "not", BEFORE, NEGATE),  # noqa: E501
        (r"эмес\w*|\w+(?:байт|бейт|пайт|пейт|бойт|бөйт|баган|беген|паган|пеген|боган|бөгөн|бады|беди|пады|педи|боду|бөдү|байбыз|бейбиз|байм|бейм|баймын|беймин|боймун|бөймүн|паймын|пеймин|бадым|бедим|бодум|бөдүм|падым|педим|подум|пөдүм)", "not", BEFORE, NEGATE),  # noqa: E501
        (r"(?:(?<=[.!?] )|^)[^.!?]{0,120}?(?:дейсиз|дейсиң)\w*(?:\s+(?:би|бы|бу|бү))?(?=\s*\?)", "echo", CLAUSE, UNKNOWN, 30),  # noqa: E501
    ],
    "uz": [
        # "жайылым жөнінде ешқандай шағым жоқ" (no complaint at all about the pasture):
        # what the sentence named is no trouble
        (r"hech\s+(?:qanday|bir)\s+(?:shikoyat|e'tiroz|norozilik)[\w']*\s+(?:yo'q|tushmagan|bo'lmagan)(?![\w'])(?![^.!?]{0,40}?(?:chunki|sababi|negaki)[^.!?]{0,60}?(?:qo'rq|ishonma|ishonch\s+yo'q|foydasi\s+yo'q|befoyda))", "not a problem", SENTENCE, DENY, 12),  # noqa: E501
        # "мұз қабыршағы соңғы рет 2021-де болды" (the last ice crust was in 2021): the
        # thing named is over
        (r"(?:oxirgi|so'nggi)\s+(?:marta|bor)\s+(?:\S+\s+){0,2}?(?:(?:19|20)\d\d\S*(?:\s+yil(?:da|i))?|\S+\s+yil\s+oldin)\s+(?:bo'lgan|bo'ldi|kuzatilgan|qayd\s+etilgan|uchragan)(?![\w'])", "no longer", SENTENCE, NEGATE, 12),  # noqa: E501
        # "шөп мол", "булактар толук" (the grass is plentiful, the springs are full): a
        # resource said to abound is in place; a problem said to abound stays
        (r"(?:juda\s+)?(?:mo'l|mo'l-ko'l|serob|to'la)(?=\s*(?:[.,;:!?—]|$))", "not a problem", BEFORE, AFFIRM, 3),  # noqa: E501
        # "the years when X happened are behind us": what the sentence named before
        (r"(?:yillar|kunlar|paytlar|zamonlar)(?:i)?\s+(?:allaqachon\s+)?ortda\s+qoldi(?!\w)", "no longer", SENTENCE, DENY, 30),  # noqa: E501
        # "har yili samolyotdan sanashadi" (they count from a plane every year): the count
        # is done, regularly
        (r"har\s+(?:yili|yil|bahorda|kuzda)\s+(?:[\w']+\s+){0,2}?(?:sana(?:ymiz|ydi|ydilar|shadi|ladi)|hisobla(?:ymiz|shadi)|(?:sanoq|sanog'i|hisob)[\w']*\s+o'tkaz[\w']*)(?!\s+(?:emas|yo'q|lekin|ammo)(?![\w']))(?![\w'])|(?:sanoq|sanog'i|hisob|hisob-kitob|monitoring)[\w']*\s+har\s+(?:yili|yil)\s+o'tkazil(?:adi|gan)(?![\w'])", "not a problem", CLAUSE, DENY),  # noqa: E501
        # "X tomondan tashvishdan yiroqmiz" (on the side of X we are far from worry): what
        # the sentence named before it (not "bozordan uzoqmiz", we are far from the market)
        (r"(?:tashvish|xavotir|muammo|qiyinchilik|g'am)[\w']*dan\s+(?:butunlay\s+)?(?:yiroq|uzoq|xoli|holi)(?:miz|man|dir)?(?![\w'])(?!\s+emas)", "not a problem", SENTENCE, DENY, 12),  # noqa: E501
        # a wild animal that crosses a road or a fence freely, "nothing stops it":
        # the barrier named in the sentence is no trouble (not poachers or herds, whom
        # nothing stopping is the complaint)
        (r"(?:(?<=[.!?] )|^)(?=[^.!?]{0,150}?(?<![\w'])(?:sayg'oq|jayron|qulon|arxar|hayvon|kiyik|bug'u|ohu|yovvoyi|tog'\s+echki))(?![^.!?]{0,200}?(?<![\w'])(?:brakonyer|ovchi|mol|chorva|qo'y|poda|cho'pon|echki|sigir|ot))[^.!?]{0,200}?hech\s+(?:narsa|nima)(?:\s+ham)?\s+(?:(?:ularni|uni)\s+)?(?:to'xtatma|to'xtata\s+olma|to'sqinlik\s+qilma|xalaqit\s+berma|to'sma|monelik\s+qilma)(?:ydi|di|gan|yapti)[\w']*", "not", CLAUSE, DENY),  # noqa: E501
        # "such has not happened since" (for three winters there has been nothing of the
        # kind): what the sentence before said when the phrase names nothing of its own,
        # or this one before the phrase (not past its 'but')
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:[^.!?,]{0,40}?\s)?(?:beri|endi|hozir|(?<=so'nggi\s)(?:\S+\s+){0,2}?\S+da|(?<=oxirgi\s)(?:\S+\s+){0,2}?\S+da)\s+(?:\S+\s+)?(?:bunday|bunaqa|unday|unaqa|shunday|shunaqa)[\w']*\s+(?:(?:narsa|hol|holat|voqea|ish)[\w']*\s+)?(?:bo'lmadi|qil(?:ish)?maydi|qilinmaydi|bo'lgani\s+yo'q|bo'lgan\s+emas|takrorlanmadi|uchramadi|kuzatilmadi|yo'q)(?![\w'])(?!\s+deb(?![\w']))", "no longer", CLAUSE, DENY),  # noqa: E501
        (r"(?:(?<=[.!?] )|^|(?<=lekin\s)|(?<=ammo\s)|(?<=biroq\s))(?:(?!(?<![\w'])(?:lekin|ammo|biroq)(?![\w']))[^.!?]){0,200}?(?:beri|endi|hozir|(?<=so'nggi\s)(?:\S+\s+){0,2}?\S+da|(?<=oxirgi\s)(?:\S+\s+){0,2}?\S+da)\s+(?:\S+\s+)?(?:bunday|bunaqa|unday|unaqa|shunday|shunaqa)[\w']*\s+(?:\S+\s+)?(?:bo'lmadi|qil(?:ish)?maydi|qilinmaydi|bo'lgani\s+yo'q|bo'lgan\s+emas|takrorlanmadi|uchramadi|kuzatilmadi|yo'q)(?![\w'])(?!\s+deb(?![\w']))", "no longer", CLAUSE, DENY),  # noqa: E501
        # "we are rid of it now": what the sentence, or the one before, named
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:\S+\s+)?(?:undan|bundan|shundan|ulardan|bulardan)\s+(?:\S+\s+)?(?:qutuldik|xalos\s+bo'ldik|qutuldi)[\w']*", "no longer", SENTENCE, NEGATE, 60),  # noqa: E501
        (r"(?:undan|bundan|shundan|ulardan|bulardan)\s+(?:\S+\s+)?(?:qutuldik|xalos\s+bo'ldik|qutuldi)[\w']*", "no longer", SENTENCE, NEGATE, 30),  # noqa: E501
        # a claim reported and rejected: "the talk that X has no ground", "the
        # complaint that X is outdated", or "that talk is outdated now" after it
        (r"(?:(?<=[.!?,;:] )|^)[^.!?,;:]{1,200}?(?:degan|deyilgan|deb\s+aytilgan)\s+(?:gap|fikr|shikoyat|da'vo|mish-mish|xavotir|qo'rquv|tashvish)[\w']*\s+(?:\S+\s+){0,2}?(?:asosi\s+yo'q|asossiz|eskir(?:di|gan)|noto'g'ri|to'g'ri\s+emas|yolg'on|puch|o'tmishda\s+qoldi|tarixga\s+aylandi)(?![\w'])", "not a problem", CLAUSE, DENY),  # noqa: E501
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:[^.!?,]{0,40}?\s)?(?:(?:hozir|endi|қазір|енді|азыр|эми)\s+)?(?:u|bu|shu|o'sha)\s+(?:gap|gaplar|gap-so'z|xavotir|qo'rquv|shikoyat|tashvish|fikr)[\w']*\s+(?:(?:endi|allaqachon)\s+)?(?:eskir(?:di|gan)|o'tmishda\s+qoldi|tarixga\s+aylandi|asossiz\s+chiqdi|noto'g'ri\s+chiqdi)(?![\w'])", "no longer", CLAUSE, DENY),  # noqa: E501
        # "kuzatuv to'xtamagan", "olimlar bizni unutishmagan" (the monitoring has not
        # stopped, the scientists have not forgotten us): the work goes on, its gap is denied
        (r"(?:to'xtab\s+qol|to'xta|to'xtat|uzil|kechiktir|unut|tashlab\s+qo'y)(?:ish)?ma(?:gan|di|ydi|yapti|ymiz|dik|ydilar|dilar)[\w']*", "not a problem", CLAUSE, AFFIRM),  # noqa: E501
        (r"hal\s+(?:bo'lma|qilinma)[\w']*|(?:to'xta|tuga|yo'qol|barham\s+topma|bartaraf\s+etilma)ma[\w']*|barham\s+topma[\w']*|bartaraf\s+etilma[\w']*", "", AFTER, NONE),  # noqa: E501
        (r"(?:men\s+)?(?:(?:bu\s+yerda|bu\s+qishloqda)\s+(?:hali\s+)?yangiman|(?:bu\s+yerga|bu\s+qishloqqa)\s+(?:yaqinda|yangi|shu\s+yil)\s+(?:ko'chib\s+)?keldim|mahalliy\s+emasman|mutaxassis\s+emasman|(?:bu\s+)?mening\s+ishim\s+emas)", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        (r"(?:juda\s+)?yaxshi(?:\s+(?:yo'lga\s+qo'yilgan|ishlaydi|ishlaydilar|ishlayapti|ishlamoqda|ketmoqda|rivojlangan))?(?=\s*(?:[.,;!—]|$))", "not a problem", BEFORE, DENY, 4),  # noqa: E501
        # non-answers that name a theme: a refusal, a question back, thanks for asking, an echo
        (r"(?:[^\s.!?,;]+\s+){0,5}?(?:(?:javob\s+bergim|gapirgim|aytgim|fikr\s+bildirgim|gaplashgim)\s+kelmaydi|haqida\s+(?:hech\s+narsa\s+)?(?:aytmayman|gapirmayman|javob\s+bermayman))", "refusal", CLAUSE, UNKNOWN, 12),  # noqa: E501
        (r"(?:(?<=[.!?] )|^)[^.!?]{0,120}?(?:so'rayapsiz|so'rayapsizlar|so'raysiz|so'rab\s+(?:yuribsiz|o'tiribsiz)|bilmoqchimisiz|bilmoqchisiz|(?:sizni|sizlarni)\s+kim\s+yubordi|kimsiz|kimsizlar|so'rovnoma|anketa|qayerdansiz)[\w']*[^.!?]{0,60}?(?=\?)", "asked back", CLAUSE, UNKNOWN, 30),  # noqa: E501
        (r"(?:[^\s.!?,;]+\s+){0,6}?(?:so'raganingiz|qiziqqaningiz|kelganingiz)[\w']*\s+(?:uchun\s+)?(?:katta\s+)?(?:rahmat|tashakkur)", "thanks", CLAUSE, UNKNOWN, 12),  # noqa: E501
        (r"(?:\S+\s+){0,3}?\S+\s*(?:\?|\.\.\.|…)[?.…!\s]*(?:\S+\s*(?:\?|\.\.\.|…|,)\s*){0,2}(?:men\s+)?(?:bilmayman|bilmaymiz|kim\s+biladi|ayta\s+olmayman|nima\s+deyman)(?=\s*(?:[.,;:!?…]|$))", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        (r"nafaqat|gina\s+emas|faqat\s+(?:\S+\s+){0,2}?emas|kam\s+emas|kamay\w*|ko'pay\w*", "", AFTER, NONE),  # noqa: E501
        # "… , endi bu muammo hal bo'ldi" (that problem is solved now)
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:(?:hozir|endi|bugun)\s+)?(?:u|bu|shu|o'sha)\s+(?:muammo|masala|xavf|tahdid|qiyinchilik|ish|holat|hol)[\w']*\s+(?:(?:allaqachon|butunlay|to'liq|batamom|endi)\s+)?(?:hal\s+bo'l(?:di|gan)|hal\s+qilin(?:di|gan)|yo'qol(?:di|gan)|tuga(?:di|gan)|barham\s+top(?:di|gan)|qolmadi|bartaraf\s+(?:etildi|bo'ldi))[\w']*", "no longer", CLAUSE, DENY),  # noqa: E501
        (r"(?:u|bu|shu|o'sha)\s+(?:muammo|masala|xavf|tahdid|qiyinchilik|ish|holat|hol)[\w']*\s+(?:(?:allaqachon|butunlay|to'liq|batamom|endi)\s+)?(?:hal\s+bo'l(?:di|gan)|hal\s+qilin(?:di|gan)|yo'qol(?:di|gan)|tuga(?:di|gan)|barham\s+top(?:di|gan)|qolmadi|bartaraf\s+(?:etildi|bo'ldi))[\w']*", "no longer", SENTENCE, DENY, 30),  # noqa: E501
        # "hech kim shikoyat qilmaydi" (nobody complains)
        (r"(?:hech\s+kim\s+)?(?:shikoyat\s+qilma|norozi\s+bo'lma|norozilik\s+bildirma|nolima)[\w']*", "not a problem", SENTENCE, DENY, 12),  # noqa: E501
        # "brakonerlar kelmay qo'ydi" (the poachers stopped coming), "kelmaydigan bo'ldi"
        (r"(?!(?:ololmay|o't)[\w']*\s)[\w']+(?:may|mey)\s+qo'y(?:di|gan|ishdi|ishgan|dilar)[\w']*|[\w']+maydigan\s+bo'l(?:di|gan|ishdi|dilar)[\w']*", "no longer", BEFORE, NEGATE, 5),  # noqa: E501
        # "solved only on paper", "partly solved": still a complaint
        (r"(?:qog'ozda(?:\s+gina)?|qog'oz\s+yuzida|qisman)\s+(?:\S+\s+)?(?:hal|bartaraf|yechil)[\w']*(?:\s+(?:bo'l|qilin|etil)[\w']*)?", "", AFTER, NONE),  # noqa: E501
        # "yoqilg'i muammosi o'tgan yili hal bo'ldi" (the fuel problem was solved last year)
        (r"(?:hal\s+(?:bo'ldi|bo'lgan|qilindi|qilingan)|bartaraf\s+(?:etildi|etilgan|bo'ldi)|yechildi|yechimini\s+topdi)(?!\s+(?:emas|deb|mi)(?![\w']))(?![\w'])", "no longer", BEFORE, DENY, 10),  # noqa: E501
        # "ma'lumotlar o'z vaqtida yuboriladi" (the data are sent on time)
        # the work is done, regularly
        (r"(?:o'z\s+vaqtida|vaqtida|muntazam(?:\s+ravishda)?)\s+(?![\w']*(?:may|madi|magan)[\w']*)[\w']+(?!\s+(?:emas|yo'q)(?![\w']))", "not a problem", BEFORE, DENY, 5),  # noqa: E501
        (r"(?<=,\s)(?:(?:u\s+yerda|bu\s+borada|bu\s+tomondan)\s+(?:ham\s+)?)?(?:muammo|qiyinchilik)[\w']*\s+yo'q", "not a problem", SENTENCE, DENY, 6),  # noqa: E501
        # "monitoring bor", "kamera tuzoqlar ishlayapti" (there is monitoring, the traps work)
        (r"(?:bor|joyida|mavjud|ishlayapti|ishlamoqda|ishlaydi)(?=\s*(?:[.,;:!?—]|$))", "not a problem", BEFORE, AFFIRM, 3),  # noqa: E501
        # "hozir unday emas" (it is not like that now): what the sentence named before it
        (r"(?:hozir|endi|bugun)\s+(?:(?:u|bu)\s+(?:ham\s+)?(?:to'xtadi|tugadi|yo'qoldi|qolmadi)|unday\s+(?:emas|yo'q)|bunday\s+emas)(?![\w'])", "no longer", SENTENCE, DENY, 14),  # noqa: E501
        (r"(?:(?<=aholi\s)|(?<=xalq\s)|(?<=odamlar\s)|(?<=hamma\s)|(?<=hammasi\s))(?:rozi|mamnun|xursand)(?!\s+(?:emas|yo'q)(?![\w']))(?![\w'])", "not a problem", SENTENCE, DENY, 12),  # noqa: E501
        # "… hech ko'rmaganman" (I have never seen …)
        (r"(?:hech\s+(?:qachon\s+)?)?(?:ko'rmaganman|ko'rmaganmiz|ko'rgan\s+emasman|eshitmaganman|eshitmaganmiz)", "not", BEFORE, DENY, 8),  # noqa: E501
        # "bu yo'lda mashina kam" (few cars on this road); "inspektor kam" stays the gap
        (r"(?:juda\s+|ancha\s+)?kam(?:roq)?(?=\s*(?:[.,;:!?—]|$))", "no", BEFORE, NEGATE, 2),  # noqa: E501
        # "qonun buzilmaydi" (the law is not broken)
        (r"buzilma(?:ydi|di|gan|yapti)[\w']*", "not", CLAUSE, DENY),
        (r"(?:katta\s+)?(?:muammo|xavf|tahdid|xatar)[\w']*\s+(?:emas|yo'q|hisoblanmaydi|sanalmaydi|tug'dirma[\w']*|solma[\w']*|tashkil\s+qilma[\w']*|bo'lma(?:y|ydi|gan|di)\w*)|nazorat\s+ostida", "not a problem", BEFORE, DENY),  # noqa: E501
        # "ma'lumotsiz qolmaganmiz" (we are not left without data)
        (r"(?<=siz\s)(?:qolmagan\w*|qolmadi\w*|qolgan\s+emas\w*|qolayotgani\s+yo'q|qolayotganimiz\s+yo'q)", "not a problem", BEFORE, DENY, 3),  # noqa: E501
        # "suv yetarli bo'lgan" (there was enough water)
        (r"(?:yetarli|yetarlicha|yetadi|yetib\s+ortadi)(?=\s*(?:[.,;:!?—]|$)|\s+(?:bor|bo'lgan|bo'ldi|edi|deb\s+(?!ayta))(?![\w']))", "not a problem", BEFORE, DENY, 4),  # noqa: E501
        # "bu tomondan shikoyatimiz yo'q" (no complaint on that score), "bunday muammo
        # yo'q": what the sentence, or the one before it, said
        (r"(?:(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:(?:hozir|endi|bugun)\s+)?)?(?:(?:bu|shu|u)\s+(?:tomondan|jihatdan|borada|masalada)|bunday|bunaqa|unday|unaqa)\s+(?:\S+\s+){0,2}?(?:(?:narsa|shikoyat|muammo|gap|qiyinchilik|kamchilik|e'tiroz|norozilik|janjal|nizo)[\w']*\s+(?:yo'q|bo'lmagan|bo'lmaydi|qolmadi)|(?:qilish|qilin)(?:maydi|maydilar|may\s+qoldi)|bo'lmay\s+qoldi)(?:\s*[:—–]\s*(?:(?!(?<!\w)(?:lekin|ammo|biroq|faqat)(?!\w))[^.!?])*)?", "not a problem", CLAUSE, DENY),  # noqa: E501
        # "inspektorlar pora olmaydi" (the inspectors take no bribes)
        (r"(?:\S+\s+)?pora\s+(?:olma|berma)(?:ydi|ydilar|gan|di|ymiz)[\w']*", "not", CLAUSE, DENY),  # noqa: E501
        # "qurg'oqchilikdan zarar ko'rmagan" (not harmed by the drought), "omon qolgan"
        (r"omon\s+qolma[\w']+", "", AFTER, NONE),
        (r"(?<=[dn]an\s)omon(?!\s+qolma)(?![\w'])", "without", BEFORE, DENY, 5),
        (r"(?:kuzatilma|uchrama)(?:di|ydi|gan)[\w']*", "not", CLAUSE, DENY),
        (r"(?:zarar|ziyon|talofat)\s+ko'rma[\w']*|omon(?:\s+qol[\w']*)?", "without", BEFORE, NEGATE, 5),  # noqa: E501
        # "to'qnashuv degan narsa yo'q" (there is no such thing as conflict)
        (r"degan\s+(?:(?:narsa|gap|so'z|hol)[\w']*\s+)?(?:(?:bu\s+yerda|bizda|u\s+yerda)\s+)?(?:umuman\s+)?(?:yo'q|bo'lmaydi|bo'lmagan|uchramaydi)", "no", BEFORE, DENY, 8),  # noqa: E501
        # "chorva ham, qurg'oqchilik ham yo'q" (neither livestock nor drought)
        (r"ham,\s+(?:\S+\s+){1,3}?ham\s+(?:yo'q|bo'lmagan|bo'lmaydi|[\w']+(?:maydi|maydilar|mayapti|madi|madik|madim|madilar|magan|maganman|maganmiz|mayman|maymiz))", "neither-nor", CLAUSE, DENY),  # noqa: E501
        # a verb of harming, chasing, blocking or grazing denied: "aholi bug'ularga
        # tegmaydi", "hech kim litsenziya sotmaydi", "to'siq yo'lini to'smayapti"
        (r"(?:o'q\s+)?(?:ta'sir\s+qilma|ta'sir\s+ko'rsatma|tegma|tegizma|otma|ovlama|quvma|quvlama|haydama|boqma|o'tlatma|o'ldirma|sotma|sotib\s+olma|kirma|urishma|janjallashma|tortishma|bahslashma|bezovta\s+qilma|xalaqit\s+berma|to'sqinlik\s+qilma|zarar\s+yetkazma|kesib\s+o'tma|to'sma)(?:ydi|ydilar|yapti|yaptilar|gan|di|dilar|ymiz|yman|ysiz|ydigan)[\w']*", "not", CLAUSE, DENY),  # noqa: E501
        # "bizda mutaxassis tanqisligi yo'q" (we have no shortage of specialists)
        (r"(?:\S+\s+)?(?:tanqislig|yetishmovchilig|taqchillig|yetishmasligi)[\w']*\s+(?:\S+\s+){0,2}?(?:yo'q|sezilmaydi|kuzatilmaydi|bo'lmagan)(?![\w'])", "not a problem", CLAUSE, AFFIRM),  # noqa: E501
        (r"(?:hech\s+qanday\s+|hech\s+bir\s+)?(?:nizo|janjal|to'qnashuv|kelishmovchilik|tushunmovchilik|ziddiyat|qiyinchilik|norozilik)\w*\s+(?:yo'q|bo'lmagan|bo'lmaydi)", "not a problem", CLAUSE, DENY),  # noqa: E501
        (r"(?:hech\s+qachon\s+)?(?:eshitma[\w']*|eshitgan\s+emas[\w']*|eshitganim\s+yo'q)", "never", BEFORE, NEGATE, 10),  # noqa: E501
        (r"javob\s+bera\s+olmayman|gapira\s+olmayman|o'ylab\s+ko'rmaganman|bilmayman|bilmadim|menga\s+noma'lum|(?:aytadiganim|qo'shadiganim|aytarim)\s+yo'q|(?:bu\s+)?mening\s+sohamdan\s+emas|ma'lumotim\s+yo'q|xabarim\s+yo'q|ayta\s+olmayman", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        # a topic echoed as a question and left with "what can I say?" or "any other
        # question?": "Iqlim deysizmi? … men nima ham derdim."
        (r"^(?:\S+\s+){0,3}?\S+\s+(?:haqidami|to'g'risidami|deysizmi|deysanmi|[\w']+mi)\s*(?:\?|\.\.\.|…)[?.…!]*\s*(?:(?:(?!(?<![\w'])(?:yo'q|emas|[\w']+maydi)(?![\w']))[^.!?…])*[.!?…]+\s*){0,3}?(?:(?:(?!(?<![\w'])(?:yo'q|emas|[\w']+maydi)(?![\w']))[^.!?…])*?\s)?(?:(?:men\s+)?nima\s+(?:ham\s+)?(?:derdim|deyman|deyin|qo'shaman|qo'shay|aytay|aytaman)|(?:boshqa|keyingi)\s+savol[\w']*(?:\s+(?:bormi|qanday))?)\W*$", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        (r"(?:murojaat|aloqaga\s+chiq)\s*(?:qiling|qilinglar|eting)?|so'rang(?:lar)?|boring(?:lar)?|ular\s+(?:aytib|tushuntirib)\s+beradi", "don't know", CLAUSE, UNKNOWN, 8),  # noqa: E501
        (r"endi\s+(?:\S+\s+){0,2}?(?:yo'q|emas|[\w']+(?:maydi|mayapti|madi))", "no longer", BEFORE, NEGATE),  # noqa: E501
        (r"to'xtab\s+qol[\w']*|to'xta(?:di|gan|tildi)\w*|barham\s+top(?:di|gan)\w*|tugatil(?:di|gan)\w*", "no longer", BEFORE, NEGATE),  # noqa: E501
        (r"tuga(?:di|gan)\w*|yakunla(?:ndi|ngan)\w*", "no longer", BEFORE, NEGATE),
        # "dasht yo'l va to'siqlardan xoli" (the steppe is free of roads and fences)
        (r"(?:va|hamda|bilan)\s+\S+dan\s+(?:butunlay\s+|to'liq\s+|hali\s+)?(?:xoli|holi|toza|ozod)(?![\w'])", "without", CLAUSE, DENY, 3),  # noqa: E501
        (r"xoli|holi|toza|(?<=dan\s)bo'sh", "without", BEFORE, NEGATE, 2),
        (r"hech\s+qachon", "never", AFTER, NEGATE),
        # "na yo'l hayvonlarga xalal beradi, na qurg'oqchilik" (neither the road … nor …)
        (r"na\s+(?:[^\s.!?;,]+\s+){0,7}?[^\s.!?;,]+(?=,\s+na\s)", "neither-nor", CLAUSE, DENY),
        (r"na", "neither-nor", AFTER, NEGATE),
        (r"hech\s+qanday|hech\s+bir|hech", "no", AFTER, NEGATE),
        (r"yo'q", "no", BEFORE, NEGATE),
        (r"emas\w*|[\w']+(?:maydi|maydilar|mayapti|madi|madik|madim|madilar|magan|maganman|maganmiz|mayman|maymiz)", "not", BEFORE, NEGATE),  # noqa: E501
        (r"(?:(?<=[.!?] )|^)[^.!?]{0,120}?(?:deysiz|deysan)[\w']*(?=\s*\?)", "echo", CLAUSE, UNKNOWN, 30),  # noqa: E501
    ],
    "tg": [
        # "жайылым жөнінде ешқандай шағым жоқ" (no complaint at all about the pasture):
        # what the sentence named is no trouble
        (r"(?:ягон|ҳеҷ)\s+(?:шикоят|норозигӣ|эътироз)\w*\s+(?:нест|надорем|наомадааст|набуд)(?!\w)(?![^.!?]{0,40}?(?:зеро|чунки|чунке|азбаски)[^.!?]{0,60}?(?:метарс|тарсанд|бовар\s+на|фоида\s+надор|бефоида))", "not a problem", SENTENCE, DENY, 12),  # noqa: E501
        # "шөп мол", "булактар толук" (the grass is plentiful, the springs are full): a
        # resource said to abound is in place; a problem said to abound stays
        (r"(?:хеле\s+)?(?:фаровон|сероб|пур)(?:\s+аст)?(?=\s*(?:[.,;:!?—]|$))", "not a problem", BEFORE, AFFIRM, 3),  # noqa: E501
        # "the years when X happened are behind us": what the sentence named before
        (r"(?:солҳо|рӯзҳо|замонҳо)(?:е)?\s+(?:кайҳо\s+)?(?:гузаштанд|паси\s+сар\s+шуданд)(?!\w)", "no longer", SENTENCE, DENY, 30),  # noqa: E501
        # "such has not happened since" (for three winters there has been nothing of the
        # kind): what the sentence before said when the phrase names nothing of its own,
        # or this one before the phrase (not past its 'but')
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:[^.!?,]{0,40}?\s)?(?:боз|инҷониб|ҳоло|акнун|дигар)\s+(?:\S+\s+)?(?:чунин|ин\s+хел|ин\s+тавр|ҳамин\s+хел)\s+(?:(?:ҳол|ҳолат|чиз|воқеа|кор|ҳодиса)\w*\s+)?(?:нашуд\w*|набуд\w*|рух\s+надод\w*|нест|намекун(?:анд|ад)|намешавад|дида\s+нашуд\w*|такрор\s+нашуд\w*)(?!\w)(?!\s+(?:гуфта|гӯем|гуфтан)(?!\w))", "no longer", CLAUSE, DENY),  # noqa: E501
        (r"(?:(?<=[.!?] )|^|(?<=вале\s)|(?<=аммо\s)|(?<=лекин\s))(?:(?!(?<![\w'])(?:вале|аммо|лекин)(?![\w']))[^.!?]){0,200}?(?:боз|инҷониб|ҳоло|акнун|дигар)\s+(?:\S+\s+)?(?:чунин|ин\s+хел|ин\s+тавр|ҳамин\s+хел)\s+(?:\S+\s+)?(?:нашуд\w*|набуд\w*|рух\s+надод\w*|нест|намекун(?:анд|ад)|намешавад|дида\s+нашуд\w*|такрор\s+нашуд\w*)(?!\w)(?!\s+(?:гуфта|гӯем|гуфтан)(?!\w))", "no longer", CLAUSE, DENY),  # noqa: E501
        # "we are rid of it now": what the sentence, or the one before, named
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:\S+\s+)?(?:аз\s+(?:он|ин|онҳо|инҳо)\s+)(?:\S+\s+)?(?:халос\s+шуд(?:ем|анд|)|раҳо\s+ёфт(?:ем|анд|))(?!\w)", "no longer", SENTENCE, NEGATE, 60),  # noqa: E501
        (r"(?:аз\s+(?:он|ин|онҳо|инҳо)\s+)(?:\S+\s+)?(?:халос\s+шуд(?:ем|анд|)|раҳо\s+ёфт(?:ем|анд|))(?!\w)", "no longer", SENTENCE, NEGATE, 30),  # noqa: E501
        # "мониторинг қатъ нагардидааст", "олимон моро фаромӯш накардаанд" (the monitoring
        # has not stopped, the scientists have not forgotten us): the work goes on, its gap
        # is denied; a problem named stays ("шикор қатъ нашуд")
        (r"(?:фаромӯш|қатъ|таъхир|тарк)\s+на(?:кард|мекун|шуд|мешав|гардид)\w*", "not a problem", CLAUSE, AFFIRM),  # noqa: E501
        # not solved, not ended ("қатъ нашуд", not stopped, is the "in place" cue above)
        (r"(?:ҳал|бартараф|тамом|бас)\s+на(?:шуд|гардид|кард)\w*", "", AFTER, NONE),
        (r"(?:ман\s+)?(?:(?:дар\s+ин\s+ҷо|дар\s+ин\s+деҳа)\s+(?:ҳоло\s+)?навам|(?:ба\s+ин\s+ҷо|ба\s+ин\s+деҳа)\s+(?:нав|навакак|имсол|ба\s+қарибӣ)\s+(?:кӯчида\s+)?омадам|маҳаллӣ\s+нестам|мутахассис\s+нестам|(?:ин\s+)?кори\s+ман\s+нест)", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        # "бо тарафи афғон ҳамкорӣ хуб аст" (cooperation with the Afghan side is good): the
        # subject is no trouble (not "хуб аст, ки …", it would be good if …)
        (r"(?:хеле\s+)?хуб\s+(?:аст|мебошад|ба\s+роҳ\s+монда\s+шудааст|кор\s+мекун(?:ад|анд)|ҷараён\s+дорад)(?!\s*,?\s*ки(?!\w))", "not a problem", BEFORE, DENY, 4),  # noqa: E501
        # non-answers that name a theme: a refusal, a question back, thanks for asking, an echo
        (r"(?:[^\s.!?,;]+\s+){0,5}?(?:(?:ҷавоб\s+додан|гап\s+задан|гуфтан|сӯҳбат\s+кардан|назар\s+додан)\s+намехоҳам|(?:дар\s+ин\s+бора\s+)?чизе\s+намегӯям)", "refusal", CLAUSE, UNKNOWN, 12),  # noqa: E501
        (r"(?:(?<=[.!?] )|^)[^.!?]{0,120}?(?:мепурсед|мепурсидед|пурсида\s+истодаед|донистан\s+мехоҳед|шуморо\s+кӣ\s+фиристод|кистед|пурсишнома|анкета|аз\s+куҷо\s+омадед)\w*[^.!?]{0,60}?(?=\?)", "asked back", CLAUSE, UNKNOWN, 30),  # noqa: E501
        (r"(?:ташаккур|раҳмат|сипос)\s*,?\s+ки\s+(?:[^\s.!?;]+\s+){0,6}?(?:мепурсед|пурсидед|омадед|таваҷҷӯҳ\s+доред)", "thanks", CLAUSE, UNKNOWN, 12),  # noqa: E501
        (r"(?:\S+\s+){0,3}?\S+\s*(?:\?|\.\.\.|…)[?.…!\s]*(?:\S+\s*(?:\?|\.\.\.|…|,)\s*){0,2}(?:ман\s+)?(?:намедонам|намедонем|кӣ\s+медонад|гуфта\s+наметавонам|чӣ\s+гӯям)(?=\s*(?:[.,;:!?…]|$))", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        (r"на\s+танҳо|на\s+фақат|ё\s+не|ё\s+на", "", AFTER, NONE),
        # "… , ҳоло ин мушкил ҳал шуд" (that problem is solved now)
        (r"(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:(?:ҳоло|ҳозир|акнун|имрӯз)\s+)?(?:ин|он|ҳамин|ҳамон)\s+(?:мушкил|масъала|мушкилот|хатар|проблема|кор|ҳол|ҳолат|вазъ|амал)\S*\s+(?:(?:кайҳо\s+боз|кайҳо|пурра|тамоман|комилан|аллакай)\s+)?(?:ҳал\s+(?:шуд|гардид|карда\s+шуд)|бартараф\s+(?:шуд|гардид|карда\s+шуд)|аз\s+байн\s+рафт|тамом\s+шуд|барҳам\s+хӯрд|қатъ\s+шуд|бас\s+шуд|намонд)\w*", "no longer", CLAUSE, DENY),  # noqa: E501
        (r"(?:ин|он|ҳамин|ҳамон)\s+(?:мушкил|масъала|мушкилот|хатар|проблема|кор|ҳол|ҳолат|вазъ|амал)\S*\s+(?:(?:кайҳо\s+боз|кайҳо|пурра|тамоман|комилан|аллакай)\s+)?(?:ҳал\s+(?:шуд|гардид|карда\s+шуд)|бартараф\s+(?:шуд|гардид|карда\s+шуд)|аз\s+байн\s+рафт|тамом\s+шуд|барҳам\s+хӯрд|қатъ\s+шуд|бас\s+шуд|намонд)\w*", "no longer", SENTENCE, DENY, 30),  # noqa: E501
        # "ҳеҷ кас шикоят намекунад" (nobody complains): what the sentence named is no trouble
        (r"шикоят\s+на(?:мекун|кард|дор)\w*|норозӣ\s+нест\w*", "not a problem", SENTENCE, DENY, 12),  # noqa: E501
        # "solved only on paper", "partly solved": still a complaint
        (r"(?:дар\s+рӯи\s+коғаз|дар\s+коғаз|қисман)\s+(?:\S+\s+)?(?:ҳал|бартараф)\s+\S+", "", AFTER, NONE),  # noqa: E501
        # "масъалаи сӯзишворӣ соли гузашта ҳал шуд" (the fuel problem was solved last year)
        (r"(?:ҳал|бартараф)\s+(?:шуд(?:ааст|аанд|анд)?|гардид(?:ааст)?|карда\s+шуд(?:ааст)?)(?!\w)(?!\s+(?:нест|ми)(?!\w))", "no longer", BEFORE, DENY, 10),  # noqa: E501
        # "маълумот саривақт фиристода мешавад" (the data are sent on time), "ҳар сол ҳисоб
        # мекунем" (we count every year)
        (r"(?:саривақт|дар\s+вақташ|мунтазам)\s+(?!на\S*)\S+", "not a problem", BEFORE, DENY, 5),  # noqa: E501
        (r"ҳар\s+(?:сол|баҳор|тирамоҳ)\S*\s+(?:\S+\s+){0,2}?(?:(?:ҳисоб|шумор\S*|гузаронида)\s+(?:мекун|мешав|карда\s+мешав)|(?:ҳисобгирӣ|барӯйхатгирӣ|шумориш|мониторинг)\s+(?:мегузарон|гузаронида\s+мешав))\w*", "not a problem", CLAUSE, DENY),  # noqa: E501
        (r"(?<=,\s)(?:мушкил|мушкиле|проблема)\w*\s+нест", "not a problem", SENTENCE, DENY, 6),  # noqa: E501
        # "маблағ ҳаст", "камераҳо кор мекунанд" (there are funds, the cameras work)
        (r"(?:ҳаст|ҳастанд|доранд|дорем|дар\s+ҷояшон(?:\s+ҳастанд)?|мавҷуд\s+аст|кор\s+мекун(?:ад|анд))(?=\s*(?:[.,;:!?—]|$))", "not a problem", BEFORE, AFFIRM, 3),  # noqa: E501
        # "ҳоло ин тавр нест" (it is not like that now): what the sentence named before it
        (r"(?:ҳоло|ҳозир|акнун)\s+(?:ин\s+тавр|чунин|ин\s+хел)\s+нест(?!\w)", "no longer", SENTENCE, DENY, 14),  # noqa: E501
        # "мардум розӣ ҳастанд" (the people are satisfied)
        (r"(?:(?<=мардум\s)|(?<=аҳолӣ\s)|(?<=ҳама\s)|(?<=сокинон\s))(?:розӣ|қаноатманд|хушнуд)\s+(?:ҳастанд|аст|мебошанд|ҳаст)(?!\w)", "not a problem", SENTENCE, DENY, 12),  # noqa: E501
        (r"(?:хеле\s+)?кам(?:\s+аст)?(?=\s*(?:[.,;:!?—]|$))", "no", BEFORE, NEGATE, 2),  # noqa: E501
        (r"(?:мушкил|мушкилот|мушкиле|проблема|хатар|таҳдид|монеъ)\w*\s+(?:\S+\s+)?(?:нест|намебошад|(?:эҷод|ба\s+вуҷуд)\s+на(?:мекун|меор|кард|овард)\w*|намеэҷод\w*)|зери\s+назорат", "not a problem", BEFORE, DENY),  # noqa: E501
        # "камбудии маълумот нест" (there is no shortage of data), "бе маблағ намондааст"
        # (it is not left without funds): the gap itself is denied
        # "аз норасоии мутахассис озод аст" (it is free of a shortage of specialists)
        (r"аз\s+(?:камбуд|норасоӣ|норасоии|камӣ|камии|тақчилӣ|тақчилии)\S*\s+(?:\S+\s+){0,3}?(?:озод|холӣ|эмин|дур)\w*", "not a problem", CLAUSE, DENY),  # noqa: E501
        (r"(?:камбуди|норасоии|набудани|камии|тақчилии)\S*\s+(?:\S+\s+){0,2}?(?:нест|вуҷуд\s+надорад|ҳис\s+намешавад)|бе\s+\S+\s+(?:ҳам\s+)?намон\w*", "not a problem", CLAUSE, DENY),  # noqa: E501
        # "об кофист", "алаф ҳам бас" (there is enough of them)
        (r"(?:кофист|кофӣ\s+(?:аст|буд|ҳаст)|кифоя\s+(?:аст|мекунад)|(?:кофӣ|бас)(?=\s*(?:[.,;:!?—]|$)))", "not a problem", BEFORE, DENY, 4),  # noqa: E501
        # "аз ин ҷиҳат шикояте надорем", "чунин мушкил нест" (no complaint on that score):
        # what the sentence, or the one before it, said
        (r"(?:(?:(?<=[.!?] )|^)[^.!?]{1,200}?[.!?]\s+(?:(?:ҳоло|ҳозир|акнун)\s+)?)?(?:(?:аз\s+(?:ин|он)\s+(?:ҷиҳат|лиҳоз|бобат)|чунин|ин\s+хел)\s+(?:\S+\s+){0,2}?(?:чиз|шикоят|мушкил|проблема|камбуд|гап|норозигӣ|ҷанҷол)\S*\s+(?:нест|надорем|надорам|вуҷуд\s+надорад)|(?:ин|он)\s+(?:гап|ҳол|норозигӣ|шикоят|ҷанҷол)\S*\s+дигар\s+(?:нест|вуҷуд\s+надорад))(?:\s*[:—–]\s*(?:(?!(?<!\w)(?:вале|аммо|лекин|танҳо)(?!\w))[^.!?])*)?", "not a problem", CLAUSE, DENY),  # noqa: E501
        # "кормандон ришва намегиранд" (the staff take no bribes)
        (r"(?:\S+\s+)?ришва\s+на(?:мегир|гирифт|медиҳ|дод)\w*", "not", CLAUSE, DENY),
        # "на роҳ ба ҳайвонот монеъ мешавад, на хушксолӣ" (neither the road … nor the drought)
        (r"на\s+(?:[^\s.!?;,]+\s+){0,7}?[^\s.!?;,]+(?=,\s+на\s)", "neither-nor", CLAUSE, DENY),  # noqa: E501
        # a verb of harming, shooting, blocking or grazing denied: "ҳеҷ кас ба мурхӯр тир
        # намеандозад" (nobody shoots at the markhor), "монеъ намешавад" (is no obstacle)
        (r"(?:тир|даст|зарар|халал|озор|монеъ|таъсир|садди\s+роҳ)\s+(?:ҳам\s+)?на(?:мерасон|мезан|меандоз|мешав|расонд|задаанд|задааст|андохт|шуд|мекун|кард)\w*|на(?:мекуш|мефурӯш|мечарон|меронанд|медаронанд|меоранд|меоваранд|оварданд)\w*", "not", CLAUSE, DENY),  # noqa: E501
        (r"(?:ҳеҷ\s+гоҳ\s+)?(?:нашунид|намешунав)\w*", "never", BEFORE, NEGATE, 10),
        # "шикори ғайриқонунӣ мушоҳида намешавад" (no poaching is observed): the observing
        # is not a gap in monitoring
        (r"(?:мушоҳида|дида|ба\s+назар)\s+на(?:мешав|шуд|расид|мерас)\w*", "not", CLAUSE, DENY),  # noqa: E501
        (r"(?:ҳеҷ\s+(?:гуна\s+)?|ягон\s+)?(?:низоъ|ҷанҷол|муноқиша|ихтилоф|нофаҳмӣ|задухӯрд|норозигӣ)\S*\s+(?:нест|вуҷуд\s+надорад|надорем|надорад)", "not a problem", CLAUSE, DENY),  # noqa: E501
        # "ман ҳеҷ нашунидаам, ки X" (I have never heard that X): the clause after "ки", its
        # prepositions included ("ки касе дар водии мо симхор кашад")
        (r"(?:ҳеҷ\s+(?:гоҳ\s+)?)?на(?:шунид|дид)\w*\s*,?\s+ки", "never", CLAUSE, DENY, 10),
        (r"ҷавоб\s+дода\s+наметавонам|гап\s+зада\s+наметавонам|фикр\s+накардаам|(?:дигар\s+)?(?:гуфтание|иловае)\s+надорам|намедонам|огоҳ\s+нестам|иттилоъ\s+надорам|ба\s+ман\s+маълум\s+нест|(?:гуфтание|иловае)\s+надорам|маълумот\s+надорам|хабар\s+надорам|гуфта\s+наметавонам", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        # a topic echoed as a question and left with "what can I say?" or "any other
        # question?": "Иқлим мегӯед? … ман чӣ гӯям."
        (r"^(?:\S+\s+){0,4}?(?:мегӯед|мепурсед|\S+ро\s+мегӯед|\S+)\s*(?:\?|\.\.\.|…)[?.…!]*\s*(?:(?:(?!(?<![\w'])(?:нест|не|на\w+)(?![\w']))[^.!?…])*[.!?…]+\s*){0,3}?(?:(?:(?!(?<![\w'])(?:нест|не|на\w+)(?![\w']))[^.!?…])*?\s)?(?:(?:ман\s+)?чӣ\s+(?:гӯям|илова\s+кунам|гуфта\s+метавонам|мегӯям)|(?:саволи\s+)?(?:дигар|навбатӣ)\s+(?:савол\s+)?(?:доред|ҳаст|чист))\W*$", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        (r"пурсед|муроҷиат\s+(?:кунед|намоед)|биравед|онҳо\s+(?:мегӯянд|гуфта\s+медиҳанд|шарҳ\s+медиҳанд|мефаҳмонанд)", "don't know", CLAUSE, UNKNOWN, 8),  # noqa: E501
        (r"дигар\s+(?:\S+\s+){0,2}?(?:нест|на\w+)", "no longer", BEFORE, NEGATE),
        (r"қатъ\s+(?:шуд|гардид|карда\s+шуд|кард)\w*|бас\s+(?:шуд|кард)\w*|тарк\s+кард\w*", "no longer", BEFORE, NEGATE),  # noqa: E501
        (r"ба\s+охир\s+расид\w*|тамом\s+шуд\w*|анҷом\s+ёфт\w*", "no longer", BEFORE, NEGATE),
        (r"озод\w*|холӣ|пок|эмин|бехатар|(?:зарар|осеб|зиён)\s+на(?:дид|мебин|бин)\w*", "without", BEFORE, NEGATE, 4),  # noqa: E501
        (r"ҳеҷ\s+гоҳ|ҳаргиз", "never", AFTER, NEGATE),
        (r"на", "neither-nor", AFTER, NEGATE),
        (r"бе|бидуни|набудани|норасоии|камбуди", "without", AFTER, NEGATE, 3),
        (r"ҳеҷ", "no", AFTER, NEGATE),
        (r"нест|нестанд|вуҷуд\s+надорад", "no", BEFORE, NEGATE),
        (r"не", "not", BEFORE, NEGATE, 2),
        (r"на(?:ме|мешав|шуд|дор|дид|кард|буд|бош|ёфт|мон|рас|гир|кун)\w*", "not", BEFORE, NEGATE),  # noqa: E501
        (r"(?:(?<=[.!?] )|^)[^.!?]{0,120}?мегӯед(?=\s*\?)", "echo", CLAUSE, UNKNOWN, 30),
    ],
    "tk": [
        (r"diňe\s+\S+\s+däl|däl-de|köpel\w*|azal\w*", "", AFTER, NONE),
        (r"(?:uly\s+)?(?:mesele|problema|howp|howply)\w*\s+(?:däl|ýok)|gözegçilik\s+astynda", "not a problem", BEFORE, DENY),  # noqa: E501
        (r"bilemok|bilmeýärin|maglumatym\s+ýok|aýdyp\s+bilmerin", "don't know", CLAUSE, UNKNOWN),  # noqa: E501
        (r"indi\s+(?:\S+\s+){0,2}?(?:ýok|däl|\w+(?:maýar|meýär|mady|medi))", "no longer", BEFORE, NEGATE),  # noqa: E501
        (r"hiç\s+haçan|asla", "never", AFTER, NEGATE),
        (r"hiç\s+hili|hiç\s+bir|hiç", "no", AFTER, NEGATE),
        (r"ýok", "no", BEFORE, NEGATE),
        (r"däl|\w+(?:maýar|meýär|maýan|meýän|mady|medi|madyk|medik|maýarys|meýäris)", "not", BEFORE, NEGATE),  # noqa: E501
    ],
}

#: A word every cue of the language contains at least one of (a whole-word pattern): texts
#: without such a word are not searched for cues, which keeps scoring many texts fast.
#: ``tests/analysis/test_negation.py`` checks each example cue against it.
TRIGGERS = {
    "en": r"over|history|died|burnt|burned|petered|fizzled|vanished|who|who'd|well|fine|smoothly|properly|right|down|time|regularly|every|each|unaffected|untouched|unharmed|undisturbed|untroubled|unthreatened|spared|safe|immune|no|not|non|rather|none|nobody|nothing|zero|never|neither|nor|without|free|absence|lack|lacking|shortage|hardly|cannot|\w+n't|dont|doesnt|didnt|isnt|arent|wasnt|werent|longer|more|anymore|stopped|ceased|disappeared|ended|gone|control|know|idea|aware|familiar|sure|say|field|area|expertise|comment|answer|judge|exist|absent|nonexistent|unheard|once|ever|removed|dismantled|taken|took|pulled|tore|torn|lifted|nobody's|nope|past|wont|survey|questionnaire|interview|poll|questions|answers|you|declined|refused|declines|refuses|prefer|preferred|won't|willing|ask|talk|speak|check|thanks|thank|understand|follow|mean|knows|dunno|want|you're|asking|wish|wished|question|solved|resolved|fixed|settled|enough|sufficient|adequate|now|since|remember|comments|address|direct|clean|influenced|impacted|passed|went|bypassed|closed|shut|abandoned|better|go|tourist|visitor|guest|driver|teacher|student|pensioner|newcomer|stranger",  # noqa: E501
    "mn": r"хангалттай|хүрэлцээтэй|хүрэлцэхүйц|элбэг|сайн|хэвийн|зүгээр|жигд|амжилттай|шийдэгд\w*|шийдвэрлэ\w*|бүр|болгон|удаа|тогтмол|байнга|тогтоосон|гомдол|гомдолло\w*|задал\w*|буулга\w*|уу|үү|юу|юү|\w*гуй|байхгүй|алга|үгүй|биш|ангид|огт|хэзээ|ерөөсөө|больсон|больчихсон|больжээ|болилоо|байсан|байчихсан|зогссон|зогсчихсон|зогсжээ|\w*гүй\w*|хяналтад|мэдэх|татгалз\w*|бүү|хэцүү|хэн|хэнд|хэний|хэнээс|хаана|хаанаас|яагаад|юунд|ямар|гэнэ|гэж|гэсэн|асуу\w*|\w+(?:аас|ээс|оос|өөс|иас|иос)|асуусанд|асуултад|асуултанд|судалгаанд|ирсэнд|сонирхсонд|баярлалаа|талархлаа|баярласан|хол|болиод|намжсан|намжчихсан|намжжээ|намдсан|дууссан|дуусчихсан|дуусжээ|арилсан|арилчихсан|арилжээ|ангижир\w*|ирээгүй|ирсэнгүй|аваагүй|бүртгэгдээгүй|байгаагүй|гараагүй|илрээгүй|ажиглагдаагүй|тогтоогдоогүй|бага|багахан|болисон|болисн|болчихсон|бий|гарцаар|чөлөөтэй|чөлөөтэйгөөр|уядаг|уясан|уячихсан|уяж|хорьдог|хорьсон",  # noqa: E501
    "fa": r"امان|و|کافی\w*|بسنده|کاغذ|رفع|خوب|درست|منظم|مرتب|عالی|هر|سالانه\w*|سالیانه|شکایت|گله|گلایه|اعتراض|شکوه|همچین|چنین|همچی|اینجور|اینطور|جور|طور|باز|ختم|ندیدم|نشنیدم|نیست|نیستند|ندارد|ندارند|نداریم|نمی|ن\w+|بدون|بی|فاقد|عدم|نبود|کمبود|هرگز|هیچ\w*|دیگر|دیگه|نه|کنترل|مشکل\w*|تهدید\w*|متوقف|پاک|پاکه|عاری|خالی|امان\w*|مصون\w*|تموم|تمام|ریشه\w*|برچید\w*|برطرف|حل|منسوخ|جمع\w*|برداشت\w*|برش|برشون|برشان|آزاد\w*|فکر|خیال|تصور|گمان|کدام|نی|ممنون\w*|متشکر\w*|تشکر|مرسی|سپاسگزار\w*|آمده|اومده|اومدین|اومدید|آمدید|آمدین|هستید|هستین|هسین|نویسید|نویسین|مینویسید|مینویسین|پرسین|میپرسید|میپرسین|برید|برین|میبرید|میبرین|فرستاد\w*|پرسشنامه|نظرسنجی|سوال\w*|سؤال\w*|جواب\w*|بپرس\w*|سوال|سؤال|مسئله\w*|مساله\w*|خطر\w*|معضل\w*|دردسر\w*|مطمئن|\w+؟|موردی|مورد|اثری|ردی|نشانی|گزارشی|گوشم|گوشمون|گوش|تعطیل|بسته|متروکه|متروک|دغدغه\w*|یادم|جریان|پرسید|باید|بگم|بگویم|عرض|خدا|جدا\w*|دور\w*|فاصله",  # noqa: E501
    "kk": r"\w+(?:маған|меген|баған|беген|паған|пеген)(?:мын|мін|пын|пін|быз|біз|пыз|піз|сыз|сіз|сың|сің)|іс|жағдай\w*|әрекет\w*|құбылыс\w*|жаңамын|келдім|емеспін|дейсіз\w*|түсініспеушілік\w*|жақсы|сауалнама\w*|сұрақнама\w*|қайдансыз\w*|келмейді|айтпаймын|сөйлемеймін|бермеймін|сұрайсыз\w*|сұрайсың|сұрап|білгіңіз|жіберді|кімсіз\w*|рахмет|рақмет|білмейміз|біледі|дейін|мәселе\w*|проблема\w*|қиындық\w*|қауіп\w*|түйткіл\w*|пара|шағымданба\w*|наразылық|шағым|қал(?:ды|ған|дық|ыпты|атын)\w*|біт\w*|доғар\w*|алмаймын|көрмеп\w*|білмедім|белгісіз|хабарсызбын|айтарым|қосарым|салам|бос|қосайын|айтайын|айтамын|қосамын|сұрағыңыз|сұрақтарыңыз|деген|сұраңыз\w*|барыңыз\w*|жүгініңіз\w*|хабарласыңыз\w*|береді|естіме\w*|жеткілікті|жетерлік|жетеді|аман|\w+(?:сыз|сіз)|тоқта\w*|аяқтал\w*|тыйыл\w*|таза|арыл\w*|ада|жоқ|жоқпын|жоқпыз|емес\w*|еш\w*|ешқашан|бірде|білмеймін|хабарым|ақпаратым|мағлұматым|мәліметім|бақылауда|енді|\w+(?:майды|мейді|байды|бейді|пайды|пейді|маған|меген|баған|беген|паған|пеген|мады|меді|бады|беді|пады|педі|мадық|медік|бадық|бедік|падық|педік|маймыз|мейміз|баймыз|бейміз|паймыз|пейміз|маймын|меймін|баймын|беймін|паймын|пеймін|мадым|медім|бадым|бедім|падым|педім)|шешілді|шешілген|шешімін|реттелді|реттелген|уақытында|уақтылы|тұрақты|сайын|әр|қағаз|жартылай|ішінара|қазір|бүгінде|халық|ел|жұрт|тұрғындар|бәрі|барлығы|емеспіз|емеспен|көрмегенмін|көрмегенбіз|көрмедім|байқалмады|байқалмайды|байқалмаған|кездеспеді|кездеспейді|кездеспеген|аз|деген\w*|ұмыт\w*|басыл\w*|саябырла\w*|құтыл\w*|арыл\w*|ескір\w*|негізсіз|бекер|өтірік|жалған|қайталанбады|болмады|баяғыда|әлдеқашан|ертеде|бірде-бір|бірде|бір|артта|соңғы|олай|солай|мол|молынан|толып|рет",  # noqa: E501
    "ky": r"\w+(?:баган|беген|боган|бөгөн|паган|пеген|поган|пөгөн)(?:мун|мин|мын|мүн|буз|биз|быз|бүз|пуз|пиз|пыз|пүз|сыз|сиз|суз|сүз)|иш|абал\w*|көрүнүш\w*|жаңымын|келдим|эмесмин|дейсиз\w*|түшүнбөстүк\w*|жакшы|сурамжылоо\w*|анкета\w*|кайдансыз\w*|келбейт|айтпайм\w*|сүйлөбөйм\w*|бербейм\w*|сурап|сурайсыз\w*|билгиңиз|жиберди|кимсиз\w*|рахмат|билбейбиз|билет|деймин|көйгөй\w*|маселе\w*|проблема\w*|кыйынчылык\w*|коркунуч\w*|пара|арызданба\w*|даттанба\w*|нааразы\w*|арыз|кал(?:ды|ган|ышты|ышкан|дык|ыптыр)\w*|бүт\w*|албайм\w*|элек\w*|билбедим|белгисиз|айтаарым|кошоорум|тармагым|бош|айтайын|кошом|кошоюн|дейм|суроо\w*|жетиштүү|жетишет|жетет|аман|деген|укпа\w*|угулба\w*|сураңыз\w*|барыңыз\w*|кайрылыңыз\w*|байланышыңыз\w*|берет|беришет|\w+(?:сыз|сиз|суз|сүз)|болбой\w*|аякта\w*|элек|токто\w*|таза|арыл\w*|жок|жокмун|жокпуз|эмес\w*|эч|эчким\w*|билбейм|маалыматым|кабарым|албайм|көзөмөлдө|эми|мындан|\w+(?:байт|бейт|пайт|пейт|бойт|бөйт|баган|беген|паган|пеген|боган|бөгөн|бады|беди|пады|педи|боду|бөдү|байбыз|бейбиз|байм|бейм|баймын|беймин|боймун|бөймүн|паймын|пеймин|бадым|бедим|бодум|бөдүм|падым|педим|подум|пөдүм)|чечилди|чечилген|чечимин|салынды|салынган|убагында|үзгүлтүксүз|сайын|ар|кагаз|жартылай|жарым\w*|бар|иштейт|иштеп|берилет|бөлүнөт|азыр|бүгүн|эл|калк|тургундар|баары|бардыгы|эмесмиз|эмеспиз|байкалбады|байкалбайт|байкалбаган|кездешпеди|кездешпейт|кездешпеген|аз|ордунда|бузулбайт|бузулбады|бузулбаган|кутул\w*|арыл\w*|эскир\w*|негизсиз|бекер|калп|жалган|кайталанбады|болбоду|токтото|тоскоолдук|бир|бирөө|алыс\w*|артта|акыркы|антип|минтип|мол|молдон|толук|толуп|жолу|ирет",  # noqa: E501
    "uz": r"ish|holat[\w']*|hol|yangiman|keldim|emasman|deysiz[\w']*|tushunmovchilik[\w']*|yaxshi|so'rovnoma[\w']*|anketa[\w']*|qayerdansiz[\w']*|kelmaydi|aytmayman|gapirmayman|bermayman|so'rayapsiz\w*|so'raysiz|so'rab|bilmoqchi\w*|yubordi|kimsiz\w*|rahmat|tashakkur|bilmaymiz|biladi|deyman|muammo[\w']*|masala[\w']*|xavf[\w']*|tahdid[\w']*|qiyinchilik[\w']*|pora|shikoyat|norozi[\w']*|nolima[\w']*|qo'y(?:di|gan|ishdi|ishgan|dilar)[\w']*|bo'l(?:di|gan|ishdi|dilar)|olmayman|ko'rmaganman|bilmadim|noma'lum|aytadiganim|qo'shadiganim|aytarim|sohamdan|bo'sh|holi|derdim|deyin|qo'shaman|qo'shay|aytay|aytaman|savol[\w']*|yetarli|yetarlicha|yetadi|omon|ko'rma[\w']*|degan|eshitgan|murojaat|chiq|so'rang\w*|boring\w*|beradi|na|\w+(?:siz|сиз)|tuga(?:di|gan)\w*|yakunla\w*|eshitma\w*|bo'lma(?:y|ydi|gan|di)\w*|to'xta\w*|barham|tugatil\w*|xoli|toza|yo'q|emas\w*|hech|bilmayman|ma'lumotim|xabarim|nazorat|endi|[\w']+(?:maydi|maydilar|mayapti|madi|madik|madim|madilar|magan|maganman|maganmiz|mayman|maymiz)|bo'ldi|bo'lgan|qilindi|qilingan|etildi|etilgan|yechildi|yechimini|vaqtida|muntazam|har|muammo|qog'ozda|qog'oz|qisman|bor|mavjud|ishlayapti|ishlamoqda|ishlaydi|beriladi|ajratiladi|hozir|bugun|aholi|xalq|odamlar|hamma|hammasi|ko'rmaganmiz|eshitmaganman|eshitmaganmiz|kuzatilmadi|kuzatilmaydi|kuzatilmagan|uchramadi|uchramaydi|uchramagan|kam|kamroq|joyida|buzilmaydi|buzilmadi|buzilmagan|buzilmayapti|qutul[\w']*|xalos|eskir[\w']*|asossiz|noto'g'ri|yolg'on|puch|aylandi|qoldi|yiroq\w*|uzoq\w*|xoli|holi|ortda|so'nggi|oxirgi|mo'l|mo'l-ko'l|serob|to'la|marta|bor",  # noqa: E501
    "tg": r"кор|ҳол|ҳолат\w*|вазъ\w*|амал\w*|навам|омадам|нестам|нест|мегӯед|нофаҳмӣ\w*|хуб|пурсишнома\w*|анкета\w*|омадед|намехоҳам|намегӯям|мепурсед|мепурсидед|истодаед|мехоҳед|фиристод|кистед|ташаккур|раҳмат|сипос|намедонем|медонад|гӯям|мушкил\w*|масъала\w*|хатар\w*|проблема\w*|ришва|шикоят|норозӣ|кард\w*|тарк|наметавонам|накардаам|надорам|иттилоъ|маълум|гуфтание|иловае|пок|кунам|мегӯям|доред|чист|камбуди\w*|норасоии|набудани|камии|тақчилии|кофист|кофӣ|кифоя|ҷиҳат|лиҳоз|бобат|чунин|хел|озод\w*|эмин|бехатар|пурсед|муроҷиат|биравед|онҳо|на|не|қатъ|охир|тамом|анҷом|бас|озод|холӣ|нестанд|надорад|ҳеҷ|ҳаргиз|бе|бидуни|камбуди|намедонам|зери|дигар|на\w+|ҳал|бартараф|саривақт|вақташ|мунтазам|ҳар|мушкиле|коғаз|қисман|ҳаст|ҳастанд|мавҷуд|мекунад|мекунанд|мешавад|ҳоло|ҳозир|акнун|мардум|аҳолӣ|ҳама|сокинон|доранд|дорем|кам|ҷояшон|халос|раҳо|гузаштанд|фаровон|сероб|пур",  # noqa: E501
    "ru": r"ноль|видать|слыхать|поставили|установили|закупили|купили|выдали|привезли|получили|дали|выделили|хорошо|отлично|нормально|исправно|вовремя|регулярно|ежегодно|каждую|каждое|каждый|весной|хватает|хватило|достаточно|обход\w*|убрали|убран[аоы]?|разобран[аоы]?|снес[её]н\w*|сняли|сняты|ликвидирова\w*|срыли|срезали|спилили|чист\w*|очищен\w*|избав\w*|уж|жалоб|претензий|нареканий|взят(?:ок|ки)|взяточ\w*|мзд\w*|тут|здесь|неправда|вран[её]|ерунда|чепуха|сказки|выдумки|брехня|враки|откуда|надо|спрашивайте|стоит|давайте|записи|отказал\w*|отказыва\w+|комментари\w*|ответ\w*|узнайте|уточните|скажу|сказал|назову|назвал|кончил\w*|закончил\w*|закон\w*|штраф\w*|охран\w*|контрол\w*|наказан\w*|суд|суды|инспекц\w*|егер\w*|финансирован\w*|зарплат\w*|вс[её]|зачем|чего|кому|кто|кого|целью|говорите|говоришь|сегодня|утра|вчера|завтра|отрица\w*|опроверг\w*|как(?:ие|ая|ой|ое|их)|построил\w*|звер\w*|животн\w*|сайг\w*|джейран\w*|архар\w*|кулан\w*|дзерен\w*|олен\w*|козерог\w*|барс\w*|его|е[её]|демонтирова\w*|разобрали|снесли|забросили|заброшен\w*|закрыл\w*|перевел\w*|сложно|трудно|тяжело|понятия|спросите|обратитесь|обращайтесь|обош\w*|отродясь|сроду|слыхом|миновал\w*|впервые|прошлое|прошлом|решен\w*|решил\w*|снят\w*|закрыт\w*|прош[её]л|прошла|прошло|прошли|конфликт\w*|споров|вражды|ссор|трени\w+|угроз\w*|опасност\w*|проблем\w*|мало|немного|их|все|лучше|нужно|вопрос|сказать|ответить|не|нет|нету|ни|без|свобод\w*|избавил\w*|никогда|никак\w*|ничего|никто|больше|уже|более|давно|прекратил\w*|перестал\w*|отсутств\w*|нехватк\w*|недостат\w*|контролем|затрудняюсь|у",  # noqa: E501
    "tk": r"ýok|däl|hiç|asla|bilemok|bilmeýärin|maglumatym|bilmerin|gözegçilik|indi|\w+(?:maýar|meýär|maýan|meýän|mady|medi|madyk|medik|maýarys|meýäris)",  # noqa: E501
}
#: The characters every Chinese cue contains at least one of.
HAN_TRIGGERS = frozenset(
    "不没未从既也缺控杜绝消清知停中终再看见沒從絕終見免关關无無哪碰遇管刹遏压壓"
    "拆撤取填废廢销銷历歷微忽影零问問听聽离離均皆亦幸除放满滿解愁紧緊运運配合按每"
    "谢謝感今外明这這你您?？谁誰够夠缺少齐齊足充到保老过過影回说說观觀"
)  # noqa: E501


@functools.cache
def _trigger(lang: str) -> re.Pattern | None:
    pattern = TRIGGERS.get(lang)
    return re.compile(f"(?:{pattern})") if pattern else None


_TRIGGER_WORDS: dict[str, dict[str, bool]] = {}


def is_cue_word(lang: str, word: str) -> bool:
    """Whether ``word`` is one of the words a cue of ``lang`` needs (``TRIGGERS``)."""
    seen = _TRIGGER_WORDS.setdefault(lang, {})
    found = seen.get(word)
    if found is None:
        trigger = _trigger(lang)
        if len(seen) > 200_000:
            seen.clear()
        past = _past_word(lang)
        found = seen[word] = (
            trigger is None
            or trigger.fullmatch(word) is not None
            or (past is not None and past.fullmatch(word) is not None)
        )
    return found


def may_hold_cue(lang: str, words: Sequence[str], clean: str = "") -> bool:
    """False when a text of ``lang`` with these words (or, for Chinese, this normalised
    text) cannot hold a negation cue; True when it may (then ``scopes`` reads it)."""
    if lang == "zh":
        return not HAN_TRIGGERS.isdisjoint(clean) or not HAN_PAST.isdisjoint(clean)
    if _trigger(lang) is None:
        return bool(CUES.get(lang))
    return any(is_cue_word(lang, word) for word in words)


#: Prepositions end what a cue governs on its right: "no action against poachers" denies
#: the action, not the poachers; "no data on poaching" is about data. ("of" is not among
#: them: "no cases of poaching" denies the poaching.)
PREPOSITIONS = {
    "en": "in on at for about against over under to from into by near along across "
    "between through during since",
    "ru": "в во на за для против о об по с со у к от до из при через между над под около "
    "вокруг после",
    "fa": "در با برای به از بر علیه درباره",
    "tg": "дар бо барои ба аз бар зидди",
}

#: Postpositions of the verb-final languages: a term right before one is an adjunct
#: ("хулгайн анчдын эсрэг", against poachers), not what a verb-final negation denies.
POSTPOSITIONS = {
    "mn": "эсрэг тухай талаар төлөө дээр дотор хойш өмнө улмаас",
    "kk": "қарсы туралы үшін жөнінде кесірінен салдарынан себебінен әсерінен кейін соң",
    "ky": "каршы жөнүндө үчүн тууралуу айынан кесепетинен себебинен таасиринен кийин соң",
    "uz": "qarshi haqida uchun to'g'risida tufayli sababli oqibatida dastidan keyin so'ng",
    "tk": "garşy barada üçin hakynda",
}

#: Words that end a clause (besides punctuation), per language.
CONJUNCTIONS = {
    "en": "but however although though whereas while and yet instead except because since so",
    "ru": "но а однако зато хотя или потому поскольку поэтому также",
    "zh": "但是 但 可是 不过 而是 而 却 然而 因为 所以",
    "mn": "харин гэвч гэхдээ боловч бөгөөд мөн учир",
    "fa": "اما ولی بلکه ولیکن چون زیرا و ، ؛",
    "kk": "бірақ алайда ал себебі өйткені сондықтан",
    "ky": "бирок анткени себеби ошондуктан",
    "uz": "lekin ammo biroq chunki shuning",
    "tg": "вале аммо лекин зеро чунки балки танҳо",
    "tk": "emma ýöne sebäbi çünki",
}
# Punctuation that ends a clause. A comma does too, except where a neither-nor pattern
# goes on after it ("ни X, ни Y"; "X ч, Y ч"; "X да, Y да").
_PUNCTUATION = r"[.!?;:\n()\[\]«»\"“”。；！？，：،؛؟]|,(?!\s*(?:ни|nor|не|на|na)(?!\w))(?!\s*(?:считай|кажется|похоже|наверное|по-моему|слава\s+богу|к\s+счастью)\s*,)(?<!считай,)(?<!кажется,)(?<!похоже,)(?<!наверное,)(?<!по-моему,)(?<!богу,)(?<!счастью,)(?<!\sч,)(?<!\sда,)(?<!\sде,)(?<!\sта,)(?<!\sте,)"  # noqa: E501
_WORD = re.compile(WORD_PATTERN)
#: A dash between words (spaced): it ends a scope on the cue's right only.
_DASH = re.compile(r"(?<=\s)[—–](?=\s)")


@dataclass(frozen=True)
class Scope:
    """A negation cue found in a text and the stretch it may reach (character offsets)."""

    family: str
    direction: str
    effect: str
    cue_start: int
    cue_end: int
    start: int  #: where the clause around the cue begins (no further than the reach)
    end: int  #: where it ends


@functools.cache
def cue_pattern(lang: str) -> re.Pattern | None:
    """One pattern finding every cue of ``lang`` (None for a language without cues)."""
    cues = CUES.get(lang)
    if not cues:
        return None
    # one word-boundary test around all the alternatives is several times faster than
    # one around each (the engine tries every alternative at every position)
    body = "|".join(f"(?P<c{index}>{pattern})" for index, (pattern, *_rest) in enumerate(cues))
    if lang == "zh":
        return re.compile(body)
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])")


@functools.cache
def _boundary_pattern(lang: str) -> re.Pattern:
    words = CONJUNCTIONS.get(lang, "").split()
    if lang == "zh":
        joined = "|".join(map(re.escape, words))
        return re.compile(f"{_PUNCTUATION}|{joined}" if joined else _PUNCTUATION)
    joined = "|".join(map(re.escape, words))
    alternatives = f"{_PUNCTUATION}|(?<![\\w'])(?:{joined})(?![\\w'])" if joined else _PUNCTUATION
    return re.compile(alternatives)


@functools.cache
def _preposition_pattern(lang: str) -> re.Pattern | None:
    words = PREPOSITIONS.get(lang, "").split()
    if not words:
        return None
    return re.compile(rf"(?<![\w'])(?:{'|'.join(map(re.escape, words))})(?![\w'])")


def _preposition_starts(clean: str, lang: str) -> list[int]:
    pattern = _preposition_pattern(lang)
    return [m.start() for m in pattern.finditer(clean)] if pattern else []


def cue_language(lang: str, text: str) -> str:
    """The language whose cues are read in a text of ``lang`` ("" when none has cues)."""
    if lang in CUES:
        return lang
    if HAN.search(text):
        return "zh"
    return ""


def scopes(clean: str, lang: str) -> list[Scope]:
    """Every negation cue of a normalised text in ``lang`` and the stretch it may reach.

    Cues are found left to right without overlapping; where two start at the same place
    the first listed in ``CUES`` wins (longer, more specific patterns are listed first).
    """
    lang = cue_language(lang, clean)
    pattern = cue_pattern(lang) if lang else None
    if pattern is None:
        return []
    found = list(pattern.finditer(clean))
    if not found:
        return []
    cues = CUES[lang]
    boundaries = [m.span() for m in _boundary_pattern(lang).finditer(clean)]
    prepositions = _preposition_starts(clean, lang)
    dashes = [m.start() for m in _DASH.finditer(clean)]
    boundary_starts = [a for a, _ in boundaries]
    boundary_ends = [b for _, b in boundaries]
    sentence_starts: list[int] = []
    sentence_ends: list[int] | None = None
    if lang != "zh":
        spans = [m.span() for m in _WORD.finditer(clean)]
        word_starts = [a for a, _ in spans]
        word_ends = [b for _, b in spans]
    out: list[Scope] = []
    for match in found:
        index = int(match.lastgroup[1:])
        family, direction, effect = cues[index][1:4]
        if effect == NONE:
            continue
        reach = cues[index][4] if len(cues[index]) > 4 else None
        start, end = match.span()
        if direction in (SENTENCE, PREVIOUS):
            if sentence_ends is None:
                runs = [m.span() for m in _SENTENCE.finditer(clean)]
                sentence_starts, sentence_ends = [a for a, _ in runs], [b for _, b in runs]
            # after the last sentence end before the cue (a run of marks reaching into the
            # cue ends where it starts)
            last = bisect.bisect_left(sentence_starts, start) - 1
            if direction == PREVIOUS:
                last -= 1
            clause_start = min(sentence_ends[last], start) if last >= 0 else 0
            clause_end = end
        else:
            before = bisect.bisect_right(boundary_ends, start)
            clause_start = boundary_ends[before - 1] if before else 0
            after = bisect.bisect_left(boundary_starts, end)
            clause_end = boundary_starts[after] if after < len(boundaries) else len(clean)
        if lang == "zh":
            clause_start = max(clause_start, start - (reach or HAN_REACH))
            clause_end = min(clause_end, end + (reach or HAN_REACH))
        else:
            reach = reach or REACH
            # the words between the clause's start and the cue, and between the cue and
            # the clause's end
            last_before = bisect.bisect_right(word_ends, start)
            first_before = bisect.bisect_left(word_starts, clause_start)
            if last_before - first_before > reach:
                clause_start = word_starts[last_before - reach]
            first_after = bisect.bisect_left(word_starts, end)
            last_after = bisect.bisect_right(word_ends, clause_end)
            if last_after - first_after > reach:
                clause_end = word_ends[first_after + reach - 1]
            # a dash ends what a cue reaches on its right ("перевыпаса давно нет — скота
            # стало мало"), not on its left ("браконьерство — не проблема"), nor what a
            # clause cue reaches ("зима сайгака не губит — снега мало")
            at = bisect.bisect_left(dashes, end)
            if direction in (AFTER, EITHER) and at < len(dashes):
                clause_end = min(clause_end, dashes[at])
            if direction not in (CLAUSE, SENTENCE, PREVIOUS) and prepositions:
                at = bisect.bisect_left(prepositions, end)
                if at < len(prepositions):
                    clause_end = min(clause_end, prepositions[at])
        out.append(Scope(family, direction, effect, start, end, clause_start, clause_end))
    return out


#: "… but it fell", "… but too little": a resource said to be in place ("funding was not
#: cut") and then, after "but", said to have shrunk or to fall short is a gap after all
#: ("маблағгузорӣ қатъ нашуд, вале кам шуд"; the shrinking names no term of its own)
_BUT_LESS = {
    lang: re.compile(r"[\s,،;]*(?:" + conjunctions + r")\s+(?:\S+\s+){0,3}?(?:" + less + ")")
    for lang, conjunctions, less in (
        ("kk", r"бірақ|алайда|дегенмен", r"азай|кемі|қысқар|жетпей|жетіспей|жеткіліксіз|аз(?!\w)"),
        ("ky", r"бирок|ал\s+эми", r"азай|кемий|кемиди|кыскар|жетишпей|жетишсиз|аз(?!\w)"),
        ("uz", r"lekin|ammo|biroq", r"kamay|qisqar|yetishmay|yetarli\s+emas|oz(?![\w'])"),
        ("tg", r"вале|аммо|лекин",
         r"кам\s+(?:шуд|гардид|аст)|камтар|коҳиш|ихтисор|нокифоя|кифоя\s+нест"),
    )
}


#: A Russian noun in the instrumental case (the object of "с": "с полицией", "с браконьерами")
_INSTRUMENTAL = re.compile(r"(?:ом|ем|ём|ой|ей|ою|ею|ами|ями|ью)$")


def _agent_at_ease(
    clean: str, scope: Scope, spans: Sequence[tuple[int, int]], polarities: Sequence[str]
) -> bool:
    """Whether a Russian "без проблем с X" tells of a threat's agent that acts at ease: a
    problem term after the cue that is not the object of "с" (not instrumental) is the
    clause's subject ("без проблем с полицией браконьеры уходят через границу", the
    poachers get away with no trouble from the police): nothing is denied."""
    for (start, end), polarity in zip(spans, polarities, strict=True):
        if (
            polarity == PROBLEM
            and scope.cue_end <= start
            and end <= scope.end
            and not _INSTRUMENTAL.search(clean, start, end)
        ):
            return True
    return False


#: The words of a lack that the "in place" cues deny ("no shortage of", "тапшылығы жоқ")
_LACK_WORD = re.compile(
    r"тапшылы|жетіспеушілі|жетімсізді|жетпеушілі|тартыштыг|жетишсиздиг|жетишпестиг|"
    r"жетишпегендиг|tanqislig|yetishmovchilig|taqchillig|yetishmasligi|нехватк|недостат|"
    r"дефицит|shortage|lack|scarcit|deficit|缺"
)


#: A term ending in a word that says it is absent ("көзөмөл жок", no control)
_EXISTENTIAL_END = re.compile(r"(?<!\w)(?:жок|жоқ|yo'q|йўқ|нест|нет|нету|байхгүй|ýok)$")
#: ... named right after "such" ("мындай", "мұндай", "bunday", "чунин", "такого")
_SUCH_BEFORE = re.compile(
    r"(?<![\w'])(?:мындай|андай|мұндай|ондай|bunday|bunaqa|unday|бундай|ундай|чунин|"
    r"такого|такой|таких|ийм|such)\s+$"
)


#: Cues of kk, ky, uz and tg that deny a past or a list ("содан бері ондай болған жоқ",
#: "endi unday qilishmaydi", "ол баяғыда қалды", "бір де бір X, бір де бір Y … жоқ", "the
#: years … are behind us"): the problems they reach are over, but a resource they reach
#: stays the gap ("Бұрын әкімдік көлік беретін. Енді олай істемейді": no car now)
_RESOURCE_STAYS = {
    "kk": re.compile(
        r"ондай|мұндай|сондай|олай|солай|баяғыда|әлдеқашан|ертеде|бір\s+де\s+бір|бірде|"
        r"артта\s+қалды"
    ),
    "ky": re.compile(r"андай|мындай|ошондой|антип|минтип|бир\s+да|бирөө\s+да|артта\s+калды"),
    "uz": re.compile(r"bunday|bunaqa|unday|unaqa|shunday|shunaqa|ortda\s+qoldi"),
    "tg": re.compile(r"чунин|ин\s+хел|ин\s+тавр|ҳамин\s+хел|гузаштанд|паси\s+сар"),
}
#: ... unless what they point back to was itself a lack ("Бұрын жанармай жетпейтін. Қазір
#: ондай жоқ": the fuel is there now)
_LACK_BEFORE = {
    "kk": re.compile(
        r"жоқ|емес|жетпе|жетіспе|тапшы|жетімсіз|\w(?:ма|ме|па|пе|ба|бе)(?:йды|йді|йтын|йтін|ды|ді|ған|ген)(?!\w)"  # noqa: E501
    ),
    "ky": re.compile(
        r"жок|эмес|жетпе|жетише|тартыш|\w(?:ба|бе|бо|бө|па|пе|по|пө)(?:йт|чу|ды|ди|ду|дү|гон|ган|ген|гөн)(?!\w)"  # noqa: E501
    ),
    "uz": re.compile(r"yo'q|emas|yetishma|yetma|tanqis|\wma(?:ydi|di|gan|s|y)(?![\w'])"),
    "tg": re.compile(r"(?<!\w)на(?:ме)?(?:дод|кард|буд|рас|шуд|гирифт)\w*|нест|камбуд|норасо"),
}


def negate(
    clean: str,
    lang: str,
    spans: Sequence[tuple[int, int]],
    polarities: Sequence[str],
) -> list[str]:
    """Which term occurrences of a text are negated, and by what kind of negation.

    In: the normalised text, its language, each occurrence's character span and polarity
    (``PROBLEM`` or ``RESOURCE``). Out: per occurrence, the family of the negation that
    takes it ("" when none does; see the module docstring for the binding rule).
    """
    result = [""] * len(spans)
    if not spans:
        return result
    found = scopes(clean, lang)
    adjunct = _adjuncts(clean, lang, spans) if found else []
    hearing = _HEARING.get(lang)
    starting = _Starts(spans)
    but_less = _BUT_LESS.get(lang)
    resource_stays = _RESOURCE_STAYS.get(lang)
    for scope in found:
        stays = (
            resource_stays.search(clean, scope.cue_start, scope.cue_end)
            if resource_stays and scope.effect == DENY and scope.family in ("no longer", "no")
            else None
        )
        keep_resources = bool(
            stays and not _LACK_BEFORE[lang].search(clean, scope.start, stays.start())
        )
        if scope.effect == AFFIRM and but_less and but_less.match(clean, scope.end):
            continue
        if (
            lang == "ru"
            and scope.effect == DENY
            and scope.family == "without"
            and _agent_at_ease(clean, scope, spans, polarities)
        ):
            continue
        # a term that holds its own negation ("no data", "маълумот нест", "no control")
        # is what the cue negates: nothing else is
        holders = sorted(
            i
            for i in starting.between(scope.cue_end - starting.longest, scope.cue_start + 1)
            if spans[i][0] <= scope.cue_start and scope.cue_end <= spans[i][1]
        )
        if holders and scope.effect == AFFIRM:
            # a lack denied inside the gap's own wording ("data is not lacking"): the gap
            # is not there, and the cue goes on to what it reaches ("ғылыми деректер
            # тапшылығы жоқ": the scientific data is in place too)
            for index in holders:
                if polarities[index] != PROBLEM and not result[index]:
                    result[index] = scope.family
        elif holders:
            # ... unless the cue is the word's own negated form: a problem term matched by a
            # verb that carries the negation suffix ("агнадаггүй", does not hunt) is denied
            own = False
            for index in holders:
                if (
                    spans[index] == (scope.cue_start, scope.cue_end)
                    and polarities[index] == PROBLEM
                    and scope.effect == NEGATE
                    and not result[index]
                ):
                    result[index] = scope.family
                    own = True
            # a Mongolian verb that carries its own negation denies its subject and object
            # too: "хулан хашаанд орооцолддоггүй" (wild asses do not get caught in fences)
            if own and lang == "mn":
                hears = bool(hearing and hearing.search(clean, scope.start, scope.cue_end))
                _bind(scope, spans, polarities, result, adjunct, starting, hears)
            # a gap term inside a cue that denies the gap itself ("мәлімет тапшылығы жоқ",
            # there is no shortage of data, matched as "мәлімет жоқ"): the gap is denied
            # and the cue's scope reaches on
            if not (
                scope.effect == DENY
                and all(
                    polarities[index] == GAP and spans[index][0] >= scope.cue_start
                    for index in holders
                )
            ):
                continue
            for index in holders:
                if not result[index]:
                    result[index] = scope.family
        if scope.effect == NEGATE:
            hears = bool(hearing and hearing.search(clean, scope.start, scope.cue_end))
            _bind(scope, spans, polarities, result, adjunct, starting, hears)
        else:
            lo, hi = (
                (scope.start, scope.end)
                if scope.direction == CLAUSE
                else (scope.cue_end, scope.end)
                if scope.direction == AFTER
                else (scope.start, scope.cue_start)
            )
            if scope.effect == AFFIRM:
                lo = min(lo, scope.cue_start)
            for index in starting.between(lo, hi):
                # a lack the cue itself ends with ("бизде мындай көзөмөл жок", we have no
                # such control): the lack is stated, not denied
                if (
                    scope.effect == DENY
                    and polarities[index] != PROBLEM
                    and spans[index][1] == scope.cue_end
                    and spans[index][0] > scope.cue_start
                    and _EXISTENTIAL_END.search(clean, spans[index][0], spans[index][1])
                    and _SUCH_BEFORE.search(clean, max(0, spans[index][0] - 12), spans[index][0])
                ):
                    continue
                if keep_resources and polarities[index] == RESOURCE:
                    continue
                if not result[index] and (
                    scope.effect != AFFIRM
                    or polarities[index] == RESOURCE
                    # "we don't lack data": the gap term that takes in the denied lack;
                    # "су тапшылығы жоқ" (no water shortage): a problem that is itself a
                    # lack, named with the lack word the cue denies
                    or (
                        spans[index][0] < scope.cue_end
                        and scope.cue_start < spans[index][1]
                        and (
                            polarities[index] == GAP
                            or _LACK_WORD.search(clean, spans[index][0], spans[index][1])
                        )
                    )
                ):
                    result[index] = scope.family
    _privatives(clean, lang, spans, polarities, result)
    _past_contrast(clean, lang, starting, polarities, result)
    return result


#: The "without" suffix of nouns in the languages that have one: a problem term written
#: with it is denied by its own word ("хулгайн ангүй", free of poaching; "хашаагүй",
#: without a fence). Words of law and permits are left alone: "заңсыз", "зөвшөөрөлгүй"
#: (unlawful, unpermitted) name the problem itself.
PRIVATIVE = {
    "mn": re.compile(r"\w+(?:гүй|гуй)(?:гээр)?"),
    "kk": re.compile(r"\w+(?:сыз|сіз)"),
    "ky": re.compile(r"\w+(?:сыз|сиз|суз|сүз)"),
    "uz": re.compile(r"\w+(?:siz|сиз)"),
}
_LAW_STEMS = re.compile(
    r"(?:зөвшөөр|хуул|заң|рұқсат|рукса|мыйзам|уруксат|ruxsat|qonun|қонун|лиценз|litsenz|"
    r"хяналт|бақыла|көзөмөл|nazorat|назорат|контрол|тоо|сан|san|маалымат|ақпарат|мэдээл|"
    r"ma'lumot|малымат|қаржы|каражат|mablag|санхүү|төсөв)"
)


#: Words that deny existence on their own ("мэдээлэл байхгүй", no data): a term ending in
#: one holds its own negation (see ``negate``), it is not a privative noun. So does
#: "хангалтгүй" (not enough): "гарц хангалтгүй" (too few crossings) is the problem itself.
_EXISTENTIAL = frozenset({"байхгүй", "байгаагүй", "үгүй", "хангалтгүй"})


def _privatives(
    clean: str, lang: str, spans: Sequence[tuple[int, int]], polarities: Sequence[str],
    result: list[str],
) -> None:
    pattern = PRIVATIVE.get(lang)
    if pattern is None:
        return
    for index, (start, end) in enumerate(spans):
        if polarities[index] != PROBLEM or result[index]:
            continue
        words = clean[start:end].split()
        word = words[-1] if words else ""
        if pattern.fullmatch(word) and not _LAW_STEMS.match(word) and word not in _EXISTENTIAL:
            result[index] = "without"


#: "X used to be the problem, but now it is Y": a sentence that opens on a word for the
#: past, followed in it or in the next sentence by a word for now whose clause names a
#: theme of its own, says X is over. A now-clause that names nothing ("before there were
#: few poachers, now there are many"; "dzud used to come once in ten years, now six
#: times") leaves X standing. Per language: the past words, the now words and the words
#: that say the past goes on ("still", "also": "poaching was bad before and is now too"),
#: and optionally the phrases of a now-clause that say the past is over without naming
#: anything ("одоо тийм юм байхгүй болсон", now there is no such thing): such a clause
#: needs no theme of its own.
#: The past words are also what lets a text through the quick cue filter (``is_cue_word``).
#: What an English sentence says to end a past: "Not any more.", "Those days are gone."
_OVER_EN = r"(?:not\s+any ?more|not\s+anymore|no\s+(?:longer|more)|not\s+(?:now|these days|nowadays)|(?:those|these|that)\s+days\s+are\s+(?:gone|over|behind us)|(?:it's|that's|it is|that is)\s+(?:all\s+)?(?:over|gone|history|in the past)|(?:all\s+|long\s+)?gone(?:\s+now)?|none\s+of\s+(?:that|it)(?:\s+(?:now|any ?more))?)"  # noqa: E501
PAST_CONTRAST: dict[str, tuple[str, ...]] = {
    "en": (
        r"used to|in the past|previously|formerly|years ago|back then|in earlier years|earlier|"
        r"back in the day|in the old days|"
        r"long ago|years back|in soviet times|in the soviet time|in the soviet period|"
        r"in the soviet era|in the 1960s|in the 1970s|in the 1980s|in the 1990s|in the 60s|"
        r"in the 70s|in the 80s|in the 90s|in the sixties|in the seventies|in the eighties|"
        r"in the nineties|"
        r"before(?=\s*,|\s+there\s|\s+it\s|\s+we\s|\s+they\s|\s+many\s|\s+much\s)",
        # "now", or a sentence that says no more than that the past is over ("Not any
        # more.", "Those days are gone.")
        r"now|nowadays|today|these days|at present|currently|"
        rf"{_OVER_EN}(?=\s*(?:[.!?;]|$))",
        r"still|too|also|as well|again|continues?|remains?",
        _OVER_EN,
    ),
    "ru": (
        r"раньше|прежде|когда-то|в прошлом|ранее|в былые времена|в советское время|лет назад|"
        r"года назад|год назад|лет \w+ назад|\w+ лет назад|при союзе",
        r"(?:(?:а|но|ну|ну\s+а|зато)\s+)?(?:теперь|сейчас|ныне|нынче|в наши дни|на сегодня|сегодня)",  # noqa: E501
        r"тоже|также|по-прежнему|вс[её] ещ[её]|до сих пор|опять|снова|(?<!не\s)(?<!почти\sне\s)остал\w*|(?<!не\s)продолжа\w*",  # noqa: E501
        # "раньше рудник пылил, теперь его закрыли", "…, сейчас их почти не осталось"
        r"(?:(?:их|его|е[её]|этого|такого)\s+)?(?:(?:почти|совсем|уже|вообще|давно)\s+){0,4}(?:нет|нету|не\s+осталось|не\s+стало(?!\s+(?:меньше|больше|лучше|хуже))|не\s+видно|не\s+слышно)|закрыли|убрали|снесли|сняли(?!\s+на\s)|разобрали|ликвидировал\w*|перевел\w+|прекратил\w*|перестал\w*|тихо|спокойно|(?:(?:это|вс[её]|уже)\s+){0,4}в\s+прошлом|ушл\w*\s+в\s+прошлое|позади|(?:вс[её]\s+)?наладил\w*",  # noqa: E501
    ),
    "zh": (
        r"以前|过去|過去|从前|從前|早年|曾经|曾經|以往",
        r"现在|現在|如今|目前|眼下|现今|現今",
        r"也|仍|还|還|依然|依旧|依舊|照样|照樣|继续|繼續",
        # "以前有人下套子，现在不干了", "现在都拆了": over, naming nothing
        r"(?:都|早就?|基本|早已)?(?:不(?:怎[么麼])?(?:干|幹|做|弄|搞|打|[来來]|去|放|[闹鬧]|下|出|[见見])了|[没沒](?:人|有人)(?:干|幹|做|弄|搞|打|[来來]|去|放|下)了|[没沒](?:有)?了|[没沒](?:[这這]|那)[种種]?事了|[见見]不[着著到]了|看不[见見到]了|(?:拆|撤|停|[关關]|禁)(?:掉|除)?了|禁牧了|解[决決]了|太平了|消停了)",  # noqa: E501
    ),
    "mn": (
        r"урьд нь|урьд|урид ни|урид нь|урид|өмнө нь|өмнө ни|умну ни|омно ни|жилийн өмнө|эрт дээр үед|урьдын|хуучин цагт|тэр үед|ерээд онд|наяад онд|далаад онд|жараад онд|ээд онд|аад онд|социализмын үед|нэгдлийн үед",  # noqa: E501
        r"одоо|өнөөдөр|өнөө үед|одоогоор",
        r"ч гэсэн|мөн|бас|хэвээр|дахиад|үргэлжил\w*",
        # "одоо тийм юм байхгүй болсон", "одоо бол бараг үгүй болсон", "тэр асуудал байхаа
        # больсон": the now-clause says the past is over without naming anything itself
        r"(?:(?:тийм|ийм|тэр|энэ)\s+(?:юм|зүйл|асуудал|явдал|байдал)\w*\s+(?:ч\s+)?(?:бараг\s+)?(?:байхгүй|алга|үгүй|байхаа\s+больсон|больсон|гарахаа\s+больсон|гарахгүй)|(?:бараг\s+)?(?:үгүй|байхгүй)\s+болсон|алга\s+болсон|\w+(?:хаа|хоо|хээ|хөө)\s+больсон|(?:одоо|өнөөдөр)\s+(?:бол\s+|нь\s+)?(?:харьцангуй\s+|нэлээн\s+|бараг\s+)?(?:намжсан|намжчихсан|намдсан|дууссан|арилсан)|(?:одоо|өнөөдөр)\s+(?:бол\s+|нь\s+)?(?:(?:тэр|энэ|тэгэх)\s+(?:нь\s+)?)?(?:бараг\s+|огт\s+|бүр\s+)?(?:байхгүй|алга|үгүй|больсон|больчихсон|болилоо|зогссон|зогсчихсон))",  # noqa: E501
    ),
    "fa": (
        # the normalised text writes the non-joiner as a space: "قدیم ها", "پیش تر"
        r"قبلا|قبلن|قبلنا|قبلاها|پیش تر|پیشتر|پیش ترها|پیشترها|در گذشته|گذشته ها|سابقا|سابق بر این|"
        r"قدیم|قدیما|قدیم ها|قدیمها|در قدیم|آن زمان|اون زمان|آن موقع|اون موقع|آن وقت ها|اون وقتا|"
        r"یه زمانی|یک زمانی|زمانی که|سال ها پیش|سالها پیش|سال پیش|سال قبل|سال ها قبل|سالها قبل",
        # "ولی الان", "اما حالا": the now-clause opens with its conjunction
        r"(?:(?:ولی|اما|و|امّا)\s+)?(?:الان|الآن|اکنون|حالا|حالی|فعلا|امروزه|امروز|"
        r"این روزها|این روزا|در حال حاضر|این چند سال|این چند ساله|این سال ها|این سالها)",
        # "هم" before a denial is "not even" ("یه مورد هم نداشتیم"), not "too"
        r"هم(?!\s+(?:\S+\s+)?(?:نیست|نیس|نبود|ندار|نداشت|نمی|نشد|ندید|نکرد|نیومد|نیامد|نمون|نماند)\w*)"
        r"|هنوز|همچنان|باز هم|ادامه",
        # "الان دیگه نیست", "الان چند ساله یه مورد هم نداشتیم", "الان هیچی": over, naming nothing
        r"(?:دیگه|دیگر)\s+(?:\S+\s+){0,3}?(?:نیست|نیس|نیستن|نیستند|نداریم|ندارن|ندارند|نمی\s*(?:بینیم|بینی|آیند|آن|یان|یاد|آد))|"
        r"خبری\s+نیست|خبری\s+نیس|هیچی|هیچ\s+خبری|وجود\s+ندار\w*|تموم\s+شد\w*|تمام\s+شد\w*|"
        r"(?:یه|یک|هیچ)\s+(?:مورد|دونه|دانه|نفر|بار)\s+(?:هم\s+)?(?:نداشتیم|ندیدیم|نبوده|نیست|ندیده\s*ایم|نداشته\s*ایم)",
    ),
    "kk": (
        r"бұрын|бұрынырақ|ертеде|бір кездері|ол кезде",
        r"қазір|қазіргі кезде|бүгінде|бүгін|енді",
        r"да|де|та|те|әлі|әлі де|тағы|жалғас\w*",
        # "қазір ол мәселе шешілді", "енді ондай жоқ" (that is solved, there is none of it now)
        r"(?:ол|бұл|сол|ондай|мұндай)\s+(?:\S+\s+){0,2}?(?:шешілді|шешілген|жоқ|қалмады|болмайды|тоқтады|тыйылды)|ондай\w*\s+жоқ|(?:қазір|енді)\s+(?:мүлде\s+|атымен\s+|бірде-бірі\s+)?жоқ|қалмады|шешілді",  # noqa: E501
    ),
    "ky": (
        r"мурда|мурун|илгери|бир кезде|ал кезде",
        r"азыр|бүгүн|азыркы учурда|эми",
        r"да|де|та|те|дагы|дале|дагы эле|кайра|уланып",
        # "азыр андай болбой калды", "ал маселе чечилди" (there is none of it now, it is solved)
        r"(?:ал|бул|ошол|андай|мындай)\s+(?:\S+\s+){0,2}?(?:чечилди|чечилген|жок|калбады|болбой\s+калды|болбойт|токтоду)|андай\w*\s+жок|(?:азыр|эми)\s+(?:такыр\s+|дээрлик\s+)?жок|калбады|чечилди",  # noqa: E501
    ),
    "uz": (
        r"ilgari|avval|oldin|bir paytlar|ilgarilari|avvallari|o'sha paytda",
        r"hozir|hozirda|bugun|hozirgi kunda|endilikda|endi",
        r"ham|hamon|hali|hali ham|yana|davom",
        # "endi bunaqasi yo'q", "u muammo hal bo'ldi" (there is none of it now, it is solved)
        r"(?:u|bu|shu|bunday|bunaqa|unday|unaqa)[\w']*\s+(?:\S+\s+){0,2}?(?:yo'q|qolmadi|hal\s+bo'ldi|hal\s+qilindi|to'xtadi|to'xtagan|bo'lmaydi)|(?:bunday|bunaqa|unday|unaqa)[\w']*\s+yo'q|(?:hozir|endi)\s+(?:umuman\s+|deyarli\s+)?yo'q|qolmadi",  # noqa: E501
    ),
    "tg": (
        r"пештар|қаблан|дар гузашта|як вақтҳо|он вақт",
        r"ҳоло|ҳозир|акнун|имрӯз|алҳол|имрӯзҳо",
        r"ҳам|ҳанӯз|боз|то ҳол|идома",
        # "ҳоло чунин чиз нест", "ин масъала ҳал шуд" (there is none of it now, it is solved)
        r"(?:ин|он|чунин|инчунин)\s+(?:\S+\s+){0,2}?(?:нест|намондааст|намонд|ҳал\s+шуд|қатъ\s+шуд|бас\s+шуд)|чунин\s+(?:\S+\s+)?нест|(?:ҳоло|ҳозир|акнун)\s+(?:тамоман\s+|қариб\s+)?нест|намондааст",  # noqa: E501
    ),
}
_SENTENCE = re.compile(r"[.!?;\n。！？；؟]+")


@functools.cache
def _past_patterns(lang: str) -> tuple[re.Pattern, ...] | None:
    words = PAST_CONTRAST.get(lang)
    if words is None:
        return None
    if lang == "zh":
        return tuple(re.compile(f"(?:{w})") for w in words)
    return tuple(re.compile(rf"(?<![\w'])(?:{w})(?![\w'])") for w in words)


@functools.cache
def _past_word(lang: str) -> re.Pattern | None:
    """A word of each past phrase of ``lang`` (for the quick cue filter)."""
    words = PAST_CONTRAST.get(lang)
    if words is None or lang == "zh":
        return None
    phrases = re.sub(r"\(\?=[^)]*\)", "", words[0]).split("|")  # lookaheads dropped
    # the longest word of each phrase: a text without it cannot hold the phrase
    longest = {max(phrase.split(), key=len) for phrase in phrases}
    return re.compile("|".join(sorted(longest)))


#: The characters the Chinese past words start with (for the quick cue filter).
HAN_PAST = frozenset(phrase[0] for phrase in PAST_CONTRAST["zh"][0].split("|"))


def _after_mark(clean: str, position: int) -> bool:
    """Whether the text before ``position``, white space aside, ends with , . ; : ! or ?
    (or the Arabic-script comma, semicolon or question mark ، ؛ ؟)"""
    while position > 0 and clean[position - 1].isspace():
        position -= 1
    return position > 0 and clean[position - 1] in ",.;:!?،؛؟"


def _past_contrast(
    clean: str, lang: str, starting: _Starts, polarities: Sequence[str], result: list[str]
) -> None:
    """Mark the problem terms of a past that a later "now" contrasts with ("used to")."""
    patterns = _past_patterns(lang)
    if patterns is None:
        return
    past, now, still = patterns[:3]
    over = patterns[3] if len(patterns) > 3 else None
    ends = [m.end() for m in _SENTENCE.finditer(clean)]
    for opening in past.finditer(clean):
        at = bisect.bisect_right(ends, opening.start())
        sentence_start = ends[at - 1] if at else 0
        # the now-word: in the same sentence or the next one
        limit = ends[at + 1] if at + 1 < len(ends) else len(clean)
        later = now.search(clean, opening.end(), limit)
        if later is None:
            continue
        after = bisect.bisect_right(ends, later.start())
        clause_end = ends[after] if after < len(ends) else len(clean)
        if still.search(clean, later.start(), clause_end):
            continue
        # a now-clause naming nothing must open a clause and say the past is over
        if not starting.between(later.start(), clause_end):
            opens = later.start() == 0 or _after_mark(clean, later.start())
            if over is None or not opens or not over.search(clean, later.start(), clause_end):
                continue
        for index in starting.between(sentence_start, later.start()):
            if not result[index] and polarities[index] == PROBLEM:
                result[index] = "used to"


#: Verbs of hearing and seeing in the verb-final languages: "X туралы естіген жоқпын" (I have
#: not heard about X) denies X although X stands before a postposition.
_HEARING = {
    lang: re.compile(rf"(?<![\w'])(?:{stems})\w*")
    for lang, stems in {
        "kk": "есті|көрге|көрме|көріп|көрді",
        "ky": "уккан|укпа|уктук|угуп|угулб|көргө|көрбө|көрдү",
        "uz": "eshit|ko'rma|ko'rgan|ko'rdi",
        "mn": "сонс|хараа|харсан|харж|харагд",
        "tk": "eşit|eşid|görme|gördü",
        "fa": "نشنید|ندید|نمی\\s*شنو|نمی\\s*بین|گوشم|گوشمون|گوشمان",
        "ru": "слыш|слыха|наход|нашли|видим|видели|встреча",
    }.items()
}


_NON_SPACE = re.compile(r"\S+")


def _adjuncts(clean: str, lang: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
    """Which occurrences stand right after a preposition or right before a postposition:
    adjuncts, which a verb-final negation on their right does not deny."""
    before_words = set(PREPOSITIONS.get(lang, "").split())
    after_words = set(POSTPOSITIONS.get(lang, "").split())
    if not before_words and not after_words:
        return [False] * len(spans)
    # the text's words (runs without white space), to find the one before and after each
    # occurrence without splitting the text again for each of them
    words = [match.span() for match in _NON_SPACE.finditer(clean)]
    word_starts = [start for start, _ in words]
    word_ends = [end for _, end in words]
    out = []
    for start, end in spans:
        # the last word (or part of one) before ``start``, the first (or its rest) after ``end``
        at = bisect.bisect_left(word_starts, start) - 1
        previous = [clean[words[at][0] : min(words[at][1], start)]] if at >= 0 else []
        at = bisect.bisect_right(word_ends, end)
        following = [clean[max(words[at][0], end) : words[at][1]]] if at < len(words) else []
        out.append(
            bool(previous and previous[0].strip(".,;:!?") in before_words)
            or bool(following and following[0].strip(".,;:!?") in after_words)
        )
    return out


class _Starts:
    """Term occurrences ordered by where they start, to find those starting in a stretch
    of the text without going through all of them (a long text has many scopes)."""

    def __init__(self, spans: Sequence[tuple[int, int]]):
        self.order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self.starts = [spans[i][0] for i in self.order]
        #: the longest occurrence, in characters
        self.longest = max((end - start for start, end in spans), default=0)

    def between(self, low: int, high: int) -> list[int]:
        """The occurrences starting at ``low`` or later and before ``high``, by where they
        start (those starting together in the order they were found)."""
        first, last = bisect.bisect_left(self.starts, low), bisect.bisect_left(self.starts, high)
        return self.order[first:last]


def _bind(
    scope: Scope,
    spans: Sequence[tuple[int, int]],
    polarities: Sequence[str],
    result: list[str],
    adjunct: Sequence[bool],
    starting: _Starts,
    hears: bool = False,
) -> None:
    after = starting.between(scope.cue_end, scope.end)
    # a verb-final cue's own word may carry the term it negates (Mongolian "агнадаггүй")
    before = starting.between(scope.start, scope.cue_end)
    if scope.direction == AFTER or (scope.direction == EITHER and after):
        chosen = after
    elif scope.direction in (BEFORE, EITHER, SENTENCE, PREVIOUS):
        # a verb-final negation denies its subject or object, not an adjunct (but "free
        # of X" takes X as its adjunct: "аз шикор озод", "از شکار پاک")
        chosen = sorted(
            (i for i in before if scope.family == "without" or hears or not adjunct[i]),
            key=lambda i: -spans[i][0],
        )
    else:
        return
    if (
        scope.direction == PREVIOUS
        or (scope.direction == SENTENCE and scope.family == "no longer")
    ) and any(polarities[i] == RESOURCE for i in chosen):
        # a resource in what is pointed back to is who acted: "Rangers caught poachers
        # there. That stopped years ago.", "محیط بان ها شکارچی ها را می گرفتند، این کار تموم
        # شده" (the catching is over, not the poaching)
        return
    position = 0
    while position < len(chosen):
        # occurrences that start at the same word are taken together
        at = spans[chosen[position]][0]
        group = [i for i in chosen[position:] if spans[i][0] == at]
        position += len(group)
        for index in group:
            if polarities[index] != RESOURCE and not result[index]:
                result[index] = scope.family
        if any(polarities[index] == RESOURCE for index in group):
            break
