import type { ProposalAnchor, ProposalView } from '../../shared/proposals';
import { errorText } from '../app/errorText';
import type { NewProposal, ProposalActions } from './proposalActions';
import type { ShownProposal } from './proposalPlace';
import type { ProposalStore } from './proposalStore';

/** Said when blanks typed in Propose mode never got a word after them. */
export const NOTICE_BLANK = 'Only spaces were typed, so no proposal was made: a proposal needs words.';

/** Keystrokes on one proposal reach the server at most this often (the per-user event budget is small). */
export const SEND_INTERVAL_MS = 400;

/** The delegation's proposal as the person is typing it, ahead of what the server has. */
interface Draft {
  shown: ShownProposal;
  /** Null while proposal:create is on its way. */
  id: string | null;
  /** Fields changed since the server last heard of them. */
  changed: { text: boolean; anchor: boolean };
  sending: boolean;
  withdrawn: boolean;
  /**
   * A new proposal whose words are blank so far (a space typed first, as before a word at the
   * end of a sentence): the server refuses blank wording, so it goes out with its first word.
   */
  held: NewProposal | null;
}

export interface ProposalDraftsOptions {
  actions: Pick<ProposalActions, 'create' | 'edit' | 'withdraw'>;
  store: ProposalStore;
  delegation: string;
  /** What is shown changed (a keystroke, an answer from the server). */
  onChange: () => void;
  /** Words typed were dropped (the server refused them, or they were only blanks): the person is told why. */
  onError: (message: string) => void;
}

/**
 * The delegation's proposals being typed in Propose mode. Each keystroke shows at once;
 * the server hears a new proposal right away and later keystrokes on it coalesced, at most
 * every SEND_INTERVAL_MS or when the caret moves away (`finish`); one that starts blank
 * (a space typed before a word) goes out with its first word, since blank wording is refused.
 */
export class ProposalDrafts {
  private readonly drafts = new Map<string, Draft>();
  private localKeys = 0;
  /** proposal:create on their way, and what the room announced of this delegation meanwhile (see `heard`). */
  private creating = 0;
  private readonly heardWhileCreating: ProposalView[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: ProposalDraftsOptions) {}

  /** Pending proposals as this person sees them: the server's with the words being typed in them. */
  shown(): ShownProposal[] {
    const shown: ShownProposal[] = [];
    for (const proposal of this.options.store.list('pending')) {
      const draft = this.drafts.get(proposal.id);
      if (!draft) shown.push(proposal);
      else if (!draft.withdrawn) shown.push({ ...draft.shown, id: proposal.id });
    }
    for (const [key, draft] of this.drafts) if (draft.id === null && !draft.withdrawn) shown.push({ ...draft.shown, id: key });
    return shown;
  }

  /**
   * A proposal the room announced. The server announces a new proposal before it answers its
   * creator: shown then, it would sit beside the words being typed into it, and a keystroke would
   * go to its copy, lost once the answer brings the words typed meanwhile. So while this person's
   * creations are on their way, the delegation's new proposals wait for the answers.
   */
  heard(proposal: ProposalView): void {
    const mayBeOneBeingCreated = this.creating > 0 && proposal.delegation === this.options.delegation && !this.options.store.get(proposal.id);
    if (mayBeOneBeingCreated) this.heardWhileCreating.push(proposal);
    else this.options.store.upsert(proposal);
  }

  create(proposal: NewProposal): void {
    const key = `local-${++this.localKeys}`;
    const draft: Draft = {
      shown: {
        id: key,
        kind: proposal.kind,
        delegation: this.options.delegation,
        paragraphId: proposal.anchor?.paragraphId ?? proposal.paragraphId ?? proposal.afterParagraphId ?? '',
        anchor: proposal.anchor ?? null,
        text: proposal.text ?? null,
        paragraphType: proposal.paragraphType ?? null,
        level: proposal.level ?? null,
      },
      id: null,
      changed: { text: false, anchor: false },
      sending: false,
      withdrawn: false,
      held: null,
    };
    this.drafts.set(key, draft);
    this.options.onChange();
    if (isBlank(proposal.text)) draft.held = proposal;
    else this.sendCreate(key, draft, proposal);
  }

  private sendCreate(key: string, draft: Draft, proposal: NewProposal): void {
    draft.sending = true;
    this.creating += 1;
    this.options.actions.create(proposal).then(
      (created) => {
        this.drafts.delete(key);
        // Typed on while the proposal was being made: keep showing that, and send it next.
        if (draft.changed.text || draft.changed.anchor) {
          this.drafts.set(created.id, { ...draft, id: created.id, sending: false });
          this.timer ??= setTimeout(this.flush, SEND_INTERVAL_MS);
        }
        this.options.store.upsert(created);
        this.created();
        if (draft.withdrawn) this.sendWithdraw(created.id);
        this.options.onChange();
      },
      (failure: unknown) => {
        this.drafts.delete(key);
        this.created();
        this.failed(failure);
      },
    );
  }

