"""Negation and contrast scope (analysis.negation) as the lexicon and tag_texts apply it.

Seven kinds of negation, each in several languages: a negated *problem* term does not tag
its theme and stays visible as negated; a negated *resource* term (funding, monitoring,
data, cooperation) is itself the gap and still tags.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.lexicon import load_lexicon
from analysis.negation import scopes
from analysis.tagging import tag_texts
from analysis.text import normalise


def _split(text: str, lang: str) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Themes asserted and themes negated in a text, each with the negation families."""
    asserted: dict[str, set[str]] = {}
    negated: dict[str, set[str]] = {}
    for match in load_lexicon().match(text, lang):
        target = negated if match.negated else asserted
        target.setdefault(match.theme, set()).add(match.negated)
    return asserted, negated


NEGATED = [
    # family "no": determiner or existential negation
    ("no", "en", "There is no poaching in our district.", "poaching"),
    ("no", "ru", "Браконьерства в районе нет.", "poaching"),
    ("no", "zh", "我们这里没有偷猎。", "poaching"),
    ("no", "mn", "Манай нутагт хулгайн ан байхгүй.", "poaching"),
    ("no", "kk", "Біздің ауданда браконьерлік жоқ.", "poaching"),
    ("no", "uz", "Bizning hududda brakonerlik yo'q.", "poaching"),
    ("no", "tg", "Дар минтақаи мо шикори ғайриқонунӣ нест.", "poaching"),
    ("no", "tk", "Biziň sebitimizde gaçak awçylyk ýok.", "poaching"),
    ("no", "ky", "Биздин аймакта браконьерлер жок.", "poaching"),
    # family "not": a negated verb or copula
    ("not", "en", "We do not see poachers in this valley.", "poaching"),
    ("no longer", "en", "We do not see poachers any more.", "poaching"),
    ("no longer", "en", "Herders don't take their flocks up to the leopard valleys anymore.",
     "livestock"),
    ("not", "ru", "Браконьеры здесь не встречаются.", "poaching"),
    ("not", "mn", "Манай сумд хулгайн ан гардаггүй.", "poaching"),
    ("not", "fa", "در منطقه ما شکار انجام نمی شود.", "poaching"),
    ("not", "kk", "Браконьерлер бұл жерде кездеспейді.", "poaching"),
    ("not", "uz", "Brakonerlar bu yerda uchramaydi.", "poaching"),
    # family "no longer"
    ("no longer", "en", "We no longer find snares on the trails.", "poaching"),
    ("no longer", "ru", "Браконьеры больше не приходят в долину.", "poaching"),
    ("no longer", "zh", "这里已经不再放牧了。", "livestock"),
    ("no longer", "mn", "Хулгайн ан гарахаа больсон.", "poaching"),
    ("no longer", "fa", "شکار دیگر انجام نمی شود.", "poaching"),
    # family "neither-nor"
    ("neither-nor", "en", "Neither poaching nor overgrazing happens here.", "livestock"),
    ("neither-nor", "ru", "Ни браконьерства, ни перевыпаса здесь нет.", "livestock"),
    ("neither-nor", "zh", "既没有偷猎，也没有过度放牧。", "livestock"),
    ("neither-nor", "fa", "نه شکار غیرمجاز داریم و نه چرای بی رویه.", "livestock"),
    # family "without"
    ("without", "en", "This was the first year without drought.", "climate"),
    ("without", "ru", "Этот год прошел без засухи.", "climate"),
    ("without", "fa", "امسال بدون خشکسالی گذشت.", "climate"),
    ("without", "tg", "Сол бе хушксолӣ гузашт.", "climate"),
    # family "never"
    ("never", "en", "We have never seen a snare in this valley.", "poaching"),
    ("never", "ru", "Никогда не видели капканов на этой тропе.", "poaching"),
    ("never", "zh", "从来没有见过钢丝套。", "poaching"),
    ("never", "mn", "Бид хэзээ ч урхи хараагүй.", "poaching"),
    ("never", "fa", "هرگز تله ندیده ایم.", "poaching"),
    ("never", "kk", "Біз ешқашан қақпан көрмедік.", "poaching"),
    # family "not a problem": the problem itself is denied
    ("not a problem", "en", "Overgrazing is not a problem here.", "livestock"),
    ("not a problem", "ru", "Перевыпас не является проблемой.", "livestock"),
    ("not a problem", "zh", "偷猎不是问题。", "poaching"),
    ("not a problem", "mn", "Хулгайн ан асуудал биш.", "poaching"),
    ("not a problem", "fa", "شکار غیرمجاز مشکلی نیست.", "poaching"),
    ("not a problem", "uz", "Brakonerlik muammo emas.", "poaching"),
    ("not a problem", "tg", "Шикори ғайриқонунӣ мушкил нест.", "poaching"),
    ("not a problem", "kk", "Браконьерлік мәселе емес.", "poaching"),
    ("not a problem", "en", "There is no problem with livestock.", "livestock"),
    ("not a problem", "ru", "Нет проблем со скотом.", "livestock"),
    ("not a problem", "en", "Drought isn't our main concern.", "climate"),
    # "it's not X": the cleft denies what follows it; Russian "дело не в X", not because of X
    ("not", "en", "It's not the wolves, it's the new mine.", "community"),
    ("not", "ru", "Дело не в засухе, а в деньгах.", "climate"),
    ("not", "ru", "Сайгаков стало меньше не из-за браконьеров, а из-за зимы.", "poaching"),
    # "not the X but Y", "X rather than Y", "проблема не в X": the contrast denies X
    ("not", "en", "The real issue is not the fences but the drought.", "infrastructure"),
    ("not", "en", "Fences rather than poaching are the main threat now.", "poaching"),
    ("not", "ru", "Проблема не в браконьерстве, а в заборах.", "poaching"),
    ("not", "ru", "Угроза не в выпасе, а в засухе.", "livestock"),
    # "has stopped": the Turkic intransitive verb after what it denies
    ("no longer", "kk", "Бізде браконьерлік тоқтады.", "poaching"),
    ("no longer", "ky", "Бизде браконьерлер токтоду.", "poaching"),
    ("no longer", "uz", "Brakonerlik to'xtadi.", "poaching"),
    ("no longer", "zh", "盗猎已经停止了。", "poaching"),
    ("no longer", "fa", "شکار غیرمجاز متوقف شده است.", "poaching"),
    ("no longer", "tg", "Шикори ғайриқонунӣ қатъ шуд.", "poaching"),
    ("no longer", "en", "The fence has been removed and is no longer an obstacle.",
     "infrastructure"),
    # "free of X": a denial, not a lack
    ("without", "en", "Our reserve is free of poaching these days.", "poaching"),
    ("without", "ru", "Наш заповедник свободен от браконьерства.", "poaching"),
    ("without", "fa", "منطقه ما از شکار غیرمجاز پاک است.", "poaching"),
    ("without", "tg", "Мамнӯъгоҳи мо аз шикори ғайриқонунӣ озод аст.", "poaching"),
    ("without", "kk", "Біздің қорық браконьерліктен таза.", "poaching"),
    ("without", "ky", "Биздин коруктун аймагы браконьерликтен таза.", "poaching"),
    ("without", "uz", "Qo'riqxonamiz brakonerlikdan xoli.", "poaching"),
    # the "without" suffix of a noun denies its own word
    ("without", "mn", "Манай нутаг хулгайн ангүй.", "poaching"),
    # "never heard of X": the preposition belongs to the cue
    ("never", "en", "I have never heard of a snow leopard killing livestock here.",
     "livestock"),
    ("never", "ru", "Я никогда не слышал о браконьерстве в нашем районе.", "poaching"),
    # the copula takes person endings (емеспін, эмесмин: I am not)
    ("not", "kk", "Мен браконьерді ешқашан көрген емеспін.", "poaching"),
    ("not", "ky", "Мен браконьерди эч качан көргөн эмесмин.", "poaching"),
    # a verb whose own suffix negates it (агнадаггүй: does not hunt)
    ("not", "mn", "Одоо хэн ч бөхөн агнадаггүй.", "poaching"),
]


