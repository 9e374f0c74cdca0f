"""The programme's gap-and-needs questionnaire (slug ``cami-gap-needs``) as readable data.

``cami-gap-needs.xlsx`` next to this module is the XLSForm that users download and import; this
module is its source. After editing a question or a text here, rebuild the workbook with

    python -m surveys.forms.cami_gap_needs surveys/forms/cami-gap-needs.xlsx

and keep both: a test checks that building again reproduces the shipped workbook. The
build reads where each species occurs from ``reference/data/species_ranges.json``.

Every label, hint and message is written in the five languages of the programme (`tr` will not
take a text with a language missing). The question names are read by the analysis and the
loader (consult/runs/frames.py), so rename nothing without changing them too.

Version 2027.1
--------------
The Conservation Standards (CMP Open Standards; Miradi's simple threat rating) rate each
direct threat against each conservation target, here the species. Page by page:

1. *Welcome*: consent. 2. *About you*: country, stakeholder group, organisation, role,
   years of experience, e-mail (optional).
3. *Species and threats*: the species the respondent knows best in their area, up to three
   (``target_1`` required, ``target_2``/``target_3`` optional, each shown once the one
   before is answered and different from it), offered only where the species occurs in
   their country (the ``species`` choices carry a ``countries`` column;
   ``selected(countries, ${country})``). ``species`` keeps the named codes as one list.
4. One page per named species (``species_1`` .. ``species_3``, titled with the species'
   name through ``jr:choice-name``): which of the four direct threats (``DIRECT_THREATS``)
   affect it (``t{i}_threats``, or "none of these"), then for each one present its scope,
   severity and irreversibility on the standard's four levels, each band defined in the
   hint, and its trend (``t{i}_{threat}_scope`` ... ``_trend``); for poaching, optionally
   where it happens (``t{i}_poaching_where``, a point), for infrastructure where the barrier
   runs (``t{i}_infrastructure_where``, a line), answered on a map or typed.
5. *Gaps in conservation*: the contributing factors (``CONTRIBUTING_FACTORS``) are not rated
   as threats but as gaps, on a four-level adequacy scale defined on the page (+ "don't
   know"): ``gap_enforcement``, ``gap_funding``, ``gap_community``, ``gap_monitoring``,
   ``gap_cooperation`` (``GAP_ITEMS`` names each one's factor), and ``gap_most_needed``.
6. *Conservation measures* in place, each rated on the standard's strategy effectiveness
   scale (not / less / effective / very effective); 7. *Needs* ranked, and what is most
   needed; 8. *Cooperation across borders*: partner countries, what blocks cooperation;
   9. *Stakeholders* who matter (a repeat); 10. *Your views*: main threats, anything else.

Version 2026.1 (all eight themes rated as threats to "the species in your area") is kept
as shipped in ``PREVIOUS_VERSIONS``: its responses stay valid against its own workbook.

Time to answer
--------------
`estimate` walks the form with the engine's relevance rules as a respondent giving
``MEDIAN_RESPONDENT``'s answers would (two species, two threats present for each, so
2 x 2 x 4 ratings; five gap questions; two measures; the ranking; one stakeholder; four of
the five free texts), counts what they are shown and applies the seconds of ``SECONDS``:
8 per select_one or number, 15 per select_multiple, 20 per ranking, 60 per free text
written, 15 per short text typed, 5 per text left empty, 10 per note, 3 per page, 10 per
optional location and 15 per optional line. The median respondent sees 33 single choices,
4 checklists, 1 ranking, 4 free texts, 2 short texts, 2 empty texts, 8 notes, 2 locations,
1 line and 12 pages: 783 s, about 13.1 minutes (a test keeps it under 20).
Naming three species with all four threats each and writing every text takes
1242 s, about 20.7 minutes. The welcome page says "about 15 minutes".
"""

from __future__ import annotations

import io
import json
import sys
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from pyxform.xls2json_backends import get_xlsform

import reference
from surveys import model, validation, xlsform

SLUG = "cami-gap-needs"
FORM_ID = "cami_gap_needs"
VERSION = "2027.1"
SHIPPED = Path(__file__).with_name(f"{SLUG}.xlsx")
#: Workbooks of earlier versions, kept as shipped: installations that imported them still
#: hold their responses, and a new installation can import them to read old exports.
PREVIOUS_VERSIONS: dict[str, Path] = {
    "2026.1": Path(__file__).with_name(f"{SLUG}-2026.1.xlsx"),
}
#: Where each species occurs: the programme's reference data, read when the workbook is built.
SPECIES_RANGES = reference.DATA / "species_ranges.json"

#: The form's languages (the programme's five) -> the name used in the XLSForm column
#: headers, e.g. ``label::Монгол (mn)``: each language's own name, from the reference data.
LANGUAGES: dict[str, str] = {
    code: reference.native_names()[code] for code in ("en", "ru", "zh", "mn", "fa")
}
DEFAULT_LANGUAGE = "en"
RTL_LANGUAGES = frozenset(code for code in LANGUAGES if reference.is_rtl(code))

Text = dict[str, str]


def tr(*, en: str, ru: str, zh: str, mn: str, fa: str) -> Text:
    """Return one text in the five languages of the form, keyed by language code."""
    return {"en": en, "ru": ru, "zh": zh, "mn": mn, "fa": fa}


def _five(names: dict[str, str]) -> Text:
    """A reference record's names in the form's five languages (every one must be there)."""
    return tr(**{lang: names[lang] for lang in ("en", "ru", "zh", "mn", "fa")})


def language_name(lang: str) -> str:
    """Return the XLSForm name of a language, e.g. ``Монгол (mn)`` for ``mn``."""
    return f"{LANGUAGES[lang]} ({lang})"


def header(kind: str, lang: str) -> str:
    """Return the XLSForm column header of a translated column, e.g. ``hint::中文 (zh)``."""
    return f"{kind}::{language_name(lang)}"


def _sentences(*texts: Text) -> Text:
    """Join texts sentence after sentence; Chinese sentences follow each other without a space."""
    return {
        lang: ("" if lang == "zh" else " ").join(text[lang] for text in texts) for lang in LANGUAGES
    }


@dataclass(frozen=True)
class Question:
    """One row of the survey sheet (a question, a note or a calculation)."""

    type: str
    name: str
    label: Text | None = None
    hint: Text | None = None
    required: bool = False
    required_message: Text | None = None
    constraint: str = ""
    constraint_message: Text | None = None
    relevant: str = ""
    appearance: str = ""
    choice_filter: str = ""
    default: str = ""
    calculation: str = ""


@dataclass(frozen=True)
class Group:
    """A group of questions (a page of the form) or, with ``repeat``, a repeat."""

    name: str
    label: Text
    children: tuple[Question | Group, ...]
    relevant: str = ""
    appearance: str = ""
    repeat: bool = False


@dataclass(frozen=True)
class Theme:
    """A threat theme of the programme with its display name and one-sentence description."""

    code: str
    name: Text
    description: Text


# ---------------------------------------------------------------------------------------------
# Texts used in several places
# ---------------------------------------------------------------------------------------------

TITLE = tr(
    en="Assessment of conservation gaps and needs: migratory mammals of Central Asia",
    ru="Оценка пробелов и потребностей в сохранении мигрирующих млекопитающих Центральной Азии",
    zh="中亚迁徙性哺乳动物保护差距与需求评估",
    mn="Төв Азийн нүүдлийн хөхтөн амьтдыг хамгаалах ажлын дутагдал, хэрэгцээний үнэлгээ",
    fa="ارزیابی کاستی‌ها و نیازهای حفاظت از پستانداران مهاجر آسیای مرکزی",
)

REQUIRED = tr(
    en="This question needs an answer.",
    ru="Это обязательный вопрос.",
    zh="此题为必答题。",
    mn="Энэ асуултад заавал хариулна уу.",
    fa="پاسخ به این پرسش الزامی است.",
)

SELECT_ALL = tr(
    en="Select all that apply.",
    ru="Отметьте все подходящие варианты.",
    zh="可多选。",
    mn="Тохирох бүгдийг сонгоно уу.",
    fa="همهٔ گزینه‌های مرتبط را انتخاب کنید.",
)

OWN_WORDS = tr(
    en="Answer in your own words, in any language.",
    ru="Ответьте своими словами, на любом языке.",
    zh="请用您自己的话回答，可使用任何语言。",
    mn="Өөрийн үгээр, ямар ч хэлээр хариулж болно.",
    fa="با کلمات خودتان و به هر زبانی که می‌خواهید پاسخ دهید.",
)

CONSENTED = "${consent} = 'yes'"

# ---------------------------------------------------------------------------------------------
# Choice lists (codes are the programme's stable codes; see reference/data)
# ---------------------------------------------------------------------------------------------

YES_NO = {
    "yes": tr(en="Yes", ru="Да", zh="是", mn="Тийм", fa="بله"),
    "no": tr(en="No", ru="Нет", zh="否", mn="Үгүй", fa="خیر"),
}

COUNTRIES: dict[str, Text] = {
    item["code"]: _five(item["names"]) for item in reference.countries()
}

STAKEHOLDER_GROUPS: dict[str, Text] = {
    item["code"]: _five(item["names"]) for item in reference.stakeholder_groups()
}

