"""How consult does on the XLSForms of pyxform's own test suite.

pyxform's tests write their forms as markdown tables (``| survey | | type | name |...``).
This script reads such tables from the files given (pyxform test modules, or text files
holding only the tables, one form after a ``### name`` line), turns each table into a
workbook, and for each form records:

* whether pyxform converts it to an XForm (``workbook_to_json`` and ``to_xml`` without ODK
  Validate, as consult's upload does): forms pyxform refuses are the suite's error cases;
* whether consult imports it (:func:`surveys.xlsform.load_form`), with the first problem;
* whether it runs: imported into an app on a temporary SQLite database and answered with
  the test client, page after page with generated answers of each question's type, to the
  thank-you page. A form whose generated answers break its own constraints still ran if
  every page was shown without a server error; it is counted apart.

No form is kept: the tables are read from the files given and the workbooks written to a
temporary folder. Usage::

    python bench/pyxform_suite.py PATH [PATH ...] [--json out.json]

Forms whose tables hold ``{placeholders}`` (templates a test fills in a loop) are filled
with the first value that makes them a form where the placeholder is ``{type}``, else
skipped and counted as such.
"""

from __future__ import annotations

import argparse
import collections
import copy
import io
import json
import re
import sys
import tempfile
import traceback
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_MD_RE = re.compile(r'md\s*=\s*(?:f|r)?"""(.*?)"""', re.DOTALL)
_NAME_RE = re.compile(r"^###\s*(.+)$", re.MULTILINE)


def tables_in(path: Path) -> list[tuple[str, str]]:
    """The markdown forms in a file: ``(label, markdown)``."""
    text = path.read_text(encoding="utf-8")
    found = []
    if path.suffix == ".py":
        for n, match in enumerate(_MD_RE.finditer(text), start=1):
            found.append((f"{path.stem}#{n}", match.group(1)))
        return found
    parts = _NAME_RE.split(text)
    for i in range(1, len(parts) - 1, 2):
        found.append((f"{path.stem}#{parts[i].strip()}", parts[i + 1]))
    return found


def md_to_sheets(md: str) -> dict[str, list[list[str]]]:
    """pyxform's markdown form: a row whose first cell is a sheet name starts that sheet;
    the other rows give the sheet's header and rows (first cell empty)."""
    sheets: dict[str, list[list[str]]] = {}
    current = None
    for line in md.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells and cells[0]:
            current = cells[0]
            sheets.setdefault(current, [])
            continue
        if current is None:
            continue
        row = cells[1:]
        while row and row[-1] == "":
            row.pop()
        if row:
            sheets[current].append(row)
    return sheets