@pytest.mark.parametrize(("family", "lang", "text", "theme"), NEGATED)
def test_negated_problem_terms_do_not_tag_their_theme(family, lang, text, theme):
    asserted, negated = _split(text, lang)
    assert theme not in asserted, (text, asserted)
    assert family in negated.get(theme, set()), (text, negated)


def test_every_family_is_tested_in_at_least_four_languages():
    languages: dict[str, set[str]] = {}
    for family, lang, _, _ in NEGATED:
        languages.setdefault(family, set()).add(lang)
    assert len(languages) == 7
    assert all(len(langs) >= 4 for langs in languages.values()), languages


@pytest.mark.parametrize(
    ("lang", "text", "theme"),
    [
        ("en", "There is no funding for the rangers.", "governance"),
        ("en", "Rangers patrol without fuel.", "governance"),
        ("en", "There is no monitoring of the saiga.", "science"),
        ("ru", "Нет денег на мониторинг.", "governance"),
        ("ru", "Нет денег на мониторинг.", "science"),
        ("ru", "Нет сотрудничества с соседними странами.", "transboundary"),
        ("zh", "没有经费开展监测。", "governance"),
        ("mn", "Мэдээлэл байхгүй.", "science"),
        ("mn", "Санхүүжилт байхгүй.", "governance"),
        ("fa", "بودجه کافی وجود ندارد.", "governance"),
        ("kk", "Ақбөкен санағы жүргізілмейді.", "science"),
        ("uz", "Hamkorlik yo'q.", "transboundary"),
        ("tg", "Маълумот нест.", "science"),
        ("en", "No compensation is paid to herders.", "community"),
    ],
)
def test_an_absent_resource_is_the_gap_and_still_tags(lang, text, theme):
    asserted, _ = _split(text, lang)
    assert theme in asserted, (text, asserted)


