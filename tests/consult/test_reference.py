from consult.extensions import db
from consult.models import Country, Species, StakeholderGroup, Threat
from consult.reference import load_reference_data

LANGS = ("en", "ru", "zh", "mn", "fa")


def test_reference_data_is_loaded_once_and_only_once(app):
    with app.app_context():
        # the app fixture loaded it already: a second load adds nothing
        assert load_reference_data() == {
            "countries": 0,
            "species": 0,
            "threats": 0,
            "stakeholder_groups": 0,
        }
        db.session.commit()
        assert db.session.query(Country).count() == 14
        assert db.session.query(Species).count() == 15
        assert db.session.query(Threat).count() == 8
        assert db.session.query(StakeholderGroup).count() == 8


def test_reference_rows_have_names_in_five_languages(app):
    with app.app_context():
        for model in (Country, Species, Threat, StakeholderGroup):
            for row in db.session.scalars(db.select(model)):
                assert all(row.names.get(lang) for lang in LANGS), (model, row.code)


def test_species_carry_their_cms_appendix_and_threats_their_iucn_classes(app):
    with app.app_context():
        appendix = {s.code: s.cms_appendix for s in db.session.scalars(db.select(Species))}
        assert appendix["snow_leopard"] == "I" and appendix["saiga"] == "II"
        assert appendix["chiru"] is None
        assert sum(1 for value in appendix.values() if value == "I") == 5
        poaching = db.session.get(Threat, "poaching")
        assert any(code.startswith("5.1") for code in poaching.iucn_cmp)


def test_changed_names_are_refreshed_without_duplicates(app):
    with app.app_context():
        kz = db.session.get(Country, "KZ")
        kz.names = {**kz.names, "en": "Old name"}
        db.session.commit()
        load_reference_data()
        db.session.commit()
        assert db.session.get(Country, "KZ").names["en"] == "Kazakhstan"
        assert db.session.query(Country).count() == 14
