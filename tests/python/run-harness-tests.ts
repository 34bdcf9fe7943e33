// The harness's own tests (tests/python/test_virtual_asyncio.py), in the CPython they serve:
// Pyodide's 3.14, loaded here from node_modules. Prints "ok"/"FAIL" per test, then
// "N passed, N failed" (scripts/test-all.ts reads that line); exit code 1 if any failed.
//   node tests/python/run-harness-tests.ts [name-filter]
import { fileURLToPath } from "node:url";
import { HARNESS_FILES, loadHarness } from "../support/pyodide-load.ts";

const tests = fileURLToPath(new URL("./test_virtual_asyncio.py", import.meta.url));
const { py, version, loadMs } = await loadHarness([...HARNESS_FILES, tests]);
console.log(`Pyodide: CPython ${version}, loaded in ${(loadMs / 1000).toFixed(1)} s`);
py.globals.set("name_filter", process.argv[2] ?? "");
const [passed, failed] = py
  .runPython(
    `
import time, traceback
import test_virtual_asyncio as suite
passed = failed = 0
for name, test in sorted(vars(suite).items()):
    if not name.startswith("test_") or name_filter not in name:
        continue
    started = time.perf_counter()
    try:
        test()
    except BaseException:  # noqa: BLE001 - a test that fails in any way
        failed += 1
        print("FAIL", name)
        traceback.print_exc()
    else:
        passed += 1
        print(f"ok   {name} ({time.perf_counter() - started:.2f} s)")
(passed, failed)
`,
  )
  .toJs() as [number, number];
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
