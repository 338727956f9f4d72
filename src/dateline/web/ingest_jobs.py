"""Ingests from the browser run in the background, so that a page can show how far one
has gone.

1. :meth:`IngestJobs.start` runs :meth:`~dateline.api.Store.ingest` on the
   saved uploads in a thread, one ingest at a time (a later one waits its
   turn), told each input read and each article analysed;
2. the job's page (``/ingest/{id}``, :mod:`.uploads`) shows a progress bar
   while it runs, then the report;
3. the folder of the uploads is removed when the ingest ends; the latest
   :data:`KEPT` jobs are remembered (their reports), older ones forgotten.
"""

from __future__ import annotations

import logging
import re
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from tempfile import TemporaryDirectory

from ..api import Store
from ..pipeline import IngestReport

__all__ = ["KEPT", "IngestJob", "IngestJobs"]

log = logging.getLogger(__name__)

KEPT = 20  # jobs remembered, running or done
_TURN = threading.Lock()  # one ingest at a time, whichever app runs it
# Reading the inputs is quick; analysing them is most of the work.
_READING_SHARE = 10


@dataclass
class IngestJob:
    """One ingest from the browser: what it was given and how far it has gone.

    ``step`` is "waiting" (for another ingest to end), "reading", "analysing",
    "done" or "failed"; ``done`` of ``total`` counts the inputs read, then the
    articles analysed.
    """

    id: str
    names: list[str]
    folder: str
    step: str = "waiting"
    done: int = 0
    total: int = 0
    report: IngestReport | None = None
    error: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def advance(self, step: str, done: int, total: int) -> None:
        """What :meth:`Store.ingest` tells of its progress."""
        with self.lock:
            self.step, self.done, self.total = step, done, total

    @property
    def finished(self) -> bool:
        return self.step in ("done", "failed")

    @property
    def percent(self) -> int:
        """How far the whole ingest has gone, 0 to 100."""
        with self.lock:
            step, done, total = self.step, self.done, self.total
        share = done / total if total else 0.0
        if step == "reading":
            return round(_READING_SHARE * share)
        if step == "analysing":
            return _READING_SHARE + round((100 - _READING_SHARE) * share)
        return 100 if self.finished else 0

    def shown(self, lines: tuple[str, ...]) -> list[str]:
        """Report lines with the saved files' paths replaced by the names the user gave
        (each upload was saved as ``FOLDER/N/its name``)."""
        folder = re.escape(self.folder)
        return [re.sub(rf"{folder}/(?:[0-9]+/)?", "", line) for line in lines]


class IngestJobs:
    """The app's ingest jobs: started, then looked up by id."""

    def __init__(self) -> None:
        self._jobs: OrderedDict[str, IngestJob] = OrderedDict()
        self._lock = threading.Lock()

    def start(
        self, store: Store, folder: TemporaryDirectory[str], paths: list[str], names: list[str]
    ) -> IngestJob:
        """Ingest ``paths`` (saved in ``folder``, removed at the end) in the background."""
        job = IngestJob(secrets.token_urlsafe(12), names, folder.name)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEPT:
                oldest = next(iter(self._jobs))
                if not self._jobs[oldest].finished:
                    break  # never forget a running job
                del self._jobs[oldest]
        worker = threading.Thread(
            target=_run, args=(job, store, folder, paths), name=f"ingest-{job.id}", daemon=True
        )
        worker.start()
        return job

    def get(self, job_id: str) -> IngestJob | None:
        with self._lock:
            return self._jobs.get(job_id)


def _run(job: IngestJob, store: Store, folder: TemporaryDirectory[str], paths: list[str]) -> None:
    try:
        with _TURN:
            job.advance("reading", 0, len(paths))
            report = store.ingest(paths, on_progress=job.advance)
        job.report = report
        job.advance("done", job.done, job.total)
    except Exception as error:  # noqa: BLE001 - the job's page says it failed; the log says why
        log.exception("ingest %s failed", job.id)
        job.error = f"the ingest failed: {type(error).__name__}: {error}"
        job.advance("failed", job.done, job.total)
    finally:
        folder.cleanup()
