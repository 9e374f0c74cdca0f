"""Reference data: range states, species, threat themes, stakeholder groups."""

from __future__ import annotations

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from consult.models.base import Base


class Named:
    """Reference rows carry their names per language code; `name(lang)` falls back to English."""

    names: Mapped[dict]
    code: Mapped[str]

    def name(self, lang: str = "en") -> str:
        return self.names.get(lang) or self.names.get("en") or self.code


class Country(Named, Base):
    __tablename__ = "countries"

    #: ISO 3166-1 alpha-2
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    names: Mapped[dict] = mapped_column(JSON)


class Species(Named, Base):
    __tablename__ = "species"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    scientific_name: Mapped[str] = mapped_column(String(120))
    #: CMS appendix: "I", "II" or None when not listed
    cms_appendix: Mapped[str | None] = mapped_column(String(4))
    names: Mapped[dict] = mapped_column(JSON)


class Threat(Named, Base):
    __tablename__ = "threats"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    #: IUCN-CMP threat classification (v3.3) class codes this theme maps to
    iucn_cmp: Mapped[list] = mapped_column(JSON)
    names: Mapped[dict] = mapped_column(JSON)
    descriptions: Mapped[dict] = mapped_column(JSON, default=dict)


class StakeholderGroup(Named, Base):
    __tablename__ = "stakeholder_groups"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    names: Mapped[dict] = mapped_column(JSON)
