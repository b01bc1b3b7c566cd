/**
 * When the store cannot be read at all (the database cannot be opened), the page shows
 * why in Vietnamese instead of going blank, and keeps what still works below it.
 */
import { Component, type ReactNode } from 'react';
import { storageErrorMessage } from '../utils/storage-error';

interface Props {
  children: ReactNode;
  /** What to show under the message (e.g. the import panel is useless here; settings still are). */
  fallback?: ReactNode;
}

export class StoreErrorBoundary extends Component<Props, { error: unknown }> {
  override state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <main className="app">
        <div role="alert" className="banner error" data-testid="storage-error">
          {storageErrorMessage(this.state.error)}
        </div>
        {this.props.fallback}
      </main>
    );
  }
}
