import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.assessment import FACTOR_COLUMNS, RATING_COLUMNS, SUMMARY_COLUMNS
from analysis.pipeline import (
    ASSIGNMENT_COLUMNS,
    CLUSTER_COLUMNS,
    AnalysisParams,
    run_analysis,
)
from analysis.prioritise import GAP_COLUMNS, PRIORITY_COLUMNS, REGIONAL_COLUMNS, load_actions
from analysis.report import write_outputs
from analysis.scoring import ScoringConfig
from analysis.seed import seed_statements
from analysis.sensitivity import SENSITIVITY_COLUMNS
from analysis.sensitivity import SUMMARY_COLUMNS as STABILITY_COLUMNS
from analysis.tables import NOT_COMPUTED, NOT_RANKED, NOT_RATED, has_missing
from tests.analysis.factories import (
    DIRECT,
    gap_rows,
    gaps_frame,
    rating_rows,
    ratings_frame,
    reference,
)

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
    """Six respondents per country in three groups; each rates saiga and one other target
    (2027.1) or the pooled target (2026.1), every direct threat, levels drawn at random."""
    rng = np.random.default_rng(11)
    rows = []
    for country in COUNTRIES:
        for r in range(6):
            group = GROUPS[r % 3]
            targets = ["pooled"] if r == 5 else ["saiga", "argali" if r % 2 else "kulan"]
            for target in targets:
                for threat in DIRECT:
                    level = int(rng.integers(0, 5)) if rng.random() < 0.9 else None
                    rows += rating_rows(country, target, threat, group, [level], start=r)
    return ratings_frame(rows)


def make_factor_gaps():
    rng = np.random.default_rng(12)
    rows = []
    for country in COUNTRIES:
        for r in range(5):
            for factor, item in (("governance", "gap_enforcement"), ("science", "gap_monitoring")):
                gap = int(rng.integers(1, 5))
                rows += gap_rows(country, factor, GROUPS[r % 3], [gap], item=item, start=r)
    return gaps_frame(rows)


def make_strategy_ratings():
    return pd.DataFrame(
        {
            "country": ["KZ"],
            "action": ["joint_patrols"],
            "impact": [3],
            "feasibility": [2],
            "cost": ["low"],
            "agreement": ["majority"],
            "source": ["National consultation 2027-03-14 (#12)"],
            "meeting_id": [12],
            "meeting_date": ["2027-03-14"],
        }
    )


REFERENCE = reference(
    populations=[("saiga_ustyurt", "saiga", ("KZ", "UZ")), ("kulan_gobi", "kulan", ("MN", "CN"))]
)


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


def run(texts=None, params=PARAMS, **frames):
    defaults = {
        "factor_gaps": make_factor_gaps(),
        "strategy_ratings": make_strategy_ratings(),
        "reference": REFERENCE,
    }
    defaults.update(frames)
    ratings = defaults.pop("ratings", make_ratings())
    needs = defaults.pop("needs", make_needs())
    measures = defaults.pop("measures", make_measures())
    return run_analysis(texts, ratings, needs, measures, params, **defaults)


@pytest.fixture(scope="module")
def results():
    return run(make_texts())


def test_run_produces_every_table(results):
    expected = {
        "threat_ratings": RATING_COLUMNS,
        "threat_summary": SUMMARY_COLUMNS,
        "factor_gaps": FACTOR_COLUMNS,
        "priorities_by_country": PRIORITY_COLUMNS,
        "regional_priorities": REGIONAL_COLUMNS,
        "sensitivity": SENSITIVITY_COLUMNS,
        "sensitivity_summary": STABILITY_COLUMNS,
        "gaps": GAP_COLUMNS,
    }
    tables = results.tables()
    for name, columns in expected.items():
        assert list(tables[name].columns) == list(columns), name
    assert len(results.threat_summary) == len(COUNTRIES) * len(DIRECT)
    assert len(results.priorities_by_country) == len(COUNTRIES) * len(load_actions())
    assert set(results.factor_gaps["country"]) == set(COUNTRIES)
    assert set(results.gaps["country"]) == set(COUNTRIES)
    assert not results.clusters.empty
    assert set(results.cluster_assignments["id"]) <= set(make_texts()["id"])
    assert set(results.sensitivity_summary["ranking"]) == {"threats", "actions"}


