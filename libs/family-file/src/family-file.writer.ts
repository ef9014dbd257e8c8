import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DataKey, KringCrypto } from '@kring/crypto';
import { FamilyMemberEntity } from './family-member.entity';
import { FamilyEntity } from './family.entity';
import { familyKeyOwner } from './family-keys';
import { InvolvementEntity } from './involvement.entity';
import type { MemberRelation } from './member-relation';
import { ParentalAuthorityEntity } from './parental-authority.entity';
import { RecordSubjectEntity } from './record-subject.entity';
import { RecordEntity } from './record.entity';
import { MEMBER_SEALED_FIELDS, recordSealedField } from './sealed-fields';
import { findSectionType } from './sections/section-types';
import type { FieldValue } from './sections/section-values';

export interface NewMember {
  readonly id?: string;
  readonly name: string;
  /** YYYY-MM-DD. */
  readonly birthDate: string;
  readonly bsn: string;
  readonly relation: MemberRelation;
}

export interface NewFamily {
  readonly id?: string;
  readonly registeredByOrganisationId: string;
  readonly members: readonly NewMember[];
  /** Pairs of member indexes: adult holds authority over child. */
  readonly authority: readonly { readonly adult: number; readonly child: number }[];
}

export interface NewInvolvement {
  readonly id?: string;
  readonly familyId: string;
  readonly organisationId: string;
  readonly contactProfessionalId: string | null;
  readonly startsOn: string;
  readonly endsOn?: string | null;
  readonly caseDirection: boolean;
}

export interface NewRecord {
  readonly id?: string;
  readonly familyId: string;
  /** The organisation that writes it; null when the family does (then `authorMemberId` is the member). */
  readonly sourceOrganisationId: string | null;
  readonly authorProfessionalId: string | null;
  readonly authorMemberId?: string | null;
  /** The version this record replaces (our story written again). */
  readonly supersedesRecordId?: string | null;
  readonly sectionType: string;
  readonly subjectMemberIds: readonly string[];
  /** Already validated against the section type. */
  readonly values: Readonly<Record<string, FieldValue>>;
}

/**
 * Writes the family file. Every personal value is encrypted here, before it is
 * handed to the database; callers pass plaintext only as far as this class.
 * Validation happens before this point; this class assumes valid input.
 */
export class FamilyFileWriter {
  constructor(private readonly crypto: KringCrypto) {}

  /** Creates a family with its own fresh data key, its members and their parental authority. */
  async createFamily(manager: EntityManager, input: NewFamily): Promise<{ family: FamilyEntity; memberIds: string[]; key: DataKey }> {
    const familyId = input.id ?? randomUUID();
    const { key, stored } = this.crypto.keyRing.newDataKey(familyKeyOwner(familyId));
    const family = manager.create(FamilyEntity, {
      id: familyId,
      wrappedDataKey: stored.wrapped,
      kekVersion: stored.kekVersion,
      dataKeyVersion: key.version,
      registeredByOrganisationId: input.registeredByOrganisationId,
      erasedAt: null,
    });
    await manager.insert(FamilyEntity, family);
    const members = input.members.map((m) => this.sealMember(key, familyId, m));
    if (members.length > 0) await manager.insert(FamilyMemberEntity, members);
    const memberIds = members.map((m) => m.id);
    const authority = input.authority.map(({ adult, child }) => ({ adultMemberId: memberIds[adult] as string, childMemberId: memberIds[child] as string }));
    if (authority.length > 0) await manager.insert(ParentalAuthorityEntity, authority);
    return { family, memberIds, key };
  }

  async addInvolvement(manager: EntityManager, input: NewInvolvement): Promise<InvolvementEntity> {
    const involvement = manager.create(InvolvementEntity, {
      id: input.id ?? randomUUID(),
      familyId: input.familyId,
      organisationId: input.organisationId,
      contactProfessionalId: input.contactProfessionalId,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      caseDirection: input.caseDirection,
    });
    await manager.insert(InvolvementEntity, involvement);
    return involvement;
  }

  /** Adds a record, each field encrypted on its own and bound to this record and field. */
  async addRecord(manager: EntityManager, key: DataKey, input: NewRecord): Promise<RecordEntity> {
    const recordId = input.id ?? randomUUID();
    const encryptedFields: Record<string, string> = {};
    const fields = findSectionType(input.sectionType)?.fields ?? [];
    for (const [name, value] of Object.entries(input.values)) {
      const field = fields.find((f) => f.name === name);
      // Input is validated against its section type before it gets here; a field outside it is a programming error.
      if (field === undefined) throw new Error(`the section type ${input.sectionType} has no field ${name}`);
      encryptedFields[name] = this.crypto.cipher.encrypt(key, { field: recordSealedField(field), rowId: recordId }, JSON.stringify(value)).toString('base64');
    }
    const record = manager.create(RecordEntity, {
      id: recordId,
      familyId: input.familyId,
      sourceOrganisationId: input.sourceOrganisationId,
      authorProfessionalId: input.authorProfessionalId,
      authorMemberId: input.authorMemberId ?? null,
      supersedesRecordId: input.supersedesRecordId ?? null,
      sectionType: input.sectionType,
      encryptedFields,
    });
    await manager.insert(RecordEntity, record);
    await manager.insert(
      RecordSubjectEntity,
      input.subjectMemberIds.map((memberId) => ({ recordId, memberId })),
    );
    return record;
  }

  private sealMember(key: DataKey, familyId: string, member: NewMember): FamilyMemberEntity {
    const id = member.id ?? randomUUID();
    const seal = (field: keyof typeof MEMBER_SEALED_FIELDS, value: string) => this.crypto.cipher.encrypt(key, { field: MEMBER_SEALED_FIELDS[field], rowId: id }, value);
    return Object.assign(new FamilyMemberEntity(), {
      id,
      familyId,
      nameCiphertext: seal('name', member.name),
      birthDateCiphertext: seal('birthDate', member.birthDate),
      bsnCiphertext: seal('bsn', member.bsn),
      relationCiphertext: seal('relation', member.relation),
      bsnBlindIndex: this.crypto.blindIndex.bsn(member.bsn),
    });
  }
}
