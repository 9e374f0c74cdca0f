"""WSGI entry point for gunicorn: `gunicorn consult.wsgi:app`."""

from consult import create_app

app = create_app()
