import { type ReactNode, useState } from 'react';
import { graphql } from '../../api/graphql';
import { useSession } from '../../api/session';
import { DATA_CATEGORIES, type FamilyFile, sectionValue, type FamilyMember, type FamilyRecord, type Redaction } from '../../api/fragments';
import { gql } from '../../api/generated';
import { loadSectionCatalogue, type ServedSectionType } from '../../api/section-catalogue';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { DataList, DataListItem, Heading, Paragraph, SubtleButton } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { joinWords, labelOf, reachOf, type Reach } from './member-family';
import { MyCircle } from './my-circle';
import { fieldLabel, fieldsOf, formatValue, sectionLabel } from './section-fields';
import { BreakGlassNotices } from './break-glass-notices';

const MY_FAMILY = gql(`query MyFamily { myFamily { ...FamilyFileFields } }`);

/** "Wat er over mij staat": the member's own data, and that of the young children they hold authority over. */
export function MyRecordsPage() {
  const { t } = useI18n();
  const { viewer } = useSession();
  usePageTitle(t('member.records.title'));
  // The file and the section catalogue that says how to show it arrive together.
  const loaded = useApi(() => Promise.all([graphql(MY_FAMILY), loadSectionCatalogue()]).then(([d, sections]) => ({ file: d.myFamily, sections })), 'my-family');
  const file = { ...loaded, data: loaded.data?.file ?? null };
  const sections = loaded.data?.sections ?? [];
  const viewerId = viewer?.member?.id ?? '';
  const reach = file.data ? reachOf(file.data.members, viewerId, viewer?.member?.name ?? null) : null;

  return (
    <>
      <Heading level={1}>{t('member.records.title')}</Heading>
      <Paragraph lead>{t('member.records.intro')}</Paragraph>
      <BreakGlassNotices />
      <Paragraph>
        {t('member.records.introConsents')} <Link to="/me/consents">{t('nav.myConsents')}</Link>
      </Paragraph>
      <Paragraph>
        {t('story.member.inRecords')} <Link to="/me/our-story">{t('nav.ourStory')}</Link>
      </Paragraph>
      <MyCircle />
      <ErrorAlert error={file.error} />
      {file.loading && file.data === null && <Paragraph>{t('app.loading')}</Paragraph>}
      {file.data && reach && (
        <>
          {reach.members.map((member) => (
            <MemberRecords key={member.id} member={member} file={file.data as FamilyFile} sections={sections} reach={reach} />
          ))}
          {/* Said to everyone, whether or not such data exists: the page never hints at what it leaves out. */}
          <Paragraph>{t('member.records.notHere')}</Paragraph>
        </>
      )}
    </>
  );
}

