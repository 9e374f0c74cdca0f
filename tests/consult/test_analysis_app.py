"""Analysis runs from the secretariat's pages and the command line, on both databases."""

import io
import zipfile

import openpyxl
import pandas as pd
import pytest

from consult.extensions import db
from consult.models import AnalysisRun
from tests.conftest import csrf_token
from tests.factories import make_response, make_version

TEXTS = {
    "en": "Poachers shoot saiga for horns and sell them across the border.",
    "ru": "Браконьеры убивают сайгаков ради рогов, охрана не справляется.",
}


@pytest.fixture
def rated(app):
    """Twelve respondents in two countries and three groups, with ratings and free text."""
    with app.app_context():
        version = make_version("cami_gap_needs", "cami-gap-needs")
        groups = ["government", "community", "ngo"]
        for number in range(12):
            country = "KZ" if number % 2 else "MN"
            lang = "ru" if number % 3 else "en"
            make_response(
                version,
                {
                    "threats_present": "poaching infrastructure",
                    "poaching_scope": "very_high" if country == "KZ" else "medium",
                    "poaching_severity": "high",
                    "poaching_irreversibility": "high",
                    "poaching_trend": "increasing",
                    "infrastructure_scope": "high",
                    "infrastructure_severity": "high" if country == "MN" else "low",
                    "infrastructure_irreversibility": "very_high",
                    "infrastructure_trend": "stable",
                    "needs_rank": "enforcement funding data",
                    "measures_in_place": "anti_poaching",
                    "eff_anti_poaching": "less",
                    "main_threats_text": TEXTS[lang],
                },
                country=country,
                group=groups[number % 3],
                language=lang,
            )
        db.session.commit()
    return app


def _start(client, **fields):
    data = {"questionnaire": "cami-gap-needs", "seed": "3", "csrf_token": csrf_token(
        client, "/secretariat/analysis/")}
    data.update(fields)
    return client.post("/secretariat/analysis/", data=data)


def test_secretariat_runs_an_analysis_and_reads_the_results(rated, client, auth):
    rated.config["ANALYSIS_SYNC"] = True
    auth.login("admin")
    response = _start(client)
    assert response.status_code == 302
    run_url = response.headers["Location"]
    with rated.app_context():
        run = db.session.scalars(db.select(AnalysisRun)).one()
        assert run.status == "done", run.error
        assert run.progress == 1.0
    page = client.get(run_url).get_data(as_text=True)
    assert "<svg" in page  # the heatmap, rendered by the app
    assert "Kazakhstan" in page and "Mongolia" in page
    status = client.get(run_url + "/status.json").json
    assert status["status"] == "done"


def test_every_score_links_to_the_answers_behind_it(rated, client, auth):
    rated.config["ANALYSIS_SYNC"] = True
    auth.login("admin")
    run_url = _start(client).headers["Location"]
    evidence = client.get(run_url + "/evidence?country=KZ&theme=poaching")
    assert evidence.status_code == 200
    html = evidence.get_data(as_text=True)
    assert html.count("/secretariat/responses/") >= 6  # the six KZ respondents
    assert client.get(run_url + "/evidence?country=XX&theme=poaching").status_code == 404


def test_workbook_and_csv_downloads(rated, client, auth):
    rated.config["ANALYSIS_SYNC"] = True
    auth.login("admin")
    run_url = _start(client).headers["Location"]
    workbook = client.get(run_url + "/download.xlsx")
    assert workbook.status_code == 200
    sheets = openpyxl.load_workbook(io.BytesIO(workbook.data)).sheetnames
    assert "threat_scores" in sheets and "Method" in sheets
    archive = zipfile.ZipFile(io.BytesIO(client.get(run_url + "/download.zip").data))
    assert "threat_scores.csv" in archive.namelist()
    scores = pd.read_csv(archive.open("threat_scores.csv"))
    kz = scores[(scores["country"] == "KZ") & (scores["theme"] == "poaching")].iloc[0]
    assert kz["n_respondents"] == 6
    report = client.get(run_url + "/report")
    assert report.status_code == 200 and b"<svg" in report.data