ORG_TYPES = {
    "government_national": tr(
        en="National government agency",
        ru="Государственный орган национального уровня",
        zh="国家级政府机构",
        mn="Төрийн захиргааны төв байгууллага",
        fa="نهاد دولتی ملی",
    ),
    "government_local": tr(
        en="Regional or local government",
        ru="Региональный или местный орган власти",
        zh="地方政府机构",
        mn="Орон нутгийн төрийн байгууллага (аймаг, сум)",
        fa="نهاد دولتی استانی یا محلی",
    ),
    "protected_area_admin": tr(
        en="Protected-area administration",
        ru="Администрация ООПТ (заповедника, национального парка)",
        zh="保护地管理机构",
        mn="Тусгай хамгаалалттай газар нутгийн хамгаалалтын захиргаа",
        fa="ادارهٔ منطقهٔ حفاظت‌شده",
    ),
    "ngo_national": tr(
        en="National NGO",
        ru="Национальная НПО",
        zh="本国非政府组织",
        mn="Үндэсний төрийн бус байгууллага",
        fa="سازمان مردم‌نهاد ملی",
    ),
    "ngo_international": tr(
        en="International NGO",
        ru="Международная НПО",
        zh="国际非政府组织",
        mn="Олон улсын төрийн бус байгууллага",
        fa="سازمان غیردولتی بین‌المللی",
    ),
    "university": tr(
        en="University or research institute",
        ru="Университет или научно-исследовательский институт",
        zh="大学或科研院所",
        mn="Их сургууль, эрдэм шинжилгээний хүрээлэн",
        fa="دانشگاه یا مؤسسهٔ پژوهشی",
    ),
    "community_org": tr(
        en="Community organisation or herders' group",
        ru="Общественная организация местных жителей или объединение скотоводов",
        zh="社区组织或牧民合作组织",
        mn="Нутгийн иргэдийн байгууллага, малчдын нөхөрлөл",
        fa="تشکل محلی یا گروه دامداران",
    ),
    "company": tr(
        en="Company",
        ru="Коммерческая компания",
        zh="企业",
        mn="Компани, аж ахуйн нэгж",
        fa="شرکت",
    ),
    "other": tr(en="Other", ru="Другое", zh="其他", mn="Бусад", fa="سایر"),
}

SPECIES: dict[str, Text] = {item["code"]: _five(item["names"]) for item in reference.species()}

THEMES: tuple[Theme, ...] = tuple(
    Theme(item["code"], _five(item["names"]), _five(item["descriptions"]))
    for item in reference.themes()
)

#: Themes rated as direct threats against each species (Conservation Standards: direct
#: threats act on targets), from the reference data, as the analysis reads them.
DIRECT_THREATS: tuple[str, ...] = reference.theme_codes(reference.DIRECT_THREAT)
#: Themes assessed as gaps in the conditions for conservation (contributing factors).
CONTRIBUTING_FACTORS: tuple[str, ...] = reference.theme_codes(reference.CONTRIBUTING_FACTOR)
#: Gap questions and the contributing factor each one measures.
GAP_ITEMS: dict[str, str] = {
    question: theme["code"]
    for theme in reference.themes()
    for question in theme.get("gap_questions", ())
}
#: How many species a respondent may name and rate (``target_1`` .. ``target_3``).
TARGET_SLOTS = 3

NONE_OF_THESE = tr(
    en="None of these",
    ru="Ничего из перечисленного",
    zh="以上都没有",
    mn="Эдгээрийн аль нь ч биш",
    fa="هیچ‌کدام از این‌ها",
)

# Conservation Standards threat-rating levels (Low=1 .. Very high=4).
LEVEL4 = {
    "low": tr(en="Low", ru="Низкий", zh="低", mn="Бага", fa="کم"),
    "medium": tr(en="Medium", ru="Средний", zh="中", mn="Дунд", fa="متوسط"),
    "high": tr(en="High", ru="Высокий", zh="高", mn="Өндөр", fa="زیاد"),
    "very_high": tr(en="Very high", ru="Очень высокий", zh="很高", mn="Маш өндөр", fa="بسیار زیاد"),
}

TREND = {
    "decreasing": tr(
        en="Decreasing", ru="Ослабевает", zh="减轻", mn="Буурч байна", fa="رو به کاهش"
    ),
    "stable": tr(en="Stable", ru="Не меняется", zh="稳定", mn="Тогтвортой", fa="بدون تغییر"),
    "increasing": tr(
        en="Increasing", ru="Усиливается", zh="加剧", mn="Нэмэгдэж байна", fa="رو به افزایش"
    ),
    "unknown": tr(en="Don't know", ru="Не знаю", zh="不清楚", mn="Мэдэхгүй", fa="نمی‌دانم"),
}

MEASURES = {
    "protected_areas": tr(
        en="Protected areas",
        ru="Особо охраняемые природные территории",
        zh="自然保护地",
        mn="Тусгай хамгаалалттай газар нутаг",
        fa="مناطق حفاظت‌شده",
    ),
    "anti_poaching": tr(
        en="Anti-poaching patrols and law enforcement",
        ru="Борьба с браконьерством: рейды, патрулирование, правоприменение",
        zh="反盗猎巡护与执法",
        mn="Хулгайн агнуураас хамгаалах эргүүл, хууль сахиулалт",
        fa="گشت‌زنی برای مقابله با شکار غیرمجاز و اجرای قانون",
    ),
    "wildlife_crossings": tr(
        en="Wildlife crossings and wildlife-friendly fences",
        ru="Переходы для животных и заграждения, проницаемые для животных",
        zh="野生动物通道与对野生动物友好的围栏",
        mn="Зэрлэг амьтны гарц, амьтдад ээлтэй хашаа",
        fa="گذرگاه‌های حیات وحش و حصارهای سازگار با حیات وحش",
    ),
    "community_programmes": tr(
        en="Community programmes (livelihoods, awareness, compensation)",
        ru="Программы с местным населением (источники дохода, просвещение, компенсации)",
        zh="社区项目（生计、宣传教育、损失补偿）",
        mn="Орон нутгийн иргэдтэй хамтарсан хөтөлбөр (амьжиргаа, сурталчилгаа, нөхөн олговор)",
        fa="برنامه‌های جوامع محلی (معیشت، آگاهی‌رسانی، جبران خسارت)",
    ),
    "monitoring": tr(
        en="Population monitoring and research",
        ru="Мониторинг популяций и научные исследования",
        zh="种群监测与研究",
        mn="Популяцийн мониторинг, судалгаа",
        fa="پایش جمعیت و پژوهش",
    ),
    "legislation": tr(
        en="Legislation and policy",
        ru="Законодательство и политика",
        zh="法律与政策",
        mn="Хууль тогтоомж, бодлого",
        fa="قوانین و سیاست‌ها",
    ),
    "transboundary_agreements": tr(
        en="Transboundary agreements",
        ru="Трансграничные соглашения",
        zh="跨境合作协议",
        mn="Хил дамнасан хамтын ажиллагааны хэлэлцээр",
        fa="توافق‌نامه‌های فرامرزی",
    ),
    "livestock_management": tr(
        en="Livestock and pasture management",
        ru="Регулирование выпаса и управление пастбищами",
        zh="牲畜与草场管理",
        mn="Мал, бэлчээрийн менежмент",
        fa="مدیریت دام و مرتع",
    ),
}

# Conservation Standards strategy rating: Not / Less / Effective / Very effective.
EFFECTIVENESS = {
    "not": tr(en="Not effective", ru="Неэффективно", zh="无效", mn="Үр дүнгүй", fa="بی‌اثر"),
    "less": tr(
        en="Less effective", ru="Малоэффективно", zh="效果有限", mn="Үр дүн багатай", fa="کم‌اثر"
    ),
    "effective": tr(en="Effective", ru="Эффективно", zh="有效", mn="Үр дүнтэй", fa="مؤثر"),
    "very_effective": tr(
        en="Very effective",
        ru="Очень эффективно",
        zh="非常有效",
        mn="Маш үр дүнтэй",
        fa="بسیار مؤثر",
    ),
}

NEEDS = {
    "capacity": tr(
        en="Training and capacity building",
        ru="Обучение и повышение квалификации",
        zh="培训与能力建设",
        mn="Сургалт, чадавхжуулалт",
        fa="آموزش و ظرفیت‌سازی",
    ),
    "funding": tr(en="Funding", ru="Финансирование", zh="资金", mn="Санхүүжилт", fa="تأمین مالی"),
    "legislation": tr(
        en="Better laws and policies",
        ru="Совершенствование законодательства и политики",
        zh="完善法律与政策",
        mn="Хууль тогтоомж, бодлогыг боловсронгуй болгох",
        fa="بهبود قوانین و سیاست‌ها",
    ),
    "enforcement": tr(
        en="Stronger law enforcement",
        ru="Более действенное правоприменение и охрана",
        zh="加强执法",
        mn="Хууль сахиулалтыг чангатгах",
        fa="اجرای قاطع‌تر قانون",
    ),
    "data": tr(
        en="Better data and monitoring",
        ru="Более полные данные и мониторинг",
        zh="更完善的数据与监测",
        mn="Илүү сайн мэдээлэл, мониторинг",
        fa="داده‌ها و پایش بهتر",
    ),
    "cooperation": tr(
        en="Cooperation between agencies and countries",
        ru="Сотрудничество между ведомствами и странами",
        zh="部门之间与国家之间的合作",
        mn="Байгууллага хоорондын болон улс хоорондын хамтын ажиллагаа",
        fa="همکاری میان نهادها و کشورها",
    ),
}

# How well a condition for conservation is met; the analysis reads very_inadequate as the
# largest gap (4) and adequate as none (1), "don't know" as no answer.
ADEQUACY = {
    "very_inadequate": tr(
        en="Very inadequate",
        ru="Совершенно недостаточно",
        zh="很不充分",
        mn="Огт хангалтгүй",
        fa="کاملاً ناکافی",
    ),
    "inadequate": tr(
        en="Inadequate", ru="Недостаточно", zh="不充分", mn="Хангалтгүй", fa="ناکافی"
    ),
    "partly_adequate": tr(
        en="Partly adequate",
        ru="Частично достаточно",
        zh="部分充分",
        mn="Хэсэгчлэн хангалттай",
        fa="تا حدی کافی",
    ),
    "adequate": tr(en="Adequate", ru="Достаточно", zh="充分", mn="Хангалттай", fa="کافی"),
    "dont_know": tr(en="Don't know", ru="Не знаю", zh="不清楚", mn="Мэдэхгүй", fa="نمی‌دانم"),
}

LEVEL3 = {
    "low": tr(en="Low", ru="Слабо", zh="低", mn="Бага", fa="کم"),
    "medium": tr(en="Medium", ru="Умеренно", zh="中", mn="Дунд", fa="متوسط"),
    "high": tr(en="High", ru="Сильно", zh="高", mn="Их", fa="زیاد"),
}