def test_a_gap_stated_with_its_own_negation_still_tags():
    # "not counted", "unknown": the negation inside the word is the gap, not a denial
    for lang, text in (("mn", "Аргалийн тоо толгойг сүүлийн арван жил тоолоогүй."),
                       ("ky", "Аркарлардын саны белгисиз.")):
        asserted, _ = _split(text, lang)
        assert "science" in asserted, text


def test_nobody_is_not_a_goat():
    # Kazakh ешкім (nobody) starts like ешкі (goat)
    asserted, negated = _split("Енді ешкім киік атпайды.", "kk")
    assert "livestock" not in asserted and "livestock" not in negated


def test_a_negated_resource_binds_the_negation_and_its_argument_stays():
    # "no funding for anti-poaching patrols": the funding is missing, poaching is real
    asserted, negated = _split("There is no control over poachers.", "en")
    assert {"governance", "poaching"} <= set(asserted)
    asserted, _ = _split("Нет контроля за браконьерами.", "ru")
    assert "poaching" in asserted


@pytest.mark.parametrize(
    ("lang", "text", "denied", "kept"),
    [
        ("en", "Poaching is no longer a problem, but the new fence blocks the gazelles.",
         "poaching", "infrastructure"),
        ("ru", "Перевыпас больше не является проблемой, а вот засуха усиливается.",
         "livestock", "climate"),
        ("zh", "偷猎已经不是问题了，但是围栏挡住了羚羊。", "poaching", "infrastructure"),
        ("mn", "Хулгайн ан асуудал биш, харин ган жил бүр болж байна.", "poaching", "climate"),
        ("fa", "شکار دیگر مشکلی نیست، اما خشکسالی چشمه ها را خشک کرده است.",
         "poaching", "climate"),
        ("en", "There is no poaching in our district and no problem with livestock, "
         "but the road is new.", "livestock", "infrastructure"),
        ("en", "It's not overgrazing, it's that there is no money to pay rangers.",
         "livestock", "governance"),
        ("ru", "Дело не в климате, а в том, что у инспекции нет бензина.",
         "climate", "governance"),
        # a possessive before the denied noun does not stop the denial
        ("en", "It's not the herders' dogs, it's that there is no money to pay rangers.",
         "livestock", "governance"),
        ("kk", "Бізде браконьерлік тоқтады, бірақ мал көп, жайылым жетпейді.",
         "poaching", "livestock"),
    ],
)  # fmt: skip
def test_contrast_ends_the_negation_scope(lang, text, denied, kept):
    asserted, negated = _split(text, lang)
    assert denied in negated and denied not in asserted
    assert kept in asserted


