import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '@kring/config';
import { ageOn, dutchDate } from '@kring/consent';
import { isValidBsn, KringCrypto } from '@kring/crypto';
import {
  FamilyFileWriter,
  FamilyMemberEntity,
  InvolvementEntity,
  isInvolvedToday,
  isIsoDate,
  loadFamilyKey,
  memberIdsOf,
  ORGANISATION_SECTION_TYPES,
  validateSectionValues,
  type FieldValue,
} from '@kring/family-file';
import { OrganisationEntity, ProfessionalEntity, type ProfessionalPrincipal } from '@kring/identity';
import { AuditService, changeEntries, decisionOf, operationEntries } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { badInput, ErrorCode, KringError, notFound } from '../common/kring-error';
import type { Family, FamilyRecord, Involvement } from '../families/family-file.model';
import { sectionInputField, type SectionValues } from '../families/section.model';
import type { AddRecordInput } from './add-record.input';
import type { RegisterFamilyInput } from './register-family.input';
import type { RegisterInvolvementInput } from './register-involvement.input';

const MAX_MEMBERS = 20;

/** Writing the family file. Every input is validated before anything is written; each write is one transaction. */
@Injectable()
export class FamilyWritesService {
  private readonly writer: FamilyFileWriter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {
    this.writer = new FamilyFileWriter(crypto);
  }

  /** Registers a family; the caller's organisation becomes involved from today. */
  async registerFamily(principal: ProfessionalPrincipal, input: RegisterFamilyInput, traceId: string): Promise<Family> {
    const today = dutchDate(this.clock.now());
    const members = input.members.map((m, i) => validateMember(m, i, today));
    if (members.length === 0) throw badInput('members', 'must name at least one member');
    if (members.length > MAX_MEMBERS) throw badInput('members', `can hold at most ${MAX_MEMBERS} members`);
    const bsns = members.map((m) => m.bsn);
    const repeated = bsns.findIndex((b, i) => bsns.indexOf(b) !== i);
    if (repeated >= 0) throw badInput(`members[${repeated}].bsn`, 'appears twice in this family');
    const seen = new Set<string>();
    input.authority.forEach(({ adult, child }, i) => {
      const where = `authority[${i}]`;
      const a = members[adult];
      const c = members[child];
      if (a === undefined || c === undefined || adult === child) throw badInput(where, 'must name two different members by their index');
      if (ageOn(a.birthDate, today) < 18) throw badInput(`${where}.adult`, 'must be 18 or older to hold parental authority');
      if (ageOn(c.birthDate, today) >= 18) throw badInput(`${where}.child`, 'must be under 18');
      if (seen.has(`${adult}:${child}`)) throw badInput(where, 'is given twice');
      seen.add(`${adult}:${child}`);
    });
    return this.dataSource.transaction(async (manager) => {
      const { family, memberIds } = await this.writer.createFamily(manager, { registeredByOrganisationId: principal.organisationId, members, authority: input.authority });
      const involvement = await this.writer.addInvolvement(manager, {
        familyId: family.id,
        organisationId: principal.organisationId,
        contactProfessionalId: principal.professionalId,
        startsOn: today,
        caseDirection: input.caseDirection ?? false,
      });
      await this.audit.record(manager, { principal, traceId, at: this.clock.now() }, [
        ...changeEntries({ activity: 'REGISTER_FAMILY', familyId: family.id, subjectMemberIds: memberIds, targetKind: 'FAMILY', targetIds: [family.id], fields: ['name', 'birthDate', 'bsn', 'relation', 'holdsAuthorityOver'], sourceOrganisationId: principal.organisationId, basis: 'OWN_RECORD' }),
        ...changeEntries({ activity: 'REGISTER_INVOLVEMENT', familyId: family.id, subjectMemberIds: memberIds, targetKind: 'INVOLVEMENT', targetIds: [involvement.id], category: 'INVOLVEMENT', sourceOrganisationId: principal.organisationId, basis: 'OWN_RECORD' }),
      ]);
      return { id: family.id, memberIds };
    });
  }

