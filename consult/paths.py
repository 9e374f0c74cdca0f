"""Where the app's templates, migrations and instance folder are, in a checkout and in an
installed wheel alike."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
#: The repository, when the app runs from a checkout (an editable install, ``make run``).
CHECKOUT = PACKAGE.parent


def shipped(name: str) -> Path:
    """``templates`` or ``migrations``: inside the package in an installed wheel (the build
    copies them there), at the top of the repository in a checkout."""
    inside = PACKAGE / name
    return inside if inside.is_dir() else CHECKOUT / name


def default_instance_path() -> str | None:
    """``instance/`` of the checkout; None in an installed wheel, where Flask's default
    (``<prefix>/var/consult-instance``) applies."""
    if (CHECKOUT / "setup.cfg").is_file() and (CHECKOUT / "templates").is_dir():
        return str(CHECKOUT / "instance")
    return None
