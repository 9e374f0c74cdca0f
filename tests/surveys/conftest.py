"""Fixtures: the test form of ``xlsform_fixtures`` as bytes, loaded, and as a fresh copy."""

from __future__ import annotations

import pytest

from surveys.model import Form
from surveys.xlsform import load_form
from tests.surveys.xlsform_fixtures import CHOICES, SETTINGS, SURVEY, xlsx


@pytest.fixture(scope="session")
def form_bytes() -> bytes:
    return xlsx({"survey": SURVEY, "choices": CHOICES, "settings": SETTINGS})


@pytest.fixture(scope="session")
def loaded(form_bytes):
    return load_form(form_bytes, "gap_needs_test.xlsx")


@pytest.fixture
def form(loaded):
    # A fresh copy per test: tests may not leak changes into each other.
    return Form.from_dict(loaded.form.to_dict())
