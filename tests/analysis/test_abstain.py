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