def test_failed_run_is_recorded_not_raised(rated, client, auth):
    rated.config["ANALYSIS_SYNC"] = True
    auth.login("admin")
    response = _start(client, questionnaire="no-such-form")
    assert response.status_code == 200  # not a valid choice: the form says so
    assert "Not a valid choice" in response.get_data(as_text=True)


def test_facilitators_cannot_see_analysis(client, auth):
    auth.login("facilitator", ("KZ",))
    assert client.get("/secretariat/analysis/").status_code == 403


def test_analyse_command_writes_every_table_and_is_reproducible(rated, runner, tmp_path):
    args = ["analyse", "--questionnaire", "cami-gap-needs", "--seed", "5",
            "--date", "2026-11-25T00:00:00Z"]
    first = runner.invoke(args=[*args, "--out", str(tmp_path / "a")])
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=[*args, "--out", str(tmp_path / "b")])
    assert second.exit_code == 0, second.output
    for name in ("threat_scores", "priorities_by_country", "regional_priorities",
                 "clusters", "cluster_assignments", "gaps"):
        a = (tmp_path / "a" / f"{name}.csv").read_bytes()
        assert a == (tmp_path / "b" / f"{name}.csv").read_bytes(), name
    assert (tmp_path / "a" / "analysis.xlsx").read_bytes() == (
        tmp_path / "b" / "analysis.xlsx"
    ).read_bytes()
    assert (tmp_path / "a" / "report.html").exists()


