/**
 * The toolbar badge: records read on the page in a tab, summed over its frames.
 * Kept in memory only: after a worker restart the next batch from each frame sets it again.
 */
export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 9999 ? '9999+' : String(total);
}

interface TabState {
  topDocument: string | undefined;
  frames: Map<string, number>;
}

export class TabBadges {
  private tabs = new Map<number, TabState>();

  constructor(private readonly show: (tabId: number, total: number) => Promise<void>) {}

  /** `documentId` identifies one loaded document; a new top document means a new page. */
  async set(tabId: number, frameId: number, documentId: string | undefined, count: number): Promise<void> {
    let tab = this.tabs.get(tabId);
    if (!tab) {
      tab = { topDocument: undefined, frames: new Map() };
      this.tabs.set(tabId, tab);
    }
    if (frameId === 0 && documentId !== tab.topDocument) {
      tab.topDocument = documentId;
      tab.frames.clear();
    }
    tab.frames.set(`${frameId}|${documentId ?? ''}`, count);
    let total = 0;
    for (const n of tab.frames.values()) total += n;
    await this.show(tabId, total);
  }

  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }
}
