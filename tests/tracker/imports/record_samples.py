"""Small records in the shapes issue 13 names: a conference's preparatory committee with two
panels, co-chairs, list introductions and lead-in statements; a Security Council briefing;
a CSW release; a preliminary release; a Secretary-General's speech page with its sidebar
and topic tags; a whole saved page with menus, sidebar, related links and footer.
Written for the tests in UN Meetings Coverage style; the speakers are illustrative."""

# ruff: noqa: E501

PREPARATORY_COMMITTEE = """\
Fifth United Nations Conference on the Least Developed Countries
LDC5 Preparatory Committee
First Session, 2nd Meeting (PM)
DEV/3431
25 May 2021

Least Developed Countries Need Debt Relief, Vaccines to Recover from Pandemic, Speakers Tell Preparatory Committee

The Preparatory Committee for the Fifth United Nations Conference on the Least Developed Countries held two panel discussions today on the new programme of action.

Panel I

Co-chaired by Rabab Fatima (Bangladesh) and Robert Rae (Canada), the first panel featured Courtenay Rattray, High Representative for the Least Developed Countries, Landlocked Developing Countries and Small Island Developing States; Mariana Ruiz, Chair of the Youth Advisory Board of the Global Partnership for Education; and Dil Kumari Thapa, Joint Secretary, Ministry of Finance, Nepal.

Ms. FATIMA said the least developed countries had lost a decade of progress to the pandemic.

Mr. RATTRAY said debt service now consumed more than a quarter of their revenues.  He called for a debt moratorium.

Ms. RUIZ said one in three young people in the least developed countries had been out of school for a year.  She urged donors to invest in girls’ education.

Ms. THAPA said her Government had protected social spending despite falling remittances.

In the ensuing discussion, the representative of Guinea, Mr. Aly Diane, speaking on behalf of the Group of 77 and China, said the programme of action must be backed by finance.  He called for the reallocation of special drawing rights.

In the ensuing discussion, the representative of the United Nations Office on Drugs and Crime said illicit financial flows drained the resources of the least developed countries.

The representative of Haiti said her country’s recovery depended on vaccines reaching every island.

Also speaking were the representatives of Benin, the United Kingdom and Malawi.

Panel II

The second panel, moderated by Robert Rae (Canada), heard keynote addresses.  The keynote speakers were Ibrahim Thiaw, Executive Secretary of the United Nations Convention to Combat Desertification, and Grace Okello, Coordinator of the LDC Watch civil-society network.

Mr. THIAW said land degradation cost the least developed countries 10 per cent of their output.

Ms. OKELLO said civil society must be at the table when the programme is monitored.  She stressed the role of women farmers.

In the ensuing discussion, delegates called for stronger partnerships.

Mr. Roberto Ferrer (Dominican Republic), speaking on behalf of the Small Island Developing States, said climate finance must reach the most vulnerable.

For information media. Not an official record.
"""

SECURITY_COUNCIL_BRIEFING = """\
Security Council
9231st Meeting (AM)
SC/15052
7 December 2022

Women Peacebuilders Must Be Protected from Reprisals, Briefers Tell Security Council

Briefings

ROSEMARY DICARLO, Under-Secretary-General for Political and Peacebuilding Affairs, said reprisals against women who brief the Council were increasing.

MARIAM KOUYATÉ, President of the Women’s Network for Peace in the Sahel, said that she had been threatened after her last briefing.

Statements

The representative of the UK said his delegation would fund protection programmes.

The representative of the Bolivarian Republic of Venezuela said sanctions harmed women first.

The representative of the United Nations Entity for Gender Equality and the Empowerment of Women said her organization had documented 35 cases.

For information media. Not an official record.
"""

WOMEN_COMMISSION = """\
Commission on the Status of Women
Sixty-seventh Session, 5th Meeting (AM)
WOM/2220
8 March 2023

Technology Must Close, Not Widen, the Gender Gap, Commission Hears

General Discussion

The representative of the Republic of Türkiye said her Government had trained 100,000 women in coding.

A representative of the Holy See said that technology must serve the dignity of every person.

The observer for the State of Palestine said occupation cut women off from the digital economy.

SARAH HENDRIKS, Director of the Policy, Programme and Intergovernmental Division, UN-Women, said the digital gender gap cost low-income countries $1 trillion.

For information media. Not an official record.
"""

