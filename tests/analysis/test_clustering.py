"""Clustering of free-text answers (analysis.clustering) on the labelled evaluation set.

Run with ``-s`` to see the agreement figures.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from analysis.clustering import cluster_texts
from analysis.lexicon import load_lexicon

from .conftest import THEMES


def _purity(clusters: np.ndarray, labels: pd.Series) -> float:
    table = pd.crosstab(clusters, labels.to_numpy())
    return float(table.max(axis=1).sum() / len(labels))


def _cross_language_pairing(statements: pd.DataFrame, clusters: np.ndarray) -> tuple[float, float]:
    """Share of (English, Russian) statement pairs with the same primary theme that share a
    cluster, and the share expected by chance from the two languages' cluster sizes."""
    frame = statements.assign(cluster=clusters)
    english, russian = frame[frame["lang"] == "en"], frame[frame["lang"] == "ru"]
    same = total = 0
    for theme in THEMES:
        en_clusters = english.loc[english["primary"] == theme, "cluster"].to_numpy()
        ru_clusters = russian.loc[russian["primary"] == theme, "cluster"].to_numpy()
        same += int((en_clusters[:, None] == ru_clusters[None, :]).sum())
        total += len(en_clusters) * len(ru_clusters)
    en_share = english["cluster"].value_counts(normalize=True)
    ru_share = russian["cluster"].value_counts(normalize=True)
    chance = float((en_share * ru_share.reindex(en_share.index, fill_value=0)).sum())
    return same / total, chance


@pytest.fixture(scope="module")
def clustered(statements):
    texts = statements.drop(columns=["themes", "primary"])
    return cluster_texts(texts, k=8, seed=0)


def test_clusters_agree_with_primary_themes(statements, clustered):
    clusters = clustered.assignments["cluster"].to_numpy()
    ari = adjusted_rand_score(statements["primary"], clusters)
    purity = _purity(clusters, statements["primary"])
    by_lang = {
        lang: adjusted_rand_score(statements["primary"][rows], clusters[rows])
        for lang in ("en", "ru", "zh", "mn", "fa")
        for rows in [(statements["lang"] == lang).to_numpy()]
    }
    print(
        f"\nclustering, k=8: adjusted Rand {ari:.3f}, purity {purity:.3f}; ARI by language",
        " ".join(f"{lang} {value:.2f}" for lang, value in by_lang.items()),
    )
    assert ari >= 0.6
    assert purity >= 0.8


def test_same_theme_in_english_and_russian_lands_in_one_cluster(statements, clustered):
    observed, chance = _cross_language_pairing(
        statements, clustered.assignments["cluster"].to_numpy()
    )
    print(f"\nen-ru pairs on one theme sharing a cluster: {observed:.2f} (chance {chance:.2f})")
    assert observed >= 3 * chance


def test_theme_concepts_are_what_bring_the_languages_together(statements, clustered):
    texts = statements.drop(columns=["themes", "primary"])
    words_only = cluster_texts(texts, k=8, seed=0, concept_weight=0.0)
    with_concepts, _ = _cross_language_pairing(
        statements, clustered.assignments["cluster"].to_numpy()
    )
    without, _ = _cross_language_pairing(statements, words_only.assignments["cluster"].to_numpy())
    assert with_concepts > without + 0.3


def test_clustering_is_deterministic_for_a_seed(statements, clustered):
    texts = statements.drop(columns=["themes", "primary"])
    again = cluster_texts(texts, k=8, seed=0)
    pd.testing.assert_frame_equal(again.assignments, clustered.assignments)
    pd.testing.assert_frame_equal(again.clusters, clustered.clusters)


def test_a_tagged_frame_clusters_as_the_bare_texts_with_its_decisions(statements):
    """On the frame tag_texts returned, clustering reuses the languages it read the texts
    in (and its denied themes and non-answers): the result is the one clustering reaches
    reading the languages itself."""
    from analysis.tagging import tag_texts

    tagged = tag_texts(statements.drop(columns=["themes", "primary"]))
    reused = cluster_texts(tagged, k=8, seed=0)
    resolved = cluster_texts(tagged.drop(columns=["detected_lang"]), k=8, seed=0)
    pd.testing.assert_frame_equal(reused.assignments, resolved.assignments)
    pd.testing.assert_frame_equal(reused.clusters, resolved.clusters)


