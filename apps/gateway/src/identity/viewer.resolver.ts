import { Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@kring/identity';
import { Authenticated } from './access.decorator';
import { CurrentPrincipal } from './current-principal.decorator';
import { Viewer } from './viewer.model';
import { ViewerService } from './viewer.service';

@Resolver(() => Viewer)
export class ViewerResolver {
  constructor(private readonly viewers: ViewerService) {}

  @Authenticated()
  @Query(() => Viewer, { description: 'Who you are: a professional with organisation and roles, or a family member.' })
  me(@CurrentPrincipal() principal: Principal): Promise<Viewer> {
    return this.viewers.viewer(principal);
  }
}
