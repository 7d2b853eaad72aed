/** @jest-environment jsdom */
import { RoomGate } from '../../../client/api/roomGate';

/** An api whose requests are recorded and answered with the path and the how-manieth request it was. */
function recordingApi() {
  const sent: string[] = [];
  return {
    sent,
    request: <T>(method: string, path: string): Promise<T> => {
      sent.push(`${method} ${path}`);
      return Promise.resolve(`${path}#${sent.length}` as T);
    },
  };
}

describe('RoomGate', () => {
  it('holds requests until the room first answers, then sends each held GET path once', async () => {
    const gate = new RoomGate();
    const api = recordingApi();
    const held = gate.hold(api);
    const answers = Promise.all([held.request('GET', '/paragraphs'), held.request('GET', '/sponsors'), held.request('GET', '/paragraphs'), held.request('POST', '/silence', {})]);
    await Promise.resolve();
    expect(api.sent).toEqual([]);

    expect(gate.roomAnswered()).toBe(true);
    expect(await answers).toEqual(['/paragraphs#1', '/sponsors#2', '/paragraphs#1', '/silence#3']);
    expect(api.sent).toEqual(['GET /paragraphs', 'GET /sponsors', 'POST /silence']);
  });

  it('sends every request at once after the first answer, shared with no other: a later reload reads afresh', async () => {
    const gate = new RoomGate();
    const api = recordingApi();
    const held = gate.hold(api);
    gate.roomAnswered();
    expect(gate.roomAnswered()).toBe(false);
    expect(await Promise.all([held.request('GET', '/paragraphs'), held.request('GET', '/paragraphs')])).toEqual(['/paragraphs#1', '/paragraphs#2']);
  });

  it('lets a held request that failed be asked again', async () => {
    const gate = new RoomGate();
    let fail = true;
    const held = gate.hold({ request: <T>() => (fail ? Promise.reject(new Error('offline')) : Promise.resolve('list' as T)) });
    const first = held.request('GET', '/comments');
    gate.roomAnswered();
    await expect(first).rejects.toThrow('offline');
    fail = false;
    await expect(held.request('GET', '/comments')).resolves.toBe('list');
  });
});