function MemberRecords({ member, file, sections, reach }: { member: FamilyMember; file: FamilyFile; sections: readonly ServedSectionType[]; reach: Reach }) {
  const { t, formatDate } = useI18n();
  const isViewer = member.id === reach.viewerId;
  const name = reach.nameOf(member.id) ?? t('common.unknownMember');
  const headingId = `member-${member.id}`;
  // The API's member view holds only records all of whose subjects are in reach. The family's own words are on their own page (Ons verhaal).
  const visible = file.records.filter((r) => r.subjectMemberIds.includes(member.id) && sections.find((s) => s.name === r.sectionType)?.source !== 'FAMILY');

  // Organisation, then category, then the records with fields of that category.
  const byOrganisation = new Map<string, FamilyRecord[]>();
  for (const record of visible) {
    const organisation = record.sourceOrganisation?.name ?? t('member.unknownOrganisation');
    byOrganisation.set(organisation, [...(byOrganisation.get(organisation) ?? []), record]);
  }
  const organisations = [...byOrganisation.keys()].sort((a, b) => a.localeCompare(b, 'nl'));

  return (
    <section aria-labelledby={headingId} className="kring-section kring-m-member">
      <Heading level={2} id={headingId}>
        {isViewer ? t('member.you', { name }) : name}
      </Heading>
      <PersonalDetails member={member} file={file} />
      {visible.length === 0 && <Paragraph>{isViewer ? t('member.records.emptyYou') : t('member.records.emptyChild', { name })}</Paragraph>}
      {organisations.map((organisation, index) => {
        const records = [...(byOrganisation.get(organisation) ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        const organisationId = `${headingId}-org-${index}`;
        return (
          <section key={organisation} aria-labelledby={organisationId} className="kring-m-records-organisation">
            <Heading level={3} id={organisationId}>
              {t('member.records.byOrganisation', { organisation })}
            </Heading>
            {DATA_CATEGORIES.map((category) => {
              const entries = records
                .map((record) => ({ record, fields: fieldsOf(sections, record.section.__typename).filter((spec) => spec.category === category) }))
                .filter((entry) => entry.fields.length > 0);
              if (entries.length === 0) return null;
              return (
                <div key={category} className="kring-m-records-category">
                  <Heading level={4}>{labelOf(t, 'category', category)}</Heading>
                  {entries.map(({ record, fields }) => (
                    <div key={record.id} className="kring-m-record">
                      <Paragraph className="kring-m-record__title">
                        <strong>{sectionLabel(t, record.section.__typename)}</strong>
                        <span className="kring-m-record__date">{t('member.records.recordedOn', { date: formatDate(record.createdAt) })}</span>
                      </Paragraph>
                      {record.subjectMemberIds.length > 1 && (
                        <Paragraph>{t('member.records.about', { names: joinWords(t, record.subjectMemberIds.map((id) => reach.nameOf(id) ?? t('common.unknownMember')), 'member.and') })}</Paragraph>
                      )}
                      <DataList className="kring-m-datalist">
                        {fields.map((spec) => (
                          <DataListItem key={spec.name} label={fieldLabel(t, spec.name)}>
                            <FieldValue redaction={file.redactions.find((r) => r.recordId === record.id && r.field === spec.name)} value={formatValue(t, formatDate, spec, sectionValue(record, spec.name))} />
                          </DataListItem>
                        ))}
                      </DataList>
                    </div>
                  ))}
                </div>
              );
            })}
          </section>
        );
      })}
    </section>
  );
}

/** A value, or why it is not shown: withheld (with the reason the API gave) or never filled in. */
function FieldValue({ redaction, value }: { redaction: Redaction | undefined; value: ReactNode }) {
  const { t } = useI18n();
  if (value !== null) return <>{value}</>;
  if (redaction) return <span className="kring-m-muted">{t('member.records.notShown', { reason: labelOf(t, 'reason', redaction.reason) })}</span>;
  return <span className="kring-m-muted">{t('member.records.notFilled')}</span>;
}

function PersonalDetails({ member, file }: { member: FamilyMember; file: FamilyFile }) {
  const { t, formatDate } = useI18n();
  const [showBsn, setShowBsn] = useState(false);
  const headingId = `personal-${member.id}`;
  const withheld = (field: string) => file.redactions.find((r) => r.memberId === member.id && r.field === field);
  return (
    <section aria-labelledby={headingId} className="kring-m-records-organisation">
      <Heading level={3} id={headingId}>
        {t('member.records.personal')}
      </Heading>
      <DataList className="kring-m-datalist">
        <DataListItem label={t('member.records.name')}>
          <FieldValue redaction={withheld('name')} value={member.name} />
        </DataListItem>
        <DataListItem label={t('member.records.birthDate')}>
          <FieldValue redaction={withheld('birthDate')} value={member.birthDate ? formatDate(member.birthDate) : null} />
        </DataListItem>
        <DataListItem label={t('member.records.bsn')}>
          {member.bsn === null ? (
            <FieldValue redaction={withheld('bsn')} value={null} />
          ) : (
            <span className="kring-m-bsn">
              {showBsn ? (
                <span className="kring-m-bsn__value">{member.bsn}</span>
              ) : (
                <span className="kring-m-bsn__value">
                  <span aria-hidden="true">{'•'.repeat(Math.max(member.bsn.length - 3, 0))}</span>
                  <span className="kring-visually-hidden">{t('member.records.bsnEndsWith')} </span>
                  {member.bsn.slice(-3)}
                </span>
              )}
              <SubtleButton type="button" aria-pressed={showBsn} onClick={() => setShowBsn((s) => !s)}>
                {showBsn ? t('member.records.bsnHide') : t('member.records.bsnShow')}
              </SubtleButton>
            </span>
          )}
        </DataListItem>
        {member.relation !== null && <DataListItem label={t('member.records.relation')}>{labelOf(t, 'relation', member.relation)}</DataListItem>}
      </DataList>
    </section>
  );
}
