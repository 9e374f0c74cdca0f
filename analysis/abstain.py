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

from analysis.negation import (
    EN_ASKED_BACK,
    EN_REFERRAL,
    EN_REFUSAL,
    FA_ASKED_BACK,
    UNKNOWN,
    scopes,
)
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
        NO_COMMENT: rf"{EN_ASKED_BACK}|{EN_REFUSAL}|(?:you\s+(?:can|may|could)\s+|just\s+|please\s+)(?:write|put|note|mark)(?:\s+(?:it|that|this))?(?:\s+down)?(?:\s+that)?|that's (?:all|it)|next question|(?:skip|pass)(?:\s+(?:this|the|that))?\s+question|(?:(?:he|she|they|the\s+[\w'-]+)\s+(?:said\s+(?:he|she|they)\s+)?)?(?:had|has|have)\s+nothing\s+(?:else\s+|more\s+)?to\s+(?:say|add)(?:\s+to\s+[\w'-]+)?|(?:and\s+)?(?:walked|went)\s+(?:off|away)|no (?:further |other |additional |more )?comments?|nothing (?:else |more )?to (?:add|say|comment)|nothing (?:else|more|further)|no (?:answer|response|opinion)|no (?:more |further |other )?questions|pass|skip|not applicable",  # noqa: E501
        DONT_KNOW: rf"(?:i\s+)?(?:do not|don't|dont)\s+know|not sure|no idea|idk|dunno|(?:i\s+)?(?:can't|cannot|couldn't|could not|wouldn't|would not)\s+(?:really\s+)?(?:say|know|tell)|hard to say|{EN_REFERRAL}|(?:i'm|i am)\s+not\s+the\s+(?:right\s+)?person\s+to\s+ask|(?:you(?:'d| would| will| should)?\s+(?:have|need)\s+to\s+|better\s+)?ask\s+(?:someone|somebody|anyone|others|other people)(?:\s+else)?",  # noqa: E501
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
        THANKS: r"(?:их\s+)?баярлалаа(?:\s+\w+){0,3}|амжилт хүсье|талархлаа|талархал|(?:сонирхолтой|сайхан|сайн|хэрэгтэй|чухал|гоё)\s+(?:судалгаа|асуулга|асуулт|санаачилга|ажил)(?:\s+(?:байна|байлаа|юм|болжээ|шүү))*",  # noqa: E501
        NO_COMMENT: r"(?:санал|асуулт) (?:алга|байхгүй|үгүй)|(?:хариулмааргүй|ярьмааргүй)(?: байна)?|(?:ярих|хариулах) эрхгүй|(?:асуултад |асуултанд )?(?:хариулахаас|ярихаас) татгалз\w*|(?:(?:энэ|тэр|үүний|үүнтэй) (?:талаар|тухай|холбогдуулан) )?(?:нэмэх|хэлэх|нэмж хэлэх) (?:зүйл|санал|юм) (?:алга|байхгүй|үгүй)|хариулт алга",  # noqa: E501
        # "… Батаагаас асуугаарай, тэр л хээр явдаг хүн" (ask Bataa, he is the one who goes
        # out): the referral and what it says of the person referred to; "би энд ирээд жил
        # болоогүй" (I have not been here a year), "би тогооч хүн" (I am a cook): the reason
        # given for not knowing; "биднээс биш" (not us): the question passed on
        DONT_KNOW: r"(?:сайн\s+)?мэдэхгүй(?:\s+байна)?|(?:хэлж|хариулж) (?:мэдэхгүй|чадахгүй)|бүү мэд|хэлэхэд (?:их |нэлээн )?хэцүү(?: юм)?|(?:юу гэхэв|юу гэх вэ)(?: дээ)?|(?:[^\s.!?,;]+\s+){0,4}?[^\s.!?,;]+(?:аас|ээс|оос|өөс|иас|иос)\s+(?:нь\s+)?асуу(?:гаарай|аарай|вал\s+дээр|х\s+хэрэгтэй|на\s+уу|ж\s+үзээрэй)[^.!?]*|(?:биднээс|надаас|манайхаас|бидэнд|надад)\s+(?:л\s+)?биш|би\s+(?:[^\s.!?,;]+\s+){1,2}хүн(?:\s+(?:л|шүү|юм|байна))*|(?:би\s+)?(?:энд|энэ\s+(?:нутагт|суманд|газар))\s+(?:шилжиж\s+|нүүж\s+)?(?:ирээд|ирсэн)\s+(?:\S+\s+){0,2}?(?:болоогүй|удаагүй|л\s+болж\s+байна|болж\s+байгаа)(?:\s+байна)?",  # noqa: E501
        PLACEHOLDER: r"байхгүй|үгүй|алга|тийм|за",
    },
    "fa": {
        # written and colloquial: "ممنون که آمدید", "دستتون درد نکنه", "خسته نباشید"; thanks
        # for something run to the clause's end; hospitality: "بفرمایید داخل", "چای میل دارین؟"
        THANKS: r"(?:(?:خیلی|بسیار)\s+)?(?:(?:با|از)\s+(?:(?:شما|شوما)\s+)?)?(?:تشکر(?:\s+(?:می\s*کنم|می\s*کنیم|میکنم|میکنیم))?|متشکر(?:م|یم)?|ممنون(?:م|یم)?|مرسی|سپاس(?:گزار(?:م|یم)?)?|قربان\s+(?:شما|شوما|دستت(?:ون|ان)?))(?:\s+(?:که|از\s+این\s*که|بابت|برای|واسه)\s[^.!?؟;؛،,]*|(?:\s+\S+){0,4})|موفق\s+باشید|موفق\s+و\s+پیروز\s+باشید|خدا\s+(?:قوت|خیر(?:تان|تون)?\s+(?:بده|بدهد))|دست(?:تان|تون|ت)?\s+درد\s+(?:نکنه|نکند)|خسته\s+نباشید|(?:خدا\s+)?(?:نگه\s*دار|نگهدار)(?:تان|تون|ت)?|خداحافظ|سلام(?:\s+علیکم)?|درود|(?:وقت|روز)\s+(?:بخیر|به\s+خیر)|خوش\s+(?:اومدین|اومدید|آمدید|آمدین)|بفرمایید(?:\s+\S+){0,2}|(?:یه\s+|یک\s+)?(?:چای|چایی|چای\s+ای)\s+(?:میل\s+(?:دارین|دارید|داری|می\s*کنید|می\s*کنین|میکنید|میکنین|کنید|کنین)|بیارم|بیاورم|بریزم|بخورید|بخورین|بنوشید)|قدم(?:تون|تان)\s+(?:روی|رو)\s+چشم|(?:پرسشنامه|نظرسنجی|پرسش\s+نامه)\s+(?:خوب|خوبی|مفیدی|مفید)\s+(?:بود|است)",  # noqa: E501
        # "حرفی ندارم", "چیز دیگه‌ای ندارم بگم", "سوالی ندارم"
        NO_COMMENT: FA_ASKED_BACK + r"|(?:هیچ\s+)?(?:نظری|نظر|حرفی|حرف|صحبتی|سوالی|سؤالی|پیشنهادی|توضیحی)\s+(?:خاصی\s+|دیگه\s*ای\s+|دیگری\s+|دیگه\s+)?(?:ندارم|نداریم)|بدون\s+(?:نظر|پاسخ)|(?:مورد|مطلب|چیز|حرف)\s+(?:دیگری|دیگه\s*ای|دیگه|اضافه\s*ای|خاصی)\s+(?:نیست|ندارم|نداریم)(?:\s+(?:که\s+)?(?:بگم|بگویم|اضافه\s+کنم))?|پاسخی\s+ندارم|(?:چیزی|حرفی)\s+(?:برای\s+گفتن\s+)?(?:ندارم|نداریم)(?:\s+(?:که\s+)?(?:بگم|بگویم|اضافه\s+کنم))?|(?:چیزی\s+)?به\s+(?:ذهنم|فکرم)\s+(?:نمی\s*رسه|نمی\s*رسد|نرسید)|همین|(?:الان\s+)?(?:وقت|فرصت)\s+(?:ندارم|نداریم)|عجله\s+(?:دارم|داریم)|(?:باید|می\s*خوام|میخوام)\s+برم(?:\s+\S+){0,3}|بعدا\s+(?:بیاین|بیایید|بیا|تشریف\s+بیارین|تشریف\s+بیاورید)|(?:برای|واسه)\s+(?:چی|چه)\s+(?:\S+\s+){0,3}?(?:می\s*پرسی(?:ن|د)|میپرسی(?:ن|د))",  # noqa: E501
        # "نمی‌دونم", "خبر ندارم", "سر در نمیارم", "تخصص من نیست", and sending the asker on:
        # "از محیط‌بان‌ها بپرسین، اونا بهتر می‌دونن", "من تازه اومدم این‌جا"
        DONT_KNOW: r"(?:من\s+)?(?:(?:هیچ\s+)?(?:چیزی|زیاد|خیلی|دقیق|درست|واقعا)\s+)?(?:نمی\s*(?:دانم|دونم|دانیم|دونیم)|(?:هیچ\s+)?(?:اطلاعی|اطلاع|اطلاعات|اطلاعاتی|خبری|خبر|آگاهی|ایده\s*ای|ایده)\s+(?:(?:در\s+این\s+(?:باره|مورد|زمینه)|از\s+این\s+موضوع)\s+)?(?:ندارم|نداریم)|مطمئن\s+نیستم|(?:(?:از\s+)?(?:این\s+)?(?:چیزا|چیزها|مسائل|موضوعات|موضوع|کارها|کارا)\s+)?سر\s+در\s+(?:نمیارم|نمی\s*آورم|نمی\s*یارم)|نمی\s*(?:تونم|توانم)\s+(?:نظر\s+(?:بدم|بدهم)|بگم|بگویم|قضاوت\s+کنم|جواب\s+(?:بدم|بدهم))|(?:تخصص|رشته|حوزه|کار)(?:\s*ی)?\s+(?:من|ما)\s+نیست|(?:در\s+)?(?:حوزه|تخصص)(?:\s*ی)?\s+من\s+نیست)|(?:(?:از|با)\s+(?:\S+\s+){0,6}?)?(?:بپرس(?:ین|ید|ی)?|سوال\s+(?:کنین|کنید|کن)|سؤال\s+(?:کنین|کنید|کن))|یادم\s+(?:نیست|نمیاد|نمی\s*آید)|چی\s+بگم|چه\s+(?:بگویم|بگم|عرض\s+کنم)|خدا\s+(?:می\s*دونه|می\s*داند|عالمه)|(?:من\s+)?(?:اهل|بچه\s*ی?)\s+(?:اینجا|این\s+جا|این\s+منطقه|این\s+طرفا|این\s+روستا)\s+نیستم|(?:من\s+)?(?:فقط\s+)?(?:یه\s+|یک\s+)?(?:معلم|راننده|مسافر|مهمان|مهمون|دانشجو|کارمند|کاسب|مغازه\s*دار|خانه\s*دار|خونه\s*دار|بچه)\s*(?:م|ام|هستم)|(?:در\s+)?جریان\s+نیستم|بی\s+(?:اطلاعم|خبرم)|(?:به\s+(?:من|ما)\s+)?(?:ربطی|ارتباطی)\s+(?:نداره|ندارد)|(?:سخته|سخت\s+است|مشکله)\s+(?:بگم|بگویم|گفتن)|نمی\s*(?:شه|شود|توان)\s+گفت|باید\s+(?:(?:از|با)\s+(?:\S+\s+){0,6}?)?(?:پرسید|صحبت\s+کرد)|(?:ایشون|ایشان|اونا|آنها|آن\s+ها|اون|او|اونها|خودشون|خودشان)\s+(?:(?:خیلی|از\s+من)\s+)?بهتر\s+(?:از\s+من\s+)?(?:می\s*(?:دونه|داند|دونن|دانند)|خبر\s+(?:دارن|دارند|داره|دارد)|اطلاع\s+(?:دارن|دارند|داره|دارد))|(?:من\s+)?(?:تازه|جدیدا|جدیداً)\s+(?:(?:امسال|پارسال|اینجا|این\s+جا)\s+){0,4}(?:اومدم|آمده\s*ام|آمدم|واردم|منتقل\s+(?:شدم|شده\s*ام)|منتقلم\s+(?:کردن|کردند))(?:\s+(?:اینجا|این\s+جا))?",  # noqa: E501
        PLACEHOLDER: r"هیچ|هیچی|ندارم|خیر|نه|بله|نخیر|آره|باشه",
    },
    "kk": {
        THANKS: r"(?:көп\s+)?(?:рахмет|рақмет)(?:\s+\w+){0,3}|сәттілік|кешіріңіз|кешірерсіз|сәлеметсіз\s+бе|сәлем|ассалаумағалейкум|армысыз|қайырлы\s+(?:күн|таң|кеш)|сау\s+болыңыз|көріскенше|ризамын",  # noqa: E501
        NO_COMMENT: r"(?:пікір|сұрақ|сұрағ)(?:ым|ім)? жоқ|қосарым жоқ|ұсыныс жоқ",
        DONT_KNOW: r"білмеймін|айта алмаймын",
        PLACEHOLDER: r"жоқ|иә",
    },
    "ky": {
        THANKS: r"(?:чоң\s+)?(?:рахмат|ыракмат)(?:\s+\w+){0,3}|ийгилик|кечиресиз|кечириңиз|саламатсызбы|салам|ассалому\s+алейкум|кутман\s+(?:күн|таң|кеч)|жакшы\s+калыңыз|саламатта\s+болуңуз|көрүшкөнчө",  # noqa: E501
        NO_COMMENT: r"(?:пикир|суроо)(?:им|м)? жок|кошумчам жок|сунуш жок",
        DONT_KNOW: r"билбейм|айта албайм",
        PLACEHOLDER: r"жок|ооба",
    },
    "uz": {
        THANKS: r"(?:katta\s+)?(?:rahmat|tashakkur)(?:\s+\w+){0,3}|omad|kechirasiz|uzr|assalomu\s+alaykum|salom|xayr|yaxshi\s+qoling|sog'\s+bo'ling|xush\s+kelibsiz|minnatdorman",  # noqa: E501
        NO_COMMENT: r"(?:fikr|savol)(?:im)? yo'q|qo'shimcha(?:m)? yo'q|taklif yo'q",
        DONT_KNOW: r"bilmayman|ayta olmayman",
        PLACEHOLDER: r"yo'q|ha",
    },
    "tg": {
        THANKS: r"(?:ташаккур|раҳмат|сипос)(?:\s+\w+){0,3}|муваффақ бошед|бубахшед|мебахшед|узр|ассалому\s+алайкум|салом|хайр|саломат\s+бошед|хуш\s+омадед|рӯз\s+ба\s+хайр|миннатдорам",  # noqa: E501
        NO_COMMENT: r"(?:фикр|савол)(?:е)? нест|иловае нест|пешниҳод нест|(?:дигар\s+)?(?:гуфтание|иловае) надорам",  # noqa: E501
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
#: The reason a non-answer scope of ``analysis.negation`` gives (those of the Central Asian
#: languages that name a topic: a refusal, a question back, thanks for asking); the rest
#: are "don't know".
_SCOPE_REASONS = {"refusal": NO_COMMENT, "asked back": NO_COMMENT, "thanks": THANKS}
#: Words that carry no statement in a non-answer ("really", "very much", "at all" …).
_FILLERS = frozenset(
    """
    really very much all at anything everything else more this that it i we you sir madam
    dear team good luck so also just well ok lot lots indeed
    очень всё все ничего вообще этого этом тоже просто вам вас
    даа дээ доо дөө ээ аа оо шүү дээ за
    والا واللا والله راستش راستشو خب خوب بابا آقا دیگه اون ایشون چیز چیزی واقعا واقعاً اصلا
    اصلاً متاسفانه متأسفانه ببخشید
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
            found.append(_SCOPE_REASONS.get(scope.family, DONT_KNOW))
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
