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
                    "threats_present": "poaching livestock",
                    "poaching_scope": ["low", "high", "very_high"][number % 3],
                    "poaching_severity": "high",
                    "poaching_irreversibility": "medium",
                    "livestock_scope": "medium",
                    "livestock_severity": "medium",
                    "livestock_irreversibility": "low",
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
    page.wait_for_selector("#heatmap", timeout=60000)
    assert page.locator("figure.chart svg").count() >= 1
    assert page.locator("#scores tbody tr").count() >= 6
    cluster = page.locator("details.cluster").first
    cluster.locator("summary").click()
    assert cluster.locator(".quotes li").count() >= 1
    with page.expect_download() as download_info:
        page.click("text=Download workbook (XLSX)")
    path = tmp_path / "analysis.xlsx"
    download_info.value.save_as(path)
    assert path.read_bytes()[:2] == b"PK"