CHOICES: dict[str, dict[str, Text]] = {
    "yes_no": YES_NO,
    "countries": COUNTRIES,
    "groups": STAKEHOLDER_GROUPS,
    "org_types": ORG_TYPES,
    "species": SPECIES,
    "direct_threats": {
        **{theme.code: theme.name for theme in THEMES if theme.code in DIRECT_THREATS},
        "none": NONE_OF_THESE,
    },
    "level4": LEVEL4,
    "trend": TREND,
    "measures": MEASURES,
    "effectiveness": EFFECTIVENESS,
    "needs": NEEDS,
    "adequacy": ADEQUACY,
    "level3": LEVEL3,
}

# ---------------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------------

WELCOME = Group(
    # Not named `consent`: XLSForm names must be unique and the question is `consent`.
    "welcome",
    tr(
        en="Welcome",
        ru="Добро пожаловать",
        zh="欢迎",
        mn="Тавтай морилно уу",
        fa="خوش آمدید",
    ),
    (
        Question(
            "note",
            "intro",
            tr(
                en=f"**{TITLE['en']}**\n\n"
                "This questionnaire is part of a regional assessment of the threats facing "
                "migratory mammals such as the saiga, argali, snow leopard and kulan, and of "
                "what is needed to conserve them. Your answers will help set the priorities of "
                "the regional programme of work.\n\n"
                "Your answers are anonymous: results are reported only as totals by country "
                "and stakeholder group, and nothing you write will be linked to your name. "
                "Answering takes about 15 minutes. You can stop at any time and continue "
                "later from where you left off.",
                ru=f"**{TITLE['ru']}**\n\n"
                "Этот опрос — часть региональной оценки угроз для мигрирующих млекопитающих, "
                "таких как сайгак, архар, снежный барс и кулан, и того, что необходимо для их "
                "сохранения. Ваши ответы помогут определить приоритеты региональной программы "
                "работ.\n\n"
                "Опрос анонимный: результаты публикуются только в обобщённом виде, по странам "
                "и группам участников, и ничто из написанного вами не будет связано с вашим "
                "именем. Заполнение займёт около 15 минут. Вы можете прервать опрос в любой "
                "момент и позже продолжить с того же места.",
                zh=f"**{TITLE['zh']}**\n\n"
                "本问卷是一项区域评估的一部分，旨在了解高鼻羚羊、盘羊、雪豹、蒙古野驴等"
                "迁徙性哺乳动物面临的威胁，以及保护它们需要做些什么。您的回答将帮助确定区域"
                "工作计划的优先事项。\n\n"
                "本问卷为匿名填写：结果仅按国家和利益相关方类别汇总报告，您填写的任何内容都"
                "不会与您的姓名相关联。填写约需15分钟。您可以随时中断，之后从中断处继续"
                "填写。",
                mn=f"**{TITLE['mn']}**\n\n"
                "Энэхүү асуулга нь бөхөн, аргаль, ирвэс, хулан зэрэг нүүдлийн хөхтөн амьтдад "
                "тулгарч буй аюул занал, тэдгээрийг хамгаалахад юу хэрэгтэй байгааг тодорхойлох "
                "бүс нутгийн үнэлгээний нэг хэсэг юм. Таны хариулт бүс нутгийн ажлын "
                "хөтөлбөрийн тэргүүлэх чиглэлийг тогтооход тусална.\n\n"
                "Асуулга нэрээ нууцалсан хэлбэрээр явагдана: үр дүнг зөвхөн улс болон "
                "оролцогч талын бүлгээр нэгтгэн мэдээлэх бөгөөд таны бичсэн зүйлийг таны "
                "нэртэй холбохгүй. Бөглөхөд 15 орчим минут зарцуулна. Та хүссэн үедээ зогсоож, "
                "дараа нь зогссон газраасаа үргэлжлүүлж болно.",
                fa=f"**{TITLE['fa']}**\n\n"
                "این پرسشنامه بخشی از یک ارزیابی منطقه‌ای دربارهٔ تهدیدهای پیش روی "
                "پستانداران مهاجر، مانند آنتلوپ سایگا، قوچ آرگالی، پلنگ برفی و گورخر آسیایی، و "
                "نیازهای حفاظت از آن‌هاست. پاسخ‌های شما به تعیین اولویت‌های برنامهٔ کار منطقه‌ای "
                "کمک می‌کند.\n\n"
                "پاسخ‌ها بی‌نام ثبت می‌شوند: نتایج فقط به صورت کلی و به تفکیک کشور و گروه "
                "ذی‌نفعان گزارش می‌شود و هیچ‌یک از نوشته‌های شما به نامتان پیوند داده نمی‌شود. "
                "پاسخ‌گویی حدود ۱۵ دقیقه طول می‌کشد. هر زمان که بخواهید می‌توانید "
                "پرسشنامه را متوقف کنید و بعداً از همان جا ادامه دهید.",
            ),
        ),
        Question(
            "select_one yes_no",
            "consent",
            tr(
                en="Do you agree to take part in this assessment?",
                ru="Согласны ли вы принять участие в этой оценке?",
                zh="您是否同意参与本次评估？",
                mn="Та энэхүү үнэлгээнд оролцохыг зөвшөөрч байна уу?",
                fa="آیا با شرکت در این ارزیابی موافقید؟",
            ),
            hint=tr(
                en="If you answer No, the questionnaire ends here.",
                ru="Если вы ответите «Нет», опрос на этом завершится.",
                zh="如选择“否”，问卷将在此结束。",
                mn="Хэрэв «Үгүй» гэж хариулбал асуулга энд дуусна.",
                fa="اگر «خیر» را انتخاب کنید، پرسشنامه همین‌جا به پایان می‌رسد.",
            ),
            required=True,
            required_message=tr(
                en="Please answer to continue.",
                ru="Пожалуйста, ответьте, чтобы продолжить.",
                zh="请作答后继续。",
                mn="Үргэлжлүүлэхийн тулд хариулна уу.",
                fa="برای ادامه، لطفاً پاسخ دهید.",
            ),
        ),
        Question(
            "note",
            "no_consent",
            tr(
                en="Thank you. You have chosen not to take part; you can close this page.",
                ru="Спасибо. Вы решили не участвовать в опросе; эту страницу можно закрыть.",
                zh="谢谢。您已选择不参与本次评估，可以关闭此页面。",
                mn="Баярлалаа. Та оролцохгүй гэж сонгосон тул энэ хуудсыг хааж болно.",
                fa="سپاسگزاریم. شما تصمیم گرفتید در این ارزیابی شرکت نکنید؛ می‌توانید این صفحه "
                "را ببندید.",
            ),
            relevant="${consent} = 'no'",
        ),
    ),
    appearance="field-list",
)

PROFILE = Group(
    "profile",
    tr(en="About you", ru="О вас", zh="关于您", mn="Таны тухай", fa="دربارهٔ شما"),
    (
        Question(
            "select_one countries",
            "country",
            tr(
                en="In which country do you mainly work?",
                ru="В какой стране вы в основном работаете?",
                zh="您主要在哪个国家工作？",
                mn="Та голчлон аль улсад ажилладаг вэ?",
                fa="بیشتر در کدام کشور کار می‌کنید؟",
            ),
            hint=tr(
                en="If you work in several countries, choose the one your answers are about.",
                ru="Если вы работаете в нескольких странах, выберите ту, к которой относятся "
                "ваши ответы.",
                zh="如您在多个国家工作，请选择您的回答所涉及的国家。",
                mn="Хэрэв та хэд хэдэн улсад ажилладаг бол хариулт тань аль улсын тухай "
                "байгааг сонгоно уу.",
                fa="اگر در چند کشور کار می‌کنید، کشوری را انتخاب کنید که پاسخ‌هایتان دربارهٔ آن است.",
            ),
            required=True,
        ),
        Question(
            "select_one groups",
            "stakeholder_group",
            tr(
                en="Which group describes you best?",
                ru="Какая группа лучше всего описывает вас?",
                zh="以下哪一类最符合您的身份？",
                mn="Аль бүлэг таныг хамгийн сайн тодорхойлох вэ?",
                fa="کدام گروه شما را بهتر توصیف می‌کند؟",
            ),
            required=True,
        ),
        Question(
            "select_one org_types",
            "org_type",
            tr(
                en="What type of organisation do you work for?",
                ru="К какому типу относится ваша организация?",
                zh="您所在的机构属于哪种类型？",
                mn="Таны ажилладаг байгууллага ямар төрлийнх вэ?",
                fa="در چه نوع سازمانی کار می‌کنید؟",
            ),
        ),
        Question(
            "text",
            "org_type_other",
            tr(
                en="Please specify the type of organisation.",
                ru="Уточните, пожалуйста, тип организации.",
                zh="请注明机构类型。",
                mn="Байгууллагын төрлийг тодруулна уу.",
                fa="لطفاً نوع سازمان را مشخص کنید.",
            ),
            relevant="${org_type} = 'other'",
        ),
        Question(
            "text",
            "role",
            tr(
                en="What is your role or position?",
                ru="Какова ваша должность или роль?",
                zh="您的职务或角色是什么？",
                mn="Таны албан тушаал, үүрэг юу вэ?",
                fa="سمت یا نقش شما چیست؟",
            ),
            hint=tr(
                en="For example: ranger, wildlife specialist, herder, project manager.",
                ru="Например: госинспектор, специалист по животному миру, скотовод, "
                "руководитель проекта.",
                zh="例如：巡护员、野生动物专家、牧民、项目经理。",
                mn="Жишээ нь: байгаль хамгаалагч, ан амьтны мэргэжилтэн, малчин, төслийн менежер.",
                fa="برای نمونه: محیط‌بان، کارشناس حیات وحش، دامدار، مدیر پروژه.",
            ),
        ),
        Question(
            "integer",
            "years_experience",
            tr(
                en="For how many years have you worked with wildlife or in this area?",
                ru="Сколько лет вы работаете с дикими животными или в этой местности?",
                zh="您从事野生动物相关工作或在该地区工作了多少年？",
                mn="Та зэрлэг амьтантай холбоотой ажилд эсвэл энэ нутагт хэдэн жил ажилласан бэ?",
                fa="چند سال است که در زمینهٔ حیات وحش یا در این منطقه کار می‌کنید؟",
            ),
            constraint=". >= 0 and . <= 70",
            constraint_message=tr(
                en="Enter a number of years from 0 to 70.",
                ru="Введите число лет от 0 до 70.",
                zh="请输入0到70之间的年数。",
                mn="0-ээс 70 хүртэлх жилийн тоо оруулна уу.",
                fa="تعداد سال‌ها را به صورت عددی از ۰ تا ۷۰ وارد کنید.",
            ),
        ),
        Question(
            "text",
            "email",
            tr(
                en="E-mail address (optional)",
                ru="Адрес электронной почты (необязательно)",
                zh="电子邮箱（选填）",
                mn="Цахим шуудангийн хаяг (заавал биш)",
                fa="نشانی ایمیل (اختیاری)",
            ),
            hint=tr(
                en="Only used to send you a link to continue the questionnaire later. It is not "
                "shared and does not appear in any results.",
                ru="Используется только для того, чтобы отправить вам ссылку для продолжения "
                "опроса. Адрес никому не передаётся и не появляется в результатах.",
                zh="仅用于向您发送稍后继续填写问卷的链接，不会提供给他人，也不会出现在任何结果中。",
                mn="Зөвхөн асуулгыг дараа үргэлжлүүлэн бөглөх холбоосыг танд илгээхэд "
                "ашиглана. Бусдад дамжуулахгүй бөгөөд үр дүнд харагдахгүй.",
                fa="فقط برای فرستادن پیوند ادامهٔ پرسشنامه برای شما به کار می‌رود. در اختیار "
                "دیگران قرار نمی‌گیرد و در هیچ نتیجه‌ای نمایش داده نمی‌شود.",
            ),
            constraint=r"regex(., '^[^@\s]+@[^@\s]+\.[^@\s]+$')",
            constraint_message=tr(
                en="Please enter a valid e-mail address, for example name@example.org.",
                ru="Введите правильный адрес электронной почты, например name@example.org.",
                zh="请输入有效的电子邮箱地址，例如 name@example.org。",
                mn="Зөв цахим шуудангийн хаяг оруулна уу, жишээ нь name@example.org.",
                fa="لطفاً یک نشانی ایمیل معتبر وارد کنید، مانند name@example.org.",
            ),
        ),
    ),
    relevant=CONSENTED,
)