def test_a_plain_not_reaches_the_verb_and_its_object_only():
    # the courts fail; the poaching they fail to punish is real
    asserted, _ = _split("Суды не доводят дела о незаконной охоте до приговора.", "ru")
    assert "poaching" in asserted


def test_persian_bi_negates_only_the_next_word():
    asserted, _ = _split("چرای بی رویه دام مراتع را نابود کرده است.", "fa")
    assert "livestock" in asserted


def test_scopes_stop_at_clause_boundaries_and_cues_report_their_family():
    found = scopes(normalise("No poaching here. Fences everywhere."), "en")
    assert [(s.family, s.direction) for s in found] == [("no", "after")]
    assert found[0].end <= len("no poaching here")


def test_tag_texts_keeps_negated_themes_visible_but_untagged():
    texts = pd.DataFrame(
        {
            "text": [
                "There is no poaching in our district and no problem with livestock.",
                "Браконьерства нет, но дорога перекрыла путь джейранам.",
            ],
            "lang": ["en", "ru"],
        }
    )
    tagged = tag_texts(texts)
    assert tagged.loc[0, "themes"] == ""
    assert set(tagged.loc[0, "negated"].split(";")) == {"poaching", "livestock"}
    assert "poaching (negated): poaching [no]" in tagged.loc[0, "evidence"]
    assert tagged.loc[0, "abstain_reason"] == ""  # a denial is an answer, not a non-answer
    assert tagged.loc[1, "themes"] == "infrastructure"
    assert tagged.loc[1, "negated"] == "poaching"


@pytest.mark.parametrize(("family", "lang", "text", "theme"), NEGATED)
def test_the_quick_cue_filter_lets_every_example_through(family, lang, text, theme):
    from analysis.negation import may_hold_cue
    from analysis.text import words

    clean = normalise(text)
    assert may_hold_cue(lang, words(clean), clean)


@pytest.mark.parametrize(
    ("lang", "text", "theme"),
    [
        ("en", "Not only poaching but also overgrazing hurts the saiga.", "poaching"),
        ("ru", "Не только браконьерство, но и перевыпас вредит сайгаку.", "poaching"),
        ("zh", "不少牧民反映偷猎不断增加。", "poaching"),
        ("fa", "نه تنها شکار غیرمجاز بلکه چرای دام هم مشکل است.", "poaching"),
        ("kk", "Браконьерлік қана емес, жайылым да мәселе.", "poaching"),
        ("tg", "На танҳо шикори ғайриқонунӣ, балки чорвои зиёд ҳам мушкил аст.", "poaching"),
        # жабады (closes) ends like the negative -бады, but after a vowel the negative is
        # -мады: only a consonant before б or п makes the negative suffix
        ("kk", "Темір жол мен қоршаулар киіктің жолын жабады.", "infrastructure"),
    ],
)
def test_phrases_that_look_like_negation_but_are_not_leave_terms_asserted(lang, text, theme):
    asserted, _ = _split(text, lang)
    assert theme in asserted, (text, asserted)


@pytest.mark.parametrize(
    ("lang", "text", "theme"),
    [
        ("en", "Nobody stops the poachers.", "poaching"),
        ("en", "There is no action against poachers.", "poaching"),
        ("en", "Rangers do not arrest poachers.", "poaching"),
        ("ru", "Никто не останавливает браконьеров.", "poaching"),
        ("ru", "Полиция не ловит браконьеров.", "poaching"),
        ("ru", "Нет никаких мер против браконьеров.", "poaching"),
        ("fa", "هیچ اقدامی علیه شکارچیان غیرمجاز انجام نمی شود.", "poaching"),
    ],
)
def test_denied_action_against_a_problem_leaves_the_problem_asserted(lang, text, theme):
    asserted, _ = _split(text, lang)
    assert theme in asserted, (text, asserted)


