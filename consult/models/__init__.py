"""All models, imported here so the metadata is complete for Alembic and the app."""

from consult.models.accounts import (
    ApiToken,
    AuditEvent,
    LoginThrottle,
    PasswordReset,
    User,
    user_countries,
)
from consult.models.analysis import AnalysisRun
from consult.models.base import Base, utcnow
from consult.models.coding import Coding
from consult.models.interviews import (
    Interview,
    InterviewNote,
    InterviewThreat,
    Participant,
    StrategyRating,
    interview_facilitators,
    interview_species,
)
from consult.models.mail import Mail, Mailing
from consult.models.media import MediaBlob, MediaFile
from consult.models.openrosa import (
    CollectorCredential,
    CollectorToken,
    OpenRosaInstance,
    XForm,
)
from consult.models.questionnaires import Invitation, Questionnaire, QuestionnaireVersion
from consult.models.reference import Country, Species, StakeholderGroup, Threat
from consult.models.responses import Answer, Response

__all__ = [
    "AnalysisRun",
    "Answer",
    "ApiToken",
    "AuditEvent",
    "Base",
    "Coding",
    "CollectorCredential",
    "CollectorToken",
    "Country",
    "Interview",
    "InterviewNote",
    "InterviewThreat",
    "Invitation",
    "LoginThrottle",
    "Mail",
    "Mailing",
    "MediaBlob",
    "MediaFile",
    "OpenRosaInstance",
    "PasswordReset",
    "Participant",
    "Questionnaire",
    "QuestionnaireVersion",
    "Response",
    "Species",
    "StakeholderGroup",
    "StrategyRating",
    "Threat",
    "User",
    "XForm",
    "interview_facilitators",
    "interview_species",
    "user_countries",
    "utcnow",
]
