"""The coding queue: texts with the machine's themes, least certain first, and the coders'
decisions on them.

A text is a free-text answer or an interview note as the analysis reads it
(:func:`consult.runs.frames.free_texts`, same ids). Its machine themes, confidence and
evidence come from the newest finished analysis run that tagged it (a run limited to some
countries leaves the others' tags to older runs). The first coder's themes are the text's
reviewed tags, which take precedence over the machine's in the next run
(:func:`consult.runs.frames.with_reviewed_tags`). A share of the texts
(``CODING_SECOND_SHARE``, chosen from the text's id by :func:`analysis.agreement.in_sample`)
is offered to a second, different coder, who is never shown the first coder's decision; the
two decisions give the inter-coder agreement.

Writes flush; the caller commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import reference
from analysis.agreement import Agreement, coder_agreement, in_sample
from consult import audit
from consult.extensions import db
from consult.models import AnalysisRun, Coding, User, utcnow

MODES = ("first", "second")
STATUSES = ("todo", "coded", "all")
#: How many finished runs are read for machine tags: a text none of them tagged waits for
#: the next run.
RUNS_READ = 10


class CodingRefused(Exception):
    """A decision this coder may not make on this text; ``reason`` says why: not_offered,
    second_coder, nothing_to_confirm or unknown_mode."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Filters:
    """What the queue shows: a country, a language, a theme (the machine's or the coder's
    own), texts to code / coded / all, and whose decision (first, or a second opinion)."""

    country: str = ""
    language: str = ""
    theme: str = ""
    status: str = "todo"
    mode: str = "first"

    def as_args(self) -> dict[str, str]:
        """The filters as query-string arguments, defaults left out."""
        defaults = Filters()
        return {
            name: value
            for name, value in vars(self).items()
            if value and value != getattr(defaults, name)
        }


@dataclass
class Item:
    """One text of the queue, with the machine's tags and the coders' decisions."""

    id: str
    text: str
    lang: str
    country: str
    source: str
    link: str
    question: str
    #: the facilitator's tags of an interview note (the note's theme, the interview's threats)
    facilitator_tags: list[str] = field(default_factory=list)
    #: None: no finished run has tagged this text yet
    machine_themes: list[str] | None = None
    confidence: float | None = None
    evidence: str = ""
    #: why the machine gave a non-answer no theme ("thanks", "don't know" …), else ""
    abstain_reason: str = ""
    run_id: int | None = None
    first: Coding | None = None
    second: Coding | None = None
    #: offered to a second coder
    sampled: bool = False

    def coding(self, mode: str) -> Coding | None:
        return self.first if mode == "first" else self.second

    def shown_themes(self, mode: str) -> list[str]:
        """Themes the queue filters on in ``mode``: the machine's and that role's decision
        (a second coder's queue never looks at the first coder's)."""
        coding = self.coding(mode)
        return [*(self.machine_themes or []), *(coding.themes if coding else [])]


def ordered_themes(codes: Iterable[str]) -> list[str]:
    """Distinct theme codes in the reference data's order; unknown codes are dropped."""
    wanted = set(codes)
    return [code for code in reference.theme_codes() if code in wanted]


def machine_tags(runs: int = RUNS_READ) -> dict[str, dict]:
    """The machine's tags of each text, by text id, from the newest finished run that
    tagged it among the last ``runs``: themes (list), confidence, evidence, the reason a
    non-answer got no theme, and run id."""
    query = (
        db.select(AnalysisRun.id, AnalysisRun.results["tables"]["tagged_texts"])
        .where(AnalysisRun.status == "done")
        .order_by(AnalysisRun.finished_at.desc().nulls_last(), AnalysisRun.id.desc())
        .limit(runs)
    )
    found: dict[str, dict] = {}
    for run_id, tagged in db.session.execute(query):
        for row in tagged or []:
            text_id = row.get("id")
            if not isinstance(text_id, str) or text_id in found:
                continue
            confidence = row.get("confidence")
            found[text_id] = {
                "themes": ordered_themes(
                    code.strip() for code in str(row.get("themes") or "").split(";")
                ),
                "confidence": float(confidence) if isinstance(confidence, int | float) else None,
                "evidence": str(row.get("evidence") or ""),
                "abstain_reason": str(row.get("abstain_reason") or ""),
                "run_id": run_id,
            }
    return found


