/**
 * A table whose rows each end with a remove button (✕) in an actions column named for
 * screen readers only: the options page's departments, lĩnh vực mapping and saved column
 * mappings, and the consolidation's unit files. Callers give the header texts and each
 * row's cells; each remove button's accessible name says which row it removes.
 */
import type { ReactNode } from 'react';
import { useI18n } from './I18n';

export interface RemovableRowsProps<T> {
  headers: readonly string[];
  rows: readonly T[];
  rowKey(row: T): string;
  /** data-testid of each row. */
  rowTestId: string;
  /** More data-* attributes of a row (what tests find a row by). */
  rowData?(row: T): Record<`data-${string}`, string>;
  /** The row's cells, before the actions cell. */
  cells(row: T, index: number): ReactNode;
  removeLabel(row: T, index: number): string;
  onRemove(row: T, index: number): void;
  className?: string;
  testId?: string;
  removeClassName?: string;
}

export function RemovableRows<T>({ headers, rows, rowKey, rowTestId, rowData, cells, removeLabel, onRemove, className, testId, removeClassName = 'secondary small' }: RemovableRowsProps<T>) {
  const { t } = useI18n();
  return (
    <table className={className} data-testid={testId}>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
          <th scope="col">
            <span className="sr-only">{t('optActionsHeader')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={rowKey(r)} data-testid={rowTestId} {...rowData?.(r)}>
            {cells(r, i)}
            <td>
              <button type="button" className={removeClassName} aria-label={removeLabel(r, i)} onClick={() => onRemove(r, i)}>
                ✕
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
