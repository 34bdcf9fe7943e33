// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_barrier_parties
import { run, print, Barrier, ValueError } from "asyncio";

const N = 5;

async function main() {
  for (const parties of [0, -4]) {
    try {
      new Barrier(parties);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print("raised", e.name, e.message);
    }
  }
  print("isinstance Barrier", new Barrier(N) instanceof Barrier);
}

await run(main());
