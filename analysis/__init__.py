"""Analysis of the consultation: DataFrames in, DataFrames out, no Flask and no database.

- ``analysis.text``: normalisation, tokenisation, language detection, TF-IDF features
- ``analysis.lexicon``: the multilingual threat-theme lexicon and its matcher
- ``analysis.tagging``: threat tags with confidence and evidence (``tag_texts``)
- ``analysis.clustering``: clusters of free-text answers across languages (``cluster_texts``)
- ``analysis.scoring``, ``analysis.prioritise``: threat scores and ranked actions
- ``analysis.pipeline``, ``analysis.report``: the whole run and its output tables

The method behind every number is described in each module and in DESIGN.md.
"""
