import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KringCrypto } from '@kring/crypto';
import { FamilyEntity, FamilyMemberEntity, MEMBER_SEALED_FIELDS, unwrapFamilyKey } from '@kring/family-file';
import { DirectoryWriter, OrganisationEntity, ProfessionalEntity, type Principal } from '@kring/identity';
import { ViewerKind, type Viewer } from './viewer.model';

/** Answers `me`: the caller's own registration, which they may always read. */
@Injectable()
export class ViewerService {
  private readonly directory: DirectoryWriter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
  ) {
    this.directory = new DirectoryWriter(crypto);
  }

  async viewer(principal: Principal): Promise<Viewer> {
    const manager = this.dataSource.manager;
    if (principal.kind === 'professional') {
      const professional = await manager.findOneByOrFail(ProfessionalEntity, { id: principal.professionalId });
      const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: principal.organisationId });
      return {
        kind: ViewerKind.PROFESSIONAL,
        member: null,
        professional: {
          id: professional.id,
          name: this.directory.professionalName(organisation, professional),
          roles: [...principal.roles],
          organisation: { id: organisation.id, name: organisation.name, domain: organisation.domain },
        },
      };
    }
    const member = await manager.findOneByOrFail(FamilyMemberEntity, { id: principal.memberId });
    const family = await manager.findOneByOrFail(FamilyEntity, { id: member.familyId });
    const key = unwrapFamilyKey(this.crypto, family);
    const name = this.crypto.cipher.decrypt(key, { field: MEMBER_SEALED_FIELDS.name, rowId: member.id }, member.nameCiphertext);
    return { kind: ViewerKind.FAMILY_MEMBER, professional: null, member: { id: member.id, familyId: member.familyId, name } };
  }
}
