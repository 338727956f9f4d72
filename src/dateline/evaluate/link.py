"""Score linking on labelled mentions (EVALUATION.md section 2d).

The labelled file is JSONL, one record per text (an article or a sentence):
``id``, ``text``, ``published`` (ISO day) and ``cluster``, the real event the
text reports; records of one cluster report one act, records of different
clusters report different acts. The records are ingested, as articles, into
a temporary store; every stored event is read back with the records its
mentions come from, and scored against the clusters:

- pair precision / recall / F1 over pairs of records that have an event: a
  pair is linked when the two records share an event, and belongs together
  when they share a cluster;
- B-cubed precision / recall / F1 over the same records (each record's
  predicted group: the records sharing an event with it);
- false merges: events joining mentions of records of different clusters,
  as a share of events (with one record a cluster, as the PLOVER sentences
  are: events joining different sentences) [held out: <= 1%];
- crowded roles: events listing three or more actors in one role when none
  of their mentions does [<= 2%]; the share listing three or more at all
  is printed beside it.

The last two need no labels beyond which record a mention comes from.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from ..coder.labels import json_records
from ..errors import SourceError
from ..models import Event
from ..settings import Settings

__all__ = ["LinkRecord", "LinkReport", "evaluate_link", "read_link_records", "score_link"]

# An event with this many actors in one role lists "a crowd" (EVALUATION.md 2d).
CROWD = 3


@dataclass(frozen=True)
class LinkRecord:
    """One labelled text: its id, text, publication day and the real event it reports."""

    id: str
    text: str
    published: str | None
    cluster: str


def read_link_records(path: Path) -> list[LinkRecord]:
    """The records of a labelled JSONL file; a bad line raises with its number."""
    records: list[LinkRecord] = []
    seen: set[str] = set()
    for number, where, record in json_records(path, "link labels"):
        key, text = str(record.get("id") or number), record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise SourceError("no 'text'", source=where)
        if key in seen:
            raise SourceError(f"duplicate id {key!r}", source=where)
        seen.add(key)
        published = record.get("published")
        records.append(
            LinkRecord(key, text.strip(), str(published) if published else None,
                       str(record.get("cluster") or key))
        )  # fmt: skip
    return records


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class LinkReport:
    """Pair and B-cubed scores, false merges and crowded roles."""

    records: int
    records_with_event: int
    events: int
    gold_pairs: int
    pairs: Scores
    bcubed: Scores
    false_merges: int
    crowded: int
    three_or_more: int
    examples: tuple[str, ...] = ()

    @property
    def false_merge_share(self) -> float:
        return _share(self.false_merges, self.events)

    @property
    def crowded_share(self) -> float:
        return _share(self.crowded, self.events)

    @property
    def three_or_more_share(self) -> float:
        return _share(self.three_or_more, self.events)

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "records_with_event": self.records_with_event,
            "events": self.events,
            "gold_pairs": self.gold_pairs,
            "pairs": self.pairs.to_dict(),
            "bcubed": self.bcubed.to_dict(),
            "false_merges": self.false_merges,
            "false_merge_share": round(self.false_merge_share, 4),
            "crowded_roles": self.crowded,
            "crowded_role_share": round(self.crowded_share, 4),
            "three_or_more_in_a_role_share": round(self.three_or_more_share, 4),
            "false_merge_examples": list(self.examples),
        }

    def table(self) -> str:
        lines = [
            f"records {self.records} ({self.records_with_event} with an event), "
            f"events {self.events}, gold pairs {self.gold_pairs}",
            "",
            f"{'measure':<14} {'prec':>6} {'recall':>6} {'F1':>6}",
            f"{'pairs':<14} {self.pairs.precision:>6.3f} {self.pairs.recall:>6.3f} "
            f"{self.pairs.f1:>6.3f}",
            f"{'B-cubed':<14} {self.bcubed.precision:>6.3f} {self.bcubed.recall:>6.3f} "
            f"{self.bcubed.f1:>6.3f}",
            "",
            f"false merges   {self.false_merge_share:.3f} ({self.false_merges} events)"
            "   [held out <= 0.01]",
            f"crowded roles  {self.crowded_share:.3f} ({self.crowded} events)   [<= 0.02]",
            f"3+ in a role   {self.three_or_more_share:.3f} ({self.three_or_more} events)",
        ]
        if self.examples:
            lines += ["", "false merges (first few):", *(f"  {e}" for e in self.examples)]
        return "\n".join(lines)


def _share(part: float, whole: int) -> float:
    return part / whole if whole else 0.0


def score_link(
    events: Iterable[Event],
    mention_records: Mapping[str, Sequence[str]],
    clusters: Mapping[str, str],
    mention_actors: Mapping[str, tuple[int, int]] | None = None,
) -> LinkReport:
    """Score stored ``events`` against the gold ``clusters`` (record id -> cluster).

    ``mention_records``: event id -> the record of each of its mentions.
    ``mention_actors``: event id -> the most actors and the most recipients one
    of its mentions lists (for crowded roles; without it, every event listing
    three or more in a role counts as crowded).
    """
    events = list(events)
    record_events: dict[str, set[str]] = defaultdict(set)
    false_merges = crowded = three = 0
    examples: list[str] = []
    for event in events:
        records = sorted(set(mention_records.get(event.id, ())))
        for record in records:
            record_events[record].add(event.id)
        told = sorted({clusters.get(r, r) for r in records})
        if len(told) > 1:
            false_merges += 1
            if len(examples) < 8:
                examples.append(f"{event.id} {event.type}: {', '.join(records[:6])}")
        most = max(len(event.actors), len(event.recipients))
        if most >= CROWD:
            three += 1
            own = (mention_actors or {}).get(event.id, (0, 0))
            if len(event.actors) > max(own[0], CROWD - 1) or len(event.recipients) > max(
                own[1], CROWD - 1
            ):
                crowded += 1
    with_event = sorted(record_events)
    members: dict[str, list[str]] = defaultdict(list)
    for record in with_event:
        members[clusters.get(record, record)].append(record)
    linked = together = correct = 0
    for a, b in combinations(with_event, 2):
        joined = bool(record_events[a] & record_events[b])
        same = clusters.get(a, a) == clusters.get(b, b)
        linked += joined
        together += same
        correct += joined and same
    precision_sum = recall_sum = 0.0
    for record in with_event:
        predicted = {r for r in with_event if record_events[r] & record_events[record]}
        gold = set(members[clusters.get(record, record)])
        precision_sum += len(predicted & gold) / len(predicted)
        recall_sum += len(predicted & gold) / len(gold)
    count = len(with_event)
    return LinkReport(
        records=len(clusters),
        records_with_event=count,
        events=len(events),
        gold_pairs=together,
        pairs=Scores(_share(correct, linked) if linked else 1.0, _share(correct, together)
                     if together else 1.0),
        bcubed=Scores(_share(precision_sum, count), _share(recall_sum, count)),
        false_merges=false_merges,
        crowded=crowded,
        three_or_more=three,
        examples=tuple(examples),
    )  # fmt: skip


def evaluate_link(path: Path, settings: Settings, *, progress: bool = False) -> LinkReport:
    """Ingest the records of a labelled file into a temporary store and score its events."""
    from ..api import Store

    records = read_link_records(path)
    clusters = {record.id: record.cluster for record in records}
    with tempfile.TemporaryDirectory(prefix="dateline-link-") as folder:
        source = Path(folder) / "records.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for record in records:
                row = {"id": record.id, "text": record.text, "published": record.published}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        store = Store(settings.replace(db=f"sqlite:///{Path(folder) / 'link.db'}"))
        try:
            store.ingest([str(source)], progress=progress)
            record_of = {article.id: article.file for article in store.articles()}
            mention_records: dict[str, list[str]] = defaultdict(list)
            mention_actors: dict[str, tuple[int, int]] = {}
            for article_id, file in record_of.items():
                found = store.article(article_id)
                for linked in found.mentions if found else ():
                    if linked.event_id is None:
                        continue
                    mention_records[linked.event_id].append(_record_id(file))
                    mine = (len(linked.mention.actors), len(linked.mention.recipients))
                    own = mention_actors.get(linked.event_id, (0, 0))
                    mention_actors[linked.event_id] = (max(own[0], mine[0]), max(own[1], mine[1]))
            events = list(store.iter_events(include_negated=True))
        finally:
            store.close()
    return score_link(events, mention_records, clusters, mention_actors)


def _record_id(file: str) -> str:
    """The record id an article's ``file`` names (the JSONL reader may prefix the file)."""
    return file.rsplit(":", 1)[-1] if ":" in file else file
