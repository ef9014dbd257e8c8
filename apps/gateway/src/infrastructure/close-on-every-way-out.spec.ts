import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import pino from 'pino';
import { closeOnEveryWayOut, type WayOutOptions } from './close-on-every-way-out';

/** A process stand-in: its events, its exit, and what it logged (through a real pino logger). */
function makeProcess(close: () => Promise<void>, signalMeans: WayOutOptions['signalMeans'] = 'requested') {
  const events = new EventEmitter();
  const lines: { level: number; msg: string; signal?: string; err?: { message: string } }[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
        done();
      },
    }),
  );
  let exited: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => (exited = resolve));
  const end = closeOnEveryWayOut({ close, logger, signalMeans, events, exit: (code) => exited(code), patienceMs: 200 });
  return { events, lines, exitCode, end };
}

describe('a process closes what it opened on every way out it can catch', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'])('%s asks a server to stop: it closes once and exits 0', async (signal) => {
    let closed = 0;
    const sut = makeProcess(() => Promise.resolve(void closed++));

    sut.events.emit(signal);
    sut.events.emit(signal); // impatience changes nothing

    expect(await sut.exitCode).toBe(0);
    expect(closed).toBe(1);
    expect(sut.lines.map((l) => [l.msg, l.signal])).toEqual([['shutting down', signal], ['already shutting down', signal]]);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ])('%s cuts a command short: it closes and exits %i, as a shell reports an interrupted command', async (signal, code) => {
    let closed = 0;
    const sut = makeProcess(() => Promise.resolve(void closed++), 'interrupted');

    sut.events.emit(signal);

    expect(await sut.exitCode).toBe(code);
    expect(closed).toBe(1);
  });

  it.each([
    ['uncaughtException', 'uncaught exception: shutting down'],
    ['unhandledRejection', 'unhandled promise rejection: shutting down'],
  ])('an %s is logged first, then everything is closed and the process exits 1', async (event, message) => {
    const order: string[] = [];
    const sut = makeProcess(() => Promise.resolve(void order.push(`closed after ${sut.lines.length} log line`)));

    sut.events.emit(event, new Error('kapot'));

    expect(await sut.exitCode).toBe(1);
    expect(sut.lines[0]).toMatchObject({ level: 60, msg: message, err: { message: 'kapot' } });
    expect(order).toEqual(['closed after 1 log line']);
  });

  it("the caller's own way out (a start that failed after PostgreSQL began) closes and exits with its code", async () => {
    let closed = 0;
    const sut = makeProcess(() => Promise.resolve(void closed++));

    await sut.end(1);

    expect(await sut.exitCode).toBe(1);
    expect(closed).toBe(1);
  });

  it('a close that fails is logged, and the process still exits, not with 0', async () => {
    const sut = makeProcess(() => Promise.reject(new Error('pool already ended')));

    sut.events.emit('SIGTERM');

    expect(await sut.exitCode).toBe(1);
    expect(sut.lines.at(-1)).toMatchObject({ level: 50, msg: 'closing failed', err: { message: 'pool already ended' } });
  });

  it('a close that never ends does not keep the process: it exits after its patience, not with 0', async () => {
    const sut = makeProcess(() => new Promise<void>(() => undefined));

    sut.events.emit('SIGTERM');

    expect(await sut.exitCode).toBe(1);
    expect(sut.lines.at(-1)?.err?.message).toContain('closing took longer than');
  });
});
