"""Work done in child processes, one task at a time each, so that nothing a file does can take
the caller down: a native library that aborts, memory that runs out, a file that never ends.

A worker that dies on a task, or outlives its time limit (and is then killed), costs that task
alone: it is reported as `Lost`, a fresh worker takes its place, and the other tasks go on.
Used by `batch` (many workers) and the page (one upload at a time).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait


@dataclass(frozen=True)
class Lost:
    """A task that gave no answer, and why, in Chinese."""

    reason: str
    timed_out: bool = False


DIED = "处理该文件时工作进程意外退出（文件内容可能异常或过大）"


def timed_out(seconds: float) -> str:
    return f"处理超过 {seconds:g} 秒仍未完成，已停止（文件可能过大或异常）"


def threadsafe_start() -> str:
    """How to start workers from a process that runs threads (the page's server): a fresh
    interpreter (forking a threaded process could copy a lock another thread holds; a fork
    server would leave its socket folder behind when the page is killed)."""
    return "spawn"


class Workers:
    """`size` child processes running `work(*args)` for each task given to `run`/`map`."""

    def __init__(self, work: Callable, size: int = 1, timeout: float | None = None, method: str | None = None):
        """`method`: how a worker starts (None: the platform's default; "spawn" from a process
        that runs threads, such as the page's server, where forking could copy a held lock)."""
        self.work, self.size, self.timeout = work, max(1, size), timeout
        self._context = multiprocessing.get_context(method)
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()

    def _start(self) -> _Worker:
        mine, theirs = self._context.Pipe()
        forked = self._context.get_start_method() == "fork"
        process = self._context.Process(target=_serve, args=(theirs, self.work, os.getpid(), forked), daemon=True)
        process.start()
        theirs.close()
        worker = _Worker(process, mine)
        with self._lock:
            self._all.add(worker)
        return worker

    def _take(self) -> _Worker:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return self._start()

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            self._idle.append(worker)

    def _drop(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)

    def run(self, *args, started: Callable[[multiprocessing.Process], None] | None = None) -> object:
        """One task, in a worker of its own while it runs: its answer, or `Lost` (also when the
        worker is killed from outside: `started(process)` is told which process it is)."""
        worker = self._take()
        try:
            worker.conn.send(args)
        except OSError:  # a worker gone while idle: another one
            self._drop(worker)
            worker = self._start()
            worker.conn.send(args)
        if started is not None:
            started(worker.process)
        answer = worker.answer(self.timeout)
        if isinstance(answer, Lost):
            self._drop(worker)
        else:
            self._give_back(worker)
        return answer

    def map(self, tasks: Iterable[tuple]) -> Iterator[tuple[tuple, object]]:
        """(task, its answer or `Lost`) as each finishes; `size` tasks at a time."""
        queue = iter(tasks)
        busy: dict[_Worker, tuple[tuple, float]] = {}

        def give(worker: _Worker) -> None:
            task = next(queue, None)
            if task is None:
                self._give_back(worker)
                return
            worker.conn.send(task)
            busy[worker] = (task, time.monotonic())

        for _ in range(self.size):
            give(self._take())
        while busy:
            waits = [w.conn for w in busy] + [w.process.sentinel for w in busy]
            soonest = min(started for _, started in busy.values())
            limit = None if self.timeout is None else max(0.0, soonest + self.timeout - time.monotonic())
            wait(waits, timeout=limit)
            for worker in list(busy):
                task, started = busy[worker]
                answer = worker.poll(started, self.timeout)
                if answer is None:
                    continue
                del busy[worker]
                if isinstance(answer, Lost):
                    self._drop(worker)
                    worker = self._start()
                yield task, answer
                give(worker)

    def close(self) -> None:
        """Stop every worker, at once (a task still running is abandoned)."""
        with self._lock:
            workers, self._all, self._idle = list(self._all), set(), []
        for worker in workers:
            worker.stop()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.Process
    conn: object

    def answer(self, timeout: float | None) -> object:
        started = time.monotonic()
        while True:
            left = None if timeout is None else max(0.0, started + timeout - time.monotonic())
            wait([self.conn, self.process.sentinel], timeout=left)
            answer = self.poll(started, timeout)
            if answer is not None:
                return answer

    def poll(self, started: float, timeout: float | None) -> object | None:
        """The answer if one has come, `Lost` if none will, None while it may still come."""
        try:
            if self.conn.poll():
                return self.conn.recv()
        except (EOFError, OSError):
            return Lost(DIED)
        if not self.process.is_alive():
            return Lost(DIED)
        if timeout is not None and time.monotonic() - started >= timeout:
            return Lost(timed_out(timeout), timed_out=True)
        return None

    def stop(self) -> None:
        try:
            self.conn.close()
        except OSError:
            pass
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


def _serve(conn, work: Callable, parent: int, forked: bool = False) -> None:
    """In a worker: answer each task until the pipe closes or the parent is gone."""
    if forked:
        _die_with_parent()
    _watch_parent(parent)
    while True:
        try:
            args = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(work(*args))


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker the moment the process that forked it dies (kill -9
    included), so no worker goes on writing into a folder the next run is cleaning. (Only for a
    fork from the main thread, as batch does: the signal follows the thread that forked.)"""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # the watcher below still sees it, within half a second


def _watch_parent(parent: int) -> None:
    """Leave when the process that started this one is gone. A parent killed with -9 tells no
    one, and a forked worker holds a copy of the parent's end of its own pipe, so the pipe alone
    would never say so. POSIX: a process whose parent dies is given another, so a change of
    parent is the sign (for a fork server's child: the server, which ends with the page). On
    Windows a worker's pipe closes with its parent."""
    if os.name == "nt":
        return
    first = os.getppid()

    def watch() -> None:
        while os.getppid() == first:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


__all__ = ["Lost", "Workers"]
