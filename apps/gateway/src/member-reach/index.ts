import { MemberReachResolver } from './member-reach.resolver';
import { MemberReachService } from './member-reach.service';

/** What `myReach` needs, registered with one line in the gateway module. */
export const MEMBER_REACH_PROVIDERS = [MemberReachService, MemberReachResolver];
