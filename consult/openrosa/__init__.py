"""OpenRosa for ODK Collect and KoboCollect (``/openrosa``): the form list, XForms and
their files, and submissions; Digest or Basic authentication, or a token in the URL.

``service`` holds the rules, ``auth`` the authentication, ``documents`` the XML, ``views``
the routes on the ``openrosa`` blueprint and ``cli`` the ``consult users
set-collector-password`` and ``consult openrosa`` commands.
"""

from flask import Blueprint

bp = Blueprint("openrosa", __name__)

from consult.openrosa import views  # noqa: E402,F401
