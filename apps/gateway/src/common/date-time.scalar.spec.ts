import { Kind } from 'graphql';
import { DateTimeScalar, InvalidScalarValue, parseDateTime } from './date-time.scalar';

describe('the DateTime scalar takes exactly RFC 3339 date-times Kring can hold', () => {
  it.each([
    ['UTC', '2026-05-01T09:30:00Z', '2026-05-01T09:30:00.000Z'],
    ['an offset', '2026-05-01T11:30:00+02:00', '2026-05-01T09:30:00.000Z'],
    ['a negative offset', '2026-05-01T07:30:00-02:00', '2026-05-01T09:30:00.000Z'],
    ['lower-case t and z (RFC 3339 allows them)', '2026-05-01t09:30:00z', '2026-05-01T09:30:00.000Z'],
    ['fractions of a second', '2026-05-01T09:30:00.123456Z', '2026-05-01T09:30:00.123Z'],
    ['29 February of a leap year', '2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['the first instant of 1900', '1900-01-01T00:00:00Z', '1900-01-01T00:00:00.000Z'],
    ['the last millisecond of 9999', '9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ])('%s is taken', (_name, text, instant) => {
    expect(parseDateTime(text)?.toISOString()).toBe(instant);
    expect(DateTimeScalar.parseValue(text)).toEqual(new Date(instant));
  });

  it.each([
    ['a word', 'morgen'],
    ['an empty text', ''],
    ['no time zone (which instant would it be?)', '2026-05-01T09:30:00'],
    ['a date without a time', '2026-05-01'],
    ['a space instead of T', '2026-05-01 09:30:00Z'],
    ['30 February', '2026-02-30T00:00:00Z'],
    ['29 February of a common year', '2026-02-29T00:00:00Z'],
    ['31 April', '2026-04-31T00:00:00Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['hour 24', '2026-05-01T24:00:00Z'],
    ['a leap second', '2016-12-31T23:59:60Z'],
    ['an offset of 24 hours', '2026-05-01T09:30:00+24:00'],
    ['year 0', '0000-01-01T00:00:00Z'],
    ['before 1900', '1899-12-31T23:59:59.999Z'],
    ['1900 in UTC+1 (still 1899 in UTC)', '1900-01-01T00:30:00+01:00'],
    ['an expanded year', '+275760-09-13T00:00:00Z'],
    ['milliseconds since 1970', '1777636800000'],
    ['a NUL character after a good date-time', '2026-05-01T09:30:00Z\u0000'],
    ['a JavaScript date string', 'Fri May 01 2026 09:30:00 GMT+0200'],
  ])('%s is refused', (_name, text) => {
    expect(parseDateTime(text)).toBeNull();
    expect(() => DateTimeScalar.parseValue(text)).toThrow(InvalidScalarValue);
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: text })).toThrow(InvalidScalarValue);
  });

  it('a number or a non-string literal is refused', () => {
    expect(() => DateTimeScalar.parseValue(1777636800000)).toThrow(InvalidScalarValue);
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1777636800000' })).toThrow(InvalidScalarValue);
  });

  it('the refusal says the rule and never repeats the value', () => {
    try {
      DateTimeScalar.parseValue('secret 123456782');
      throw new Error('not refused');
    } catch (error) {
      expect((error as Error).message).toMatch(/^The value must be an RFC 3339 date-time/);
      expect((error as Error).message).not.toContain('123456782');
    }
  });

  it('answers a date in UTC with milliseconds, as the API always did', () => {
    expect(DateTimeScalar.serialize(new Date('2026-05-01T11:30:00+02:00'))).toBe('2026-05-01T09:30:00.000Z');
    expect(() => DateTimeScalar.serialize(new Date(Number.NaN))).toThrow();
  });
});
