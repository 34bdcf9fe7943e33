#!/usr/bin/env python3
"""tests/python/virtual_asyncio.py --serve, with the choices CPython leaves to set order made in a
fixed order instead:

    python3 tests/fuzz/perturbed_asyncio.py forward|reverse

TaskGroup._abort cancels the group's tasks, and asyncio.run's shutdown (runners._cancel_all_tasks,
through tasks.all_tasks) cancels leftover tasks, in the order the tasks were created (forward) or
in the reverse of it. Plain CPython iterates a set there, whose order follows memory addresses.

The fuzzer's generator promises programs whose output does not depend on those orders; running the
same programs both ways checks that promise (tests/unit/fuzz.test.ts, scripts/fuzz.ts --check-order).
"""
import itertools
import pathlib
import sys
import weakref

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "python"))

import asyncio.base_events  # noqa: E402
import asyncio.taskgroups  # noqa: E402
import asyncio.tasks  # noqa: E402
import virtual_asyncio  # noqa: E402

# Every task is made by loop.create_task (asyncio.run, create_task, ensure_future, gather, TaskGroup).
_created = weakref.WeakKeyDictionary()
_counter = itertools.count()
_create_task = asyncio.base_events.BaseEventLoop.create_task


def create_task(self, coro, *, name=None, context=None):
    task = _create_task(self, coro, name=name, context=context)
    _created[task] = next(_counter)
    return task


def in_order(tasks):
    return sorted(tasks, key=lambda t: _created.get(t, -1), reverse=REVERSE)


_all_tasks = asyncio.tasks.all_tasks


def ordered_all_tasks(loop=None):
    # A list, not a set: _cancel_all_tasks only iterates it (and tests it for emptiness).
    return in_order(_all_tasks(loop))


def ordered_abort(self):
    # TaskGroup._abort (Lib/asyncio/taskgroups.py, 3.11), iterating its set in a fixed order.
    self._aborting = True
    for t in in_order(self._tasks):
        if not t.done():
            t.cancel()


REVERSE = False

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("forward", "reverse"):
        sys.exit("usage: perturbed_asyncio.py forward|reverse   (then as virtual_asyncio.py --serve)")
    REVERSE = sys.argv[1] == "reverse"
    asyncio.base_events.BaseEventLoop.create_task = create_task
    asyncio.tasks.all_tasks = ordered_all_tasks
    asyncio.taskgroups.TaskGroup._abort = ordered_abort
    virtual_asyncio.serve(sys.stdin, sys.stdout)
