import hashlib
from pathlib import Path

from flask import Response, current_app, make_response, render_template, url_for

from consult.database import accepts_writes, is_reachable
from consult.extensions import db
from consult.main import bp
from consult.models import Questionnaire


@bp.route("/")
def index():
    questionnaires = db.session.scalars(
        db.select(Questionnaire)
        .where(Questionnaire.public.is_(True), Questionnaire.current_version_id.is_not(None))
        .order_by(Questionnaire.title)
    ).all()
    return render_template("main/index.html", questionnaires=questionnaires)


@bp.route("/healthz")
def healthz():
    """200 when the database answers and takes writes (submissions would succeed)."""
    if not is_reachable():
        return {"status": "error", "database": "unreachable"}, 503
    if not accepts_writes():
        return {"status": "error", "database": "reachable", "writes": "refused"}, 503
    return {"status": "ok", "database": "reachable", "writes": "accepted"}, 200


@bp.route("/favicon.ico")
def favicon():
    """The site's icon where browsers look for it without a link (the pages link the SVG).
    A few hundred bytes, read once and answered from memory."""
    data = current_app.extensions.get("consult.favicon")
    if data is None:
        data = (Path(current_app.static_folder) / "favicon.ico").read_bytes()
        current_app.extensions["consult.favicon"] = data
    response = Response(data, mimetype="image/vnd.microsoft.icon")
    response.cache_control.public = True
    response.cache_control.max_age = 86400
    return response


def static_version() -> str:
    """A short digest of the shipped scripts and styles: the service worker's cache name
    carries it, so a release with changed files replaces the offline copies at once."""
    app = current_app._get_current_object()
    cached = app.extensions.get("consult_static_version")
    if cached is None:
        digest = hashlib.sha256()
        root = Path(app.static_folder or "")
        for path in sorted(root.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
        cached = app.extensions["consult_static_version"] = digest.hexdigest()[:12]
    return cached


#: Files every offline page needs; each page's own scripts are cached as they are fetched.
OFFLINE_STATIC = (
    "css/app.css",
    "js/expressions.js",
    "js/respond.js",
    "js/copy_link.js",
    "js/offline_store.js",
    "js/respond_offline.js",
    "js/interview_draft.js",
    "js/interview_offline.js",
)


@bp.route("/sw.js")
def service_worker():
    """The service worker that keeps questionnaires and the interview form working without
    a connection. Served from the root so its scope covers /s/ and /interviews/; never
    cached by the browser's HTTP cache, so a new release is picked up on the next visit."""
    body = render_template(
        "main/sw.js",
        version=static_version(),
        static=[url_for("static", filename=name) for name in OFFLINE_STATIC],
    )
    response = make_response(body)
    response.headers["Content-Type"] = "text/javascript; charset=utf-8"
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    return response