# Conservation Standards (simple threat rating) bands, shown beside every rating.
SCOPE = tr(
    en="Scope: how much of the species' population or range will this affect within 10 years?",
    ru="Масштаб: какая часть популяции или ареала видов будет затронута в ближайшие 10 лет?",
    zh="范围：未来10年内，物种种群或分布区中有多大比例会受到影响？",
    mn="Хамрах хүрээ: ойрын 10 жилд амьтдын популяци (тоо толгой) эсвэл тархац нутгийн "
    "хэдэн хувьд нөлөөлөх вэ?",
    fa="گستره: در ۱۰ سال آینده چه بخشی از جمعیت یا قلمرو پراکنش گونه تحت تأثیر قرار می‌گیرد؟",
)
SCOPE_HINT = tr(
    en="Low: 1–10 %; Medium: 11–30 %; High: 31–70 %; Very high: 71–100 % of the population or "
    "range affected within 10 years if nothing changes.",
    ru="Низкий: 1–10 %; средний: 11–30 %; высокий: 31–70 %; очень высокий: 71–100 %. Это доля "
    "популяции или ареала, которая будет затронута в течение 10 лет, если ничего не изменится.",
    zh="低：1–10%；中：11–30%；高：31–70%；很高：71–100%"
    "（指现状不变时，未来10年内受影响的种群或分布区比例）。",
    mn="Бага: 1–10 %; дунд: 11–30 %; өндөр: 31–70 %; маш өндөр: 71–100 %. Энэ нь өнөөгийн "
    "байдал өөрчлөгдөхгүй бол 10 жилийн дотор нөлөөлөлд өртөх популяци эсвэл тархац нутгийн "
    "хувь юм.",
    fa="کم: ۱ تا ۱۰ درصد؛ متوسط: ۱۱ تا ۳۰ درصد؛ زیاد: ۳۱ تا ۷۰ درصد؛ بسیار زیاد: ۷۱ تا ۱۰۰ "
    "درصد. منظور سهمی از جمعیت یا قلمرو پراکنش است که اگر وضعیت تغییر نکند، طی ۱۰ سال تحت "
    "تأثیر قرار می‌گیرد.",
)
SEVERITY = tr(
    en="Severity: within the affected part, how much will the population decline within 10 years?",
    ru="Серьёзность: насколько сократится популяция на затронутой части территории за 10 лет?",
    zh="严重程度：在受影响的范围内，未来10年内种群会下降多少？",
    mn="Ноцтой байдал: нөлөөлөлд өртсөн хэсэгт популяци 10 жилийн дотор хэр их цөөрөх вэ?",
    fa="شدت: در بخش تحت تأثیر، جمعیت طی ۱۰ سال چه اندازه کاهش می‌یابد؟",
)
SEVERITY_HINT = tr(
    en="Low: 1–10 %; Medium: 11–30 %; High: 31–70 %; Very high: 71–100 % decline of the "
    "population within the affected part over 10 years if nothing changes.",
    ru="Низкий: 1–10 %; средний: 11–30 %; высокий: 31–70 %; очень высокий: 71–100 %. Это "
    "сокращение популяции на затронутой территории за 10 лет, если ничего не изменится.",
    zh="低：1–10%；中：11–30%；高：31–70%；很高：71–100%"
    "（指现状不变时，受影响范围内的种群在10年内下降的幅度）。",
    mn="Бага: 1–10 %; дунд: 11–30 %; өндөр: 31–70 %; маш өндөр: 71–100 %. Энэ нь өнөөгийн "
    "байдал өөрчлөгдөхгүй бол нөлөөлөлд өртсөн хэсэгт популяци 10 жилд цөөрөх хувь юм.",
    fa="کم: ۱ تا ۱۰ درصد؛ متوسط: ۱۱ تا ۳۰ درصد؛ زیاد: ۳۱ تا ۷۰ درصد؛ بسیار زیاد: ۷۱ تا ۱۰۰ "
    "درصد. منظور میزان کاهش جمعیت در بخش تحت تأثیر طی ۱۰ سال است، اگر وضعیت تغییر نکند.",
)
IRREVERSIBILITY = tr(
    en="Irreversibility: if this stopped, how long would recovery take?",
    ru="Необратимость: если воздействие прекратится, сколько времени займёт восстановление?",
    zh="不可逆性：如果这一问题消除，恢复需要多长时间？",
    mn="Эргэж сэргэх хугацаа: энэ нөлөөлөл зогсвол байдал хэдий хугацаанд сэргэх вэ?",
    fa="برگشت‌ناپذیری: اگر این مشکل برطرف شود، بازگشت به وضعیت پیشین چه مدت طول می‌کشد؟",
)
IRREVERSIBILITY_HINT = tr(
    en="Low: 0–5 years; Medium: 6–20 years; High: 21–100 years; Very high: more than 100 years, "
    "or recovery is not possible.",
    ru="Низкий: 0–5 лет; средний: 6–20 лет; высокий: 21–100 лет; очень высокий: более 100 лет "
    "или восстановление невозможно.",
    zh="低：0–5年；中：6–20年；高：21–100年；很高：超过100年或无法恢复。",
    mn="Бага: 0–5 жил; дунд: 6–20 жил; өндөр: 21–100 жил; маш өндөр: 100-аас дээш жил, эсвэл "
    "сэргэх боломжгүй.",
    fa="کم: ۰ تا ۵ سال؛ متوسط: ۶ تا ۲۰ سال؛ زیاد: ۲۱ تا ۱۰۰ سال؛ بسیار زیاد: بیش از ۱۰۰ سال یا "
    "بازگشت‌ناپذیر.",
)
TREND_QUESTION = tr(
    en="How has this problem changed over the last five years?",
    ru="Как изменилась эта проблема за последние пять лет?",
    zh="过去五年中，这一问题有何变化？",
    mn="Сүүлийн таван жилд энэ асуудал хэрхэн өөрчлөгдсөн бэ?",
    fa="این مشکل در پنج سال گذشته چگونه تغییر کرده است؟",
)
RATE_FOR = tr(
    en="Please rate this threat to ${%(name)s} in the area you know.",
    ru="Оцените эту угрозу для данного вида (${%(name)s}) в известном вам районе.",
    zh="请针对您熟悉的地区，评估这一威胁对${%(name)s}的影响。",
    mn="Энэ аюул заналыг өөрийн мэдэх нутагт энэ амьтны (${%(name)s}) хувьд үнэлнэ үү.",
    fa="لطفاً این تهدید را برای ${%(name)s} در منطقه‌ای که می‌شناسید ارزیابی کنید.",
)
#: Where the threat is, for the threats that happen at places one can point to: the type of
#: location answer and its label. Optional; the secretariat's map and the analysis report's
#: maps of barriers and poaching sites read them (consult/maps).
WHERE: dict[str, tuple[str, Text]] = {
    "poaching": (
        "geopoint",
        tr(
            en="Where does this poaching happen? If you can, mark the place on the map "
            "(optional).",
            ru="Где происходит это браконьерство? Если можете, отметьте место на карте "
            "(необязательно).",
            zh="这种偷猎发生在哪里？如果可以，请在地图上标出地点（可选）。",
            mn="Энэ хулгайн ан хаана болдог вэ? Боломжтой бол газрын зураг дээр тэмдэглэнэ "
            "үү (заавал биш).",
            fa="این شکار غیرقانونی کجا رخ می‌دهد؟ اگر می‌توانید، محل را روی نقشه مشخص کنید "
            "(اختیاری).",
        ),
    ),
    "infrastructure": (
        "geotrace",
        tr(
            en="Where is the barrier (a fence, road, railway or canal)? If you can, draw "
            "its line on the map (optional).",
            ru="Где проходит это препятствие (забор, дорога, железная дорога или канал)? "
            "Если можете, проведите его линию на карте (необязательно).",
            zh="该障碍（围栏、公路、铁路或水渠）位于哪里？如果可以，请在地图上画出其走向（可选）。",
            mn="Энэ саад (хашаа, зам, төмөр зам эсвэл суваг) хаана байдаг вэ? Боломжтой бол "
            "газрын зураг дээр шугамыг нь зурна уу (заавал биш).",
            fa="این مانع (حصار، جاده، راه‌آهن یا کانال) کجاست؟ اگر می‌توانید، مسیر آن را "
            "روی نقشه بکشید (اختیاری).",
        ),
    ),
}
SPECIES_PAGE_TITLE = tr(
    en="Threats to ${%(name)s}",
    ru="Угрозы виду: ${%(name)s}",
    zh="${%(name)s}面临的威胁",
    mn="Аюул занал: ${%(name)s}",
    fa="تهدیدهای ${%(name)s}",
)
THREATS_PRESENT = tr(
    en="Which of these threats affect ${%(name)s} in the area you know?",
    ru="Какие из этих угроз затрагивают данный вид (${%(name)s}) в известном вам районе?",
    zh="在您熟悉的地区，以下哪些威胁影响着${%(name)s}？",
    mn="Таны мэдэх нутагт эдгээр аюул заналын аль нь энэ амьтанд (${%(name)s}) нөлөөлж "
    "байна вэ?",
    fa="در منطقه‌ای که می‌شناسید، کدام‌یک از این تهدیدها بر ${%(name)s} اثر می‌گذارند؟",
)
THREATS_PRESENT_HINT = tr(
    en="Select all that apply, or “None of these”. You will then rate each threat you select.",
    ru="Отметьте все подходящие варианты или «Ничего из перечисленного». Затем вы оцените "
    "каждую выбранную угрозу.",
    zh="可多选，或选择“以上都没有”。随后请您对所选的每项威胁进行评分。",
    mn="Тохирох бүгдийг, эсвэл «Эдгээрийн аль нь ч биш» гэснийг сонгоно уу. Дараа нь сонгосон "
    "аюул занал бүрийг үнэлнэ.",
    fa="همهٔ گزینه‌های مرتبط یا «هیچ‌کدام از این‌ها» را انتخاب کنید. سپس هر تهدیدی را که "
    "انتخاب کرده‌اید ارزیابی می‌کنید.",
)
NONE_ALONE = tr(
    en="“None of these” cannot be chosen together with a threat.",
    ru="«Ничего из перечисленного» нельзя выбрать вместе с угрозой.",
    zh="“以上都没有”不能与任何威胁同时选择。",
    mn="«Эдгээрийн аль нь ч биш» гэснийг аюул заналтай хамт сонгох боломжгүй.",
    fa="«هیچ‌کدام از این‌ها» را نمی‌توان همراه با یک تهدید انتخاب کرد.",
)
TARGET_LABELS = (
    tr(
        en="Which species do you know best in your area?",
        ru="Какой вид вы лучше всего знаете в своём районе?",
        zh="在您所在的地区，您最了解哪个物种？",
        mn="Танай нутгийн амьтдаас та алийг нь хамгийн сайн мэддэг вэ?",
        fa="در منطقهٔ خود، کدام گونه را بهتر از همه می‌شناسید؟",
    ),
    tr(
        en="Is there a second species you know well? (optional)",
        ru="Есть ли второй вид, который вы хорошо знаете? (необязательно)",
        zh="您是否还熟悉第二个物种？（选填）",
        mn="Таны сайн мэддэг хоёр дахь амьтан байна уу? (заавал биш)",
        fa="آیا گونهٔ دومی هست که آن را خوب بشناسید؟ (اختیاری)",
    ),
    tr(
        en="And a third species? (optional)",
        ru="А третий вид? (необязательно)",
        zh="还有第三个物种吗？（选填）",
        mn="Гурав дахь амьтан байна уу? (заавал биш)",
        fa="گونهٔ سوم چطور؟ (اختیاری)",
    ),
)
TARGET_HINTS = (
    tr(
        en="Choose from the species that occur in your country. You can name up to three; "
        "you will then be asked about the threats to each of them.",
        ru="Выберите из видов, которые встречаются в вашей стране. Можно назвать до трёх "
        "видов; затем вас спросят об угрозах для каждого из них.",
        zh="请从您所在国家有分布的物种中选择。最多可选三个物种，随后将请您回答每个物种面临的"
        "威胁。",
        mn="Танай улсад тархсан амьтдаас сонгоно уу. Гурав хүртэлх амьтныг нэрлэж болно; дараа "
        "нь тус бүрд тулгарч буй аюул заналын талаар асууна.",
        fa="از میان گونه‌هایی که در کشور شما یافت می‌شوند انتخاب کنید. می‌توانید تا سه گونه نام "
        "ببرید؛ سپس دربارهٔ تهدیدهای هر یک از آن‌ها از شما پرسیده می‌شود.",
    ),
    tr(
        en="Leave this empty if there is none.",
        ru="Оставьте поле пустым, если такого вида нет.",
        zh="如没有，请留空。",
        mn="Байхгүй бол хоосон үлдээнэ үү.",
        fa="اگر چنین گونه‌ای نیست، این پرسش را خالی بگذارید.",
    ),
)
SAME_SPECIES = tr(
    en="You have already named this species; choose another one or leave this empty.",
    ru="Вы уже назвали этот вид; выберите другой или оставьте поле пустым.",
    zh="您已选择过该物种，请选择其他物种或留空。",
    mn="Та энэ амьтныг аль хэдийн нэрлэсэн; өөр амьтан сонгох эсвэл хоосон үлдээнэ үү.",
    fa="این گونه را قبلاً نام برده‌اید؛ گونهٔ دیگری انتخاب کنید یا این پرسش را خالی بگذارید.",
)


