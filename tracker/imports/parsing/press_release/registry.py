"""The speakers a release names: registered when introduced (in capitals, in the summary,
in a panel's introduction), resolved when mentioned again ("Ms. SEN"), and at the end given
a gender and a type from everything the release says about them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..affiliation import speaker_type
from ..gazetteer import normalise_space
from ..names import gender_from_pronouns, honorific_gender, name_key, proper_case
from ..records import PRESIDING_OFFICER, SURVIVOR, UNKNOWN, ImportWarning, Speaker
from .speakers import Opening


@dataclass
class Person:
    name: str
    key: tuple[str, ...]
    role: str = ""
    delegation: str = ""
    honorific_gender: str = UNKNOWN
    descriptors: list[str] = field(default_factory=list)
    female: int = 0
    male: int = 0
    last_seen: int = 0

    def merge(self, *, role: str = "", delegation: str = "") -> None:
        self.role = self.role or role
        self.delegation = self.delegation or delegation

    def count_pronouns(self, female: int, male: int) -> None:
        self.female += female
        self.male += male


class SpeakerRegistry:
    def __init__(self, warnings: list[ImportWarning]):
        self.people: list[Person] = []
        self.warnings = warnings
        self.clock = 0

    def seen(self, person: Person) -> None:
        """The person speaks now: a later ambiguous mention prefers the latest speaker."""
        self.clock += 1
        person.last_seen = self.clock

    def register(
        self, name: str, *, role: str = "", delegation: str = "", authoritative: bool = False
    ) -> Person:
        key = name_key(name)
        for person in self.people:
            if person.key == key:
                if authoritative:
                    # The speaker's own attribution line is the authority on their role.
                    person.role = role or person.role
                    person.delegation = delegation or person.delegation
                else:
                    person.merge(role=role, delegation=delegation)
                return person
        person = Person(name=normalise_space(name), key=key, role=role, delegation=delegation)
        self.people.append(person)
        return person

    def resolve(self, opening: Opening, *, order: int) -> Person:
        key = name_key(opening.name)
        matches = [p for p in self.people if p.key[-len(key) :] == key]
        if matches:
            person = max(matches, key=lambda p: p.last_seen)
            if len({p.key for p in matches}) > 1:
                names = ", ".join(sorted(p.name for p in matches))
                self.warnings.append(
                    ImportWarning(
                        f"{opening.honorific}. {opening.name} could be any of {names}; "
                        f"the most recent speaker, {person.name}, was chosen.",
                        statement=order,
                    )
                )
            person.merge(role=opening.role, delegation=opening.delegation)
            return person
        person = self.register(
            proper_case(opening.name), role=opening.role, delegation=opening.delegation
        )
        self.warnings.append(
            ImportWarning(
                f"{opening.honorific}. {opening.name} was not introduced earlier in the "
                f"release; imported as “{person.name}”. Add the full name if you know it.",
                statement=order,
                field="speaker_name",
            )
        )
        return person

    def presiding_officer(self) -> Person | None:
        presiding = [
            p for p in self.people if speaker_type(role=p.role, delegation="") == PRESIDING_OFFICER
        ]
        return max(presiding, key=lambda p: p.last_seen) if presiding else None

    def set_honorific(self, person: Person, honorific: str) -> None:
        gender = honorific_gender(honorific)
        if gender == UNKNOWN:
            return
        if person.honorific_gender not in (UNKNOWN, gender):
            self.warnings.append(
                ImportWarning(f"{person.name} is called both Mr. and Ms. in the release.")
            )
        person.honorific_gender = gender

    def speaker(self, person: Person) -> Speaker:
        from_pronouns = gender_from_pronouns(person.female, person.male)
        gender = person.honorific_gender
        if gender == UNKNOWN:
            gender = from_pronouns
        elif from_pronouns not in (UNKNOWN, gender):
            self.warnings.append(
                ImportWarning(
                    f"The release calls {person.name} by a {gender} honorific but mostly uses "
                    f"{from_pronouns} pronouns; the honorific was kept."
                )
            )
        descriptor = " ".join(person.descriptors)
        kind = speaker_type(role=person.role, delegation=person.delegation, descriptor=descriptor)
        if (
            kind not in (SURVIVOR, PRESIDING_OFFICER)
            and speaker_type(role="", delegation="", descriptor=descriptor) == SURVIVOR
        ):
            kind = SURVIVOR
        return Speaker(name=person.name, gender=gender, type=kind)