def test_choosing_k_uses_silhouette_within_the_range_and_says_so(statements):
    texts = statements.drop(columns=["themes", "primary"])
    result = cluster_texts(texts, k=None, k_range=(4, 10), seed=0)
    assert 4 <= result.k <= 10
    assert result.clusters["cluster"].tolist() == list(range(result.k))
    assert "silhouette" in result.criterion and f"k={result.k}" in result.criterion
    assert set(result.clusters["criterion"]) == {result.criterion}


def test_clusters_describe_themselves_with_terms_quotes_and_breakdowns(statements):
    texts = statements.drop(columns=["themes", "primary"]).assign(
        country=np.where(statements["lang"] == "ru", "KZ", "MN"),
        group="community",
        source="survey",
        link=[f"/responses/{i}" for i in range(len(statements))],
    )
    result = cluster_texts(texts, k=8, seed=0)
    clusters = result.clusters
    assert clusters["size"].sum() == len(texts)
    assert clusters["size"].is_monotonic_decreasing
    members = result.assignments.groupby("cluster")["id"].apply(set)
    for row in clusters.itertuples():
        assert row.top_terms and isinstance(row.top_terms, str)
        assert 1 <= len(row.quotes) <= 3
        for quote in row.quotes:
            assert set(quote) == {"id", "text", "lang", "link"}
            assert quote["id"] in members[row.cluster]
            assert quote["link"].startswith("/responses/")
        assert sum(row.by_country.values()) == row.size
        assert row.by_group == {"community": row.size}
        assert row.by_source == {"survey": row.size}
        assert row.dominant_theme in THEMES
        assert row.label.startswith(load_lexicon().name(row.dominant_theme, "en"))
    assert (
        result.assignments["cluster_label"]
        == result.assignments["cluster"].map(clusters.set_index("cluster")["label"])
    ).all()


def test_labels_and_top_terms_follow_the_reader_language(statements):
    texts = statements.drop(columns=["themes", "primary"])
    result = cluster_texts(texts, k=8, seed=0, reader_lang="ru")
    lexicon = load_lexicon()
    for row in result.clusters.itertuples():
        assert row.label.startswith(lexicon.name(row.dominant_theme, "ru"))
        first_term = row.top_terms.split(", ")[0]
        assert any("\u0400" <= char <= "\u04ff" for char in first_term), row.top_terms


def test_texts_without_words_stay_out_of_the_clusters():
    texts = pd.DataFrame(
        {
            "id": ["a", "b", "c", "d", "e"],
            "text": [
                "Snares on the trails",
                "",
                None,
                "Drought dried the springs",
                "Poachers shoot argali",
            ],
            "lang": ["en"] * 5,
        }
    )
    result = cluster_texts(texts, k=2, seed=0)
    assignments = result.assignments.set_index("id")
    assert assignments.loc[["b", "c"], "cluster"].tolist() == [-1, -1]
    assert assignments.loc[["b", "c"], "cluster_label"].tolist() == ["", ""]
    assert assignments.loc["a", "cluster"] == assignments.loc["e", "cluster"]
    assert assignments.loc["a", "cluster"] != assignments.loc["d", "cluster"]


def test_fewer_texts_than_the_smallest_k_still_cluster():
    texts = pd.DataFrame({"id": ["a", "b"], "text": ["snares", "drought"], "lang": ["en", "en"]})
    result = cluster_texts(texts, k=None, k_range=(3, 12), seed=0)
    assert set(result.assignments["cluster"]) <= {0, 1}
    assert result.clusters["size"].sum() == 2


def test_labels_use_concept_names_in_the_reader_language_for_every_cluster(statements):
    texts = statements.drop(columns=["themes", "primary"])
    lexicon = load_lexicon()
    for reader in ("en", "ru", "zh", "mn", "fa"):
        result = cluster_texts(texts, k=8, seed=0, reader_lang=reader)
        names = {lexicon.concept_name(c, reader) for c in lexicon.concepts}
        for row in result.clusters.itertuples():
            shown = row.concepts.split(", ") if row.concepts else []
            assert shown and set(shown) <= names, (reader, row.label)
            assert shown[0] in row.label