def _naming(text: Text, name: str) -> Text:
    """``text`` with its ``${%(name)s}`` slot naming the calculation ``name``."""
    return {lang: value % {"name": name} for lang, value in text.items()}


def target_name(slot: int) -> str:
    """The calculation holding the name of the species in slot ``slot`` (1..3), e.g.
    ``t1_name``, which labels refer to as ``${t1_name}``."""
    return f"t{slot}_name"


def _target_question(slot: int) -> Question:
    """``target_<slot>``: a species occurring in the respondent's country, each slot after
    the first optional, shown once the one before it is answered and not repeating it."""
    earlier = [f"target_{n}" for n in range(1, slot)]
    return Question(
        "select_one species",
        f"target_{slot}",
        TARGET_LABELS[slot - 1],
        hint=TARGET_HINTS[min(slot, 2) - 1],
        required=slot == 1,
        constraint=" and ".join(f". != ${{{name}}}" for name in earlier),
        constraint_message=SAME_SPECIES if earlier else None,
        relevant=f"${{target_{slot - 1}}} != ''" if slot > 1 else "",
        appearance="minimal",
        choice_filter="selected(countries, ${country})",
    )


def _threat_ratings(slot: int, theme: Theme) -> Group:
    """The four ratings of one direct threat to the species in ``slot``, shown when the
    respondent said the threat affects that species."""
    code, prefix = theme.code, f"t{slot}_{theme.code}"
    rate_for = _naming(RATE_FOR, target_name(slot))
    return Group(
        prefix,
        theme.name,
        (
            Question("note", f"{prefix}_intro", _sentences(theme.description, rate_for)),
            Question(
                "select_one level4",
                f"{prefix}_scope",
                SCOPE,
                hint=SCOPE_HINT,
                required=True,
                appearance="likert",
            ),
            Question(
                "select_one level4",
                f"{prefix}_severity",
                SEVERITY,
                hint=SEVERITY_HINT,
                required=True,
                appearance="likert",
            ),
            Question(
                "select_one level4",
                f"{prefix}_irreversibility",
                IRREVERSIBILITY,
                hint=IRREVERSIBILITY_HINT,
                required=True,
                appearance="likert",
            ),
            Question(
                "select_one trend",
                f"{prefix}_trend",
                TREND_QUESTION,
                required=True,
                appearance="likert",
            ),
            *(
                (Question(WHERE[code][0], f"{prefix}_where", WHERE[code][1]),)
                if code in WHERE
                else ()
            ),
        ),
        relevant=f"selected(${{t{slot}_threats}}, '{code}')",
    )


def _species_page(slot: int) -> Group:
    """The page of the species in ``slot``: which direct threats affect it, then the
    ratings of each one (the Conservation Standards rate each threat per target)."""
    name = target_name(slot)
    return Group(
        f"species_{slot}",
        _naming(SPECIES_PAGE_TITLE, name),
        (
            Question(
                "calculate",
                name,
                calculation=f"jr:choice-name(${{target_{slot}}}, '${{target_{slot}}}')",
            ),
            Question(
                "select_multiple direct_threats",
                f"t{slot}_threats",
                _naming(THREATS_PRESENT, name),
                hint=THREATS_PRESENT_HINT,
                required=True,
                constraint="not(selected(., 'none')) or count-selected(.) = 1",
                constraint_message=NONE_ALONE,
            ),
            *(_threat_ratings(slot, theme) for theme in THEMES if theme.code in DIRECT_THREATS),
        ),
        relevant=f"${{target_{slot}}} != ''",
        appearance="field-list",
    )


def _named_species() -> str:
    targets = ", ' ', ".join(f"${{target_{slot}}}" for slot in range(1, TARGET_SLOTS + 1))
    return f"normalize-space(concat({targets}))"