def _codings() -> dict[tuple[str, str], Coding]:
    return {
        (coding.text_id, coding.role): coding
        for coding in db.session.scalars(db.select(Coding))
    }


def _order(item: Item) -> tuple:
    """Least certain first: the machine's confidence in its most confident theme, lowest
    first (a text it gave no theme has 0); texts no run has tagged yet come last, having
    no suggestion to check; ties in the order of the texts' ids."""
    untagged = item.machine_themes is None
    return (untagged, item.confidence if item.confidence is not None else 0.0, item.id)


def load_items(share: float) -> list[Item]:
    """Every text to code, least certain first (:func:`_order`), with its machine tags,
    its codings and whether it is in the second coder's sample of ``share``."""
    from consult.runs.frames import free_texts

    texts = free_texts(db.session)
    tags = machine_tags()
    codings = _codings()
    items = []
    for row in texts.to_dict("records"):
        text_id = row["id"]
        machine = tags.get(text_id, {})
        items.append(
            Item(
                id=text_id,
                text=row["text"],
                lang=row["lang"] or "",
                country=row["country"] or "",
                source=row["source"],
                link=row["link"] or "",
                question=row["question"] or "",
                facilitator_tags=ordered_themes(
                    code.strip() for code in str(row["tags"] or "").split(";")
                ),
                machine_themes=machine.get("themes"),
                confidence=machine.get("confidence"),
                evidence=machine.get("evidence", ""),
                abstain_reason=machine.get("abstain_reason", ""),
                run_id=machine.get("run_id"),
                first=codings.get((text_id, "first")),
                second=codings.get((text_id, "second")),
                sampled=in_sample(text_id, share),
            )
        )
    return sorted(items, key=_order)


def offered_for_second_opinion(item: Item, user: User) -> bool:
    """Whether ``user`` may give the second opinion on ``item``: it is in the sample, a
    first coder has decided, and that was someone else."""
    return item.sampled and item.first is not None and item.first.coder_id != user.id


def in_mode(items: Sequence[Item], filters: Filters, user: User) -> list[Item]:
    """The items of the queue's mode, country, language and theme, whatever their status."""
    chosen = []
    for item in items:
        if filters.mode == "second" and not offered_for_second_opinion(item, user):
            continue
        if filters.country and item.country != filters.country:
            continue
        if filters.language and item.lang != filters.language:
            continue
        if filters.theme and filters.theme not in item.shown_themes(filters.mode):
            continue
        chosen.append(item)
    return chosen


def has_status(item: Item, filters: Filters) -> bool:
    coded = item.coding(filters.mode) is not None
    return filters.status == "all" or coded == (filters.status == "coded")


def queue(items: Sequence[Item], filters: Filters, user: User) -> list[Item]:
    """The queue as filtered, least certain first."""
    return [item for item in in_mode(items, filters, user) if has_status(item, filters)]


def neighbours(
    items: Sequence[Item], current: Item, filters: Filters, user: User
) -> tuple[Item | None, Item | None, int, int]:
    """The previous and next texts of the filtered queue around ``current`` (which counts
    as part of it even when the filters would now leave it out, e.g. once coded), its
    place (1-based) and the queue's length."""
    listed = [
        item
        for item in in_mode(items, filters, user)
        if item.id == current.id or has_status(item, filters)
    ]
    if current.id not in {item.id for item in listed}:
        following = queue(items, filters, user)
        return None, following[0] if following else None, 0, len(following)
    place = next(n for n, item in enumerate(listed) if item.id == current.id)
    previous = listed[place - 1] if place > 0 else None
    following = listed[place + 1] if place + 1 < len(listed) else None
    return previous, following, place + 1, len(listed)


