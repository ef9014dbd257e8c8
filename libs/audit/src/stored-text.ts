/**
 * Text exactly as PostgreSQL will store it, so that what the access log hashes is what it
 * holds. A JavaScript string is UTF-16 and may hold what a PostgreSQL text (UTF-8) cannot:
 *
 * - a lone surrogate (half of a pair): node-postgres encodes it as U+FFFD, the replacement
 *   character, so PostgreSQL stores U+FFFD while the string still held the surrogate;
 * - NUL (U+0000): PostgreSQL refuses it in text altogether.
 *
 * Both become U+FFFD here, before anything is hashed or sent. Everything else (controls,
 * noncharacters, combining marks, right-to-left marks) PostgreSQL stores as it is.
 */
export function storableText(text: string): string {
  // The common case (codes, ids, ASCII names): two scans that find nothing.
  const surrogates = SURROGATE.test(text);
  const nul = text.includes(NUL);
  if (!surrogates && !nul) return text;
  const wellFormed = surrogates ? text.replace(LONE_SURROGATE, REPLACEMENT) : text;
  return nul ? wellFormed.replaceAll(NUL, REPLACEMENT) : wellFormed;
}

/**
 * The text cut to at most `max` code points, never inside a surrogate pair, and storable
 * (see `storableText`). Cutting at a number of UTF-16 units (`slice`) can keep the first
 * half of an emoji, which PostgreSQL would then store as U+FFFD: use this wherever a text
 * for the access log has a bound.
 */
export function cutToCodePoints(text: string, max: number): string {
  const storable = storableText(text);
  // At most `max` code points when it has at most `max` units: nothing to cut.
  if (storable.length <= max) return storable;
  let end = 0;
  for (let points = 0; points < max && end < storable.length; points++) {
    const unit = storable.charCodeAt(end);
    end += unit >= 0xd800 && unit <= 0xdbff ? 2 : 1; // storable: a high surrogate is always the start of a pair
  }
  return storable.slice(0, end);
}

/**
 * The longest purpose the access log keeps: a catalogue code is far shorter, and a refused
 * read logs what the caller declared, cut to this many code points.
 */
export const LOGGED_PURPOSE_MAX_CODE_POINTS = 64;

const REPLACEMENT = '\ufffd';
const NUL = '\u0000';
const SURROGATE = /[\ud800-\udfff]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one (String.prototype.toWellFormed, which lib ES2023 does not declare). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
