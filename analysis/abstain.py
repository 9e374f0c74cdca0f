"""Non-answers: texts that say nothing a theme could be drawn from, and why.

A free-text box collects "Thank you for the survey", "no comment", "-", "n/a", "I don't
know" and "I don't know anything about poaching" as often as statements. Such a text gets
no theme and an ``abstain_reason`` instead of being forced to the nearest one:

- ``empty``: nothing but spaces, or no letters at all ("-", "...", "?", "0");
- ``placeholder``: a filler word standing for no answer ("n/a", "none", "нет", "无", "үгүй");
- ``thanks``: thanks, wishes and praise of the questionnaire;
- ``no comment``: "no comment", "nothing to add", "no questions", "без комментариев",
  "вопросов нет", "санал алга";
- ``don't know``: the respondent's own ignorance, including "I don't know anything about
  poaching" (the topic named is not something said about it; ``analysis.negation`` marks
  such terms with the family "don't know").

The rule: the phrases of these kinds (per language, ``PHRASES``) and the words inside a
"don't know" scope are taken out; when no content word is left (stop words and the
languages' small fillers do not count), the text abstains, with the reason of the phrase
that came first. A text with any theme asserted never abstains.
"""

from __future__ import annotations

import functools
import re

from analysis.negation import UNKNOWN, scopes
from analysis.text import normalise, stopwords, words

EMPTY, PLACEHOLDER, THANKS, NO_COMMENT, DONT_KNOW = (
    "empty",
    "placeholder",
    "thanks",
    "no comment",
    "don't know",
)

# Phrases per language and reason, as regular expressions over normalised text. The survey
# words ("questionnaire", "опрос", "问卷" …) belong to the thanks because they come with it.
PHRASES: dict[str, dict[str, str]] = {
    "en": {
        THANKS: r"(?:many\s+)?thanks?(?:\s+you)?(?:\s+(?:very|so)\s+much)?(?:\s+(?:for|to)\b[^.!?;]*)?|cheers|good luck|best (?:wishes|regards)|(?:kind\s+)?regards|(?:good|nice|great|interesting|useful|important) (?:survey|questionnaire|initiative|work|questions)|well done|keep (?:it )?up|appreciated?",  # noqa: E501
        NO_COMMENT: r"no (?:further |other |additional |more )?comments?|nothing (?:else |more )?to (?:add|say|comment)|nothing (?:else|more|further)|no (?:answer|response|opinion)|no (?:more |further |other )?questions|pass|skip|not applicable",  # noqa: E501
        DONT_KNOW: r"(?:i\s+)?(?:do not|don't|dont)\s+know|not sure|no idea|idk|dunno|(?:i\s+)?(?:can't|cannot|couldn't|could not|wouldn't|would not)\s+(?:really\s+)?(?:say|know|tell)|hard to say|(?:i'm|i am)\s+not\s+the\s+(?:right\s+)?person\s+to\s+ask|(?:you(?:'d| would| will| should)?\s+(?:have|need)\s+to\s+|better\s+)?ask\s+(?:someone|somebody|anyone|others|other people)(?:\s+else)?",  # noqa: E501
        PLACEHOLDER: r"n\s*/?\s*a|none|nil|nothing|no|nope|yes|ok|okay|test|asdf|same as above|see above",  # noqa: E501
    },
    "ru": {
        THANKS: r"(?:большое\s+)?спасибо(?:\s+большое)?(?:\s+за\b[^.!?;]*)?|благодар\w*(?:\s+за\b[^.!?;]*)?|удачи|всего (?:доброго|хорошего)|(?:хороший|нужный|интересный|полезный) (?:опрос|анкета|вопросник)|(?:хорошая|нужная|интересная|полезная) анкета",  # noqa: E501
        NO_COMMENT: r"без комментариев|(?:нет|никаких) (?:комментариев|замечаний|предложений)|комментариев нет|(?:нечего|не могу ничего) (?:добавить|сказать)|добавить нечего|ничего не могу добавить|нет ответа|(?:нет|никаких) вопросов|вопросов (?:нет|не имею)|(?:всё|все) (?:нормально|хорошо)",  # noqa: E501
        DONT_KNOW: r"(?:я\s+)?не знаю|затрудняюсь(?:\s+ответить)?|не могу (?:сказать|ответить)|нет мнения|не в курсе|(?:трудно|сложно|тяжело) сказать|понятия не имею|без понятия|кто (?:ж|же|его) знает|(?:это\s+)?(?:вы\s+)?не (?:ко мне|по адресу)|(?:я\s+)?не (?:специалист|эксперт)|не (?:моя|мое|моё) (?:тема|область|сфера|дело)|не по моей части|(?:я\s+)?не (?:хочу|буду) (?:об этом |про это )?(?:говорить|отвечать)|ничего не скажу|(?:ничего\s+)?сказать не могу",  # noqa: E501
        PLACEHOLDER: r"нет|ничего|да|ок|нету|-",
    },
    "zh": {
        THANKS: r"(?:非常)?(?:谢谢|感谢|多谢)(?:您|你们|大家)?[^。！？；]*|辛苦了|祝(?:你们)?(?:工作)?顺利|(?:很)?抱歉|不好意思|对不起|對不起",  # noqa: E501
        NO_COMMENT: r"(?:暂)?无(?:其他)?(?:意见|建议|补充)|没有(?:其他)?(?:意见|建议|补充)|无可奉告|[没沒]有?(?:什[么麼]|啥)(?:好|可)[说說]的?|[没沒]有?(?:什[么麼]|啥|别的|別的|其他)?(?:想法|看法)|[没沒]想[过過]|(?:暂时|暫時|目前)[没沒]有|就(?:这些|這些|这样|這樣)(?:吧|了)?",  # noqa: E501
        DONT_KNOW: r"我?(?:不知道|不清楚|不了解|说不清|不好说)",
        PLACEHOLDER: r"无|没有|暂无|无|否|是|好",
    },
    "mn": {
        THANKS: r"(?:их\s+)?баярлалаа(?:\s+\w+){0,3}|амжилт хүсье|талархлаа|талархал",
        NO_COMMENT: r"(?:санал|асуулт) (?:алга|байхгүй|үгүй)|(?:нэмэх|хэлэх|нэмж хэлэх) (?:зүйл|санал|юм) (?:алга|байхгүй|үгүй)|хариулт алга",  # noqa: E501
        DONT_KNOW: r"(?:сайн\s+)?мэдэхгүй(?:\s+байна)?|(?:хэлж|хариулж) (?:мэдэхгүй|чадахгүй)",
        PLACEHOLDER: r"байхгүй|үгүй|алга|тийм|за",
    },
    "fa": {
        THANKS: r"(?:با\s+)?(?:تشکر|متشکرم|ممنون(?:م)?|سپاس(?:گزارم)?)(?:\s+\S+){0,4}|موفق باشید",
        NO_COMMENT: r"نظری ندارم|بدون نظر|(?:مورد|مطلب) دیگری (?:نیست|ندارم)|پاسخی ندارم",
        DONT_KNOW: r"(?:من\s+)?(?:نمی\s*دانم|اطلاعی ندارم|اطلاع ندارم)",
        PLACEHOLDER: r"هیچ|ندارم|خیر|نه|بله",
    },
    "kk": {
        THANKS: r"(?:көп\s+)?(?:рахмет|рақмет)(?:\s+\w+){0,3}|сәттілік",
        NO_COMMENT: r"(?:пікір|сұрақ|сұрағ)(?:ым|ім)? жоқ|қосарым жоқ|ұсыныс жоқ",
        DONT_KNOW: r"білмеймін|айта алмаймын",
        PLACEHOLDER: r"жоқ|иә",
    },
    "ky": {
        THANKS: r"(?:чоң\s+)?рахмат(?:\s+\w+){0,3}|ийгилик",
        NO_COMMENT: r"(?:пикир|суроо)(?:им|м)? жок|кошумчам жок|сунуш жок",
        DONT_KNOW: r"билбейм|айта албайм",
        PLACEHOLDER: r"жок|ооба",
    },
    "uz": {
        THANKS: r"(?:katta\s+)?(?:rahmat|tashakkur)(?:\s+\w+){0,3}|omad",
        NO_COMMENT: r"(?:fikr|savol)(?:im)? yo'q|qo'shimcha(?:m)? yo'q|taklif yo'q",
        DONT_KNOW: r"bilmayman|ayta olmayman",
        PLACEHOLDER: r"yo'q|ha",
    },
    "tg": {
        THANKS: r"(?:ташаккур|раҳмат|сипос)(?:\s+\w+){0,3}|муваффақ бошед",
        NO_COMMENT: r"(?:фикр|савол)(?:е)? нест|иловае нест|пешниҳод нест",
        DONT_KNOW: r"намедонам|гуфта наметавонам",
        PLACEHOLDER: r"нест|не|ҳа",
    },
    "tk": {
        THANKS: r"sag boluň(?:\s+\w+){0,3}|sagbol|minnetdar\w*|üstünlik",
        NO_COMMENT: r"pikir(?:im)? ýok|goşmaça(?:m)? ýok|teklip ýok",
        DONT_KNOW: r"bilemok|bilmeýärin|aýdyp bilmerin",
        PLACEHOLDER: r"ýok|hawa",
    },
}
_ORDER = (DONT_KNOW, NO_COMMENT, THANKS, PLACEHOLDER)
#: Words that carry no statement in a non-answer ("really", "very much", "at all" …).
_FILLERS = frozenset(
    """
    really very much all at anything everything else more this that it i we you sir madam
    dear team good luck so also just well ok lot lots indeed
    очень всё все ничего вообще этого этом тоже просто вам вас
    """.split()
)


