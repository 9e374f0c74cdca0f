"""The XML documents of the OpenRosa APIs: the form list, a form's manifest, and the
response message a submission gets. Plain functions of plain values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from xml.etree.ElementTree import Element, SubElement, tostring

FORM_LIST_NS = "http://openrosa.org/xforms/xformsList"
MANIFEST_NS = "http://openrosa.org/xforms/xformsManifest"
RESPONSE_NS = "http://openrosa.org/http/response"


@dataclass
class ListedForm:
    """One entry of the form list."""

    form_id: str
    name: str
    version: str
    md5: str
    download_url: str
    manifest_url: str
    description: str = ""


@dataclass
class MediaFile:
    """One file of a form's manifest."""

    filename: str
    md5: str
    download_url: str


def _document(root: Element) -> bytes:
    return tostring(root, encoding="utf-8", xml_declaration=True)


def form_list(forms: Iterable[ListedForm], *, verbose: bool = False) -> bytes:
    """The ``<xforms>`` list of the Form List API; ``verbose`` adds each form's
    ``descriptionText``."""
    root = Element("xforms", {"xmlns": FORM_LIST_NS})
    for form in forms:
        item = SubElement(root, "xform")
        SubElement(item, "formID").text = form.form_id
        SubElement(item, "name").text = form.name
        SubElement(item, "version").text = form.version
        SubElement(item, "hash").text = f"md5:{form.md5}"
        if verbose and form.description:
            SubElement(item, "descriptionText").text = form.description
        SubElement(item, "downloadUrl").text = form.download_url
        SubElement(item, "manifestUrl").text = form.manifest_url
    return _document(root)


def manifest(files: Iterable[MediaFile]) -> bytes:
    """The ``<manifest>`` of a form: every file it reads, with its md5 and address."""
    root = Element("manifest", {"xmlns": MANIFEST_NS})
    for media in files:
        item = SubElement(root, "mediaFile")
        SubElement(item, "filename").text = media.filename
        SubElement(item, "hash").text = f"md5:{media.md5}"
        SubElement(item, "downloadUrl").text = media.download_url
    return _document(root)


def response_message(message: str, nature: str = "") -> bytes:
    """An ``<OpenRosaResponse>`` with one message; Collect shows its text to the user.
    ``nature`` is ``submit_success`` on a stored submission, empty on errors."""
    root = Element("OpenRosaResponse", {"xmlns": RESPONSE_NS})
    attributes = {"nature": nature} if nature else {}
    SubElement(root, "message", attributes).text = message
    return _document(root)
