/** The worker's last storage error (extension storage, live): null when the last write succeeded. */
import { parseStorageError, STORAGE_ERROR_KEY, type StorageError } from '../utils/storage-error';
import { useStorageValue } from './useStorageValue';

export function useStorageError(): StorageError | null {
  return useStorageValue('local', STORAGE_ERROR_KEY, parseStorageError) ?? null;
}