def test_analyse_command_filters_countries(rated, runner, tmp_path):
    result = runner.invoke(
        args=["analyse", "--out", str(tmp_path), "--countries", "KZ", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    scores = pd.read_csv(tmp_path / "threat_scores.csv")
    assert set(scores["country"]) == {"KZ"}


def test_text_classify_and_cluster_commands(runner, tmp_path):
    source = tmp_path / "in.csv"
    pd.DataFrame(
        {
            "text": [
                "=HYPERLINK(\"http://x\") poachers with snares",
                "Браконьеры ставят петли на сайгаков",
                "The new railway fence blocks gazelle migration",
                "Забор вдоль железной дороги мешает миграции",
                "Overgrazing by goats leaves no pasture for wildlife",
                "Перевыпас скота, пастбища деградируют",
            ],
            "lang": ["en", "ru", "en", "ru", "en", "ru"],
        }
    ).to_csv(source, index=False)
    out = tmp_path / "classified.csv"
    result = runner.invoke(
        args=["text", "classify", str(source), "--lang-column", "lang", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    classified = pd.read_csv(out, keep_default_na=False)
    assert list(classified["theme"][:4]) == ["poaching", "poaching", "infrastructure",
                                             "infrastructure"]
    assert classified["text"][0].startswith("'=")  # formula neutralised
    clustered = tmp_path / "clustered.csv"
    result = runner.invoke(
        args=["text", "cluster", str(source), "--lang-column", "lang", "--k", "3",
              "--out", str(clustered)]
    )
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(clustered)
    assert frame["cluster"].nunique() == 3 and frame["cluster_label"].notna().all()


def test_text_commands_name_a_missing_column(runner, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("body\nhello\n")
    result = runner.invoke(args=["text", "classify", str(source), "--out", str(tmp_path / "o")])
    assert result.exit_code != 0 and "no column 'text'" in result.output


def test_runs_can_be_limited_to_stakeholder_groups(rated, client, auth):
    rated.config["ANALYSIS_SYNC"] = True
    auth.login("admin")
    run_url = _start(client, groups="community").headers["Location"]
    archive = zipfile.ZipFile(io.BytesIO(client.get(run_url + "/download.zip").data))
    scores = pd.read_csv(archive.open("threat_scores.csv"))
    kz = scores[(scores["country"] == "KZ") & (scores["theme"] == "poaching")].iloc[0]
    assert kz["n_respondents"] == 2  # the two KZ respondents of the community group
    assert "Limited to" in client.get(run_url).get_data(as_text=True)


def test_analyse_runs_end_to_end_on_the_demo_data(app, runner, tmp_path):
    from consult.questionnaires import ensure_shipped_questionnaire

    with app.app_context():
        ensure_shipped_questionnaire()
        db.session.commit()
    seeded = runner.invoke(args=["seed-demo", "--seed", "11"])
    assert seeded.exit_code == 0, seeded.output
    result = runner.invoke(
        args=["analyse", "--out", str(tmp_path), "--questionnaire", "cami-gap-needs",
              "--date", "2026-11-25T00:00:00Z"]
    )
    assert result.exit_code == 0, result.output
    scores = pd.read_csv(tmp_path / "threat_scores.csv")
    assert scores["country"].nunique() == 14
    assert (scores["n_texts_interview"] > 0).any()  # interview notes count as evidence
    clusters = pd.read_csv(tmp_path / "clusters.csv")
    assert len(clusters) >= 3 and clusters["size"].sum() > 500
    regional = pd.read_csv(tmp_path / "regional_priorities.csv")
    assert list(regional["rank"][:3]) == [1, 2, 3]


# --- runs whose process dies -----------------------------------------------------------------


def _run_row(app, **values) -> int:
    from consult.models import utcnow
    from consult.runs.service import RunRequest

    with app.app_context():
        now = utcnow()
        values.setdefault("created_at", now)
        run = AnalysisRun(
            parameters=vars(RunRequest(questionnaire="cami-gap-needs", seed=3)),
            **{key: value(now) if callable(value) else value for key, value in values.items()},
        )
        db.session.add(run)
        db.session.commit()
        return run.id


def test_a_run_whose_process_died_is_shown_failed_and_can_start_again(rated, client, auth):
    from datetime import timedelta

    rated.config["ANALYSIS_SYNC"] = True
    # A worker that took the run ten minutes ago and then died: no heartbeat since.
    run_id = _run_row(
        rated,
        status="running",
        progress=0.4,
        started_at=lambda now: now - timedelta(minutes=10),
        heartbeat_at=lambda now: now - timedelta(minutes=9),
    )
    alive_id = _run_row(
        rated, status="running", started_at=lambda now: now, heartbeat_at=lambda now: now
    )
    auth.login("admin")
    status = client.get(f"/secretariat/analysis/{run_id}/status.json").json
    assert status["status"] == "failed"
    page = client.get(f"/secretariat/analysis/{run_id}").get_data(as_text=True)
    assert "gave no sign of life" in page
    assert "Start it again with the same settings" in page
    assert client.get(f"/secretariat/analysis/{alive_id}/status.json").json["status"] == "running"

    again = client.post(
        f"/secretariat/analysis/{run_id}/restart",
        data={"csrf_token": csrf_token(client, f"/secretariat/analysis/{run_id}")},
    )
    assert again.status_code == 302
    with rated.app_context():
        newest = db.session.scalars(db.select(AnalysisRun).order_by(AnalysisRun.id.desc())).first()
        assert newest.id not in (run_id, alive_id)
        assert newest.status == "done", newest.error
        assert newest.parameters["seed"] == 3
        assert newest.heartbeat_at is not None


def test_a_run_no_worker_took_fails_after_the_queue_timeout(rated, client, auth):
    from datetime import timedelta

    run_id = _run_row(rated, status="queued", created_at=lambda now: now - timedelta(hours=2))
    auth.login("admin")
    listing = client.get("/secretariat/analysis/").get_data(as_text=True)
    assert "failed" in listing
    page = client.get(f"/secretariat/analysis/{run_id}").get_data(as_text=True)
    assert "consult worker" in page


def test_the_heartbeat_is_written_while_the_analysis_is_busy(rated):
    """The heartbeat comes from a thread of its own: it goes on while the computing thread
    is busy in one long step and says nothing."""
    import time

    from consult.runs.service import _Heartbeat

    def now(moment):
        return moment

    run_id = _run_row(rated, status="running", started_at=now, heartbeat_at=now)
    with rated.app_context():
        first = db.session.get(AnalysisRun, run_id).heartbeat_at
        with _Heartbeat(rated, run_id, 0.05):
            time.sleep(0.5)  # the long, silent step
        db.session.expire_all()
        later = db.session.get(AnalysisRun, run_id).heartbeat_at
    assert later > first
