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
        ("tk", "Sag boluň", "thanks"),
        ("en", "I don't know anything about poaching.", "don't know"),
        ("ru", "Ничего не знаю о браконьерстве.", "don't know"),
        ("ru", "Затрудняюсь ответить", "don't know"),
        ("zh", "不知道", "don't know"),
        ("mn", "Мэдэхгүй байна", "don't know"),
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
