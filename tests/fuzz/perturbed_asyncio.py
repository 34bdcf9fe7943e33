"""CPython with the choices it leaves to set order made in a fixed order instead, as an instrument
for virtual_asyncio.run_program (tests/fuzz/differential.ts: new PythonServer("forward" | "reverse")):

    import perturbed_asyncio
    def instrument():
        return perturbed_asyncio.perturb(reverse=True)

TaskGroup._abort cancels the group's tasks, and asyncio.run's shutdown (runners._cancel_all_tasks,
through tasks.all_tasks) cancels leftover tasks, in the order the tasks were created (forward) or in
the reverse of it. Plain CPython iterates a set there, whose order follows memory addresses.

The fuzzer's generator promises programs whose output does not depend on those orders; running the
same programs both ways checks that promise (tests/unit/fuzz.test.ts, scripts/fuzz.ts --check-order).
"""
import itertools
import weakref

import asyncio.base_events
import asyncio.taskgroups
import asyncio.tasks


def perturb(reverse):
    """Patch asyncio (after run_program's reset, for one program); returns the function that undoes
    it. Every task is made by loop.create_task (asyncio.run, create_task, ensure_future, gather,
    TaskGroup), which notes the order of creation."""
    created = weakref.WeakKeyDictionary()
    counter = itertools.count()
    loop_class, group_class = asyncio.base_events.BaseEventLoop, asyncio.taskgroups.TaskGroup
    create_task, all_tasks, abort = loop_class.create_task, asyncio.tasks.all_tasks, group_class._abort

    def in_order(tasks):
        return sorted(tasks, key=lambda t: created.get(t, -1), reverse=reverse)

    def ordered_create_task(self, coro, **kwargs):  # BaseEventLoop.create_task (3.14)
        task = create_task(self, coro, **kwargs)
        created[task] = next(counter)
        return task

    def ordered_all_tasks(loop=None):
        # A list, not a set: _cancel_all_tasks only iterates it (and tests it for emptiness).
        return in_order(all_tasks(loop))

    def ordered_abort(self):
        # TaskGroup._abort (Lib/asyncio/taskgroups.py, 3.14), iterating its set in a fixed order.
        self._aborting = True
        for t in in_order(self._tasks):
            if not t.done():
                t.cancel()

    loop_class.create_task = ordered_create_task
    asyncio.tasks.all_tasks = ordered_all_tasks
    group_class._abort = ordered_abort

    def undo():
        loop_class.create_task, asyncio.tasks.all_tasks, group_class._abort = create_task, all_tasks, abort

    return undo
