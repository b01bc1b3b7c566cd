import { describe, expect, it } from 'vitest';
import { badgeText, TabBadges } from '../../utils/background/badges';

describe('TabBadges', () => {
  it('sums frames of a tab and starts over on a new top document', async () => {
    const shown: [number, number][] = [];
    const b = new TabBadges(async (tab, total) => void shown.push([tab, total]));
    await b.set(1, 0, 'docA', 15);
    await b.set(1, 3, 'frameX', 10);
    await b.set(2, 0, 'docB', 4);
    await b.set(1, 0, 'docA', 20); // same page, more rows read
    await b.set(1, 0, 'docC', 5); // the tab navigated: the old iframe is gone
    expect(shown).toEqual([[1, 15], [1, 25], [2, 4], [1, 30], [1, 5]]);
  });

  it('formats the badge text', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(127)).toBe('127');
    expect(badgeText(12_000)).toBe('9999+');
  });
});
