/** A message line: polite live region for progress/results, alert for errors. */
export type NoticeValue = { kind: 'ok' | 'info' | 'error'; text: string; details?: readonly string[] } | null;

export function Notice({ value, testId }: { value: NoticeValue; testId?: string }) {
  return (
    <div className="notice-slot">
      <p role="status" aria-live="polite" className={value && value.kind !== 'error' ? value.kind : 'empty'} data-testid={testId}>
        {value && value.kind !== 'error' ? value.text : ''}
      </p>
      {value && value.kind === 'error' ? (
        <div role="alert" className="error" data-testid={testId ? `${testId}-error` : undefined}>
          <p>{value.text}</p>
          {value.details && value.details.length > 0 ? (
            <ul>
              {value.details.slice(0, 20).map((d, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of messages, never reordered
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
