"""One name per delegation: "the United Kingdom", "United Kingdom of Great Britain and
Northern Ireland" and "UK" are one delegation, "United Kingdom"; "UNODC" and "United
Nations Office on Drugs and Crime" are one, "UNODC".

The form kept is the one UN Meetings Coverage prints in running text ("Republic of Korea",
"Côte d’Ivoire", "Venezuela", "Iran", "Türkiye"), taken from the ISO 3166 list that
pycountry maintains, with the UN's own short names written over ISO's where they differ.

A State the UN renamed keeps the name the record prints ("Turkey" in 2017, "Türkiye" in
2023): a rename is not a spelling, and the record is evidence. `current_delegation` gives
today's name, the key to join one State's statements across the years.
"""

from __future__ import annotations

import re
from functools import cache

import pycountry

# Where the UN's short name differs from ISO's, by ISO alpha-3 code.
UN_SHORT_NAMES = {
    "BOL": "Bolivia",
    "CIV": "Côte d’Ivoire",
    "COD": "Democratic Republic of the Congo",
    "FSM": "Micronesia",
    "GBR": "United Kingdom",
    "IRN": "Iran",
    "KOR": "Republic of Korea",
    "LAO": "Lao People’s Democratic Republic",
    "MDA": "Republic of Moldova",
    "NLD": "Netherlands",
    "PRK": "Democratic People’s Republic of Korea",
    "PSE": "State of Palestine",
    "SYR": "Syria",
    "TZA": "United Republic of Tanzania",
    "USA": "United States",
    "VAT": "Holy See",
    "VEN": "Venezuela",
    "VNM": "Viet Nam",
}

# Names ISO does not carry: abbreviations, older and informal forms, the UN's own
# long forms, and the observers and UN entities that speak in meetings.
ALIASES = {
    # States
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Great Britain": "United Kingdom",
    "Britain": "United Kingdom",
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "United States of America": "United States",
    "America": "United States",
    "Russia": "Russian Federation",
    "South Korea": "Republic of Korea",
    "Korea": "Republic of Korea",
    "ROK": "Republic of Korea",
    "North Korea": "Democratic People’s Republic of Korea",
    "DPRK": "Democratic People’s Republic of Korea",
    "Ivory Coast": "Côte d’Ivoire",
    "Cote d’Ivoire": "Côte d’Ivoire",
    "Venezuela (Bolivarian Republic of)": "Venezuela",
    "Bolivia (Plurinational State of)": "Bolivia",
    "Iran (Islamic Republic of)": "Iran",
    "Micronesia (Federated States of)": "Micronesia",
    "Netherlands (Kingdom of the)": "Netherlands",
    "DRC": "Democratic Republic of the Congo",
    "DR Congo": "Democratic Republic of the Congo",
    "Congo-Kinshasa": "Democratic Republic of the Congo",
    "Republic of the Congo": "Congo",
    "Congo-Brazzaville": "Congo",
    "Laos": "Lao People’s Democratic Republic",
    "Vietnam": "Viet Nam",
    "Moldova": "Republic of Moldova",
    "Tanzania": "United Republic of Tanzania",
    "Syrian Arab Republic": "Syria",
    "UAE": "United Arab Emirates",
    "Emirates": "United Arab Emirates",
    "Brunei": "Brunei Darussalam",
    "Timor Leste": "Timor-Leste",
    "East Timor": "Timor-Leste",
    "Saint Kitts & Nevis": "Saint Kitts and Nevis",
    "St. Kitts and Nevis": "Saint Kitts and Nevis",
    "St. Lucia": "Saint Lucia",
    "St. Vincent and the Grenadines": "Saint Vincent and the Grenadines",
    "Sao Tome & Principe": "Sao Tome and Principe",
    "São Tomé and Príncipe": "Sao Tome and Principe",
    "Antigua & Barbuda": "Antigua and Barbuda",
    "Trinidad & Tobago": "Trinidad and Tobago",
    "Bosnia & Herzegovina": "Bosnia and Herzegovina",
    "The Gambia": "Gambia",
    "The Bahamas": "Bahamas",
    "Holy See (Vatican City State)": "Holy See",
    "Vatican": "Holy See",
    "Palestine": "State of Palestine",
    # Names the UN used before a rename: kept (see the module's note).
    "Turkey": "Turkey",
    "Swaziland": "Swaziland",
    "Czech Republic": "Czech Republic",
    "Cape Verde": "Cape Verde",
    "former Yugoslav Republic of Macedonia": "former Yugoslav Republic of Macedonia",
    "The former Yugoslav Republic of Macedonia": "former Yugoslav Republic of Macedonia",
    "Macedonia": "former Yugoslav Republic of Macedonia",
    # Observers and regional organisations
    "EU": "European Union",
    "AU": "African Union",
    "African Union Commission": "African Union",
    "Arab League": "League of Arab States",
    "OIC": "Organisation of Islamic Cooperation",
    "Organization of Islamic Cooperation": "Organisation of Islamic Cooperation",
    "OSCE": "Organization for Security and Co-operation in Europe",
    "Organization for Security and Cooperation in Europe": (
        "Organization for Security and Co-operation in Europe"
    ),
    "ASEAN": "Association of Southeast Asian Nations",
    "CARICOM": "Caribbean Community",
    "ECOWAS": "Economic Community of West African States",
    "SADC": "Southern African Development Community",
    "OAS": "Organization of American States",
    "ICRC": "International Committee of the Red Cross",
    "IPU": "Inter-Parliamentary Union",
    "Order of Malta": "Sovereign Order of Malta",
    "Sovereign Military Order of Malta": "Sovereign Order of Malta",
    "OIF": "International Organization of la Francophonie",
    "GCC": "Gulf Cooperation Council",
    "ICMPD": "International Centre for Migration Policy Development",
    "INTERPOL": "International Criminal Police Organization",
}