THREATS = Group(
    "threats",
    tr(
        en="Species and threats",
        ru="Виды и угрозы",
        zh="物种与威胁",
        mn="Амьтад ба аюул занал",
        fa="گونه‌ها و تهدیدها",
    ),
    (
        *(_target_question(slot) for slot in range(1, TARGET_SLOTS + 1)),
        # The named species as one list of codes, as the profile's `species` question of
        # 2026.1 held them, so that filtering responses by species reads both versions.
        Question("calculate", "species", calculation=_named_species()),
        *(_species_page(slot) for slot in range(1, TARGET_SLOTS + 1)),
    ),
    relevant=CONSENTED,
)

GAPS = Group(
    "gaps",
    tr(
        en="Gaps in conservation",
        ru="Пробелы в охране",
        zh="保护工作中的差距",
        mn="Хамгаалах ажлын дутагдал",
        fa="کاستی‌های حفاظت",
    ),
    (
        Question(
            "note",
            "gaps_intro",
            tr(
                en="How adequate is each of the following for conserving the species you "
                "named, in your country?\n\n"
                "*Very inadequate*: almost nothing is in place, or it does not work. "
                "*Inadequate*: something is in place but falls well short of what is needed. "
                "*Partly adequate*: much of what is needed is in place, with clear gaps. "
                "*Adequate*: it meets what the species need.",
                ru="Насколько достаточно каждое из перечисленного для сохранения названных "
                "вами видов в вашей стране?\n\n"
                "*Совершенно недостаточно*: почти ничего не делается или это не работает. "
                "*Недостаточно*: кое-что делается, но намного меньше, чем нужно. "
                "*Частично достаточно*: многое из необходимого есть, но с заметными "
                "пробелами. *Достаточно*: полностью отвечает потребностям видов.",
                zh="在您所在的国家，以下各方面对于保护您所选的物种是否充分？\n\n"
                "*很不充分*：几乎没有任何措施，或现有措施不起作用。"
                "*不充分*：有一些措施，但远远不能满足需要。"
                "*部分充分*：已具备大部分所需条件，但仍有明显差距。"
                "*充分*：能够满足这些物种的保护需要。",
                mn="Таны нэрлэсэн амьтдыг танай улсад хамгаалахад дараах зүйл тус бүр хэр "
                "хангалттай вэ?\n\n"
                "*Огт хангалтгүй*: бараг юу ч хийгддэггүй, эсвэл үр дүнгүй. "
                "*Хангалтгүй*: зарим зүйл хийгддэг ч шаардлагатай хэмжээнээс хол дутуу. "
                "*Хэсэгчлэн хангалттай*: шаардлагатай зүйлийн ихэнх нь бий, гэхдээ тодорхой "
                "дутагдалтай. *Хангалттай*: амьтдын хэрэгцээг бүрэн хангаж байна.",
                fa="هر یک از موارد زیر برای حفاظت از گونه‌هایی که نام بردید، در کشور شما تا "
                "چه اندازه کافی است؟\n\n"
                "*کاملاً ناکافی*: تقریباً هیچ کاری انجام نمی‌شود یا آنچه هست کارایی ندارد. "
                "*ناکافی*: کارهایی انجام می‌شود اما بسیار کمتر از نیاز است. "
                "*تا حدی کافی*: بخش زیادی از آنچه لازم است وجود دارد، اما کاستی‌های آشکاری "
                "دارد. *کافی*: نیازهای این گونه‌ها را برآورده می‌کند.",
            ),
        ),
        *(
            Question(
                "select_one adequacy",
                name,
                label,
                required=True,
                appearance="likert",
            )
            for name, label in (
                (
                    "gap_enforcement",
                    tr(
                        en="Law enforcement against poaching and illegal trade (patrols, "
                        "inspections, prosecution)",
                        ru="Правоприменение против браконьерства и незаконной торговли "
                        "(патрулирование, проверки, судебное преследование)",
                        zh="打击盗猎和非法贸易的执法（巡护、检查、起诉）",
                        mn="Хулгайн ан, хууль бус худалдааны эсрэг хууль сахиулалт (эргүүл, "
                        "шалгалт, хариуцлага тооцох)",
                        fa="اجرای قانون علیه شکار غیرمجاز و قاچاق (گشت‌زنی، بازرسی، پیگرد "
                        "قضایی)",
                    ),
                ),
                (
                    "gap_funding",
                    tr(
                        en="Funding for the conservation of these species",
                        ru="Финансирование охраны этих видов",
                        zh="这些物种保护工作的资金",
                        mn="Эдгээр амьтдыг хамгаалах ажлын санхүүжилт",
                        fa="بودجهٔ حفاظت از این گونه‌ها",
                    ),
                ),
                (
                    "gap_community",
                    tr(
                        en="Involvement of local communities and herders in conservation",
                        ru="Участие местного населения и скотоводов в охране",
                        zh="当地社区和牧民对保护工作的参与",
                        mn="Нутгийн иргэд, малчдын хамгаалах ажилд оролцох байдал",
                        fa="مشارکت جوامع محلی و دامداران در حفاظت",
                    ),
                ),
                (
                    "gap_monitoring",
                    tr(
                        en="Monitoring of the populations and data for decisions",
                        ru="Мониторинг популяций и данные для принятия решений",
                        zh="种群监测以及决策所需的数据",
                        mn="Популяцийн мониторинг, шийдвэр гаргахад шаардлагатай мэдээлэл",
                        fa="پایش جمعیت‌ها و داده‌های لازم برای تصمیم‌گیری",
                    ),
                ),
                (
                    "gap_cooperation",
                    tr(
                        en="Cooperation with neighbouring states on the populations you share",
                        ru="Сотрудничество с соседними государствами по общим популяциям",
                        zh="与邻国就共有种群开展的合作",
                        mn="Хил дамнасан популяцийн талаар хөрш орнуудтай хамтран ажиллах "
                        "байдал",
                        fa="همکاری با کشورهای همسایه دربارهٔ جمعیت‌های مشترک",
                    ),
                ),
            )
        ),
        Question(
            "text",
            "gap_most_needed",
            tr(
                en="What is most needed to close these gaps?",
                ru="Что нужнее всего, чтобы устранить эти пробелы?",
                zh="要弥补这些差距，最需要的是什么？",
                mn="Эдгээр дутагдлыг арилгахад юу хамгийн их хэрэгтэй вэ?",
                fa="برای برطرف کردن این کاستی‌ها، به چه چیزی بیش از همه نیاز است؟",
            ),
            hint=OWN_WORDS,
            appearance="multiline",
        ),
    ),
    relevant=CONSENTED,
    appearance="field-list",
)

MEASURES_SECTION = Group(
    "measures",
    tr(
        en="Conservation measures",
        ru="Меры по сохранению",
        zh="保护措施",
        mn="Хамгаалах арга хэмжээ",
        fa="اقدامات حفاظتی",
    ),
    (
        Question(
            "select_multiple measures",
            "measures_in_place",
            tr(
                en="Which of these conservation measures are in place in the area you know?",
                ru="Какие из этих мер по сохранению применяются в известном вам районе?",
                zh="在您熟悉的地区，已实施了以下哪些保护措施？",
                mn="Таны мэдэх нутагт эдгээр хамгаалах арга хэмжээний алийг нь хэрэгжүүлж "
                "байна вэ?",
                fa="کدام‌یک از این اقدامات حفاظتی در منطقه‌ای که می‌شناسید اجرا می‌شود؟",
            ),
            hint=SELECT_ALL,
        ),
        Group(
            "measure_effectiveness",
            tr(
                en="How effective is each of these measures?",
                ru="Насколько эффективна каждая из этих мер?",
                zh="这些措施各自的效果如何？",
                mn="Эдгээр арга хэмжээ тус бүр хэр үр дүнтэй вэ?",
                fa="هر یک از این اقدامات چقدر مؤثر است؟",
            ),
            tuple(
                Question(
                    "select_one effectiveness",
                    f"eff_{code}",
                    label,
                    required=True,
                    relevant=f"selected(${{measures_in_place}}, '{code}')",
                    appearance="likert",
                )
                for code, label in MEASURES.items()
            ),
            relevant="count-selected(${measures_in_place}) > 0",
            appearance="field-list",
        ),
    ),
    relevant=CONSENTED,
)

NEEDS_SECTION = Group(
    "needs",
    tr(en="Needs", ru="Потребности", zh="需求", mn="Хэрэгцээ", fa="نیازها"),
    (
        Question(
            "rank needs",
            "needs_rank",
            tr(
                en="Put these needs in order of importance, the most important at the top.",
                ru="Расположите эти потребности по важности: самую важную — вверху.",
                zh="请按重要性对以下需求排序，最重要的排在最上面。",
                mn="Эдгээр хэрэгцээг ач холбогдлоор нь эрэмбэлж, хамгийн чухлыг нь хамгийн дээр "
                "байрлуулна уу.",
                fa="این نیازها را به ترتیب اهمیت مرتب کنید؛ مهم‌ترین را در بالا قرار دهید.",
            ),
            hint=tr(
                en="Give each need its place; 1 is the most important.",
                ru="Присвойте каждой потребности место; 1 — самая важная.",
                zh="为每项需求排定名次，第 1 位最重要。",
                mn="Хэрэгцээ бүрт байр эзлүүлнэ үү; 1 нь хамгийн чухал.",
                fa="به هر نیاز یک رتبه بدهید؛ رتبهٔ ۱ مهم‌ترین است.",
            ),
            required=True,
        ),
        Question(
            "text",
            "most_needed_text",
            tr(
                en="What is most needed to conserve these species in your area?",
                ru="Что больше всего необходимо для сохранения этих видов в вашем районе?",
                zh="在您所在的地区，保护这些物种最需要的是什么？",
                mn="Танай нутагт эдгээр амьтдыг хамгаалахад юу хамгийн их хэрэгтэй байна вэ?",
                fa="برای حفاظت از این گونه‌ها در منطقهٔ شما، به چه چیزی بیش از همه نیاز است؟",
            ),
            hint=OWN_WORDS,
            appearance="multiline",
        ),
    ),
    relevant=CONSENTED,
)