  /** A creation was answered: once none is on its way, what the room announced meanwhile is shown. */
  private created(): void {
    this.creating -= 1;
    if (this.creating > 0) return;
    for (const proposal of this.heardWhileCreating.splice(0)) this.options.store.upsert(proposal);
  }

  /** The delegation's pending proposal `id` (a server id or a local key) now has this text or anchor. */
  edit(id: string, change: { text?: string; anchor?: ProposalAnchor }): void {
    const draft = this.draftOf(id);
    if (!draft) return;
    if (change.text !== undefined) draft.shown = { ...draft.shown, text: change.text };
    if (change.anchor !== undefined) draft.shown = { ...draft.shown, anchor: change.anchor };
    this.options.onChange();
    if (draft.held) {
      if (!isBlank(draft.shown.text)) this.sendHeld(id, draft, draft.held);
      return;
    }
    draft.changed = { text: draft.changed.text || change.text !== undefined, anchor: draft.changed.anchor || change.anchor !== undefined };
    this.timer ??= setTimeout(this.flush, SEND_INTERVAL_MS);
  }

  withdraw(id: string): void {
    const draft = this.draftOf(id);
    if (!draft) return;
    draft.withdrawn = true;
    if (draft.held) this.drafts.delete(id);
    this.options.onChange();
    if (draft.id !== null) this.sendWithdraw(draft.id);
  }

  /**
   * What was typed is complete for now (the caret moved on, Edit mode was chosen): everything
   * goes to the server, and blank words that never got a word after them are dropped.
   */
  readonly finish = (): void => {
    const blank = [...this.drafts].filter(([, draft]) => draft.held);
    for (const [key] of blank) this.drafts.delete(key);
    if (blank.length > 0) this.options.onError(NOTICE_BLANK);
    this.options.onChange();
    this.flush();
  };

  /** Sends every change the server has not heard yet (the caret moved on, or the interval is up). */
  readonly flush = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const draft of this.drafts.values()) {
      if (draft.held) continue;
      if (draft.id === null || draft.sending || draft.withdrawn || !(draft.changed.text || draft.changed.anchor)) continue;
      const change = { proposalId: draft.id, ...(draft.changed.text ? { text: draft.shown.text ?? '' } : {}), ...(draft.changed.anchor && draft.shown.anchor ? { anchor: draft.shown.anchor } : {}) };
      draft.changed = { text: false, anchor: false };
      draft.sending = true;
      void this.send(() => this.options.actions.edit(change)).finally(() => {
        draft.sending = false;
        // Typed on while this was on its way: the rest goes at the next interval.
        if (draft.changed.text || draft.changed.anchor) this.timer ??= setTimeout(this.flush, SEND_INTERVAL_MS);
        else if (this.drafts.get(draft.id as string) === draft) this.drafts.delete(draft.id as string);
        this.options.onChange();
      });
    }
  };

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private draftOf(id: string): Draft | null {
    const known = this.drafts.get(id);
    if (known) return known;
    const proposal = this.options.store.get(id);
    if (!proposal || proposal.status !== 'pending') return null;
    const draft: Draft = { shown: proposal, id, changed: { text: false, anchor: false }, sending: false, withdrawn: false, held: null };
    this.drafts.set(id, draft);
    return draft;
  }

  /** The held proposal has its first word: it goes out as it now reads. */
  private sendHeld(key: string, draft: Draft, held: NewProposal): void {
    draft.held = null;
    const { text, anchor } = draft.shown;
    this.sendCreate(key, draft, { ...held, ...(text !== null ? { text } : {}), ...(anchor ? { anchor } : {}) });
  }

  /** Sends one event; the answer goes into the store, a refusal drops the draft and is told. */
  private async send(event: () => Promise<ProposalView>): Promise<void> {
    try {
      this.options.store.upsert(await event());
    } catch (failure) {
      this.failed(failure);
    }
  }

  /** Once answered (or refused: then it shows again) the server's word is the one shown. */
  private sendWithdraw(id: string): void {
    void this.send(() => this.options.actions.withdraw(id)).finally(() => {
      this.drafts.delete(id);
      this.options.onChange();
    });
  }

  private failed(failure: unknown): void {
    this.options.onError(errorText(failure));
    this.options.onChange();
  }
}

function isBlank(text: string | null | undefined): boolean {
  return text !== null && text !== undefined && text.trim() === '';
}
