"""Analysis runs: the frames loaded from the database (``frames``), runs started, computed
in the background, watched and restarted (``service``), the secretariat's pages (``views``,
on the ``secretariat`` blueprint) and ``consult analyse`` / ``text`` / ``worker`` (``cli``).

Nothing is imported here: pandas, scikit-learn and the analysis load only where a run or a
result page needs them, so a web worker that serves questionnaires stays small.
"""
