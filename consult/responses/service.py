"""Responses: drafts saved page by page, resume links and submissions that happen once.

A respondent answers one *page* at a time (:mod:`surveys.pages` says which pages a form has
and which of them the answers bring up).

Answers are stored long (one :class:`~consult.models.Answer` row per question and repeat
instance, the ODK raw value as text). Saving a page replaces that page's rows and the
calculations in one transaction. Submitting prunes what is not relevant, checks every visible
page, and flips the draft to submitted with a guarded ``UPDATE … WHERE status = 'draft'``, so
two concurrent submits of the same draft store it once; the browser's client submission id
(unique) makes a retried request find the response it already created.

Service functions flush and the caller commits (:func:`in_transaction` commits with one retry
when SQLite reports a lock).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from flask import current_app
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import ARRAY, Integer, Text, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import joinedload

from consult import audit, media
from consult.extensions import db
from consult.invitations import (
    COUNTRY_QUESTION,
    GROUP_QUESTION,
    InvitationError,
    claim_submission,
    fixed_answers,
)
from consult.models import (
    Answer,
    Country,
    Invitation,
    QuestionnaireVersion,
    Response,
    StakeholderGroup,
    utcnow,
)
from consult.security import hash_token, new_token
from surveys.model import MEDIA_TYPES, REPEAT_PARENT, Form
from surveys.pages import Page, visible_pages
from surveys.validation import (
    AnswerError,
    check_answers,
    clean_answers,
    coerce,
    coerce_answers,
    drop_instances,
    initial_values,
    is_empty,
    long_answers,
    nested_repeats,
    repeat_questions,
    settle,
    visibility,
)

T = TypeVar("T")

#: Crockford's base-32 digits: no I, L, O or U, so a reference read over the phone is unambiguous.
REFERENCE_DIGITS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#: The profile questions whose answers give a response its country and stakeholder group.
#: More repeat instances than this on one page are refused (a form post cannot grow a draft
#: without bound).
MAX_INSTANCES = 50
_CLIENT_ID_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")

#: The engine's default messages (surveys.validation.DEFAULT_MESSAGES), listed so that the
#: message catalogue holds their translations; they are looked up by the same text.
MESSAGES = (
    _l("This question requires an answer."),
    _l("This answer is not allowed."),
    _l("Enter a whole number."),
    _l("Enter a whole number between -2147483648 and 2147483647."),
    _l("Enter a number."),
    _l("Enter a date as YYYY-MM-DD."),
    _l("Enter a time as HH:MM."),
    _l("Enter a date and time as YYYY-MM-DD HH:MM."),
    _l("'{code}' is not one of the choices."),
    _l("Choose only one answer."),
    _l("'{code}' is ranked more than once."),
    _l("Tick the box to confirm."),
    _l("'{code}' is not available with your other answers."),
    _l("Shorten this answer to at most {limit} characters (it has {length})."),
    _l(
        "This answer could not be checked against the question's rule in time. "
        "Please shorten or simplify it."
    ),
)


class ResponseClosed(Exception):
    """The draft was submitted meanwhile (in another tab or request); it cannot change."""


class SubmissionIncomplete(Exception):
    """A submission with a visible page that still has errors (the first such page)."""

    def __init__(self, page_key: str, errors: dict[str, str]):
        self.page_key = page_key
        self.errors = errors
        super().__init__(f"page {page_key!r} has {len(errors)} error(s)")


def load_values(response: Response, form: Form) -> dict[str, Any]:
    """The response's stored answers as the engine's values: typed for the question, lists
    (one item per instance) inside repeats. Rows for questions the form no longer has are
    left out."""
    rows = db.session.execute(
        db.select(Answer.question, Answer.instance, Answer.value).where(
            Answer.response_id == response.id
        )
    ).all()
    values: dict[str, Any] = {}
    repeated: dict[str, dict[int, Any]] = {}
    for name, instance, text in rows:
        question = form.questions.get(name)
        if question is None:
            continue
        value = _typed(question, text)
        if question.repeat is None:
            values[name] = value
        elif instance >= 1:
            repeated.setdefault(name, {})[instance] = value
    for name, items in repeated.items():
        values[name] = [items.get(i, "") for i in range(1, max(items) + 1)]
    repeats = {form.questions[name].repeat for name in repeated}
    for repeat in repeats:
        count = max(len(values[q.name]) for q in repeat_questions(form, repeat) if q.name in values)
        for question in repeat_questions(form, repeat):
            items = values.get(question.name) or []
            values[question.name] = list(items) + [""] * (count - len(items))
    return values


def _typed(question, text: str) -> Any:
    if not question.answered:
        return text
    try:
        return coerce(question, text)
    except AnswerError:
        return text


def _raw(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return str(value)


def _rows(form: Form, names: Iterable[str], values: Mapping[str, Any]) -> list[dict]:
    rows = []
    for name in names:
        question = form.questions.get(name)
        if question is None or name not in values:
            continue
        value = values[name]
        if question.repeat is not None:
            items = value if isinstance(value, list) else []
            # Empty items are kept inside repeats: they hold the number of instances.
            rows.extend(
                {"question": name, "instance": i, "value": _raw(item)}
                for i, item in enumerate(items, start=1)
            )
        elif not is_empty(value):
            rows.append({"question": name, "instance": 0, "value": _raw(value)})
    return rows


def _unnest_insert():
    """``INSERT INTO answers … SELECT :response_id, … FROM unnest(:questions, :instances,
    :values)``: a response's answers in one statement of three array parameters."""
    table = Answer.__table__
    items = func.unnest(
        bindparam("questions", type_=ARRAY(table.c.question.type)),
        bindparam("instances", type_=ARRAY(Integer)),
        bindparam("values", type_=ARRAY(Text)),
    ).table_valued("question", "instance", "value").render_derived(name="items")
    return insert(table).from_select(
        ["response_id", "question", "instance", "value"],
        select(
            bindparam("response_id", type_=Integer),
            items.c.question,
            items.c.instance,
            items.c.value,
        ),
    )


