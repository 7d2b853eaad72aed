import type { Transaction } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';

/** True for a transaction y-prosemirror made from a Yjs change (another delegation's edit). */
export function isRemoteChange(tr: Transaction): boolean {
  return Boolean(tr.getMeta(ySyncPluginKey)?.isChangeOrigin);
}
