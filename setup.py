"""Packaging: setup.cfg holds the metadata; this adds one build step.

``templates/`` and ``migrations/`` stay at the top of the repository, where people look for
them, and are copied into the ``consult`` package when a wheel is built, so an installed app
can render its pages and create its database (``consult.paths`` finds either place); the
message catalogues are compiled into the wheel.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED_DIRECTORIES = ("templates", "migrations")


class BuildWithTemplatesAndMigrations(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads them from the checkout
        self._compile_translations()
        for name in SHIPPED_DIRECTORIES:
            shutil.copytree(
                ROOT / name,
                Path(self.build_lib) / "consult" / name,
                dirs_exist_ok=True,
                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
            )


    def _compile_translations(self):
        """The interface's message catalogues, compiled (``make`` does this in a checkout)."""
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        built = Path(self.build_lib) / "consult" / "translations"
        for po in (ROOT / "consult" / "translations").glob("*/LC_MESSAGES/messages.po"):
            target = built / po.relative_to(ROOT / "consult" / "translations")
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source, target.with_suffix(".mo").open("wb") as out:
                write_mo(out, read_po(source, locale=po.parts[-3]), use_fuzzy=True)


setup(cmdclass={"build_py": BuildWithTemplatesAndMigrations})
