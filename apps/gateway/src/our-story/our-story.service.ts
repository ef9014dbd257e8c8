import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '@kring/config';
import { dutchDate, loadSubjectFacts } from '@kring/consent';
import { KringCrypto } from '@kring/crypto';
import { currentVersions, DataCategory, FamilyEntity, FamilyFileWriter, OUR_STORY, RecordEntity, RecordSubjectEntity, writeOurStory } from '@kring/family-file';
import type { CitizenPrincipal } from '@kring/identity';
import { about, actorOf, membersInReach, permissionsFor } from '@kring/policy';
import { AuditService, changeEntries } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { notFound } from '../common/kring-error';
import { ourStoryRefused } from '../common/refusal-errors';
import type { FamilyRecord } from '../families/family-file.model';
import type { WriteOurStoryInput } from './write-our-story.input';

/** Our story (DESIGN.md §9): a member writes it, in their own words, for themselves and their reach. */
@Injectable()
export class OurStoryService {
  private readonly writer: FamilyFileWriter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {
    this.writer = new FamilyFileWriter(crypto);
  }

  /**
   * Writes a new version of the caller's story about a member of their reach, sealed with the
   * family's key like every value of the file, and logged about that member. A member outside
   * the reach answers like one that does not exist.
   */
  async write(principal: CitizenPrincipal, input: WriteOurStoryInput, traceId: string): Promise<FamilyRecord> {
    const at = this.clock.now();
    if (!isUuid(input.memberId)) throw notFound('member');
    const memberId = input.memberId.toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      const family = await manager.findOne(FamilyEntity, { where: { id: principal.familyId }, select: { id: true, erasedAt: true } });
      if (family === null || family.erasedAt !== null) throw notFound('family');
      const { subjects, key } = await loadSubjectFacts(manager, this.crypto, family.id);
      const reach = membersInReach(principal.memberId, subjects.values(), dutchDate(at));
      const mayWrite = permissionsFor(actorOf(principal, [...reach])).can('write', about('OurStory', { familyId: family.id, subjectMemberId: memberId }));
      const decision = writeOurStory(input.text, { mayWrite, currentVersionId: mayWrite ? await this.currentVersion(manager, family.id, principal.memberId, memberId) : null });
      if (!decision.ok) throw ourStoryRefused(decision.refusal);
      const record = await this.writer.addRecord(manager, key, {
        familyId: family.id,
        sourceOrganisationId: null,
        authorProfessionalId: null,
        authorMemberId: principal.memberId,
        supersedesRecordId: decision.supersedesRecordId,
        sectionType: OUR_STORY.name,
        subjectMemberIds: [memberId],
        values: decision.values,
      });
      await this.audit.record(
        manager,
        { principal, traceId, at },
        changeEntries({ activity: 'WRITE_OUR_STORY', familyId: family.id, subjectMemberIds: [memberId], targetKind: 'RECORD', targetIds: [record.id], category: DataCategory.OWN_WORDS, fields: ['text'], basis: 'DATA_SUBJECT' }),
      );
      return {
        id: record.id,
        sectionType: OUR_STORY.name,
        sourceOrganisation: null,
        authorMemberId: principal.memberId,
        subjectMemberIds: [memberId],
        createdAt: record.createdAt,
        supersededAt: null,
        section: { __sectionType: OUR_STORY.name, ...decision.values },
      };
    });
  }

  /**
   * The current version of the writer's own story about this member, or null before the first.
   * The member's row is locked first, so two writes about one member take turns and the second
   * replaces the first (the unique index on `supersedes_record_id` would refuse it otherwise).
   */
  private async currentVersion(manager: EntityManager, familyId: string, writerId: string, memberId: string): Promise<string | null> {
    await manager.query('SELECT id FROM family_member WHERE id = $1 AND family_id = $2 FOR NO KEY UPDATE', [memberId, familyId]);
    const versions = await manager
      .createQueryBuilder(RecordEntity, 'r')
      .innerJoin(RecordSubjectEntity, 's', 's.record_id = r.id AND s.member_id = :memberId', { memberId })
      .select(['r.id', 'r.supersedesRecordId'])
      .where('r.family_id = :familyId AND r.section_type = :type AND r.author_member_id = :writerId', { familyId, type: OUR_STORY.name, writerId })
      .getMany();
    return currentVersions(versions)[0]?.id ?? null;
  }
}