TRANSBOUNDARY = Group(
    "transboundary",
    tr(
        en="Cooperation across borders",
        ru="Трансграничное сотрудничество",
        zh="跨境合作",
        mn="Хил дамнасан хамтын ажиллагаа",
        fa="همکاری فرامرزی",
    ),
    (
        Question(
            "select_multiple countries",
            "tb_partner_countries",
            tr(
                en="With which countries is cooperation most needed?",
                ru="С какими странами сотрудничество нужнее всего?",
                zh="与哪些国家的合作最为需要？",
                mn="Аль улстай хамтран ажиллах нь хамгийн их шаардлагатай байна вэ?",
                fa="همکاری با کدام کشورها بیش از همه لازم است؟",
            ),
            hint=SELECT_ALL,
            choice_filter="name != ${country}",
        ),
        Question(
            "text",
            "cooperation_blocks_text",
            tr(
                en="What blocks cooperation across borders?",
                ru="Что мешает трансграничному сотрудничеству?",
                zh="是什么阻碍了跨境合作？",
                mn="Хил дамнасан хамтын ажиллагаанд юу саад болж байна вэ?",
                fa="چه چیزی مانع همکاری فرامرزی می‌شود؟",
            ),
            hint=OWN_WORDS,
            appearance="multiline",
        ),
    ),
    relevant=CONSENTED,
)

STAKEHOLDERS = Group(
    "stakeholders",
    tr(
        en="Stakeholders",
        ru="Заинтересованные стороны",
        zh="利益相关方",
        mn="Оролцогч талууд",
        fa="ذی‌نفعان",
    ),
    (
        Question(
            "note",
            "stakeholders_intro",
            tr(
                en="Name the organisations or groups whose decisions or actions matter most for "
                "these species in your area. Add one entry for each; you can add as many as "
                "you like, or none.",
                ru="Назовите организации или группы, чьи решения или действия важнее всего для "
                "этих видов в вашем районе. Добавьте по одной записи на каждую; записей может "
                "быть сколько угодно или ни одной.",
                zh="请列出在您所在地区，其决定或行动对这些物种最为重要的机构或群体。每个机构或"
                "群体填写一条记录；数量不限，也可以不填。",
                mn="Танай нутагт эдгээр амьтдын хувьд шийдвэр, үйл ажиллагаа нь хамгийн чухал "
                "байгууллага, бүлгүүдийг нэрлэнэ үү. Тус бүрд нэг бичлэг нэмнэ; хэдийг ч нэмж "
                "болно, эсвэл огт нэмэхгүй байж болно.",
                fa="سازمان‌ها یا گروه‌هایی را نام ببرید که تصمیم‌ها یا اقدامات‌شان بیشترین اهمیت را "
                "برای این گونه‌ها در منطقهٔ شما دارد. برای هر کدام یک مورد اضافه کنید؛ هر تعداد "
                "که بخواهید، یا هیچ.",
            ),
        ),
        Group(
            "stakeholder_rep",
            tr(
                en="Stakeholders who matter",
                ru="Важные заинтересованные стороны",
                zh="重要的利益相关方",
                mn="Чухал оролцогч талууд",
                fa="ذی‌نفعان مهم",
            ),
            (
                Question(
                    "text",
                    "sh_name",
                    tr(
                        en="Name of the organisation or group",
                        ru="Название организации или группы",
                        zh="机构或群体名称",
                        mn="Байгууллага эсвэл бүлгийн нэр",
                        fa="نام سازمان یا گروه",
                    ),
                    required=True,
                ),
                Question(
                    "select_one groups",
                    "sh_group",
                    tr(
                        en="Which group does it belong to?",
                        ru="К какой группе она относится?",
                        zh="它属于哪一类？",
                        mn="Аль бүлэгт хамаарах вэ?",
                        fa="به کدام گروه تعلق دارد؟",
                    ),
                    required=True,
                ),
                Question(
                    "select_one level3",
                    "sh_influence",
                    tr(
                        en="How much influence does it have over what happens to these species?",
                        ru="Насколько сильно она влияет на судьбу этих видов?",
                        zh="它对这些物种的状况有多大影响力？",
                        mn="Энэ байгууллага эдгээр амьтдын хувь заяанд хэр их нөлөөтэй вэ?",
                        fa="این سازمان یا گروه چه اندازه بر سرنوشت این گونه‌ها اثر دارد؟",
                    ),
                    required=True,
                    appearance="likert",
                ),
                Question(
                    "select_one level3",
                    "sh_interest",
                    tr(
                        en="How interested is it in conserving these species?",
                        ru="Насколько она заинтересована в сохранении этих видов?",
                        zh="它对保护这些物种的关注程度如何？",
                        mn="Эдгээр амьтдыг хамгаалах сонирхол нь хэр их вэ?",
                        fa="این سازمان یا گروه چه اندازه به حفاظت از این گونه‌ها علاقه‌مند است؟",
                    ),
                    required=True,
                    appearance="likert",
                ),
            ),
            repeat=True,
        ),
    ),
    relevant=CONSENTED,
)

def _threats_rated() -> str:
    """How many of the direct threats the respondent rated for at least one species."""
    slots = range(1, TARGET_SLOTS + 1)
    return " + ".join(
        "if(" + " or ".join(f"selected(${{t{n}_threats}}, '{code}')" for n in slots) + ", 1, 0)"
        for code in DIRECT_THREATS
    )


OPEN = Group(
    "open",
    tr(en="Your views", ru="Ваше мнение", zh="您的看法", mn="Таны санал бодол", fa="دیدگاه شما"),
    (
        Question(
            "text",
            "main_threats_text",
            tr(
                en="What are the main threats in the area you know?",
                ru="Каковы основные угрозы в известном вам районе?",
                zh="在您熟悉的地区，主要威胁有哪些？",
                mn="Таны мэдэх нутагт гол аюул занал юу вэ?",
                fa="مهم‌ترین تهدیدها در منطقه‌ای که می‌شناسید کدام‌اند؟",
            ),
            hint=OWN_WORDS,
            appearance="multiline",
        ),
        Question(
            "text",
            "anything_else_text",
            tr(
                en="Is there anything else you would like to tell us?",
                ru="Хотите ли вы добавить что-нибудь ещё?",
                zh="您还有其他想告诉我们的吗？",
                mn="Бидэнд хэлэхийг хүссэн өөр зүйл байна уу?",
                fa="آیا نکتهٔ دیگری هست که بخواهید با ما در میان بگذارید؟",
            ),
            hint=OWN_WORDS,
            appearance="multiline",
        ),
        Question("calculate", "calc_n_threats", calculation=_threats_rated()),
        Question(
            "note",
            "thanks",
            tr(
                en="Thank you for your time. Your answers will help shape the regional programme.",
                ru="Спасибо, что уделили время! Ваши ответы помогут сформировать региональную "
                "программу.",
                zh="感谢您抽出宝贵时间！您的回答将有助于制定区域工作计划。",
                mn="Цаг заваа гаргасанд баярлалаа! Таны хариулт бүс нутгийн хөтөлбөрийг "
                "боловсруулахад хувь нэмэр оруулна.",
                fa="از وقتی که گذاشتید سپاسگزاریم! پاسخ‌های شما به شکل‌گیری برنامهٔ منطقه‌ای کمک "
                "می‌کند.",
            ),
        ),
    ),
    relevant=CONSENTED,
)

SECTIONS: tuple[Group, ...] = (
    WELCOME,
    PROFILE,
    THREATS,
    GAPS,
    MEASURES_SECTION,
    NEEDS_SECTION,
    TRANSBOUNDARY,
    STAKEHOLDERS,
    OPEN,
)

# ---------------------------------------------------------------------------------------------
# XLSForm
# ---------------------------------------------------------------------------------------------

SURVEY_COLUMNS: tuple[str, ...] = (
    "type",
    "name",
    *(header("label", lang) for lang in LANGUAGES),
    *(header("hint", lang) for lang in LANGUAGES),
    "required",
    *(header("required_message", lang) for lang in LANGUAGES),
    "constraint",
    *(header("constraint_message", lang) for lang in LANGUAGES),
    "relevant",
    "appearance",
    "choice_filter",
    "default",
    "calculation",
)
CHOICES_COLUMNS: tuple[str, ...] = (
    "list_name",
    "name",
    *(header("label", lang) for lang in LANGUAGES),
    # Species: the range states where it occurs, space-separated (the targets' choice filter).
    "countries",
)
#: the title in the default language, then translated titles (read by surveys.xlsform)
SETTINGS_COLUMNS: tuple[str, ...] = (
    "form_title",
    *(header("form_title", lang) for lang in LANGUAGES if lang != DEFAULT_LANGUAGE),
    "form_id",
    "version",
    "default_language",
)

Rows = list[list[str]]


def _translated(text: Text | None) -> list[str]:
    return [text[lang] if text else "" for lang in LANGUAGES]


def _question_row(question: Question) -> list[str]:
    required_message = question.required_message or (REQUIRED if question.required else None)
    return [
        question.type,
        question.name,
        *_translated(question.label),
        *_translated(question.hint),
        "yes" if question.required else "",
        *_translated(required_message),
        question.constraint,
        *_translated(question.constraint_message),
        question.relevant,
        question.appearance,
        question.choice_filter,
        question.default,
        question.calculation,
    ]


def _survey_rows(element: Question | Group) -> Iterator[list[str]]:
    if isinstance(element, Question):
        yield _question_row(element)
        return
    kind = "repeat" if element.repeat else "group"
    begin = Question(
        f"begin_{kind}",
        element.name,
        element.label,
        relevant=element.relevant,
        appearance=element.appearance,
    )
    yield _question_row(begin)
    for child in element.children:
        yield from _survey_rows(child)
    yield [f"end_{kind}", element.name] + [""] * (len(SURVEY_COLUMNS) - 2)


