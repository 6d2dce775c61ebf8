"""Small releases in the shapes the importer must handle besides GA/11955: a Security
Council open debate, a CSW session, a saved press.un.org page, a news site's speech.
Written for the tests; the speakers are illustrative. One paragraph a line, as copied
from the web page, so lines are long."""

# ruff: noqa: E501

SECURITY_COUNCIL = """\
Security Council
8649th Meeting (resumed) (PM)
SC/13553
25 October 2018

Women’s Participation Key to Lasting Peace, Speakers Tell Security Council as Open Debate Resumes

Implementation of Resolution 1325 (2000) Remains Uneven, Several Delegates Say

The Security Council today resumed its annual open debate on women and peace and security.

Briefings

PHUMZILE MLAMBO-NGCUKA, Executive Director of the United Nations Entity for Gender Equality and the Empowerment of Women (UN-Women), said that women remained excluded from peace tables.  She called for quotas.

“We cannot wait another 18 years,” she added, urging Member States to fund women’s organizations.

Statements

The representative of France said his country would double its funding for women’s organizations.

KAREL VAN OOSTEROM (Netherlands), speaking on behalf of the Group of Friends of Women, Peace and Security, said that the agenda was a priority.  He stressed accountability.

Speaking in his national capacity, he said the Netherlands supported women mediators.

The representative of Côte d’Ivoire emphasized the role of women in reconciliation, noting that her Government had adopted a national action plan.

Speaking in explanation of position, the representative of the Russian Federation said the Council should not duplicate the work of other bodies.

Also speaking were the representatives of Peru, Poland and Kuwait.

The meeting began at 3 p.m. and ended at 6:15 p.m.

For information media. Not an official record.
"""

COMMISSION_ON_THE_STATUS_OF_WOMEN = """\
Commission on the Status of Women
Sixty-second Session, 2nd & 3rd Meetings* (AM & PM)
WOM/2138
12 March 2018

Rural Women Must Be at Centre of Development Efforts, Speakers Stress as Commission Opens Session

Opening Statements

GERALDINE BYRNE NASON (Ireland), Chair of the Commission on the Status of Women, said the Commission would focus on rural women and girls.

ANTÓNIO GUTERRES, Secretary-General of the United Nations, said that rural women were a powerful force for development.  He pledged gender parity across the United Nations system.

General Discussion

MARÍA FERNANDA ESPINOSA GARCÉS, Minister for Foreign Affairs of Ecuador, speaking on behalf of the Group of 77 and China, said rural women faced structural barriers.  She called for land rights.

Ms. BYRNE NASON said the Commission would hear from 80 ministers.

ABDULLAH BIN HAMAD AL-THANI, Minister of State of Qatar, said his country had expanded social protection.

Mr. DE LA ROSA said women farmers needed credit.

* The 1st Meeting was covered in Press Release WOM/2137.

For information media. Not an official record.
"""

SAVED_PAGE = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Council Extends Mission Mandate | Meetings Coverage and Press Releases</title>
<link rel="canonical" href="https://press.un.org/en/2018/sc13554.doc.htm">
<style>.alert { color: red }</style>
<script>var ignored = "MIROSLAV LAJČÁK (Slovakia) said";</script></head>
<body>
<a href="#main">Skip to main content</a>
<nav><ul><li>Welcome to the United Nations</li><li>Secretary-General</li>
<li>General Assembly</li><li>Security Council</li></ul></nav>
<div class="sidebar"><h3>In progress at UNHQ</h3><p>Human Rights Council</p></div>
<main>
<div class="header">Security Council<br>8650th Meeting (AM)<br>SC/13554</div>
<div class="date">26 October 2018</div>
<h1>Council Extends Mission Mandate</h1>
<h2>Briefer Urges Support for Women Peacebuilders in Somalia</h2>
<p>The Security Council this morning heard a briefing on Somalia.</p>
<h3>Briefing</h3>
<p>JANE   SMITH-JONES, Special Representative of the Secretary-General and Head of the
United Nations Mission in Somalia (UNSOM), said that women&rsquo;s participation&nbsp;had grown.</p>
<p>She added that elections were planned.</p>
<h3>Statements</h3>
<p>The representative of the United Kingdom said his delegation welcomed the report.</p>
<p>For information media. Not an official record.</p>
</main>
<footer><p>Share</p><p>Copyright United Nations</p></footer>
</body></html>
"""

CAPITALISED_HEADER = """\
Meetings Coverage and Press Releases
SEVENTY-EIGHTH SESSION, 45TH & 46TH MEETINGS (AM & PM)
GA/12555
20 November 2023

Assembly Hears Calls to End Violence against Women and Girls

Sima Bahous, Executive Director of UN-Women, said violence against women was a pandemic.

Statements

The representative of Chile said her country had passed a law against femicide.

Ms. BAHOUS said funding must follow commitments.

For information media. Not an official record.
"""
