import * as React from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** A part of the pane loaded on demand (React.lazy): if its code cannot be fetched, say so instead of a blank pane. */
export class LoadBoundary extends React.Component<{ message(error: string): string; children: React.ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(e: unknown): { error: string } {
    return { error: e instanceof Error ? e.message : String(e) };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{this.props.message(this.state.error)}</MessageBarBody>
      </MessageBar>
    );
  }
}
