/** The worker's last storage error (extension storage, live): null when the last write succeeded. */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { parseStorageError, STORAGE_ERROR_KEY, type StorageError } from '../utils/storage-error';

export function useStorageError(): StorageError | null {
  const [error, setError] = useState<StorageError | null>(null);
  useEffect(() => {
    let live = true;
    void browser.storage.local
      .get(STORAGE_ERROR_KEY)
      .then((v) => live && setError(parseStorageError(v[STORAGE_ERROR_KEY])))
      .catch(() => undefined);
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && STORAGE_ERROR_KEY in changes) setError(parseStorageError(changes[STORAGE_ERROR_KEY]?.newValue));
    };
    browser.storage.onChanged.addListener(onChange);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChange);
    };
  }, []);
  return error;
}
