"""Map pages: the range states' outlines (public, the respondents' widget draws them), the
secretariat's map of a questionnaire's location answers and their GeoJSON/KML exports."""

from __future__ import annotations

import functools
import hashlib
import io
import json

from flask import abort, current_app, render_template, request, send_file, url_for
from flask_babel import gettext as _

import reference
from consult.i18n import current_language
from consult.main import bp as main_bp
from consult.maps.forms import MapFilterForm
from consult.maps.report import popup_text
from consult.maps.service import MapFilter, location_answers, named
from consult.models import Country, Species, Threat
from consult.questionnaires.views import questionnaire_or_404
from consult.reference import reference_choices
from consult.secretariat import bp
from surveys.geo import geojson_bytes, kml_bytes

#: A day: the outlines change only with a new release.
BOUNDARIES_MAX_AGE = 86400


def map_settings(names: bool = True) -> dict:
    """What the map scripts need (read from a JSON script element): where the outlines and
    Leaflet's marker images are, the tile layer a deployment configured (none by default),
    the range states' names in the reader's language (unless ``names`` is false: the
    respondents' maps are unlabelled) and the widget's texts."""
    lang = current_language()
    return {
        "boundaries": url_for("main.map_boundaries"),
        "images": url_for("static", filename="vendor/leaflet/images/"),
        "tiles": current_app.config.get("MAP_TILE_URL") or "",
        "attribution": current_app.config.get("MAP_TILE_ATTRIBUTION") or "",
        "names": {
            c["code"]: reference.name("country", c["code"], lang) for c in reference.countries()
        } if names else {},
        "leaflet_js": url_for("static", filename="vendor/leaflet/leaflet.js"),
        "leaflet_css": url_for("static", filename="vendor/leaflet/leaflet.css"),
        "maps_js": url_for("static", filename="js/maps.js"),
        "text": {
            "open": _("Show on a map"),
            "locate": _("Use my location"),
            "undo": _("Undo last point"),
            "clear": _("Clear"),
            "locating": _("Finding your location…"),
            "no_location": _(
                "Your location could not be found. Click on the map or type the coordinates."
            ),
            "map": _("Map: click to set the location; the coordinates appear in the field."),
            "map_line": _(
                "Map: click to add points in order; the coordinates appear in the field."
            ),
        },
    }


@main_bp.app_template_global("map_settings_json")
def map_settings_json(names: bool = True) -> str:
    # json.dumps escapes nothing for HTML; "<" is escaped so no text can close the script.
    return json.dumps(map_settings(names), ensure_ascii=False).replace("<", "\\u003c")


@main_bp.route("/map/boundaries.geojson")
def map_boundaries():
    """The range states' and neighbours' outlines (Natural Earth, public domain)."""
    data, etag = _boundaries_bytes()
    return send_file(
        io.BytesIO(data),
        mimetype="application/geo+json",
        max_age=BOUNDARIES_MAX_AGE,
        etag=etag,
        conditional=True,
    )


@functools.cache
def _boundaries_bytes() -> tuple[bytes, str]:
    data = reference.boundaries_path().read_bytes()
    return data, hashlib.sha256(data).hexdigest()[:32]


def _filter(form: MapFilterForm) -> MapFilter:
    codes = {
        "country": {c["code"] for c in reference.countries()},
        "species": {s["code"] for s in reference.species()},
        "threat": set(reference.theme_codes()),
    }
    picked = {
        key: (getattr(form, key).data if getattr(form, key).data in allowed else None)
        for key, allowed in codes.items()
    }
    return MapFilter(**picked)


@bp.route("/questionnaires/<slug>/map")
def questionnaire_map(slug: str):
    """The location answers of a questionnaire over the range states, filterable by country,
    species and threat; each links to its response."""
    questionnaire = questionnaire_or_404(slug)
    form = MapFilterForm(formdata=request.args)
    form.country.choices = reference_choices(Country, _("all"))
    form.species.choices = reference_choices(Species, _("all"))
    form.threat.choices = reference_choices(Threat, _("all"))
    flt = _filter(form)
    lang = current_language()
    found = location_answers(questionnaire, flt, lang)
    rows = []
    for location in found.locations:
        props = named(location, lang)
        props["url"] = url_for("secretariat.show_response", response_id=props["response_id"])
        rows.append(props)
    data = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": loc.geometry, "properties": props}
            for loc, props in zip(found.locations, rows, strict=True)
        ],
        "text": popup_text(),
    }
    args = {k: v for k, v in request.args.items() if k in ("country", "species", "threat") and v}
    return render_template(
        "maps/map.html",
        questionnaire=questionnaire,
        form=form,
        rows=rows,
        truncated=found.truncated,
        args=args,
        data_json=json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"),
        settings_json=map_settings_json(),
    )


def export_fields() -> dict[str, str]:
    """The properties written to a KML placemark, with the label shown for each."""
    return {
        "reference": _("Response"),
        "country_name": _("Country"),
        "group_name": _("Stakeholder group"),
        "label": _("Question"),
        "species_names": _("Species"),
        "threat_names": _("Threats"),
    }


@bp.route("/questionnaires/<slug>/locations.<fmt>")
def export_locations(slug: str, fmt: str):
    """The questionnaire's location answers (with the map page's filters) as GeoJSON or KML."""
    questionnaire = questionnaire_or_404(slug)
    if fmt not in ("geojson", "kml"):
        abort(404)
    form = MapFilterForm(formdata=request.args)
    lang = current_language()
    found = location_answers(questionnaire, _filter(form), lang)
    for location in found.locations:
        location.properties = named(location, lang)
        del location.properties["response_id"]
    if fmt == "geojson":
        data, mimetype = geojson_bytes(found.locations), "application/geo+json"
    else:
        title = _("Locations: %(title)s", title=questionnaire.title)
        data = kml_bytes(found.locations, title=title, name_key="reference", fields=export_fields())
        mimetype = "application/vnd.google-earth.kml+xml"
    return send_file(
        io.BytesIO(data),
        mimetype=mimetype,
        as_attachment=True,
        download_name=f"{questionnaire.slug}-locations.{fmt}",
    )