def test_no_cases_of_a_problem_still_denies_it():
    _, negated = _split("There were no cases of poaching this year.", "en")
    assert "poaching" in negated


def test_never_before_a_verb_of_action_does_not_deny_its_subject():
    asserted, _ = _split("Poachers with connections never go to court.", "en")
    assert "poaching" in asserted
    _, negated = _split("Snares have never been seen here.", "en")
    assert "poaching" in negated


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I am not sure what to write here about poaching."),
        ("ru", "Не могу ответить на этот вопрос о браконьерстве."),
        ("zh", "关于偷猎我没什么可说的。"),
        ("zh", "我对盗猎一无所知。"),
        ("mn", "Хулгайн антай холбоотой мэдээлэл надад алга."),
        ("fa", "درباره شکار غیرمجاز چیزی نمی‌دانم."),
        ("kk", "Браконьерлік туралы ештеңе білмеймін."),
        ("ky", "Браконьерлик жөнүндө эч нерсе билбейм."),
        ("uz", "Brakonerlik haqida hech narsa bilmayman."),
        ("tg", "Дар бораи шикори ғайриқонунӣ чизе намедонам."),
    ],
)
def test_saying_one_knows_nothing_about_a_theme_does_not_tag_it(lang, text):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": [lang], "text": [text]}))
    assert tagged.loc[0, "themes"] == "", (text, tagged.loc[0, "evidence"])


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("kk", "Мен браконьерлік туралы естіген жоқпын."),
        ("ky", "Браконьерлик жөнүндө уккан жокмун."),
        ("uz", "Brakonerlik haqida eshitmadim."),
        ("mn", "Хулгайн ангийн тухай сонсоогүй."),
    ],
)
def test_not_having_heard_about_a_problem_denies_it_across_the_postposition(lang, text):
    asserted, negated = _split(text, lang)
    assert "poaching" not in asserted and "poaching" in negated, text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("kk", "Браконьерлікке қарсы ешқандай шара қабылданбайды."),
        ("mn", "Хулгайн анчдын эсрэг арга хэмжээ авдаггүй."),
    ],
)
def test_no_measure_against_a_problem_leaves_it_asserted(lang, text):
    asserted, _ = _split(text, lang)
    assert "poaching" in asserted, text


@pytest.mark.parametrize(
    ("lang", "text", "theme"),
    [
        # untouched by X, spared from X: a denial of X
        ("en", "Our gazelles are unaffected by poaching.", "poaching"),
        ("en", "The valley has been spared from overgrazing.", "livestock"),
        ("en", "The herd is not threatened by roads here.", "infrastructure"),
        ("en", "The area remains untouched by mining.", "infrastructure"),
        ("ru", "Сайгаки у нас не страдают от браконьерства.", "poaching"),
        ("ru", "Заповедник не затронут добычей полезных ископаемых.", "infrastructure"),
        ("zh", "这里的黄羊免受盗猎威胁。", "poaching"),
        ("zh", "保护区没有受到放牧的影响。", "livestock"),
        ("fa", "آهوها اینجا از شکار در امان هستند.", "poaching"),
        ("fa", "منطقه از چرای دام مصون مانده است.", "livestock"),
        ("mn", "Манай нутагт хулгайн ангийн аюул заналхийлэлгүй.", "poaching"),
        # a negated verb phrase with its subject: nobody sets snares, the mine has closed
        ("ru", "Никто не ставит петли.", "poaching"),
        ("zh", "矿山已经关闭了。", "infrastructure"),
    ],
)
def test_a_target_spared_from_a_threat_or_a_threat_that_ended_is_denied(lang, text, theme):
    asserted, negated = _split(text, lang)
    assert theme not in asserted and theme in negated, (text, asserted)


