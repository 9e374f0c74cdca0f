"""Configuration read from the environment, with defaults for a laptop."""

from __future__ import annotations

import os
import secrets
from dataclasses import fields
from pathlib import Path

import reference
from consult.spreadsheets import setting_name
from surveys.spreadsheet import Limits

#: The interface languages, from the reference data (English, the default, first).
LANGUAGES = reference.interface_languages()


def _bool(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def instance_secret_key(instance_path: str) -> str:
    """Return the secret key kept in the instance folder, creating it on first use.

    A generated key survives restarts so sessions stay valid, and it never lives in the code.
    """
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    # O_EXCL: two workers starting together must agree on one key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


class Config:
    """Settings from the environment; `create_app(config)` overrides any of them."""

    def __init__(self, instance_path: str) -> None:
        env = os.environ
        default_db = "sqlite:///" + str(Path(instance_path) / "consult.sqlite")
        self.SQLALCHEMY_DATABASE_URI = env.get("DATABASE_URL") or default_db
        self.SECRET_KEY = env.get("SECRET_KEY") or None
        self.REDIS_URL = env.get("REDIS_URL") or None
        self.MAX_CONTENT_LENGTH = int(env.get("MAX_UPLOAD_BYTES", 5 * 1024 * 1024))
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_SECURE = _bool(env.get("HTTPS"), False)
        self.REMEMBER_COOKIE_SECURE = self.SESSION_COOKIE_SECURE
        self.REMEMBER_COOKIE_HTTPONLY = True
        self.WTF_CSRF_TIME_LIMIT = None
        self.BABEL_DEFAULT_LOCALE = "en"
        self.BABEL_DEFAULT_TIMEZONE = "UTC"
        self.LANGUAGES = LANGUAGES
        self.LOG_LEVEL = env.get("LOG_LEVEL", "INFO")
        self.SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
        self.ANALYSIS_WORKERS = int(env.get("ANALYSIS_WORKERS", 1))
        #: how often a process computing an analysis run says it is alive
        self.RUN_HEARTBEAT_SECONDS = float(env.get("RUN_HEARTBEAT_SECONDS", 10))
        #: a running run silent for longer than this has lost its process and is failed
        self.RUN_LOST_AFTER_SECONDS = float(env.get("RUN_LOST_AFTER_SECONDS", 120))
        #: a run still queued after this long was taken by no worker and is failed
        self.RUN_QUEUE_TIMEOUT_SECONDS = float(env.get("RUN_QUEUE_TIMEOUT_SECONDS", 3600))
        #: served over HTTPS (directly or behind a proxy): Secure cookies and HSTS
        self.HTTPS = self.SESSION_COOKIE_SECURE
        #: reverse proxies in front of the app whose X-Forwarded-* headers are trusted
        self.PROXY_COUNT = int(env.get("PROXY_COUNT", 0))
        self.RATELIMIT_ENABLED = _bool(env.get("RATELIMIT_ENABLED"), True)
        # Shared counters across app servers need Redis; one process can count in memory.
        self.RATELIMIT_STORAGE_URI = (
            env.get("RATELIMIT_STORAGE_URI") or self.REDIS_URL or "memory://"
        )
        self.RATELIMIT_LOGIN = env.get("RATELIMIT_LOGIN", "10/minute")
        # Generous: a workshop answering together on one wifi shares one address.
        self.RATELIMIT_RESPOND = env.get("RATELIMIT_RESPOND", "300/minute")
        self.RATELIMIT_API = env.get("RATELIMIT_API", "300/minute")
        #: whole-questionnaire JSON submissions need no account: limited per address
        self.RATELIMIT_SUBMIT = env.get("RATELIMIT_SUBMIT", "60/minute")
        #: OpenRosa (/openrosa, ODK Collect and KoboCollect): requests per account or token
        self.RATELIMIT_OPENROSA = env.get("RATELIMIT_OPENROSA", "300/minute")
        #: largest submission request (the form and its photos), announced to devices
        self.OPENROSA_MAX_SUBMISSION_BYTES = int(
            env.get("OPENROSA_MAX_SUBMISSION_BYTES", 10 * 1024 * 1024)
        )
        #: accept Basic authentication over plain HTTP (testing only: it sends the password)
        self.OPENROSA_ALLOW_BASIC_OVER_HTTP = _bool(
            env.get("OPENROSA_ALLOW_BASIC_OVER_HTTP"), False
        )
        #: Digest realm; collector passwords are tied to it (changing it needs new ones)
        self.OPENROSA_REALM = env.get("OPENROSA_REALM", "consult")
        #: how long a Digest nonce is good for, in seconds
        self.OPENROSA_NONCE_SECONDS = int(env.get("OPENROSA_NONCE_SECONDS", 300))
        #: longest answer to a questionnaire question, in characters
        self.ANSWER_MAX_LENGTH = int(env.get("ANSWER_MAX_LENGTH", 10_000))
        #: JSON request bodies: largest size in bytes (a whole questionnaire with long
        #: answers in Cyrillic, each letter escaped as \uXXXX, fits several times over) and
        #: deepest nesting (a submission needs 3 levels)
        self.JSON_MAX_BYTES = int(env.get("JSON_MAX_BYTES", 2 * 1024 * 1024))
        self.JSON_MAX_DEPTH = int(env.get("JSON_MAX_DEPTH", 32))
        #: share (0..1) of the coded texts offered to a second coder for the inter-coder
        #: agreement; which texts is decided from each text's id (analysis.agreement)
        self.CODING_SECOND_SHARE = float(env.get("CODING_SECOND_SHARE", 0.2))
        #: a tile layer under the maps, e.g. a deployment's own tile server
        #: (``https://tiles.example.org/{z}/{x}/{y}.png``); none by default: the maps draw the
        #: range states' outlines shipped with the app and fetch nothing from elsewhere
        self.MAP_TILE_URL = env.get("MAP_TILE_URL", "")
        #: the credit the tile layer's licence asks for, shown in the map's corner
        self.MAP_TILE_ATTRIBUTION = env.get("MAP_TILE_ATTRIBUTION", "")
        #: questions whose answers identify a respondent; `consult privacy purge` blanks them
        self.PERSONAL_QUESTIONS = [
            name.strip()
            for name in env.get("PERSONAL_QUESTIONS", "email,sh_name").split(",")
            if name.strip()
        ]
        # Outgoing e-mail (invitations, reminders, resume links). Without MAIL_SERVER the app
        # sends nothing and offers the links to copy instead.
        self.MAIL_SERVER = env.get("MAIL_SERVER") or None
        self.MAIL_USE_SSL = _bool(env.get("MAIL_USE_SSL"), False)
        self.MAIL_USE_TLS = _bool(env.get("MAIL_USE_TLS"), False)
        self.MAIL_PORT = int(env.get("MAIL_PORT") or (465 if self.MAIL_USE_SSL else 25))
        self.MAIL_USERNAME = env.get("MAIL_USERNAME") or None
        self.MAIL_PASSWORD = env.get("MAIL_PASSWORD") or None
        self.MAIL_DEFAULT_SENDER = env.get("MAIL_DEFAULT_SENDER") or None
        #: seconds a connection to the mail server may take per step
        self.MAIL_TIMEOUT = float(env.get("MAIL_TIMEOUT", 10))
        #: mails sent per request of the sending page, and the time it may spend on them
        self.MAIL_BATCH_SIZE = int(env.get("MAIL_BATCH_SIZE", 25))
        self.MAIL_BATCH_SECONDS = float(env.get("MAIL_BATCH_SECONDS", 20))
        #: resume links mailed to one respondent's draft per hour
        self.MAIL_RESUME_PER_HOUR = int(env.get("MAIL_RESUME_PER_HOUR", 3))
        #: the questionnaire question whose address gets the resume link
        self.RESUME_MAIL_QUESTION = env.get("RESUME_MAIL_QUESTION", "email")

        #: where the bytes of answers' files go: database | s3
        self.MEDIA_STORAGE = env.get("MEDIA_STORAGE", "database").strip().lower()
        #: largest file answering one question, in bytes
        self.MEDIA_MAX_BYTES = int(env.get("MEDIA_MAX_BYTES", 10 * 1024 * 1024))
        #: most files one response may hold
        self.MEDIA_MAX_FILES_PER_RESPONSE = int(env.get("MEDIA_MAX_FILES_PER_RESPONSE", 20))
        #: the S3-compatible store (MEDIA_STORAGE=s3); keys from the environment only
        self.MEDIA_S3_BUCKET = env.get("MEDIA_S3_BUCKET") or None
        self.MEDIA_S3_ENDPOINT = env.get("MEDIA_S3_ENDPOINT") or None
        self.MEDIA_S3_REGION = env.get("MEDIA_S3_REGION") or None
        self.MEDIA_S3_PREFIX = env.get("MEDIA_S3_PREFIX", "")
        self.MEDIA_S3_ACCESS_KEY = env.get("MEDIA_S3_ACCESS_KEY") or None
        self.MEDIA_S3_SECRET_KEY = env.get("MEDIA_S3_SECRET_KEY") or None

        # Spreadsheet uploads (interviews, Kobo/ODK exports, XLSForms): one setting per
        # field of surveys.spreadsheet.Limits, e.g. SPREADSHEET_MAX_ROWS, SPREADSHEET_MAX_CELLS.
        for item in fields(Limits):
            name = setting_name(item.name)
            setattr(self, name, int(env.get(name) or item.default))

    def as_dict(self) -> dict:
        return {key: value for key, value in vars(self).items() if key.isupper()}
