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
        ("ru", "Сложно сказать, понятия не имею.", "don't know"),
        ("ru", "Это вы не по адресу.", "don't know"),
        ("ru", "Я не специалист, ничего сказать не могу.", "don't know"),
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
