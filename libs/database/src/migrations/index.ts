import type { MigrationInterface } from 'typeorm';
import { CreateInitialSchema1795363012834 } from './1795363012834-CreateInitialSchema';
import { AddConsentRevocationReason1795364301922 } from './1795364301922-AddConsentRevocationReason';
import { CreateAccessLog1795365566769 } from './1795365566769-CreateAccessLog';
import { CreateBreakGlassGrant1795368446173 } from './1795368446173-CreateBreakGlassGrant';
import { AddAccessLogTargetIds1795380793034 } from './1795380793034-AddAccessLogTargetIds';
import { NotifyRegistrationChanges1795390000000 } from './1795390000000-NotifyRegistrationChanges';
import { AddFamilyErasure1795399331613 } from './1795399331613-AddFamilyErasure';
import { AddAccessLogVerifiedCheckpoint1795420000000 } from './1795420000000-AddAccessLogVerifiedCheckpoint';
import { ReshapeAccessLog1795430000000 } from './1795430000000-ReshapeAccessLog';
import { TuneAccessLogIndexes1795440000000 } from './1795440000000-TuneAccessLogIndexes';
import { AddInvolvementShielding1795450000000 } from './1795450000000-AddInvolvementShielding';
import { AddCaseDirection1795460000000 } from './1795460000000-AddCaseDirection';
import { AddOurStory1795470000000 } from './1795470000000-AddOurStory';
import { AddFamilyPlan1795480000000 } from './1795480000000-AddFamilyPlan';
import { AddShieldingLift1795490000000 } from './1795490000000-AddShieldingLift';
import { AddMessages1795500000000 } from './1795500000000-AddMessages';
import { AddEscalations1795510000000 } from './1795510000000-AddEscalations';
import { NotifyThreadEvents1795515000000 } from './1795515000000-NotifyThreadEvents';
import { AddSocialMap1795520000000 } from './1795520000000-AddSocialMap';
import { AddAdministration1795530000000 } from './1795530000000-AddAdministration';
import { AddReferrals1795540000000 } from './1795540000000-AddReferrals';
import { AddBreakGlassColleagueAndNotice1795560000000 } from './1795560000000-AddBreakGlassColleagueAndNotice';

type MigrationClass = new () => MigrationInterface;

/** Every migration, in order. Each is a reviewed file; `npm run migration:generate` drafts new ones. */
export const KRING_MIGRATIONS: MigrationClass[] = [CreateInitialSchema1795363012834, AddConsentRevocationReason1795364301922, CreateAccessLog1795365566769, CreateBreakGlassGrant1795368446173, AddAccessLogTargetIds1795380793034, NotifyRegistrationChanges1795390000000, AddFamilyErasure1795399331613, AddAccessLogVerifiedCheckpoint1795420000000, ReshapeAccessLog1795430000000, TuneAccessLogIndexes1795440000000, AddInvolvementShielding1795450000000, AddCaseDirection1795460000000, AddOurStory1795470000000, AddFamilyPlan1795480000000, AddShieldingLift1795490000000, AddMessages1795500000000, AddEscalations1795510000000, NotifyThreadEvents1795515000000, AddSocialMap1795520000000, AddAdministration1795530000000, AddReferrals1795540000000, AddBreakGlassColleagueAndNotice1795560000000];