@pytest.mark.parametrize(
    ("lang", "text", "past", "now"),
    [
        ("en", "Poaching used to be the main problem, but now it is the drought.",
         "poaching", "climate"),
        ("en", "Before, poachers came every winter; now the real issue is the railway fence.",
         "poaching", "infrastructure"),
        ("ru", "Раньше главной бедой было браконьерство, а теперь — засуха.",
         "poaching", "climate"),
        ("zh", "过去偷猎很严重，如今主要是围栏挡路。", "poaching", "infrastructure"),
        ("mn", "Урьд нь хулгайн ан их байсан, харин одоо ган гачиг гол асуудал болсон.",
         "poaching", "climate"),
        ("fa", "قبلاً شکار غیرمجاز مشکل اصلی بود، اما الان خشکسالی مشکل اصلی است.",
         "poaching", "climate"),
        ("kk", "Бұрын браконьерлік басты мәселе еді, қазір құрғақшылық басты қауіп.",
         "poaching", "climate"),
        ("ky", "Мурда браконьерлик негизги көйгөй болчу, азыр кургакчылык.", "poaching", "climate"),
        ("uz", "Ilgari brakonerlik asosiy muammo edi, hozir esa qurg'oqchilik.",
         "poaching", "climate"),
        ("tg", "Пештар шикори ғайриқонунӣ мушкили асосӣ буд, ҳоло хушксолӣ.",
         "poaching", "climate"),
    ],
)  # fmt: skip
def test_a_past_contrasted_with_a_present_threat_is_over(lang, text, past, now):
    asserted, negated = _split(text, lang)
    assert negated.get(past) == {"used to"} and past not in asserted, (asserted, negated)
    assert now in asserted
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": [lang], "text": [text]}))
    assert tagged.loc[0, "themes"] == now


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the past goes on ("still", "тоже", "也")
        ("en", "Poaching used to be bad, and now it is still a problem along with the drought."),
        ("ru", "Раньше браконьеры были, и сейчас они тоже есть, и засуха."),
        ("zh", "以前偷猎很严重，现在也还有偷猎和干旱。"),
        # a now-clause that names nothing else: the past thing has grown or come back
        ("ru", "Раньше браконьеров было мало, а сейчас их много."),
        ("en", "Dzud used to come about once in ten years; we've now had six in a decade."),
    ],
)
def test_a_past_that_goes_on_or_grows_is_not_over(lang, text):
    _, negated = _split(text, lang)
    assert not any("used to" in families for families in negated.values()), negated


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        # the topic echoed as a question, then said to be gone
        ("Капканы-то? Да перевелись давно, уже лет пять никто не ставит.", "poaching"),
        ("Плотина? Так её ещё в девяностые разобрали.", "infrastructure"),
        # a negated verb of harm: neither the subject nor what it harms is a problem
        ("Засуха джейранов у нас особо не губит.", "climate"),
        ("Дорога пути миграции сайгака не затрагивает.", "infrastructure"),
        ("Перевыпас нас не беспокоит.", "livestock"),
        # the object before its verb: "угрозы … не представляют"
        ("Ни волки, ни браконьеры угрозы для архара не представляют.", "poaching"),
        # nobody hunts or grazes there: the verb's adjuncts go with it
        ("У нас на кулана никто не охотится и скот туда не пасёт.", "poaching"),
        ("У нас на кулана никто не охотится и скот туда не пасёт.", "livestock"),
        # what does not suffer from a threat is no problem either
        ("Пастбища у нас от засухи не страдают.", "livestock"),
        # what is no longer found, and where
        ("Мёртвых сайгаков в проволоке уже не находим.", "infrastructure"),
        ("Засухи у нас отродясь не бывало.", "climate"),
        ("Браконьеров у нас не стало.", "poaching"),
    ],
)
def test_russian_denials_by_gone_harmless_and_nobody(text, theme):
    asserted, negated = _split(text, "ru")
    assert theme not in asserted and theme in negated, (text, asserted, negated)


@pytest.mark.parametrize(
    "text",
    [
        "Браконьерство? Хм, трудно сказать, я тут недавно.",
        "Про заборы спросите у егерей.",
        "Это вы не ко мне, это в инспекцию.",
    ],
)
def test_russian_echoed_question_or_redirect_without_an_answer_tags_nothing(text):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["ru"], "text": [text]}))
    assert tagged.loc[0, "themes"] == "", (text, tagged.loc[0, "evidence"])


