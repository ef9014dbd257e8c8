import type { AccessLogFacts } from './access-log-entry';

/**
 * For tests: the facts of an ordinary entry of a read (encoding v3: one member, a few
 * decisions), the n-th of a run, on the chain of `familyId`. Time, trace id, category and
 * consent vary with n; the ids are canonical uuids and the texts plain, so the writer
 * stores the facts as they are.
 */
export function readEntryFacts(n = 1, familyId = '0b6f3c1e-0001-4c8a-9a51-000000000001'): AccessLogFacts {
  return {
    occurredAt: new Date(Date.UTC(2026, 4, 1) + n * 1000),
    traceId: n.toString(16).padStart(32, '0'),
    actorKind: 'PROFESSIONAL',
    actorId: '0b6f3c1e-0004-4c8a-9a51-000000000002',
    actorOrganisationId: '0b6f3c1e-0002-4c8a-9a51-000000000001',
    actorRole: 'PROFESSIONAL',
    activity: 'READ_FAMILY_FILE',
    purpose: 'CASE_COORDINATION',
    familyId,
    subjectMemberIds: ['0b6f3c1e-0003-4c8a-9a51-000000000001'],
    decisions: [
      {
        targetKind: 'RECORD',
        targetIds: ['0b6f3c1e-0009-4c8a-9a51-000000000001', '0b6f3c1e-0009-4c8a-9a51-000000000002'],
        sourceOrganisationId: '0b6f3c1e-0002-4c8a-9a51-000000000003',
        category: n % 2 === 0 ? 'FINANCES' : 'CONTACT',
        fields: ['debts'],
        outcome: 'ALLOWED',
        basis: 'CONSENT',
        basisRefs: [`c-${n % 7}`],
        reason: null,
      },
      {
        targetKind: 'RECORD',
        targetIds: ['0b6f3c1e-0009-4c8a-9a51-000000000003'],
        sourceOrganisationId: '0b6f3c1e-0002-4c8a-9a51-000000000004',
        category: 'HEALTH',
        fields: ['diagnosis'],
        outcome: 'DENIED',
        basis: null,
        basisRefs: [],
        reason: 'NO_CONSENT',
      },
    ],
    breakGlass: false,
  };
}
