"""Threat tagging: the lexicon matcher (analysis.lexicon) and tag_texts (analysis.tagging).

The quality figures come from the labelled in-sample set (tests/data/threat_statements.csv);
run with ``-s`` to see them. They are IN-SAMPLE figures: the lexicon was written and revised
with these statements in view, so they say the lexicon covers them, not how it does on
answers it has not seen (an independent evaluation set exists for that, kept out of
development). The classifier is always scored on rows it was not trained on (five-fold
cross-validation, stratified by primary theme).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from analysis.lexicon import load_lexicon
from analysis.tagging import tag_texts, theme_limit, train_classifier

from .conftest import THEMES

CORE_LANGUAGES = ("en", "ru", "zh", "mn", "fa")


def _indicator(values: pd.Series) -> np.ndarray:
    return np.array([[theme in str(v).split(";") for theme in THEMES] for v in values])


def _macro_f1(statements: pd.DataFrame, predicted: np.ndarray) -> dict[str, float]:
    truth = _indicator(statements["themes"])
    scores = {}
    for lang in CORE_LANGUAGES:
        rows = (statements["lang"] == lang).to_numpy()
        scores[lang] = f1_score(truth[rows], predicted[rows], average="macro", zero_division=0)
    scores["all"] = f1_score(truth, predicted, average="macro", zero_division=0)
    return scores


@pytest.fixture(scope="module")
def evaluation(statements):
    """Macro-F1 per language of four taggers on the evaluation set: the lexicon alone, the
    classifier alone, both, and the classifier trained on shuffled tags (chance level)."""
    texts = statements.drop(columns=["themes"])
    predicted = {
        name: np.zeros((len(texts), len(THEMES)), bool)
        for name in ("lexicon", "model", "both", "shuffled")
    }
    predicted["lexicon"] = _indicator(tag_texts(texts)["themes"])
    shuffled_tags = statements["themes"].sample(frac=1.0, random_state=0).to_numpy()
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    for train, test in folds.split(statements, statements["primary"]):
        training = statements.iloc[train].assign(tags=statements["themes"].iloc[train])
        held_out = texts.iloc[test]
        classifier = train_classifier(training)
        predicted["model"][test] = _indicator(
            tag_texts(held_out, classifier=classifier, use_lexicon=False)["themes"]
        )
        predicted["both"][test] = _indicator(tag_texts(held_out, classifier=classifier)["themes"])
        chance = train_classifier(training.assign(tags=shuffled_tags[train]))
        predicted["shuffled"][test] = _indicator(
            tag_texts(held_out, classifier=chance, use_lexicon=False)["themes"]
        )
    scores = {name: _macro_f1(statements, values) for name, values in predicted.items()}
    print("\nIN-SAMPLE macro-F1 by language (classifier figures are cross-validated)")
    for name, by_lang in scores.items():
        print(f"  {name:9s}", "  ".join(f"{lang} {value:.3f}" for lang, value in by_lang.items()))
    return scores


def test_lexicon_alone_reaches_macro_f1_floor_in_every_core_language(evaluation):
    for lang in CORE_LANGUAGES:
        assert evaluation["lexicon"][lang] >= 0.85, lang


def test_lexicon_with_cross_validated_classifier_reaches_macro_f1_floor(evaluation):
    for lang in CORE_LANGUAGES:
        assert evaluation["both"][lang] >= 0.85, lang


def test_classifier_alone_learns_themes_well_above_chance(evaluation):
    for lang in ("en", "ru"):
        assert evaluation["model"][lang] >= 0.40, lang
        assert evaluation["model"][lang] >= evaluation["shuffled"][lang] + 0.15, lang


def test_lexicon_lists_every_theme_with_iucn_classes_names_and_terms():
    lexicon = load_lexicon()
    assert lexicon.themes == THEMES
    for theme in THEMES:
        assert lexicon.iucn_cmp[theme]
        assert all(
            c.split()[0] in {"threat", "action", "research"} for c in lexicon.iucn_cmp[theme]
        )
        for lang in CORE_LANGUAGES:
            assert lexicon.name(theme, lang) != lexicon.name(theme, "en") or lang == "en"
            assert any(t.theme == theme for t in lexicon.terms(lang)), (theme, lang)


def _evidence(text: str, lang: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for match in load_lexicon().match(text, lang):
        found.setdefault(match.theme, []).append(match.surface)
    return found


def test_lexicon_matches_russian_inflected_phrases():
    assert _evidence("Случаи незаконной охоты участились", "ru") == {
        "poaching": ["незаконной охоты"]
    }


def test_lexicon_counts_a_phrase_once_not_also_its_own_words():
    matches = load_lexicon().match("Illegal hunting is the problem", "en")
    assert [(m.theme, m.surface) for m in matches] == [("poaching", "illegal hunting")]


def test_lexicon_allows_one_word_inside_a_phrase():
    assert "poaching" in _evidence("illegal trophy hunting of argali", "en")


def test_lexicon_tolerates_a_typing_error_inside_a_long_word():
    assert "livestock" in _evidence("ovregrazing near the wells", "en")
    assert "poaching" in _evidence("браконерство в горах", "ru")


def test_an_uzbek_word_with_an_apostrophe_is_not_a_whole_word_without_one():
    # mo'l (plenty) is not mol (livestock); mol and a word typed without its apostrophe
    # (qoy for qo'y) still match
    assert "livestock" not in _evidence("Bu yil tog'da suv mo'l.", "uz")
    assert "livestock" in _evidence("Mol boqamiz.", "uz")
    assert "livestock" in _evidence("Qoy boqamiz.", "uz")


def test_lexicon_ignores_species_names_that_contain_theme_words():
    assert _evidence("Marco Polo sheep numbers are stable", "en") == {}
    assert "climate" not in _evidence("snow leopard seen in the valley", "en")
    assert "livestock" not in _evidence("野牦牛的数量增加了", "zh")


def test_lexicon_ignores_english_attributions_and_set_phrases():
    # who says it is not what is said: "scientists say" is not research
    assert "science" not in _evidence("Scientists say dry summers will come more often", "en")
    # guards doing their job are not jobs for the community
    assert "community" not in _evidence("The wardens do their job well", "en")


def test_lexicon_reads_english_protected_area_abbreviations_and_protection_gaps():
    assert "governance" in _evidence("The MoE has not sent a single inspector", "en")
    assert "governance" in _evidence("On their side protection is nearly absent", "en")
    assert "community" in _evidence("The leopard took their goats again", "en")
    # words of writers from the region: dzhut, SPNA, petrol for the patrols, husbandry
    assert "climate" in _evidence("After the dzhut of that year few calves survived", "en")
    assert "governance" in _evidence("The SPNA has one car and no petrol", "en")
    assert "livestock" in _evidence("Animal husbandry grows every year near the reserve", "en")
    # protected areas by their regional names; hunters who kill
    assert "governance" in _evidence("The zakaznik lost its status", "en")
    assert "governance" in _evidence("Nobody patrols the wildlife sanctuary", "en")
    assert "poaching" in _evidence("In autumn the hunters kill ibex near the pass", "en")
    assert "climate" in _evidence("That snowy winter half the gazelles died", "en")


def test_lexicon_reads_persian_typed_with_arabic_letters():
    assert "poaching" in _evidence("شكار غيرقانوني آهو", "fa")


def test_lexicon_matches_mongolian_suffixes_and_russian_look_alike_letters():
    assert "livestock" in _evidence("Бэлчээрийн даац хэтэрсэн", "mn")
    # "малын өвчин" (livestock disease) typed on a keyboard without ө
    assert _evidence("малын овчин", "mn") == {"livestock": ["малын овчин"]}


def test_lexicon_finds_chinese_terms_without_spaces():
    assert _evidence("铁路两侧的围栏阻断了迁徙", "zh")["infrastructure"] == ["铁路", "围栏", "阻断"]


def test_lexicon_uses_the_text_script_for_languages_without_a_list():
    # Ukrainian has no list; its Cyrillic text is matched with the Russian and Mongolian
    # ones, the letter є counting as one typing error
    assert "poaching" in _evidence("браконьєрство на кордоні", "uk")


def test_lexicon_follows_the_script_when_the_answer_is_in_another_language():
    assert "poaching" in _evidence("Poachers set snares near the river", "ru")


def test_scoring_many_texts_finds_what_matching_each_text_finds(statements):
    lexicon = load_lexicon()
    texts, langs = [], []
    # every statement also under other language codes: companions, other scripts, no list
    for lang in ("", "en", "ru", "zh", "mn", "fa", "kk", "ur", "uk"):
        texts += statements["text"].tolist()
        langs += statements["lang"].tolist() if not lang else [lang] * len(statements)
    texts += [
        "Illegal hunting, illegal trophy hunting and hunting",
        "snow leopard poachers near the snow leopard trail",
        "野骆驼 雪豹 偷猎 水渠",
        "",
        "1234",
    ]
    langs += ["en", "en", "zh", "en", "en"]
    scored = lexicon.score_texts(texts, langs)
    for row, (text, lang) in enumerate(zip(texts, langs, strict=True)):
        matches = lexicon.match(text, lang)
        assert scored.matches[row] == matches
        expected = np.zeros(len(lexicon.themes))
        for theme, value in lexicon._theme_scores(matches).items():
            expected[lexicon.themes.index(theme)] = value
        assert scored.scores[row].tolist() == expected.tolist()
    scores_only = lexicon.score_texts(texts, langs, evidence=False)
    assert scores_only.matches == []
    assert (scores_only.scores == scored.scores).all()


def test_tag_texts_adds_theme_columns_and_leaves_the_input_alone():
    texts = pd.DataFrame(
        {
            "id": ["a", "b"],
            "text": ["Wire snares on every trail", "Засуха и жара, водопои пересохли"],
            "lang": ["en", "ru"],
        }
    )
    before = texts.copy()
    tagged = tag_texts(texts)
    pd.testing.assert_frame_equal(texts, before)
    assert list(tagged.columns) == [
        "id",
        "text",
        "lang",
        "theme",
        "themes",
        "confidence",
        "score",
        "evidence",
        "negated",
        "abstain_reason",
        "detected_lang",
        "tag_source",
    ]
    assert tagged["theme"].tolist() == ["poaching", "climate"]
    assert tagged.loc[0, "evidence"] == "poaching: snares"
    assert 0.35 <= tagged.loc[0, "confidence"] <= 1.0


def test_tag_texts_lists_themes_by_confidence_with_their_evidence():
    texts = pd.DataFrame(
        {"text": ["Poachers smuggle horns across the border into China"], "lang": ["en"]}
    )
    row = tag_texts(texts).iloc[0]
    themes = row["themes"].split(";")
    assert themes[0] == row["theme"] == "poaching"
    assert "transboundary" in themes
    evidence = dict(part.split(": ", 1) for part in row["evidence"].split("; "))
    assert list(evidence) == themes
    assert "poachers" in evidence["poaching"]


def test_tag_texts_threshold_decides_which_themes_count():
    texts = pd.DataFrame({"text": ["herders graze near the fence"], "lang": ["en"]})
    loose = tag_texts(texts, threshold=0.2).iloc[0]["themes"].split(";")
    strict = tag_texts(texts, threshold=0.9).iloc[0]["themes"]
    assert len(loose) >= 2 and strict == ""


def test_tag_texts_gives_no_theme_to_empty_or_missing_text():
    texts = pd.DataFrame({"text": ["", None, float("nan"), "   "], "lang": ["en"] * 4})
    tagged = tag_texts(texts)
    assert tagged["theme"].tolist() == [""] * 4
    assert tagged["themes"].tolist() == [""] * 4
    assert tagged["confidence"].tolist() == [0.0] * 4
    assert tagged["evidence"].tolist() == [""] * 4


def test_tag_texts_detects_a_missing_language():
    texts = pd.DataFrame({"text": ["Браконьеры ставят петли на тропах архаров"], "lang": [""]})
    assert tag_texts(texts).iloc[0]["theme"] == "poaching"


def test_classifier_alone_tags_with_its_own_terms_as_evidence(statements):
    training = statements.assign(tags=statements["themes"])
    classifier = train_classifier(training)
    texts = pd.DataFrame(
        {"text": ["The fences along the railway stop the gazelles"], "lang": ["en"]}
    )
    row = tag_texts(texts, classifier=classifier, use_lexicon=False).iloc[0]
    assert row["theme"] == "infrastructure"
    assert row["evidence"].startswith("infrastructure: model: ")
    shown = row["evidence"].split(": model: ")[1].split("; ")[0].split(", ")
    # the model's terms are shown in the text's own wording, not as stems
    assert set(shown) <= set(texts.loc[0, "text"].lower().split())


def test_train_classifier_is_deterministic(statements):
    training = statements.assign(tags=statements["themes"])
    first, second = train_classifier(training), train_classifier(training)
    texts = statements["text"].tolist()
    langs = statements["lang"].tolist()
    np.testing.assert_array_equal(
        first.predict_proba(first.transform(texts, langs)),
        second.predict_proba(second.transform(texts, langs)),
    )


def test_classifier_models_only_themes_with_enough_examples(statements):
    training = statements.head(40).assign(tags="community")
    training.loc[training.index[:6], "tags"] = "poaching"
    training.loc[training.index[6], "tags"] = "climate"
    classifier = train_classifier(training)
    assert set(classifier.models) == {"poaching", "community"}
    assert classifier.n_examples["climate"] == 1
    texts = pd.DataFrame({"text": ["Засуха, водопои пересохли"], "lang": ["ru"]})
    # without a climate model the lexicon alone decides that theme
    assert tag_texts(texts, classifier=classifier).iloc[0]["theme"] == "climate"


def test_tag_texts_needs_the_lexicon_or_a_classifier():
    with pytest.raises(ValueError):
        tag_texts(pd.DataFrame({"text": ["x"], "lang": ["en"]}), use_lexicon=False)


def test_a_short_answer_gets_at_most_two_themes_and_a_long_note_more():
    assert theme_limit("Poachers and fences.") == 2
    assert theme_limit("One. Two. Three. Four.") == 2
    assert theme_limit("一。二。三。四。五。六。") == 3
    answer = "Poachers set snares, the fence blocks the gazelles and the drought dried the springs."
    note = (
        "Poachers set snares along the river. The new railway fence blocks the gazelles. "
        "The drought dried the springs. Rangers have no fuel for patrols. "
        "Nobody has counted the herds for ten years. Herders graze too many goats."
    )
    texts = pd.DataFrame({"id": ["1", "2"], "lang": ["en", "en"], "text": [answer, note]})
    tagged = tag_texts(texts)
    short, long = (row.split(";") for row in tagged["themes"])
    assert len(short) == 2 and set(short) < {"poaching", "infrastructure", "climate"}
    assert len(long) == 3
    # a theme left out by the limit is not reported as denied
    assert tagged.loc[0, "negated"] == ""


def test_herds_named_as_victims_beside_conflict_or_winter_are_not_the_livestock_threat():
    texts = pd.DataFrame({
        "id": ["1", "2", "3", "4"],
        "lang": ["en", "ru", "ru", "en"],
        "text": [
            "Wolves and a snow leopard killed thirty of our sheep and two yaks this winter; "
            "the families got no compensation and are angry.",
            "Ирбис за зиму задрал у нас двадцать овец, чабаны злы и ждут компенсацию.",
            "Зимой был сильный джут, пало много скота, и сайгаки тоже гибли от бескормицы.",
            "Overgrazing by too many goats is the main problem for the saiga here.",
        ],
    })  # fmt: skip
    tagged = tag_texts(texts)
    # livestock was found in each of the first three, beside the main theme
    assert tagged["themes"].tolist()[:3] == ["community", "community", "climate"]
    assert tagged.loc[3, "theme"] == "livestock"


def _occurrences(rng, texts: int, per_text: int, width: int):
    from analysis.lexicon import _Found

    owners = np.repeat(np.arange(texts), per_text)
    starts = rng.integers(0, width, size=len(owners))
    ends = starts + rng.integers(1, 6, size=len(owners))
    flat = owners * (width + 10)
    terms = rng.integers(0, 20, size=len(owners))
    extent = int(flat.max()) + width + 10
    return _Found(owners, starts, ends, terms, flat + starts, flat + ends, extent)


def test_overlaps_are_resolved_among_neighbours_in_linear_time():
    from analysis.lexicon import _covering_pairs

    rng = np.random.default_rng(7)
    found = _occurrences(rng, texts=3, per_text=300, width=600)
    index = np.arange(len(found.owners))
    one, other = _covering_pairs(found, index)
    candidates = set(zip(one.tolist(), other.tolist(), strict=True))
    # every pair in which one occurrence covers another in the same text is among them
    covering = {
        (a, b)
        for a in index.tolist()
        for b in index.tolist()
        if a != b
        and found.owners[a] == found.owners[b]
        and found.starts[b] <= found.starts[a]
        and found.ends[a] <= found.ends[b]
    }
    assert covering and covering <= candidates
    # and their number grows with the occurrences, not with their square: four times as
    # many occurrences as densely packed give about four times as many pairs
    small = _covering_pairs(_occurrences(rng, 1, 1000, 2000), np.arange(1000))[0]
    large = _covering_pairs(_occurrences(rng, 1, 4000, 8000), np.arange(4000))[0]
    assert len(large) < 6 * len(small)


def test_a_long_answer_full_of_terms_is_tagged_as_its_parts_are():
    # a 10,000-character answer without punctuation (the longest an answer may be) used to
    # compare every term found with every other one
    text = "偷猎围栏" * 2500
    tagged = tag_texts(pd.DataFrame({"text": [text, "偷猎围栏"], "lang": ["zh", "zh"]}))
    assert tagged["themes"].iloc[0] == tagged["themes"].iloc[1] != ""


def test_of_two_terms_covering_the_same_word_the_heavier_counts():
    """Persian شکارچی (hunter, a medium poaching term) starts with شکار (hunting, weak): the
    word counts at the heavier weight, whether one text is matched or many at once."""
    from analysis.lexicon import load_lexicon

    lexicon = load_lexicon()
    text = "شکارچی‌ها شب می‌آیند"
    matches = lexicon.match(text, "fa")
    assert [(m.term, m.weight) for m in matches] == [("شکارچی", 0.5)]
    scores = lexicon.score_texts([text, "شکار"], ["fa", "fa"]).scores
    poaching = lexicon.themes.index("poaching")
    assert scores[0, poaching] == 0.5 and scores[1, poaching] == 0.25


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Kazakh and Kyrgyz words that the Russian companion list once read as heat or
        # beating: жарым (half), билим (knowledge), жаркын (bright)
        ("kk", "Жарым сағат жүрдік."),
        ("ky", "Балдарга билим беребиз."),
        ("ky", "Жаркын келечек үчүн иштейбиз."),
    ],
)
def test_central_asian_words_are_not_read_as_russian_look_alikes(lang, text):
    tagged = tag_texts(pd.DataFrame({"id": ["1"], "lang": [lang], "text": [text]}))
    assert "climate" not in tagged.loc[0, "themes"], text
    assert "governance" not in tagged.loc[0, "themes"], text
    assert "poaching" not in tagged.loc[0, "themes"], text


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        # colloquial Iranian "چوپون" (shepherd), Dari "مریضی" (disease) and "داکتر حیوانی" (vet)
        ("چوپونا هر روز تا ته دره می‌رن.", "livestock"),
        ("امسال مریضی در قریه‌های بالا زیاد شد.", "livestock"),
        ("در ولسوالی ما داکتر حیوانی پیدا نمی‌شود.", "livestock"),
        # farmland made of habitat (Iranian and Dari wordings)
        ("تبدیل اراضی مرتعی به باغ ادامه دارد.", "infrastructure"),
        ("دشت را شخم زدند و زمین زراعتی ساختند.", "infrastructure"),
        # density and distribution, and nobody knowing how many there are
        ("تراکم قوچ در این کوه‌ها را هیچ‌کس بررسی نکرده.", "science"),
        ("هیچ کس نمی‌داند چند یوز باقی مانده.", "science"),
        ("پراکندگی جبیر در استان هنوز معلوم نیست.", "science"),
        # Dari: salary (معاش), livestock (مواشی), pasture (علفچر), highway (شاهراه),
        # power line (لین برق), regional (منطقوی); Iranian: the Brno rifle, few rangers
        ("معاش قرقبان‌ها شش ماه است نرسیده.", "governance"),
        ("مواشی زیاد شده و علفچر کم.", "livestock"),
        ("شاهراه نو از وسط دره تیر شده.", "infrastructure"),
        ("لین برق از بالای کوتل کشیده شده.", "infrastructure"),
        ("همکاری منطقوی برای حفاظت پلنگ لازم است.", "transboundary"),
        ("هنوز با برنو می‌زنن.", "poaching"),
        ("شب‌ها به قوچ‌ها تیر می‌زنن.", "poaching"),
        ("محیط‌بان کم داریم.", "governance"),
    ],
)
def test_persian_and_dari_wordings_of_themes(text, theme):
    assert theme in _evidence(text, "fa"), text


def test_persian_verb_kone_is_not_a_tick():
    """کنه (tick, weak livestock) is also the colloquial verb "does" after می/نمی."""
    assert "livestock" not in _evidence("هر کی هر کاری بخواد می‌کنه، کسی گوش نمی‌کنه.", "fa")
    assert "livestock" in _evidence("کنه روی بزها زیاد شده.", "fa")


def test_dari_tir_shodan_to_pass_is_not_shooting():
    """Dari "تیر شدن" (to pass, to spread) is not "تیر زدن" (to shoot)."""
    assert "poaching" not in _evidence("جاده از وسط دره تیر می‌شود.", "fa")
