"""Analysis of the consultation: DataFrames in, DataFrames out, no Flask and no database.

- ``analysis.text``: normalisation, tokenisation, language detection, TF-IDF features
- ``analysis.lexicon``: the multilingual threat-theme lexicon and its matcher
- ``analysis.tagging``: threat tags with confidence and evidence (``tag_texts``)
- ``analysis.clustering``: clusters of free-text answers across languages (``cluster_texts``)
- ``analysis.scoring``: the Conservation Standards' rating rules, the method's settings,
  text mentions
- ``analysis.assessment``: target ratings, summary threat ratings and ranks, factor gaps,
  with the bootstrap that carries every replicate through the chain (``assess``)
- ``analysis.prioritise``: strategy ratings, actions per country and for the region,
  needs versus measures (``rank_actions``, ``regional_priorities``, ``gap_analysis``)
- ``analysis.sensitivity``: rankings re-run under perturbed settings
- ``analysis.evidence``: the respondents and arithmetic behind one number
- ``analysis.method``, ``analysis.reference``, ``analysis.ranking``, ``analysis.tables``:
  the method table, reference data, ranking with tie rules, "not rated" presentation
- ``analysis.pipeline``, ``analysis.report``: the whole run and its output tables

The method behind every number is described in each module and in docs/method.md.
"""