def workbook(sheets: dict[str, list[list[str]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title[:31])
        for row in rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def fill_placeholders(md: str) -> str | None:
    if "{" not in md.replace("${", ""):
        return md.replace("{{", "{").replace("}}", "}")
    filled = re.sub(r"(?<!\$)\{type\}", "geopoint", md)
    filled = filled.replace("{{", "{").replace("}}", "}")
    if re.search(r"(?<!\$)\{[a-z_]+\}", filled):
        return None
    return filled


def pyxform_accepts(data: bytes) -> tuple[bool, str]:
    from pyxform.builder import create_survey_element_from_dict
    from pyxform.xls2json import workbook_to_json
    from pyxform.xls2json_backends import get_xlsform

    try:
        definition = get_xlsform(data, file_type=".xlsx")
        json_form = workbook_to_json(
            workbook_dict=copy.deepcopy(definition), form_name="data", warnings=[]
        )
        create_survey_element_from_dict(json_form).to_xml(validate=False, warnings=[])
        return True, ""
    except Exception as exc:  # pyxform's error cases, whatever their type
        return False, f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"


def sample(question, form, n: int = 1):
    """A generated answer of the question's type."""
    t = question.type
    if question.list_name:
        options = [c.name for c in form.options(question)]
        if not options:
            return ""
        return options[: min(2, len(options))] if t in ("select_multiple", "rank") else options[0]
    return {
        "text": "abc",
        "integer": "1",
        "decimal": "1.5",
        "range": question.parameters.get("start", "0"),
        "date": "2024-01-02",
        "time": "10:30",
        "datetime": "2024-01-02T10:30",
        "acknowledge": "OK",
        "barcode": "123",
        "phone": "123456",
        "geopoint": "43.2 76.9",
        "geotrace": "43.2 76.9;43.3 77.0",
        "geoshape": "43.2 76.9;43.3 77.0;43.4 76.8",
        "image": "",
        "audio": "",
        "video": "",
        "file": "",
    }.get(t, "x")


_MISSING_RE = re.compile(r"reads the file '([^']+)', which was not attached")


def made_up_attachment(name: str) -> bytes:
    """A small file of the type the name says, with the columns ODK uses by default."""
    if name.endswith(".xml"):
        items = "".join(
            f"<item><name>{n}</name><label>Item {n}</label><val>{n}</val><lbl>{n}</lbl></item>"
            for n in ("a", "b")
        )
        return f"<root>{items}</root>".encode()
    if name.endswith(".geojson"):
        features = [
            {
                "type": "Feature",
                "id": n,
                "geometry": {"type": "Point", "coordinates": [76.9, 43.2]},
                "properties": {"title": f"Item {n}", "name": n},
            }
            for n in ("a", "b")
        ]
        return json.dumps({"type": "FeatureCollection", "features": features}).encode()
    return b"name,label,val,lbl\na,Item a,a,Item a\nb,Item b,b,Item b\n"


def run_form(app, data: bytes, label: str, attachments=None) -> tuple[str, str]:
    """Import and answer a form through the app: ("ran", ""), ("constraints", detail) when
    generated answers could not satisfy it, or ("failed", why)."""
    from consult.extensions import db
    from consult.questionnaires import import_questionnaire, load_version_form
    from surveys.pages import page_by_key

    client = app.test_client()
    with app.app_context():
        try:
            result = import_questionnaire(data, f"{label}.xlsx", attachments=attachments)
        except Exception as exc:
            db.session.rollback()
            return "failed", f"import: {type(exc).__name__}: {str(exc)[:160]}"
        db.session.commit()
        slug = result.version.questionnaire.slug
        form = load_version_form(result.version)
    page = client.get(f"/s/{slug}")
    if page.status_code != 200:
        return "failed", f"start page {page.status_code}"
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True))
    response = client.post(f"/s/{slug}", data={"csrf_token": token.group(1) if token else ""})
    stuck = ""
    for _ in range(60):
        if response.status_code != 302:
            return "failed", f"post {response.status_code}"
        location = response.location
        if "/thanks" in location:
            return ("constraints", stuck) if stuck else ("ran", "")
        response = client.get(location)
        if response.status_code == 302:
            continue
        if response.status_code != 200:
            return "failed", f"page {response.status_code}"
        html = response.get_data(as_text=True)
        key = re.search(r"/p/([^?#]+)", location).group(1)
        page_obj = page_by_key(form, key)
        fields = {
            name: re.search(rf'name="{name}" value="([^"]*)"', html)
            for name in ("csrf_token", "client_id", "shown")
        }
        post = {k: (m.group(1) if m else "") for k, m in fields.items()}
        for name in page_obj.questions if page_obj else []:
            question = form.questions[name]
            if not question.answered or question.type == "repeat-parent":
                continue
            value = sample(question, form)
            if question.repeat:
                post[f"_n.{question.repeat}"] = "1"
                post[f"{name}[1]"] = value
                link = form.parent_question(question.repeat)
                if link:
                    post[f"{link}[1]"] = "1"
            else:
                post[name] = value
        submit = "submit" if 'value="submit"' in html else "next"
        for _attempt in range(3):
            response = client.post(location, data={**post, "action": submit})
            if response.status_code != 200:
                break
            html = response.get_data(as_text=True)
            post["shown"] = (re.search(r'name="shown" value="([^"]*)"', html) or [None, ""])[1]
        if response.status_code == 200:
            stuck = f"page {key}: generated answers not accepted"
            errors = re.findall(r'class="error"[^>]*>([^<]+)<', html)
            return "constraints", f"{stuck}: {errors[:2]}"
        if response.status_code == 500:
            return "failed", f"server error on page {key}"
    return "failed", "never reached the end"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    from consult import create_app
    from consult.extensions import db
    from consult.reference import load_reference_data
    from surveys.xlsform import FormError, load_form

    files = []
    for path in args.paths:
        files.extend(sorted(path.rglob("*")) if path.is_dir() else [path])
    forms = [
        t for f in files if f.is_file() and f.suffix in (".py", ".md", ".txt") for t in tables_in(f)
    ]

    tmp = tempfile.mkdtemp(prefix="pyxform-suite-")
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/suite.sqlite",
            "INSTANCE_PATH": f"{tmp}/instance",
            "SECRET_KEY": "pyxform-suite",
            "LOG_LEVEL": "ERROR",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        db.create_all()
        load_reference_data()
        db.session.commit()

    counts = collections.Counter()
    reasons: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    rows = []
    for label, md in forms:
        filled = fill_placeholders(md)
        if filled is None:
            counts["template (skipped)"] += 1
            continue
        sheets = md_to_sheets(filled)
        if not any(name.lower() == "survey" for name in sheets):
            counts["no survey table (skipped)"] += 1
            continue
        data = workbook(sheets)
        counts["forms"] += 1
        accepted, why = pyxform_accepts(data)
        row = {"form": label, "pyxform": accepted, "pyxform_error": why}
        if not accepted:
            counts["refused by pyxform"] += 1
            rows.append(row)
            continue
        counts["accepted by pyxform"] += 1
        attachments = None
        try:
            try:
                load_form(data, f"{label}.xlsx")
            except FormError as error:
                missing = _MISSING_RE.findall(" ".join(str(i) for i in error.issues))
                if not missing or len(missing) != len(error.issues):
                    raise
                # Refused only for files the test does not have: try again with made-up
                # files of those names, to see whether the rest of the form runs.
                attachments = {name: made_up_attachment(name) for name in missing}
                load_form(data, f"{label}.xlsx", attachments=attachments)
                row["attachments"] = "made up"
                counts["needed attachments (made up)"] += 1
        except FormError as error:
            first = str(error.issues[0]) if error.issues else str(error)
            row["consult"] = "refused"
            row["reason"] = first
            counts["refused by consult"] += 1
            reasons["refused"][re.sub(r"'[^']*'", "'…'", first.split(": ", 1)[-1])[:120]] += 1
            rows.append(row)
            continue
        except Exception:
            row["consult"] = "crashed"
            row["reason"] = traceback.format_exc().splitlines()[-1]
            counts["crashed in consult"] += 1
            reasons["crashed"][row["reason"][:120]] += 1
            rows.append(row)
            continue
        counts["imported by consult"] += 1
        try:
            outcome, detail = run_form(app, data, re.sub(r"\W+", "_", label)[:60], attachments)
        except Exception:
            outcome, detail = "failed", traceback.format_exc().splitlines()[-1]
        row["consult"], row["reason"] = outcome, detail
        counts[
            {
                "ran": "ran to the end",
                "constraints": "ran, generated answers refused",
                "failed": "failed while running",
            }[outcome]
        ] += 1
        if outcome != "ran":
            reasons[outcome][re.sub(r"'[^']*'", "'…'", detail)[:120]] += 1
        rows.append(row)

    for key in (
        "forms",
        "refused by pyxform",
        "accepted by pyxform",
        "needed attachments (made up)",
        "refused by consult",
        "crashed in consult",
        "imported by consult",
        "ran to the end",
        "ran, generated answers refused",
        "failed while running",
        "template (skipped)",
        "no survey table (skipped)",
    ):
        print(f"{key:34} {counts[key]}")
    for kind, counter in reasons.items():
        print(f"\n{kind}:")
        for reason, n in counter.most_common(25):
            print(f"  {n:3}  {reason}")
    if args.json:
        args.json.write_text(json.dumps({"counts": counts, "forms": rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
