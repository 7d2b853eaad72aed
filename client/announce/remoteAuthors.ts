import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

const NAME_MAX = 60;

/**
 * Calls `onAuthors` with the delegations whose writing a remote Yjs change brings (the
 * clients whose clock it advances, named by their awareness state), just before the editor
 * shows the change. Deletions advance no clock, and the server's own changes (a restore) name
 * no one present: then the list is empty. Names come from other clients, so only bounded
 * strings are taken.
 */
export function watchRemoteAuthors(doc: Y.Doc, awareness: Awareness, onAuthors: (names: string[]) => void): () => void {
  const listener = (transaction: Y.Transaction) => {
    if (transaction.local) return;
    const names = new Set<string>();
    for (const [client, clock] of transaction.afterState) {
      if (client === doc.clientID || clock <= (transaction.beforeState.get(client) ?? 0)) continue;
      const name = nameOf(awareness.getStates().get(client));
      if (name) names.add(name);
    }
    onAuthors([...names]);
  };
  doc.on('beforeObserverCalls', listener);
  return () => doc.off('beforeObserverCalls', listener);
}

function nameOf(state: Record<string, unknown> | undefined): string | null {
  const user = state?.user as { name?: unknown } | undefined;
  return typeof user?.name === 'string' && user.name.trim() ? user.name.trim().slice(0, NAME_MAX) : null;
}