# Today's name of a State the UN renamed: the key for comparing across years.
FORMER_NAMES = {
    "Turkey": "Türkiye",
    "Swaziland": "Eswatini",
    "Czech Republic": "Czechia",
    "Cape Verde": "Cabo Verde",
    "former Yugoslav Republic of Macedonia": "North Macedonia",
    "Libyan Arab Jamahiriya": "Libya",  # the UN's name for Libya until September 2011
}

_APOSTROPHES = str.maketrans({"'": "’", "‘": "’", "`": "’"})
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u00ad": ""})


def _key(name: str) -> str:
    text = _SPACES.sub(" ", name.translate(_HYPHENS).translate(_APOSTROPHES)).strip(" ,;.")
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    return text.casefold()


@cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for country in pycountry.countries:
        short = UN_SHORT_NAMES.get(country.alpha_3, country.name)
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                table[_key(value)] = short
        table[_key(short)] = short
    # "Korea, Republic of" → ISO's inverted forms read in the UN's word order too.
    for key, short in list(table.items()):
        if ", " in key:
            head, _, tail = key.partition(", ")
            table.setdefault(f"{tail} {head}", short)
    for alias, short in ALIASES.items():
        table[_key(alias)] = short
    from .gazetteer import UN_ENTITIES  # the UN entities, by full name → acronym

    for full, acronym in UN_ENTITIES.items():
        table.setdefault(_key(full), acronym)
        table.setdefault(_key(acronym), acronym)
    return table


def normalise_delegation(name: str) -> str:
    """The one name of a State, observer or UN entity; any other name tidied, not changed.

    normalise_delegation("the United Kingdom of Great Britain and Northern Ireland")
    == normalise_delegation("UK") == "United Kingdom".
    """
    tidy = _SPACES.sub(" ", name).strip(" ,;")
    if not tidy:
        return ""
    found = _table().get(_key(tidy))
    if found:
        return found
    return re.sub(r"^the\s+", "", tidy)


def is_known_delegation(name: str) -> bool:
    """Whether `name` is a State, observer or UN entity the table knows."""
    return _key(name) in _table()


def current_delegation(name: str) -> str:
    """Today's name: "Turkey" → "Türkiye"; everything else as normalise_delegation."""
    normalised = normalise_delegation(name)
    return FORMER_NAMES.get(normalised, normalised)
