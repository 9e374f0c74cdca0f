"""Language and script: labels that do not fit the text, Latin-script Russian, Cyrillic
Uzbek, and the lexicons of Kazakh, Kyrgyz, Uzbek, Tajik and Turkmen."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.lexicon import load_lexicon
from analysis.tagging import tag_texts
from analysis.text import (
    fit_language,
    looks_mongolian_in_latin,
    looks_russian_in_latin,
    looks_tajik_in_latin,
    looks_turkic_in_latin,
    matching_text,
    mongolian_from_latin,
    normalise,
    russian_from_latin,
    tajik_from_latin,
    turkic_from_latin,
    uzbek_latin,
)


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("Бұл аймақта браконьерлер көп", "ru", "kk"),
        ("Дар ин минтақа шикори ғайриқонунӣ зиёд аст", "ru", "tg"),
        ("Бу ҳудудда браконьерлик кўп", "ru", "uz"),
        ("Бул аймакта браконьерлер көп, мал жайыттары бузулган", "ru", "ky"),
        ("Энэ нутагт хулгайн ан их байна", "ru", "mn"),
        ("Браконьеры тут и там", "mn", "ru"),
        ("Zdes mnogo brakonierov i net kontrolya", "ru", "ru"),
        ("Zdes mnogo brakonierov i net kontrolya", "", "ru"),
        ("Bu sebitde gaçak awçylyk köp", "en", "tk"),
        ("Bu hududda brakonerlik ko'p", "ru", "uz"),
        ("Poachers set snares near the river", "ru", "en"),
        ("Браконьеры ставят петли", "ru", "ru"),
        ("Бұл аймақта браконьерлер көп", "kk", "kk"),
        # Uzbek is written in Cyrillic too: letters it has (қ ғ) keep its label
        ("Хитой бозорларида сайғоқ шохига талаб катта, назорат эса жуда заиф", "uz", "uz"),
        ("Дар ин минтақа шикори ғайриқонунӣ зиёд аст", "uz", "tg"),
        # Mongolian and Kyrgyz share ө and ү: the letters, small words and the model decide
        ("Малчылар илбирсти кек алып өлтүрүшөт.", "mn", "ky"),
        ("Хил дамнасан хамтын ажиллагаа хэрэгтэй.", "ky", "mn"),
        ("Тайлбар өгөхгүй.", "mn", "mn"),
        ("Илбирс биздин малга эч качан тийген эмес.", "ky", "ky"),
        ("Зуд болсон.", "mn", "mn"),
    ],
)
def test_fit_language_corrects_labels_the_text_does_not_fit(text, label, expected):
    assert fit_language(text, label) == expected


def test_russian_in_latin_letters_is_recognised_and_transliterated():
    assert looks_russian_in_latin(normalise("Zdes net kontrolya i mnogo brakonierov"))
    assert not looks_russian_in_latin(normalise("There is no control and many poachers"))
    assert russian_from_latin("nezakonnaya okhota i perevypas") == "незаконная охота и перевыпас"
    assert russian_from_latin("zasukha, moya zemlya") == "засуха, моя земля"
    assert matching_text("Zasukha i net vody", "ru") == "засуха и нет воды"


def test_uzbek_in_cyrillic_is_read_in_the_latin_alphabet():
    assert uzbek_latin("Ёзда қурғоқчилик, ерлар қуриди") == "yozda qurg'oqchilik, yerlar quridi"
    assert matching_text("Яйловларда чорва жуда кўп", "uz") == "yaylovlarda chorva juda ko'p"


@pytest.mark.parametrize(
    ("text", "label", "theme"),
    [
        ("Nezakonnaya okhota na arkharov prodolzhaetsya", "ru", "poaching"),
        ("Zasukha i net vody na vodopoyakh", "ru", "climate"),
        ("Бұл ауданда браконьерлер көп", "ru", "poaching"),
        ("Малын тоо толгой хэт өссөн", "ru", "livestock"),
        ("Биз браконьерликка қарши курашамиз", "uz", "poaching"),
        ("Яйловларда чорва жуда кўп", "uz", "livestock"),
    ],
)
def test_texts_in_another_script_or_under_a_wrong_label_get_their_theme(text, label, theme):
    tagged = tag_texts(pd.DataFrame({"text": [text], "lang": [label]}))
    assert theme in tagged.loc[0, "themes"].split(";"), tagged.loc[0, "evidence"]


def test_tag_texts_reports_the_language_it_read():
    tagged = tag_texts(
        pd.DataFrame({"text": ["Бұл ауданда браконьерлер көп", "Poachers"], "lang": ["ru", "en"]})
    )
    assert tagged["detected_lang"].tolist() == ["kk", "en"]
    assert tagged["lang"].tolist() == ["ru", "en"]  # the input is left as it was


THEMED = {
    "kk": {
        "poaching": "Ақбөкен мүйізін заңсыз сатады.",
        "livestock": "Жайылымда мал тым көп.",
        "infrastructure": "Темір жол бойындағы қоршау киіктердің жолын бөгейді.",
        "governance": "Инспекторлардың жалақысы өте аз.",
        "community": "Жергілікті тұрғындардың табысы төмен.",
        "science": "Ақбөкен санағы жүргізілмейді.",
        "transboundary": "Өзбекстанмен трансшекаралық ынтымақтастық қажет.",
        "climate": "Былтыр қыста жұт болды.",
    },
    "ky": {
        "poaching": "Мыйзамсыз аңчылык көбөйдү.",
        "livestock": "Жайыттар бузулуп жатат.",
        "infrastructure": "Кен казуу архарлардын жашоосун бузууда.",
        "governance": "Инспекторлор жетишсиз жана айлык акы аз.",
        "community": "Жергиликтүү калк компенсация алышпайт.",
        "science": "Аркарлардын саны белгисиз.",
        "transboundary": "Кытай менен эл аралык кызматташтык керек.",
        "climate": "Кургакчылык жайыттарды куратты.",
    },
    "uz": {
        "poaching": "Noqonuniy ov ko'paydi.",
        "livestock": "Yaylovlarda chorva juda ko'p.",
        "infrastructure": "Temir yo'l jayronlarning yo'lini to'sib qo'ydi.",
        "governance": "Inspektorlar yetishmaydi va maosh kam.",
        "community": "Mahalliy aholining daromadi past.",
        "science": "Saygaklar soni haqida ma'lumot yo'q.",
        "transboundary": "Qozog'iston bilan xalqaro hamkorlik kerak.",
        "climate": "Qurg'oqchilik yildan yilga kuchaymoqda.",
    },
    "tg": {
        "poaching": "Шикори ғайриқонунӣ зиёд шудааст.",
        "livestock": "Чарогоҳҳо аз чорвои зиёд вайрон шудаанд.",
        "infrastructure": "Сохтмони роҳ ба муҳоҷирати ҳайвонот халал мерасонад.",
        "governance": "Маоши нозирон хеле кам аст.",
        "community": "Аҳолии маҳаллӣ даромади кофӣ надорад.",
        "science": "Тадқиқоти илмӣ кам аст.",
        "transboundary": "Ҳамкории фаромарзӣ бо Афғонистон лозим аст.",
        "climate": "Хушксолӣ обро кам кардааст.",
    },
    "tk": {
        "poaching": "Bikanun aw köpeldi.",
        "livestock": "Öri meýdanlarynda mal gaty köp.",
        "infrastructure": "Demir ýol keýikleriň ýoluny kesýär.",
        "governance": "Inspektorlaryň aýlygy az.",
        "community": "Ýerli ilatyň girdejisi pes.",
        "science": "Keýikleriň sany barada maglumat ýok.",
        "transboundary": "Goňşy ýurtlar bilen halkara hyzmatdaşlyk gerek.",
        "climate": "Guraklyk suw çeşmelerini guratdy.",
    },
}


@pytest.mark.parametrize("lang", sorted(THEMED))
def test_every_theme_has_terms_in_the_central_asian_languages(lang):
    lexicon = load_lexicon()
    for theme, text in THEMED[lang].items():
        assert any(t.theme == theme for t in lexicon.terms(lang)), (lang, theme)
        found = {m.theme for m in lexicon.match(text, lang) if not m.negated}
        assert theme in found, (lang, theme, text)


def test_russian_in_latin_letters_without_small_words_is_read_when_labelled_russian():
    from analysis.tagging import tag_texts

    texts = pd.DataFrame({
        "id": ["1", "2", "3"],
        "lang": ["ru", "ru", "ru"],
        "text": ["Zheleznaya doroga i zabor blokiruyut migratsiyu",
                 "Zasukha i dzhut ubivayut dzheyranov",
                 "Snow leopard poaching"],  # English under a Russian label stays English
    })
    tagged = tag_texts(texts)
    assert tagged["themes"].tolist()[:2] == ["infrastructure", "climate"]
    assert tagged.loc[2, "detected_lang"] == "en" and tagged.loc[2, "themes"] == "poaching"


def test_mongolian_in_latin_letters_is_recognised_and_transliterated():
    assert looks_mongolian_in_latin(normalise("manai sumand hulgain an ih baina"))
    assert looks_mongolian_in_latin(normalise("tsagaan zeeriig agnaj"), labelled_mongolian=True)
    assert not looks_mongolian_in_latin(normalise("There is no poaching in our district"), True)
    assert not looks_mongolian_in_latin(normalise("Zdes net kontrolya i mnogo brakonierov"))
    assert fit_language("Hulgain anchid zeeriig agnaj baina", "mn") == "mn"
    assert fit_language("manai nutagt gan gachig ih bolson shuu", "") == "mn"
    assert fit_language("Poachers hunt gazelles at night", "mn") == "en"
    # kh, h or x for х; ts for ц but тс in the past ending; -gui/-gvi always гүй
    assert mongolian_from_latin("tsagaan zeeriin nuudel") == "цагаан зээрийн нуудэл"
    assert mongolian_from_latin("belcheer doroitson") == "бэлчээр доройтсон"
    assert mongolian_from_latin("xulgain an baihgvi, ugui") == "хулгайн ан байхгүй, үгүй"
    # the particle нь typed "ni"; a word that begins with ni keeps its letters
    assert mongolian_from_latin("odoo ni nisleg") == "одоо нь нислэг"
    assert matching_text("Khyatadtai hamtarch ajillah heregtei", "mn") == (
        "хятадтай хамтарч ажиллах хэрэгтэй"
    )


def test_mongolian_in_latin_letters_is_tagged_and_its_negation_read():
    texts = pd.DataFrame({
        "id": ["1", "2", "3", "4", "5"],
        "lang": ["mn", "mn", "mn", "mn", "mn"],
        "text": [
            "Hulgain anchid tsagaan zeeriig ih agnaj baina",
            "Maliin too het olon bolj belcheer doroitson",
            "manai sumand hulgain an baihgui, gol asuudal n gan",
            "Zam, tomor zam zeeriin nuudliig haaj baina",
            "bayarlalaa",
        ],
    })
    tagged = tag_texts(texts)
    assert tagged["themes"].tolist() == ["poaching", "livestock", "climate", "infrastructure", ""]
    assert tagged["detected_lang"].tolist() == ["mn"] * 5
    assert tagged.loc[2, "negated"] == "poaching"
    assert tagged.loc[4, "abstain_reason"] == "thanks"


def test_kazakh_and_kyrgyz_in_latin_letters_keep_their_label_and_are_tagged():
    assert looks_turkic_in_latin(normalise("Bul jerde brakonerler kop"))
    assert not looks_turkic_in_latin(normalise("There are many poachers in this area"))
    assert fit_language("Bul jerde brakonerler kop, kiik atyp jatyr", "kk") == "kk"
    assert fit_language("Bul jerde brakonerler kop, arkarlardy atyshat", "ky") == "ky"
    assert fit_language("Poachers kill saiga here", "kk") == "en"
    # informal spellings and the letters of Kazakh's Latin alphabet
    assert turkic_from_latin("temir jol men qorshaular") == "темир жол мен қоршаулар"
    assert turkic_from_latin("qūrğaqşylyq pen jūt") == "құрғақшылық пен жұт"
    texts = pd.DataFrame({
        "id": ["1", "2", "3"],
        "lang": ["kk", "kk", "ky"],
        "text": [
            "Bul jerde brakonerler kop, kiik atyp jatyr",
            "Temir jol men qorshaular kiiktin jolyn jabady",
            "Malchylar jaiyttardy buzup jatat, mal abdan kop",
        ],
    })  # fmt: skip
    tagged = tag_texts(texts)
    assert tagged["themes"].tolist() == ["poaching", "infrastructure", "livestock"]
    assert tagged["detected_lang"].tolist() == ["kk", "kk", "ky"]


def test_mongolian_in_latin_with_a_doubled_h_or_a_particle_is_recognised():
    # "ganchhan" (ганцхан) writes ц and х as "ch" and "h"; "l" is the particle "л"
    assert looks_mongolian_in_latin(normalise("ganchhan l hamgaalagchtai"), True)
    assert looks_mongolian_in_latin(normalise("Gan, zud, ganchhan hamgaalagch"), True)
    assert fit_language("manaid ganchhan baigaliin hamgaalagch bii", "mn") == "mn"
    assert not looks_mongolian_in_latin(normalise("The rangers are too few here"), True)


def test_mongolian_in_latin_no_longer_typed_without_the_soft_sign():
    assert fit_language("hulgain an baihaa bolison", "mn") == "mn"
    rows = pd.DataFrame({"id": ["a"], "lang": ["mn"], "text": ["urhi tavih baihaa bolison"]})
    assert tag_texts(rows)["themes"][0] == ""


def test_tajik_in_latin_letters_keeps_its_label_and_is_tagged():
    assert looks_tajik_in_latin(normalise("Dar in kuhho shikorchiyon bisyor hastand"))
    assert not looks_tajik_in_latin(normalise("There are many poachers in these hills"))
    assert fit_language("Dar in kuhho shikorchiyon bisyor hastand", "tg") == "tg"
    assert fit_language("Poachers shoot the ibex in these hills", "tg") == "en"
    # sh, ch, kh, j (ҷ) and q (қ) come back as a keyboard without Tajik letters types them
    assert tajik_from_latin("shikor dar injo hast") == "шикор дар инчо хаст"
    assert tajik_from_latin("qishloqi khushk") == "кишлоки хушк"
    texts = pd.DataFrame({
        "id": ["1", "2", "3"],
        "lang": ["tg", "tg", "tg"],
        "text": [
            "Dar in kuhho shikori ghayriqonuni bisyor ast",
            "Khushksoli oby chashmaho kam kard",
            "Chupono ramai gusfandro ba charogohi kiikho meburand, alaf namemonad",
        ],
    })  # fmt: skip
    tagged = tag_texts(texts)
    assert tagged["themes"].tolist() == ["poaching", "climate", "livestock"]
    assert tagged["detected_lang"].tolist() == ["tg"] * 3


def test_kazakh_in_latin_letters_without_small_words_is_read_by_its_endings():
    # no "bul", "jok", "kop": the case and verb endings (-ynda, -typ, -ypty, -dy) tell
    text = "Audanymyzda tunde kiikterdi atyp alypty, mashinasyn tauyp aldy"
    assert looks_turkic_in_latin(normalise(text))
    assert fit_language(text, "kk") == "kk"
    for english in ("Herders graze their sheep on the steppe every day",
                    "The rangers lack cars and fuel for patrols in winter"):  # fmt: skip
        assert not looks_turkic_in_latin(normalise(english))
        assert fit_language(english, "kk") == "en"


def test_turkic_latin_i_and_y_after_a_vowel_and_the_dotless_i_by_convention():
    # i after a vowel (not u or i) is й, and y between such a vowel and another vowel too
    assert turkic_from_latin("koi aidap jaiylymga") == "кой айдап жайылымга"
    assert turkic_from_latin("arnayy müyiz") == "арнайы мүйиз"
    assert turkic_from_latin("auyl") == "ауыл"
    # ı is ы where i writes і, and і where y writes ы (Kazakh's 2021 Latin alphabet)
    assert turkic_from_latin("bir jılı") == "бир жылы"
    assert turkic_from_latin("bız bıldyk") == "біз білдык"


def test_kazakh_latin_that_cannot_tell_i_apart_is_written_without_kazakh_letters():
    # i for і and ı for ы: the Kazakh letters are folded so the words compare as typed
    # without a Kazakh layout
    assert turkic_from_latin("qasqyr müyizin jyrtty", "kk") == "каскыр муйизин жыртты"
    assert turkic_from_latin("qasqyr müyizin", "ky") == "қасқыр мүйизин"
    # the 2021 alphabet (y for ы, ı for і) keeps them
    assert turkic_from_latin("bız ülken tyğyz", "kk") == "біз үлкен тығыз"
    texts = pd.DataFrame({"id": ["1"], "lang": ["kk"], "text": ["Keden qyzmeti aqböken müyizin tauyp aldy"]})  # noqa: E501
    assert tag_texts(texts)["themes"].tolist() == ["poaching"]


def test_mongolian_latin_v_with_no_vowel_beside_it_is_u_with_a_tail():
    assert mongolian_from_latin("hvmvvs vnee avna") == "хүмүүс үнээ авна"
    assert mongolian_from_latin("bvh ovs") == "бүх овс"


def test_tajik_latin_initial_e_is_the_e_of_loanwords_and_meat_hunting_is_poaching():
    assert tajik_from_latin("ekologi va meva") == "экологи ва мева"
    texts = pd.DataFrame({
        "id": ["1", "2"],
        "lang": ["tg", "tg"],
        "text": ["Dar kuhho shikori gushti ziyod ast", "Arkharro baroi gusht mekushand"],
    })  # fmt: skip
    assert tag_texts(texts)["themes"].tolist() == ["poaching", "poaching"]


def test_turkic_latin_y_before_a_vowel_it_joins_stays_ya():
    assert turkic_from_latin("qoyady ayaq") == "қояды аяқ"
    assert turkic_from_latin("kiyikter biyik") == "кийиктер бийик"


def test_mongolian_fence_without_crossings_is_infrastructure():
    texts = pd.DataFrame({
        "id": ["1", "2"],
        "lang": ["mn", "mn"],
        "text": ["Замын хашаанд амьтны гарц байхгүй", "tomor zamiin hashaand garts ugui"],
    })  # fmt: skip
    assert tag_texts(texts)["themes"].tolist() == ["infrastructure", "infrastructure"]


def test_turkic_latin_sch_is_sh_and_tajik_eco_camps_and_awareness_are_community():
    assert turkic_from_latin("kiresche") == "киреше"
    texts = pd.DataFrame({
        "id": ["1", "2"],
        "lang": ["tg", "tg"],
        "text": ["Dar deha klubi ekologi kushoda shud", "Мардуми деҳа аз ин огоҳ нестанд"],
    })  # fmt: skip
    assert tag_texts(texts)["themes"].tolist() == ["community", "community"]


def test_mongolian_latin_with_long_vowels_written_short_reads_pasture_and_goats():
    texts = pd.DataFrame({
        "id": ["1", "2"],
        "lang": ["mn", "mn"],
        "text": ["malchid belcheriig ihesgej baina", "manai sumand yama hetersen baina"],
    })  # fmt: skip
    assert tag_texts(texts)["themes"].tolist() == ["livestock", "livestock"]


def test_tajik_in_latin_letters_without_small_words_is_read_by_its_shapes():
    assert looks_tajik_in_latin(normalise("Gurgho chorvoro mekushand"))
    assert not looks_tajik_in_latin(normalise("The wolves killed many sheep this winter"))
    assert fit_language("Gurgho chorvoro mekushand", "tg") == "tg"
    assert fit_language("The wolves killed many sheep this winter", "tg") == "en"


def test_mongolian_too_few_crossings_is_infrastructure_not_its_absence():
    texts = pd.DataFrame({
        "id": ["1"], "lang": ["mn"], "text": ["Төмөр замын дагуу амьтны гарц хангалтгүй байна"],
    })  # fmt: skip
    tagged = tag_texts(texts)
    assert tagged["themes"].tolist() == ["infrastructure"]
    assert tagged["negated"].tolist() == [""]


def test_mongolian_latin_y_for_u_with_a_tail_in_a_first_syllable_or_doubled():
    assert mongolian_from_latin("hyn yhsen malyn") == "хүн үхсэн малын"
    assert mongolian_from_latin("belcheer hyrehgyi shyy") == "бэлчээр хүрэхгүй шүү"
    assert mongolian_from_latin("bayrlalaa hoyor") == "байрлалаа хоёр"
    assert fit_language("belcheer hyrehgyi baihgyi", "mn") == "mn"


def test_mongolian_latin_endings_iig_and_iin_written_with_one_i():
    assert mongolian_from_latin("zeerig tuuhiin") == "зээрийг туухийн"
    assert mongolian_from_latin("ekologin surgalt") == "экологийн сургалт"
    assert mongolian_from_latin("malchin anchin") == "малчин анчин"


def test_russian_style_dzh_is_the_j_sound_in_turkic_and_tajik_latin():
    assert turkic_from_latin("dzhol") == "жол"
    assert tajik_from_latin("dzhangal va djoy") == "чангал ва чой"


def test_kazakh_they_keep_shooting_is_poaching_beside_another_theme():
    texts = pd.DataFrame({
        "id": ["1"], "lang": ["kk"],
        "text": ["Шекарадан ары көшеді, ол жақта киікті атып жатыр"],
    })  # fmt: skip
    assert "poaching" in tag_texts(texts)["themes"][0].split(";")
