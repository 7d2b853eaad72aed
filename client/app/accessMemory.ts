import type { DraftAccess } from '../../shared/negotiations';

const KEY = 'negotiation-workspace.access';

type Remembered = Record<string, DraftAccess>;

/**
 * The role and delegation the server last gave this person in each draft, so a draft kept on
 * this device opens offline as it would online. Only ever shapes the page: the server checks
 * every change against the real membership once the connection returns.
 */
export class AccessMemory {
  constructor(
    private readonly storage: Storage,
    private readonly userId: string,
  ) {}

  recall(draftId: string): DraftAccess | null {
    return this.all()[this.key(draftId)] ?? null;
  }

  remember(draftId: string, access: DraftAccess): void {
    this.storage.setItem(KEY, JSON.stringify({ ...this.all(), [this.key(draftId)]: access }));
  }

  forget(draftId: string): void {
    const { [this.key(draftId)]: _gone, ...rest } = this.all();
    this.storage.setItem(KEY, JSON.stringify(rest));
  }

  private key(draftId: string): string {
    return `${this.userId}:${draftId}`;
  }

  private all(): Remembered {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(KEY) ?? '{}');
      return typeof parsed === 'object' && parsed !== null ? (parsed as Remembered) : {};
    } catch {
      return {};
    }
  }
}
