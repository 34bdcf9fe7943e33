// A line-for-line port of CPython's heapq (Lib/heapq.py): the event loop's timer heap must break
// ties between equal deadlines exactly as CPython's does, and heapq is not a stable sort.

/** Anything with a deadline: items compare by `when` alone, as TimerHandle.__lt__ does. */
export interface HeapItem {
  when: number;
}

// TimerHandle.__lt__.
function lt(a: HeapItem, b: HeapItem): boolean {
  return a.when < b.when;
}

/** How two heap items compare: `a < b`. Timers by default; PriorityQueue passes Python's `<`. */
export type Less<T> = (a: T, b: T) => boolean;

/** heapq.heappush: push `item` onto `heap`, keeping the heap invariant. */
export function heappush<T>(heap: T[], item: T, less: Less<T> = lt as Less<T>): void {
  heap.push(item);
  siftdown(heap, 0, heap.length - 1, less);
}

/** heapq.heappop: pop and return the smallest item. */
export function heappop<T>(heap: T[], less: Less<T> = lt as Less<T>): T {
  const last = heap.pop();
  if (last === undefined) throw new RangeError("heappop from an empty heap");
  if (heap.length === 0) return last;
  const smallest = heap[0];
  heap[0] = last;
  siftup(heap, 0, less);
  return smallest;
}

/** heapq.heapify: turn an array into a heap in place, in linear time. */
export function heapify<T>(heap: T[], less: Less<T> = lt as Less<T>): void {
  for (let i = Math.floor(heap.length / 2) - 1; i >= 0; i--) siftup(heap, i, less);
}

// heapq._siftdown: move the item at `pos` up towards `startpos` while it is smaller than its parent.
function siftdown<T>(heap: T[], startpos: number, pos: number, lt: Less<T>): void {
  const newitem = heap[pos];
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = heap[parentpos];
    if (lt(newitem, parent)) {
      heap[pos] = parent;
      pos = parentpos;
      continue;
    }
    break;
  }
  heap[pos] = newitem;
}

// heapq._siftup: bubble the smaller child up until hitting a leaf, then sift the item down (Floyd).
function siftup<T>(heap: T[], pos: number, lt: Less<T>): void {
  const endpos = heap.length;
  const startpos = pos;
  const newitem = heap[pos];
  let childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const rightpos = childpos + 1;
    if (rightpos < endpos && !lt(heap[childpos], heap[rightpos])) childpos = rightpos;
    heap[pos] = heap[childpos];
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap[pos] = newitem;
  siftdown(heap, startpos, pos, lt);
}
