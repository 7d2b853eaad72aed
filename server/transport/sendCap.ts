/**
 * How much one connection may have queued and unread: the cap measures what the client falls
 * behind by, not what it asked for. Its sync answer (a newcomer's is the whole draft, which may be
 * larger than the cap) is allowed on top, until the queue has come down to the cap once: from then
 * on what is left of the answer fits under the cap. Only the latest answer counts, so a client
 * that asks again and again without reading gains nothing.
 */
export class SendCap {
  private answerBytes = 0;

  constructor(private readonly maxBehindBytes: number) {}

  /** Whether a connection with `queuedBytes` still unread may be sent more. */
  admits(queuedBytes: number): boolean {
    if (queuedBytes <= this.maxBehindBytes) this.answerBytes = 0;
    return queuedBytes <= this.maxBehindBytes + this.answerBytes;
  }

  /** Its sync answer of `bytes` was queued: allowed until the queue comes down to the cap. */
  answered(bytes: number): void {
    this.answerBytes = bytes;
  }
}
