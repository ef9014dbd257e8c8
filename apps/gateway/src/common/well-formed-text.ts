/** ES2024's `String.prototype.isWellFormed`: Node 20 has it, our `lib` setting (ES2023) does not name it yet. */
interface Es2024String {
  isWellFormed(): boolean;
}

/**
 * Whether a text can be stored and hashed as it is: well-formed Unicode (no lone
 * surrogate, which UTF-8 cannot encode and PostgreSQL would store as U+FFFD) and no NUL
 * character (which PostgreSQL's text cannot hold at all).
 */
export function isWellFormedText(text: string): boolean {
  return (text as unknown as Es2024String).isWellFormed() && !text.includes('\u0000');
}

/**
 * The path of the first text in a value that is not well formed (`members[0].name`),
 * or null when every text in it is. Walks objects and lists; other values pass. The
 * path is only built for a refusal, so a clean value costs one visit per node.
 */
export function malformedTextIn(value: unknown, name: string): string | null {
  const steps = stepsToMalformed(value);
  return steps === null ? null : steps.reduce<string>((path, step) => (typeof step === 'number' ? `${path}[${step}]` : `${path}.${step}`), name);
}

function stepsToMalformed(value: unknown): (string | number)[] | null {
  if (typeof value === 'string') return isWellFormedText(value) ? null : [];
  if (typeof value !== 'object' || value === null || value instanceof Date) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner = stepsToMalformed(value[i]);
      if (inner !== null) return [i, ...inner];
    }
    return null;
  }
  for (const key in value) {
    // A malformed key (possible in a query string, not in a GraphQL input object) names its container, never itself.
    if (!isWellFormedText(key)) return [];
    const inner = stepsToMalformed((value as Record<string, unknown>)[key]);
    if (inner !== null) return [key, ...inner];
  }
  return null;
}
