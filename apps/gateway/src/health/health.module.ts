import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** Liveness and readiness for load balancers and Kubernetes. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
