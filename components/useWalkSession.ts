/**
 * The worker's session registry (open portal frames, walks) as React state, live: session
 * storage changes as pages report and walks move. Tabs that no longer exist are left out.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

export interface WalkSession {
  session: Record<string, unknown>;
  liveTabs: Set<number> | null;
  activeTabId: number | null;
  now: number;
}

/** `enabled` false: nothing read yet (the popup starts it once its table is shown). */
export function useWalkSession(enabled = true): WalkSession | undefined {
  const [state, setState] = useState<WalkSession>();
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    const load = async () => {
      const [session, tabs, active] = await Promise.all([
        browser.storage.session.get(null),
        browser.tabs.query({}).catch(() => null),
        // The toolbar popup's own tab is the active one; as an ordinary tab the popup itself is active.
        browser.tabs.query({ active: true, currentWindow: true }).catch(() => []),
      ]);
      if (!alive) return;
      setState({
        session,
        liveTabs: tabs ? new Set(tabs.map((x) => x.id).filter((x): x is number => x !== undefined)) : null,
        activeTabId: active[0]?.id ?? null,
        now: Date.now(),
      });
    };
    void load().catch(() => alive && setState({ session: {}, liveTabs: null, activeTabId: null, now: Date.now() }));
    const onChanged = (_c: unknown, area: string) => {
      if (area === 'session') void load().catch(() => undefined);
    };
    browser.storage.onChanged.addListener(onChanged);
    // Staleness of a walk is judged against the clock: look again now and then.
    const tick = setInterval(() => void load().catch(() => undefined), 5000);
    return () => {
      alive = false;
      clearInterval(tick);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [enabled]);
  return state;
}

/** Start or stop the walk of a tab (the worker does the rest). */
export async function sendWalkCommand(cmd: { type: 'walk/start'; tabId: number; frameId: number } | { type: 'walk/stop'; tabId: number }): Promise<{ ok: boolean; error?: string }> {
  const reply = (await browser.runtime.sendMessage(cmd)) as { ok?: boolean; error?: string } | undefined;
  return { ok: reply?.ok === true, error: reply?.error };
}
