import type { NegotiationsApi } from '../api/negotiationsApi';
import { h, replaceChildren } from '../app/dom';
import { byRoleThenDelegation } from '../app/memberOrder';
import { errorText } from '../app/errorText';
import { formError, formField, submitting } from '../app/formField';
import { roleName } from '../app/roleName';
import type { Member } from '../../shared/negotiations';
import type { PublicUser } from '../../shared/user';
import { membershipFields } from './membershipFields';

export interface MembersPanelOptions {
  api: Pick<NegotiationsApi, 'get' | 'setMember' | 'removeMember' | 'users'>;
  negotiationId: string;
  /** A facilitator of the negotiation (or the administrator): adds, changes and removes members. */
  manage: boolean;
  /** The administrator picks from every account; a facilitator types the username. */
  chooseFromAccounts: boolean;
  selfId: string;
}

/**
 * The Members tab: who belongs to the draft's negotiation, with their role and delegation.
 * Facilitators add accounts, change roles and delegations, and remove members; everyone
 * else reads the list.
 */
export class MembersPanel {
  readonly element: HTMLElement;
  private readonly summary = h('p', { class: 'panel-summary', attrs: { 'aria-live': 'polite' } }, 'Loading members…');
  private readonly list = h('ul', { class: 'members' });
  private readonly error = formError();
  private members: Member[] = [];
  /** The account to add: a choice of accounts for the administrator, a username for a facilitator. */
  private readonly account: HTMLInputElement | HTMLSelectElement;

  constructor(private readonly options: MembersPanelOptions) {
    this.account = options.chooseFromAccounts
      ? h('select', { attrs: { name: 'account', required: true } })
      : h('input', { attrs: { name: 'username', required: true, autocomplete: 'off', maxlength: '100' } });
    this.element = h('section', { class: 'members-panel' }, this.summary, this.error.element, this.list, options.manage ? this.addForm() : null);
  }

  /** Reloads the list; called each time the tab is shown and after every change. */
  async refresh(): Promise<void> {
    try {
      const { members } = await this.options.api.get(this.options.negotiationId);
      this.error.hide();
      this.members = [...members].sort(byRoleThenDelegation);
      this.summary.textContent = members.length === 1 ? '1 member in this negotiation.' : `${members.length} members in this negotiation.`;
      replaceChildren(this.list, ...this.members.map((member) => this.row(member)));
      if (this.options.manage && this.options.chooseFromAccounts) await this.offerAccounts();
    } catch (failure) {
      this.error.show(`Members could not be loaded: ${errorText(failure)}`);
    }
  }

  private row(member: Member): HTMLElement {
    const self = member.userId === this.options.selfId;
    const who = h(
      'div',
      { class: 'member-text' },
      h('span', { class: 'member-name' }, member.displayName, self ? h('span', { class: 'person-you' }, ' (you)') : null),
      h('span', { class: 'member-role' }, `${member.delegation} · ${roleName(member.role)}`),
    );
    const item = h('li', { class: 'member', attrs: { 'data-user-id': member.userId } }, who);
    if (this.options.manage) item.append(this.editForm(member));
    return item;
  }

  private editForm(member: Member): HTMLElement {
    const context = `for ${member.displayName}`;
    const fields = membershipFields(context, member);
    const save = h('button', { class: 'button-quiet button-small', attrs: { type: 'submit' } }, 'Save');
    const remove = h(
      'button',
      { class: 'button-link member-remove', attrs: { type: 'button', 'aria-label': `Remove ${member.displayName}` }, on: { click: () => void this.remove(member, remove) } },
      'Remove',
    );
    return h(
      'form',
      {
        class: 'member-edit',
        attrs: { 'aria-label': `Role and delegation ${context}` },
        on: {
          submit: (event) => {
            event.preventDefault();
            void this.change(save, () => this.options.api.setMember(this.options.negotiationId, member.userId, fields.value()));
          },
        },
      },
      fields.role,
      fields.delegation,
      save,
      remove,
    );
  }

  private async remove(member: Member, button: HTMLButtonElement): Promise<void> {
    if (!window.confirm(`Remove ${member.displayName} (${member.delegation}) from this negotiation? They lose access to its drafts at once.`)) return;
    await this.change(button, () =>
      this.options.api.removeMember(this.options.negotiationId, member.userId).catch((failure: unknown) => {
        throw new Error(`${member.displayName} was not removed: ${errorText(failure)}`);
      }),
    );
  }

  /** One change, then the list as the server now has it; a refusal (such as removing the last facilitator) is shown. */
  private async change(button: HTMLButtonElement, action: () => Promise<unknown>): Promise<void> {
    await submitting(button, this.error, 'The change could not be made.', async () => {
      await action();
      await this.refresh();
    });
  }

  /** The form that adds a member, built once so that what is typed in it survives a reload of the list. */
  private addForm(): HTMLElement {
    const account = this.account;
    const fields = membershipFields('of the new member');
    const submit = h('button', { class: 'button-primary button-small', attrs: { type: 'submit' } }, 'Add member');
    const added = () => {
      account.value = '';
      fields.delegation.value = '';
      account.focus();
    };
    const form = h(
      'form',
      {
        class: 'member-add-form',
        on: {
          submit: (event) => {
            event.preventDefault();
            // The server takes the account by id; a facilitator, who cannot list accounts, names it by username.
            void this.change(submit, () => this.options.api.setMember(this.options.negotiationId, account.value.trim(), fields.value()).then(added));
          },
        },
      },
      formField(this.options.chooseFromAccounts ? 'Account' : 'Username', account),
      formField('Role', fields.role),
      formField('Delegation', fields.delegation),
      submit,
    );
    return h('div', { class: 'member-add' }, h('h3', { class: 'panel-heading' }, 'Add a member'), form);
  }

  /** Offers every account that is not a member yet (administrators only). */
  private async offerAccounts(): Promise<void> {
    const members = new Set(this.members.map((m) => m.userId));
    const candidates = (await this.options.api.users()).filter((user: PublicUser) => !members.has(user.id));
    replaceChildren(
      this.account,
      h('option', { attrs: { value: '' } }, 'Choose an account…'),
      ...candidates.map((user) => h('option', { attrs: { value: user.id } }, `${user.displayName} (${user.username})`)),
    );
  }
}
