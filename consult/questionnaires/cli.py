"""``consult forms …``: questionnaires (XLSForm workbooks) from the shell, through the same
services as the secretariat's pages."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from consult.extensions import db

forms_cli = AppGroup("forms", help="Import and export questionnaires (XLSForm workbooks).")


def questionnaire_or_fail(slug: str):
    """The questionnaire called ``slug``, or a command-line error saying there is none."""
    from consult.questionnaires import get_questionnaire

    questionnaire = get_questionnaire(slug)
    if questionnaire is None:
        raise click.ClickException(f"there is no questionnaire '{slug}' (see: consult forms list)")
    return questionnaire


@forms_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--slug", default=None, help="Link name /s/<slug> of a new questionnaire.")
@click.option(
    "--attach",
    "attach",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A CSV, XML or GeoJSON file the form reads (select_one_from_file, csv-external, "
    "xml-external, pulldata); repeat for each file.",
)
@click.option(
    "--draft",
    is_flag=True,
    help="Keep the new version as a draft (previewed on the web, published later with "
    "'consult forms publish').",
)
def import_form_command(
    file: Path, slug: str | None, attach: tuple[Path, ...], draft: bool
) -> None:
    """Import an XLSForm workbook (.xlsx): a new questionnaire, or a new version of the one
    with the same form_id, published at once unless --draft. A workbook whose form is the
    same as the latest version's adds nothing and says so. Prints the slug and respondent
    link; exits with status 1 and every problem (sheet, row, column) when the form cannot be
    used."""
    from consult import spreadsheets
    from consult.questionnaires import (
        QuestionnaireError,
        form_issues,
        import_questionnaire,
        max_upload_bytes,
    )
    from surveys.attachments import MAX_ATTACHMENT_BYTES
    from surveys.spreadsheet import SpreadsheetError
    from surveys.xlsform import FormError

    attachments = {}
    for path in attach:
        if path.stat().st_size > MAX_ATTACHMENT_BYTES:
            click.echo(f"{file}: the form was not imported:", err=True)
            click.echo(
                f"  {path.name}: larger than the limit of {MAX_ATTACHMENT_BYTES // 1024} KB",
                err=True,
            )
            raise SystemExit(1)
        attachments[path.name] = path.read_bytes()
    try:
        data = spreadsheets.read_file(file, max_upload_bytes())
        result = import_questionnaire(
            data, file.name, slug=slug, attachments=attachments, publish=not draft
        )
    except SpreadsheetError as error:
        click.echo(f"{file}: the form was not imported:", err=True)
        click.echo(f"  {spreadsheets.describe(error)}", err=True)
        raise SystemExit(1) from error
    except FormError as error:
        db.session.rollback()
        click.echo(f"{file}: the form was not imported:", err=True)
        for issue in form_issues(error):
            click.echo(f"  {issue}", err=True)
        raise SystemExit(1) from error
    except QuestionnaireError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from error
    db.session.commit()
    version = result.version
    questionnaire = version.questionnaire
    if result.unchanged:
        same = "workbook" if result.same_workbook else "form"
        click.echo(
            f"{questionnaire.slug}: unchanged, the same {same} as version {version.number} "
            f"({version.status}); no version added"
        )
        return
    state = "new questionnaire" if result.created else "new version"
    if draft:
        state += ", draft"
    click.echo(f"{questionnaire.slug} version {version.number} ({state}): {questionnaire.title}")
    if draft:
        click.echo(
            f"publish it with: consult forms publish {questionnaire.slug} "
            f"--version {version.number}"
        )
    else:
        click.echo(f"respondent link: /s/{questionnaire.slug}")
    for warning in result.warnings:
        click.echo(f"  warning: {warning}", err=True)


@forms_cli.command("publish")
@click.argument("slug")
@click.option(
    "--version", "number", type=int, default=None, help="Version number (default: the newest)."
)
def publish_form_command(slug: str, number: int | None) -> None:
    """Publish a draft version: respondents answer it from now on."""
    from consult.questionnaires import QuestionnaireError, get_version, publish_version

    questionnaire = questionnaire_or_fail(slug)
    try:
        if number is None:
            if not questionnaire.versions:
                raise QuestionnaireError(f"'{slug}' has no version")
            version = questionnaire.versions[-1]
        else:
            version = get_version(questionnaire, number)
        publish_version(version)
    except QuestionnaireError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"{slug} version {version.number} published: /s/{slug}")


@forms_cli.command("export")
@click.argument("slug")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Workbook to write (.xlsx).",
)
@click.option(
    "--version", "number", type=int, default=None, help="Version number (default: current)."
)
@click.option(
    "--single-title",
    is_flag=True,
    help="Leave out the translated titles (form_title::…): the workbook KoboToolbox and "
    "ODK Central accept.",
)
def export_form_command(slug: str, out: Path, number: int | None, single_title: bool) -> None:
    """Write a questionnaire's XLSForm workbook; importing it again gives the same form."""
    from consult.questionnaires import QuestionnaireError, get_version, version_xlsx

    questionnaire = questionnaire_or_fail(slug)
    try:
        version = get_version(questionnaire, number)
    except QuestionnaireError as error:
        raise click.ClickException(str(error)) from error
    data = version_xlsx(version)
    if single_title:
        from surveys.xlsform import single_title_workbook

        data = single_title_workbook(data)
    out.write_bytes(data)
    click.echo(f"{out}: {slug} version {version.number}")


@forms_cli.command("list")
def list_forms_command() -> None:
    """List questionnaires: slug, current version, versions, public or invitation only."""
    from consult.models import Questionnaire

    for questionnaire in db.session.scalars(db.select(Questionnaire).order_by(Questionnaire.slug)):
        current = questionnaire.current_version
        access = "public" if questionnaire.public else "invitation only"
        waiting = sum(v.status == "draft" for v in questionnaire.versions)
        drafts = f" ({waiting} draft)" if waiting else ""
        click.echo(
            f"{questionnaire.slug}\tversion {current.number if current else '-'} "
            f"of {len(questionnaire.versions)}{drafts}\t{access}\t{questionnaire.title}"
        )
