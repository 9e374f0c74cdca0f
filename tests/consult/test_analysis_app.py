"""Analysis runs from the secretariat's pages and the command line, on both databases."""

import io
import zipfile

import openpyxl
import pandas as pd
import pytest

import reference
from consult.extensions import db
from consult.models import AnalysisRun
from tests.conftest import csrf_token
from tests.factories import make_response, make_version

TEXTS = {
    "en": "Poachers shoot saiga for horns and sell them across the border.",
    "ru": "Браконьеры убивают сайгаков ради рогов, охрана не справляется.",
}


#: The 2027.1 answers of one respondent naming saiga and argali: poaching rated on both,
#: infrastructure on saiga only; gap answers for two factors.
def _answers_2027(number: int, country: str) -> dict[str, str]:
    severe = "very_high" if country == "KZ" else "medium"
    return {
        "target_1": "saiga",
        "t1_threats": "poaching infrastructure",
        "t1_poaching_scope": "very_high",
        "t1_poaching_severity": severe,
        "t1_poaching_irreversibility": "high",
        "t1_poaching_trend": "increasing",
        "t1_infrastructure_scope": "high",
        "t1_infrastructure_severity": "high" if number % 2 else "low",
        "t1_infrastructure_irreversibility": "very_high",
        "t1_infrastructure_trend": "stable",
        "target_2": "argali",
        "t2_threats": "poaching",
        "t2_poaching_scope": "high",
        "t2_poaching_severity": "high",
        "t2_poaching_irreversibility": "medium",
        "t2_poaching_trend": "stable",
        "gap_enforcement": "inadequate" if number % 3 else "very_inadequate",
        "gap_funding": "very_inadequate",
        "gap_monitoring": "partly_adequate",
        "needs_rank": "enforcement funding data",
        "measures_in_place": "anti_poaching",
        "eff_anti_poaching": "less",
    }


@pytest.fixture
def rated(app):
    """Twelve 2027.1 respondents in KZ and MN and three groups rating saiga and argali, plus
    two 2026.1 respondents in KZ (pooled target), with free text."""
    with app.app_context():
        version = make_version("cami_gap_needs", "cami-gap-needs")
        groups = ["government", "community", "ngo"]
        for number in range(12):
            country = "KZ" if number % 2 else "MN"
            lang = "ru" if number % 3 else "en"
            make_response(
                version,
                {**_answers_2027(number, country), "main_threats_text": TEXTS[lang]},
                country=country,
                group=groups[number % 3],
                language=lang,
            )
        for number in range(2):
            make_response(
                version,
                {
                    "threats_present": "poaching governance",
                    "poaching_scope": "high",
                    "poaching_severity": "high",
                    "poaching_irreversibility": "high",
                    "poaching_trend": "increasing",
                    "governance_scope": "very_high",
                    "governance_severity": "very_high",
                    "governance_irreversibility": "very_high",
                },
                country="KZ",
                group=groups[number],
            )
        db.session.commit()
    return app


def _start(client, **fields):
    data = {"questionnaire": "cami-gap-needs", "seed": "3", "csrf_token": csrf_token(
        client, "/secretariat/analysis/")}
    data.update(fields)
    return client.post("/secretariat/analysis/", data=data)


def _rows(html: str, table_id: str) -> list[str]:
    """The rows of one table of a page, as text with the tags taken out."""
    import re

    body = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in rows]


def test_secretariat_runs_an_analysis_and_reads_the_results(rated, client, auth):
    import re

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
    summary = _rows(page, "summary-table")
    kz = [row for row in summary if row.startswith("Kazakhstan")]
    assert any("Poaching" in row for row in kz), summary[:5]
    ratings = _rows(page, "ratings-table")
    assert any("Saiga" in row and "Kazakhstan" in row for row in ratings)
    # 2026.1 answers name no species: their target is all species of the area.
    assert any("all species (2026.1)" in row for row in ratings)
    factors = _rows(page, "factors-table")
    assert any(row.startswith("Kazakhstan Governance and law enforcement") for row in factors)
    # Contributing factors are never ranked beside the threats.
    assert not any("Governance" in row for row in summary)
    heatmap = _rows(page, "heatmap-grid")
    assert any(row.startswith("Kazakhstan") and "n =" in row for row in heatmap)
    assert not re.search(r">\s*(nan|NaN)\s*<", page), "a missing value shown as nan"
    status = client.get(run_url + "/status.json").json
    assert status["status"] == "done"