ALLOWED_TEXT = {NOT_RATED, NOT_RANKED, NOT_COMPUTED}


def assert_no_missing_values(tables):
    """No NaN, None or NA anywhere; a column holding numbers holds, besides them, only the
    stated texts ("not rated", "not ranked", "not computed")."""
    for name, table in tables.items():
        assert has_missing(table) == [], name
        for column in table.columns:
            values = table[column].tolist()
            numeric = [
                v
                for v in values
                if isinstance(v, int | float | np.number) and not isinstance(v, bool | np.bool_)
            ]
            if not numeric:
                continue
            others = {v for v in values if isinstance(v, str)}
            assert others <= ALLOWED_TEXT, (name, column, others)


def test_no_output_table_holds_a_missing_value(results):
    assert_no_missing_values(results.tables())


def test_national_strategy_rating_is_used_and_named(results):
    kz = results.priorities_by_country.set_index(["country", "action"])
    row = kz.loc[("KZ", "joint_patrols")]
    assert row["rating_source"] == "National consultation 2027-03-14 (#12)"
    assert (row["impact"], row["feasibility"], row["strategy_rating"], row["cost"]) == (
        3,
        2,
        "Less effective",
        "low",
    )
    assert kz.loc[("MN", "joint_patrols"), "rating_source"] == "catalogue default"


def test_mention_shares_are_shown_beside_the_summary(results):
    summary = results.threat_summary.set_index(["country", "threat"])
    # a third of the Mongolian interview notes are tagged poaching by the facilitator
    assert summary.loc[("MN", "poaching"), "mention_share"] >= 1 / 3 - 1e-4
    # Iranian texts are untagged survey answers in Persian; KZ's mention poaching twice in 12
    assert 0 <= summary.loc[("IR", "climate"), "mention_share"] <= 1
    assert summary.loc[("KZ", "poaching"), "mention_share"] >= 2 / 12 - 1e-4


def test_method_table_states_every_setting_and_rule(results):
    method = results.method.set_index("setting")
    assert list(results.method.columns) == ["setting", "value", "meaning", "source"]
    for row in ScoringConfig().as_table().itertuples(index=False):
        assert f"{row.section}.{row.setting}" in method.index
    assert method.loc["rating.cut_high", "value"] == "2.5"
    for rule in (
        "rule: magnitude",
        "rule: respondent rating",
        "rule: rating_value",
        "rule: rating label",
        "rule: agreement",
        "rule: low evidence",
        "rule: bootstrap",
        "rule: summary threat rating",
        "rule: threat rank",
        "rule: rank interval",
        "rule: factor gap",
        "rule: country_value of a threat",
        "rule: strategy rating",
        "rule: priority",
        "rule: action tie rule",
        "rule: regional",
        "rule: sensitivity",
    ):
        assert rule in method.index, rule
        assert method.loc[rule, "meaning"] and method.loc[rule, "source"]
    assert (
        "getSummaryOfBundlesWithTwoPrimeRule" in method.loc["rule: summary threat rating", "source"]
    )
    assert "Tastle" in method.loc["rule: agreement", "source"]
    assert method.loc["theme kinds", "value"] == "reference data"


def test_run_records_parameters_settings_and_counts(results):
    record = results.run
    assert record["date"] == "2026-03-01"
    assert record["software_version"]
    assert record["parameters"]["seed"] == 1
    assert record["parameters"]["k_range"] == [3, 12]
    assert record["settings"]["cut_high"] == pytest.approx(2.5)
    counts = record["data_counts"]
    assert counts["texts"] == 30
    assert counts["texts_interview"] == 12
    assert counts["rating_respondents"] == 24
    assert counts["factor_gap_respondents"] == 20
    assert counts["strategy_rating_rows"] == 1
    assert counts["countries"] == list(COUNTRIES)
    assert record["tagging"] == (
        f"lexicon and a classifier trained on {len(seed_statements())} labelled development "
        "statements and 12 tagged or reviewed texts of the run"
    )


def test_same_inputs_and_seed_give_identical_files(results, tmp_path):
    again = run(make_texts())
    first = write_outputs(results, tmp_path / "first")
    second = write_outputs(again, tmp_path / "second")
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_progress_is_reported_from_start_to_finish():
    calls = []
    run(progress=lambda fraction, message: calls.append((fraction, message)))
    fractions = [fraction for fraction, _ in calls]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert all(message for _, message in calls)


