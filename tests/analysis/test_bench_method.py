"""The benchmark's generated responses (bench/analysis.py) run through the whole method.

The benchmark is run by hand (``make bench``); this keeps its generator in step with the
reference data and the analysis contract, on a small size, so the benchmark cannot rot.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from analysis.pipeline import AnalysisParams, run_analysis

BENCH = Path(__file__).resolve().parents[2] / "bench" / "analysis.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_analysis", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_responses_run_through_the_whole_method(tmp_path):
    bench = _bench()
    frames = bench.synthetic_responses(400, seed=1)
    assert set(frames["ratings"]["country"]) <= set(bench.COUNTRIES)
    config = tmp_path / "scoring.toml"
    config.write_text("[bootstrap]\nresamples = 20\n", encoding="utf-8")
    results = run_analysis(
        frames.pop("texts"),
        frames.pop("ratings"),
        frames.pop("needs"),
        frames.pop("measures"),
        AnalysisParams(seed=1, k=4, config_path=str(config), date="2027-01-01"),
        **frames,
    )
    tables = results.tables()
    for name in ("threat_ratings", "threat_summary", "factor_gaps", "priorities_by_country"):
        assert not tables[name].empty, name
    summary = tables["threat_summary"]
    assert set(summary["threat"]) <= set(bench.DIRECT_THREATS)
