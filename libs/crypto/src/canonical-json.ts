/**
 * The JSON Canonicalization Scheme (JCS, RFC 8785): the bytes a consent receipt's signature
 * covers. RFC 8785 defines the form by ECMAScript's own serialisation: primitives exactly as
 * `JSON.stringify` writes them (strings with its escaping, numbers as `Number#toString`),
 * no whitespace, and object members sorted by their names as UTF-16 code units, which is
 * what JavaScript's default string comparison does. So a few lines in the language the RFC
 * was written against are the whole of it, and no dependency is needed (docs/consent-receipts.md).
 * Values JSON cannot hold (undefined, functions, non-finite numbers, bigint) are refused
 * rather than silently dropped: a receipt must say exactly what was signed.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON holds finite numbers only');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.keys(value as Record<string, unknown>)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}