_UNNEST_INSERT = _unnest_insert()


def _insert_answers(
    response_id: int, form: Form, names: Iterable[str], values: Mapping[str, Any]
) -> None:
    """Insert the answers ``values`` holds for the questions ``names``."""
    rows = _rows(form, names, values)
    if not rows:
        return
    if db.session.get_bind().dialect.name == "postgresql":
        # One statement with three arrays instead of one row each (an executemany is
        # pipelined, but the server still runs ~80 inserts): a third of the time of a
        # whole questionnaire's submission on PostgreSQL.
        db.session.execute(
            _UNNEST_INSERT,
            {
                "response_id": response_id,
                "questions": [row["question"] for row in rows],
                "instances": [row["instance"] for row in rows],
                "values": [row["value"] for row in rows],
            },
        )
        return
    # The table, not the entity: plain rows skip the ORM's bulk-insert bookkeeping,
    # a third of the cost of storing a questionnaire.
    db.session.execute(
        Answer.__table__.insert(), [{"response_id": response_id, **row} for row in rows]
    )


def _replace_answers(
    response_id: int, form: Form, names: Iterable[str] | None, values: Mapping[str, Any]
) -> None:
    """Delete the rows of the questions ``names`` (every row when None) and insert the
    answers ``values`` holds for them."""
    if names is None:
        db.session.execute(
            delete(Answer)
            .where(Answer.response_id == response_id)
            .execution_options(synchronize_session=False)
        )
        names = list(form.questions)
    else:
        names = list(dict.fromkeys(names))
        for start in range(0, len(names), 500):
            db.session.execute(
                delete(Answer)
                .where(
                    Answer.response_id == response_id,
                    Answer.question.in_(names[start : start + 500]),
                )
                .execution_options(synchronize_session=False)
            )
    _insert_answers(response_id, form, names, values)


