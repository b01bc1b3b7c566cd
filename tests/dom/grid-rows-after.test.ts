import { describe, expect, it } from 'vitest';
import { tableGrid } from '../../utils/extract/grid';
import { loadDoc } from './load';

const shapes: Record<string, string> = {
  'thead + one tbody': '<thead><tr><th>Mã hồ sơ</th></tr></thead><tbody><tr><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody>',
  'several tbodies, a tfoot and hidden rows': '<thead><tr><th>Mã</th></tr></thead><tbody><tr><td>1</td></tr><tr style="display:none"><td>x</td></tr><tr><td>2</td></tr></tbody><tbody><tr hidden><td>y</td></tr><tr><td>3</td></tr></tbody><tfoot><tr><td>Tổng</td></tr></tfoot><tbody><tr><td>4</td></tr></tbody>',
  'rows straight in the table, header row first': '<tr><th>Mã</th></tr><tr><td>1</td></tr><tr><td>2</td></tr><tr aria-hidden="true"><td>z</td></tr><tr><td>3</td></tr>',
};

describe('a table’s rows after a given row (read in steps while the list is parsed)', () => {
  for (const [name, html] of Object.entries(shapes)) {
    it(`${name}: the same rows as the tail of all its rows`, () => {
      const table = loadDoc(`<table>${html}</table>`).querySelector('table')!;
      const grid = tableGrid(table);
      const all = grid.bodyRows();
      expect(all.length).toBeGreaterThan(2);
      for (const [i, row] of all.entries()) expect(grid.bodyRowsAfter!(row)).toEqual(all.slice(i + 1));
      // At most `limit`, the first of them, across sections and hidden rows alike.
      for (const limit of [0, 1, 2]) for (const [i, row] of all.entries()) expect(grid.bodyRowsAfter!(row, limit)).toEqual(all.slice(i + 1, i + 1 + limit));
    });
  }

  it('a row no longer in the table, or a header row, gives null (the caller reads every row)', () => {
    const table = loadDoc(`<table>${shapes['thead + one tbody']!}</table>`).querySelector('table')!;
    const grid = tableGrid(table);
    const [first] = grid.bodyRows();
    first!.remove();
    expect(grid.bodyRowsAfter!(first!)).toBeNull();
    expect(grid.bodyRowsAfter!(table.querySelector('thead tr')!)).toBeNull();
  });
});
