"""The UN Meetings Coverage press release (GA/…, SC/…, WOM/…): its parser and the pieces
only it needs (paragraph kinds, speaker openings, panels, the registry of speakers)."""

from .parser import parse_press_release

__all__ = ["parse_press_release"]