def test_questionnaire_words_and_fragments_are_never_cluster_terms():
    texts = pd.DataFrame(
        {
            "id": [str(i) for i in range(12)],
            "text": [
                "Please send the survey questionnaire again, the organis ation of questions",
                "Send the questionnaire to rangers; the survey form organis ation was poor",
                "The survey questionnaire should be sent earlier, communic ation was slow",
                "Questionnaire survey send me the form, inform ation missing",
            ]
            + ["Poachers set snares and sell saiga horn"] * 4
            + ["Drought dried the springs this summer"] * 4,
            "lang": ["en"] * 12,
        }
    )
    result = cluster_texts(texts, k=3, seed=0)
    shown = ", ".join(result.clusters["top_terms"]).split(", ")
    assert not {"survey", "questionnaire", "send", "form", "questions", "ation"} & set(shown)


def test_a_cluster_below_the_minimum_coherence_is_labelled_mixed(statements):
    texts = statements.drop(columns=["themes", "primary"])
    result = cluster_texts(texts, k=2, seed=0, min_coherence=0.99)
    assert result.clusters["mixed"].all()
    assert all(label.startswith("Mixed") for label in result.clusters["label"])
    assert (result.clusters["coherence"] < 0.99).all()
    russian = cluster_texts(texts, k=2, seed=0, min_coherence=0.99, reader_lang="ru")
    assert all(label.startswith("Смешанный") for label in russian.clusters["label"])
    strict = cluster_texts(texts, k=8, seed=0)
    assert not strict.clusters["mixed"].any()


def test_quotes_come_in_the_reader_language_first(statements):
    texts = statements.drop(columns=["themes", "primary"])
    result = cluster_texts(texts, k=8, seed=0, reader_lang="ru")
    for row in result.clusters.itertuples():
        assert row.quotes[0]["lang"] == "ru"


def test_non_answers_are_not_clustered():
    texts = pd.DataFrame(
        {
            "id": ["a", "b", "c", "d", "e"],
            "text": [
                "Thank you for the survey",
                "Snares on the trails",
                "I don't know anything about poaching",
                "Drought dried the springs",
                "Poachers shoot argali",
            ],
            "lang": ["en"] * 5,
        }
    )
    result = cluster_texts(texts, k=2, seed=0).assignments.set_index("id")
    assert result.loc[["a", "c"], "cluster"].tolist() == [-1, -1]
    assert (result.loc[["b", "d", "e"], "cluster"] >= 0).all()


def test_reviewed_tags_decide_the_dominant_theme():
    texts = pd.DataFrame(
        {
            "id": [str(i) for i in range(6)],
            "text": ["The road and the fence"] * 3 + ["Drought dried the springs"] * 3,
            "lang": ["en"] * 6,
            "tags": ["governance"] * 3 + [""] * 3,
            "reviewed": [True] * 3 + [False] * 3,
        }
    )
    clusters = cluster_texts(texts, k=2, seed=0).clusters.set_index("size")
    assert set(clusters["dominant_theme"]) == {"governance", "climate"}


def test_a_quote_with_a_translation_carries_it_and_one_without_has_none():
    texts = pd.DataFrame(
        {
            "id": ["n1", "n2", "s1", "s2"],
            "text": [
                "Браконьеры стреляют сайгаков ради рогов",
                "Браконьеры ставят петли на тропах архаров",
                "Poachers shoot saiga for their horns",
                "Poachers set snares on argali trails",
            ],
            "lang": ["ru", "ru", "en", "en"],
            "translation": ["Poachers shoot saigas for the horns", "", "", ""],
        }
    )
    # read in Russian, the Russian notes come first among the three quotes
    result = cluster_texts(texts, k=1, seed=0, reader_lang="ru")
    quotes = {quote["id"]: quote for quote in result.clusters.iloc[0]["quotes"]}
    assert quotes["n1"]["translation"] == "Poachers shoot saigas for the horns"
    assert "translation" not in quotes["n2"]
    assert all("translation" not in q for i, q in quotes.items() if i.startswith("s"))
