"""`make serve` pauses Python's cyclic garbage collector during a rebuild and collects after
the reload (serving/garbage.py): on a real Tornado loop, with real reference cycles."""

import asyncio
import gc
import weakref

import pytest
from tornado.ioloop import IOLoop

from conftest import in_own_thread
from serving.garbage import CollectionAfterReload


class _Node:
    pass


def _cycle() -> weakref.ref:
    """A reference cycle only the cyclic collector can free, like a build's articles and
    their context."""
    node = _Node()
    node.itself = node
    return weakref.ref(node)


@pytest.fixture(autouse=True)
def _collector_restored():
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()


def _run_until(loop, condition) -> bool:
    async def wait():
        for _ in range(500):  # a guard against hanging, not a measurement
            if condition():
                return
            await asyncio.sleep(0.01)

    loop.run_sync(wait)
    return condition()


@in_own_thread
def test_the_collector_waits_for_the_loop_after_a_rebuild():
    loop = IOLoop(make_current=False)
    gc.enable()
    garbage = CollectionAfterReload(seconds=0.01, loop=lambda: loop)
    with garbage.paused():
        assert not gc.isenabled()
        left_behind = _cycle()
    # The rebuild returned: livereload tells the browser to reload, nothing is collected yet.
    assert not gc.isenabled()
    assert garbage.pending
    assert left_behind() is not None
    assert _run_until(loop, lambda: not garbage.pending)
    assert left_behind() is None
    assert gc.isenabled()


@in_own_thread
def test_rebuilds_in_a_row_owe_one_collection():
    loop = IOLoop(make_current=False)
    gc.enable()
    garbage = CollectionAfterReload(seconds=0.01, loop=lambda: loop)
    with garbage.paused():
        first = _cycle()
    with garbage.paused():
        second = _cycle()
    assert _run_until(loop, lambda: not garbage.pending)
    assert first() is None and second() is None
    assert gc.isenabled()


@in_own_thread
def test_a_collector_turned_off_by_the_user_stays_off():
    loop = IOLoop(make_current=False)
    gc.disable()
    garbage = CollectionAfterReload(seconds=0.01, loop=lambda: loop)
    with garbage.paused():
        left_behind = _cycle()
    assert _run_until(loop, lambda: not garbage.pending)
    assert left_behind() is None  # collected once, as the rebuild owed
    assert not gc.isenabled()


@in_own_thread
def test_a_failed_rebuild_still_collects():
    loop = IOLoop(make_current=False)
    gc.enable()
    garbage = CollectionAfterReload(seconds=0.01, loop=lambda: loop)
    with pytest.raises(SystemExit), garbage.paused():
        raise SystemExit(1)
    assert _run_until(loop, lambda: not garbage.pending)
    assert gc.isenabled()


@in_own_thread
def test_the_collection_after_a_reload_forgets_pelicans_memos():
    """Pelican's get_summary memo would keep the last build's articles (and everything they
    reach) alive: the collection after the reload forgets it first."""
    from pelican.contents import Content

    loop = IOLoop(make_current=False)
    garbage = CollectionAfterReload(seconds=0.01, loop=lambda: loop)
    memo = Content.__dict__["get_summary"].cache
    with garbage.paused():
        held = _cycle()
        memo[(held(), "")] = "summary"
    assert held() is not None
    assert _run_until(loop, lambda: not garbage.pending)
    assert held() is None and not memo