def _stored_table(app, name: str) -> pd.DataFrame:
    with app.app_context():
        run = db.session.scalars(db.select(AnalysisRun)).one()
        return pd.DataFrame.from_records(run.results["tables"][name])


def test_a_cell_shows_its_respondents_group_means_and_arithmetic(rated, client, auth):
    import re

    rated.config["ANALYSIS_SYNC"] = True
    auth.login("admin")
    run_url = _start(client).headers["Location"]
    ratings = _stored_table(rated, "threat_ratings")
    cell = ratings[
        (ratings["country"] == "KZ") & (ratings["target"] == "saiga")
        & (ratings["threat"] == "poaching")
    ].iloc[0]
    html = client.get(
        run_url + "/evidence?country=KZ&theme=poaching&target=saiga"
    ).get_data(as_text=True)
    respondents = set(re.findall(r'href="/secretariat/responses/(\d+)"', html))
    assert len(respondents) == 6  # the six KZ respondents who rated saiga
    assert len(_rows(html, "evidence-groups")) == 1 + 3  # header + three groups
    steps = _rows(html, "evidence-steps") or re.findall(r"<li>(.*?)</li>", html)
    assert steps
    assert f"{float(cell['rating_value']):.2f}" in html and str(cell["rating"]) in html
    summary = client.get(run_url + "/evidence?country=KZ&theme=poaching").get_data(as_text=True)
    targets = _rows(summary, "evidence-targets")
    assert any("Saiga" in row for row in targets) and any("Argali" in row for row in targets)
    assert "2-prime" in summary
    factor = client.get(run_url + "/evidence?country=KZ&theme=governance").get_data(as_text=True)
    assert len(set(re.findall(r'href="/secretariat/responses/(\d+)"', factor))) == 6
    assert client.get(run_url + "/evidence?country=XX&theme=poaching").status_code == 404


def test_workbook_and_csv_downloads(rated, client, auth):
    rated.config["ANALYSIS_SYNC"] = True
    auth.login("admin")
    run_url = _start(client).headers["Location"]
    workbook = client.get(run_url + "/download.xlsx")
    assert workbook.status_code == 200
    sheets = openpyxl.load_workbook(io.BytesIO(workbook.data)).sheetnames
    for name in ("threat_summary", "threat_ratings", "factor_gaps", "priorities_by_country",
                 "regional_priorities", "sensitivity", "Method"):
        assert name in sheets, sheets
    archive = zipfile.ZipFile(io.BytesIO(client.get(run_url + "/download.zip").data))
    names = archive.namelist()
    assert "threat_ratings.csv" in names and "report.html" in names
    ratings = pd.read_csv(archive.open("threat_ratings.csv"), keep_default_na=False)
    kz = ratings[(ratings["country"] == "KZ") & (ratings["target"] == "saiga")
                 & (ratings["threat"] == "poaching")].iloc[0]
    assert int(kz["n_respondents"]) == 6
    for name in names:
        if name.endswith(".csv"):
            frame = pd.read_csv(archive.open(name), keep_default_na=False, dtype=str)
            assert not frame.isin(["nan", "NaN"]).any().any(), name
    report = client.get(run_url + "/report")
    assert report.status_code == 200 and b"<table" in report.data


