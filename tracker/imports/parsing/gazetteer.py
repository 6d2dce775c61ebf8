"""Names the parser recognises: States, observers, UN entities, UN bodies.

Written out here because press releases use the UN's own short names ("the former
Yugoslav Republic of Macedonia", "Holy See", "UN-Women"), which country-code
libraries do not carry.
"""

from __future__ import annotations

import re

from .delegations import ALIASES, normalise_delegation

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

# UN entities, their full names pointing at the acronym releases print after them:
# the Secretariat's departments and offices, funds and programmes, specialized agencies,
# related organisations and convention secretariats.
UN_ENTITIES = {
    "United Nations Office on Drugs and Crime": "UNODC",
    "UN Office on Drugs and Crime": "UNODC",
    "Office on Drugs and Crime": "UNODC",
    "United Nations Entity for Gender Equality and the Empowerment of Women": "UN-Women",
    "UN Women": "UN-Women",
    "UN-Women": "UN-Women",
    "International Labour Organization": "ILO",
    "International Labour Office": "ILO",
    "Office of the United Nations High Commissioner for Human Rights": "OHCHR",
    "Office of the High Commissioner for Human Rights": "OHCHR",
    "UN Human Rights": "OHCHR",
    "United Nations Children’s Fund": "UNICEF",
    "United Nations Children's Fund": "UNICEF",
    "Office of the United Nations High Commissioner for Refugees": "UNHCR",
    "United Nations High Commissioner for Refugees": "UNHCR",
    "UN Refugee Agency": "UNHCR",
    "United Nations Population Fund": "UNFPA",
    "United Nations Development Programme": "UNDP",
    "International Organization for Migration": "IOM",
    "World Health Organization": "WHO",
    "World Food Programme": "WFP",
    "United Nations Educational, Scientific and Cultural Organization": "UNESCO",
    "Joint United Nations Programme on HIV/AIDS": "UNAIDS",
    "United Nations Environment Programme": "UNEP",
    "United Nations Human Settlements Programme": "UN-Habitat",
    "United Nations Relief and Works Agency for Palestine Refugees in the Near East": "UNRWA",
    "United Nations Office for Project Services": "UNOPS",
    "United Nations Conference on Trade and Development": "UNCTAD",
    "United Nations Industrial Development Organization": "UNIDO",
    "Food and Agriculture Organization of the United Nations": "FAO",
    "Food and Agriculture Organization": "FAO",
    "International Fund for Agricultural Development": "IFAD",
    "International Telecommunication Union": "ITU",
    "International Atomic Energy Agency": "IAEA",
    "International Civil Aviation Organization": "ICAO",
    "International Maritime Organization": "IMO",
    "World Intellectual Property Organization": "WIPO",
    "World Meteorological Organization": "WMO",
    "Universal Postal Union": "UPU",
    "United Nations World Tourism Organization": "UN Tourism",
    "World Bank": "World Bank",
    "World Bank Group": "World Bank",
    "International Monetary Fund": "IMF",
    "United Nations Volunteers": "UNV",
    "United Nations University": "UNU",
    "United Nations Institute for Training and Research": "UNITAR",
    "United Nations Office for Disaster Risk Reduction": "UNDRR",
    "United Nations Office of Counter-Terrorism": "UNOCT",
    "Office of Counter-Terrorism": "UNOCT",
    "United Nations Office for Disarmament Affairs": "UNODA",
    "Office for Disarmament Affairs": "UNODA",
    "Department of Peace Operations": "DPO",
    "Department of Political and Peacebuilding Affairs": "DPPA",
    "Department of Economic and Social Affairs": "DESA",
    "United Nations Department of Economic and Social Affairs": "DESA",
    "Department of Global Communications": "DGC",
    "Office for the Coordination of Humanitarian Affairs": "OCHA",
    "United Nations Office for the Coordination of Humanitarian Affairs": "OCHA",
    "Office of the High Representative for the Least Developed Countries, Landlocked "
    "Developing Countries and Small Island Developing States": "UN-OHRLLS",
    "United Nations Office of the High Representative for the Least Developed Countries, "
    "Landlocked Developing Countries and Small Island Developing States": "UN-OHRLLS",
    "OHRLLS": "UN-OHRLLS",
    "United Nations Framework Convention on Climate Change": "UNFCCC",
    "Convention on Biological Diversity": "CBD",
    "United Nations Convention to Combat Desertification": "UNCCD",
    "Economic Commission for Africa": "ECA",
    "Economic Commission for Europe": "ECE",
    "Economic Commission for Latin America and the Caribbean": "ECLAC",
    "Economic and Social Commission for Asia and the Pacific": "ESCAP",
    "Economic and Social Commission for Western Asia": "ESCWA",
    "United Nations Mission in South Sudan": "UNMISS",
    "United Nations Assistance Mission in Afghanistan": "UNAMA",
    "United Nations Assistance Mission for Iraq": "UNAMI",
    "United Nations Assistance Mission in Somalia": "UNSOM",
    "Inter-Agency Coordination Group against Trafficking in Persons": "ICAT",
    # A title that names its office: "High Representative for the Least Developed…".
    "High Representative for the Least Developed Countries, Landlocked Developing Countries "
    "and Small Island Developing States": "UN-OHRLLS",
}
UN_ACRONYMS = set(UN_ENTITIES.values()) | {
    "UN", "UNODC", "UN-Women", "UNHCR", "UNICEF", "OHCHR", "ILO", "UNFPA", "UNDP", "IOM",
    "WHO", "WFP", "UNESCO", "UNAIDS", "UNEP", "UN-Habitat", "UNRWA", "UNOPS", "DPO", "DPPA",
    "OCHA", "UNMISS", "MONUSCO", "MINUSMA", "UNAMA", "UNAMI", "UNSOM", "FAO", "IFAD",
    "UNCTAD", "UNIDO", "ITU", "IAEA", "UNFCCC", "UNCCD", "UNU", "UNV", "UNITAR", "DESA",
    "ECA", "ECE", "ECLAC", "ESCAP", "ESCWA", "UN-OHRLLS", "OHRLLS", "UNDRR", "UNOCT",
    "UNODA", "ICAT", "UNMIK", "UNFICYP", "UNIFIL", "UNDOF", "MINUSCA", "UNISFA", "UNMHA",
}  # fmt: skip
UN_KEYWORDS = re.compile(
    r"United Nations|\bUN\b|\bUN-|Secretary[-\u2010\u2011 ]General|Special Rapporteur|"
    r"Special Representative|Special Envoy|High Commissioner|Goodwill Ambassador|"
    r"Peacebuilding Commission|Security Council|General Assembly|Independent Expert\b|"
    r"Working Group on\b|Special Adviser\b|Resident Coordinator|Humanitarian Coordinator|"
    r"Committee (?:on|against) the (?:Elimination|Rights|Protection)|Committee against Torture|"
    r"Convention (?:on|to|against)\b[^,;]*\bSecretariat|Secretariat of the\b[^,;]*Convention|"
    r"Executive Secretary of the\b[^,;]*(?:Convention|Commission for)",
    re.I,
)
CIVIL_SOCIETY_KEYWORDS = re.compile(
    r"civil[- ]society|non-governmental|non-profit|not-for-profit|charity|\bNGOs?\b|"
    r"rights (?:organi[sz]ation|group)|grass-?roots|Foundation|Fund for Women|Equality Now|"
    r"Oxfam|Human Rights Watch|\bSociety\b|Council of Women|Union of Women|Coalition|Collective|"
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
_STATES = {normalise_delegation(name) for name in MEMBER_STATE_NAMES}
_OBSERVERS = {normalise_delegation(name) for name in OBSERVER_NAMES}
# Other forms a release may print ("United Kingdom of Great Britain…", "Ivory Coast").
_OTHER_FORMS = tuple(
    alias
    for alias, name in ALIASES.items()
    if (name in _STATES or name in _OBSERVERS) and len(alias) > 3 and not alias.isupper()
)
_PLACES = sorted(set(MEMBER_STATE_NAMES + OBSERVER_NAMES + _OTHER_FORMS), key=len, reverse=True)
_PLACE_ALTERNATIVES = "|".join(re.escape(name) for name in _PLACES)
# A State or observer named as what a role belongs to: "… of Luxembourg", "… of the Holy See".
PLACE_OF = re.compile(rf"\b(?:of|for)\s+(?:the\s+)?({_PLACE_ALTERNATIVES})\b")
# A State named as the owner of a role: "Qatar’s Minister of Labour", "Greece’s delegate".
PLACE_POSSESSIVE = re.compile(rf"^(?:the\s+)?({_PLACE_ALTERNATIVES})(?:’s|'s|’|')\s+")


def canonical_place(text: str) -> str:
    """ "the Netherlands" → "Netherlands", "UK" → "United Kingdom"; "" when the text is not
    a State or observer."""
    name = normalise_delegation(normalise_space(text))
    return name if name in _STATES or name in _OBSERVERS else ""


def is_member_state(name: str) -> bool:
    return normalise_delegation(name) in _STATES


def is_observer(name: str) -> bool:
    return normalise_delegation(name) in _OBSERVERS


def is_un_entity(name: str) -> bool:
    name = normalise_space(name)
    if name in UN_ACRONYMS or normalise_delegation(name) in UN_ACRONYMS:
        return True
    return name in UN_ENTITIES or bool(UN_KEYWORDS.search(name))


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
