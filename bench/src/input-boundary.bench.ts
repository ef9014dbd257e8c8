import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import type { CallHandler, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GuardsConsumer } from '@nestjs/core/guards/guards-consumer.js';
import { InterceptorsConsumer } from '@nestjs/core/interceptors/interceptors-consumer.js';
import { isObservable, lastValueFrom } from 'rxjs';
import { systemClock } from '@kring/config';
import type { AuditService } from '../../apps/gateway/src/access-log/audit.service';
import { InputBoundaryGuard } from '../../apps/gateway/src/common/input-boundary.guard';
import { malformedTextIn } from '../../apps/gateway/src/common/well-formed-text';

type Mode = 'guard' | 'guard + boundary' | 'guard + an empty interceptor';

/**
 * `npm run bench:input-boundary [-- --calls=50000]`: what the boundary check for text costs a
 * GraphQL operation, in process, through Nest's own guard and interceptor consumers (as a
 * resolver call goes through them). For the hot read's arguments (`family(id, purpose)`)
 * and a large write's (`registerFamily` with seven members) it times: the guards as they
 * were (one guard that lets the call through, standing for AuthGuard), the same with the
 * input boundary after it, and, for comparison, with an interceptor that does nothing (the
 * least an interceptor-based check would cost). Interleaved rounds; medians in µs per call.
 * A clean call never touches the audit service or the clock, so neither is built.
 */
async function main(): Promise<void> {
  const calls = Number(process.argv.find((a) => a.startsWith('--calls='))?.slice(8) ?? 50_000);
  const rounds = 5;
  const boundary = new InputBoundaryGuard(new Reflector(), null as unknown as AuditService, systemClock);
  const letThrough = { canActivate: () => true };
  const emptyInterceptor: NestInterceptor = { intercept: (_context, next: CallHandler) => next.handle() };
  const guards = new GuardsConsumer();
  const interceptors = new InterceptorsConsumer();
  const instance = { constructor: class Resolver {} };
  const handler = () => Promise.resolve({ id: 'f' });
  const cases: Record<string, Record<string, unknown>> = {
    'family(id, purpose)': { id: '0b6f3c1e-0002-4c8a-9a51-000000000001', purpose: 'CASE_COORDINATION' },
    'registerFamily(7 members)': {
      input: {
        members: Array.from({ length: 7 }, (_, i) => ({ name: `Zoë de Vries ${i} 👩‍👧`, birthDate: '2012-04-01', bsn: '999999990', relation: 'CHILD' })),
        authority: Array.from({ length: 5 }, (_, i) => ({ adult: 0, child: i + 2 })),
        caseDirection: false,
      },
    },
  };
  const callOnce = async (mode: Mode, args: Record<string, unknown>): Promise<void> => {
    const graphqlArgs = [undefined, args, {}, {}];
    const allowed = await guards.tryActivate(mode === 'guard + boundary' ? [letThrough, boundary] : [letThrough], graphqlArgs, instance, handler, 'graphql');
    if (!allowed) throw new Error('a clean call was refused');
    // As @nestjs/graphql calls a resolver: through the interceptor consumer, awaiting an Observable's last value.
    const result = await interceptors.intercept(mode === 'guard + an empty interceptor' ? [emptyInterceptor] : [], graphqlArgs, instance, handler, handler, 'graphql');
    if (isObservable(result)) await lastValueFrom(result);
  };
  const time = async (mode: Mode, args: Record<string, unknown>): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < calls; i++) await callOnce(mode, args);
    return ((performance.now() - start) * 1000) / calls;
  };
  const checkOnly = (args: Record<string, unknown>): number => {
    const start = performance.now();
    for (let i = 0; i < calls * 10; i++) for (const name in args) if (malformedTextIn(args[name], name) !== null) throw new Error('a clean argument was refused');
    return ((performance.now() - start) * 1000) / (calls * 10);
  };
  const modes: Mode[] = ['guard', 'guard + boundary', 'guard + an empty interceptor'];
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  for (const [name, args] of Object.entries(cases)) {
    const measured = new Map<Mode | 'check', number[]>([...modes.map((m) => [m, []] as [Mode, number[]]), ['check', []]]);
    for (const mode of modes) await time(mode, args);
    for (let round = 0; round < rounds; round++) {
      for (const mode of modes) measured.get(mode)?.push(await time(mode, args));
      measured.get('check')?.push(checkOnly(args));
    }
    const base = median(measured.get('guard') ?? []);
    const line = modes.map((mode) => {
      const value = median(measured.get(mode) ?? []);
      return `${mode} ${value.toFixed(2)} µs${mode === 'guard' ? '' : ` (+${(value - base).toFixed(2)})`}`;
    });
    console.log(`${name}: ${line.join('; ')}; the text check alone ${(median(measured.get('check') ?? []) * 1000).toFixed(0)} ns. Medians of ${rounds} rounds of ${calls} calls.`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
