"""Control characters and lone surrogates taken out of text from outside."""

from __future__ import annotations

import pytest

from surveys.cleaning import clean_text, unwanted_character


@pytest.mark.parametrize(
    ("raw", "multi", "single"),
    [
        ("a\x00b", "ab", "ab"),
        ("a\x01\x08\x0b\x0c\x0e\x1f\x1bb", "ab", "ab"),
        ("tab\tand\r\nlines\n", "tab\tand\r\nlines\n", "tab and lines "),
        ("lone \ud800 surrogate", "lone \ufffd surrogate", "lone \ufffd surrogate"),
        ("Сайгак 高鼻羚羊 🦌 \u202e", "Сайгак 高鼻羚羊 🦌 \u202e", "Сайгак 高鼻羚羊 🦌 \u202e"),
        ("\x7f stays", "\x7f stays", "\x7f stays"),
    ],
)
def test_clean_text_removes_control_characters(raw, multi, single):
    assert clean_text(raw) == multi
    assert clean_text(raw, multiline=False) == single
    assert unwanted_character(multi) is None
    assert unwanted_character(single, multiline=False) is None


def test_unwanted_character_names_the_first_one():
    assert unwanted_character("ab\x00c\x01") == "\x00"
    assert unwanted_character("a\nb") is None
    assert unwanted_character("a\nb", multiline=False) == "\n"
    assert unwanted_character("\udfff") == "\udfff"


def test_clean_text_returns_clean_text_unchanged():
    text = "nothing to do here\n"
    assert clean_text(text) is text
