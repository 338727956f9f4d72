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
   parent) and come back in order through pipes the parent reads without
   ever blocking, each worker with channels of its own, so that one killed
   halfway through writing an answer leaves half an answer, not a parent
   waiting for the rest; at most two batches per worker are in flight, so
   memory stays bounded;
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
import struct
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any

__all__ = ["Parsed", "parse_in_workers"]

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 0.5
_IN_FLIGHT_PER_WORKER = 2
_HEADER = struct.Struct("!Q")  # an answer's length, before it
_READ_BYTES = 1 << 20


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
    results: Connection,
    parent: int,
) -> None:
    """A worker's life: parse batches until told to stop or the parent is gone."""
    watch_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    answers: queue.Queue[bytes | None] = queue.Queue()
    writer = threading.Thread(
        target=_write_answers, args=(answers, results.fileno()), name="dateline-answers"
    )
    writer.start()
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
        answers.put(pickle.dumps((number, parsed), protocol=pickle.HIGHEST_PROTOCOL))
    answers.put(None)
    writer.join()


def _write_answers(answers: queue.Queue[bytes | None], fd: int) -> None:
    """Write each answer, framed by its length, so that the worker parses on while the
    parent is busy (the parent holds at most two batches per worker in flight)."""
    while (answer := answers.get()) is not None:
        view = memoryview(_HEADER.pack(len(answer)) + answer)
        while view:
            view = view[os.write(fd, view) :]


class _Answers:
    """The parent's end of a worker's answers: read without ever blocking, so that a
    worker killed halfway through writing an answer leaves half a frame, not a hang
    (its pipe never ends: other workers forked later hold its write end too)."""

    def __init__(self, reader: Connection, writer: Connection):
        self.reader = reader
        self._writer = writer
        self._buffer = bytearray()
        os.set_blocking(reader.fileno(), False)

    def read(self) -> list[tuple[int, list[Parsed]]]:
        """Every whole answer readable now, in the order written."""
        while True:
            try:
                chunk = os.read(self.reader.fileno(), _READ_BYTES)
            except (BlockingIOError, InterruptedError):
                break
            if not chunk:
                break
            self._buffer += chunk
        found = []
        while len(self._buffer) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self._buffer)
            if len(self._buffer) < _HEADER.size + size:
                break
            frame = bytes(self._buffer[_HEADER.size : _HEADER.size + size])
            del self._buffer[: _HEADER.size + size]
            found.append(pickle.loads(frame))
        return found

    def close(self) -> None:
        self.reader.close()
        self._writer.close()


@dataclass
class _Worker:
    process: BaseProcess
    tasks: multiprocessing.Queue[Any]
    answers: _Answers
    held: deque[tuple[int, list[str]]]  # batches sent and not answered, oldest first


class _Pool:
    """Workers fed batch by batch; batch ``k`` goes to worker ``k % n`` and back."""

    def __init__(self, context: BaseContext, make_parser: Callable[[], BatchParser], n: int):
        self._context = context
        self._make_parser = make_parser
        self._workers = [self._start() for _ in range(n)]
        self._done: dict[int, list[Parsed]] = {}  # answers (or failures) not asked for yet

    def _start(self) -> _Worker:
        tasks: multiprocessing.Queue[Any] = self._context.Queue()
        reader, writer = self._context.Pipe(duplex=False)
        process = self._context.Process(  # type: ignore[attr-defined]
            target=_work,
            args=(self._make_parser, tasks, writer, os.getpid()),
            name="dateline-parse",
            daemon=True,
        )
        process.start()
        return _Worker(process, tasks, _Answers(reader, writer), deque())

    def send(self, number: int, texts: list[str]) -> None:
        worker = self._workers[number % len(self._workers)]
        worker.held.append((number, texts))
        worker.tasks.put((number, texts))

    def receive(self, number: int) -> list[Parsed]:
        """The answer to batch ``number``, waiting for it; a dead worker's batches fail."""
        index = number % len(self._workers)
        while number not in self._done:
            worker = self._workers[index]
            readers = {w.answers.reader: w for w in self._workers}
            ready = wait([*readers, worker.process.sentinel], timeout=_POLL_SECONDS)
            for other in [readers[r] for r in ready if r in readers] or [worker]:
                self._collect(other)
            if number not in self._done and not worker.process.is_alive():
                self._collect(worker)  # all it wrote before it died
                if number not in self._done:
                    self._replace(index)
        return self._done.pop(number)

    def _collect(self, worker: _Worker) -> None:
        for answered, parsed in worker.answers.read():
            worker.held = deque(item for item in worker.held if item[0] != answered)
            self._done[answered] = list(parsed)

    def _replace(self, index: int) -> None:
        """Fail the batch a dead worker was parsing; a new worker takes the ones it held."""
        worker = self._workers[index]
        worker.process.join(2)
        reason = f"the parse worker died (exit code {worker.process.exitcode})"
        log.warning("%s; the texts it was parsing fail and a new worker goes on", reason)
        _drop(worker)
        self._workers[index] = self._start()
        if not worker.held:
            return
        number, texts = worker.held.popleft()
        self._done[number] = [Parsed(error=reason)] * len(texts)
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
            _drop(worker)


def _drop(worker: _Worker) -> None:
    # Never wait at exit for data nobody will read (the exit-time deadlock).
    worker.tasks.cancel_join_thread()
    worker.tasks.close()
    worker.answers.close()


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
