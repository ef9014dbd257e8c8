import { timeOrderedId } from './entry-id';

describe('timeOrderedId', () => {
  it('is a UUID of version 7 and variant 10, carrying the milliseconds it was made at', () => {
    const at = Date.UTC(2026, 10, 22, 23, 45, 1, 234);
    const id = timeOrderedId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts by time across milliseconds, as text and as PostgreSQL compares uuids (bytewise)', () => {
    const ids = [0, 1, 2, 1000, 86_400_000].map((offset) => timeOrderedId(Date.UTC(2026, 0, 1) + offset));
    expect([...ids].sort()).toEqual(ids);
  });

  it('differs within one millisecond (74 random bits)', () => {
    const at = Date.now();
    const ids = new Set(Array.from({ length: 10_000 }, () => timeOrderedId(at)));
    expect(ids.size).toBe(10_000);
  });
});
