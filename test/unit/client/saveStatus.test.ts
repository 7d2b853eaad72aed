import * as Y from 'yjs';
import { DurableClocks } from '../../../client/collab/durableClocks';
import { saveStatus } from '../../../client/collab/saveStatus';

const clocksOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

describe('saveStatus', () => {
  it('is saved when nothing is ahead of the server, whatever the connection', () => {
    for (const connection of ['open', 'opening', 'lost'] as const) expect(saveStatus({ unsaved: false, connection })).toBe('saved');
  });

  it('is saving while unsaved edits have a way to the server, kept locally once the connection is lost', () => {
    expect(saveStatus({ unsaved: true, connection: 'open' })).toBe('saving');
    expect(saveStatus({ unsaved: true, connection: 'opening' })).toBe('saving');
    expect(saveStatus({ unsaved: true, connection: 'lost' })).toBe('kept-locally');
  });
});

describe('DurableClocks', () => {
  const docs: Y.Doc[] = [];
  const newDoc = () => {
    const doc = new Y.Doc();
    docs.push(doc);
    return doc;
  };
  afterEach(() => docs.splice(0).forEach((d) => d.destroy()));

  it('counts an empty document as saved and any text as unsaved until the server reports it', () => {
    const doc = newDoc();
    const durable = new DurableClocks();
    expect(durable.aheadOfDurable(doc)).toBe(false);
    doc.getText('t').insert(0, 'Urges');
    expect(durable.aheadOfDurable(doc)).toBe(true);
  });

  it('is saved exactly when the reported clocks cover every local edit, and never moves back', () => {
    const doc = newDoc();
    const durable = new DurableClocks();
    doc.getText('t').insert(0, 'Urges');
    const first = clocksOf(doc);
    doc.getText('t').insert(5, ' Member States');
    durable.confirm(first);
    expect(durable.aheadOfDurable(doc)).toBe(true);
    durable.confirm(clocksOf(doc));
    expect(durable.aheadOfDurable(doc)).toBe(false);
    // A late, older acknowledgement does not undo a newer one.
    durable.confirm(first);
    expect(durable.aheadOfDurable(doc)).toBe(false);
  });

  it('takes what the server sends as durable: an edit of another delegation received from it is not "unsaved"', () => {
    const local = newDoc();
    const other = newDoc();
    const durable = new DurableClocks();
    other.getText('t').insert(0, 'Further ');
    const relayed = Y.encodeStateAsUpdate(other);
    Y.applyUpdate(local, relayed);
    durable.confirmUpdate(relayed);
    expect(durable.aheadOfDurable(local)).toBe(false);
    local.getText('t').insert(0, 'x');
    expect(durable.aheadOfDurable(local)).toBe(true);
  });
});
