import { FieldCipher, loadSodium, type DataKey } from '@kring/crypto';
import { messageBodyPlace, threadTopicPlace } from './sealed-fields';

const KEY: DataKey = { owner: 'family:f-1', version: 1, bytes: new Uint8Array(32).map((_, i) => i + 7) };

describe('a message is bound to its thread and to itself', () => {
  it('its text opens only as that message of that thread, and a topic only as that thread\'s', async () => {
    const sut = new FieldCipher(await loadSodium());
    const sealed = sut.encrypt(KEY, messageBodyPlace('thread-1', 'message-1'), 'Tot dinsdag.');

    expect(sut.decrypt(KEY, messageBodyPlace('THREAD-1', 'MESSAGE-1'), sealed)).toBe('Tot dinsdag.');
    expect(() => sut.decrypt(KEY, messageBodyPlace('thread-1', 'message-2'), sealed)).toThrow();
    expect(() => sut.decrypt(KEY, messageBodyPlace('thread-2', 'message-1'), sealed)).toThrow();
    expect(() => sut.decrypt(KEY, threadTopicPlace('thread-1'), sealed)).toThrow();
    const topic = sut.encrypt(KEY, threadTopicPlace('thread-1'), 'Het budgetplan');
    expect(() => sut.decrypt(KEY, threadTopicPlace('thread-2'), topic)).toThrow();
  });
});