def save_coding(
    item: Item, user: User, mode: str, themes: Iterable[str] | None, *, confirm: bool = False
) -> Coding:
    """Record ``user``'s decision on ``item`` as its first coding or second opinion
    (``mode``), with the audit event. ``confirm`` takes the machine's themes; otherwise
    ``themes`` are the coder's ([] = "no theme"). Refused (:class:`CodingRefused`): a
    second opinion on a text not offered to ``user``, a first coding by the text's second
    coder (one person cannot be both), confirming a text no run has tagged."""
    if mode not in MODES:
        raise CodingRefused("unknown_mode")
    if mode == "second" and not offered_for_second_opinion(item, user):
        raise CodingRefused("not_offered")
    other = item.second if mode == "first" else item.first
    if mode == "first" and other is not None and other.coder_id == user.id:
        raise CodingRefused("second_coder")
    if confirm:
        if item.machine_themes is None:
            raise CodingRefused("nothing_to_confirm")
        chosen = list(item.machine_themes)
    else:
        chosen = ordered_themes(themes or [])
    coding = item.coding(mode)
    previous = list(coding.themes) if coding is not None else None
    if coding is None:
        coding = Coding(text_id=item.id, role=mode)
        db.session.add(coding)
    coding.themes = chosen
    coding.coder_id = user.id
    coding.coded_at = utcnow()
    coding.country_code = item.country or None
    coding.language = item.lang[:35]
    coding.machine_themes = list(item.machine_themes) if item.machine_themes is not None else None
    coding.machine_confidence = item.confidence
    db.session.flush()
    if mode == "first":
        item.first = coding
    else:
        item.second = coding
    if not chosen:
        decision = "no_theme"
    elif item.machine_themes is not None and set(chosen) == set(item.machine_themes):
        decision = "confirm"
    else:
        decision = "correct"
    audit.record(
        "coding.save",
        "coding",
        coding.id,
        user=user,
        text_id=item.id,
        role=mode,
        decision=decision,
        themes=chosen,
        previous=previous,
        machine_themes=coding.machine_themes,
        machine_confidence=item.confidence,
        run_id=item.run_id,
    )
    return coding


@dataclass
class SecondOpinions:
    """The second coder's sample and the inter-coder agreement on it."""

    share: float
    #: texts in the sample that a first coder has decided on
    offered: int
    #: of which a second coder has decided on too
    doubly_coded: int
    agreement: Agreement


def second_opinions(items: Sequence[Item], share: float) -> SecondOpinions:
    """Agreement between first and second coders on every text both decided on
    (:func:`analysis.agreement.coder_agreement`, per theme and pooled)."""
    both = [item for item in items if item.first is not None and item.second is not None]
    return SecondOpinions(
        share=share,
        offered=sum(1 for item in items if item.sampled and item.first is not None),
        doubly_coded=len(both),
        agreement=coder_agreement(
            [item.first.themes for item in both],
            [item.second.themes for item in both],
            reference.theme_codes(),
        ),
    )


def history(item: Item, mode: str) -> list:
    """The audit events of ``item``'s coding in ``mode``, newest first."""
    coding = item.coding(mode)
    return audit.history("coding", coding.id) if coding is not None else []


def question_label(item: Item, lang: str) -> str:
    """The question a survey text answers, by its label in ``lang`` (else the form's
    default language), as plain text; its name when the form gives it no label."""
    from consult.models import Response
    from consult.questionnaires import load_version_form
    from consult.respond.page_view import plain_label

    kind, _, rest = item.id.partition(":")
    response_id, _, name = rest.partition(":")
    if kind != "survey" or not response_id.isdigit():
        return item.question
    response = db.session.get(Response, int(response_id))
    if response is None or response.version is None:
        return item.question
    try:
        form = load_version_form(response.version)
    except (ValueError, KeyError):  # a stored form this version of the engine cannot read
        return item.question
    question = form.questions.get(name or item.question)
    return plain_label(form, question, lang) if question is not None else item.question
