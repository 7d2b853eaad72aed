import { Plugin } from 'prosemirror-state';
import type { Awareness } from 'y-protocols/awareness';

interface AwarenessChange {
  added: number[];
  updated: number[];
}

/**
 * Keeps this tab's awareness state its own. y-protocols takes a newer remote state under our
 * client id as ours, so a server that checks nothing lets another client replace it, and
 * y-prosemirror's cursor plugin, reading its own cursor back from it, would then throw on every
 * transaction. Put before yCursorPlugin, so the state is restored before that plugin reads it.
 */
export function ownAwarenessPlugin(awareness: Awareness): Plugin {
  return new Plugin({
    view: () => {
      let own = awareness.getLocalState();
      // Removals need no care: y-protocols never lets a remote client remove the local state.
      const onUpdate = ({ added, updated }: AwarenessChange, origin: unknown) => {
        if (!added.concat(updated).includes(awareness.clientID)) return;
        if (origin === 'local') own = awareness.getLocalState();
        else awareness.setLocalState(own);
      };
      awareness.on('update', onUpdate);
      return { destroy: () => awareness.off('update', onUpdate) };
    },
  });
}
