import { defaultSharedBuffersMb } from './embedded-postgres';

describe("the embedded PostgreSQL's buffer cache", () => {
  const gib = 2 ** 30;

  it('is a quarter of the machine memory', () => {
    expect(defaultSharedBuffersMb(8 * gib)).toBe(2048);
  });

  it("is never below PostgreSQL's own default nor above 8 GB", () => {
    expect(defaultSharedBuffersMb(256 * 2 ** 20)).toBe(128);
    expect(defaultSharedBuffersMb(24 * gib)).toBe(6144);
    expect(defaultSharedBuffersMb(512 * gib)).toBe(8192);
  });
});
