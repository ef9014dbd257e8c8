import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, KringLogger } from '@kring/config';

/** Months made ahead of the present one: a gateway that stops for a quarter still finds its month there. */
export const PARTITION_MONTHS_AHEAD = 3;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Keeps the access log's monthly partitions made ahead (DESIGN.md §10; docs/access-log.md,
 * *Partitions*): at start and once a day, the present month and the next three, through
 * `kring_log_ensure_partitions` (migration ReshapeAccessLog), which the application's
 * role may run though it may not create tables. Every replica may run it: a partition
 * made twice is made once. Should it fail, entries still land in the default partition,
 * so the log is never refused for a missing month; the failure is logged for operators.
 */
@Injectable()
export class AccessLogPartitionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly logger: KringLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureAhead().catch((error: unknown) => this.failed(error));
    this.timer = setInterval(() => {
      this.ensureAhead().catch((error: unknown) => this.failed(error));
    }, DAY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer !== null) clearInterval(this.timer);
  }

  /** Makes the partitions from the present month through PARTITION_MONTHS_AHEAD ahead; how many were new. */
  async ensureAhead(): Promise<number> {
    const now = this.clock.now();
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + PARTITION_MONTHS_AHEAD, 1));
    const [row] = await this.dataSource.query<{ made: number }[]>(`SELECT kring_log_ensure_partitions($1, $2) AS made`, [now, last]);
    return row?.made ?? 0;
  }

  private failed(error: unknown): void {
    this.logger.error({ err: { name: (error as Error).name, code: (error as { code?: string }).code } }, 'making the access log partitions ahead failed; entries go to the default partition');
  }
}