def test_russian_nobody_stopping_poachers_still_asserts_poaching():
    asserted, _ = _split("Инспекторы не мешают браконьерам, никто их не ловит.", "ru")
    assert "poaching" in asserted


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Скота у нас мало, перевыпаса нет.", "livestock"),
        ("Раньше браконьеров было много, а сейчас их почти не осталось.", "poaching"),
        ("Браконьеры? Их здесь нет.", "poaching"),
        ("Со скотом у нас всё в порядке.", "livestock"),
        ("Засуха последние годы нас миновала.", "climate"),
        ("Железная дорога сайгаку не помеха.", "infrastructure"),
        ("Браконьерство — это не про нас.", "poaching"),
        ("Охотники к нам не ездят.", "poaching"),
        ("Трасса здесь никому не мешает.", "infrastructure"),
    ],
)
def test_russian_few_gone_fine_and_harmless_deny_the_problem(text, theme):
    asserted, negated = _split(text, "ru")
    assert theme not in asserted and theme in negated, (text, asserted, negated)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        # a scarce resource is the gap itself
        ("Пастбищ мало, скот голодает.", "livestock"),
        # "мало" after "and" at a clause's end says nothing of what came before
        ("Зимой глубокий снег и мало корма.", "climate"),
        ("Инспекторов мало, а браконьеров много.", "poaching"),
    ],
)
def test_russian_few_does_not_deny_a_resource_or_what_it_does_not_qualify(text, theme):
    asserted, _ = _split(text, "ru")
    assert theme in asserted, (text, asserted)


@pytest.mark.parametrize(
    "text",
    [
        "Понятия не имею, есть ли у нас браконьеры.",
        "Не знаю, были ли у нас когда-нибудь заборы.",
        "Про заборы лучше спросить у егерей.",
        "Я не специалист по пастбищам, ничего сказать не могу.",
        "Кто его знает, может и есть браконьеры, может нет.",
        "Про браконьеров я не буду.",
    ],
)
def test_russian_ignorance_with_its_question_or_a_redirect_tags_nothing(text):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["ru"], "text": [text]}))
    assert tagged.loc[0, "themes"] == "", (text, tagged.loc[0, "evidence"])


def test_russian_not_knowing_why_nothing_is_done_still_tags():
    tagged = tag_texts(
        pd.DataFrame({"id": ["1"], "lang": ["ru"], "text": ["Не знаю, почему браконьеров не ловят."]})
    )
    assert "poaching" in tagged.loc[0, "themes"]


@pytest.mark.parametrize(
    ("text", "denied", "kept"),
    [
        # the explanation of a denial goes with it
        ("С водопоями у нас проблем нет: колодцев много, скот сыт.", "livestock", ""),
        ("Заборы — не проблема, сетку давно сняли, проходы есть.", "infrastructure", ""),
        ("Пастбища от засухи не страдают: дожди были, трава стоит.", "climate", ""),
        # ... unless it turns to another problem
        ("Браконьерство не проблема: проблема в заборах.", "poaching", "infrastructure"),
        ("Засуха не беда, а вот дорога губит джейранов.", "climate", "infrastructure"),
    ],
)
def test_russian_denial_takes_its_explanation_but_not_a_turn_to_another_problem(
    text, denied, kept
):
    asserted, negated = _split(text, "ru")
    assert denied not in asserted and denied in negated, (text, asserted)
    if kept:
        assert kept in asserted, (text, asserted)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Конфликтов между чабанами и инспекторами у нас нет.", "community"),
        ("Конфликтов между чабанами и инспекторами у нас нет.", "governance"),
        ("Угрозы от скота для архара я не вижу.", "livestock"),
        ("Мы не видим угрозы от туристов.", "community"),
        ("Дороги тут ни при чём.", "infrastructure"),
        ("Волков у нас почти не осталось.", "community"),
        ("Рудник закрыли ещё в девяностые.", "infrastructure"),
        ("Газопровод прошёл стороной.", "infrastructure"),
        ("Линия электропередачи архарам не мешает.", "infrastructure"),
        ("Браконьеры сюда не суются: кордон рядом, егеря объезжают участок.", "governance"),
    ],
)
def test_russian_conflicts_threats_and_gone_things_denied(text, theme):
    asserted, negated = _split(text, "ru")
    assert theme not in asserted and theme in negated, (text, asserted, negated)