  /** Registers an involvement (the caller's own organisation's, or a referral) with a family the caller is involved with. */
  async registerInvolvement(principal: ProfessionalPrincipal, input: RegisterInvolvementInput, traceId: string): Promise<Involvement> {
    const today = dutchDate(this.clock.now());
    const startsOn = input.startsOn ?? today;
    if (!isIsoDate(startsOn)) throw badInput('startsOn', 'must be a date (YYYY-MM-DD)');
    if (input.endsOn !== null && input.endsOn !== undefined && (!isIsoDate(input.endsOn) || input.endsOn <= startsOn)) {
      throw badInput('endsOn', 'must be a date after startsOn');
    }
    if (!isUuid(input.organisationId)) throw badInput('organisationId', 'is not a registered organisation');
    return this.dataSource.transaction(async (manager) => {
      await this.requireInvolvedFamily(manager, principal, input.familyId, today);
      const organisation = await manager.findOneBy(OrganisationEntity, { id: input.organisationId });
      if (organisation === null) throw badInput('organisationId', 'is not a registered organisation');
      if (input.contactProfessionalId !== null && input.contactProfessionalId !== undefined) {
        const contact = isUuid(input.contactProfessionalId) ? await manager.findOneBy(ProfessionalEntity, { id: input.contactProfessionalId }) : null;
        if (contact === null || contact.organisationId !== organisation.id) throw badInput('contactProfessionalId', 'is not a professional of that organisation');
      }
      const open = await manager.find(InvolvementEntity, { where: { familyId: input.familyId }, lock: { mode: 'pessimistic_write' } });
      const stillOpen = open.filter((i) => i.endsOn === null || i.endsOn > today);
      if (stillOpen.some((i) => i.organisationId === organisation.id)) throw badInput('organisationId', 'is already involved with this family');
      if (input.caseDirection && open.some((i) => i.caseDirection && i.endsOn === null)) {
        throw badInput('caseDirection', 'is already held by another organisation; it ends that involvement first');
      }
      const involvement = await this.writer.addInvolvement(manager, {
        familyId: input.familyId,
        organisationId: organisation.id,
        contactProfessionalId: input.contactProfessionalId ?? null,
        startsOn,
        endsOn: input.endsOn ?? null,
        caseDirection: input.caseDirection,
      });
      await this.audit.record(manager, { principal, traceId, at: this.clock.now() }, [
        ...changeEntries({ activity: 'REGISTER_INVOLVEMENT', familyId: input.familyId, subjectMemberIds: await memberIdsOf(manager, input.familyId), targetKind: 'INVOLVEMENT', targetIds: [involvement.id], category: 'INVOLVEMENT', sourceOrganisationId: organisation.id, basis: 'OWN_RECORD' }),
      ]);
      return toInvolvement(involvement, organisation);
    });
  }

