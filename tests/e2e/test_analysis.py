import pytest

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

SAYINGS = [
    ("en", "Poachers set snares for saiga and sell the horns to traders."),
    ("ru", "Браконьеры ставят петли на сайгаков и продают рога."),
    ("en", "The railway fence stops the gazelles from migrating south in winter."),
    ("ru", "Забор вдоль железной дороги перекрывает путь миграции джейранов."),
    ("en", "Too many goats: overgrazing leaves no pasture for kulan."),
    ("ru", "Перевыпас скота, пастбища деградируют, куланам нечего есть."),
]


def _seed(app):
    from consult.accounts import create_user
    from consult.extensions import db
    from tests.factories import make_response, make_version

    with app.app_context():
        create_user("sec@example.org", "a long enough password", "admin")
        version = make_version("cami_gap_needs", "cami-gap-needs")
        for number in range(18):
            lang, text = SAYINGS[number % len(SAYINGS)]
            make_response(
                version,
                {
                    "target_1": "saiga",
                    "t1_threats": "poaching livestock",
                    "t1_poaching_scope": ["low", "high", "very_high"][number % 3],
                    "t1_poaching_severity": "high",
                    "t1_poaching_irreversibility": "medium",
                    "t1_livestock_scope": "medium",
                    "t1_livestock_severity": "medium",
                    "t1_livestock_irreversibility": "low",
                    "gap_enforcement": "inadequate",
                    "main_threats_text": text,
                },
                country=["KZ", "MN", "UZ"][number % 3],
                group=["government", "community"][number % 2],
                language=lang,
            )
        db.session.commit()


def test_secretariat_runs_analysis_and_explores_results(live_app, live_server, page, tmp_path):
    _seed(live_app)
    login(page, live_server, "sec@example.org", "a long enough password")
    page.goto(f"{live_server}/secretariat/analysis/")
    page.select_option("select[name=questionnaire]", "cami-gap-needs")
    page.fill("input[name=k]", "3")
    page.click("text=Start analysis")
    # the progress page follows the run and moves on to the results by itself
    page.wait_for_selector("#heatmap-grid", timeout=60000)
    assert page.locator("#heatmap-grid tbody tr").count() == 3
    assert page.locator("#summary-table tbody tr").count() >= 6
    cluster = page.locator("details.cluster").first
    cluster.locator("summary").click()
    assert cluster.locator(".quotes li").count() >= 1
    with page.expect_download() as download_info:
        page.click("text=Download workbook (XLSX)")
    path = tmp_path / "analysis.xlsx"
    download_info.value.save_as(path)
    assert path.read_bytes()[:2] == b"PK"


def test_a_cell_of_the_results_opens_its_respondents_and_arithmetic(
    live_app, live_server, page
):
    _seed(live_app)
    login(page, live_server, "sec@example.org", "a long enough password")
    page.goto(f"{live_server}/secretariat/analysis/")
    page.select_option("select[name=questionnaire]", "cami-gap-needs")
    page.click("text=Start analysis")
    page.wait_for_selector("#ratings-table", timeout=60000)
    row = page.locator("#ratings-table tbody tr", has_text="Kazakhstan").filter(
        has_text="Poaching"
    )
    assert row.count() == 1
    row.locator("a").first.click()
    page.wait_for_selector("#evidence-respondents")
    # The six KZ respondents, each with a link to their answers, their group and ratings.
    assert page.locator("#evidence-respondents tbody tr").count() == 6
    assert page.locator("#evidence-respondents a[href*='/secretariat/responses/']").count() == 6
    assert page.locator("#evidence-groups tbody tr").count() == 2
    steps = page.locator("#evidence-steps li")
    assert steps.count() >= 3
    assert "mean" in steps.all_inner_texts()[-1].lower() or "label" in " ".join(
        steps.all_inner_texts()
    ).lower()
