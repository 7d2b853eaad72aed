import type { EditorView } from 'prosemirror-view';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createCollabEditor } from '../../../client/editor/createEditor';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import { draftDoc, ops } from '../shared/draftFixture';

const REMOTE = 'remote';

export interface TwoDelegations {
  a: EditorView;
  b: EditorView;
  /** Delivers every update each side made since the last delivery to the other side, as the server would. */
  deliver(): void;
  destroy(): void;
}

/**
 * Two delegations' editors on two Y.Docs holding the same draft (preamble "Recalling,",
 * operative "Urges;", "Requests;", "Decides."). Updates travel when `deliver` is called,
 * or after each one when `immediate`, so tests choose what is concurrent.
 */
export function twoDelegations({ immediate = true, clientIds }: { immediate?: boolean; clientIds?: [number, number] } = {}): TwoDelegations {
  const docs = [new Y.Doc(), new Y.Doc()] as const;
  if (clientIds) docs.forEach((doc, i) => (doc.clientID = clientIds[i]));
  prosemirrorToYXmlFragment(
    draftDoc({ preambular: ['Recalling,'], operative: ops('Urges;', 'Requests;', 'Decides.') }),
    docs[0].getXmlFragment(PROSEMIRROR_FRAGMENT),
  );
  Y.applyUpdate(docs[1], Y.encodeStateAsUpdate(docs[0]), REMOTE);

  const outboxes: Uint8Array[][] = [[], []];
  const deliver = () => {
    const [fromA, fromB] = outboxes.map((outbox) => outbox.splice(0));
    for (const update of fromA) Y.applyUpdate(docs[1], update, REMOTE);
    for (const update of fromB) Y.applyUpdate(docs[0], update, REMOTE);
  };
  docs.forEach((doc, i) =>
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      outboxes[i].push(update);
      if (immediate) deliver();
    }),
  );

  const [a, b] = docs.map((doc) =>
    createCollabEditor({
      mount: document.body.appendChild(document.createElement('div')),
      fragment: doc.getXmlFragment(PROSEMIRROR_FRAGMENT),
      awareness: new Awareness(doc),
      editable: true,
      toolbar: document.createElement('div'),
    }),
  );
  return {
    a,
    b,
    deliver,
    destroy() {
      a.destroy();
      b.destroy();
      docs.forEach((doc) => doc.destroy());
    },
  };
}
