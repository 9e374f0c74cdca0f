"""The programme's gap-and-needs questionnaire (slug ``cami-gap-needs``) as readable data.

``cami-gap-needs.xlsx`` next to this module is the XLSForm that users download and import; this
module is its source. After editing a question or a text here, rebuild the workbook with

    python -m surveys.forms.cami_gap_needs surveys/forms/cami-gap-needs.xlsx

and keep both: a test checks that building again reproduces the shipped workbook.

Every label, hint and message is written in the five languages of the programme (`tr` will not
take a text with a language missing). Threats are rated as in the Conservation Standards' simple
threat rating (Miradi): scope, severity and irreversibility on four levels, each band defined in
the hint, plus the trend. Measures in place are rated on the Conservation Standards strategy
effectiveness scale (not / less / effective / very effective). The question names are read by
the analysis, so rename nothing without changing it too.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from pyxform.xls2xform import convert

SLUG = "cami-gap-needs"
FORM_ID = "cami_gap_needs"
VERSION = "2026.1"
SHIPPED = Path(__file__).with_name(f"{SLUG}.xlsx")

#: Language code -> the name used in the XLSForm column headers, e.g. ``label::Монгол (mn)``.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "ru": "Русский",
    "zh": "中文",
    "mn": "Монгол",
    "fa": "فارسی",
}
DEFAULT_LANGUAGE = "en"
RTL_LANGUAGES = frozenset({"fa"})

Text = dict[str, str]


def tr(*, en: str, ru: str, zh: str, mn: str, fa: str) -> Text:
    """Return one text in the five languages of the form, keyed by language code."""
    return {"en": en, "ru": ru, "zh": zh, "mn": mn, "fa": fa}


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

COUNTRIES = {
    "AF": tr(en="Afghanistan", ru="Афганистан", zh="阿富汗", mn="Афганистан", fa="افغانستان"),
    "BT": tr(en="Bhutan", ru="Бутан", zh="不丹", mn="Бутан", fa="بوتان"),
    "CN": tr(en="China", ru="Китай", zh="中国", mn="Хятад", fa="چین"),
    "IN": tr(en="India", ru="Индия", zh="印度", mn="Энэтхэг", fa="هند"),
    "IR": tr(
        en="Iran (Islamic Republic of)",
        ru="Иран (Исламская Республика)",
        zh="伊朗（伊斯兰共和国）",
        mn="Иран (Исламын Бүгд Найрамдах Улс)",
        fa="ایران (جمهوری اسلامی)",
    ),
    "KZ": tr(en="Kazakhstan", ru="Казахстан", zh="哈萨克斯坦", mn="Казахстан", fa="قزاقستان"),
    "KG": tr(en="Kyrgyzstan", ru="Кыргызстан", zh="吉尔吉斯斯坦", mn="Киргиз", fa="قرقیزستان"),
    "MN": tr(en="Mongolia", ru="Монголия", zh="蒙古国", mn="Монгол Улс", fa="مغولستان"),
    "NP": tr(en="Nepal", ru="Непал", zh="尼泊尔", mn="Балба", fa="نپال"),
    "PK": tr(en="Pakistan", ru="Пакистан", zh="巴基斯坦", mn="Пакистан", fa="پاکستان"),
    "RU": tr(
        en="Russian Federation",
        ru="Российская Федерация",
        zh="俄罗斯联邦",
        mn="Оросын Холбооны Улс",
        fa="فدراسیون روسیه",
    ),
    "TJ": tr(en="Tajikistan", ru="Таджикистан", zh="塔吉克斯坦", mn="Тажикистан", fa="تاجیکستان"),
    "TM": tr(
        en="Turkmenistan", ru="Туркменистан", zh="土库曼斯坦", mn="Туркменистан", fa="ترکمنستان"
    ),
    "UZ": tr(en="Uzbekistan", ru="Узбекистан", zh="乌兹别克斯坦", mn="Узбекистан", fa="ازبکستان"),
}

STAKEHOLDER_GROUPS = {
    "government": tr(
        en="Government agency",
        ru="Государственный орган",
        zh="政府机构",
        mn="Төрийн байгууллага",
        fa="نهاد دولتی",
    ),
    "protected_area": tr(
        en="Protected-area staff",
        ru="Сотрудники особо охраняемых природных территорий (ООПТ)",
        zh="保护地工作人员",
        mn="Тусгай хамгаалалттай газар нутгийн ажилтан",
        fa="کارکنان مناطق حفاظت‌شده",
    ),
    "ngo": tr(
        en="Non-governmental organisation (NGO)",
        ru="Неправительственная организация (НПО)",
        zh="非政府组织",
        mn="Төрийн бус байгууллага (ТББ)",
        fa="سازمان مردم‌نهاد (سمن)",
    ),
    "research": tr(
        en="Research and academia",
        ru="Наука и образование (НИИ, вузы)",
        zh="科研与学术机构",
        mn="Эрдэм шинжилгээ, их дээд сургууль",
        fa="پژوهشی و دانشگاهی",
    ),
    "community": tr(
        en="Local community and herders",
        ru="Местное население и скотоводы",
        zh="当地社区与牧民",
        mn="Орон нутгийн иргэд, малчид",
        fa="جوامع محلی و دامداران",
    ),
    "hunting": tr(
        en="Hunting organisation",
        ru="Охотничья организация или охотхозяйство",
        zh="狩猎组织",
        mn="Ан агнуурын байгууллага",
        fa="سازمان یا انجمن شکار",
    ),
    "private_sector": tr(
        en="Private sector (mining, energy, transport)",
        ru="Частный сектор (добыча полезных ископаемых, энергетика, транспорт)",
        zh="私营部门（采矿、能源、交通运输）",
        mn="Хувийн хэвшил (уул уурхай, эрчим хүч, тээвэр)",
        fa="بخش خصوصی (معدن، انرژی، حمل‌ونقل)",
    ),
    "international": tr(
        en="International organisation or donor",
        ru="Международная организация или донор",
        zh="国际组织或捐助方",
        mn="Олон улсын байгууллага, хандивлагч",
        fa="سازمان بین‌المللی یا تأمین‌کنندهٔ مالی",
    ),
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

SPECIES = {
    "bukhara_deer": tr(
        en="Bukhara deer (Yarkand deer)",
        ru="Бухарский олень (яркендский олень)",
        zh="布哈拉马鹿（塔里木马鹿）",
        mn="Бухарын халиун буга (Яркэндийн буга)",
        fa="گوزن بخارایی (گوزن یارکندی)",
    ),
    "wild_camel": tr(
        en="Wild camel",
        ru="Дикий верблюд (хаптагай)",
        zh="野骆驼（野双峰驼）",
        mn="Хавтгай (зэрлэг тэмээ)",
        fa="شتر دوکوهانهٔ وحشی",
    ),
    "wild_yak": tr(en="Wild yak", ru="Дикий як", zh="野牦牛", mn="Зэрлэг сарлаг", fa="یاک وحشی"),
    "snow_leopard": tr(
        en="Snow leopard", ru="Снежный барс (ирбис)", zh="雪豹", mn="Ирвэс", fa="پلنگ برفی"
    ),
    "cheetah": tr(en="Cheetah", ru="Гепард", zh="猎豹", mn="Гепард", fa="یوزپلنگ"),
    "saiga": tr(en="Saiga", ru="Сайгак", zh="高鼻羚羊（赛加羚羊）", mn="Бөхөн", fa="آنتلوپ سایگا"),
    "argali": tr(en="Argali", ru="Архар (аргали)", zh="盘羊", mn="Аргаль", fa="قوچ آرگالی"),
    "mongolian_gazelle": tr(
        en="Mongolian gazelle", ru="Дзерен", zh="蒙原羚（黄羊）", mn="Цагаан зээр", fa="غزال مغولی"
    ),
    "goitered_gazelle": tr(
        en="Goitered gazelle", ru="Джейран", zh="鹅喉羚", mn="Хар сүүлт", fa="آهوی گواتری"
    ),
    "kulan": tr(
        en="Kulan (Asiatic wild ass)",
        ru="Кулан",
        zh="蒙古野驴（亚洲野驴）",
        mn="Хулан",
        fa="گورخر آسیایی (گور)",
    ),
    "kiang": tr(
        en="Kiang (Tibetan wild ass)",
        ru="Кианг (тибетский кулан)",
        zh="藏野驴",
        mn="Төвдийн хулан (киан)",
        fa="گورخر تبتی (کیانگ)",
    ),
    "chiru": tr(
        en="Chiru (Tibetan antelope)",
        ru="Оронго (тибетская антилопа, чиру)",
        zh="藏羚羊",
        mn="Чиру (Төвдийн гөрөөс)",
        fa="آنتلوپ تبتی (چیرو)",
    ),
    "przewalski_horse": tr(
        en="Przewalski's horse (takhi)",
        ru="Лошадь Пржевальского",
        zh="普氏野马",
        mn="Тахь",
        fa="اسب پرژوالسکی",
    ),
    "tibetan_gazelle": tr(
        en="Tibetan gazelle",
        ru="Тибетский дзерен (ада)",
        zh="藏原羚",
        mn="Төвдийн зээр",
        fa="غزال تبتی",
    ),
    "chinkara": tr(
        en="Chinkara (Indian gazelle)",
        ru="Индийская газель (чинкара)",
        zh="印度瞪羚",
        mn="Энэтхэгийн зээр (чинкара)",
        fa="جبیر (غزال هندی)",
    ),
}

THEMES = (
    Theme(
        "poaching",
        tr(
            en="Poaching and illegal trade",
            ru="Браконьерство и незаконная торговля",
            zh="盗猎与非法贸易",
            mn="Хулгайн ан ба хууль бус худалдаа",
            fa="شکار غیرمجاز و قاچاق",
        ),
        tr(
            en="Illegal hunting of animals and illegal trade in them and their parts.",
            ru="Незаконная добыча животных и незаконная торговля ими и продукцией из них.",
            zh="非法猎杀动物以及非法买卖动物及其制品。",
            mn="Амьтдыг хууль бусаар агнах, тэдгээр болон тэдгээрийн гаралтай бүтээгдэхүүнийг "
            "хууль бусаар худалдаалах.",
            fa="شکار غیرقانونی جانوران و تجارت غیرقانونی خود آن‌ها و فرآورده‌هایشان.",
        ),
    ),
    Theme(
        "livestock",
        tr(
            en="Livestock and grazing",
            ru="Скот и выпас",
            zh="家畜与放牧",
            mn="Мал аж ахуй ба бэлчээр",
            fa="دام و چرا",
        ),
        tr(
            en="Overgrazing, competition with livestock for pasture and water, and diseases "
            "passed between livestock and wildlife.",
            ru="Перевыпас, конкуренция со скотом за пастбища и водопои и болезни, передающиеся "
            "между скотом и дикими животными.",
            zh="过度放牧、家畜与野生动物争夺草场和水源，以及家畜与野生动物之间相互传播的疫病。",
            mn="Бэлчээрийн талхагдал, бэлчээр ба усны төлөө малтай өрсөлдөх, мал ба зэрлэг "
            "амьтдын хооронд дамжих өвчин.",
            fa="چرای بی‌رویه، رقابت دام با حیات وحش بر سر مرتع و آب، و بیماری‌هایی که میان دام "
            "و حیات وحش منتقل می‌شوند.",
        ),
    ),
    Theme(
        "infrastructure",
        tr(
            en="Infrastructure and barriers to migration",
            ru="Инфраструктура и барьеры для миграции",
            zh="基础设施与迁徙障碍",
            mn="Дэд бүтэц ба нүүдлийн саад",
            fa="زیرساخت‌ها و موانع مهاجرت",
        ),
        tr(
            en="Linear infrastructure and other barriers to migration: fences, railways, roads, "
            "canals and mines.",
            ru="Линейная инфраструктура и другие препятствия для миграции: заграждения, "
            "железные и автомобильные дороги, каналы, рудники и карьеры.",
            zh="阻碍动物迁徙的线性基础设施及其他屏障：围栏、铁路、公路、水渠和矿山。",
            mn="Шугаман дэд бүтэц болон нүүдэлд саад болох бусад хаалт: хашаа, төмөр зам, авто "
            "зам, суваг, уурхай.",
            fa="زیرساخت‌های خطی و دیگر موانع مهاجرت: حصارها، راه‌آهن، جاده‌ها، کانال‌ها و معادن.",
        ),
    ),
    Theme(
        "governance",
        tr(
            en="Governance and law enforcement",
            ru="Управление и правоприменение",
            zh="治理与执法",
            mn="Засаглал ба хууль сахиулалт",
            fa="حکمرانی و اجرای قانون",
        ),
        tr(
            en="Policy, legislation, law enforcement, protected-area management and funding.",
            ru="Политика, законодательство, правоприменение, управление особо охраняемыми "
            "природными территориями и финансирование.",
            zh="政策、立法、执法、保护地管理和资金保障。",
            mn="Бодлого, хууль тогтоомж, хууль сахиулалт, тусгай хамгаалалттай газар нутгийн "
            "менежмент ба санхүүжилт.",
            fa="سیاست‌گذاری، قوانین، اجرای قانون، مدیریت مناطق حفاظت‌شده و تأمین مالی.",
        ),
    ),
    Theme(
        "community",
        tr(
            en="Communities and livelihoods",
            ru="Местное население и источники существования",
            zh="社区与生计",
            mn="Орон нутгийн иргэд ба амьжиргаа",
            fa="جوامع محلی و معیشت",
        ),
        tr(
            en="Community engagement, livelihoods, human-wildlife conflict and public awareness.",
            ru="Вовлечение местного населения, источники существования, конфликты между "
            "человеком и дикими животными и осведомлённость людей.",
            zh="社区参与、居民生计、人兽冲突和公众保护意识。",
            mn="Орон нутгийн иргэдийн оролцоо, амьжиргаа, хүн ба зэрлэг амьтны зөрчил, олон "
            "нийтийн мэдлэг.",
            fa="مشارکت جوامع محلی، معیشت مردم، تعارض انسان و حیات وحش، و آگاهی عمومی.",
        ),
    ),
    Theme(
        "science",
        tr(
            en="Monitoring and research",
            ru="Мониторинг и исследования",
            zh="监测与研究",
            mn="Мониторинг ба судалгаа",
            fa="پایش و پژوهش",
        ),
        tr(
            en="Monitoring, research and gaps in data.",
            ru="Мониторинг, научные исследования и пробелы в данных.",
            zh="监测、科学研究和数据空白。",
            mn="Мониторинг, эрдэм шинжилгээний судалгаа ба мэдээллийн дутагдал.",
            fa="پایش، پژوهش علمی و کمبود داده‌ها.",
        ),
    ),
    Theme(
        "transboundary",
        tr(
            en="Transboundary cooperation",
            ru="Трансграничное сотрудничество",
            zh="跨境合作",
            mn="Хил дамнасан хамтын ажиллагаа",
            fa="همکاری فرامرزی",
        ),
        tr(
            en="Cooperation between countries across national borders.",
            ru="Сотрудничество между странами через государственные границы.",
            zh="国家之间跨越国界的合作。",
            mn="Улс орнуудын хил дамнасан хамтын ажиллагаа.",
            fa="همکاری میان کشورها در دو سوی مرزهای ملی.",
        ),
    ),
    Theme(
        "climate",
        tr(
            en="Climate and extreme weather",
            ru="Климат и экстремальные погодные явления",
            zh="气候与极端天气",
            mn="Уур амьсгал ба эрс тэс цаг агаар",
            fa="اقلیم و رویدادهای شدید آب‌وهوایی",
        ),
        tr(
            en="Drought, harsh winters (dzud) and changes in habitat.",
            ru="Засухи, суровые многоснежные зимы (джут) и изменения местообитаний.",
            zh="干旱、严酷的冬季雪灾（白灾）和栖息地变化。",
            mn="Ган, зуд болон амьдрах орчны өөрчлөлт.",
            fa="خشکسالی، زمستان‌های سخت و پربرف، و تغییر زیستگاه‌ها.",
        ),
    ),
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

TB_COOPERATION = {
    "none": tr(
        en="No cooperation",
        ru="Сотрудничества нет",
        zh="没有合作",
        mn="Хамтын ажиллагаа байхгүй",
        fa="هیچ همکاری‌ای وجود ندارد",
    ),
    "informal": tr(
        en="Informal contacts only",
        ru="Только неформальные контакты",
        zh="仅有非正式联系",
        mn="Зөвхөн албан бус харилцаа",
        fa="فقط ارتباطات غیررسمی",
    ),
    "agreement_not_implemented": tr(
        en="An agreement exists but is not implemented",
        ru="Соглашение есть, но не выполняется",
        zh="已有协议，但未得到落实",
        mn="Хэлэлцээр байгаа ч хэрэгждэггүй",
        fa="توافق‌نامه وجود دارد اما اجرا نمی‌شود",
    ),
    "agreement_active": tr(
        en="An agreement exists and is actively implemented",
        ru="Соглашение есть и активно выполняется",
        zh="已有协议，并在积极落实",
        mn="Хэлэлцээр байгаа бөгөөд идэвхтэй хэрэгжиж байна",
        fa="توافق‌نامه وجود دارد و به‌طور فعال اجرا می‌شود",
    ),
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
    "themes": {theme.code: theme.name for theme in THEMES},
    "level4": LEVEL4,
    "trend": TREND,
    "measures": MEASURES,
    "effectiveness": EFFECTIVENESS,
    "needs": NEEDS,
    "tb_cooperation": TB_COOPERATION,
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
                "Answering takes about 10–15 minutes. You can stop at any time and continue "
                "later from where you left off.",
                ru=f"**{TITLE['ru']}**\n\n"
                "Этот опрос — часть региональной оценки угроз для мигрирующих млекопитающих, "
                "таких как сайгак, архар, снежный барс и кулан, и того, что необходимо для их "
                "сохранения. Ваши ответы помогут определить приоритеты региональной программы "
                "работ.\n\n"
                "Опрос анонимный: результаты публикуются только в обобщённом виде, по странам "
                "и группам участников, и ничто из написанного вами не будет связано с вашим "
                "именем. Заполнение займёт около 10–15 минут. Вы можете прервать опрос в любой "
                "момент и позже продолжить с того же места.",
                zh=f"**{TITLE['zh']}**\n\n"
                "本问卷是一项区域评估的一部分，旨在了解高鼻羚羊、盘羊、雪豹、蒙古野驴等"
                "迁徙性哺乳动物面临的威胁，以及保护它们需要做些什么。您的回答将帮助确定区域"
                "工作计划的优先事项。\n\n"
                "本问卷为匿名填写：结果仅按国家和利益相关方类别汇总报告，您填写的任何内容都"
                "不会与您的姓名相关联。填写约需10–15分钟。您可以随时中断，之后从中断处继续"
                "填写。",
                mn=f"**{TITLE['mn']}**\n\n"
                "Энэхүү асуулга нь бөхөн, аргаль, ирвэс, хулан зэрэг нүүдлийн хөхтөн амьтдад "
                "тулгарч буй аюул занал, тэдгээрийг хамгаалахад юу хэрэгтэй байгааг тодорхойлох "
                "бүс нутгийн үнэлгээний нэг хэсэг юм. Таны хариулт бүс нутгийн ажлын "
                "хөтөлбөрийн тэргүүлэх чиглэлийг тогтооход тусална.\n\n"
                "Асуулга нэрээ нууцалсан хэлбэрээр явагдана: үр дүнг зөвхөн улс болон "
                "оролцогч талын бүлгээр нэгтгэн мэдээлэх бөгөөд таны бичсэн зүйлийг таны "
                "нэртэй холбохгүй. Бөглөхөд 10–15 минут зарцуулна. Та хүссэн үедээ зогсоож, "
                "дараа нь зогссон газраасаа үргэлжлүүлж болно.",
                fa=f"**{TITLE['fa']}**\n\n"
                "این پرسشنامه بخشی از یک ارزیابی منطقه‌ای دربارهٔ تهدیدهای پیش روی "
                "پستانداران مهاجر، مانند آنتلوپ سایگا، قوچ آرگالی، پلنگ برفی و گورخر آسیایی، و "
                "نیازهای حفاظت از آن‌هاست. پاسخ‌های شما به تعیین اولویت‌های برنامهٔ کار منطقه‌ای "
                "کمک می‌کند.\n\n"
                "پاسخ‌ها بی‌نام ثبت می‌شوند: نتایج فقط به صورت کلی و به تفکیک کشور و گروه "
                "ذی‌نفعان گزارش می‌شود و هیچ‌یک از نوشته‌های شما به نامتان پیوند داده نمی‌شود. "
                "پاسخ‌گویی حدود ۱۰ تا ۱۵ دقیقه طول می‌کشد. هر زمان که بخواهید می‌توانید "
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
            "select_multiple species",
            "species",
            tr(
                en="Which of these species live in the area you know, or are part of your work?",
                ru="Какие из этих видов обитают в известном вам районе или связаны с вашей "
                "работой?",
                zh="以下哪些物种分布在您熟悉的地区，或与您的工作相关？",
                mn="Эдгээр амьтдын аль нь таны мэдэх нутагт амьдардаг, эсвэл таны ажилтай "
                "холбоотой вэ?",
                fa="کدام‌یک از این گونه‌ها در منطقه‌ای که می‌شناسید زندگی می‌کنند یا به کار شما "
                "مربوط‌اند؟",
            ),
            hint=tr(
                en="Select all that apply. Your answers in the rest of the questionnaire are "
                "about these species.",
                ru="Отметьте все подходящие варианты. Дальнейшие ответы будут относиться к этим "
                "видам.",
                zh="可多选。问卷其余部分的回答均针对这些物种。",
                mn="Тохирох бүгдийг сонгоно уу. Асуулгын дараагийн хэсгийн хариултууд эдгээр "
                "амьтдын тухай байна.",
                fa="همهٔ گزینه‌های مرتبط را انتخاب کنید. پاسخ‌های شما در ادامهٔ پرسشنامه دربارهٔ "
                "همین گونه‌هاست.",
            ),
            required=True,
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
RATE_THIS = tr(
    en="Please rate this problem for the area you know.",
    ru="Оцените эту проблему для известного вам района.",
    zh="请针对您熟悉的地区对这一问题进行评分。",
    mn="Энэ асуудлыг өөрийн мэдэх нутгийн хувьд үнэлнэ үү.",
    fa="لطفاً این مشکل را برای منطقه‌ای که می‌شناسید ارزیابی کنید.",
)


def _theme_ratings(theme: Theme) -> Group:
    """The rating page of one theme, shown only when the theme was selected."""
    code = theme.code
    return Group(
        f"t_{code}",
        theme.name,
        (
            Question("note", f"{code}_intro", _sentences(theme.description, RATE_THIS)),
            Question(
                "select_one level4",
                f"{code}_scope",
                SCOPE,
                hint=SCOPE_HINT,
                required=True,
                appearance="likert",
            ),
            Question(
                "select_one level4",
                f"{code}_severity",
                SEVERITY,
                hint=SEVERITY_HINT,
                required=True,
                appearance="likert",
            ),
            Question(
                "select_one level4",
                f"{code}_irreversibility",
                IRREVERSIBILITY,
                hint=IRREVERSIBILITY_HINT,
                required=True,
                appearance="likert",
            ),
            Question(
                "select_one trend",
                f"{code}_trend",
                TREND_QUESTION,
                required=True,
                appearance="likert",
            ),
        ),
        relevant=f"selected(${{threats_present}}, '{code}')",
        appearance="field-list",
    )


THREATS = Group(
    "threats",
    tr(en="Threats", ru="Угрозы", zh="威胁", mn="Аюул занал", fa="تهدیدها"),
    (
        Question(
            "select_multiple themes",
            "threats_present",
            tr(
                en="Which of these problems affect the conservation of these species in the "
                "area you know?",
                ru="Какие из этих проблем влияют на сохранение этих видов в известном вам районе?",
                zh="在您熟悉的地区，以下哪些问题影响着这些物种的保护？",
                mn="Таны мэдэх нутагт эдгээр асуудлын аль нь тэдгээр амьтдыг хамгаалахад "
                "нөлөөлж байна вэ?",
                fa="در منطقه‌ای که می‌شناسید، کدام‌یک از این مشکلات بر حفاظت از این گونه‌ها "
                "اثر می‌گذارند؟",
            ),
            hint=tr(
                en="Select all that apply. You will then be asked to rate each one you select.",
                ru="Отметьте все подходящие варианты. Затем вас попросят оценить каждую "
                "выбранную проблему.",
                zh="可多选。随后将请您对所选的每一项进行评分。",
                mn="Тохирох бүгдийг сонгоно уу. Дараа нь сонгосон асуудал бүрийг үнэлэхийг хүснэ.",
                fa="همهٔ گزینه‌های مرتبط را انتخاب کنید. سپس از شما خواسته می‌شود هر موردی را "
                "که انتخاب کرده‌اید ارزیابی کنید.",
            ),
            required=True,
        ),
        *(_theme_ratings(theme) for theme in THEMES),
    ),
    relevant=CONSENTED,
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
            "select_one tb_cooperation",
            "tb_cooperation",
            tr(
                en="How would you describe cooperation with neighbouring countries on these "
                "species?",
                ru="Как бы вы описали сотрудничество с соседними странами по сохранению этих "
                "видов?",
                zh="在这些物种的保护方面，您如何描述与邻国的合作？",
                mn="Эдгээр амьтдыг хамгаалах талаар хөрш орнуудтай хамтран ажиллаж буй "
                "байдлыг та хэрхэн тодорхойлох вэ?",
                fa="همکاری با کشورهای همسایه را در زمینهٔ حفاظت از این گونه‌ها چگونه توصیف می‌کنید؟",
            ),
        ),
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
        Question("calculate", "calc_n_threats", calculation="count-selected(${threats_present})"),
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
)
SETTINGS_COLUMNS: tuple[str, ...] = ("form_title", "form_id", "version", "default_language")

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


def sheets() -> dict[str, Rows]:
    """Return the XLSForm as plain rows per sheet (survey, choices, settings).

    The first row of each sheet is its header; empty cells are empty strings.
    """
    survey = [list(SURVEY_COLUMNS)]
    for section in SECTIONS:
        survey.extend(_survey_rows(section))
    choices = [list(CHOICES_COLUMNS)]
    for list_name, items in CHOICES.items():
        choices.extend([list_name, name, *_translated(label)] for name, label in items.items())
    settings = [
        list(SETTINGS_COLUMNS),
        [TITLE[DEFAULT_LANGUAGE], FORM_ID, VERSION, language_name(DEFAULT_LANGUAGE)],
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


def _write(path: Path, content: dict[str, Rows]) -> None:
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


def validate(path: str | Path) -> list[str]:
    """Convert the XLSForm at `path` with pyxform and return pyxform's warnings.

    Raises `pyxform.errors.PyXFormError` when the form is not a valid XLSForm.
    """
    warnings: list[str] = []
    convert(xlsform=str(path), warnings=warnings)
    return warnings


def build(path: str | Path) -> list[str]:
    """Write the questionnaire as an XLSForm workbook to `path`, then check it with pyxform.

    Returns pyxform's warnings (none for the shipped form); raises
    `pyxform.errors.PyXFormError` if the written form does not convert.
    """
    path = Path(path)
    _write(path, sheets())
    return validate(path)


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