def test_an_unknown_questionnaire_is_refused_by_the_run_form(rated, client, auth):
    rated.config["ANALYSIS_SYNC"] = True
    auth.login("admin")
    response = _start(client, questionnaire="no-such-form")
    assert response.status_code == 200  # not a valid choice: the form says so
    assert "Not a valid choice" in response.get_data(as_text=True)
    with rated.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(AnalysisRun)) == 0


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
    for name in ("threat_summary", "threat_ratings", "factor_gaps", "priorities_by_country",
                 "regional_priorities", "sensitivity", "clusters", "cluster_assignments",
                 "gaps"):
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
    summary = pd.read_csv(tmp_path / "threat_summary.csv")
    assert set(summary["country"]) == {"KZ"}


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
    assert set(classified["abstain_reason"]) == {""} and list(classified["detected_lang"]) == [
        "en", "ru", "en", "ru", "en", "ru"
    ]  # fmt: skip
    # a denial and a non-answer say what they are
    said = tmp_path / "said.csv"
    pd.DataFrame({"text": ["There is no poaching here any more.", "Thank you for the survey!"],
                  "lang": ["en", "en"]}).to_csv(said, index=False)  # fmt: skip
    result = runner.invoke(
        args=["text", "classify", str(said), "--lang-column", "lang", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    classified = pd.read_csv(out, keep_default_na=False)
    assert list(classified["themes"]) == ["", ""]
    assert list(classified["negated"]) == ["poaching", ""]
    assert list(classified["abstain_reason"]) == ["", "thanks"]
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
    ratings = pd.read_csv(archive.open("threat_ratings.csv"))
    kz = ratings[(ratings["country"] == "KZ") & (ratings["target"] == "saiga")
                 & (ratings["threat"] == "poaching")].iloc[0]
    assert kz["n_respondents"] == 2  # the two KZ respondents of the community group


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
    ratings = pd.read_csv(tmp_path / "threat_ratings.csv")
    assert (ratings["n_respondents"] > 0).all()
    species = {item["code"] for item in reference.species()}
    assert set(ratings["target"]) <= species | {"pooled"}
    assert len(set(ratings["target"]) & species) >= 8, "the demo rates species, not a pool"
    summary = pd.read_csv(tmp_path / "threat_summary.csv", keep_default_na=False)
    assert summary["country"].nunique() == 14
    assert set(summary["threat"]) == set(reference.theme_codes(reference.DIRECT_THREAT))
    ranked = summary[summary["rank"] != "not ranked"]
    # The demo's large countries are ranked on all four threats; the few respondents of the
    # small ones leave their cells low in evidence, and each says why it is not ranked.
    fully = ranked.groupby("country").size()
    assert (fully == 4).sum() >= 6, fully
    unranked = summary[summary["rank"] == "not ranked"]
    assert unranked["note"].str.startswith("not ranked").all()
    factors = pd.read_csv(tmp_path / "factor_gaps.csv")
    assert set(factors["factor"]) == set(reference.theme_codes(reference.CONTRIBUTING_FACTOR))
    clusters = pd.read_csv(tmp_path / "clusters.csv")
    assert len(clusters) >= 3 and clusters["size"].sum() > 500
    regional = pd.read_csv(tmp_path / "regional_priorities.csv", keep_default_na=False)
    raised = regional[regional["rank"] != "not ranked"]
    assert len(raised) >= 1 and (raised["populations"] != "").all()


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


def test_an_interview_note_is_quoted_with_its_translation(rated, client, auth):
    import re

    from consult.interviews.service import (
        InterviewData,
        NoteData,
        ParticipantData,
        create_interview,
    )
    from consult.models import User

    with rated.app_context():
        admin = db.session.scalars(db.select(User).where(User.role == "admin")).first()
        create_interview(
            InterviewData(
                country="KZ", date=pd.Timestamp("2026-01-10").date(), format="individual",
                language="ru", consent="oral",
                participants=[ParticipantData(group="community")],
                notes=[NoteData(theme="poaching", text="Браконьеры спиливают рога у сайгаков",
                                translation_en="Poachers saw the horns off saigas")],
            ),
            admin,
        )
        db.session.commit()
    rated.config["ANALYSIS_SYNC"] = True
    auth.login("admin")
    run_url = _start(client, include_interviews="y").headers["Location"]
    html = client.get(run_url + "/evidence?country=KZ&theme=poaching").get_data(as_text=True)
    assert "Браконьеры спиливают рога у сайгаков" in html
    # the label in the reader's language, the translation itself marked as English
    assert re.search(
        r'English translation:\)?\s*<bdi lang="en" dir="ltr">Poachers saw the horns off saigas<',
        html,
    )
    # a survey answer has no translation to show
    assert html.count("English translation:") == 1
