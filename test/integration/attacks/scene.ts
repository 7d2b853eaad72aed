import * as Y from 'yjs';
import { loadDocument } from '../../../server/collab/loadDocument';
import { LogCapture } from '../../helpers/captureLogs';
import { openRawYjs, type RawConnection } from '../../helpers/rawSocket';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { connectYjs, paragraphTexts, waitForDoc, type YjsClient } from '../../helpers/yjsClient';
import { syncFrame, updatesAs } from '../../helpers/yjsBytes';

/** The XmlText of the n-th operative paragraph of a synced draft. */
export function operativeText(doc: Y.Doc, n: number): Y.XmlText {
  const operative = doc.getXmlFragment('prosemirror').toArray()[4] as Y.XmlElement;
  return (operative.toArray()[n] as Y.XmlElement).get(0) as Y.XmlText;
}

/** A sync update message (type 0, sub-type 2) carrying `update`, as a client sends it. */
export const updateFrame = (update: Uint8Array) => syncFrame(2, update);

/**
 * A victim delegation (Kazakhstan) and a bystander (EU) on stock y-websocket clients, and an
 * attacker (USA) speaking the raw protocol, on the demo draft of a real server.
 */
export class AttackScene {
  readonly logs = new LogCapture();
  server!: TestServer;
  draftId!: string;
  victim!: YjsClient;
  bystander!: YjsClient;
  private readonly clients: YjsClient[] = [];
  private readonly raw: RawConnection[] = [];

  async start(dataDir?: string): Promise<void> {
    this.server = await startTestServer(dataDir ? { dataDir } : {}, this.logs.logger);
    this.draftId = await this.server.demoDraftId();
    this.victim = await this.connect('kazakhstan');
    this.bystander = await this.connect('eu');
  }

  async connect(username: string): Promise<YjsClient> {
    const client = connectYjs(this.server.wsUrl, this.draftId, (await this.server.login(username)).token);
    this.clients.push(client);
    await client.synced;
    return client;
  }

  /** A raw connection of the attacker whose room is attached (the server greeted it). */
  async attacker(): Promise<RawConnection> {
    const connection = openRawYjs(this.server.wsUrl, this.draftId, (await this.server.login('usa')).token);
    this.raw.push(connection);
    await connection.firstMessage;
    return connection;
  }

  /** The victim types `text` at the start of operative paragraph n; resolves once the bystander has it. */
  async victimTypes(text: string, n = 0): Promise<void> {
    operativeText(this.victim.doc, n).insert(0, text);
    await waitForDoc(this.bystander.doc, (doc) => operativeText(doc, n).toString().startsWith(text));
  }

  /**
   * The victim's document as an attacker predicts it once the victim has typed `text` at the
   * start of operative paragraph 0: the clocks it will write next, with text of the attacker's choosing.
   */
  predictVictim(text: string): Y.Doc {
    const predicted = new Y.Doc();
    Y.applyUpdate(predicted, Y.encodeStateAsUpdate(this.victim.doc));
    const [typed] = updatesAs(this.victim.doc.clientID, this.victim.doc, (doc) => operativeText(doc, 0).insert(0, text));
    Y.applyUpdate(predicted, typed);
    return predicted;
  }

  /** The user id behind a demo account. */
  async userId(username: string): Promise<string> {
    return (await this.server.store.users.findByUsername(username))!.id;
  }

  /** What a newcomer is given, and what a load from the store rebuilds (a reload after a restart). */
  async textsSeenAfresh(): Promise<{ newcomer: string[]; stored: string[] }> {
    const newcomer = await this.connect('nigeria');
    const { doc } = await loadDocument(this.server.store.documents, this.draftId, this.logs.logger);
    const stored = paragraphTexts(doc);
    doc.destroy();
    return { newcomer: paragraphTexts(newcomer.doc), stored };
  }

  /** Every 'closing yjs connection' line logged. */
  closeLines() {
    return this.logs.entries.filter((entry) => entry.msg === 'closing yjs connection');
  }

  async closeClients(): Promise<void> {
    this.clients.splice(0).forEach((client) => client.destroy());
    for (const connection of this.raw.splice(0)) {
      connection.ws.terminate();
      await connection.closed;
    }
  }

  async stop(): Promise<void> {
    await this.closeClients();
    await this.server?.stop();
  }
}