@functools.cache
def _pattern(lang: str) -> re.Pattern | None:
    phrases = PHRASES.get(lang)
    if not phrases:
        return None
    parts = []
    for index, reason in enumerate(_ORDER):
        body = phrases[reason]
        if lang != "zh":
            body = rf"(?<![\w'])(?:{body})(?![\w'])"
        parts.append(f"(?P<r{index}>{body})")
    return re.compile("|".join(parts))


def abstain_reason(text: object, lang: str) -> str:
    """Why a text is a non-answer, or "" when it may say something.

    In: the raw (or normalised) text and its resolved language. Out: one of ``empty``,
    ``placeholder``, ``thanks``, ``no comment``, ``don't know`` (see the module docstring),
    or "". The caller gives no theme to a text with a reason; a text with an asserted
    theme should not be asked (it said something).
    """
    clean = normalise(text)
    if not any(ch.isalpha() for ch in clean):
        return EMPTY
    found: list[str] = []
    rest = clean
    for scope in scopes(clean, lang):
        if scope.effect == UNKNOWN:
            found.append(DONT_KNOW)
            rest = rest[: scope.start] + " " * (scope.end - scope.start) + rest[scope.end :]
    pattern = _pattern(lang)
    if pattern is not None:
        for match in pattern.finditer(rest):
            found.append(_ORDER[int(match.lastgroup[1:])])
        rest = pattern.sub(" ", rest)
    if not found:
        return ""
    stop = stopwords(lang) | _FILLERS
    if any(word not in stop and not word.isdigit() for word in words(rest)):
        return ""
    return found[0]
