import type { DocumentStore } from '../../server/store/types';

type Mode = 'up' | 'failing' | 'blocked';

/**
 * Takes over a live DocumentStore's append, so a test can make the store fail or hang on
 * demand and bring it back: 'up' writes for real, 'failing' rejects, 'blocked' waits until up().
 */
export class StoreSwitch {
  private mode: Mode = 'up';
  private readonly held: Array<() => void> = [];
  private readonly attemptWaiters: Array<() => void> = [];
  private readonly writeWaiters: Array<() => void> = [];
  private readonly spy: jest.SpyInstance;

  constructor(documents: DocumentStore) {
    const realAppend = documents.append.bind(documents);
    this.spy = jest.spyOn(documents, 'append').mockImplementation(async (batch, batchId) => {
      this.attemptWaiters.splice(0).forEach((wake) => wake());
      if (this.mode === 'failing') throw new Error('store down (test)');
      if (this.mode === 'blocked') await new Promise<void>((resume) => this.held.push(resume));
      const stored = await realAppend(batch, batchId);
      this.writeWaiters.splice(0).forEach((wake) => wake());
      return stored;
    });
  }

  fail(): void {
    this.mode = 'failing';
  }

  block(): void {
    this.mode = 'blocked';
  }

  /** Writes for real again, starting with the appends that were held. */
  up(): void {
    this.mode = 'up';
    this.held.splice(0).forEach((resume) => resume());
  }

  /** Resolves at the next append attempt, whatever its outcome. */
  nextAttempt(): Promise<void> {
    return new Promise((resolve) => this.attemptWaiters.push(resolve));
  }

  /** Resolves after the next append that reached the store. */
  nextWrite(): Promise<void> {
    return new Promise((resolve) => this.writeWaiters.push(resolve));
  }

  restore(): void {
    this.up();
    this.spy.mockRestore();
  }
}
