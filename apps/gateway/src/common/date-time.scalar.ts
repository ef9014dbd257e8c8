import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLDateTime as Rfc3339DateTime } from 'graphql-scalars';

/** What a date-time must be; said after the field's name in every refusal (GraphQL and the export's query string). */
export const DATE_TIME_RULE = 'must be an RFC 3339 date-time with a time zone, in the years 1900 to 9999, such as 2026-05-01T09:30:00Z';

// Kring holds no instant before 1900 (the earliest birth date it takes either), and RFC 3339 has four-digit years.
const EARLIEST = Date.UTC(1900, 0, 1);
const AFTER_LATEST = Date.UTC(10000, 0, 1);

/**
 * A value a strict scalar refused. It carries the rule, never the value; the error
 * formatter names the argument it was given for and answers BAD_USER_INPUT, whether it
 * came as a variable or was written in the document.
 */
export class InvalidScalarValue extends GraphQLError {
  constructor(
    readonly rule: string,
    /** The literal refused; GraphQL reports a scalar's own GraphQLError as it is, so the error must point at it itself. */
    literal?: ValueNode,
  ) {
    super(`The value ${rule}.`, literal === undefined ? {} : { nodes: literal });
  }
}

/**
 * The instant a text names, or null. The grammar and the calendar are graphql-scalars'
 * RFC 3339 check: a real calendar day, hours to 23, no leap second (JavaScript cannot
 * represent one), and an offset (`Z` or `±hh:mm`) required, since a time without one is a
 * different instant in Amsterdam and in UTC. The years are Kring's.
 */
export function parseDateTime(text: unknown): Date | null {
  if (typeof text !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = Rfc3339DateTime.parseValue(text);
  } catch {
    return null;
  }
  if (!(parsed instanceof Date)) return null;
  const time = parsed.getTime();
  return time >= EARLIEST && time < AFTER_LATEST ? parsed : null;
}

function strictly(text: unknown, literal?: ValueNode): Date {
  const parsed = parseDateTime(text);
  if (parsed === null) throw new InvalidScalarValue(DATE_TIME_RULE, literal);
  return parsed;
}

/**
 * The API's one date-time scalar, mapped for `Date` in the schema's build options. It keeps
 * the name `DateTime` and the output of the lenient scalar it replaces (ISO 8601 in UTC with
 * milliseconds); on input it takes exactly RFC 3339, where the old one passed whatever
 * `new Date()` made of a text, Invalid Date included, on to PostgreSQL.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'A date-time in RFC 3339 with a time zone, such as 2026-05-01T09:30:00Z or 2026-05-01T11:30:00+02:00; answered in UTC. Years 1900 to 9999.',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    throw new GraphQLError('DateTime can only answer a valid date.');
  },
  parseValue: (value) => strictly(value),
  parseLiteral(node) {
    return strictly(node.kind === Kind.STRING ? node.value : undefined, node);
  },
});
