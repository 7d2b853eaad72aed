import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { rangeAnchor } from '../../shared/proposalAnchors';
import type { DraftEditing, ProposalView } from '../../shared/proposals';
import { canEditText, type Role } from '../../shared/roles';
import type { DraftApi } from '../api/draftApi';
import type { RealtimeSocket } from '../api/realtime';
import { errorText } from '../app/errorText';
import { proposalDecorationsKey, proposalDecorationsPlugin, type ProposalMarksUpdate } from '../editor/plugins/proposalDecorations';
import { editingMode, placeCaret, proposeModePlugin, setEditingMode, type EditingMode, type ProposeCommand } from '../editor/plugins/proposeModePlugin';
import { modKeyName } from '../editor/toolbar';
import type { EditingSetting } from './editingSetting';
import { ProposalActions, type NewProposal } from './proposalActions';
import { ProposalDrafts } from './proposalDrafts';
import { anchorPlace, caretFor } from './proposalPlace';
import { ProposalStore } from './proposalStore';
import { ProposeBar } from './proposeBar';
import { proposeIntent, proposeSpot, type ProposeInput, type ProposeIntent, type ProposeSpot } from './proposeIntent';
import { wordingForm } from './wordingForm';

export interface ProposalsFeatureOptions {
  draftId: string;
  /** Who reads the draft: their role and delegation in its negotiation. */
  viewer: { role: Role; delegation: string };
  socket: RealtimeSocket;
  api: Pick<DraftApi, 'proposals'>;
  /** The draft's rule for delegates (direct edits or proposals only), as the page's editing setting hears it. */
  editing: Pick<EditingSetting, 'rule' | 'subscribe'>;
  /** The drafting toolbar: hidden in Propose mode, where its changes would not apply. */
  draftingToolbar?: HTMLElement | null;
  /** A proposal in the text was clicked or asked for at the caret: the Proposals panel shows its card. */
  onSelectProposal?: (id: string) => void;
}

const NOTICE_SELECT_WORDS = 'Select the words to bracket';
const NOTICE_NOTHING_HERE = 'There is no proposal at the caret';

/**
 * Proposals in the editor: the draft's proposals from the server kept live, shown in the
 * text for everyone, and for delegates and facilitators the Edit | Propose switch, Propose
 * mode itself (typing becomes proposals of their delegation) and the proposal commands.
 * Delegates of a "proposals only" draft are always in Propose mode.
 */
export class ProposalsFeature {
  readonly store = new ProposalStore();
  /** The switch, commands and notices; null for observers, who only read. */
  readonly bar: ProposeBar | null;
  /** Goes first among the editor's plugins: its keys come before the drafting keymap. */
  readonly inputPlugin;
  /** The proposals shown in the text. */
  readonly plugin;
  private readonly actions: ProposalActions;
  private readonly drafts: ProposalDrafts;
  private view: EditorView | null = null;
  private chosen: EditingMode = 'edit';
  private editing: DraftEditing;
  private readonly stopFollowingRule: () => void;
  /** Counts list requests, so an older answer landing after a newer one is dropped. */
  private loads = 0;

  constructor(private readonly options: ProposalsFeatureOptions) {
    // Until the rule is known, as by default: direct edits (the server puts back what a rule forbids).
    this.editing = options.editing.rule ?? 'direct';
    this.actions = new ProposalActions(options.socket, options.draftId);
    this.drafts = new ProposalDrafts({
      actions: this.actions,
      store: this.store,
      delegation: options.viewer.delegation,
      onChange: () => this.redraw({}),
      onError: (message) => this.notice(message),
    });
    this.bar = canEditText(options.viewer.role)
      ? new ProposeBar({ choose: (mode) => this.choose(mode), command: (command) => this.view && this.command(this.view, command) }, modKeyName())
      : null;
    this.inputPlugin = proposeModePlugin({
      propose: (view, input) => this.propose(view, input),
      command: (view, command) => this.command(view, command),
      notice: (text) => this.notice(text),
      caretMoved: this.drafts.finish,
    });
    this.plugin = proposalDecorationsPlugin({
      onSelect: (id) => {
        this.redraw({ selectedId: id });
        options.onSelectProposal?.(id);
      },
    });
    this.store.subscribe(() => this.redraw({}));
    options.socket.on('proposal:created', this.onProposal);
    options.socket.on('proposal:updated', this.onProposal);
    this.stopFollowingRule = options.editing.subscribe((rule) => {
      this.editing = rule;
      this.applyMode();
    });
    this.reload();
  }

  attach(view: EditorView): void {
    this.view = view;
    this.applyMode();
    this.redraw({});
  }

  destroy(): void {
    this.drafts.flush();
    this.drafts.destroy();
    this.view = null;
    this.options.socket.off('proposal:created', this.onProposal);
    this.options.socket.off('proposal:updated', this.onProposal);
    this.stopFollowingRule();
  }

  /** Loads every proposal of the draft; called again on each room join, so nothing broadcast while away is missed. */
  readonly reload = (): void => {
    const load = ++this.loads;
    this.options.api.proposals().then(
      (proposals) => {
        if (load === this.loads) this.store.replaceAll(proposals);
      },
      (failure: unknown) => this.notice(`Proposals could not be loaded: ${errorText(failure)}`),
    );
  };

