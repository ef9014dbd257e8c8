import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { Public } from '../auth/access.decorator';
import { KRING_RUNTIME, type KringRuntime } from '../runtime/kring-runtime';

/** Readiness for load balancers and Kubernetes: up when PostgreSQL answers. */
@Controller('health')
export class HealthController {
  constructor(@Inject(KRING_RUNTIME) private readonly runtime: KringRuntime) {}

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
