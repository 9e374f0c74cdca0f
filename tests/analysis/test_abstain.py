"""Non-answers (analysis.abstain): no theme is forced on thanks, "don't know" or "-"."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.abstain import abstain_reason
from analysis.tagging import tag_texts


@pytest.mark.parametrize(
    ("lang", "text", "reason"),
    [
        ("en", "Thank you for the survey!", "thanks"),
        ("en", "Thanks a lot, good questionnaire", "thanks"),
        ("ru", "Спасибо за опрос!", "thanks"),
        ("zh", "谢谢！", "thanks"),
        ("mn", "Баярлалаа", "thanks"),
        ("fa", "با تشکر", "thanks"),
        ("kk", "Рахмет", "thanks"),
        ("tk", "Sag boluň", "thanks"),
        ("en", "I don't know anything about poaching.", "don't know"),
        ("ru", "Ничего не знаю о браконьерстве.", "don't know"),
        ("ru", "Затрудняюсь ответить", "don't know"),
        ("zh", "不知道", "don't know"),
        ("mn", "Мэдэхгүй байна", "don't know"),
        ("mn", "Би мэдэхгүй ээ, Дорждоос асуугаарай, тэр л хээр явдаг.", "don't know"),
        ("mn", "Ган уу? Сайн мэдэхгүй юм даа, би энд ирээд удаагүй байна.", "don't know"),
        ("mn", "Сонирхолтой судалгаа байна, баярлалаа.", "thanks"),
        ("mn", "Хэлэхэд их хэцүү юм.", "don't know"),
        ("mn", "Ган, зуд... би мэдэхгүй.", "don't know"),
        ("mn", "Хашааны тухайд төмөр замын компаниас асуугаарай, тэд мэднэ.", "don't know"),
        ("mn", "Юу гэх вэ дээ, бүү мэд.", "don't know"),
        ("mn", "Би ярих эрхгүй, хариулахаас татгалзъя.", "no comment"),
        ("fa", "نمی دانم", "don't know"),
        ("uz", "Bilmayman", "don't know"),
        ("ky", "Билбейм", "don't know"),
        ("tg", "Намедонам", "don't know"),
        ("en", "No comment.", "no comment"),
        ("ru", "Без комментариев", "no comment"),
        ("mn", "Санал алга", "no comment"),
        ("ru", "Спасибо, вопросов нет.", "thanks"),
        ("ru", "Всё нормально.", "no comment"),
        ("en", "No further questions.", "no comment"),
        ("ky", "Рахмат, суроо жок.", "thanks"),
        ("kk", "Сұрағым жоқ.", "no comment"),
        ("uz", "Savolim yo'q", "no comment"),
        ("tg", "Саволе нест", "no comment"),
        ("mn", "Асуулт алга", "no comment"),
        ("en", "n/a", "placeholder"),
        ("ru", "нет", "placeholder"),
        ("en", "-", "empty"),
        ("en", "...", "empty"),
        ("en", "   ", "empty"),
        # the question sent elsewhere: "ask the inspection, they will tell you"
        ("kk", "Оны білмеймін. Аудандық инспекциядан сұраңыз, олар айтып береді.", "don't know"),
        ("ky", "Билбейм, айыл өкмөтүнө кайрылыңыз.", "don't know"),
        ("uz", "Bilmayman, qo'riqxona direktoriga murojaat qiling.", "don't know"),
        ("tg", "Намедонам, аз идораи мамнӯъгоҳ пурсед.", "don't know"),
        # "I have nothing to say about it", "not my field", "unknown to me"
        ("kk", "Браконьерлік туралы айтарым жоқ.", "don't know"),
        ("ky", "Мага белгисиз, бул менин тармагым эмес.", "don't know"),
        ("uz", "Bilmadim, bu mening sohamdan emas.", "don't know"),
        ("tg", "Дар бораи шикор иттилоъ надорам.", "don't know"),
        # "I can't answer this question", "sorry, I can't talk about it"
        ("kk", "Білмеймін, бұл сұраққа жауап бере алмаймын.", "don't know"),
        ("ky", "Бул суроого жооп бере албайм.", "don't know"),
        ("uz", "Kechirasiz, bu haqda gapira olmayman.", "don't know"),
        ("tg", "Бубахшед, дар бораи шикор гап зада наметавонам.", "don't know"),
        ("tg", "Ташаккур, дигар гуфтание надорам.", "don't know"),
        # a topic echoed as a question and left with "what can I add?"
        ("kk", "Киік туралы ма? Е-е, киік... Көп айтылды ғой, мен не қосайын.", "don't know"),
        ("ky", "Мал дейсизби? Ооба, мал, мал. Баары ушуну айтат, мен эмне деймин.", "don't know"),
        ("uz", "Chorva haqidami? Ha, chorva... Ko'p gapirildi, men nima ham derdim.", "don't know"),
        ("tg", "Чорво? Бале, чорво... Бисёр гуфтанд, ман чӣ гӯям.", "don't know"),
        ("ru", "Сложно сказать, понятия не имею.", "don't know"),
        ("ru", "Это вы не по адресу.", "don't know"),
        ("ru", "Я не специалист, ничего сказать не могу.", "don't know"),
    ],
)
def test_non_answers_abstain_with_their_reason(lang, text, reason):
    assert abstain_reason(text, lang) == reason


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Thanks. Poaching is the main problem."),
        ("en", "I don't know about poaching, but the fences kill gazelles."),
        ("ru", "Не знаю, но засуха каждый год сильнее."),
        ("en", "We don't know how many saiga are left."),
        ("en", "There is no poaching here."),
        ("mn", "Баярлалаа. Бэлчээр доройтсон."),
        # an echoed topic answered with a complaint is not a non-answer
        ("kk", "Браконьерлік туралы ма? Иә, браконьерлер көп, инспектор жоқ, мен не айтайын."),
    ],
)
def test_a_text_that_says_something_does_not_abstain(lang, text):
    assert abstain_reason(text, lang) == ""


def test_tag_texts_gives_non_answers_no_theme_and_a_reason():
    texts = pd.DataFrame(
        {
            "text": [
                "Thank you for the survey",
                "I don't know anything about poaching",
                "-",
                "I don't know about poaching, but the fences kill gazelles.",
                "We don't know how many saiga are left.",
            ],
            "lang": ["en"] * 5,
        }
    )
    tagged = tag_texts(texts)
    assert tagged["theme"].tolist()[:3] == ["", "", ""]
    assert tagged["abstain_reason"].tolist() == ["thanks", "don't know", "empty", "", ""]
    assert tagged["confidence"].tolist()[:3] == [0.0, 0.0, 0.0]
    assert tagged.loc[3, "themes"] == "infrastructure"
    assert tagged.loc[4, "themes"] == "science"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # a question back about the survey, even naming a theme
        ("Who is funding this questionnaire? The government or some foreign fund?", "no comment"),
        ("Why do you want to know? Are you from the ministry?", "no comment"),
        # a refusal, in the first person or reported
        ("I'd rather not talk about the poachers.", "no comment"),
        ("The herder declined to answer the questions.", "no comment"),
        # the asker sent elsewhere
        ("You should ask the rangers, they are the ones who patrol the border.", "don't know"),
        # a theme echoed and not answered
        ("Fences? No idea.", "don't know"),
        ("Roads, mines, wolves... I honestly can't say.", "don't know"),
        # more questions back, refusals and referrals
        ("What will you do with my answers? Will the ministry read them?", "no comment"),
        ("Who gave you permission to ask about the border?", "no comment"),
        ("I'm not going to answer that. Next question.", "no comment"),
        ("The ranger did not wish to comment on the poachers.", "no comment"),
        ("She said she had nothing to say to outsiders and walked off.", "no comment"),
        ("That's a question for the scientists, not for me.", "don't know"),
        # a topic only echoed
        ("Fences, you're asking about fences.", "don't know"),
        ("Poaching. Poaching, you say.", "don't know"),
        # a question back about what the question means
        ("What do you mean by the border, the Chinese one or the Kazakh one?", "no comment"),
        # a question back without its auxiliary, and a follow-up that starts with "you"
        ("Why you ask about the fences? You are from the ministry?", "no comment"),
        ("Who will read this? The inspection?", "no comment"),
        # not a specialist, and a referral after a comma
        ("I am not specialist in this, ask the veterinarian.", "don't know"),
        ("It is not my competence, better to ask the hunting society.", "don't know"),
        ("That question is for the akimat, not for me.", "don't know"),
        # questions back opened by "for which", about collecting; a question addressed elsewhere
        ("For what purpose you collect these answers about the rangers?", "no comment"),
        ("This is question to the veterinary service.", "don't know"),
        # not remembering an echoed topic
        ("Heavy snow... I don't remember.", "don't know"),
        # prefer not to say about a topic
        ("I prefer not to say about the border guards.", "no comment"),
        # someone else knows better, go to an office, only a visitor here
        ("The inspectors know better about the snares.", "don't know"),
        ("Go to the district akimat.", "don't know"),
        # thanks for something that names a theme
        ("Thank you for caring about our wild sheep and the pastures.", "thanks"),
    ],
)
def test_english_non_answers_that_name_a_theme_get_no_theme(text, reason):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["en"], "text": [text]}))
    assert tagged.loc[0, "themes"] == "", (text, tagged.loc[0, "evidence"])
    assert tagged.loc[0, "abstain_reason"] == reason, text


@pytest.mark.parametrize(
    "text",
    [
        "Who is paying for this survey? Why does nobody stop the poachers?",
        "Thanks for the survey, but poaching is terrible here.",
        "We ask the government to stop the new mine.",
        "Who is paying for this survey? Will anyone stop the poachers?",
        "Poaching, poaching and more poaching, that is our life.",
    ],
)
def test_english_questions_and_thanks_beside_a_statement_keep_it(text):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["en"], "text": [text]}))
    assert tagged.loc[0, "themes"] != "", text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # the respondent sends the interviewer to someone else
        ("I really can't say. Ask my father, he's the one who takes the herd to the "
         "summer pastures.", "don't know"),
        ("Ask the rangers, they know about the poachers.", "don't know"),
        ("Ask my husband.", "don't know"),
        # declining to answer
        ("I'd rather not answer that.", "no comment"),
    ],
)  # fmt: skip
def test_english_deferrals_questions_back_and_refusals_abstain(text, reason):
    assert abstain_reason(text, "en") == reason
    tagged = tag_texts(pd.DataFrame({"text": [text], "lang": ["en"]}))
    assert tagged.loc[0, "themes"] == "", tagged.loc[0, "evidence"]


@pytest.mark.parametrize(
    "text",
    [
        "Ask the herders, they will tell you the wolves take their sheep every winter.",
        "Will the ministry ever stop the poachers?",
        "I'm a herder, I don't know about science, but the wolves kill our sheep.",
    ],
)
def test_english_texts_near_those_non_answers_still_say_something(text):
    tagged = tag_texts(pd.DataFrame({"text": [text], "lang": ["en"]}))
    assert tagged.loc[0, "themes"] != "", text


@pytest.mark.parametrize(
    "text",
    [
        # the topic echoed, then "I can't say", "I don't understand such things"
        "气候变化？这个……我真说不上来。",
        "偷猎？这个我不清楚。",
        # not answering: asking back, "ask someone else", "I can't disclose that"
        "你问这个干什么？你们是哪个单位派来的？",
        "这个问题不好回答，你去问林业局吧。",
        "不方便透露。",
        # "how would I know", "I don't remember"
        "问我？我哪知道这些，你问问别人吧。",
        "嗯……这个嘛，记不清了。",
    ],
)
def test_chinese_ways_of_not_answering_get_no_theme(text):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["zh"], "text": [text]}))
    assert tagged.loc[0, "themes"] == "" and tagged.loc[0, "abstain_reason"], text


def test_a_chinese_question_back_followed_by_a_statement_still_says_it():
    text = "你问这个干啥？偷猎的多得很。"
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["zh"], "text": [text]}))
    assert "poaching" in tagged.loc[0, "themes"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("والا نمی‌دونم.", "don't know"),
        ("نمیدونم", "don't know"),
        ("راستش خبر ندارم.", "don't know"),
        ("من از این مسائل سر در نمیارم.", "don't know"),
        ("تخصص من نیست.", "don't know"),
        ("مطمئن نیستم.", "don't know"),
        # sent on to someone who knows better
        ("از رئیس پاسگاه بپرسید، ایشان بهتر می‌دانند.", "don't know"),
        ("من تازه امسال اومدم، چیزی نمی‌دونم.", "don't know"),
        ("چیزی به ذهنم نمی‌رسد.", "no comment"),
        ("حرف دیگه‌ای ندارم.", "no comment"),
        ("دستتون درد نکنه، خسته نباشید.", "thanks"),
        ("مرسی", "thanks"),
    ],
)
def test_persian_non_answers_written_and_colloquial(text, reason):
    assert abstain_reason(text, "fa") == reason


@pytest.mark.parametrize(
    "text",
    [
        "نمی‌دونم، ولی خشکسالی هر سال بدتر می‌شه.",
        "از دامدارها بپرسید، گله‌ها همه‌ی مرتع را خورده‌اند.",
    ],
)
def test_persian_texts_that_say_something_do_not_abstain(text):
    assert abstain_reason(text, "fa") == ""


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("یادم نیست والا.", "don't know"),
        ("به من ربطی نداره، از دهیار بپرسید.", "don't know"),
        ("من فقط یه راننده‌ام، از محیط‌بانا بپرسید.", "don't know"),
        ("من اهل این منطقه نیستم.", "don't know"),
        ("ببخشید الان وقت ندارم، باید برم.", "no comment"),
        ("سلام، خوش اومدین، بفرمایید چای.", "thanks"),
    ],
)
def test_more_persian_non_answers(text, reason):
    assert abstain_reason(text, "fa") == reason


@pytest.mark.parametrize(
    ("lang", "text", "reason"),
    [
        # greetings and farewells
        ("kk", "Сәлеметсіз бе! Рахмет, сау болыңыз.", "thanks"),
        ("ky", "Саламатсызбы! Рахмат, жакшы калыңыз.", "thanks"),
        ("uz", "Assalomu alaykum! Rahmat, sog' bo'ling.", "thanks"),
        ("tg", "Ассалому алайкум! Ташаккур, саломат бошед.", "thanks"),
        # a refusal that names the topic
        ("kk", "Браконьерлер туралы айтқым келмейді.", "no comment"),
        ("ky", "Браконьерлер жөнүндө айткым келбейт.", "no comment"),
        ("uz", "Brakonerlar haqida gapirgim kelmaydi.", "no comment"),
        ("tg", "Дар бораи шикорчиён гап задан намехоҳам.", "no comment"),
        # a question back at the asker
        ("kk", "Браконьерлік туралы неге сұрайсыз? Сізді кім жіберді?", "no comment"),
        ("ky", "Браконьерлик жөнүндө эмне үчүн сурап жатасыз?", "no comment"),
        ("uz", "Brakonerlik haqidagi so'rovnoma kimga kerak?", "no comment"),
        ("tg", "Чаро дар бораи шикори ғайриқонунӣ мепурсед?", "no comment"),
        # thanks for asking about a topic
        ("kk", "Браконьерлік туралы сұрағаныңызға рахмет.", "thanks"),
        ("ky", "Браконьерлик жөнүндө сураганыңыз үчүн рахмат.", "thanks"),
        ("uz", "Brakonerlik haqida so'raganingiz uchun rahmat.", "thanks"),
        ("tg", "Ташаккур, ки дар бораи шикори ғайриқонунӣ мепурсед.", "thanks"),
        # a topic echoed and left with "I don't know"
        ("kk", "Браконьерлік пе? Браконьерлік... білмеймін.", "don't know"),
        ("uz", "Brakonerlikmi? Brakonerlik... bilmayman.", "don't know"),
    ],
)  # fmt: skip
def test_central_asian_non_answers_that_name_a_theme_get_no_theme(lang, text, reason):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": [lang], "text": [text]}))
    assert tagged.loc[0, "themes"] == "", (text, tagged.loc[0, "evidence"])
    assert tagged.loc[0, "abstain_reason"] == reason, text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("kk", "Браконьерлер көп. Мен не істерімді білмеймін."),
        ("kk", "Неге үкімет браконьерлерді жазаламайды?"),
    ],
)
def test_central_asian_complaints_near_those_non_answers_keep_their_theme(lang, text):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": [lang], "text": [text]}))
    assert "poaching" in tagged.loc[0, "themes"], text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # not the one to ask: a newcomer, not a specialist
        ("kk", "Браконьерлер туралы мен мұнда жаңамын."),
        ("ky", "Мен бул жерге жакында көчүп келдим, браконьерлер жөнүндө билбейм."),
        ("uz", "Men mutaxassis emasman, to'siq haqida inspektordan so'rang."),
        ("tg", "Ман мутахассис нестам, дар бораи шикори ғайриқонунӣ чизе гуфта наметавонам."),
    ],
)
def test_central_asian_not_the_one_to_ask_gets_no_theme(lang, text):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": [lang], "text": [text]}))
    assert tagged.loc[0, "themes"] == "", (text, tagged.loc[0, "evidence"])
    assert tagged.loc[0, "abstain_reason"] == "don't know", text


def test_a_newcomer_who_still_names_a_threat_keeps_it():
    text = "Мен жергілікті емеспін, бірақ браконьерлер көп екенін білемін."
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["kk"], "text": [text]}))
    assert "poaching" in tagged.loc[0, "themes"]



@pytest.mark.parametrize(
    "text",
    [
        # thanks naming a theme, today's weather, a question back about the survey
        "谢谢你们老远过来关心围栏的事。",
        "今天风大，说不定晚上要下雪，你们路上慢点。",
        "你们统计这些是给谁看的？",
        # the topic only repeated, a referral with the topic first, a refusal
        "围栏的问题？围栏的问题嘛……",
        "草场的事你去找嘎查长问问。",
        "盗猎的事我不愿意多说。",
    ],
)
def test_more_chinese_non_answers_naming_a_theme_get_no_theme(text):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["zh"], "text": [text]}))
    assert tagged.loc[0, "themes"] == "", (text, tagged.loc[0, "evidence"])


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("谢谢你们。盗猎这几年又多了。", "poaching"),
        ("今年夏天特别旱，草都干死了。", "climate"),
    ],
)
def test_chinese_thanks_or_a_year_of_weather_beside_a_statement_keep_it(text, theme):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["zh"], "text": [text]}))
    assert theme in tagged.loc[0, "themes"], (text, tagged.loc[0, "evidence"])


@pytest.mark.parametrize(
    "text",
    [
        # thanks for coming to the village, and tea offered: the village is not a statement
        "خیلی ممنون که به روستای ما سر زدید. یه چای میل دارین؟",
        "از شما تشکر می‌کنم که درباره‌ی جاده و معدن پرسیدید.",
        "مرسی بابت این‌که تا قریه‌ی ما آمدید، بفرمایید داخل.",
    ],
)
def test_persian_thanks_for_something_and_hospitality_get_no_theme(text):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["fa"], "text": [text]}))
    assert tagged.loc[0, "themes"] == "", (text, tagged.loc[0, "evidence"])
    assert tagged.loc[0, "abstain_reason"] == "thanks", text


def test_persian_thanks_then_a_contrast_keeps_the_statement():
    text = "ممنون که به فکر آهوها هستید ولی شکار غیرمجاز هنوز زیاده."
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["fa"], "text": [text]}))
    assert tagged.loc[0, "themes"] == "poaching"



@pytest.mark.parametrize(
    "text",
    [
        # a question back, an echoed topic, small talk about today's weather
        "А зачем вам знать про заборы? Кто вас прислал?",
        "Перевыпас, говорите? Перевыпас...",
        "Проходите, садитесь, сегодня с утра буран, дороги замело.",
    ],
)
def test_russian_questions_back_echoes_and_small_talk_get_no_theme(text):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["ru"], "text": [text]}))
    assert tagged.loc[0, "themes"] == "", (text, tagged.loc[0, "evidence"])


def test_a_russian_question_about_why_nothing_is_done_still_says_it():
    text = "Почему вы не ловите браконьеров?"
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["ru"], "text": [text]}))
    assert "poaching" in tagged.loc[0, "themes"]


@pytest.mark.parametrize(
    "text",
    [
        # who the asker is, where the answers go, who sent them
        "ببخشید، شما از طرف اداره‌ی منابع طبیعی اومدین یا از دانشگاه؟",
        "جواب‌های ما رو برای وزارت می‌برید؟ دولت؟",
        "این پرسشنامه رو کی درباره‌ی معدن‌ها فرستاده؟",
    ],
)
def test_persian_questions_back_about_the_survey_get_no_theme(text):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["fa"], "text": [text]}))
    assert tagged.loc[0, "themes"] == "", (text, tagged.loc[0, "evidence"])
    assert tagged.loc[0, "abstain_reason"] == "no comment", text


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        # a question back, then a statement; a question about the threat itself
        ("شما از محیط زیست هستید؟ چرای دام مرتع رو از بین برده.", "livestock"),
        ("چرا کسی جلوی شکار غیرمجاز رو نمی‌گیره؟", "poaching"),
    ],
)
def test_persian_questions_that_still_say_something(text, theme):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["fa"], "text": [text]}))
    assert theme in tagged.loc[0, "themes"].split(";"), (text, tagged.loc[0, "evidence"])



@pytest.mark.parametrize(
    "text",
    [
        # ignorance with its question, a referral with the person first
        "Откуда мне знать, что там с петлями.",
        "Я водитель, про заборы мне откуда знать.",
        "Про засуху я не в курсе, вы у гидрологов спросите.",
        # refusals, in the first person and in a note
        "Не стану я про рога сайги рассказывать.",
        "Про браконьеров лучше не спрашивайте.",
        "Аким от комментариев по перевыпасу отказался.",
    ],
)
def test_russian_ignorance_referrals_and_refusals_naming_a_theme_get_no_theme(text):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["ru"], "text": [text]}))
    assert tagged.loc[0, "themes"] == "", (text, tagged.loc[0, "evidence"])


def test_a_russian_topic_echoed_with_the_rest_of_the_question_gets_no_theme():
    text = "Заборы на границе, говорите? Заборы..."
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["ru"], "text": [text]}))
    assert tagged.loc[0, "themes"] == "", tagged.loc[0, "evidence"]


@pytest.mark.parametrize(
    "text",
    [
        # the question passed on ("the ministry would know, not us") and the speaker's trade
        "Уурхайн асуудлыг аймгийнхан л мэдэх байх, биднээс биш.",
        "Би тогооч хүн. Зудын асуудлыг мэргэжлийнхэн нь мэдэх байх.",
        # the topic echoed as a question, then asked back
        "Хулгайн ан уу? Та яагаад энэ асуултыг надаас асууж байгаа юм бэ?",
    ],
)
def test_mongolian_questions_passed_on_or_asked_back_get_no_theme(text):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["mn"], "text": [text]}))
    assert tagged.loc[0, "themes"] == "", (text, tagged.loc[0, "evidence"])


def test_a_mongolian_theme_beside_a_question_passed_on_still_tags():
    text = "Хулгайн ан их байна. Уурхайн асуудлыг аймгийнхан мэдэх байх."
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": ["mn"], "text": [text]}))
    themes = tagged.loc[0, "themes"].split(";")
    assert "poaching" in themes and "infrastructure" not in themes, tagged.loc[0, "evidence"]


def test_mongolian_nothing_to_say_about_it_is_no_comment():
    assert abstain_reason("Үүний талаар хэлэх юм байхгүй.", "mn") == "no comment"
    assert abstain_reason("Энэ талаар хэлэх зүйл алга, харин ган их.", "mn") == ""
