import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@kring/identity';
import { unauthenticated } from '../common/kring-error';
import { requestOf } from './auth.guard';

/** The verified caller of this operation (the guard has run, so there is one). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = requestOf(context).principal;
  if (principal === undefined || principal === null) throw unauthenticated();
  return principal;
});
