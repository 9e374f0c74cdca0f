from consult.api import bp


@bp.route("/")
def index():
    return {"name": "consult", "version": "v1", "resources": []}
