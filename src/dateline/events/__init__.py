"""The ``events`` stage: PLOVER event mentions from parsed sentences.

The rule reader lives here: :mod:`.triggers` (the lexicon's acts),
:mod:`.roles` and :mod:`.role_model` (who did it to whom), :mod:`.status`,
:mod:`.magnitude` and :mod:`.ontology`; :mod:`.mentions` runs them, with the
learned coder of :mod:`dateline.coder`, over a parsed document, and
:mod:`.coding` turns the mentions into coded events with the other stages.
"""

from ..coder import EventCoder
from .mentions import find_mentions
from .ontology import EventType, event_type, event_types
from .status import is_historical
from .values import EventMention, EventTrigger, Magnitude, RoleSpans, StatusInfo

__all__ = [
    "EventCoder",
    "EventMention",
    "EventTrigger",
    "EventType",
    "Magnitude",
    "RoleSpans",
    "StatusInfo",
    "event_type",
    "event_types",
    "find_mentions",
    "is_historical",
]
