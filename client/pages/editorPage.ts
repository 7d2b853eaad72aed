import type { EditorView } from 'prosemirror-view';
import { DraftApi } from '../api/draftApi';
import { joinDraftRoom } from '../api/draftRoom';
import { NegotiationsApi } from '../api/negotiationsApi';
import { connectRealtime } from '../api/realtime';
import { RoomGate } from '../api/roomGate';
import { AccessMemory } from '../app/accessMemory';
import type { App } from '../app/app';
import { h, replaceChildren } from '../app/dom';
import type { Page, PageContext } from '../app/router';
import { onSessionEnded, type Session } from '../app/session';
import { CollabSession, yjsServerUrl } from '../collab/collabSession';
import { pauseWhileOffline } from '../collab/pauseWhileOffline';
import { CommentsFeature } from '../comments/commentsFeature';
import { createCollabEditor } from '../editor/createEditor';
import { StableLabelsFeed } from '../editor/stableLabelsFeed';
import { HistoryPanel } from '../history/historyPanel';
import { ConnectionIndicator } from '../panels/connectionIndicator';
import { MembersPanel } from '../panels/membersPanel';
import { PeoplePanel } from '../panels/peoplePanel';
import { RoomJoinStatus } from '../panels/roomJoinStatus';
import { accessBadge } from './accessBadge';
import { keepPagePlace } from './pagePlace';
import { followVersionNews } from '../history/versionNews';
import { SaveIndicator } from '../panels/saveIndicator';
import { ParagraphsFeature } from '../paragraphs/paragraphsFeature';
import { EditingSetting } from '../proposals/editingSetting';
import { ProposalsFeature } from '../proposals/proposalsFeature';
import { Sidebar } from '../panels/sidebar';
import { SidebarDrawer } from '../panels/sidebarDrawer';
import { SponsorsPanel } from '../sponsors/sponsorsPanel';
import { SilencePanel } from '../silence/silencePanel';
import { ProposalActions } from '../proposals/proposalActions';
import { ProposalsPanel } from '../proposals/proposalsPanel';
import { DraftViews } from '../proposals/draftViews';
import { editorOutline } from '../proposals/paragraphOutline';
import { CloseCode } from '../../shared/closeCodes';
import type { DraftAccess, NegotiationDetail } from '../../shared/negotiations';
import { canEditText, isFacilitator } from '../../shared/roles';
import { appHeader } from './appHeader';
import { accessChanged, loadDraftAccess } from './draftAccess';
import { draftHeading } from './draftHeading';
import { draftNotFound, messagePanel } from './messagePanel';
import { exportMenu } from '../documents/exportMenu';
import { Announcements } from '../announce/announcements';
import { keyboardHelp } from '../keyboard/keyboardHelp';
import { editorShortcuts } from '../keyboard/shortcuts';
import { modKeyName } from '../editor/toolbar';
import { FindFeature } from '../find/findFeature';
import { ProjectorFeature } from '../projector/projectorFeature';

/** The session ended because this person's membership changed: the page is rebuilt with the new access. */
const MEMBERSHIP_CHANGED = 'membership-changed';

/**
 * The editor of one draft: text in the middle, panels on the right, connection state on top.
 * What the person may do comes from their membership in the draft's negotiation.
 */
export function editorPage(app: App, session: Session): Page {
  return (context) => {
    const { params, outlet, signal } = context;
    const memory = new AccessMemory(localStorage, session.user.id);
    outlet.append(h('main', { class: 'page', attrs: { 'aria-busy': 'true' } }, h('p', { class: 'paper-message' }, 'Opening the draft…')));
    void loadDraftAccess(app.api, memory, params.id).then((outcome) => {
      if (signal.aborted) return;
      outlet.replaceChildren();
      if (outcome.kind === 'access') openDraft(app, session, outcome.access, context);
      else
        outlet.append(
          appHeader(app, session),
          h(
            'main',
            { class: 'page' },
            outcome.kind === 'not-found'
              ? draftNotFound()
              : messagePanel('The draft could not be opened', outcome.message, h('a', { class: 'button-quiet', attrs: { href: app.router.currentPath() } }, 'Try again')),
          ),
        );
    });
  };
}

