"""Small verbatim records in the conventions of the UN's records, as text: pages split
by form feeds, a blank line between paragraphs. Made up, not copied from a record."""

SECURITY_COUNCIL = """United Nations S/PV.9999
Security Council Provisional
Eightieth year
9999th meeting
Tuesday, 3 June 2025, 10 a.m.
New York

President: Ms. Rivera . . . . . . . . . . . . . . . . . . . . . (Guyana)
Members: Algeria . . . . . . . . . . . . . . . . . . . . . . . Mr. Bendjama
Denmark . . . . . . . . . . . . . . . . . . . . . . . . . . . Ms. Lassen
France . . . . . . . . . . . . . . . . . . . . . . . . . . . . Mr. Dharmadhikari

Agenda
Women and peace and security
Letter dated 20 May 2025 from the Permanent Representative of Guyana to the
United Nations addressed to the Secretary-General (S/2025/300)

This record contains the text of speeches delivered in English and of the translation of
speeches delivered in other languages. Corrections should be submitted to the original
languages only (verbatimrecords@un.org).
25-11111 (E)
*2511111*
\f
S/PV.9999 Women and peace and security 03/06/2025

The meeting was called to order at 10.05 a.m.

Adoption of the agenda

The agenda was adopted.

Women and peace and security

Letter dated 20 May 2025 from the Permanent Representative of Guyana to the United
Nations addressed to the Secretary-General (S/2025/300)

The President: In accordance with rule 39 of the Council's provisional rules of
procedure, I invite Ms. Sima Bahous, Executive Director of UN-Women, to participate
in this meeting.

I give the floor to Ms. Bahous.

Ms. Bahous: Women build peace every day. Their participa-
tion is not optional, and the Council must hear them.

Mr. Bendjama (Algeria) (spoke in Arabic): I speak on behalf of the three African members
of the Council. We welcome the report.

Ms. Lassen (Denmark), speaking on behalf of the Nordic countries: We thank the
briefer. Women must be at the table.

The President: I shall now make a statement in my capacity as the representative of
Guyana.

Guyana believes that women's leadership is essential.

I now resume my functions as President of the Council.

A vote was taken by show of hands.

In favour:

Algeria, Denmark, France

Against:

None

The President: The draft resolution has been adopted unanimously as resolution 2800 (2025).

The meeting rose at 11.10 a.m.
\f
03/06/2025 Women and peace and security S/PV.9999
25-11111 2/2
"""

GENERAL_ASSEMBLY = """United Nations A /79/ PV.12
General Assembly
Seventy-ninth session
12th plenary meeting
Wednesday, 25 September 2024, 3 p.m.
New York
Official Records

President: Mr. Yang . . . . . . . . . . . . . . . . . . . . . . . . (Cameroon)

In the absence of the President, Mrs. Lind (Estonia), Vice-President, took the Chair.

The meeting was called to order at 3.05 p.m.

Agenda item 8 (continued)

General debate

The Acting President: I now give the floor to the representative of Fiji, who will
speak on behalf of the Pacific small island developing States.

Mr. Rabuka (Fiji): Climate change is the greatest threat to our region's security.

The President returned to the Chair.

The President (spoke in French): I now call on His Excellency the Secretary-General.

The Secretary-General: Gender equality is unfinished business.

The meeting rose at 6 p.m.
\f
A/79/PV.12 25/09/2024
2 24-22222
"""

PRESS_RELEASE_LIKE = """Meetings Coverage and Press Releases
GA/12345
General Assembly
Seventy-ninth Session, 12th Meeting (AM & PM)

Speakers Stress Gender Equality

The General Assembly today continued its general debate. Speaking were the
representatives of Fiji and Estonia. (S/PV.9999 was cited.)
"""