PRELIMINARY_RELEASE = """\
General Assembly
Seventy-seventh Session
12th Meeting (AM)

Assembly Opens High-Level Meeting on Gender Equality

Note: A complete summary of today’s General Assembly meeting will be made available after its conclusion.

Opening Remarks

CSABA KŐRÖSI (Hungary), President of the General Assembly, said that gender equality was a question of power.

AMINA J. MOHAMMED, Deputy Secretary-General of the United Nations, said the world was 300 years away from equality at the current pace.  She urged Member States to act.

Statements

The representative of Mexico said her country had adopted a feminist foreign policy.

For information media. Not an official record.
"""

SECRETARY_GENERAL_SPEECH = """\
Meetings Coverage and Press Releases
Secretary-General
SG/SM/21040
22 November 2021

Secretary-General Calls for Survivor-Centred Action against Trafficking

Following are UN Secretary-General António Guterres’ remarks to the high-level meeting on the appraisal of the Global Plan of Action to Combat Trafficking in Persons, in New York today:

Mr. President,

Excellencies,

Trafficking in persons is a crime that preys on the most vulnerable.

The pandemic has pushed millions more into poverty, and traffickers have moved online to recruit them.

We must put survivors at the centre of everything we do, and we must end impunity for those who profit from this crime.

Thank you.

For information media. Not an official record.

Related Documents

Topics

Human Trafficking

Women

Crime Prevention
"""

SPOKESPERSON_STATEMENT = """\
SG/SM/21041
23 November 2021

The following statement was issued today by the Spokesperson for UN Secretary-General António Guterres:

The Secretary-General welcomes the adoption of the Political Declaration on the Implementation of the United Nations Global Plan of Action to Combat Trafficking in Persons.

He calls on all Member States to implement it without delay.

For information media. Not an official record.
"""

SPEECH_WITHOUT_INTRODUCTION = """\
Statement at the high-level meeting on trafficking

Excellencies,

Thank you for this opportunity to speak on behalf of survivors.

Every year, tens of thousands of women and girls are trafficked across borders, and fewer than one in ten traffickers is convicted.

We must listen to survivors, fund the shelters they need and prosecute those who exploit them.

Share this page

Topics: Human trafficking, Gender equality
"""

SAVED_PAGE_WITH_SIDEBAR = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Speakers Call for Protection of Migrant Women | Meetings Coverage and Press Releases</title>
<link rel="canonical" href="https://press.un.org/en/2023/wom2221.doc.htm"></head>
<body>
<header id="site-header"><nav class="main-menu"><ul><li>Secretary-General</li><li>General Assembly</li><li>Security Council</li><li>Economic and Social Council</li></ul></nav></header>
<div class="breadcrumb">Home / Meetings Coverage / Commission on the Status of Women</div>
<main>
<div class="header">Commission on the Status of Women<br>Sixty-seventh Session, 6th Meeting (PM)<br>WOM/2221</div>
<div class="date">9 March 2023</div>
<h1>Speakers Call for Protection of Migrant Women</h1>
<p>The Commission on the Status of Women continued its general discussion this afternoon.</p>
<aside class="sidebar"><h2>In Focus</h2><p>Climate Change</p><p>Read the latest news from the General Assembly</p><ul><li>Daily Press Briefing</li><li>Press Conferences</li></ul></aside>
<h3>General Discussion</h3>
<p>The representative of the Philippines said her Government protected the rights of migrant domestic workers.</p>
<p>The representative of Côte d'Ivoire said his country had set up shelters on its borders.</p>
<p>For information media. Not an official record.</p>
<div class="field--name-field-topics tags"><h3>Topics</h3><a href="#">Migration</a> <a href="#">Women</a></div>
<section class="related-links"><h2>Related Documents</h2><p>Women and migration</p></section>
</main>
<footer class="site-footer"><p>United Nations</p><p>Terms of Use</p><p>Privacy Notice</p></footer>
</body></html>
"""

MENUS_IN_PLAIN_TEXT = """\
Welcome to the United Nations
Secretary-General
General Assembly
Security Council
Economic and Social Council
Commission on the Status of Women
Sixty-seventh Session, 7th Meeting (AM)
WOM/2222
10 March 2023

Commission Hears from Ministers on Women’s Digital Inclusion

The Commission on the Status of Women continued its general discussion today.

General Discussion

The representative of Chile said her country had connected every rural school.

In Focus
Climate Change
Daily Press Briefing
Press Conferences

The representative of Japan said his Government funded digital literacy for older women.

For information media. Not an official record.

Related Documents
Topics
Women
Technology
"""
