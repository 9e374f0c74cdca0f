import numpy as np
import pandas as pd
import pytest

from analysis.pipeline import (
    ASSIGNMENT_COLUMNS,
    CLUSTER_COLUMNS,
    AnalysisParams,
    run_analysis,
)
from analysis.prioritise import GAP_COLUMNS, PRIORITY_COLUMNS, REGIONAL_COLUMNS, load_actions
from analysis.report import write_outputs
from analysis.scoring import THEMES, THREAT_SCORE_COLUMNS

# (theme, en, ru, zh, mn, fa): the same six statements in five languages
STATEMENTS = [
    (
        "poaching",
        "Poachers hunt saiga for their horns near the border",
        "Браконьеры охотятся на сайгаков ради рогов у границы",
        "盗猎者在边境附近为了角猎杀赛加羚羊",
        "Хулгайн анчид хилийн ойролцоо бөхөнг эврийнх нь төлөө агнадаг",
        "شکارچیان غیرمجاز نزدیک مرز سایگا را برای شاخ شکار می‌کنند",
    ),
    (
        "infrastructure",
        "The new railway fence blocks the migration of gazelles",
        "Новая железная дорога с забором перекрывает миграцию джейранов",
        "新铁路围栏阻断了羚羊的迁徙",
        "Шинэ төмөр замын хашаа зээрийн нүүдлийг хаадаг",
        "حصار راه‌آهن جدید مهاجرت جبیرها را مسدود می‌کند",
    ),
    (
        "climate",
        "A harsh winter dzud killed many animals",
        "Суровая зима, джут, погубила много животных",
        "严寒的白灾导致大量动物死亡",
        "Хатуу өвөл, зуд олон амьтныг хорогдуулсан",
        "زمستان سخت بسیاری از حیوانات را کشت",
    ),
    (
        "climate",
        "Drought dried the water points in summer",
        "Засуха летом высушила водопои",
        "夏季干旱使水源干涸",
        "Зуны ган усны эх үүсвэрийг ширгээсэн",
        "خشکسالی تابستان آبشخورها را خشک کرد",
    ),
    (
        "poaching",
        "Rangers lack vehicles to stop poaching",
        "У егерей нет машин для борьбы с браконьерством",
        "巡护员缺少打击盗猎的车辆",
        "Байгаль хамгаалагчдад хулгайн антай тэмцэх машин дутмаг",
        "محیط‌بانان برای مبارزه با شکار غیرمجاز خودرو ندارند",
    ),
    (
        "infrastructure",
        "The road and the mine cut the migration route",
        "Дорога и рудник перерезали путь миграции",
        "公路和矿山切断了迁徙路线",
        "Зам, уурхай нүүдлийн замыг тасалсан",
        "جاده و معدن مسیر مهاجرت را قطع کرده‌اند",
    ),
]
# language -> (country, source, tagged by a facilitator)
SPEAKERS = {
    "en": ("KZ", "survey", False),
    "ru": ("KZ", "interview", True),
    "zh": ("CN", "survey", False),
    "mn": ("MN", "interview", True),
    "fa": ("IR", "survey", False),
}
LANGS = ("en", "ru", "zh", "mn", "fa")
COUNTRIES = ("CN", "IR", "KZ", "MN")
GROUPS = ("government", "community", "ngo")


def make_texts(all_tagged=False):
    rows = []
    for i, statement in enumerate(STATEMENTS):
        theme = statement[0]
        for lang, text in zip(LANGS, statement[1:], strict=True):
            country, source, tagged = SPEAKERS[lang]
            rows.append(
                {
                    "id": f"{source}:{lang}:{i}",
                    "text": text,
                    "lang": lang,
                    "country": country,
                    "group": GROUPS[i % 3],
                    "source": source,
                    "tags": theme if (tagged or all_tagged) else "",
                    "link": f"/records/{lang}/{i}",
                }
            )
    return pd.DataFrame(rows)


def make_ratings():
    rng = np.random.default_rng(11)
    rows = []
    for country in COUNTRIES:
        for r in range(6):
            for theme in THEMES:
                present = bool(rng.random() < 0.8)
                levels = rng.integers(1, 5, 3) if present else [None, None, None]
                rows.append(
                    {
                        "response_id": f"{country}-{r}",
                        "country": country,
                        "group": GROUPS[r % 3],
                        "theme": theme,
                        "present": present,
                        "scope": levels[0],
                        "severity": levels[1],
                        "irreversibility": levels[2],
                        "trend": "increasing" if present else pd.NA,
                        "link": f"/responses/{country}-{r}",
                    }
                )
    ratings = pd.DataFrame(rows)
    for column in ("scope", "severity", "irreversibility"):
        ratings[column] = ratings[column].astype("Int64")
    return ratings


def make_needs():
    needs = ("funding", "capacity", "data", "enforcement")
    rows = [
        {"response_id": f"{c}-{r}", "country": c, "group": "ngo", "need": need, "rank": k + 1}
        for c in COUNTRIES
        for r in range(4)
        for k, need in enumerate(needs[r % 2 :] + needs[: r % 2])
    ]
    return pd.DataFrame(rows)


