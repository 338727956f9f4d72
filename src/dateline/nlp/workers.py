"""Parse worker processes that never outlive their parent and never wedge it.

spaCy's own ``nlp.pipe(n_process=N)`` leaves its workers running when the
parent is killed, and a parent that stops reading (an exception in the code
consuming the docs) waits at exit for workers blocked on a full pipe. Here:

1. each worker asks the kernel to kill it when its parent dies
   (``PR_SET_PDEATHSIG`` on Linux) and, everywhere, watches its parent's pid
   from a thread, so SIGKILL or SIGTERM of the parent ends it;
2. workers ignore SIGINT: Ctrl-C reaches the whole process group, and the
   parent alone decides what happens next;
3. batches go out through queues (whose feeder threads never block the
   parent) and come back in order, each worker with queues of its own so
   that one dying mid-write cannot jam the others; at most two batches per
   worker are in flight, so memory stays bounded;
4. whatever way the parent stops reading (done, exception, generator closed),
   the workers are terminated, then killed, and the queues are dropped
   without waiting on their pipes;
5. a worker that dies (killed for memory, a crash in native code) fails only
   the texts it held; a fresh worker takes its place.

A text that fails to parse is that text's failure (:class:`Parsed` with an
``error``), never the batch's.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any

__all__ = ["Parsed", "parse_in_workers"]

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 0.5
_IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True)
class Parsed:
    """One text's parse: the doc (serialised when it comes from a worker), or why it failed."""

    doc: Any = None  # a spaCy Doc, or its bytes on the way back from a worker
    error: str | None = None
    notes: tuple[str, ...] = ()


# A function parsing a batch of texts in the worker: texts in, one Parsed each out.
BatchParser = Callable[[list[str]], list[Parsed]]


def watch_parent(parent: int) -> None:
    """Make this process die with ``parent``: by the kernel's signal on Linux, else by a
    thread that polls the parent's pid."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl on this libc
            pass
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)

    def poll() -> None:
        while os.getppid() == parent:
            time.sleep(_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=poll, name="dateline-parent-watch", daemon=True).start()


def _work(
    make_parser: Callable[[], BatchParser],
    tasks: multiprocessing.Queue[Any],
    results: multiprocessing.Queue[Any],
    parent: int,
) -> None:
    """A worker's life: parse batches until told to stop or the parent is gone."""
    watch_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parse_batch = make_parser()
    while True:
        task = tasks.get()
        if task is None:
            break
        number, texts = task
        try:
            parsed = parse_batch(texts)
        except Exception as error:  # the parser fails texts one by one; this is a last resort
            parsed = [Parsed(error=f"{type(error).__name__}: {error}") for _ in texts]
        results.put((number, parsed))


@dataclass
class _Worker:
    process: BaseProcess
    tasks: multiprocessing.Queue[Any]
    results: multiprocessing.Queue[Any]
    held: deque[tuple[int, list[str]]]  # batches sent and not answered, oldest first


class _Pool:
    """Workers fed batch by batch; batch ``k`` goes to worker ``k % n`` and back."""

    def __init__(self, context: BaseContext, make_parser: Callable[[], BatchParser], n: int):
        self._context = context
        self._make_parser = make_parser
        self._workers = [self._start() for _ in range(n)]
        self._failed: dict[int, list[Parsed]] = {}

    def _start(self) -> _Worker:
        tasks: multiprocessing.Queue[Any] = self._context.Queue()
        results: multiprocessing.Queue[Any] = self._context.Queue()
        process = self._context.Process(  # type: ignore[attr-defined]
            target=_work,
            args=(self._make_parser, tasks, results, os.getpid()),
            name="dateline-parse",
            daemon=True,
        )
        process.start()
        return _Worker(process, tasks, results, deque())

    def send(self, number: int, texts: list[str]) -> None:
        worker = self._workers[number % len(self._workers)]
        worker.held.append((number, texts))
        worker.tasks.put((number, texts))

    def receive(self, number: int) -> list[Parsed]:
        """The answer to batch ``number``, waiting for it; a dead worker's batches fail."""
        index = number % len(self._workers)
        while number not in self._failed:
            worker = self._workers[index]
            try:
                answered, parsed = worker.results.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if not worker.process.is_alive():
                    self._replace(index)
                continue
            except (EOFError, OSError, pickle.UnpicklingError):
                # Half an answer: the worker died writing it.
                worker.process.kill()
                worker.process.join(2)
                self._replace(index)
                continue
            worker.held.popleft()
            if answered == number:
                return list(parsed)
        return self._failed.pop(number)

    def _replace(self, index: int) -> None:
        """Fail the batch a dead worker was parsing; a new worker takes the ones it held."""
        worker = self._workers[index]
        reason = f"the parse worker died (exit code {worker.process.exitcode})"
        log.warning("%s; the texts it was parsing fail and a new worker goes on", reason)
        _drop_queue(worker.tasks)
        _drop_queue(worker.results)
        self._workers[index] = self._start()
        if not worker.held:
            return
        number, texts = worker.held.popleft()
        self._failed[number] = [Parsed(error=reason)] * len(texts)
        for number, texts in worker.held:
            self.send(number, texts)

    def close(self, *, wait: bool) -> None:
        """Stop the workers: let them finish (``wait``) or end them now."""
        if wait:
            for worker in self._workers:
                worker.tasks.put(None)
            deadline = time.monotonic() + 5
            for worker in self._workers:
                worker.process.join(max(0.0, deadline - time.monotonic()))
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.terminate()
        for worker in self._workers:
            worker.process.join(2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(2)
            _drop_queue(worker.tasks)
            _drop_queue(worker.results)


def _drop_queue(pipe: multiprocessing.Queue[Any]) -> None:
    # Never wait at exit for data nobody will read (the exit-time deadlock).
    pipe.cancel_join_thread()
    pipe.close()


def parse_in_workers(
    texts: Iterable[str],
    make_parser: Callable[[], BatchParser],
    *,
    n_process: int,
    batch_size: int,
) -> Iterator[Parsed]:
    """Parse ``texts`` in ``n_process`` worker processes, yielding one :class:`Parsed` per
    text, in order. ``make_parser`` runs in each worker and returns its batch parser."""
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = _Pool(multiprocessing.get_context(method), make_parser, n_process)
    finished = False
    try:
        source = iter(texts)
        sent = received = 0
        limit = n_process * _IN_FLIGHT_PER_WORKER
        while True:
            while sent - received < limit:
                batch = list(islice(source, batch_size))
                if not batch:
                    break
                pool.send(sent, batch)
                sent += 1
            if received == sent:
                break
            yield from pool.receive(received)
            received += 1
        finished = True
    finally:
        pool.close(wait=finished)
