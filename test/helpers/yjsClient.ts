import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { xmlTextContent } from '../../shared/xmlTextContent';

export interface YjsClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server completed. */
  synced: Promise<void>;
  destroy(): void;
}

/** A stock y-websocket provider in Node (BroadcastChannel off so it syncs only through the server). */
export function connectYjs(
  wsUrl: string,
  draftId: string,
  token: string,
  options: { connect?: boolean; params?: Record<string, string> } = {},
): YjsClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${wsUrl}/yjs`, draftId, doc, {
    params: { ...options.params, token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) return resolve();
    provider.once('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.awareness.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `predicate` holds for the doc, checking after every update. */
export function waitForDoc(doc: Y.Doc, predicate: (doc: Y.Doc) => boolean, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate(doc)) return resolve();
    const timer = setTimeout(() => {
      doc.off('update', check);
      reject(new Error('timed out waiting for document state'));
    }, timeoutMs);
    const check = () => {
      if (!predicate(doc)) return;
      clearTimeout(timer);
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}

/** The plain text of every paragraph in the draft's fragment, in order. */
export function paragraphTexts(doc: Y.Doc): string[] {
  const texts: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) continue;
      const element = child as Y.XmlElement;
      const textChildren = element.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText);
      if (textChildren.length > 0 || element.length === 0) texts.push(textChildren.map(xmlTextContent).join(''));
      else walk(element);
    }
  };
  walk(doc.getXmlFragment('prosemirror'));
  return texts;
}

/** The draft's fragment as XML text, for "contains" checks across paragraphs. */
export function draftText(doc: Y.Doc): string {
  return doc.getXmlFragment('prosemirror').toString();
}
