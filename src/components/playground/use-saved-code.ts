// The reader's code for one playground: it starts as the lesson's and survives a reload (kept in
// localStorage until Reset). Storage can be blocked (private modes, strict settings): then edits
// live as long as the page, and nothing throws.

import { useCallback, useEffect, useRef, useState } from "react";

const storage = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string | null): void {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      /* blocked storage: the edit stays in the page only */
    }
  },
};

/** The code in the editor: `edit` keeps it, `restore` goes back to the lesson's; `latest()` is the
 *  last edit even before the page has re-rendered with it (a Run right after a key). */
export function useSavedCode(key: string, lessonCode: string) {
  const [code, setCodeState] = useState(lessonCode);
  const latestCode = useRef(lessonCode);
  const setCode = useCallback((next: string) => {
    latestCode.current = next;
    setCodeState(next);
  }, []);

  // Restore this playground's saved code, once, after hydration (the server rendered the lesson's).
  useEffect(() => {
    const saved = storage.get(key);
    if (saved !== null && saved !== lessonCode) setCode(saved);
  }, [key, lessonCode, setCode]);

  const edit = useCallback(
    (next: string) => {
      setCode(next);
      storage.set(key, next === lessonCode ? null : next);
    },
    [key, lessonCode, setCode],
  );

  const restore = useCallback(() => {
    storage.set(key, null);
    setCode(lessonCode);
  }, [key, lessonCode, setCode]);

  const latest = useCallback(() => latestCode.current, []);
  return { code, edit, restore, latest };
}