  /**
   * Shows a proposal in the text (the panel's "show in text"): marks it and puts the caret at its
   * words or its paragraph. False when it is no longer in the text.
   */
  select(id: string): boolean {
    const view = this.view;
    const proposal = this.drafts.shown().find((p) => p.id === id) ?? this.store.get(id);
    if (!view || !proposal) return false;
    const tr = view.state.tr.setMeta(proposalDecorationsKey, { selectedId: id } satisfies ProposalMarksUpdate);
    const caret = caretFor(view.state, proposal);
    if (caret !== null) tr.setSelection(TextSelection.create(tr.doc, caret)).scrollIntoView();
    view.dispatch(tr);
    view.focus();
    return caret !== null;
  }

  private readonly onProposal = (proposal: ProposalView) => {
    if (proposal.draftId === this.options.draftId) this.drafts.heard(proposal);
  };

  private get forced(): boolean {
    return this.options.viewer.role === 'delegate' && this.editing === 'proposals';
  }

  private choose(mode: EditingMode): void {
    this.chosen = mode;
    this.applyMode();
    this.view?.focus();
  }

  private applyMode(): void {
    const mode: EditingMode = !this.bar ? 'edit' : this.forced ? 'propose' : this.chosen;
    this.bar?.show(mode, this.forced);
    if (this.options.draftingToolbar) this.options.draftingToolbar.hidden = mode === 'propose';
    if (mode === 'edit') this.drafts.finish();
    if (this.view && editingMode(this.view.state) !== mode) this.view.dispatch(setEditingMode(this.view.state.tr, mode));
  }

  private propose(view: EditorView, input: ProposeInput): void {
    this.carry(view, proposeIntent(view.state, input, this.options.viewer.delegation, this.drafts.shown()));
  }

  private carry(view: EditorView, intent: ProposeIntent): void {
    if (intent.type === 'refuse') return this.notice(intent.notice);
    if (intent.type === 'nothing') return;
    this.notice('');
    if (intent.type === 'create') this.drafts.create(intent.proposal);
    else if (intent.type === 'edit') this.drafts.edit(intent.id, { text: intent.text, anchor: intent.anchor });
    else {
      this.drafts.withdraw(intent.id);
      if (intent.then) this.drafts.create(intent.then);
    }
    const { selection } = view.state;
    if (!selection.empty || selection.head !== intent.caret) view.dispatch(placeCaret(view.state, intent.caret));
  }

  private command(view: EditorView, command: ProposeCommand): void {
    if (command === 'show') return this.showAtCaret(view);
    if (!this.bar) return;
    const spot = proposeSpot(view.state);
    if ('notice' in spot) return this.notice(spot.notice);
    this.notice('');
    if (command === 'bracket') {
      if (spot.from === spot.to) return this.notice(NOTICE_SELECT_WORDS);
      this.drafts.create({ kind: 'bracket', anchor: rangeAnchor(spot.text, spot.from, spot.to, spot.paragraphId) });
      return;
    }
    const operative = spot.paragraph.type.name === 'operative_paragraph';
    // The paragraph as the margin labels it ("OP3"): once the form has the focus, "this one" is no longer clear.
    const label = (view.nodeDOM(spot.start - 1) as HTMLElement | null)?.dataset?.label || null;
    const bar = this.bar;
    bar.openForm(
      wordingForm({
        heading:
          command === 'alternative'
            ? `Alternative wording for ${label ?? 'this paragraph'}`
            : `New ${operative ? 'operative' : 'preambular'} paragraph after ${label ?? 'this one'}`,
        initial: command === 'alternative' ? spot.paragraph.textContent : '',
        submitLabel: 'Propose',
        submit: async (text, justification) => this.store.upsert(await this.actions.create(wordingProposal(command, spot, text, justification))),
        close: () => {
          bar.closeForm();
          view.focus();
        },
      }),
    );
  }

  /** Mod-Alt-Enter: the card of the proposal the caret touches. */
  private showAtCaret(view: EditorView): void {
    const { head } = view.state.selection;
    const $head = view.state.doc.resolve(head);
    const id = this.drafts.shown().find((proposal) => {
      if (!proposal.anchor) return proposal.paragraphId === $head.parent.attrs.id;
      const place = anchorPlace(view.state, proposal.anchor);
      return place !== null && place.from <= head && head <= place.to;
    })?.id;
    if (!id) return this.notice(NOTICE_NOTHING_HERE);
    this.redraw({ selectedId: id });
    this.options.onSelectProposal?.(id);
  }

  private notice(text: string): void {
    this.bar?.notice(text);
  }

  private redraw(update: ProposalMarksUpdate): void {
    if (this.view) this.view.dispatch(this.view.state.tr.setMeta(proposalDecorationsKey, { proposals: this.drafts.shown(), ...update } satisfies ProposalMarksUpdate));
  }
}

/** An alternative wording of the paragraph, or a new paragraph of its kind (and level) after it. */
function wordingProposal(command: 'alternative' | 'new_paragraph', { paragraph, paragraphId }: ProposeSpot, text: string, justification: string): NewProposal {
  const operative = paragraph.type.name === 'operative_paragraph';
  const place: NewProposal =
    command === 'alternative'
      ? { kind: 'alternative', paragraphId }
      : { kind: 'new_paragraph', afterParagraphId: paragraphId, ...(operative ? { paragraphType: 'operative_paragraph', level: paragraph.attrs.level as number } : { paragraphType: 'preambular_paragraph' }) };
  return { ...place, text, ...(justification ? { justification } : {}) };
}
