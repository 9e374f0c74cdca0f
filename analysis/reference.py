"""Reference data the method reads: theme kinds, species ranges and transboundary populations.

The analysis never reads the app's reference files itself (it imports nothing of
``consult``); the caller passes their contents, e.g. with :meth:`Reference.from_records`
on the lists read from ``threats.json``, ``species_ranges.json`` and ``populations.json``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

DIRECT_THREAT = "direct_threat"
CONTRIBUTING_FACTOR = "contributing_factor"
KINDS = (DIRECT_THREAT, CONTRIBUTING_FACTOR)


def _empty_ranges() -> pd.DataFrame:
    return pd.DataFrame({"species": pd.Series(dtype=object), "country": pd.Series(dtype=object)})


def _empty_populations() -> pd.DataFrame:
    return pd.DataFrame(
        {c: pd.Series(dtype=object) for c in ("code", "species", "countries", "name")}
    )


@dataclass(frozen=True)
class Reference:
    """What the method needs to know about themes, species and populations.

    * ``theme_kinds``: {theme code: "direct_threat" | "contributing_factor"} (docs/method.md,
      "Targets, direct threats, contributing factors"); empty = infer from the input frames
      (codes in ``ratings.threat`` are direct threats, codes in ``factor_gaps.factor`` are
      factors).
    * ``species_ranges``: DataFrame (species, country): where each species occurs.
    * ``populations``: DataFrame (code, species, countries, name): transboundary
      populations; ``countries`` is a tuple of ISO codes, ``name`` the English name.
    """

    theme_kinds: Mapping[str, str] = field(default_factory=dict)
    species_ranges: pd.DataFrame = field(default_factory=_empty_ranges)
    populations: pd.DataFrame = field(default_factory=_empty_populations)

    def __post_init__(self) -> None:
        unknown = {kind for kind in self.theme_kinds.values() if kind not in KINDS}
        if unknown:
            raise ValueError(f"unknown theme kind(s): {', '.join(sorted(unknown))}")

    @classmethod
    def from_records(
        cls,
        threats: Iterable[Mapping] = (),
        species_ranges: Iterable[Mapping] = (),
        populations: Iterable[Mapping] = (),
    ) -> Reference:
        """Build from the records of the app's reference files.

        ``threats``: dicts with ``code`` and ``kind``; ``species_ranges``: dicts with
        ``species`` and ``country``; ``populations``: dicts with ``code``, ``species``,
        ``countries`` (list of ISO codes) and optionally ``names`` ({lang: name}). Other
        keys are ignored.
        """
        kinds = {str(t["code"]): str(t["kind"]) for t in threats if t.get("kind")}
        ranges = pd.DataFrame(
            [{"species": str(r["species"]), "country": str(r["country"])} for r in species_ranges],
            columns=["species", "country"],
        )
        pops = pd.DataFrame(
            [
                {
                    "code": str(p["code"]),
                    "species": str(p["species"]),
                    "countries": tuple(str(c) for c in p["countries"]),
                    "name": str((p.get("names") or {}).get("en") or p["code"]),
                }
                for p in populations
            ],
            columns=["code", "species", "countries", "name"],
        )
        return cls(
            theme_kinds=kinds,
            species_ranges=ranges if len(ranges) else _empty_ranges(),
            populations=pops if len(pops) else _empty_populations(),
        )

    def themes_of_kind(self, kind: str) -> list[str]:
        """Theme codes of one kind, in alphabetical order."""
        return sorted(code for code, k in self.theme_kinds.items() if k == kind)

    def occurs(self, species: str, country: str) -> bool | None:
        """Whether ``species`` is listed for ``country``; None when ranges are not given."""
        if self.species_ranges.empty:
            return None
        ranges = self.species_ranges
        return bool(((ranges["species"] == species) & (ranges["country"] == country)).any())