def test_country_filter_and_min_n_override():
    params = AnalysisParams(seed=1, k=2, countries=("KZ",), min_n=100, date="2026-03-01")
    result = run(make_texts(), params=params)
    assert set(result.threat_ratings["country"]) == {"KZ"}
    assert result.threat_ratings["low_evidence"].all()
    assert (result.threat_summary["rank"] == NOT_RANKED).all()
    assert set(result.gaps["country"]) == {"KZ"}
    assert result.run["data_counts"]["texts"] == 12


def test_the_classifier_learns_from_the_runs_own_tagged_texts_beside_the_seed():
    result = run(make_texts(all_tagged=True))
    assert "statements and 30 tagged or reviewed texts of the run" in result.run["tagging"]
    untagged = make_texts().assign(tags="")
    assert run(untagged).run["tagging"].endswith("labelled development statements")


def test_empty_inputs_give_empty_tables_with_columns(tmp_path):
    result = run_analysis(None, None, None, None, AnalysisParams(date="2026-03-01"))
    assert result.threat_ratings.empty and result.threat_summary.empty
    assert list(result.clusters.columns) == list(CLUSTER_COLUMNS)
    assert list(result.cluster_assignments.columns) == list(ASSIGNMENT_COLUMNS)
    assert result.priorities_by_country.empty
    assert (result.regional_priorities["rank"] == NOT_RANKED).all()
    assert result.gaps.empty
    assert result.run["data_counts"]["texts"] == 0
    assert "inferred" in result.run["theme_kinds"]
    assert_no_missing_values(result.tables())
    paths = write_outputs(result, tmp_path)
    assert (tmp_path / "report.html").read_text(encoding="utf-8").count("No data") >= 4
    assert len(paths) == 14


def test_texts_without_ratings_give_clusters_and_no_threat_rows():
    result = run_analysis(make_texts(), None, None, None, PARAMS)
    assert result.threat_summary.empty
    assert not result.clusters.empty


@st.composite
def small_inputs(draw):
    """Ratings, factor gaps and national strategy ratings with gaps and missing answers."""
    rows, gaps = [], []
    for r in range(draw(st.integers(0, 10))):
        country = draw(st.sampled_from(["KZ", "UZ", "MN"]))
        group = draw(st.sampled_from(["ngo", "government", "community"]))
        for target in draw(
            st.lists(st.sampled_from(["saiga", "kulan", "pooled"]), max_size=2, unique=True)
        ):
            for threat in draw(st.lists(st.sampled_from(DIRECT), max_size=3, unique=True)):
                level = draw(st.one_of(st.none(), st.integers(0, 4)))
                rows += rating_rows(country, target, threat, group, [level], start=r, prefix="r")
        for factor in draw(st.lists(st.sampled_from(["governance", "science"]), max_size=2)):
            gap = draw(st.one_of(st.none(), st.integers(1, 4)))
            gaps += gap_rows(country, factor, group, [gap], start=r, prefix="r")
    strategies = pd.DataFrame(
        {
            "country": ["KZ"],
            "action": [draw(st.sampled_from(list(load_actions()["code"])))],
            "impact": [draw(st.integers(1, 4))],
            "feasibility": [draw(st.integers(1, 4))],
            "cost": [draw(st.sampled_from(["low", "medium", "high"]))],
            "source": [""],
            "meeting_date": ["2027-01-01"],
        }
    )
    return ratings_frame(rows), gaps_frame(gaps), strategies


@pytest.fixture(scope="module")
def small_config(tmp_path_factory):
    path = tmp_path_factory.mktemp("config") / "scoring.toml"
    path.write_text(
        "[bootstrap]\nresamples = 30\n[sensitivity]\nrandom_scenarios = 3\n", encoding="utf-8"
    )
    return str(path)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(small_inputs())
def test_no_output_table_contains_nan_whatever_the_inputs(small_config, inputs):
    ratings, gaps, strategies = inputs
    params = AnalysisParams(seed=3, config_path=small_config, date="2026-03-01")
    result = run_analysis(
        None,
        ratings,
        None,
        None,
        params,
        factor_gaps=gaps,
        strategy_ratings=strategies,
        reference=REFERENCE,
    )
    assert_no_missing_values(result.tables())