def species_countries(path: str | Path = SPECIES_RANGES) -> dict[str, tuple[str, ...]]:
    """Species code -> the codes of the range states where it occurs (natively, seasonally
    or reintroduced), in the order of the country list, from the reference file at ``path``
    (rows of ``species``, ``country`` and ``status``).

    Raises ``ValueError`` for a species or country the form does not list, and for a
    species of the form that occurs nowhere (it could never be chosen).
    """
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {code: set() for code in SPECIES}
    for row in rows:
        if row["species"] not in SPECIES or row["country"] not in COUNTRIES:
            raise ValueError(f"unknown species or country in {path}: {row}")
        found[row["species"]].add(row["country"])
    nowhere = [code for code, countries in found.items() if not countries]
    if nowhere:
        raise ValueError(f"no range state for {', '.join(nowhere)} in {path}")
    return {
        code: tuple(country for country in COUNTRIES if country in countries)
        for code, countries in found.items()
    }


def sheets() -> dict[str, Rows]:
    """Return the XLSForm as plain rows per sheet (survey, choices, settings).

    The first row of each sheet is its header; empty cells are empty strings.
    """
    survey = [list(SURVEY_COLUMNS)]
    for section in SECTIONS:
        survey.extend(_survey_rows(section))
    ranges = species_countries()
    choices = [list(CHOICES_COLUMNS)]
    for list_name, items in CHOICES.items():
        choices.extend(
            [
                list_name,
                name,
                *_translated(label),
                " ".join(ranges[name]) if list_name == "species" else "",
            ]
            for name, label in items.items()
        )
    settings = [
        list(SETTINGS_COLUMNS),
        [
            TITLE[DEFAULT_LANGUAGE],
            *(TITLE[lang] for lang in LANGUAGES if lang != DEFAULT_LANGUAGE),
            FORM_ID,
            VERSION,
            language_name(DEFAULT_LANGUAGE),
        ],
    ]
    return {"survey": survey, "choices": choices, "settings": settings}


def read_workbook(path: str | Path) -> dict[str, Rows]:
    """Read an XLSForm workbook into the same shape as `sheets()`: rows of strings per sheet.

    Trailing empty rows are dropped and every cell is text, so two workbooks with the same
    content compare equal whatever wrote them.
    """
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        result: dict[str, Rows] = {}
        for sheet in workbook.worksheets:
            rows = [
                ["" if value is None else str(value) for value in row]
                for row in sheet.iter_rows(values_only=True)
            ]
            while rows and not any(rows[-1]):
                rows.pop()
            result[sheet.title] = rows
        return result
    finally:
        workbook.close()


def _write(path: Path | BinaryIO, content: dict[str, Rows]) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for title, rows in content.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append([value or None for value in row])
        for cell in sheet[1]:
            cell.font = bold
        sheet.freeze_panes = "C2" if title != "settings" else "A2"
        for index, name in enumerate(rows[0], start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            wide = name.startswith(("label::", "hint::"))
            sheet.column_dimensions[letter].width = 48 if wide else 20
            # Persian columns read right to left in spreadsheet programs too.
            if any(name.endswith(f"({lang})") for lang in RTL_LANGUAGES):
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.alignment = Alignment(horizontal="right", readingOrder=2)
    workbook.save(path)


def _workbook_bytes(content: dict[str, Rows]) -> bytes:
    buffer = io.BytesIO()
    _write(buffer, content)
    return buffer.getvalue()


def validate(path: str | Path, *, odk_validate: bool = False) -> list[str]:
    """Convert the XLSForm at `path` with pyxform and return pyxform's warnings.

    With ``odk_validate`` the XForm is also checked by ODK Validate (JavaRosa, the engine of
    ODK Collect), which needs Java. Raises `pyxform.errors.PyXFormError` when the form is
    not a valid XLSForm, and `pyxform.validators.odk_validate.ODKValidateError` when ODK
    Validate refuses it.
    """
    warnings: list[str] = []
    # pyxform is shown the workbook without the translated titles (an XForm has one title;
    # surveys.xlsform reads them), as on import
    definition = get_xlsform(Path(path).read_bytes(), file_type=".xlsx")
    xlsform.convert_with_pyxform(definition, FORM_ID, warnings, validate=odk_validate)
    return warnings


def build(path: str | Path) -> list[str]:
    """Write the questionnaire as an XLSForm workbook to `path`, then check it with pyxform.

    Returns pyxform's warnings (none for the shipped form); raises
    `pyxform.errors.PyXFormError` if the written form does not convert.
    """
    path = Path(path)
    _write(path, sheets())
    return validate(path)


# ---------------------------------------------------------------------------------------------
# Time to answer
# ---------------------------------------------------------------------------------------------

#: Seconds a respondent spends on each thing the questionnaire shows them. Stated
#: assumptions, not measurements: a pick from a list read once, a longer look at a checklist,
#: a ranking, a sentence or two written for a free-text answer; a label read and left empty
#: for an optional text; a note read; a page turned.
SECONDS: dict[str, int] = {
    "select_one": 8,
    "select_multiple": 15,
    "rank": 20,
    "integer": 8,
    "free_text": 60,
    "short_text": 15,
    "text_skipped": 5,
    "note": 10,
    "page": 3,
    # Optional locations: most respondents glance at the map and go on.
    "geopoint": 10,
    "geotrace": 15,
}

#: The median respondent the length is estimated for: two species named, two direct threats
#: affecting each, two measures in place, one stakeholder listed, four of the five free-text
#: questions answered (the main threats, what is most needed twice, what blocks cooperation),
#: no e-mail address and nothing else to add.
MEDIAN_RESPONDENT: dict[str, Any] = {
    "consent": "yes",
    "country": "KZ",
    "stakeholder_group": "protected_area",
    "org_type": "protected_area_admin",
    "role": "Ranger",
    "years_experience": 12,
    "target_1": "saiga",
    "target_2": "argali",
    "t1_threats": "poaching infrastructure",
    "t1_poaching_scope": "high",
    "t1_poaching_severity": "high",
    "t1_poaching_irreversibility": "medium",
    "t1_poaching_trend": "increasing",
    "t1_infrastructure_scope": "very_high",
    "t1_infrastructure_severity": "medium",
    "t1_infrastructure_irreversibility": "high",
    "t1_infrastructure_trend": "increasing",
    "t2_threats": "poaching livestock",
    "t2_poaching_scope": "medium",
    "t2_poaching_severity": "high",
    "t2_poaching_irreversibility": "high",
    "t2_poaching_trend": "stable",
    "t2_livestock_scope": "high",
    "t2_livestock_severity": "medium",
    "t2_livestock_irreversibility": "medium",
    "t2_livestock_trend": "increasing",
    "gap_enforcement": "inadequate",
    "gap_funding": "very_inadequate",
    "gap_community": "partly_adequate",
    "gap_monitoring": "inadequate",
    "gap_cooperation": "dont_know",
    "gap_most_needed": "Rangers need vehicles and fuel to patrol the calving grounds.",
    "measures_in_place": "protected_areas anti_poaching",
    "eff_protected_areas": "effective",
    "eff_anti_poaching": "less",
    "needs_rank": "funding capacity enforcement data cooperation legislation",
    "most_needed_text": "Crossings over the railway fences and more rangers in spring.",
    "tb_partner_countries": "RU UZ",
    "cooperation_blocks_text": "Data are not shared between the border services.",
    "sh_name": ["District hunting inspection"],
    "sh_group": ["government"],
    "sh_influence": ["high"],
    "sh_interest": ["medium"],
    "main_threats_text": "Poaching for horns and the new fences along the railway.",
}


@dataclass(frozen=True)
class Estimate:
    """How long answering takes: ``counts`` of each kind in :data:`SECONDS` that the
    respondent meets, and ``seconds`` in total."""

    counts: dict[str, int]
    seconds: int

    @property
    def minutes(self) -> float:
        return self.seconds / 60


def _timing_kind(question: model.Question, answer: Any) -> str:
    if question.type == "note":
        return "note"
    if question.type == "text":
        if validation.is_empty(answer):
            return "text_skipped"
        return "free_text" if "multiline" in (question.appearance or "") else "short_text"
    return question.type


def _page(form: model.Form, question: model.Question) -> str:
    """The page a question is on, as the web questionnaire splits the form: a top-level
    group, or a field-list group inside a top-level group without that appearance."""
    parts = (question.group or "").split("/")
    top = form.groups.get(parts[0])
    if top is None or "field-list" in (top.appearance or "") or len(parts) < 2:
        return parts[0]
    nested = form.groups[f"{parts[0]}/{parts[1]}"]
    return nested.path if "field-list" in (nested.appearance or "") else parts[0]


def estimate(answers: Mapping[str, Any] = MEDIAN_RESPONDENT) -> Estimate:
    """Walk the questionnaire as a respondent giving ``answers`` would, with the engine's
    relevance rules, and add up :data:`SECONDS` for every question and note they are shown
    (per repeat entry) and every page they turn.

    A text question costs ``free_text`` (multiline) or ``short_text`` when answered and
    ``text_skipped`` when left empty; other questions cost the same answered or not.
    """
    form = xlsform.load_form(_workbook_bytes(sheets()), SHIPPED.name).form
    values, flags = validation.settle(form, answers)
    counts: Counter[str] = Counter()
    pages: set[str] = set()
    for name, question in form.questions.items():
        if not question.displayed:
            continue
        flag = flags.get(name, False)
        shown = flag if isinstance(flag, list) else [flag]
        answer = values.get(name, "")
        given = answer if isinstance(answer, list) else [answer]
        for index, on in enumerate(shown):
            if on:
                counts[_timing_kind(question, given[index] if index < len(given) else "")] += 1
                pages.add(_page(form, question))
    counts["page"] = len(pages)
    return Estimate(dict(counts), sum(SECONDS[kind] * n for kind, n in counts.items()))


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m surveys.forms.cami_gap_needs OUT.xlsx``; returns an exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m surveys.forms.cami_gap_needs OUT.xlsx", file=sys.stderr)
        return 2
    warnings = build(args[0])
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"wrote {args[0]}")
    return 1 if warnings else 0


if __name__ == "__main__":
    sys.exit(main())
