/** Grouping of the pending worklist for display (pure). */

export interface WorklistGroup<T> {
  department: string;
  items: T[];
}

/** Items grouped by department, groups in first-appearance order (the input is already sorted). */
export function groupByDepartment<T extends { department: string }>(items: readonly T[]): WorklistGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const g = groups.get(it.department);
    if (g) g.push(it);
    else groups.set(it.department, [it]);
  }
  return [...groups].map(([department, list]) => ({ department, items: list }));
}

/** A link target the worklist may open: only http(s) page addresses, never javascript: or data:. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The label a worklist item is known by: its dossier code, else its result number. */
export function itemLabel(it: { code: string | null; resultNumber: string | null }): string {
  return it.code ?? it.resultNumber ?? '';
}
