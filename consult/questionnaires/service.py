"""Questionnaire services: XLSForm import as append-only versions, and loading them back.

A questionnaire is identified by the XLSForm ``form_id``. Importing a workbook whose form_id
is known adds a version (number + 1) and makes it current; a new form_id creates a new
questionnaire. Versions are never updated: responses point at the version they answered,
so the form they were given stays exactly what it was.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import event, inspect
from sqlalchemy.orm import joinedload

from consult import audit, spreadsheets
from consult.extensions import db
from consult.models import Answer, Questionnaire, QuestionnaireVersion, Response, User, utcnow
from surveys.model import Form
from surveys.pages import pages
from surveys.xlsform import MAX_BYTES, FormError, FormIssue, form_to_xlsx, load_form

#: Parsed forms kept in memory per app; a version never changes, so entries never go stale.
FORM_CACHE_SIZE = 32
_SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$")
_cache_lock = threading.Lock()

if TYPE_CHECKING:
    pass


class QuestionnaireError(ValueError):
    """A user-facing problem with a questionnaire (not with the workbook itself)."""


@dataclass
class ImportResult:
    """An imported version with pyxform's warnings about its workbook."""

    version: QuestionnaireVersion
    warnings: list[FormIssue] = field(default_factory=list)
    created: bool = False
    #: the form is the same as the latest version's: nothing was added, ``version`` is that one
    unchanged: bool = False
    #: with ``unchanged``: the very same workbook file (else the same form in another file)
    same_workbook: bool = False


def max_upload_bytes() -> int:
    """The largest XLSForm accepted, from the XLSFORM_MAX_BYTES setting (default 5 MB)."""
    return int(current_app.config.get("XLSFORM_MAX_BYTES") or MAX_BYTES)


