"""Build fixtures/demo/ga-11955-demo-coding.json: a demo coding of GA/11955 by two analysts.

DEMO DATA. Made by reading each statement of the release (fixtures/ga-11955.json)
against the codebook (../shared/codebook.md); it lets a new workbench show a full
report, agreement and a draft before anyone has coded. It is not a published analysis.

Run again after changing CODING:  python scripts/build_demo_coding.py
Load it with:  python manage.py setup_workbench --demo-coding

Each passage is written as the words of the statement; the script finds it in the
statement's text (a space matches any run of white space, a hyphen any hyphen or dash,
a quotation mark any straight or curly one) and stores the statement's own characters,
so `text[start:end] == quote` always holds. A passage that is missing or ambiguous
stops the script. `who` says which analyst applied the code: "both", "1" or "2" —
the two demo analysts agree on most passages and part company where the codebook
leaves room for judgement (the memos say why).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEETING_FIXTURE = ROOT / "fixtures" / "ga-11955.json"
CODEBOOK_FIXTURE = ROOT / "fixtures" / "codebook.json"
TARGET = ROOT / "fixtures" / "demo" / "ga-11955-demo-coding.json"
CONTEXT_CHARS = 32  # as annotations.coding.anchoring.quote_context
# When the demo coding was made; a raw fixture load keeps the timestamps it is given.
CODED_AT = "2026-12-01T09:00:00Z"
ANALYSTS = {"1": "demo-analyst-1", "2": "demo-analyst-2"}
STATEMENT_LEVEL = None  # the passage of a statement-level code

# statement order → [(code slug, passage or STATEMENT_LEVEL, who, memo)]
CODING: dict[int, list[tuple[str, str | None, str, str]]] = {
    1: [
        ("victim-centred", "a victim- and survivor-centred approach", "both", ""),
        (
            "human-rights-based",
            'called for respect of human rights and the "dignity of our people"',
            "1",
            "",
        ),
        ("prevention", "Prevention efforts must be strengthened", "both", ""),
        (
            "conflict-insecurity",
            "peace and security challenges amplified the threat of human trafficking",
            "both",
            "",
        ),
        ("demand", "addressing demand- and supply-side problems", "both", ""),
        (
            "women-as-vulnerable",
            "Traffickers' focus on women and children threatened to unravel the fabric of society",
            "1",
            "Women named with children as the target, without saying why.",
        ),
        (
            "protection",
            "assist victims in recovering, reclaiming dignity and minimizing the risk of "
            "revictimization",
            "both",
            "",
        ),
    ],
    2: [
        (
            "women-as-vulnerable",
            "It grips the weakest and most vulnerable — women, girls and boys",
            "both",
            "The 'fatality' framing PeaceWomen describes.",
        ),
        (
            "gender-inequality",
            "intertwined with racial, gender and other forms of discrimination",
            "both",
            "",
        ),
        (
            "conflict-insecurity",
            "conflict, insecurity and economic uncertainty had brought new tests",
            "both",
            "",
        ),
        (
            "migration-displacement",
            "millions of people spilled out of their countries towards safety",
            "both",
            "",
        ),
        (
            "conflict-insecurity",
            "Terrorist groups including Islamic State in Iraq and the Levant (ISIL/Da'esh) and "
            "Boko Haram",
            "1",
            "",
        ),
        ("governance-impunity", "exploiting gaps in governance and weak institutions", "both", ""),
        ("governance-impunity", "too often human traffickers operated with impunity", "1", ""),
        (
            "prosecution",
            "making greater use of the United Nation Convention against Transnational Organized "
            "Crime",
            "2",
            "Legal instruments read as the prosecution pillar.",
        ),
        (
            "safe-migration-channels",
            "the international community must create legal and safe migration channels",
            "both",
            "",
        ),
    ],
    3: [
        (
            "prosecution",
            "more action required in prosecuting trafficking lords in particular",
            "both",
            "",
        ),
        ("protection", "protect victims and hold perpetrators accountable", "2", ""),
        ("protection", "protect victims", "1", ""),
        ("prosecution", "hold perpetrators accountable", "1", ""),
        ("victim-centred", "more victim-centred criminal justice responses", "both", ""),
        (
            "partnership",
            "stronger inter-agency and cross-border cooperation was also critical",
            "both",
            "",
        ),
    ],
    4: [
        (
            "migration-displacement",
            "Conflict, climate change and the resulting migration patterns were creating "
            "displacement on a massive scale",
            "both",
            "",
        ),
        (
            "conflict-insecurity",
            "Conflict, climate change and the resulting migration patterns were creating "
            "displacement on a massive scale",
            "1",
            "",
        ),
        (
            "protection",
            "failure to protect the most vulnerable segments of society was unacceptable",
            "2",
            "",
        ),
        ("partnership", "private-sector cooperation in the fight against trafficking", "both", ""),
        (
            "survivor-participation",
            "the involvement of survivors at all levels of policymaking",
            "both",
            "",
        ),
        (
            "survivor-policy-role",
            "the involvement of survivors at all levels of policymaking",
            "1",
            "Policymaking, not only participation: the narrower indicator applies.",
        ),
        (
            "child-centred",
            "Law-enforcement efforts must take a child-centred, evidence-based approach",
            "both",
            "",
        ),
        ("prosecution", "the testimony of victims was not their only hope of justice", "both", ""),
    ],
    5: [
        (
            "survivor-testimony",
            STATEMENT_LEVEL,
            "both",
            "Grizelda Grootboom speaks from her own experience.",
        ),
        (
            "women-as-vulnerable",
            "women and girls made up 96 per cent of trafficking victims",
            "2",
            "",
        ),
        (
            "gender-inequality",
            "Sex slavery is just another form of oppression, especially for the black child",
            "1",
            "Oppression named as the cause, not vulnerability.",
        ),
        ("survivor-participation", "It is so important to hear the voice of survivors", "both", ""),
    ],
    6: [
        ("human-rights-based", "gross violation of fundamental rights", "both", ""),
        ("prevention", "a multidisciplinary approach focused on prevention", "both", ""),
        ("protection", "protection and promotion of victims' rights", "both", ""),
        ("prosecution", "prosecution of the perpetrators and co-perpetrators", "both", ""),
        (
            "training-officials",
            "providing adequate training for law enforcement authorities",
            "both",
            "",
        ),
    ],
    7: [
        (
            "partnership",
            "the importance of partnership and cooperation in curbing trafficking",
            "both",
            "",
        ),
        ("prevention", "taken actions to prevent crime", "both", ""),
        ("prosecution", "prosecute perpetrators", "both", ""),
        ("protection", "protect victims", "both", ""),
        (
            "prevention",
            "creating an e-platform for data collection",
            "1",
            "Data systems count as prevention.",
        ),
        ("victim-centred", "compensating victims", "1", ""),
        (
            "partnership",
            "the Bali Declaration on People Smuggling, Trafficking in Persons and Related "
            "Transnational Crime",
            "both",
            "",
        ),
        (
            "migration-displacement",
            "measures to prevent refugees from being exploited by traffickers",
            "both",
            "",
        ),
    ],
    8: [
        (
            "partnership",
            "engaged in many bilateral and regional cooperation efforts on that issue",
            "both",
            "",
        ),
        (
            "victim-centred",
            '"We believe in a comprehensive approach with an emphasis on victims,"',
            "both",
            "",
        ),
        (
            "migration-displacement",
            "the Rohingya people currently fleeing Myanmar could easily become victims to human "
            "trafficking",
            "both",
            "",
        ),
    ],
    9: [
        (
            "partnership",
            "called for focused international cooperation to eradicate that phenomenon",
            "both",
            "",
        ),
        (
            "migration-displacement",
            "Human trafficking and smuggling of migrants were great causes of instability in "
            "Africa",
            "2",
            "",
        ),
        (
            "governance-impunity",
            "The problem had deepened as impunity persisted in the region.",
            "both",
            "",
        ),
        ("prosecution", "ensure those responsible faced punishment", "1", ""),
        ("prosecution", "No case could go unprosecuted", "both", ""),
    ],
    10: [
        ("prosecution", "having arrested, tried and convicted many perpetrators", "both", ""),
        ("protection", "South Africa also provided support to victims.", "both", ""),
        ("prevention", "centred on prevention and prosecution", "1", ""),
        (
            "partnership",
            "an intersectional committee comprising representatives from civil society, "
            "faith-based organizations, traditional leaders and others",
            "2",
            "",
        ),
        (
            "partnership",
            "cooperation with and mutual assistance from both other countries and "
            "intergovernmental organizations",
            "both",
            "",
        ),
    ],
    11: [
        (
            "poverty-inequality",
            "social, economic, cultural, political and ideological factors",
            "2",
            "",
        ),
        ("governance-impunity", "the lack of the rule of law", "both", ""),
        (
            "conflict-insecurity",
            "The inability to find just and decisive settlements to conflict had led to the "
            "rise of terrorism and armed groups",
            "both",
            "",
        ),
        (
            "partnership",
            "Qatar worked in cooperation with UNODC and the League of Arab States",
            "both",
            "",
        ),
    ],
    12: [
        (
            "protection",
            "the Government had facilitated and funded the repatriation of 138 victims since 2016",
            "both",
            "",
        ),
        (
            "partnership",
            "working with the International Organization for Migration (IOM)",
            "both",
            "",
        ),
        (
            "gender-specific-assistance",
            "income-generating projects for victims. Thus far, 100 women had each received up "
            "to $1,500",
            "both",
            "Economic empowerment of women victims.",
        ),
    ],
    13: [
        (
            "women-as-vulnerable",
            "protect vulnerable groups, including women and children",
            "both",
            "",
        ),
        ("protection", "protect vulnerable groups, including women and children", "1", ""),
    ],
    14: [
        (
            "prosecution",
            "dismantling 14 trafficking networks and achieving three important convictions",
            "both",
            "",
        ),
        ("prosecution", "bring perpetrators to justice", "1", ""),
        (
            "protection",
            "his country's shelter for victims as the only one in the region",
            "both",
            "",
        ),
        ("partnership", "establish partnerships", "both", ""),
        ("partnership", "comprising private sector representatives", "1", ""),
        (
            "prevention",
            "efforts were under way to raise public awareness and bolster prevention",
            "both",
            "",
        ),
    ],
    15: [
        (
            "migration-displacement",
            "Africa faced an acute migrant crisis that was exacerbating issues of human "
            "trafficking",
            "both",
            "",
        ),
        ("women-as-vulnerable", "Congolese girls were trafficked for sexual exploitation", "2", ""),
        ("prevention", "Legal measures had been taken to prevent trafficking", "both", ""),
        ("protection", "Preventive work and assistance was being offered to victims.", "both", ""),
        (
            "conflict-insecurity",
            "re-establish peace in the east of the country and end cycles of war",
            "1",
            "",
        ),
    ],
    16: [
        ("poverty-inequality", "notably by reducing poverty and inequality", "both", ""),
        (
            "partnership",
            "the Group of Friends would work with partners around the world",
            "both",
            "",
        ),
    ],
    17: [
        ("prevention", "sought to raise awareness", "both", ""),
        ("protection", "support victims' rights", "both", ""),
        ("poverty-inequality", "accelerate development in slums and other poor areas", "both", ""),
        (
            "migration-displacement",
            "the close connection between trafficking and illegal migration",
            "both",
            "",
        ),
        ("partnership", "Regional cooperation was also critical", "both", ""),
        ("human-rights-based", "respecting the human rights dimension of trafficking", "both", ""),
        (
            "partnership",
            "Egypt was working with non-governmental organizations to raise awareness",
            "1",
            "",
        ),
    ],
    18: [
        (
            "prevention",
            "awareness-raising efforts with law enforcement and civil society",
            "both",
            "",
        ),
        ("prosecution", "effective prosecution", "1", ""),
        ("protection", "assistance for victims", "1", ""),
        (
            "partnership",
            "awareness campaigns encouraged civil society to assume responsibilities",
            "2",
            "",
        ),
    ],
    19: [
        (
            "poverty-inequality",
            '"As long as there is a rich global North and a poor global South, traffickers will '
            'continue to take advantage of the need for labour in rich countries,"',
            "both",
            "",
        ),
        (
            "unemployment-labour",
            "laws providing labour migration favoured highly skilled workers and prevented "
            "semi-skilled personnel",
            "both",
            "",
        ),
        (
            "prosecution",
            "trafficking was criminalized under the Prevention of Organised Crime Act",
            "1",
            "",
        ),
        (
            "training-officials",
            "joint trainings carried out for border officials, police and immigration officials",
            "both",
            "",
        ),
        ("training-officials", "training migration officials", "1", ""),
        ("protection", "providing shelter for trafficking victims", "both", ""),
        ("partnership", "enhancing cooperation between the North and South", "1", ""),
        ("safe-migration-channels", "facilitating lawful migration", "both", ""),
        ("human-rights-based", "respecting the human rights of migrants", "both", ""),
    ],
    20: [
        (
            "partnership",
            "All nations, along with United Nations agencies and non-governmental "
            "organizations, must adopt an open, honest approach",
            "2",
            "",
        ),
    ],
    21: [
        (
            "prevention",
            "developing campaigns to prevent the exploitation of children and teenagers",
            "both",
            "",
        ),
        (
            "child-centred",
            "developing campaigns to prevent the exploitation of children and teenagers",
            "1",
            "",
        ),
        (
            "partnership",
            "with the help of the United Nations Children's Fund (UNICEF) and IOM",
            "1",
            "",
        ),
        (
            "protection",
            "the creation of a victims assistance unit and the building of shelters for victims",
            "both",
            "",
        ),
        (
            "partnership",
            "bilateral agreements and regional instruments to exchange information",
            "both",
            "",
        ),
        (
            "judicial-cooperation",
            "regional instruments to exchange information",
            "1",
            "Regional data sharing.",
        ),
    ],
    22: [
        (
            "protection",
            "a national referral mechanism to identify, assist and protect victims",
            "1",
            "",
        ),
        (
            "judicial-cooperation",
            "a national referral mechanism to identify, assist and protect victims",
            "2",
            "Read as a referral mechanism; analyst 1 keeps that code for transnational ones.",
        ),
        (
            "conflict-insecurity",
            "Three years of Russian aggression against Ukraine had led to numerous cases of "
            "trafficking and forced labour",
            "both",
            "",
        ),
        (
            "prosecution",
            "effective investigation, prosecution and punishment of perpetrators",
            "both",
            "",
        ),
    ],
    23: [
        (
            "poverty-inequality",
            "Economic and social dimensions, particularly poverty, must be taken into account",
            "both",
            "",
        ),
        (
            "prosecution",
            "police operations that had freed hundreds of trafficking victims",
            "1",
            "",
        ),
        ("women-as-vulnerable", "most of them women and children", "2", ""),
        (
            "partnership",
            "the European Union-Horn of Africa Migration Route Initiative (Khartoum Process)",
            "both",
            "",
        ),
    ],
    24: [
        ("prevention", "a legislative framework for prevention", "both", ""),
        ("human-rights-based", "based on a human rights approach", "both", ""),
        ("protection", "provide victims with care and support", "both", ""),
        ("partnership", "create more effective partnerships", "both", ""),
    ],
    25: [
        ("victim-centred", "victims-focused", "both", ""),
        ("human-rights-based", "human-rights-based", "both", ""),
        ("gender-specific", "gender-specific", "both", ""),
        ("child-centred", "child-sensitive manner", "1", ""),
        (
            "migration-displacement",
            "trafficking in the context of migration and the refugee crisis",
            "both",
            "",
        ),
        ("conflict-insecurity", "the nexus between conflict and trafficking", "both", ""),
        ("technology-online", "including of children and online", "both", ""),
        ("prosecution", "it was crucial that traffickers were legally punished", "1", ""),
        ("prevention", "prevention and partnerships were also essential", "1", ""),
        ("partnership", "prevention and partnerships were also essential", "1", ""),
        ("demand", "discourage the demand that fosters all forms of exploitation", "both", ""),
    ],
    26: [
        (
            "prevention",
            "Special attention should be also given to prevention through awareness-raising "
            "initiatives at all levels",
            "both",
            "",
        ),
        ("protection", "protect and assist victims", "both", ""),
        ("prosecution", "prosecute criminal groups", "both", ""),
    ],
    27: [
        ("prevention", "a focus on prevention, prosecution, protection and partnership", "1", ""),
        ("protection", "Israel also had established shelters for victims", "both", ""),
        ("partnership", "expanded its partnerships with civil society", "both", ""),
    ],
    28: [
        ("human-rights-based", "inclusive, human rights-based approaches", "both", ""),
        ("migration-displacement", "exploited the vulnerabilities of migrants", "both", ""),
        (
            "conflict-insecurity",
            "trafficking had become a profitable business for such terrorist groups as Da'esh",
            "both",
            "",
        ),
        (
            "prevention",
            "Turkey would undertake all necessary measures to prevent human trafficking",
            "1",
            "",
        ),
        (
            "safe-migration-channels",
            "ensuring legal pathways for migrants seeking a decent life",
            "both",
            "",
        ),
        (
            "safe-migration-channels",
            "breaking down barriers to safe, regular and orderly migration",
            "1",
            "",
        ),
    ],
    29: [
        (
            "demand",
            "addressing the demand that fostered trafficking, especially of women and girls",
            "both",
            "",
        ),
        (
            "gender-inequality",
            "the dehumanization of people as objects of gratification",
            "1",
            "Objectification named as a cause.",
        ),
        ("protection", "long-term investment in rehabilitation for victims", "both", ""),
        (
            "partnership",
            "partnerships between law enforcement agencies and faith-based groups",
            "both",
            "",
        ),
    ],
    30: [
        (
            "conflict-insecurity",
            "the use of trafficked persons by terrorist groups in pursuit of their goals",
            "1",
            "",
        ),
        (
            "partnership",
            "establishing and enhancing effective partnerships to prevent it",
            "both",
            "",
        ),
        ("prosecution", "ensure the effective prosecution of culprits", "1", ""),
    ],
    31: [
        (
            "gender-inequality",
            "a manifestation of the violence and discrimination that women and girls faced "
            "around the world",
            "both",
            "",
        ),
        (
            "gender-specific",
            "trafficking was a gender-based problem and should be addressed as such",
            "both",
            "",
        ),
        (
            "poverty-inequality",
            "address the root causes, including poverty, unemployment, migration and labour laws",
            "both",
            "",
        ),
        (
            "unemployment-labour",
            "address the root causes, including poverty, unemployment, migration and labour laws",
            "both",
            "",
        ),
        (
            "migration-displacement",
            "address the root causes, including poverty, unemployment, migration and labour laws",
            "1",
            "",
        ),
        ("gender-specific", "the linkages connecting trafficking, migration and gender", "1", ""),
        (
            "women-as-vulnerable",
            "numerous gender-specific vulnerabilities and risks that made women especially "
            "susceptible",
            "2",
            "Analyst 1 left this uncoded: Sen says why women are more at risk, which the code "
            "excludes.",
        ),
        (
            "gender-specific-assistance",
            "tailored health-care services for victims, efforts to address stigmatization and "
            "providing economic empowerment programmes",
            "both",
            "",
        ),
        (
            "gender-specific-assistance",
            "ensuring the availability of female police officers",
            "both",
            "",
        ),
        ("human-rights-based", "Describing trafficking as a human rights violation", "both", ""),
        ("victim-centred", "victims must not be criminalized", "both", ""),
        ("protection", "assistance with reintegrating into society", "1", ""),
        ("prosecution", "supporting the prosecution of perpetrators", "1", ""),
        (
            "disaggregated-data",
            "the latest brief on the gender dimension of trafficking",
            "2",
            "Gender analysis informing programmes.",
        ),
    ],
    32: [
        (
            "disaggregated-data",
            "Of the 25 million people trapped in forced labour, 16 million were female, 9 "
            "million male and 4.3 million children",
            "1",
            "Figures given by sex and age.",
        ),
        (
            "partnership",
            "supporting partnerships at the national, bilateral, regional and sub-regional levels",
            "both",
            "",
        ),
        ("disaggregated-data", "encouraging everyone to share data sets", "2", ""),
    ],
    33: [
        ("survivor-testimony", STATEMENT_LEVEL, "both", "Rani Hong speaks as a former victim."),
        (
            "partnership",
            "she had partnered with local communities to bring tangible solutions on the ground",
            "1",
            "",
        ),
        (
            "partnership",
            "urging companies to be transparent and prevent slavery in the entire supply chain",
            "1",
            "Private sector.",
        ),
        (
            "prevention",
            "urging companies to be transparent and prevent slavery in the entire supply chain",
            "2",
            "",
        ),
    ],
    34: [
        ("poverty-inequality", "inequality within and between nations", "both", ""),
        ("migration-displacement", "illegal migration", "1", ""),
        (
            "partnership",
            "cooperation between Government and civil society, as well as among States",
            "both",
            "",
        ),
    ],
    35: [
        (
            "conflict-insecurity",
            "girls were currency in their political economy of war",
            "both",
            "",
        ),
        (
            "gender-specific",
            "trafficking was a gender-based human rights violation as well as a criminal act",
            "both",
            "",
        ),
        (
            "human-rights-based",
            "trafficking was a gender-based human rights violation as well as a criminal act",
            "1",
            "",
        ),
        ("prosecution", "the enforcement of relevant legal instruments", "1", ""),
        ("prevention", "increased awareness of conflict-related trafficking", "1", ""),
        (
            "gender-specific-assistance",
            "rehabilitation programmes for trafficking survivors",
            "both",
            "",
        ),
        (
            "women-as-agents",
            "in collaboration with grass-roots women's organizations",
            "both",
            "The one mention of women's organizations as actors (PeaceWomen found none).",
        ),
        ("prosecution", "Prosecution of traffickers would also help prevention", "both", ""),
    ],
    36: [
        (
            "women-as-vulnerable",
            "described trafficking in women and girls as an open wound on the body of humanity",
            "2",
            "",
        ),
        ("partnership", "called for enhanced international cooperation", "both", ""),
        (
            "survivor-participation",
            "survivors must be empowered and feel safe to speak out about their experiences",
            "both",
            "",
        ),
    ],
    37: [
        ("gender-specific", "invest in gender-specific approaches", "both", ""),
        ("partnership", "The Coalition welcomed partnership with Member States", "1", ""),
        (
            "disaggregated-data",
            "disaggregated data on gender, age and type of exploitation",
            "both",
            "",
        ),
    ],
    38: [
        (
            "safe-migration-channels",
            "measures to expand legal channels for fair migration and ethical recruitment",
            "both",
            "",
        ),
    ],
    39: [
        (
            "demand",
            "a better understanding of the demand side of trafficking was needed",
            "both",
            "",
        ),
    ],
    40: [
        (
            "conflict-insecurity",
            "the close links connecting trafficking, terrorism and transnational organized crime",
            "both",
            "",
        ),
        (
            "prevention",
            "effective responses must go beyond criminal sanctions to include preventative "
            "measures",
            "1",
            "",
        ),
    ],
    41: [
        (
            "survivor-testimony",
            STATEMENT_LEVEL,
            "2",
            "Analyst 1: here Hong speaks as a foundation's CEO, not from her experience.",
        ),
        (
            "partnership",
            "seek partners who could help them advance the anti-trafficking movement",
            "1",
            "",
        ),
    ],
    42: [
        (
            "unemployment-labour",
            "The general principles and guidelines of ILO addressed fair recruitment",
            "1",
            "",
        ),
    ],
    43: [
        ("migration-displacement", "the connections between migration and trafficking", "both", ""),
        ("gender-specific", "the gender perspective of the Global Compact for Migration", "1", ""),
        ("survivor-participation", "partnerships with NGOs and survivors", "both", ""),
        ("partnership", "partnerships with NGOs and survivors", "1", ""),
    ],
    44: [
        ("human-rights-based", "respecting the human rights of victims and survivors", "1", ""),
        (
            "survivor-policy-role",
            "incorporating their voices into anti-trafficking policies",
            "both",
            "",
        ),
        (
            "survivor-participation",
            "incorporating their voices into anti-trafficking policies",
            "2",
            "",
        ),
        (
            "victim-centred",
            "ensure that survivors were not criminalized for having been trafficked",
            "both",
            "",
        ),
    ],
    45: [
        ("protection", "help victims reunite with loved ones, repatriate if necessary", "both", ""),
        (
            "victim-centred",
            "find appropriate redress in court",
            "1",
            "Redress, but not for women in particular.",
        ),
        (
            "partnership",
            "The work of non-governmental organizations (NGOs) supported by the Trust Fund was "
            "closely coordinated with national efforts",
            "1",
            "",
        ),
    ],
    46: [
        (
            "conflict-insecurity",
            "Conflicts and the desire for economic stability had resulted in increased migration",
            "1",
            "",
        ),
        (
            "migration-displacement",
            "people forced to migrate could easily be targeted by traffickers",
            "both",
            "",
        ),
        (
            "human-rights-based",
            "the positive shift towards a human-rights-based approach in combating trafficking "
            "and assisting victims",
            "both",
            "",
        ),
        ("protection", "non-discriminatory assistance mechanisms for victims", "1", ""),
    ],
    47: [
        (
            "poverty-inequality",
            "intertwining problems of poverty, conflict, ease of travel and demand for cheap "
            "labour",
            "both",
            "",
        ),
        (
            "conflict-insecurity",
            "intertwining problems of poverty, conflict, ease of travel and demand for cheap "
            "labour",
            "1",
            "",
        ),
        (
            "unemployment-labour",
            "demand for cheap labour",
            "1",
            "Labour demand, not the demand code (commercial sex).",
        ),
        ("demand", "demand for cheap labour", "2", ""),
        ("protection", "facilitated the recovery and reintegration of victims", "both", ""),
        ("partnership", "partnerships, cooperation and funding", "1", ""),
        ("victim-centred", "victims-centred and gender-centred approaches", "both", ""),
        ("gender-specific", "victims-centred and gender-centred approaches", "1", ""),
    ],
    48: [
        ("migration-displacement", "internal displacement, migration", "both", ""),
        ("migration-displacement", "the effects of climate change", "1", ""),
        ("poverty-inequality", "foreign debt", "1", ""),
        ("unemployment-labour", "unemployment", "both", ""),
    ],
    49: [
        (
            "partnership",
            "better engagement with the private sector",
            "both",
            "PeaceWomen credits Mexico with a point on consumerist societies; this release does "
            "not carry it.",
        ),
    ],
    50: [
        ("victim-centred", '"Not all victims are the same,"', "1", ""),
        ("protection", "provide a variety of support services", "both", ""),
    ],
    51: [
        ("partnership", "deepened partnerships between origin and transit countries", "both", ""),
    ],
    52: [
        ("technology-online", "the practice of luring trafficking victims online", "both", ""),
        ("prevention", "use social media channels to raise awareness", "both", ""),
    ],
    53: [
        (
            "child-centred",
            "children must be placed at the centre of anti-trafficking efforts",
            "both",
            "",
        ),
        (
            "protection",
            "all children were entitled to protection under the Convention on the Rights of the "
            "Child",
            "1",
            "",
        ),
        (
            "migration-displacement",
            "8 out of 10 young migrants in the Mediterranean route had reported exploitation",
            "1",
            "",
        ),
    ],
    54: [
        ("judicial-cooperation", "benchmark national anti-trafficking legislation", "1", ""),
        (
            "training-officials",
            "the training of magistrates, police, airline staff, border guards and other "
            "critical personnel",
            "both",
            "",
        ),
    ],
    55: [
        ("migration-displacement", "the special risks faced by refugees and migrants", "both", ""),
        ("protection", "identify those in special need of protection", "both", ""),
        ("child-centred", "guardians should be appointed to unaccompanied minors", "1", ""),
        (
            "safe-migration-channels",
            "might be legally entitled to status as refugees or asylum-seekers",
            "both",
            "",
        ),
    ],
    56: [
        ("protection", "provide them with financial and legal resources", "both", ""),
    ],
    57: [
        ("human-rights-based", "a human-rights-based approach was critical", "both", ""),
        ("training-officials", "required training at many levels", "1", ""),
    ],
    58: [
        ("victim-centred", '"there is no one-size-fits-all" support for victims', "2", ""),
        ("poverty-inequality", "such push factors as poverty and poor governance", "both", ""),
        ("governance-impunity", "such push factors as poverty and poor governance", "1", ""),
    ],
}

# (who, title, codes, rationale): the analysts' recorded missed opportunities.
MISSED = [
    (
        "1",
        "Women's access to justice",
        ["access-to-justice"],
        "No speaker asked for legal remedies, compensation or justice for women survivors; the "
        "Trust Fund's 'redress in court' (statement 45) is not about women. PeaceWomen: the "
        "discussion 'lacked a legal aspect to women's rehabilitation'.",
    ),
    (
        "1",
        "Survivors in developing policy",
        ["survivor-policy-role"],
        "Only the Goodwill Ambassador (statement 4) and the Panel II chair (statement 44) asked "
        "for survivors to shape policy; no Member State did.",
    ),
    (
        "1",
        "Women as agents of change",
        ["women-as-agents"],
        "Apart from the Special Representative's grass-roots women's organizations (statement 35), "
        "women appear only as victims.",
    ),
    (
        "2",
        "Women's access to justice",
        ["access-to-justice"],
        "Justice is discussed as prosecution of traffickers, never as a remedy for women.",
    ),
    (
        "2",
        "Sex- and age-disaggregated data",
        ["disaggregated-data"],
        "Only UN-Women, the ILO and the Coalition against Trafficking in Women touched on data "
        "by sex and age; no State committed to collecting it.",
    ),
    (
        "2",
        "Safe and legal migration channels",
        ["safe-migration-channels"],
        "A few speakers named legal channels; none mentioned humanitarian visas or resettlement.",
    ),
]

SPACE, HYPHEN, QUOTE, APOSTROPHE = (
    r"\s+",
    "[-\u2010\u2011\u2012\u2013\u2014]",
    '["\u201c\u201d]',
    "['\u2018\u2019]",
)


def passage_pattern(passage: str) -> re.Pattern:
    parts = []
    for char in passage:
        if char == " ":
            parts.append(SPACE)
        elif char in "-\u2011":
            parts.append(HYPHEN)
        elif char in '"\u201c\u201d':
            parts.append(QUOTE)
        elif char in "'\u2019":
            parts.append(APOSTROPHE)
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts).replace(f"{SPACE}{SPACE}", SPACE))


def locate(text: str, passage: str, where: str) -> tuple[int, int]:
    matches = list(passage_pattern(passage).finditer(text))
    if not matches:
        sys.exit(f"{where}: passage not found: {passage!r}")
    if len(matches) > 1:
        sys.exit(f"{where}: passage found {len(matches)} times, make it longer: {passage!r}")
    return matches[0].start(), matches[0].end()


def load(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def build() -> list[dict]:
    statements = {
        r["fields"]["order"]: r for r in load(MEETING_FIXTURE) if r["model"] == "tracker.statement"
    }
    codes = {
        r["fields"]["slug"]: r for r in load(CODEBOOK_FIXTURE) if r["model"] == "annotations.code"
    }
    records = [
        {
            "model": "auth.user",
            "fields": {
                "username": username,
                "first_name": "Demo",
                "last_name": f"analyst {number} (demo data)",
                "password": "!demo-account-without-password",
                "is_active": True,
            },
        }
        for number, username in ANALYSTS.items()
    ]
    for order, codings in CODING.items():
        statement = statements[order]
        text = statement["fields"]["text"]
        for slug, passage, who, memo in codings:
            code = codes[slug]
            if (passage is None) != code["fields"]["statement_level"]:
                sys.exit(
                    f"statement {order}: {slug} is {'not ' * (passage is None)}statement-level"
                )
            if passage is None:
                start = end = None
                quote = prefix = suffix = ""
            else:
                start, end = locate(text, passage, f"statement {order} ({slug})")
                quote = text[start:end]
                prefix, suffix = (
                    text[max(0, start - CONTEXT_CHARS) : start],
                    text[end : end + CONTEXT_CHARS],
                )
            for number in ("1", "2") if who == "both" else (who,):
                records.append(
                    {
                        "model": "annotations.annotation",
                        "fields": {
                            "statement": statement["pk"],
                            "code": code["pk"],
                            "analyst": [ANALYSTS[number]],
                            "start": start,
                            "end": end,
                            "quote": quote,
                            "prefix": prefix,
                            "suffix": suffix,
                            "memo": memo,
                            "source": "manual",
                            "created": CODED_AT,
                            "updated": CODED_AT,
                        },
                    }
                )
    meeting = next(r for r in load(MEETING_FIXTURE) if r["model"] == "tracker.meeting")
    for who, title, slugs, rationale in MISSED:
        records.append(
            {
                "model": "annotations.missedopportunity",
                "fields": {
                    "meeting": meeting["pk"],
                    "analyst": [ANALYSTS[who]],
                    "title": title,
                    "codes": [codes[slug]["pk"] for slug in slugs],
                    "rationale": rationale,
                    "created": CODED_AT,
                    "updated": CODED_AT,
                },
            }
        )
    return records


def main() -> None:
    records = build()
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    annotations = [r for r in records if r["model"] == "annotations.annotation"]
    per_analyst = {
        name: sum(r["fields"]["analyst"] == [name] for r in annotations)
        for name in ANALYSTS.values()
    }
    print(
        f"Wrote {TARGET.relative_to(ROOT)}: {len(annotations)} annotations {per_analyst}, "
        f"{len(MISSED)} missed opportunities."
    )


if __name__ == "__main__":
    main()
