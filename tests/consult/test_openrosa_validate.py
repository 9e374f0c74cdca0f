"""The XForms /openrosa serves pass ODK Validate (the JavaRosa parser Collect uses), run
through pyxform's copy of it. Needs Java: skipped without it, a failure under CI=true."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from pyxform.validators.odk_validate import ODKValidateError, check_xform

from consult.extensions import db
from consult.questionnaires import import_form
from tests.conftest import require_commands
from tests.consult.test_openrosa import CORPUS, NS, Collect, world  # noqa: F401  (fixture)

#: The shipped questionnaire and the corpus forms with location and media questions.
FORMS = ("location_media",)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_served_xforms_pass_odk_validate(app, client, world, tmp_path):  # noqa: F811
    require_commands("java", package="default-jre-headless")
    with app.app_context():
        for name in FORMS:
            import_form((CORPUS / f"{name}.xlsx").read_bytes(), f"{name}.xlsx")
        db.session.commit()
    device = Collect(client, "admin@example.org", "collect horse battery staple")
    listing = ElementTree.fromstring(device.get("/openrosa/formList").get_data())
    urls = {
        item.find("l:formID", NS).text: item.find("l:downloadUrl", NS).text
        for item in listing.findall("l:xform", NS)
    }
    assert set(urls) == {"cami_gap_needs", *FORMS}
    for form_id, url in sorted(urls.items()):
        path = tmp_path / f"{form_id}.xml"
        path.write_bytes(device.get(url).get_data())
        try:
            warnings = check_xform(str(path))
        except ODKValidateError as error:
            pytest.fail(f"{form_id}: {error}")
        assert not any("too long" in w or "Bad return code" in w for w in warnings), warnings
