import { advancedReadMarker, unreadCount, type CountedMessage } from './read-marker';

const message = (sequence: number, over: Partial<CountedMessage> = {}): CountedMessage => ({ sequence, own: false, withdrawn: false, ...over });

describe('the read marker and unread counts', () => {
  it.each([
    ['nothing read yet: every message someone else wrote', [message(1), message(2), message(3)], 0, 3],
    ['read up to the second', [message(1), message(2), message(3)], 2, 1],
    ['everything read', [message(1), message(2)], 2, 0],
    ['one\'s own messages are never unread', [message(1, { own: true }), message(2), message(3, { own: true })], 0, 1],
    ['a withdrawn message is nothing to read', [message(1), message(2, { withdrawn: true })], 0, 1],
    ['no messages', [], 0, 0],
  ] as const)('%s', (_case, messages, readUpTo, expected) => {
    expect(unreadCount(messages, readUpTo)).toBe(expected);
  });

  it.each([
    ['a page of newer messages moves it on to the last served', 2, [3, 4, 5], 5],
    ['a page of older messages leaves it', 5, [1, 2], 5],
    ['an empty page leaves it', 4, [], 4],
  ] as const)('%s', (_case, readUpTo, served, expected) => {
    expect(advancedReadMarker(readUpTo, served)).toBe(expected);
  });
});
