import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { Public } from '../auth/access.decorator';
import { KRING_RUNTIME, type KringRuntime } from '../runtime/kring-runtime';

/** Health for load balancers and Kubernetes. */
@Controller('health')
export class HealthController {
  constructor(@Inject(KRING_RUNTIME) private readonly runtime: KringRuntime) {}

  /** Liveness: the process answers. Independent of PostgreSQL, so a database outage does not restart every replica. */
  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: up when PostgreSQL answers. */
  @Public()
  @Get()
  async health(): Promise<{ status: 'ok' }> {
    try {
      await this.runtime.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException({ status: 'unavailable' });
    }
    return { status: 'ok' };
  }
}
