"""The questionnaire engine: no Flask, no database.

* :mod:`surveys.xlsform` reads and writes XLSForm workbooks (pyxform parses and checks);
* :mod:`surveys.model` is the parsed form (sections, questions, choices, translations);
* :mod:`surveys.expressions` evaluates relevance, constraint and calculation expressions;
* :mod:`surveys.validation` turns submitted text into answers and checks them;
* :mod:`surveys.translations` measures how complete each language is;
* :mod:`surveys.odk_import` reads KoboToolbox and ODK Central submission exports;
* :mod:`surveys.export` turns responses into a table and writes it safely.
"""
