import type { Plugin } from 'prosemirror-state';
import { leadWordsPlugin } from './leadWordsPlugin';
import { numberingPlugin } from './numberingPlugin';

/** How a draft is drawn wherever it is shown, in the editor and in the print view. */
export function displayPlugins(): Plugin[] {
  return [numberingPlugin(), leadWordsPlugin()];
}
