import { Domain, ProfessionalRole } from '@kring/identity';
import { about, ANYONE, PERMISSION_ACTIONS, permissionsFor, type PermissionAction, type PermissionActor, type PermissionSubjectType } from './permissions';

const ORG = 'org-wmo';
const OTHER_ORG = 'org-jeugdhulp';
const professional = (...roles: ProfessionalRole[]): PermissionActor => ({ kind: 'professional', professionalId: 'prof-1', organisationId: ORG, domain: Domain.WMO, roles });
const member: PermissionActor = { kind: 'member', memberId: 'marieke', familyId: 'fam-1', reach: ['marieke', 'daan'] };

const entry = (over: Partial<{ familyId: string | null; actorOrganisationId: string | null; sourceOrganisationIds: string[]; subjectMemberIds: string[] }>) =>
  about('AccessLogEntry', { familyId: 'fam-1', actorOrganisationId: OTHER_ORG, sourceOrganisationIds: [OTHER_ORG], subjectMemberIds: [], ...over });

describe('the permission table', () => {
  it('grants nothing that is not written: an unknown action or subject is refused', () => {
    const ability = permissionsFor(professional(...Object.values(ProfessionalRole)));
    expect(ability.can('erase', 'Consent')).toBe(false);
    expect(ability.can('read', 'Nothing' as PermissionSubjectType)).toBe(false);
  });

  it('names every action with the subjects it applies to, and no rule leaves that list', () => {
    for (const actor of [member, ...Object.values(ProfessionalRole).map((r) => professional(r))]) {
      for (const rule of permissionsFor(actor).rules) {
        for (const action of ([] as string[]).concat(rule.action as string)) {
          const subjects: readonly string[] = PERMISSION_ACTIONS[action as PermissionAction];
          expect(subjects).toEqual(expect.arrayContaining(([] as string[]).concat(rule.subject as string)));
        }
      }
    }
  });

  it('anyone, signed in or not, reads the social map and nothing else; its services are kept by the professionals and team leads of the organisation that offers them', () => {
    const anyone = permissionsFor(ANYONE);
    expect(anyone.can('read', about('Service', { organisationId: ORG }))).toBe(true);
    for (const [action, subjects] of Object.entries(PERMISSION_ACTIONS)) {
      for (const subject of subjects) expect({ action, subject, may: anyone.can(action as PermissionAction, subject) }).toEqual({ action, subject, may: action === 'read' && subject === 'Service' });
    }
    const own = about('Service', { organisationId: ORG });
    const other = about('Service', { organisationId: OTHER_ORG });
    for (const roles of [[ProfessionalRole.PROFESSIONAL], [ProfessionalRole.TEAM_LEAD]]) {
      const ability = permissionsFor(professional(...roles));
      for (const action of ['publish', 'update', 'withdraw'] as const) expect([action, ability.can(action, own), ability.can(action, other)]).toEqual([action, true, false]);
    }
    for (const actor of [professional(ProfessionalRole.PRIVACY_OFFICER, ProfessionalRole.CHAIN_PRIVACY_OFFICER, ProfessionalRole.ADMIN), member]) {
      expect(permissionsFor(actor).can('read', own)).toBe(true);
      expect(permissionsFor(actor).can('publish', own)).toBe(false);
    }
  });

  it('a privacy officer reads the entries their organisation wrote or whose data they are about, nothing else', () => {
    const ability = permissionsFor(professional(ProfessionalRole.PRIVACY_OFFICER));
    expect(ability.can('read', entry({ actorOrganisationId: ORG }))).toBe(true);
    expect(ability.can('read', entry({ sourceOrganisationIds: [OTHER_ORG, ORG] }))).toBe(true);
    expect(ability.can('read', entry({}))).toBe(false);
    expect(ability.can('export', entry({ sourceOrganisationIds: [ORG] }))).toBe(true);
  });

  it('a chain privacy officer reads every entry; casework reads none', () => {
    expect(permissionsFor(professional(ProfessionalRole.CHAIN_PRIVACY_OFFICER)).can('read', entry({}))).toBe(true);
    expect(permissionsFor(professional(ProfessionalRole.PROFESSIONAL, ProfessionalRole.TEAM_LEAD)).can('read', 'AccessLogEntry')).toBe(false);
  });

  it('a member reads entries of their family about someone in their reach, not entries about others or of another family', () => {
    const ability = permissionsFor(member);
    expect(ability.can('read', entry({ subjectMemberIds: ['johan', 'daan'] }))).toBe(true);
    expect(ability.can('read', entry({ subjectMemberIds: ['johan'] }))).toBe(false);
    expect(ability.can('read', entry({ subjectMemberIds: [] }))).toBe(false);
    expect(ability.can('read', entry({ familyId: 'fam-2', subjectMemberIds: ['marieke'] }))).toBe(false);
  });

  it('a member grants, signs and revokes consents about their reach only', () => {
    const ability = permissionsFor(member);
    const consent = (subjectMemberId: string, familyId = 'fam-1') =>
      about('Consent', { familyId, subjectMemberId, recipientOrganisationId: ORG, recipientDomain: null, involvedOrganisationIds: [] });
    for (const action of ['grant', 'sign', 'revoke', 'read'] as const) {
      expect(ability.can(action, consent('daan'))).toBe(true);
      expect(ability.can(action, consent('sanne'))).toBe(false);
      expect(ability.can(action, consent('daan', 'fam-2'))).toBe(false);
    }
  });

  it('a member writes our story about their reach only; no professional, of any role, writes one', () => {
    const story = (subjectMemberId: string, familyId = 'fam-1') => about('OurStory', { familyId, subjectMemberId });
    const ability = permissionsFor(member);
    expect(ability.can('write', story('marieke'))).toBe(true);
    expect(ability.can('write', story('daan'))).toBe(true);
    expect(ability.can('write', story('sanne'))).toBe(false);
    expect(ability.can('write', story('marieke', 'fam-2'))).toBe(false);
    for (const role of Object.values(ProfessionalRole)) expect(permissionsFor(professional(role)).can('write', 'OurStory')).toBe(false);
  });

  it('a professional reads consents to their organisation or domain while involved, and no other', () => {
    const ability = permissionsFor(professional(ProfessionalRole.PROFESSIONAL));
    const consent = (recipientOrganisationId: string | null, recipientDomain: string | null, involved: string[]) =>
      about('Consent', { familyId: 'fam-1', subjectMemberId: 'daan', recipientOrganisationId, recipientDomain, involvedOrganisationIds: involved });
    expect(ability.can('read', consent(ORG, null, [ORG]))).toBe(true);
    expect(ability.can('read', consent(null, Domain.WMO, [OTHER_ORG, ORG]))).toBe(true);
    expect(ability.can('read', consent(ORG, null, [OTHER_ORG]))).toBe(false);
    expect(ability.can('read', consent(OTHER_ORG, Domain.YOUTH_CARE, [ORG]))).toBe(false);
  });

  it('shielding an involvement and lifting a shielding follow one rule: casework of the involvement\'s own organisation, involved today, with a statutory task', () => {
    const shielding = (over: Partial<{ organisationId: string; involvedOrganisationIds: string[]; statutoryTask: boolean }>) =>
      about('InvolvementShielding', { familyId: 'fam-1', organisationId: ORG, involvedOrganisationIds: [ORG], statutoryTask: true, ...over });
    for (const action of ['add', 'lift'] as const) {
      for (const role of [ProfessionalRole.PROFESSIONAL, ProfessionalRole.TEAM_LEAD]) expect(permissionsFor(professional(role)).can(action, shielding({}))).toBe(true);
      const casework = permissionsFor(professional(ProfessionalRole.PROFESSIONAL));
      expect(casework.can(action, shielding({ organisationId: OTHER_ORG, involvedOrganisationIds: [ORG, OTHER_ORG] }))).toBe(false);
      expect(casework.can(action, shielding({ involvedOrganisationIds: [OTHER_ORG] }))).toBe(false);
      expect(casework.can(action, shielding({ statutoryTask: false }))).toBe(false);
      for (const role of [ProfessionalRole.PRIVACY_OFFICER, ProfessionalRole.CHAIN_PRIVACY_OFFICER, ProfessionalRole.ADMIN]) expect(permissionsFor(professional(role)).can(action, shielding({}))).toBe(false);
      expect(permissionsFor(member).can(action, shielding({}))).toBe(false);
    }
  });

  it('casework reads and writes the file of a family its organisation is involved with today, and only then', () => {
    const ability = permissionsFor(professional(ProfessionalRole.TEAM_LEAD));
    expect(ability.can('read', about('FamilyFile', { familyId: 'fam-1', involvedOrganisationIds: [OTHER_ORG, ORG] }))).toBe(true);
    expect(ability.can('read', about('FamilyFile', { familyId: 'fam-1', involvedOrganisationIds: [OTHER_ORG] }))).toBe(false);
    expect(ability.can('add', about('FamilyRecord', { familyId: 'fam-1', involvedOrganisationIds: [ORG] }))).toBe(true);
    expect(ability.can('add', about('FamilyRecord', { familyId: 'fam-1', involvedOrganisationIds: [] }))).toBe(false);
    expect(permissionsFor(professional(ProfessionalRole.PRIVACY_OFFICER)).can('read', about('FamilyFile', { familyId: 'fam-1', involvedOrganisationIds: [ORG] }))).toBe(false);
  });

  it('nobody reviews their own emergency access, whatever their roles', () => {
    const ability = permissionsFor(professional(ProfessionalRole.CHAIN_PRIVACY_OFFICER, ProfessionalRole.PRIVACY_OFFICER, ProfessionalRole.PROFESSIONAL));
    const grant = (professionalId: string, organisationId = ORG) => about('BreakGlassGrant', { organisationId, professionalId, involvedOrganisationIds: [] });
    expect(ability.can('review', grant('prof-2'))).toBe(true);
    expect(ability.can('review', grant('prof-1'))).toBe(false);
    expect(ability.relevantRuleFor('review', grant('prof-1'))?.reason).toBe('Nobody reviews their own emergency access.');
    expect(ability.can('read', grant('prof-1'))).toBe(true);
  });

  it('an officer defers the family\'s notice of the emergencies they oversee, never of their own; a member reads the notices about their reach', () => {
    const grant = (professionalId: string, organisationId: string) => about('BreakGlassGrant', { organisationId, professionalId, involvedOrganisationIds: [] });
    const officer = permissionsFor(professional(ProfessionalRole.PRIVACY_OFFICER));
    expect(officer.can('defer', grant('prof-2', ORG))).toBe(true);
    expect(officer.can('defer', grant('prof-2', OTHER_ORG))).toBe(false);
    expect(officer.can('defer', grant('prof-1', ORG))).toBe(false);
    expect(permissionsFor(professional(ProfessionalRole.CHAIN_PRIVACY_OFFICER)).can('defer', grant('prof-2', OTHER_ORG))).toBe(true);
    expect(permissionsFor(professional(ProfessionalRole.PROFESSIONAL)).can('defer', grant('prof-2', ORG))).toBe(false);
    const parent = permissionsFor({ kind: 'member', memberId: 'mother', familyId: 'fam-1', reach: ['mother', 'daan'] });
    expect(parent.can('read', about('BreakGlassNotice', { familyId: 'fam-1', concernedMemberIds: ['daan'] }))).toBe(true);
    expect(parent.can('read', about('BreakGlassNotice', { familyId: 'fam-1', concernedMemberIds: ['grandfather'] }))).toBe(false);
    expect(parent.can('read', about('BreakGlassNotice', { familyId: 'fam-2', concernedMemberIds: ['daan'] }))).toBe(false);
    expect(permissionsFor(professional(ProfessionalRole.CHAIN_PRIVACY_OFFICER)).can('read', about('BreakGlassNotice', { familyId: 'fam-1', concernedMemberIds: ['daan'] }))).toBe(false);
  });

  it('a privacy officer reviews their organisation\'s emergencies; a professional sees only their own', () => {
    const officer = permissionsFor(professional(ProfessionalRole.PRIVACY_OFFICER));
    const grant = (professionalId: string, organisationId: string) => about('BreakGlassGrant', { organisationId, professionalId, involvedOrganisationIds: [] });
    expect(officer.can('review', grant('prof-2', ORG))).toBe(true);
    expect(officer.can('review', grant('prof-2', OTHER_ORG))).toBe(false);
    const worker = permissionsFor(professional(ProfessionalRole.PROFESSIONAL));
    expect(worker.can('read', grant('prof-1', OTHER_ORG))).toBe(true);
    expect(worker.can('read', grant('prof-2', ORG))).toBe(false);
    expect(worker.can('review', grant('prof-2', ORG))).toBe(false);
  });

  it('only a chain privacy officer erases a family; officers and administrators sign checkpoints', () => {
    for (const role of Object.values(ProfessionalRole)) {
      const ability = permissionsFor(professional(role));
      expect(ability.can('erase', about('Family', { familyId: 'fam-1' }))).toBe(role === ProfessionalRole.CHAIN_PRIVACY_OFFICER);
      expect(ability.can('checkpoint', 'AccessLog')).toBe(role !== ProfessionalRole.PROFESSIONAL && role !== ProfessionalRole.TEAM_LEAD);
      expect(ability.can('verify', 'AccessLog')).toBe(role === ProfessionalRole.PRIVACY_OFFICER || role === ProfessionalRole.CHAIN_PRIVACY_OFFICER);
    }
    expect(permissionsFor(member).can('erase', 'Family')).toBe(false);
  });

  it('threads: casework starts them around a family it is involved with, and reads, posts and withdraws its own only where it takes part', () => {
    const thread = (participants: string[], involved = [ORG]) => about('Thread', { familyId: 'fam-1', involvedOrganisationIds: involved, participantProfessionalIds: participants, subjectsInReach: false });
    const messages = (participants: string[], author: string | null = null, involved = [ORG]) =>
      about('ThreadMessage', { familyId: 'fam-1', involvedOrganisationIds: involved, participantProfessionalIds: participants, participantMemberIds: [], subjectsInReach: false, authorProfessionalId: author, authorMemberId: null });
    for (const role of [ProfessionalRole.PROFESSIONAL, ProfessionalRole.TEAM_LEAD]) {
      const ability = permissionsFor(professional(role));
      expect(ability.can('start', thread([]))).toBe(true);
      expect(ability.can('start', thread([], [OTHER_ORG]))).toBe(false);
      expect(ability.can('read', thread(['prof-2', 'prof-1']))).toBe(true);
      expect(ability.can('read', thread(['prof-2']))).toBe(false);
      expect(ability.can('read', thread(['prof-1'], [OTHER_ORG]))).toBe(false);
      expect(ability.can('post', messages(['prof-1']))).toBe(true);
      expect(ability.can('post', messages(['prof-2']))).toBe(false);
      expect(ability.can('withdraw', messages(['prof-1'], 'prof-1'))).toBe(true);
      expect(ability.can('withdraw', messages(['prof-1'], 'prof-2'))).toBe(false);
      expect(ability.can('join', 'Thread')).toBe(false);
    }
    for (const role of [ProfessionalRole.PRIVACY_OFFICER, ProfessionalRole.CHAIN_PRIVACY_OFFICER, ProfessionalRole.ADMIN]) {
      const ability = permissionsFor(professional(role));
      for (const action of ['start', 'read', 'join'] as const) expect(ability.can(action, 'Thread')).toBe(false);
      for (const action of ['read', 'post', 'withdraw'] as const) expect(ability.can(action, 'ThreadMessage')).toBe(false);
    }
  });

  it('threads: a member sees and joins those about their reach, reads and posts once joined, and withdraws what they wrote', () => {
    const ability = permissionsFor(member);
    const thread = (subjectsInReach: boolean, familyId = 'fam-1') => about('Thread', { familyId, involvedOrganisationIds: [], participantProfessionalIds: [], subjectsInReach });
    const messages = (joined: readonly string[], author: string | null = null, subjectsInReach = true) =>
      about('ThreadMessage', { familyId: 'fam-1', involvedOrganisationIds: [], participantProfessionalIds: [], participantMemberIds: joined, subjectsInReach, authorProfessionalId: null, authorMemberId: author });
    for (const action of ['read', 'join'] as const) {
      expect(ability.can(action, thread(true))).toBe(true);
      expect(ability.can(action, thread(false))).toBe(false);
      expect(ability.can(action, thread(true, 'fam-2'))).toBe(false);
    }
    expect(ability.can('start', 'Thread')).toBe(false);
    expect(ability.can('read', messages(['marieke']))).toBe(true);
    expect(ability.can('post', messages(['johan', 'marieke']))).toBe(true);
    expect(ability.can('read', messages(['johan']))).toBe(false);
    expect(ability.can('post', messages(['marieke'], null, false))).toBe(false);
    expect(ability.can('withdraw', messages([], 'marieke'))).toBe(true);
    expect(ability.can('withdraw', messages(['marieke'], 'johan'))).toBe(false);
  });

  it('escalations: casework raises and reads them around a family it is involved with; team leads take them on, and decide those their organisation took on', () => {
    const escalation = (over: Partial<{ involved: string[]; takenOnBy: string | null; familyId: string; subjectsInReach: boolean }> = {}) =>
      about('Escalation', { familyId: over.familyId ?? 'fam-1', involvedOrganisationIds: over.involved ?? [ORG, OTHER_ORG], subjectsInReach: over.subjectsInReach ?? false, takenOnByOrganisationId: over.takenOnBy ?? null });
    for (const role of [ProfessionalRole.PROFESSIONAL, ProfessionalRole.TEAM_LEAD]) {
      const ability = permissionsFor(professional(role));
      expect(ability.can('raise', escalation())).toBe(true);
      expect(ability.can('read', escalation())).toBe(true);
      expect(ability.can('raise', escalation({ involved: [OTHER_ORG] }))).toBe(false);
      expect(ability.can('read', escalation({ involved: [OTHER_ORG] }))).toBe(false);
      expect(ability.can('takeOn', escalation())).toBe(role === ProfessionalRole.TEAM_LEAD);
      expect(ability.can('decide', escalation({ takenOnBy: ORG }))).toBe(role === ProfessionalRole.TEAM_LEAD);
      expect(ability.can('decide', escalation({ takenOnBy: OTHER_ORG }))).toBe(false);
      expect(ability.can('decide', escalation({ takenOnBy: ORG, involved: [OTHER_ORG] }))).toBe(false);
      expect(ability.can('read', 'EscalationFigures')).toBe(false);
    }
    expect(permissionsFor(professional(ProfessionalRole.PRIVACY_OFFICER)).can('read', about('EscalationFigures', { organisationId: ORG }))).toBe(true);
    expect(permissionsFor(professional(ProfessionalRole.PRIVACY_OFFICER)).can('read', about('EscalationFigures', { organisationId: OTHER_ORG }))).toBe(false);
    expect(permissionsFor(professional(ProfessionalRole.CHAIN_PRIVACY_OFFICER)).can('read', about('EscalationFigures', { organisationId: OTHER_ORG }))).toBe(true);
    for (const role of [ProfessionalRole.PRIVACY_OFFICER, ProfessionalRole.CHAIN_PRIVACY_OFFICER, ProfessionalRole.ADMIN]) {
      for (const action of ['raise', 'read', 'takeOn', 'decide'] as const) expect(permissionsFor(professional(role)).can(action, 'Escalation')).toBe(false);
    }
    const ability = permissionsFor(member);
    expect(ability.can('raise', escalation({ subjectsInReach: true }))).toBe(true);
    expect(ability.can('read', escalation({ subjectsInReach: true }))).toBe(true);
    expect(ability.can('read', escalation({ subjectsInReach: false }))).toBe(false);
    expect(ability.can('read', escalation({ subjectsInReach: true, familyId: 'fam-2' }))).toBe(false);
    for (const action of ['takeOn', 'decide'] as const) expect(ability.can(action, 'Escalation')).toBe(false);
    expect(ability.can('read', 'EscalationFigures')).toBe(false);
  });
});
