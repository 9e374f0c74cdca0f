"""``consult responses …``: export responses and import KoboToolbox / ODK Central exports from
the shell, through the same services as the secretariat's pages."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from consult.extensions import db
from consult.questionnaires.cli import questionnaire_or_fail

responses_cli = AppGroup(
    "responses", help="Export responses; import KoboToolbox / ODK exports."
)


@responses_cli.command("export")
@click.option("--form", "slug", required=True, help="Questionnaire slug.")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="File to write; .csv or .xlsx.",
)
@click.option("--labels", is_flag=True, help="Choice labels instead of codes.")
@click.option("--lang", default=None, help="Language of the labels (default: the form's).")
@click.option("--version", "number", type=int, default=None, help="Only this version's responses.")
@click.option(
    "--status",
    type=click.Choice(["submitted", "draft", "all"]),
    default="submitted",
    show_default=True,
)
def export_responses_command(
    slug: str, out: Path, labels: bool, lang: str | None, number: int | None, status: str
) -> None:
    """Export responses: one row per response, one column per question path, multiple
    choices also as 0/1 columns; cells are safe to open in a spreadsheet."""
    from consult.questionnaires import QuestionnaireError
    from consult.responses.review import ResponseFilter, export_responses

    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx"):
        raise click.BadParameter("the file must end in .csv or .xlsx", param_hint="--out")
    questionnaire = questionnaire_or_fail(slug)
    flt = ResponseFilter(
        questionnaire=questionnaire, version=number, status=None if status == "all" else status
    )
    try:
        data = export_responses(flt, fmt, labels=labels, lang=lang)
    except QuestionnaireError as error:
        raise click.ClickException(str(error)) from error
    out.write_bytes(data)
    click.echo(f"{out}: responses of {slug}")


@responses_cli.command("import")
@click.option("--form", "slug", required=True, help="Questionnaire slug.")
@click.option("--version", "number", type=int, default=None, help="Version (default: current).")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_responses_command(slug: str, number: int | None, file: Path) -> None:
    """Import a KoboToolbox, ODK Central, KoboCAT/Ona or consult export (CSV, XLSX or
    ODK Central's .csv.zip; XML or label headers) as responses. Prints what the file was
    read as and everything in it that was not imported (columns that match no question,
    sheets that match no repeat, …), then one line per row: imported, skipped (imported
    before) or error and why, with the answers kept that the row's version cannot read.
    Exits with status 1 when a row could not be imported; the others are kept."""
    from consult import spreadsheets
    from consult.questionnaires import QuestionnaireError, get_version
    from consult.responses.kobo_import import ImportFileError, import_responses
    from surveys.spreadsheet import SpreadsheetError

    questionnaire = questionnaire_or_fail(slug)
    try:
        version = get_version(questionnaire, number)
        data = spreadsheets.read_file(file, spreadsheets.limits().max_bytes)
        report = import_responses(version, data, file.name)
    except SpreadsheetError as error:
        raise click.ClickException(f"{file.name}: {spreadsheets.describe(error)}") from error
    except (QuestionnaireError, ImportFileError) as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from error
    db.session.commit()
    for finding in report.findings:
        click.echo(f"* {finding}")
    for row in report.rows:
        click.echo(f"row {row.row_number}\t{row.uuid or '-'}\t{row.outcome}\t{row.message}")
        for note in row.notes:
            click.echo(f"\t\t\tnote\t{note}")
    counts = report.counts
    click.echo(
        f"{file.name}: {counts['imported']} imported, {counts['skipped']} skipped, "
        f"{counts['error']} with errors; {report.answers} answers stored"
    )
    if counts["error"]:
        raise SystemExit(1)