def make_measures():
    rows = [
        {
            "response_id": f"{c}-{r}",
            "country": c,
            "group": "ngo",
            "measure": measure,
            "effectiveness": 1 + (r % 4),
        }
        for c in COUNTRIES
        for r in range(4)
        for measure in ("monitoring", "anti_poaching")[: 1 + r % 2]
    ]
    measures = pd.DataFrame(rows)
    measures["effectiveness"] = measures["effectiveness"].astype("Int64")
    return measures


PARAMS = AnalysisParams(seed=1, k=3, date="2026-03-01")


@pytest.fixture(scope="module")
def results():
    return run_analysis(make_texts(), make_ratings(), make_needs(), make_measures(), PARAMS)


def test_run_produces_every_table(results):
    scores = results.threat_scores
    assert list(scores.columns) == list(THREAT_SCORE_COLUMNS)
    assert len(scores) == len(COUNTRIES) * len(THEMES)
    assert len(results.priorities_by_country) == len(COUNTRIES) * len(load_actions())
    assert list(results.priorities_by_country.columns) == list(PRIORITY_COLUMNS)
    assert list(results.regional_priorities.columns) == list(REGIONAL_COLUMNS)
    assert list(results.gaps.columns) == list(GAP_COLUMNS)
    assert set(results.gaps["country"]) == set(COUNTRIES)
    assert not results.clusters.empty
    assert set(results.cluster_assignments["id"]) <= set(make_texts()["id"])


def test_mention_shares_use_tags_and_tagged_themes(results):
    scores = results.threat_scores.set_index(["country", "theme"])
    # a third of the Mongolian interview notes are tagged poaching by the facilitator
    assert scores.loc[("MN", "poaching"), "mention_share_interview"] >= 1 / 3 - 1e-4
    assert scores.loc[("KZ", "poaching"), "n_texts"] == 12
    assert scores.loc[("CN", "climate"), "n_texts_survey"] == 6


def test_method_records_parameters_weights_and_counts(results):
    method = results.method
    assert method["date"] == "2026-03-01"
    assert method["software_version"]
    assert method["parameters"]["seed"] == 1
    assert method["parameters"]["k_range"] == [3, 12]
    assert method["weights"]["rating_weight"] == pytest.approx(0.5)
    counts = method["data_counts"]
    assert counts["texts"] == 30
    assert counts["texts_interview"] == 12
    assert counts["rating_respondents"] == 24
    assert counts["countries"] == list(COUNTRIES)
    assert method["tagging"] == "lexicon only"
    assert "rating_weight" in set(results.weights["setting"])


def test_same_inputs_and_seed_give_identical_files(results, tmp_path):
    again = run_analysis(make_texts(), make_ratings(), make_needs(), make_measures(), PARAMS)
    first = write_outputs(results, tmp_path / "first")
    second = write_outputs(again, tmp_path / "second")
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_progress_is_reported_from_start_to_finish():
    calls = []
    run_analysis(
        make_texts(),
        make_ratings(),
        make_needs(),
        make_measures(),
        PARAMS,
        progress=lambda fraction, message: calls.append((fraction, message)),
    )
    fractions = [fraction for fraction, _ in calls]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert all(message for _, message in calls)


def test_country_filter_and_min_n_override():
    params = AnalysisParams(seed=1, k=2, countries=("KZ",), min_n=100, date="2026-03-01")
    run = run_analysis(make_texts(), make_ratings(), make_needs(), make_measures(), params)
    assert set(run.threat_scores["country"]) == {"KZ"}
    assert run.threat_scores["low_evidence"].all()
    assert set(run.gaps["country"]) == {"KZ"}
    assert run.method["data_counts"]["texts"] == 12


def test_classifier_is_trained_when_enough_texts_are_tagged():
    run = run_analysis(make_texts(all_tagged=True), make_ratings(), None, None, PARAMS)
    assert "classifier trained on 30" in run.method["tagging"]


def test_empty_inputs_give_empty_tables_with_columns(tmp_path):
    run = run_analysis(None, None, None, None, AnalysisParams(date="2026-03-01"))
    assert run.threat_scores.empty
    assert list(run.clusters.columns) == list(CLUSTER_COLUMNS)
    assert list(run.cluster_assignments.columns) == list(ASSIGNMENT_COLUMNS)
    assert run.priorities_by_country.empty and run.regional_priorities.empty
    assert run.gaps.empty
    assert run.method["data_counts"]["texts"] == 0
    paths = write_outputs(run, tmp_path)
    assert (tmp_path / "report.html").read_text(encoding="utf-8").count("No data") >= 4
    assert len(paths) == 9


def test_texts_without_ratings_still_score_mentions():
    run = run_analysis(make_texts(), None, None, None, PARAMS)
    assert set(run.threat_scores["country"]) == set(COUNTRIES)
    assert run.threat_scores["n_respondents"].eq(0).all()
    assert run.threat_scores["low_evidence"].all()
    assert not run.priorities_by_country.empty
