import { HttpException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { httpRefusalOf } from './http-refusal';

/** An HttpException as Nest makes one from a body-parser error: the parser's message, the original as cause. */
function fromBodyParser(status: number, type: string, message: string): HttpException {
  return new HttpException(message, status, { cause: Object.assign(new Error(message), { type, status }) });
}

describe('refusals of the HTTP layer', () => {
  it.each([
    ['a body that is not JSON', fromBodyParser(400, 'entity.parse.failed', 'Unexpected token S in "Secret"'), 'BAD_USER_INPUT'],
    ['a body over the limit', fromBodyParser(413, 'entity.too.large', 'request entity too large'), 'REQUEST_TOO_LARGE'],
    ['an unknown charset', fromBodyParser(415, 'charset.unsupported', 'unsupported charset "SECRET"'), 'UNSUPPORTED_MEDIA_TYPE'],
    ['an unknown encoding', fromBodyParser(415, 'encoding.unsupported', 'unsupported content encoding "secret"'), 'UNSUPPORTED_MEDIA_TYPE'],
    ['a body cut short', fromBodyParser(400, 'request.size.invalid', 'request size did not match content length'), 'BAD_USER_INPUT'],
    ['an unknown route', new NotFoundException('Cannot POST /Secret'), 'NOT_FOUND'],
    ['a refusal Nest makes for a guard that says no', new HttpException('Forbidden resource', 403), 'FORBIDDEN'],
    ['any other refusal', new HttpException('Method Secret', 405), 'BAD_USER_INPUT'],
  ])('%s gets its code and words of our own', (_case, exception, code) => {
    const refusal = httpRefusalOf(exception);

    expect(refusal?.code).toBe(code);
    expect(refusal?.message).not.toMatch(/secret/i);
  });

  it('a server fault is not a refusal: Nest logs it and answers a bare 500', () => {
    expect(httpRefusalOf(new ServiceUnavailableException({ status: 'unavailable' }))).toBeNull();
    expect(httpRefusalOf(new HttpException('stream encoding should not be set', 500))).toBeNull();
  });
});
