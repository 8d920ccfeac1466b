"""What recognition finds: mentions, affiliation facts and the people they belong to."""

from __future__ import annotations

from dataclasses import dataclass, field



@dataclass
class Mention:
    label: str
    start: int
    end: int
    entity: str = ""  # person key or agency key


@dataclass
class Fact:
    person: str  # person key (full name, simplified)
    title: tuple[int, int] | None
    agency: tuple[int, int] | None
    former: bool = False
    order: int = 0


@dataclass
class Person:
    key: str  # simplified full name
    start: int  # first written full form (analysis offsets)
    end: int
    surname: str
    given: str
    name: str = ""  # as first written, in the report's characters
    titles: list[str] = field(default_factory=list)  # simplified base titles
    forms: list[tuple[int, int]] = field(default_factory=list)