def slugify(text: str) -> str:
    """A URL slug from a form id: ``cami_gap_needs`` → ``cami-gap-needs``."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.strip().lower()).strip("-")
    return slug[:120].strip("-") or "questionnaire"


def import_questionnaire(
    data: bytes,
    filename: str,
    *,
    user: User | None = None,
    slug: str | None = None,
    expected_form_id: str | None = None,
    attachments: Mapping[str, bytes] | None = None,
    publish: bool = True,
) -> ImportResult:
    """Check an XLSForm workbook and store it as a new questionnaire version.

    With ``publish`` the version is published at once and becomes the current one; without,
    it is a draft that only staff see (a preview) until :func:`publish_version`. A workbook
    whose form (attached files included) is the same as the latest version's adds nothing:
    the result is ``unchanged`` and names that version.

    Same form_id as an existing questionnaire: a new version (number + 1); ``slug`` is then
    ignored, the link stays what it was. A new form_id: a new
    questionnaire at ``slug`` (default: the slugified form_id, with ``-2``, ``-3`` … added
    when taken). Flushes and audits; the caller commits. Raises
    :class:`surveys.xlsform.FormError` unchanged for a workbook that cannot be used, and
    :class:`QuestionnaireError` for a malformed or taken ``slug``, or a form_id other than
    ``expected_form_id`` (a new version uploaded from a questionnaire's page); nothing is
    stored then. A form_id, title, version, language code, page or question name longer
    than its database column is a :class:`FormError` naming its sheet, row and column.
    ``attachments`` (file name -> bytes) are the CSV, XML and GeoJSON files the form reads;
    they are kept inside the version's parsed form (see :mod:`surveys.attachments`).
    """
    loaded = load_form(
        data,
        filename,
        max_bytes=max_upload_bytes(),
        limits=spreadsheets.limits(),
        attachments=attachments,
    )
    form = loaded.form
    issues = storage_issues(form)
    if issues:
        raise FormError(issues, loaded.warnings)
    if expected_form_id is not None and form.form_id != expected_form_id:
        raise QuestionnaireError(
            _(
                "form_id: the workbook's form_id is '%(found)s', not '%(expected)s'; a new "
                "version must keep the form_id of the settings sheet",
                found=form.form_id,
                expected=expected_form_id,
            )
        )
    questionnaire = db.session.scalar(
        db.select(Questionnaire).where(Questionnaire.form_id == form.form_id)
    )
    created = questionnaire is None
    content_hash = hashlib.sha256(data).hexdigest()
    definition = form.to_dict()
    form_hash = hashlib.sha256(
        json.dumps(definition, sort_keys=True, ensure_ascii=False, default=str).encode()
    ).hexdigest()
    if questionnaire is None:
        questionnaire = Questionnaire(
            form_id=form.form_id, slug=_free_slug(slug, form.form_id), title=form.title
        )
        db.session.add(questionnaire)
        db.session.flush()
        number = 1
    else:
        latest = db.session.scalar(
            db.select(QuestionnaireVersion)
            .where(QuestionnaireVersion.questionnaire_id == questionnaire.id)
            .order_by(QuestionnaireVersion.number.desc())
            .limit(1)
        )
        if latest is not None and latest.form_hash == form_hash:
            return ImportResult(
                version=latest,
                warnings=list(loaded.warnings),
                unchanged=True,
                same_workbook=latest.content_hash == content_hash,
            )
        number = 1 + (latest.number if latest is not None else 0)
    version = QuestionnaireVersion(
        questionnaire=questionnaire,
        number=number,
        version_label=form.version or "",
        form=form.to_dict(),
        source_filename=filename[-255:],
        source_xlsx=data,
        created_by_id=user.id if user is not None else None,
        status="draft",
        content_hash=content_hash,
        form_hash=form_hash,
    )
    db.session.add(version)
    db.session.flush()
    audit.record(
        "questionnaire.import",
        "questionnaire",
        questionnaire.id,
        user=user,
        form_id=form.form_id,
        version=number,
        version_id=version.id,
        filename=filename[-255:],
        warnings=len(loaded.warnings),
        draft=not publish,
    )
    if publish:
        publish_version(version, user=user)
    return ImportResult(version=version, warnings=list(loaded.warnings), created=created)


def publish_version(version: QuestionnaireVersion, *, user: User | None = None) -> None:
    """Publish a draft version: it becomes the one new respondents answer (and the
    questionnaire takes its title). Audited; flushes, the caller commits.

    Raises :class:`QuestionnaireError` for a version published already, or a draft older
    than the current version (publishing it would take the newer form away)."""
    questionnaire = version.questionnaire
    if version.status == "published":
        raise QuestionnaireError(
            _("Version %(number)d is published already.", number=version.number)
        )
    current = questionnaire.current_version
    if current is not None and current.number > version.number:
        raise QuestionnaireError(
            _(
                "Version %(number)d is older than the published version %(current)d; import "
                "its workbook again to publish it as a new version.",
                number=version.number,
                current=current.number,
            )
        )
    version.status = "published"
    version.published_at = utcnow()
    questionnaire.current_version = version
    questionnaire.title = load_version_form(version).title
    db.session.flush()
    audit.record(
        "questionnaire.publish",
        "questionnaire",
        questionnaire.id,
        user=user,
        version=version.number,
        version_id=version.id,
    )


def drafts(questionnaire: Questionnaire) -> list[QuestionnaireVersion]:
    """The questionnaire's draft versions, newest first."""
    return [v for v in reversed(questionnaire.versions) if v.status == "draft"]


def _column_length(column) -> int:
    return column.property.columns[0].type.length


def storage_issues(form: Form) -> list[FormIssue]:
    """What of ``form`` would not fit the database columns it is stored in: the settings'
    form_id, form_title and version, language codes (stored with each response), page keys
    (a response remembers the page it reached) and question names (each answer row names
    its question). Each issue names the sheet, row and column to shorten; an empty list
    when everything fits."""
    issues = _settings_issues(form)
    longest_tag = _column_length(Response.language)
    for code in form.languages:
        if len(code) > longest_tag:
            sheet, column = _language_column(form, code)
            issues.append(
                FormIssue(
                    sheet,
                    1 if column else None,
                    column,
                    _(
                        "The language code '%(code)s' is longer than %(limit)d characters; "
                        "name the language with a shorter code, such as 'uz-Cyrl'.",
                        code=code,
                        limit=longest_tag,
                    ),
                )
            )
    longest_key = _column_length(Response.current_section)
    for page in pages(form):
        if len(page.key) > longest_key:
            message = _(
                "The page '%(name)s' (a group's name after those of the groups around it) is "
                "%(length)d characters long; at most %(limit)d fit.",
                name=_cut(page.key),
                length=len(page.key),
                limit=longest_key,
            )
            issues.append(_survey_issue(form, _page_row(form, page.key), message))
    longest_name = _column_length(Answer.question)
    for question in form.questions.values():
        if len(question.name) > longest_name:
            message = _(
                "The question name '%(name)s' is %(length)d characters long; at most "
                "%(limit)d fit.",
                name=_cut(question.name),
                length=len(question.name),
                limit=longest_name,
            )
            issues.append(_survey_issue(form, question.row, message))
    return issues


def _settings_issues(form: Form) -> list[FormIssue]:
    checks = (
        ("form_id", form.form_id, _column_length(Questionnaire.form_id)),
        ("form_title", form.title, _column_length(Questionnaire.title)),
        ("version", form.version or "", _column_length(QuestionnaireVersion.version_label)),
    )
    sheet = form.sheets.get("settings")
    issues = []
    for name, value, limit in checks:
        if len(value) > limit:
            column = _header(sheet, name) if sheet else None
            issues.append(
                FormIssue(
                    sheet.title if sheet and column else None,
                    2 if column else None,
                    column,
                    _(
                        "The %(setting)s is %(length)d characters long; at most %(limit)d fit.",
                        setting=name,
                        length=len(value),
                        limit=limit,
                    ),
                )
            )
    return issues


def _header(sheet, name: str) -> str | None:
    aliases = {"form_id": ("form_id", "id_string"), "form_title": ("form_title", "title")}
    wanted = aliases.get(name, (name,))
    return next((h for h in sheet.headers if h.strip().lower() in wanted), None)


def _language_column(form: Form, code: str) -> tuple[str | None, str | None]:
    """The sheet and the first translation column header that gives language ``code``."""
    for key in ("survey", "choices"):
        sheet = form.sheets.get(key)
        for header in sheet.headers if sheet else ():
            suffix = header.partition("::")[2]
            if suffix and code in re.sub(r"[^a-z0-9]+", "-", suffix.lower()):
                return sheet.title, header
    return None, None


def _page_row(form: Form, key: str) -> int | None:
    """The survey row a page key comes from: its group's, else its first question's."""
    group = form.groups.get(key)
    if group is not None:
        return group.row
    question = form.questions.get(key.partition("~")[0])
    return question.row if question is not None else None


def _cut(name: str) -> str:
    return name if len(name) <= 60 else name[:59] + "\u2026"


def _survey_issue(form: Form, row: int | None, message: str) -> FormIssue:
    sheet = form.sheets.get("survey")
    return FormIssue(sheet.title if sheet else "survey", row, "name", message)


def import_form(
    data: bytes,
    filename: str,
    *,
    user: User | None = None,
    slug: str | None = None,
    publish: bool = True,
) -> QuestionnaireVersion:
    """Import an XLSForm workbook and return the new version (see
    :func:`import_questionnaire`, which also returns the workbook's warnings)."""
    return import_questionnaire(data, filename, user=user, slug=slug, publish=publish).version


def _free_slug(requested: str | None, form_id: str) -> str:
    def taken(candidate: str) -> bool:
        return (
            db.session.scalar(db.select(Questionnaire.id).where(Questionnaire.slug == candidate))
            is not None
        )

    if requested:
        requested = requested.strip().lower()
        if not _SLUG_RE.match(requested):
            raise QuestionnaireError(
                _(
                    "slug: '%(slug)s' may only hold lower-case letters, digits and hyphens",
                    slug=requested,
                )
            )
        if taken(requested):
            raise QuestionnaireError(
                _("slug: '%(slug)s' is used by another questionnaire", slug=requested)
            )
        return requested
    base = slugify(form_id)
    candidate, n = base, 1
    while taken(candidate):
        n += 1
        candidate = f"{base[:114]}-{n}"
    return candidate


def get_questionnaire(slug: str) -> Questionnaire | None:
    """The questionnaire at ``/s/<slug>``, or None, with its current version (without the
    form's JSON, which comes from :func:`load_version_form`'s cache) in the same query."""
    return db.session.scalar(
        db.select(Questionnaire)
        .where(Questionnaire.slug == slug)
        .options(joinedload(Questionnaire.current_version))
    )


def get_version(questionnaire: Questionnaire, number: int | None = None) -> QuestionnaireVersion:
    """Version ``number`` of a questionnaire, or when ``number`` is None its current
    (published) version, else, while only drafts exist, the newest draft (for the
    secretariat's pages and exports; respondents only ever get the current version).

    Raises :class:`QuestionnaireError` when there is no such version.
    """
    if number is None:
        if questionnaire.current_version is not None:
            return questionnaire.current_version
        if questionnaire.versions:
            return questionnaire.versions[-1]
        raise QuestionnaireError(_("'%(slug)s' has no version", slug=questionnaire.slug))
    # Looked up among the loaded versions: a number from a URL may be larger than the
    # database's integer type, which a query would turn into a driver error.
    version = next((v for v in questionnaire.versions if v.number == number), None)
    if version is None:
        raise QuestionnaireError(
            _("'%(slug)s' has no version %(number)d", slug=questionnaire.slug, number=number)
        )
    return version


def load_version_form(version: QuestionnaireVersion) -> Form:
    """The surveys :class:`~surveys.model.Form` of a stored version.

    Parsed once and kept per app: a version's form never changes. The key includes the
    creation time so that a row id reused after a rollback never returns another form.
    """
    cache = current_app.extensions.setdefault("consult.forms", OrderedDict())
    key = (version.id, version.questionnaire_id, version.number, version.created_at)
    with _cache_lock:
        form = cache.get(key)
        if form is not None:
            cache.move_to_end(key)
            return form
    form = Form.from_dict(version.form)
    with _cache_lock:
        cache[key] = form
        while len(cache) > FORM_CACHE_SIZE:
            cache.popitem(last=False)
    return form


def version_xlsx(version: QuestionnaireVersion) -> bytes:
    """The XLSForm workbook of a version (.xlsx bytes); importing it gives the same form."""
    return form_to_xlsx(load_version_form(version))


def xlsx_filename(version: QuestionnaireVersion) -> str:
    """A download name such as ``cami-gap-needs-v2.xlsx``."""
    return f"{version.questionnaire.slug}-v{version.number}.xlsx"



def set_public(questionnaire: Questionnaire, public: bool, *, user: User | None = None) -> None:
    """Open or close the public link /s/<slug> (invitations keep working); audited."""
    if questionnaire.public == public:
        return
    questionnaire.public = public
    audit.record(
        "questionnaire.public", "questionnaire", questionnaire.id, user=user, public=public
    )


def ensure_shipped_questionnaire() -> QuestionnaireVersion | None:
    """Import the programme's questionnaire (slug ``cami-gap-needs``) unless it is there.

    Returns the new version, or None when a questionnaire with its form_id exists already
    (whatever its versions), so running ``consult init`` again changes nothing.
    """
    from surveys.forms.cami_gap_needs import FORM_ID, SHIPPED, SLUG

    exists = db.session.scalar(db.select(Questionnaire.id).where(Questionnaire.form_id == FORM_ID))
    if exists is not None:
        return None
    return import_form(SHIPPED.read_bytes(), SHIPPED.name, slug=SLUG)


def form_issues(error: FormError) -> list[FormIssue]:
    """The issues of a FormError to show; a refused workbook's limit in the user's
    language."""
    refusal = error.refusal
    if refusal is None:
        return list(error.issues)
    message = spreadsheets.message(refusal)
    return [FormIssue(refusal.sheet, refusal.row, refusal.column_label() or None, message)]


def describe_error(error: FormError) -> list[str]:
    """The messages of a FormError, each naming its sheet, row and column."""
    return [str(issue) for issue in form_issues(error)] or [str(error)]


@event.listens_for(QuestionnaireVersion.form, "set")
@event.listens_for(QuestionnaireVersion.source_xlsx, "set")
def _refuse_version_change(target, value, oldvalue, initiator):
    # Responses refer to a version by id: changing its form would silently change what
    # every stored answer meant. A new version is imported instead.
    state = inspect(target)
    if state.persistent or state.detached:
        raise QuestionnaireError("a questionnaire version cannot be changed; import a new one")
