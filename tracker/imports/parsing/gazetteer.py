"""Names the parser recognises: States, observers, UN entities, UN bodies.

Written out here because press releases use the UN's own short names ("the former
Yugoslav Republic of Macedonia", "Holy See", "UN-Women"), which country-code
libraries do not carry.
"""

from __future__ import annotations

import re

# The 193 Member States in UN style, with the older and shorter forms releases use.
MEMBER_STATES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|
Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|
Bolivia|Plurinational State of Bolivia|Bosnia and Herzegovina|Botswana|Brazil|
Brunei Darussalam|Bulgaria|Burkina Faso|Burundi|Cabo Verde|Cape Verde|Cambodia|Cameroon|
Canada|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|
Côte d’Ivoire|Côte d'Ivoire|Cote d'Ivoire|Croatia|Cuba|Cyprus|Czech Republic|Czechia|
Democratic People’s Republic of Korea|Democratic People's Republic of Korea|
Democratic Republic of the Congo|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|
El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Swaziland|Ethiopia|Fiji|Finland|France|
Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|
Honduras|Hungary|Iceland|India|Indonesia|Iran|Islamic Republic of Iran|Iraq|Ireland|Israel|
Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan|
Lao People’s Democratic Republic|Lao People's Democratic Republic|Latvia|Lebanon|Lesotho|
Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|
Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|
Federated States of Micronesia|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|
Namibia|Nauru|Nepal|Netherlands|Kingdom of the Netherlands|New Zealand|Nicaragua|Niger|
Nigeria|North Macedonia|former Yugoslav Republic of Macedonia|Norway|Oman|Pakistan|Palau|
Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Republic of Korea|
Republic of Moldova|Moldova|Romania|Russian Federation|Rwanda|Saint Kitts and Nevis|
Saint Lucia|Saint Vincent and the Grenadines|Samoa|San Marino|Sao Tome and Principe|
Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|
Solomon Islands|Somalia|South Africa|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|
Switzerland|Syria|Syrian Arab Republic|Tajikistan|Thailand|Timor-Leste|Togo|Tonga|
Trinidad and Tobago|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|
United Arab Emirates|United Kingdom|
United Kingdom of Great Britain and Northern Ireland|United Republic of Tanzania|Tanzania|
United States|United States of America|Uruguay|Uzbekistan|Vanuatu|Venezuela|
Bolivarian Republic of Venezuela|Viet Nam|Yemen|Zambia|Zimbabwe
"""

# Non-member observer States and the regional or intergovernmental organisations that
# speak in UN meetings.
OBSERVERS = """
Holy See|State of Palestine|Palestine|European Union|African Union|League of Arab States|
Organisation of Islamic Cooperation|Organization of Islamic Cooperation|Council of Europe|
Organization for Security and Co-operation in Europe|
Organization for Security and Cooperation in Europe|OSCE|
Association of Southeast Asian Nations|ASEAN|Caribbean Community|CARICOM|
Economic Community of West African States|ECOWAS|Southern African Development Community|
Organization of American States|Commonwealth|International Committee of the Red Cross|
Sovereign Order of Malta|Inter-Parliamentary Union|
International Centre for Migration Policy Development|ICMPD|
International Criminal Police Organization|INTERPOL|
International Organization of la Francophonie|Gulf Cooperation Council
"""

# UN entities, their full names pointing at the acronym releases print after them.
UN_ENTITIES = {
    "United Nations Office on Drugs and Crime": "UNODC",
    "United Nations Entity for Gender Equality and the Empowerment of Women": "UN-Women",
    "UN Women": "UN-Women",
    "International Labour Organization": "ILO",
    "Office of the United Nations High Commissioner for Human Rights": "OHCHR",
    "Office of the High Commissioner for Human Rights": "OHCHR",
    "United Nations Children’s Fund": "UNICEF",
    "United Nations Children's Fund": "UNICEF",
    "Office of the United Nations High Commissioner for Refugees": "UNHCR",
    "United Nations High Commissioner for Refugees": "UNHCR",
    "United Nations Population Fund": "UNFPA",
    "United Nations Development Programme": "UNDP",
    "International Organization for Migration": "IOM",
    "World Health Organization": "WHO",
    "World Food Programme": "WFP",
    "United Nations Educational, Scientific and Cultural Organization": "UNESCO",
    "Joint United Nations Programme on HIV/AIDS": "UNAIDS",
    "United Nations Environment Programme": "UNEP",
    "Department of Peace Operations": "DPO",
    "Department of Political and Peacebuilding Affairs": "DPPA",
    "Office for the Coordination of Humanitarian Affairs": "OCHA",
}
UN_ACRONYMS = set(UN_ENTITIES.values()) | {
    "UN", "UNODC", "UN-Women", "UNHCR", "UNICEF", "OHCHR", "ILO", "UNFPA", "UNDP", "IOM",
    "WHO", "WFP", "UNESCO", "UNAIDS", "UNEP", "UN-Habitat", "UNRWA", "UNOPS", "DPO", "DPPA",
    "OCHA", "UNMISS", "MONUSCO", "MINUSMA", "UNAMA", "UNAMI", "UNSOM", "FAO", "IFAD",
}  # fmt: skip
UN_KEYWORDS = re.compile(
    r"United Nations|\bUN\b|\bUN-|Secretary[-\u2010\u2011 ]General|Special Rapporteur|"
    r"Special Representative|Special Envoy|High Commissioner|Goodwill Ambassador|"
    r"Peacebuilding Commission|Security Council|General Assembly",
    re.I,
)
CIVIL_SOCIETY_KEYWORDS = re.compile(
    r"civil[- ]society|non-governmental|\bNGOs?\b|Foundation|Coalition|Collective|"
    r"Alliance|Network|Women Worldwide|International Service|Amnesty|Save the Children|"
    r"Watch\b|Institute|University|Association|Federation|Movement|Initiative|Trust\b|"
    r"Centre for|Center for|Shepherd|Project|Campaign|activist|advocate|journalist|"
    r"\bChurch\b|Caritas|Voices?\b|Youth|Girls\b|Women\b",
    re.I,
)
# In a role ("human trafficking victim from South Africa") the words describe the speaker.
SURVIVOR_KEYWORDS = re.compile(
    r"\bsurvivors?\b|\bformer victim|\bvictim of\b|\btrafficking victim|\bvictim from\b|"
    r"\bformer (?:child soldier|slave)",
    re.I,
)

# In what the speaker says, only words about themselves count ("sharing her experiences as
# a former victim"), not "a survivor from South Africa had shown the courage…".
SELF_AS_SURVIVOR = re.compile(
    r"\b(?:as|herself|himself|being)\s+an?\s+(?:former\s+)?(?:trafficking\s+)?"
    r"(?:victim|survivor)\b|"
    r"\b(?:her|his)\s+(?:own\s+)?experiences?\s+as\s+(?:an?\s+)?(?:former\s+)?"
    r"(?:victim|survivor)",
    re.I,
)

# Symbol prefixes of Meetings Coverage releases and the body each covers.
BODIES = {
    "GA/SHC": "General Assembly Third Committee",
    "GA/EF": "General Assembly Second Committee",
    "GA/L": "General Assembly Sixth Committee",
    "GA/AB": "General Assembly Fifth Committee",
    "GA/SPD": "General Assembly Fourth Committee",
    "GA/DIS": "General Assembly First Committee",
    "GA/COL": "Special Committee on Decolonization",
    "GA/PAL": "Committee on the Exercise of the Inalienable Rights of the Palestinian People",
    "GA": "General Assembly",
    "SC": "Security Council",
    "WOM": "Commission on the Status of Women",
    "ECOSOC": "Economic and Social Council",
    "HR": "Human Rights",
    "POP": "Commission on Population and Development",
    "SOC": "Commission for Social Development",
    "ENV/DEV": "Commission on Sustainable Development",
    "DC": "Disarmament Commission",
    "PBC": "Peacebuilding Commission",
    "SG/SM": "Secretary-General",
    "DSG/SM": "Deputy Secretary-General",
    "SG": "Secretary-General",
    "DSG": "Deputy Secretary-General",
    "OBV": "Observances",
    "NGO": "Committee on Non-Governmental Organizations",
    "SEA": "Law of the Sea",
    "L": "Legal",
}
BODY_NAMES = (
    "General Assembly",
    "Security Council",
    "Economic and Social Council",
    "Commission on the Status of Women",
    "Human Rights Council",
    "Peacebuilding Commission",
    "Commission on Population and Development",
    "Commission for Social Development",
    "Trusteeship Council",
)


def _names(block: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in block.replace("\n", "").split("|") if name.strip())


MEMBER_STATE_NAMES = _names(MEMBER_STATES)
OBSERVER_NAMES = _names(OBSERVERS)
_STATE_KEYS = {name.casefold() for name in MEMBER_STATE_NAMES}
_OBSERVER_KEYS = {name.casefold() for name in OBSERVER_NAMES}
_PLACES = sorted(MEMBER_STATE_NAMES + OBSERVER_NAMES, key=len, reverse=True)
_PLACE_ALTERNATIVES = "|".join(re.escape(name) for name in _PLACES)
# A State or observer named as what a role belongs to: "… of Luxembourg", "… of the Holy See".
PLACE_OF = re.compile(rf"\b(?:of|for)\s+(?:the\s+)?({_PLACE_ALTERNATIVES})\b")
PLACE = re.compile(rf"^(?:the\s+)?({_PLACE_ALTERNATIVES})$", re.I)


def canonical_place(text: str) -> str:
    """ "the Netherlands" → "Netherlands"; "" when the text is not a State or observer."""
    match = PLACE.match(normalise_space(text))
    if not match:
        return ""
    found = match.group(1).casefold()
    for name in _PLACES:
        if name.casefold() == found:
            return name
    return ""


def is_member_state(name: str) -> bool:
    return normalise_space(name).casefold() in _STATE_KEYS


def is_observer(name: str) -> bool:
    return normalise_space(name).casefold() in _OBSERVER_KEYS


def is_un_entity(name: str) -> bool:
    name = normalise_space(name)
    return name in UN_ACRONYMS or name in UN_ENTITIES or bool(UN_KEYWORDS.search(name))


def body_for_symbol(symbol: str) -> str:
    parts = symbol.upper().split("/")
    for length in range(len(parts) - 1, 0, -1):
        prefix = "/".join(parts[:length])
        if prefix in BODIES:
            return BODIES[prefix]
    return ""


_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u00ad": ""})


def normalise_space(text: str) -> str:
    """Metadata (names, roles, delegations) with plain spaces and hyphens."""
    return _SPACES.sub(" ", text.translate(_HYPHENS)).strip()
