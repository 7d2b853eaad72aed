import { randomUUID } from 'node:crypto';
import { proposalRevision } from '../../../shared/proposals';
import { delegate, proposalInstance, sharedRoom } from '../../helpers/proposalInstances';
import { textIn } from '../../helpers/proposals';
import { makeProposal } from '../../helpers/proposalRecords';
import { openTempSqliteStore, type TempStore } from '../../helpers/tempStore';
import { idOf, liveDraft, ops } from '../proposals/proposalFixture';

const AS_IT_STANDS = 'Urges Member States to act;';
const PROPOSED = 'Encourages Member States to act;';
const EDITED = 'Invites Member States to act;';

const chair = { ...delegate('Chair'), role: 'facilitator' as const };

describe('accepting a proposal as the facilitator saw it (seen revision)', () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await openTempSqliteStore();
  });
  afterEach(() => temp.dispose());

  /** A pending alternative wording for the draft's only operative paragraph, one instance on a live room, and the revision a screen shows now. */
  async function shownProposal() {
    const doc = liveDraft({ operative: ops(AS_IT_STANDS) });
    const paragraphId = idOf(doc, AS_IT_STANDS);
    const proposal = makeProposal(`draft-${randomUUID()}`, { kind: 'alternative', paragraphId, anchor: null, text: PROPOSED });
    await temp.store.proposals.create(proposal);
    const eu = { ...delegate(proposal.delegation), id: proposal.authorId };
    const service = proposalInstance(temp.store, temp.store.proposals, sharedRoom(doc));
    return { doc, paragraphId, proposal, eu, service, seen: proposalRevision(proposal) };
  }

  it('refuses an edit stored before accept that the facilitator had not seen: the text is untouched, the proposal stays pending', async () => {
    const { doc, paragraphId, proposal, eu, service, seen } = await shownProposal();
    await service.edit(eu, proposal.id, { text: EDITED });

    await expect(service.accept(chair, proposal.id, seen)).rejects.toMatchObject({ message: 'the proposal was edited after you saw it; review it again', status: 409 });

    expect(textIn(doc, paragraphId)).toBe(AS_IT_STANDS);
    expect(await temp.store.proposals.get(proposal.id)).toMatchObject({ status: 'pending', text: EDITED, result: null });
  });

  it('accepts the edited wording once the facilitator was shown it', async () => {
    const { doc, paragraphId, proposal, eu, service } = await shownProposal();
    const edited = await service.edit(eu, proposal.id, { text: EDITED });

    expect(await service.accept(chair, proposal.id, proposalRevision(edited))).toMatchObject({ status: 'accepted', text: EDITED });
    expect(textIn(doc, paragraphId)).toBe(EDITED);
  });

  it('accepts when only stances came after the revision seen: they do not change the words', async () => {
    const { doc, paragraphId, proposal, service, seen } = await shownProposal();
    await service.support(delegate('Japan'), proposal.id);
    await service.object(delegate('Norway'), proposal.id);

    expect(await service.accept(chair, proposal.id, seen)).toMatchObject({ status: 'accepted', text: PROPOSED, supporters: ['Japan'], objectors: ['Norway'] });
    expect(textIn(doc, paragraphId)).toBe(PROPOSED);
  });

  it('accepts as edited without a seen revision, as an older client asks', async () => {
    const { doc, paragraphId, proposal, eu, service } = await shownProposal();
    await service.edit(eu, proposal.id, { text: EDITED });

    expect(await service.accept(chair, proposal.id)).toMatchObject({ status: 'accepted', text: EDITED });
    expect(textIn(doc, paragraphId)).toBe(EDITED);
  });
});