function openDraft(app: App, session: Session, access: DraftAccess, { params, outlet, signal }: PageContext): void {
  const draftId = params.id;
  const canEdit = canEditText(access.role);
  const returnHere = app.router.currentPath();
  const reopen = () => {
    if (!signal.aborted) app.router.navigate(returnHere, { replace: true });
  };

  const symbolEl = h('span', { class: 'doc-symbol' });
  const titleEl = h('span', { class: 'doc-title' }, 'Opening the draft…');
  const indicator = new ConnectionIndicator();
  const announcements = new Announcements();
  const saveIndicator = new SaveIndicator();
  const toolbarHost = h('div', { class: 'toolbar-host' });
  const notices = h('div', { class: 'notices' });
  const proposeBarHost = h('div', { class: 'propose-bar-host' });
  const paper = h('article', { class: 'paper' }, h('p', { class: 'paper-message' }, 'Opening the draft…'));
  const paperScroll = h('main', { class: 'paper-scroll', attrs: { tabindex: '0', 'aria-label': 'Draft text' } }, paper);
  const people = new PeoplePanel(session.user.id);
  const sidebar = new Sidebar();
  sidebar.addTab({ id: 'people', label: 'People', panel: people.element });
  const drawer = new SidebarDrawer(sidebar);

  outlet.append(
    h(
      'div',
      { class: 'editor-page' },
      appHeader(
        app,
        session,
        h('a', { class: 'back-link', attrs: { href: '/drafts', title: 'All drafts' } }, '← Drafts'),
        h('div', { class: 'doc-heading' }, symbolEl, titleEl),
        h(
          'div',
          { class: 'doc-status' },
          accessBadge(access, session.user.displayName),
          indicator.element,
          saveIndicator.element,
          h('a', { class: 'button-quiet', attrs: { href: `/drafts/${encodeURIComponent(draftId)}/print` } }, 'Print view'),
          exportMenu({ draftId, api: app.api, versions: () => draftApi.versions() }),
          keyboardHelp(() => editorShortcuts(modKeyName()), signal),
          drawer.toggle,
        ),
      ),
      h(
        'div',
        { class: 'workspace' },
        h(
          'div',
          { class: 'editor-column' },
          canEdit
            ? toolbarHost
            : h('div', { class: 'observer-note' }, 'You follow this draft as an observer: the text is read-only.'),
          proposeBarHost,
          notices,
          paperScroll,
        ),
        sidebar.element,
        drawer.backdrop,
      ),
      announcements.element,
    ),
  );

  let view: EditorView | null = null;
  let missing = false;
  const notFound = () => {
    missing = true;
    view?.destroy();
    view = null;
    toolbarHost.replaceChildren();
    replaceChildren(paper, draftNotFound());
    titleEl.textContent = 'Draft not found';
    indicator.unavailable();
    people.unavailable();
  };
  // The server ended this person's access (token expired, account removed): sign in again;
  // edits made on this device stay in its IndexedDB copy of the draft. A changed membership
  // only needs the page rebuilt with the new role (or "not found" once removed).
  const sessionEnded = (reason = '') => {
    if (reason.endsWith(MEMBERSHIP_CHANGED)) reopen();
    else if (!signal.aborted) app.signOut({ returnTo: returnHere, expired: true });
  };
  const refused = (code: number) => {
    notices.replaceChildren(
      h(
        'p',
        { class: 'notice notice-error', attrs: { role: 'alert' } },
        `The server refused a change from this device (code ${code}). Your text is kept on this device; reload the page to try again, and tell the secretariat if this happens again.`,
      ),
    );
  };

  const collab = new CollabSession(
    {
      draftId,
      ticket: () => app.api.draftTicket(draftId),
      serverUrl: yjsServerUrl(location),
      user: { id: session.user.id, delegation: access.delegation },
      localCopyOwner: session.user.id,
    },
    {
      onStatus: (status) => {
        indicator.show(status);
        announcements.connectionChanged(status);
        if (!view && !missing && status === 'offline') {
          replaceChildren(paper, h('p', { class: 'paper-message' }, 'This draft has not been opened on this device before. It will appear as soon as the connection returns.'));
        }
      },
      onSaveStatus: (status) => saveIndicator.show(status),
      onClosed: (code, reason) => {
        if (code === CloseCode.Unauthorized) sessionEnded(reason);
        else if (code === CloseCode.UnknownDraft) notFound();
        else refused(code);
      },
    },
  );
  announcements.watch(collab.doc, collab.provider.awareness);
  const socket = connectRealtime(session.token);
  onSessionEnded(socket, sessionEnded);
  const stopFollowingNetwork = pauseWhileOffline(socket);
  // The panels' lists are read once the room is joined, so no broadcast falls between list and join.
  const gate = new RoomGate();
  const roomApi = gate.hold(app.api);
  const draftApi = new DraftApi(draftId, roomApi);
  const comments = new CommentsFeature({
    draftId,
    viewer: { userId: session.user.id, role: access.role },
    socket,
    api: draftApi,
    doc: collab.doc,
    reveal: () => drawer.reveal('comments'),
  });
  const negotiationsApi = new NegotiationsApi(roomApi);
  const labels = new StableLabelsFeed(draftApi);
  const delegations = async () => delegationsOf(await negotiationsApi.get(access.negotiationId));
  const paragraphs = new ParagraphsFeature({
    draftId,
    facilitator: isFacilitator(access.role),
    socket,
    api: draftApi,
    delegations,
    reveal: () => drawer.reveal('progress'),
    onList: (list) => labels.known(list),
  });
  const sponsors = new SponsorsPanel({
    draftId,
    api: draftApi,
    socket,
    ownDelegation: access.role === 'delegate' ? access.delegation : null,
    delegations: isFacilitator(access.role) ? delegations : null,
  });
  const editing = new EditingSetting({
    draftId,
    api: draftApi,
    socket,
    facilitator: isFacilitator(access.role),
    load: async () => (await draftApi.draft()).draft.editing,
  });
  const proposals = new ProposalsFeature({
    draftId,
    viewer: { role: access.role, delegation: access.delegation },
    socket,
    api: draftApi,
    editing,
    draftingToolbar: toolbarHost,
    onSelectProposal: (id) => {
      drawer.reveal('proposals');
      proposalsPanel.showProposal(id);
    },
  });
  proposeBarHost.append(...(proposals.bar ? [proposals.bar.element] : []), editing.element);
  const silence = new SilencePanel({ api: draftApi, socket, facilitator: isFacilitator(access.role), delegate: access.role === 'delegate' });
  silence.reload();
  const outline = () => editorOutline(view);
  const views = new DraftViews({ doc: collab.doc, store: proposals.store, editorColumn: paper.closest<HTMLElement>('.editor-column')!, outline, ownDelegation: access.delegation });
  notices.after(views.toggle);
  paper.after(views.paper);
  const proposalActions = new ProposalActions(socket, draftId);
  const find = new FindFeature({ canReplace: canEdit, propose: (proposal) => proposalActions.create(proposal) });
  notices.before(find.bar.element);
  const projector = new ProjectorFeature({ draftId, socket, facilitator: isFacilitator(access.role), page: paper.closest<HTMLElement>('.editor-page')! });
  views.toggle.append(projector.control);
  const proposalsPanel = new ProposalsPanel({
    store: proposals.store,
    actions: proposalActions,
    viewer: { delegation: access.delegation, role: access.role },
    labels: () => outline().labels,
    showInText: (proposal) => {
      views.show('editing');
      return proposals.select(proposal.id);
    },
  });
  const joinStatus = new RoomJoinStatus(() => room.retry(), paperScroll);
  notices.after(joinStatus.element);
  const room = joinDraftRoom(socket, draftId, {
    onPeople: (list) => people.show(list),
    onLive: (live) => {
      people.setLive(live);
      // The first answer lets the lists asked so far go out; a later join reloads what it may have missed.
      if (gate.roomAnswered()) return;
      if (live) {
        comments.reload();
        paragraphs.reload();
        sponsors.reload();
        silence.reload();
        proposals.reload();
        editing.reload();
      }
    },
    onUnauthorized: sessionEnded,
    onJoin: (state) => joinStatus.show(state),
    // A role changed while this page was offline, or since the page asked: rebuild it.
    onAccess: (now) => {
      if (accessChanged(access, now)) reopen();
    },
  });
  sidebar.addTab({ id: 'comments', label: 'Comments', panel: comments.panel.element });
  sidebar.addTab({ id: 'proposals', label: 'Proposals', panel: proposalsPanel.element, onShow: () => proposalsPanel.render() });
  sidebar.addTab({ id: 'progress', label: 'Progress', panel: paragraphs.panel.element, onShow: paragraphs.reload });
  sidebar.addSection('progress', { id: 'sponsors', panel: sponsors.element, onShow: sponsors.reload });
  const history = new HistoryPanel(draftApi, isFacilitator(access.role), () => void labels.refresh());
  sidebar.addTab({ id: 'history', label: 'History', panel: history.element, onShow: () => void history.refresh() });
  sidebar.addSection('progress', { id: 'silence', panel: silence.element, onShow: silence.reload });
  const members = new MembersPanel({
    api: negotiationsApi,
    negotiationId: access.negotiationId,
    manage: isFacilitator(access.role),
    chooseFromAccounts: session.user.admin,
    selfId: session.user.id,
  });
  sidebar.addSection('people', { id: 'members', heading: 'Members of the negotiation', panel: members.element, onShow: () => void members.refresh() });
  const stopVersionNews = followVersionNews({ socket, notices, refreshHistory: () => void history.refresh(), historyShown: () => !history.element.hidden });
  const place = keepPagePlace(sessionStorage, draftId, { sidebar: sidebar.element, scrollers: [paperScroll, sidebar.element] });

  signal.addEventListener('abort', () => {
    place.stop();
    stopVersionNews();
    stopFollowingNetwork();
    room.leave();
    joinStatus.destroy();
    comments.destroy();
    paragraphs.destroy();
    sponsors.destroy();
    history.destroy();
    silence.destroy();
    proposals.destroy();
    editing.destroy();
    labels.destroy();
    views.destroy();
    drawer.destroy();
    announcements.destroy();
    find.destroy();
    projector.destroy();
    socket.disconnect();
    view?.destroy();
    collab.destroy();
  });

  void collab.ready().then(() => {
    if (signal.aborted || missing) return;
    paper.replaceChildren();
    view = createCollabEditor({
      mount: paper,
      fragment: collab.fragment,
      awareness: collab.provider.awareness,
      editable: canEdit,
      toolbar: canEdit ? toolbarHost : null,
      firstPlugins: [proposals.inputPlugin],
      plugins: [comments.plugin, paragraphs.plugin, proposals.plugin, announcements.plugin, find.plugin, projector.plugin],
      onChange: (state) => {
        const { symbol, title } = draftHeading(state.doc);
        symbolEl.textContent = symbol;
        titleEl.textContent = title || 'Untitled draft';
        document.title = `${symbol ? `${symbol} — ` : ''}${title || 'Draft'}`;
        labels.textChanged(state.doc);
      },
    });
    comments.attach(view);
    labels.attach(view);
    paragraphs.attach(view);
    proposals.attach(view);
    find.attach(view);
    projector.attach(view);
    place.restoreScroll();
  });
}

/** The delegations taking part in a negotiation, for "agreed pending" and the main sponsors (facilitators and observers wait for no one). */
function delegationsOf({ members }: NegotiationDetail): string[] {
  return [...new Set(members.filter((m) => m.role === 'delegate' && m.delegation).map((m) => m.delegation))].sort((a, b) => a.localeCompare(b));
}