  /** Ends the caller's own organisation's involvement from today: it no longer sees the family. */
  async endInvolvement(principal: ProfessionalPrincipal, id: string, traceId: string): Promise<Involvement> {
    if (!isUuid(id)) throw notFound('involvement');
    const today = dutchDate(this.clock.now());
    return this.dataSource.transaction(async (manager) => {
      const involvement = await manager.findOne(InvolvementEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (involvement === null || involvement.organisationId !== principal.organisationId) throw notFound('involvement');
      if (involvement.endsOn !== null && involvement.endsOn <= today) throw badInput('id', 'names an involvement that has already ended');
      involvement.endsOn = today < involvement.startsOn ? involvement.startsOn : today;
      await manager.update(InvolvementEntity, { id }, { endsOn: involvement.endsOn });
      const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: involvement.organisationId });
      await this.audit.record(manager, { principal, traceId, at: this.clock.now() }, [
        ...changeEntries({ activity: 'END_INVOLVEMENT', familyId: involvement.familyId, subjectMemberIds: await memberIdsOf(manager, involvement.familyId), targetKind: 'INVOLVEMENT', targetIds: [involvement.id], category: 'INVOLVEMENT', sourceOrganisationId: organisation.id, basis: 'OWN_RECORD' }),
      ]);
      return toInvolvement(involvement, organisation);
    });
  }

  /** Adds a record of the caller's organisation about members of a family it is involved with. */
  async addRecord(principal: ProfessionalPrincipal, input: AddRecordInput, traceId: string): Promise<FamilyRecord> {
    const given = ORGANISATION_SECTION_TYPES.filter((t) => input[sectionInputField(t.name)] !== undefined && input[sectionInputField(t.name)] !== null);
    if (given.length !== 1) throw badInput('section', `must be exactly one of ${ORGANISATION_SECTION_TYPES.map((t) => sectionInputField(t.name)).join(', ')}`);
    const type = given[0] as (typeof ORGANISATION_SECTION_TYPES)[number];
    const inputField = sectionInputField(type.name);
    const values = stripNulls(input[inputField] as Record<string, unknown>);
    const problems = validateSectionValues(type, values);
    const firstProblem = problems[0];
    if (firstProblem !== undefined) {
      throw new KringError(ErrorCode.BAD_USER_INPUT, `${inputField}.${firstProblem.field} ${firstProblem.problem}.`, {
        field: `${inputField}.${firstProblem.field}`,
        fields: problems.map((p) => `${inputField}.${p.field}`),
      });
    }
    const subjects = [...new Set(input.subjectMemberIds)];
    if (subjects.length === 0 || subjects.length !== input.subjectMemberIds.length || !subjects.every(isUuid)) {
      throw badInput('subjectMemberIds', 'must name one or more different members of the family');
    }
    const today = dutchDate(this.clock.now());
    return this.dataSource.transaction(async (manager) => {
      const family = await this.requireInvolvedFamily(manager, principal, input.familyId, today);
      const members = await manager.find(FamilyMemberEntity, { where: { familyId: family.familyId }, select: { id: true } });
      const memberIds = new Set(members.map((m) => m.id));
      if (!subjects.every((s) => memberIds.has(s))) throw badInput('subjectMemberIds', 'must name one or more different members of the family');
      const key = await loadFamilyKey(manager, this.crypto, family.familyId);
      const record = await this.writer.addRecord(manager, key, {
        familyId: family.familyId,
        sourceOrganisationId: principal.organisationId,
        authorProfessionalId: principal.professionalId,
        sectionType: type.name,
        subjectMemberIds: subjects,
        values: values as Record<string, FieldValue>,
      });
      // One entry per member the record is about, one decision per category written, like a read: fields named, never values.
      const byCategory = new Map<string, string[]>();
      for (const f of type.fields) if (values[f.name] !== undefined) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f.name]);
      await this.audit.record(
        manager,
        { principal, traceId, at: this.clock.now() },
        operationEntries({
          activity: 'ADD_RECORD',
          familyId: family.familyId,
          subjectMemberIds: subjects,
          decisions: [...byCategory].map(([category, fields]) =>
            decisionOf({ targetKind: 'RECORD', targetIds: [record.id], category, fields, sourceOrganisationId: principal.organisationId, basis: 'OWN_RECORD' }),
          ),
        }),
      );
      const section: SectionValues = { __sectionType: type.name, ...Object.fromEntries(type.fields.map((f) => [f.name, values[f.name] ?? null])) };
      return {
        id: record.id,
        sectionType: type.name,
        sourceOrganisation: { id: principal.organisationId, name: principal.organisationName, domain: principal.domain },
        authorMemberId: null,
        subjectMemberIds: [...subjects].sort(),
        createdAt: record.createdAt,
        supersededAt: null,
        section,
      };
    });
  }

  /** The family, when the caller's organisation is involved with it today; otherwise it answers as missing. */
  private async requireInvolvedFamily(manager: EntityManager, principal: ProfessionalPrincipal, familyId: string, today: string): Promise<{ familyId: string }> {
    if (!isUuid(familyId)) throw notFound('family');
    if (!(await isInvolvedToday(manager, principal.organisationId, familyId, today))) throw notFound('family');
    return { familyId };
  }
}

function validateMember(member: RegisterFamilyInput['members'][number], index: number, today: string) {
  const where = `members[${index}]`;
  const name = member.name.trim();
  if (name.length === 0 || name.length > 200) throw badInput(`${where}.name`, 'must be 1 to 200 characters');
  if (!isIsoDate(member.birthDate) || member.birthDate > today || member.birthDate < '1900-01-01') {
    throw badInput(`${where}.birthDate`, 'must be a date (YYYY-MM-DD) between 1900 and today');
  }
  if (!isValidBsn(member.bsn)) throw badInput(`${where}.bsn`, 'is not a valid BSN (9 digits passing the elfproef)');
  return { name, birthDate: member.birthDate, bsn: member.bsn.replace(/[\s.-]/g, ''), relation: member.relation };
}

function stripNulls(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined));
}

function toInvolvement(involvement: InvolvementEntity, organisation: OrganisationEntity): Involvement {
  return {
    id: involvement.id,
    organisation: { id: organisation.id, name: organisation.name, domain: organisation.domain },
    startsOn: involvement.startsOn,
    endsOn: involvement.endsOn,
    caseDirection: involvement.caseDirection,
  };
}
