import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RealtimeSocket } from '../../../client/api/realtime';
import { createCollabEditor } from '../../../client/editor/createEditor';
import { EditingSetting } from '../../../client/proposals/editingSetting';
import { ProposalsFeature } from '../../../client/proposals/proposalsFeature';
import { pointAnchor, rangeAnchor } from '../../../shared/proposalAnchors';
import type { DraftEditing, ProposalAnchor, ProposalView } from '../../../shared/proposals';
import type { Role } from '../../../shared/roles';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import { proposal } from '../proposals/proposalFixture';
import { draftDoc, ops } from '../shared/draftFixture';
import { posOf } from './editorState';

/** One socket.io emit the feature made, answered when the test likes. */
export interface Sent {
  event: string;
  payload: Record<string, unknown>;
  answer: (proposal: ProposalView) => void;
  refuse: (error: string) => void;
}

/** A socket that records acknowledged emits and lets the test broadcast events to the feature. */
export class RecordingSocket {
  readonly sent: Sent[] = [];
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  timeout() {
    return {
      emit: (event: string, payload: Record<string, unknown>, ack: (err: Error | null, response: unknown) => void) =>
        this.sent.push({ event, payload, answer: (proposal) => ack(null, { ok: true, proposal }), refuse: (error) => ack(null, { ok: false, error }) }),
    };
  }

  on(event: string, listener: (payload: unknown) => void): void {
    this.listeners.set(event, (this.listeners.get(event) ?? new Set()).add(listener));
  }

  off(event: string, listener: (payload: unknown) => void): void {
    this.listeners.get(event)?.delete(listener);
  }

  broadcast(event: string, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  /** Takes every emit made so far. */
  take(): Sent[] {
    return this.sent.splice(0);
  }
}

/** The server's view of a proposal:create payload, as it would answer it. */
export function proposalFrom(payload: Record<string, unknown>, extra: Partial<ProposalView> = {}): ProposalView {
  const anchor = (payload.anchor as ProposalView['anchor']) ?? null;
  return proposal({
    draftId: 'd1',
    kind: payload.kind as ProposalView['kind'],
    delegation: 'European Union',
    paragraphId: anchor?.paragraphId ?? ((payload.paragraphId ?? payload.afterParagraphId) as string),
    anchor,
    text: (payload.text as string | undefined) ?? null,
    paragraphType: (payload.paragraphType as ProposalView['paragraphType']) ?? null,
    level: (payload.level as number | undefined) ?? null,
    ...extra,
  });
}

export interface ProposeHarnessOptions {
  role?: Role;
  delegation?: string;
  editing?: DraftEditing;
  /** The operative paragraphs' text ("" for an empty one). */
  operative?: string[];
}

/**
 * A collaborative editor on a Y.Doc holding "Recalling," and "Urges Member States to act;",
 * "Decides." with the proposals feature mounted as the editor page mounts it.
 */
export function proposeHarness({ role = 'delegate', delegation = 'European Union', editing = 'direct', operative = ['Urges Member States to act;', 'Decides.'] }: ProposeHarnessOptions = {}) {
  const doc = new Y.Doc();
  prosemirrorToYXmlFragment(draftDoc({ preambular: ['Recalling its resolutions,'], operative: ops(...operative) }), doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
  const socket = new RecordingSocket();
  const lists: Array<(proposals: ProposalView[]) => void> = [];
  const selected: string[] = [];
  const toolbar = document.body.appendChild(document.createElement('div'));
  const rule = new EditingSetting({
    draftId: 'd1',
    api: { setEditing: (editing) => Promise.resolve({ draftId: 'd1', editing }) },
    socket: socket as unknown as RealtimeSocket,
    facilitator: role === 'facilitator',
    load: () => Promise.resolve(editing),
  });
  const feature = new ProposalsFeature({
    draftId: 'd1',
    viewer: { role, delegation },
    socket: socket as unknown as RealtimeSocket,
    api: { proposals: () => new Promise<ProposalView[]>((resolve) => lists.push(resolve)) },
    editing: rule,
    draftingToolbar: toolbar,
    onSelectProposal: (id) => selected.push(id),
  });
  if (feature.bar) document.body.append(feature.bar.element);
  const awareness = new Awareness(doc);
  const view = createCollabEditor({
    mount: document.body.appendChild(document.createElement('div')),
    fragment: doc.getXmlFragment(PROSEMIRROR_FRAGMENT),
    awareness,
    editable: role !== 'observer',
    toolbar,
    firstPlugins: [feature.inputPlugin],
    plugins: [feature.plugin],
  });
  feature.attach(view);

  const text = () => view.state.doc.textContent;
  const caret = (at: string, offset = 0) => select(view, posOf(view.state.doc, at, offset), posOf(view.state.doc, at, offset));
  const selectWords = (from: string, to: string) => select(view, posOf(view.state.doc, from), posOf(view.state.doc, to, to.length));
  const type = (typed: string) => {
    for (const character of typed) {
      const { from, to } = view.state.selection;
      const handled = view.someProp('handleTextInput', (f) => f(view, from, to, character, () => view.state.tr.insertText(character, from, to)));
      if (!handled) view.dispatch(view.state.tr.insertText(character, from, to));
    }
  };
  const press = (key: string, modifiers: KeyboardEventInit = {}) => view.dom.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers }));
  const paste = (pasted: string) => {
    const event = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(event, 'clipboardData', { value: { getData: (type: string) => (type === 'text/plain' ? pasted : ''), types: ['text/plain'] } });
    view.dom.dispatchEvent(event);
  };
  /** An anchor on `words` (a point just before them with `point`), made as the server expects. */
  const anchorOn = (words: string, point = false): ProposalAnchor => {
    const text = paragraphTexts(doc).find((t) => t.toString().includes(words))!;
    const paragraphId = (text.parent as Y.XmlElement).getAttribute('id') as string;
    const at = text.toString().indexOf(words);
    return point ? pointAnchor(text, at, paragraphId) : rangeAnchor(text, at, at + words.length, paragraphId);
  };
  /** Answers the feature's oldest list request. */
  const load = async (proposals: ProposalView[]) => {
    lists.shift()!(proposals);
    await settle();
  };
  const button = (label: string) => [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === label) ?? null;
  const notice = () => document.querySelector('.propose-notice')?.textContent ?? '';
  return {
    doc,
    socket,
    lists,
    selected,
    feature,
    view,
    toolbar,
    text,
    caret,
    selectWords,
    type,
    press,
    paste,
    button,
    notice,
    anchorOn,
    load,
    settle,
    /** After the editor's own deferred updates (y-prosemirror sends cursor changes a tick later). */
    async destroy() {
      await new Promise((resolve) => setTimeout(resolve, 0));
      feature.destroy();
      rule.destroy();
      view.destroy();
      awareness.destroy();
      doc.destroy();
      document.body.replaceChildren();
    },
  };
}

function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  const texts: Y.XmlText[] = [];
  const visit = (el: Y.XmlElement | Y.XmlFragment) => {
    for (const child of el.toArray()) {
      if (child instanceof Y.XmlText) texts.push(child);
      else if (child instanceof Y.XmlElement) visit(child);
    }
  };
  visit(doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
  return texts;
}

/** Lets the answers to acknowledged emits (promise callbacks) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

function select(view: EditorView, from: number, to: number): void {
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)));
}
