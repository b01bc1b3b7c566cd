/**
 * One value of extension storage as React state, kept live: read once, then re-read from
 * every change of that key (made by the worker, a content script or another page). The
 * raw value goes through `parse`, so a page never renders an unvalidated stored value.
 */
import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';

export type StorageAreaName = 'local' | 'session';

export function useStorageValue<T>(area: StorageAreaName, key: string, parse: (raw: unknown) => T, onReadError?: () => T): T | undefined {
  const [value, setValue] = useState<T>();
  // The latest parse/fallback without re-subscribing when a caller passes a new closure.
  const parseRef = useRef(parse);
  parseRef.current = parse;
  const errorRef = useRef(onReadError);
  errorRef.current = onReadError;

  useEffect(() => {
    let alive = true;
    browser.storage[area]
      .get(key)
      .then((got) => alive && setValue(parseRef.current(got[key])))
      .catch(() => {
        const fallback = errorRef.current;
        if (alive && fallback) setValue(fallback());
      });
    const onChanged = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
      if (changedArea === area && key in changes) setValue(parseRef.current(changes[key]?.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [area, key]);
  return value;
}
