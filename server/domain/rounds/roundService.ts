import { isFacilitator } from '../../../shared/roles';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import type { VersionSummary } from '../../../shared/versions';
import type { VersionStore } from '../../store/types';
import type { DraftMember } from '../access/draftMember';
import { auditBy, type AuditLog } from '../audit/auditLog';
import { DomainError } from '../domainError';
import { toSummary, type VersionService } from '../versions/versionService';
import { removeParagraphs } from './removeParagraphs';

/** The paragraphs of a draft whose status is `deleted` (kept as "[deleted]" until the next round). */
export type DeletedParagraphIds = (draftId: string) => Promise<string[]>;

/**
 * Rounds of negotiation ("Rev.1", "second reading"): starting one clears the deleted paragraphs
 * from the text and names the result as a version of kind `round`, the base that the round's
 * stable labels are counted from (see StableLabels).
 */
export class RoundService {
  constructor(
    private readonly versions: VersionService,
    private readonly store: VersionStore,
    private readonly deletedParagraphIds: DeletedParagraphIds,
    private readonly audit: AuditLog,
  ) {}

  async start(draftId: string, name: string, user: DraftMember): Promise<VersionSummary> {
    if (!isFacilitator(user.role)) throw new DomainError('only the facilitator starts a round', 403);
    const deleted = new Set(await this.deletedParagraphIds(draftId));
    const version = await this.versions.changeAndName(draftId, 'round', name, user, (doc) => {
      if (deleted.size > 0) removeParagraphs(doc.getXmlFragment(PROSEMIRROR_FRAGMENT), deleted);
    });
    await this.audit.record(auditBy(user, user.negotiationId, 'round-started', draftId, name));
    return toSummary(version);
  }

  /** The rounds of a draft, newest first. */
  async list(draftId: string): Promise<VersionSummary[]> {
    return (await this.store.list(draftId)).filter((version) => version.kind === 'round').map(toSummary);
  }
}