def test_russian_law_not_hindering_poachers_still_asserts_poaching():
    asserted, _ = _split("Закон браконьерам не мешает.", "ru")
    assert "poaching" in asserted


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Ни местные жители, ни приезжие охотники на джейрана не ходят.", "community"),
        ("Ни местные жители, ни приезжие охотники на джейрана не ходят.", "poaching"),
        ("Про контрабанду рогов я впервые слышу.", "poaching"),
        ("Браконьерство ушло в прошлое.", "poaching"),
        ("Джуты остались в прошлом.", "climate"),
        ("Раньше рудник пылил, теперь его закрыли.", "infrastructure"),
        ("Никакого давления со стороны скотоводов архар не испытывает.", "livestock"),
        ("Проблемы с волками давно решены.", "community"),
        ("Заповедник от дорог и заборов свободен.", "infrastructure"),
        ("Горнорудных работ в районе не ведётся.", "infrastructure"),
    ],
)
def test_russian_past_solved_free_and_neither_subject_denied(text, theme):
    asserted, negated = _split(text, "ru")
    assert theme not in asserted and theme in negated, (text, asserted, negated)


def test_russian_neither_of_the_guards_catching_poachers_still_asserts_poaching():
    asserted, _ = _split("Ни полиция, ни егеря браконьеров не ловят.", "ru")
    assert "poaching" in asserted


def test_russian_not_fewer_is_not_gone():
    asserted, _ = _split("Браконьеров не стало меньше, наоборот.", "ru")
    assert "poaching" in asserted


def test_russian_not_knowing_how_many_still_says_there_are_some():
    asserted, _ = _split("Сложно сказать, сколько браконьеров, но их много.", "ru")
    assert "poaching" in asserted


def test_russian_having_no_effect_on_poachers_still_asserts_poaching():
    asserted, _ = _split("Инспекция на браконьеров никак не влияет.", "ru")
    assert "poaching" in asserted


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        # a denial followed by an unmarked turn to another problem keeps that problem
        ("Браконьерство не проблема, заборы вдоль трассы убивают сайгаков.", "infrastructure"),
        ("Засуха не беда, скот всё съел на пастбищах.", "livestock"),
        ("С финансированием проблем нет, зарплата инспекторов маленькая.", "governance"),
        # nobody going on raids, and neither the police nor rangers hindering poachers
        ("Никто у нас не ходит в рейды, инспекторов нет.", "governance"),
        ("Ни полиция, ни егеря браконьерам не мешают.", "poaching"),
    ],
)
def test_russian_denial_does_not_swallow_a_complaint(text, theme):
    asserted, _ = _split(text, "ru")
    assert theme in asserted, (text, asserted)


def test_russian_the_authorities_not_caring_is_a_complaint_but_we_not_caring_a_denial():
    asserted, _ = _split("Власти браконьерство не беспокоит.", "ru")
    assert "poaching" in asserted
    asserted, negated = _split("Перевыпас нас особо не беспокоит.", "ru")
    assert "livestock" not in asserted and "livestock" in negated


@pytest.mark.parametrize(
    "text",
    ["Браконьерам ничего не грозит.", "Браконьерам у нас ничего не грозит, штрафы смешные."],
)
def test_russian_impunity_of_poachers_is_not_a_denial(text):
    asserted, _ = _split(text, "ru")
    assert "poaching" in asserted, (text, asserted)


def test_russian_nothing_threatens_the_animals_is_a_denial():
    asserted, negated = _split("Засуха сайгакам ничем не грозит.", "ru")
    assert "climate" not in asserted and "climate" in negated
