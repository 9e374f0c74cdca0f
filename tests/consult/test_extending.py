"""Adding a sixth interface language or a ninth theme is an edit of the reference data.

A copy of ``reference/data`` gets Kazakh as an interface language and a new direct threat
("disease"); an app started with ``CONSULT_REFERENCE_DATA`` pointing at the copy (in a fresh
process, as a deployment would start) offers the language, stores and names the theme, asks
facilitators about it, and the questionnaire built from the same data rates it per species.
No code is changed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import reference

ROOT = Path(__file__).resolve().parents[2]

DISEASE = {
    "code": "disease",
    "kind": "direct_threat",
    "iucn_cmp": ["8.2"],
    "note": "Diseases carried by livestock and wild animals.",
    "names": {
        "en": "Wildlife disease",
        "ru": "Болезни диких животных",
        "zh": "野生动物疫病",
        "mn": "Зэрлэг амьтны өвчин",
        "fa": "بیماری‌های حیات وحش",
    },
    "descriptions": {
        "en": "Outbreaks that kill wild animals, often passed on by livestock.",
        "ru": "Вспышки болезней, от которых гибнут дикие животные, часто от скота.",
        "zh": "导致野生动物死亡的疫情，常由家畜传染。",
        "mn": "Зэрлэг амьтныг хорогдуулдаг, ихэвчлэн малаас халдварладаг өвчний дэгдэлт.",
        "fa": "شیوع بیماری‌هایی که جانوران وحشی را می‌کشد و اغلب از دام سرایت می‌کند.",
    },
}

SCRIPT = r"""
import json, sys
from pathlib import Path
from consult import create_app
from consult.database import upgrade
from consult.extensions import db
from consult.models import Threat
from consult.reference import load_reference_data
from consult.accounts import create_user
from surveys.forms import cami_gap_needs

work = Path(sys.argv[1])
app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{work / 'x.sqlite'}",
                  "INSTANCE_PATH": str(work / "instance"), "SECRET_KEY": "x",
                  "RATELIMIT_ENABLED": False, "WTF_CSRF_ENABLED": False})
upgrade(app)
with app.app_context():
    load_reference_data()
    create_user("admin@example.org", "a long enough password", "admin")
    db.session.commit()
    theme = db.session.get(Threat, "disease")
    stored = theme.name("ru") if theme else None
client = app.test_client()
home = client.get("/?lang=kk").get_data(as_text=True)
client.post("/auth/login", data={"email": "admin@example.org",
                                 "password": "a long enough password"})
interview = client.get("/interviews/new?lang=ru").get_data(as_text=True)
warnings = cami_gap_needs.build(work / "form.xlsx")
rows = cami_gap_needs.read_workbook(work / "form.xlsx")["survey"]
names = {row[1] for row in rows[1:]}
print(json.dumps({
    "languages": list(app.config["LANGUAGES"]),
    "home_lang": 'lang="kk"' in home,
    "switcher": "Қазақша" in home,
    "stored": stored,
    "interview_field": 'name="threats-disease"' in interview,
    "interview_label": "Болезни диких животных" in interview,
    "form_warnings": warnings,
    "form_rates_it": "t1_disease_scope" in names,
}, ensure_ascii=False))
"""


def test_a_new_language_and_a_new_theme_need_only_data(tmp_path):
    data = tmp_path / "reference"
    shutil.copytree(reference.DATA, data)
    languages = json.loads((data / "languages.json").read_text(encoding="utf-8"))
    for language in languages:
        if language["code"] == "kk":
            language["interface"] = True
    (data / "languages.json").write_text(json.dumps(languages, ensure_ascii=False))
    themes = json.loads((data / "threats.json").read_text(encoding="utf-8"))
    (data / "threats.json").write_text(json.dumps([*themes, DISEASE], ensure_ascii=False))

    env = {**os.environ, "CONSULT_REFERENCE_DATA": str(data), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["languages"][-1] == "kk" and len(seen["languages"]) == 6
    assert seen["home_lang"] and seen["switcher"]
    assert seen["stored"] == "Болезни диких животных"
    assert seen["interview_field"] and seen["interview_label"]
    assert seen["form_warnings"] == [] and seen["form_rates_it"]
