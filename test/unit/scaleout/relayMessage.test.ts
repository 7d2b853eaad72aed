import { decodeRelayMessage, encodeRelayMessage, type RelayMessage } from '../../../server/scaleout/relayMessage';

describe('relay messages', () => {
  const header = { instanceId: 'instance-a', sentAt: 1_796_000_000_123.5 };
  const messages: RelayMessage[] = [
    { ...header, kind: 'update', seq: 123_456, update: new Uint8Array([1, 2, 3, 250]) },
    { ...header, kind: 'awareness', update: new Uint8Array([0, 9]) },
    { ...header, kind: 'control', control: { type: 'paragraph-locked', paragraphId: 'p-1', locked: true } },
    { ...header, kind: 'control', control: { type: 'editing', editing: 'proposals' } },
    { ...header, kind: 'resync' },
  ];

  it.each(messages.map((message) => [message.kind, message]))('reads back what it wrote (%s)', (_kind, message) => {
    expect(decodeRelayMessage(encodeRelayMessage(message))).toEqual(message);
  });

  it('refuses bytes it did not write: an unknown kind, a bad control, trailing bytes, a truncated frame', () => {
    const update = encodeRelayMessage(messages[0]);
    expect(() => decodeRelayMessage(new Uint8Array([9, ...update.subarray(1)]))).toThrow('unknown relay message kind');
    const badControl = encodeRelayMessage({ ...header, kind: 'control', control: { type: 'editing', editing: 'anarchy' as 'direct' } });
    expect(() => decodeRelayMessage(badControl)).toThrow();
    expect(() => decodeRelayMessage(new Uint8Array([...update, 0]))).toThrow('trailing bytes');
    expect(() => decodeRelayMessage(update.subarray(0, update.length - 2))).toThrow();
  });
});
