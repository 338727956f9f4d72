"""The terminal view of a timeline: one line an event, its sources after it."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from ..actors import Actor
from ..models import Event

__all__ = ["render_events"]


def render_events(events: Iterable[Event], *, width: int = 100, sources: bool = True) -> str:
    """Events as lines a person reads down, newest last.

    ``2020-11-24  CONSULT/phone  KEN William Ruto + ETH Abiy Ahmed  (2 sources)``
    then, indented, each source: file, outlet and the evidence sentence.
    """
    lines: list[str] = []
    count = 0
    for event in events:
        count += 1
        lines.append(_headline(event))
        for note in event.disagreements:
            lines.append(f"      ! sources differ on {note}")
        if sources:
            for mention in event.mentions:
                where = ", ".join(part for part in (mention.file, mention.outlet) if part)
                quote = textwrap.shorten(mention.sentence, width=max(40, width - len(where) - 12))
                lines.append(f"      {where}: {quote}")
    lines.append(f"{count} event{'s' if count != 1 else ''}")
    return "\n".join(lines)


def _headline(event: Event) -> str:
    when = event.date or "????-??-??"
    if event.date_end:
        when += f"..{event.date_end}"
    if event.date_source == "published":
        when += "*"  # dated only by the article's publication day
    kind = event.type + (f"/{event.mode}" if event.mode else "")
    who = " + ".join(_actor(a) for a in event.actors) or "?"
    whom = " + ".join(_actor(a) for a in event.recipients)
    parts = [when.ljust(11), kind.ljust(20), who + (f" -> {whom}" if whom else "")]
    extras = []
    if event.status != "occurred":
        extras.append(event.status)
    if event.place_name:
        extras.append(f"in {event.place_name}")
    if event.magnitude:
        extras.append(", ".join(f"{key} {value}" for key, value in event.magnitude))
    extras.append(f"{event.sources} source{'s' if event.sources != 1 else ''}")
    return "  ".join(parts) + "  (" + "; ".join(extras) + ")"


def _actor(actor: Actor) -> str:
    label = actor.code if actor.sector in (None, "GOV") else f"{actor.code} {actor.sector}"
    return f"{label} {actor.name}" if actor.name else label