def _calculated(form: Form) -> list[str]:
    return [name for name, question in form.questions.items() if question.calculation]


def drop_blank_instances(form: Form, values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` without the repeat instances in which nothing was answered (a respondent
    who opens an instance and leaves it empty has not named anyone); an instance holding an
    answered instance of a repeat inside it is not blank. Repeats with a fixed
    ``repeat_count`` keep every instance."""
    result = dict(values)
    repeats = sorted(
        (g for g in form.groups.values() if g.kind == "repeat"),
        key=lambda g: -g.path.count("/"),
    )
    for group in repeats:
        members = repeat_questions(form, group.name)
        lists = {
            q.name: result.get(q.name)
            for q in members
            if q.answered and q.type != REPEAT_PARENT
        }
        count = max(
            (len(result[q.name]) for q in members if isinstance(result.get(q.name), list)),
            default=0,
        )
        for question in members:
            items = result.get(question.name)
            if isinstance(items, list) and len(items) < count:
                result[question.name] = items + [""] * (count - len(items))
        if group.repeat_count:
            continue
        held = set()
        for inner in nested_repeats(form, group.name):
            link = form.parent_question(inner)
            parents = result.get(link) if link and isinstance(result.get(link), list) else []
            held.update(int(p) - 1 for p in parents if str(p).isdigit())
        blank = [
            i
            for i in range(count)
            if i not in held
            and not any(
                isinstance(v, list) and i < len(v) and not is_empty(v[i]) for v in lists.values()
            )
        ]
        result = drop_instances(form, result, group.name, blank)
    return result


# -- starting and resuming ---------------------------------------------------------------



def reference_prefix(form_id: str) -> str:
    """The letters a form's references start with: ``cami_gap_needs`` gives ``CAMI``."""
    head = re.sub(r"[^A-Za-z0-9]", "", re.split(r"[_\-\s.]", form_id, maxsplit=1)[0])
    return head.upper()[:6] or "REF"


def new_reference(form_id: str, rng: Callable[[int], str] | None = None) -> str:
    """A random reference such as ``CAMI-7K3Q-9F2D`` not used by any response yet.

    ``rng(n)`` returns ``n`` random digits (default: :mod:`secrets`); the demo data passes its
    seeded generator so a demo run is repeatable.
    """
    while True:
        reference = _draw_reference(form_id, rng)
        taken = db.session.scalar(db.select(Response.id).where(Response.reference == reference))
        if taken is None:
            return reference


def _draw_reference(form_id: str, rng: Callable[[int], str] | None = None) -> str:
    """A random reference for a response of ``form_id``, which may be taken already."""
    draw = rng or (lambda n: "".join(secrets.choice(REFERENCE_DIGITS) for _ in range(n)))
    digits = draw(8)
    return f"{reference_prefix(form_id)}-{digits[:4]}-{digits[4:]}"


def _insert_response(
    form_id: str, rng: Callable[[int], str] | None = None, **columns: Any
) -> Response:
    """Insert a response with ``columns`` and a new reference (as :func:`new_reference`
    draws them) and return it, persistent in the session.

    One ``INSERT … ON CONFLICT (reference) DO NOTHING RETURNING`` per reference drawn, in
    place of a SELECT for the reference and a flush: a reference that is taken returns no
    row and the next one drawn is tried. Any other unique column (the client submission id)
    still raises IntegrityError.
    """
    statement = _RESPONSE_INSERTS.get(db.session.get_bind().dialect.name)
    if statement is None:  # pragma: no cover - the app runs on PostgreSQL and SQLite only
        response = Response(reference=new_reference(form_id, rng), **columns)
        db.session.add(response)
        db.session.flush()
        return response
    while True:
        row = {**columns, "reference": _draw_reference(form_id, rng)}
        response = db.session.scalars(statement, [row]).first()
        if response is not None:
            return response


def _response_insert(insert_for_dialect) -> Any:
    return (
        insert_for_dialect(Response)
        .on_conflict_do_nothing(index_elements=[Response.reference])
        .returning(Response)
    )


#: by dialect: the statement of :func:`_insert_response`, built once (the cache key of a
#: statement with its values inside costs as much again as running it)
_RESPONSE_INSERTS = {
    "postgresql": _response_insert(postgresql.insert),
    "sqlite": _response_insert(sqlite.insert),
}


def start_response(
    version: QuestionnaireVersion,
    form: Form,
    language: str,
    *,
    invitation: Invitation | None = None,
) -> tuple[Response, str]:
    """Open a draft response to ``version`` in the form language ``language``.

    The draft starts with the form's fixed defaults, and with the invitation's country and
    stakeholder group as answers to the profile questions when the form offers them. Returns
    the response and its resume token (the only copy: the database keeps its hash). Flushes
    and audits (anonymously); the caller commits.
    """
    token, digest = new_token()
    response = Response(
        version_id=version.id,
        invitation_id=invitation.id if invitation is not None else None,
        language=language,
        status="draft",
        reference=new_reference(form.form_id),
        resume_token_hash=digest,
        source="web",
    )
    values = initial_values(form)
    values.update(invitation_answers(form, invitation))
    if invitation is not None:
        response.country_code = invitation.country_code
        response.group_code = invitation.group_code
    first = visible_pages(form, values)
    response.current_section = first[0].key if first else ""
    db.session.add(response)
    db.session.flush()
    _insert_answers(response.id, form, values, values)
    audit.record(
        "response.start",
        "response",
        response.id,
        version_id=version.id,
        language=language,
        invitation_id=response.invitation_id,
    )
    return response, token


def resume(token: str) -> Response | None:
    """The response a resume link's token belongs to, or None for an unknown token."""
    if not token or len(token) > 200:
        return None
    return db.session.scalar(
        db.select(Response).where(Response.resume_token_hash == hash_token(token))
    )


def find_submission(client_id: str | None, *, with_questionnaire: bool = False) -> Response | None:
    """The response already stored under a client submission id, or None; with its version
    and the version's questionnaire loaded in the same query when ``with_questionnaire``."""
    if not client_id or not _CLIENT_ID_RE.match(client_id):
        return None
    query = db.select(Response).where(Response.client_submission_id == client_id)
    if with_questionnaire:
        query = query.options(
            joinedload(Response.version, innerjoin=True).joinedload(
                QuestionnaireVersion.questionnaire, innerjoin=True
            )
        )
    return db.session.scalar(query)


def valid_client_id(client_id: str | None) -> bool:
    """True for a client submission id of the shape the pages generate."""
    return bool(client_id) and bool(_CLIENT_ID_RE.match(client_id))


# -- saving a page -----------------------------------------------------------------------


@dataclass
class PageResult:
    """A page checked and saved: all values after it, and the messages for its questions
    (``name`` or ``name[i]`` with ``i`` counted from 0 inside repeats)."""

    values: dict[str, Any]
    errors: dict[str, str]
    #: ``surveys.validation.visibility`` of ``values``
    flags: dict[str, Any]


def answer_max_length() -> int:
    """The longest answer accepted, in characters (the ANSWER_MAX_LENGTH setting)."""
    return current_app.config["ANSWER_MAX_LENGTH"]


def _keep_stored(
    stored: Mapping[str, Any], submitted: Mapping[str, Any], keys: Iterable[str]
) -> dict[str, Any]:
    """``submitted`` with the stored answers back in place of the answers ``keys`` names
    (``name`` or ``name[i]``), or without them where nothing was stored."""
    kept = dict(submitted)
    for key in keys:
        name, _, index = key.partition("[")
        if not index:
            if name in stored:
                kept[name] = stored[name]
            else:
                kept.pop(name, None)
            continue
        i = int(index.rstrip("]"))
        before = stored.get(name) if isinstance(stored.get(name), list) else []
        items = list(kept.get(name) or [])
        items[i] = before[i] if i < len(before) else ""
        kept[name] = items
    return kept


def check_page(
    form: Form,
    page: Page,
    stored: Mapping[str, Any],
    submitted: Mapping[str, Any],
    language: str,
) -> PageResult:
    """Coerce and check one page's submitted answers against the stored ones.

    ``submitted`` holds every answered question of the page (raw text, lists of codes, lists
    per repeat instance). Returns the merged values, with answers that do not parse left
    empty and answers to questions that are not relevant dropped, and the page's messages in
    ``language`` (the form's own messages; the engine's through gettext). An answer longer
    than :func:`answer_max_length` is not taken: the stored one stays, with a message.
    """
    limit = answer_max_length()
    too_long = long_answers(form, page.questions, submitted, limit, translate=gettext)
    merged = dict(stored)
    merged.update(_keep_stored(stored, submitted, too_long))
    cleaned, errors, flags = clean_answers(
        form, page.questions, merged, language, translate=gettext, max_length=limit
    )
    errors.update(too_long)
    for name in page.questions:
        question = form.questions[name]
        if not question.answered or question.repeat is not None:
            continue
        if not flags.get(name):
            # Answers that are not relevant count as empty for visibility() already, so
            # dropping them leaves ``flags`` true to the values.
            cleaned.pop(name, None)
    return PageResult(values=cleaned, errors=errors, flags=flags)


def save_page(
    response: Response,
    form: Form,
    page: Page,
    values: Mapping[str, Any],
    resume_page: str | None = None,
) -> None:
    """Store a draft page: replace the answers to ``page``'s questions and every calculation
    with those in ``values`` (the whole response's values), and remember the page the
    respondent goes on from (``resume_page``, default this page), which the resume link
    opens. Raises :class:`ResponseClosed` for a response that is no longer a draft.
    Flushes; the caller commits, so the page is saved whole or not at all."""
    # Writing the response row first, only while it is a draft, makes two saves of the same
    # draft (a double click, two tabs) take turns and a save racing a submit see the submit:
    # PostgreSQL holds the row lock and re-reads the status after the other commits; SQLite
    # takes its write lock here, before the status is read (a SELECT ... FOR UPDATE takes no
    # lock there, so a save could rewrite the answers of a response just submitted).
    claimed = db.session.execute(
        update(Response)
        .where(Response.id == response.id, Response.status == "draft")
        .values(current_section=(resume_page or page.key)[:120], updated_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    if claimed != 1:
        raise ResponseClosed(response.reference)
    db.session.expire(response, ["current_section", "updated_at"])
    names = [n for n in page.questions if form.questions[n].answered] + _calculated(form)
    _replace_answers(response.id, form, names, values)
    db.session.flush()


# -- submitting --------------------------------------------------------------------------


def _metadata(form: Form, values: dict[str, Any], response: Response, now: datetime) -> None:
    stamps = {
        "start": response.created_at.isoformat() if response.created_at else now.isoformat(),
        "end": now.isoformat(),
        "today": now.date().isoformat(),
    }
    for name, question in form.questions.items():
        if question.type in stamps and question.repeat is None:
            values[name] = stamps[question.type]


def final_values(form: Form, values: Mapping[str, Any]) -> dict[str, Any]:
    """What a submission keeps: blank repeat instances dropped, calculations redone and the
    answers to questions that are not relevant removed."""
    return settle_values(form, values)[0]


def settle_values(
    form: Form, values: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """:func:`final_values` and the visibility of its result: ``(kept, flags)``."""
    return settle(form, drop_blank_instances(form, values))


def submission_errors(
    form: Form, values: Mapping[str, Any], language: str, flags: Mapping[str, Any] | None = None
) -> tuple[list[Page], dict[str, str]]:
    """The visible pages of a submission and the rules its coerced ``values`` break on
    them, as page by page (``flags``: the visibility of ``values`` when known)."""
    flags = visibility(form, values) if flags is None else flags
    shown = visible_pages(form, values, flags)
    names = [n for page in shown for n in page.questions]
    return shown, check_answers(form, names, values, flags, language, translate=gettext)


def check_all(
    form: Form, values: Mapping[str, Any], language: str, flags: Mapping[str, Any] | None = None
) -> None:
    """Check every visible page; raises :class:`SubmissionIncomplete` for the first page
    with errors."""
    shown, errors = submission_errors(form, values, language, flags)
    if not errors:
        return
    for page in shown:
        names = set(page.questions)
        mine = {key: message for key, message in errors.items() if key.split("[")[0] in names}
        if mine:
            raise SubmissionIncomplete(page.key, mine)


def _reference_code(model, code: Any) -> str | None:
    """``code`` when it is a row of the reference table ``model`` (a country, a stakeholder
    group), else None. Reference rows are only ever added, so codes found once are
    remembered for the life of the app."""
    if not isinstance(code, str) or not code:
        return None
    known = current_app.extensions.setdefault("consult.reference_codes", {})
    found = known.get(model.__tablename__, frozenset())
    if code in found:
        return code
    if db.session.scalar(db.select(model.code).where(model.code == code)) is None:
        return None
    known[model.__tablename__] = found | {code}
    return code


def invitation_answers(form: Form, invitation: Invitation | None) -> dict[str, str]:
    """The answers ``invitation`` fixes that ``form`` can hold: its country and group, for
    profile questions outside repeats whose choices include the code."""
    result = {}
    for name, code in fixed_answers(invitation, form.questions).items():
        question = form.questions[name]
        if question.repeat is None and (not question.codes or code in question.codes):
            result[name] = code
    return result


def _profile_codes(
    kept: Mapping[str, Any], fallback: Invitation | Response | None
) -> tuple[str | None, str | None]:
    """The country and stakeholder group of a submission: an invitation's own, else the
    profile answers where they name a known code, else those of ``fallback`` (the
    invitation, or the draft)."""
    country = _reference_code(Country, kept.get(COUNTRY_QUESTION))
    group = _reference_code(StakeholderGroup, kept.get(GROUP_QUESTION))
    if isinstance(fallback, Invitation):
        return fallback.country_code or country, fallback.group_code or group
    if fallback is not None:
        country = country or fallback.country_code
        group = group or fallback.group_code
    return country, group


def file_answers(form: Form, values: Mapping[str, Any]) -> set[tuple[str, int]]:
    """The (question, repeat instance) of every media answer given in ``values``."""
    keys = set()
    for name, value in values.items():
        question = form.questions.get(name)
        if question is None or question.type not in MEDIA_TYPES:
            continue
        if isinstance(value, list):
            keys.update((name, i) for i, item in enumerate(value, start=1) if item)
        elif value:
            keys.add((name, 0))
    return keys


def submit_response(response: Response, form: Form, client_id: str) -> Response:
    """Submit a draft and return the submitted response.

    A client id that was already used returns the response stored under it, and a response
    submitted meanwhile (a double click, a retry, a concurrent request) is returned as it
    is: either way nothing is stored twice. Otherwise the answers are pruned to what is
    relevant, every visible page is checked (:class:`SubmissionIncomplete` names the first
    page with errors; nothing changes then), and the draft becomes submitted with its
    country and stakeholder group taken from the profile answers or the invitation. Flushes
    and audits; the caller commits. When another request won the race the session is rolled
    back before the winner's row is returned.
    """
    if not valid_client_id(client_id):
        raise ValueError("client submission id missing or malformed")
    existing = find_submission(client_id)
    if existing is not None:
        return existing
    if response.status != "draft":
        return response
    now = utcnow()
    invitation = response.invitation
    values = load_values(response, form)
    values.update(invitation_answers(form, invitation))
    _metadata(form, values, response, now)
    kept, flags = settle_values(form, values)
    check_all(form, kept, response.language, flags)
    country, group = _profile_codes(kept, invitation if invitation is not None else response)
    response_id = response.id
    try:
        # The guard makes the first of two concurrent submits the only one that writes.
        claimed = db.session.execute(
            update(Response)
            .where(Response.id == response_id, Response.status == "draft")
            .values(
                status="submitted",
                submitted_at=now,
                updated_at=now,
                client_submission_id=client_id,
                country_code=country,
                group_code=group,
            )
            .execution_options(synchronize_session=False)
        ).rowcount
    except IntegrityError:
        db.session.rollback()
        return find_submission(client_id) or db.session.get(Response, response_id)
    if claimed != 1:
        db.session.rollback()
        return db.session.get(Response, response_id)
    try:
        claim_submission(invitation)
    except InvitationError:
        db.session.rollback()
        raise
    _replace_answers(response_id, form, None, kept)
    # Files whose answer the pruning dropped (no longer relevant) go with it.
    media.keep_only(db.session, response_id, file_answers(form, kept))
    db.session.expire(response)
    audit.record(
        "response.submit",
        "response",
        response_id,
        version_id=response.version_id,
        reference=response.reference,
        country=country,
        group=group,
    )
    db.session.flush()
    return response


def record_submission(
    version: QuestionnaireVersion,
    form: Form,
    values: Mapping[str, Any],
    *,
    language: str,
    source: str,
    submitted_at: datetime,
    created_at: datetime | None = None,
    reference_digits: Callable[[int], str] | None = None,
) -> Response:
    """Store a complete response in one go (demo data, imports): values pruned as on submit,
    country and group from the profile answers. Does not check the answers; the caller
    passes values that satisfy the form. Flushes; the caller commits."""
    return _store_submitted(
        version,
        form,
        final_values(form, values),
        language=language,
        source=source,
        submitted_at=submitted_at,
        created_at=created_at,
        reference_digits=reference_digits,
    )


def _store_submitted(
    version: QuestionnaireVersion,
    form: Form,
    kept: Mapping[str, Any],
    *,
    language: str,
    source: str,
    submitted_at: datetime,
    created_at: datetime | None = None,
    reference_digits: Callable[[int], str] | None = None,
    client_id: str | None = None,
    invitation: Invitation | None = None,
    external_uuid: str | None = None,
) -> Response:
    """Store values already pruned by :func:`final_values` as a submitted response; country
    and group come from the profile answers, else from the ``invitation``."""
    country, group = _profile_codes(kept, invitation)
    response = _insert_response(
        form.form_id,
        reference_digits,
        version_id=version.id,
        invitation_id=invitation.id if invitation is not None else None,
        language=language,
        country_code=country,
        group_code=group,
        status="submitted",
        source=source,
        client_submission_id=client_id,
        external_uuid=external_uuid,
        created_at=created_at or submitted_at,
        updated_at=submitted_at,
        submitted_at=submitted_at,
    )
    _insert_answers(response.id, form, form.questions, kept)
    return response


# -- transactions ------------------------------------------------------------------------


def in_transaction(work: Callable[[], T]) -> T:
    """Run ``work`` and commit. When SQLite still reports "database is locked" after its busy
    timeout, roll back and run ``work`` once more, so a respondent never sees that error."""
    for attempt in (1, 2):
        try:
            result = work()
            db.session.commit()
            return result
        except OperationalError as error:
            db.session.rollback()
            if attempt == 2 or "locked" not in str(error).lower():
                raise
    raise AssertionError("unreachable")


# -- a whole questionnaire in one request -------------------------------------------------


class SubmissionRejected(ValueError):
    """A complete submission that cannot be stored; ``errors`` maps each field (a question
    name, ``name[i]`` in a repeat, or ``client_id`` / ``language``) to its message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(f"{len(errors)} error(s)")


def check_complete(
    form: Form,
    answers: Mapping[str, Any],
    *,
    language: str,
    invitation: Invitation | None = None,
) -> dict[str, Any]:
    """The values a whole questionnaire sent at once keeps, checked by the rules of the
    pages: answers coerced and checked on every visible question, hidden ones dropped,
    calculations redone. Raises :class:`SubmissionRejected` listing every problem."""
    if language not in form.languages:
        raise SubmissionRejected(
            {"language": gettext("This questionnaire is not available in that language.")}
        )
    unknown = sorted(name for name in answers if name not in form.questions)
    if unknown:
        message = gettext("There is no question of that name in this questionnaire.")
        raise SubmissionRejected(dict.fromkeys(unknown, message))
    values, errors = coerce_answers(
        form, form.questions, answers, translate=gettext, max_length=answer_max_length()
    )
    values.update(invitation_answers(form, invitation))
    kept, flags = settle_values(form, values)
    # Every problem at once, not page by page: the client shows them all.
    for key, message in submission_errors(form, kept, language, flags)[1].items():
        errors.setdefault(key, message)
    if errors:
        raise SubmissionRejected(errors)
    return kept


def submit_complete(
    version: QuestionnaireVersion,
    form: Form,
    answers: Mapping[str, Any],
    *,
    language: str,
    client_id: str,
    invitation: Invitation | None = None,
    source: str = "web",
    external_uuid: str | None = None,
    looked_up: bool = False,
) -> tuple[Response, bool]:
    """Store a questionnaire answered elsewhere (an offline form, a partner's client, ODK
    Collect) and sent whole: ``answers`` maps question names to ODK raw values (text, a
    list of codes or a space-separated string for select_multiple, a list per repeated
    question).

    The same rules as page by page (:func:`check_complete`; :class:`SubmissionRejected`
    lists every problem and nothing is stored), country and group come from the profile
    answers or the invitation. A client id that was used already returns the stored
    response and ``False``; a new one returns the new response and ``True``. ``source``
    and ``external_uuid`` say where the response came from. ``looked_up``: the caller has
    just found no response under ``client_id`` (:func:`find_submission`) in this
    request, so without an invitation it is not looked up again: one stored meanwhile
    by a concurrent request makes the insert fail on the unique client id (IntegrityError),
    as it could after the look-up. With an invitation it is looked up again, so that the
    retry of a submission that used it up is answered with that submission rather than the
    invitation's refusal. Flushes and audits; the caller commits.
    """
    if not valid_client_id(client_id):
        raise SubmissionRejected({"client_id": gettext("A client submission id is needed.")})
    if not looked_up or invitation is not None:
        existing = find_submission(client_id)
        if existing is not None:
            return existing, False
    kept = check_complete(form, answers, language=language, invitation=invitation)
    claim_submission(invitation)
    response = _store_submitted(
        version,
        form,
        kept,
        language=language,
        source=source,
        submitted_at=utcnow(),
        client_id=client_id,
        invitation=invitation,
        external_uuid=external_uuid,
    )
    audit.insert("response.submit", "response", response.id, reference=response.reference,
                 whole=True, source=source)
    return response, True


def replace_submission(
    response: Response,
    version: QuestionnaireVersion,
    form: Form,
    kept: Mapping[str, Any],
    *,
    source: str,
    **details: Any,
) -> None:
    """Replace every answer of a submitted ``response`` with ``kept`` (values checked by
    :func:`check_complete`), answered on ``version``: an edit sent from a device. Country
    and group are read again from the answers (an invitation's stay). Flushes and audits
    the edit with ``details``; the caller commits."""
    country, group = _profile_codes(
        kept, response.invitation if response.invitation is not None else response
    )
    now = utcnow()
    before = {"version_id": response.version_id, "country": response.country_code,
              "group": response.group_code}
    response.version_id = version.id
    response.country_code = country
    response.group_code = group
    response.updated_at = now
    db.session.flush()
    _replace_answers(response.id, form, None, kept)
    db.session.expire(response, ["answers"])
    audit.record(
        "response.edit",
        "response",
        response.id,
        reference=response.reference,
        source=source,
        before=before,
        version_id=version.id,
        country=country,
        group=group,
        **details,
    )
    db.session.flush()
