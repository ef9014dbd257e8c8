import type { ReactNode } from 'react';
import { type FamilyFile, type FamilyMember, type FamilyRecord, type Involvement, type Redaction, sectionValue } from '../../api/fragments';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import {
  Alert,
  CaptionedTable,
  DataList,
  DataListItem,
  Heading,
  ListItem,
  Paragraph,
  Section,
  StatusBadge,
  TableCell,
  TableRow,
  UnorderedList,
} from '../../ui';
import { labelOf } from '../member/member-family';
import type { SectionField, SectionType } from './section-catalogue';
import { asText, NotShared, type RedactionIndex, SharedValue } from './shared-value';

type Label = (memberId: string) => string;

/** "N gegevens niet gedeeld", with how many for each reason. */
export function RedactionSummary({ redactions }: { redactions: readonly Redaction[] }) {
  const { t } = useI18n();
  if (redactions.length === 0) {
    return (
      <Alert type="ok" className="kring-redaction-summary">
        <Paragraph>
          <strong data-testid="redaction-count">{t('pro.file.summaryNone')}</strong>. {t('pro.file.summaryNoneHelp')}
        </Paragraph>
      </Alert>
    );
  }
  const byReason = new Map<string, number>();
  for (const r of redactions) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
  return (
    <Alert type="info" className="kring-redaction-summary">
      <Paragraph>
        <strong data-testid="redaction-count">{redactions.length === 1 ? t('pro.file.summaryOne') : t('pro.file.summary', { count: redactions.length })}</strong>.{' '}
        {t('pro.file.summaryHelp')}
      </Paragraph>
      <UnorderedList>
        {[...byReason].map(([reason, count]) => (
          <ListItem key={reason}>{t('pro.file.summaryReason', { reason: t(`reason.${reason}` as MessageKey), count })}</ListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}

/** Who holds case direction (casusregie): the first thing a professional needs to know. */
export function CaseDirection({ involvements, ownOrganisationId }: { involvements: readonly Involvement[]; ownOrganisationId: string | null }) {
  const { t } = useI18n();
  const holder = involvements.find((i) => i.caseDirection === true);
  let text: string;
  if (holder?.organisation != null) {
    text = holder.organisation.id === ownOrganisationId ? t('pro.caseDirection.own', { organisation: holder.organisation.name }) : t('pro.caseDirection.by', { organisation: holder.organisation.name });
  } else if (involvements.some((i) => i.caseDirection === null)) {
    text = t('pro.caseDirection.hidden');
  } else {
    text = t('pro.caseDirection.none');
  }
  return (
    <section aria-labelledby="file-case-direction" className="kring-card kring-case-direction">
      <Heading level={2} id="file-case-direction">
        {t('pro.caseDirection.heading')}
      </Heading>
      <Paragraph lead>
        <strong data-testid="case-direction">{text}</strong>
      </Paragraph>
      <Paragraph>{t('pro.caseDirection.help')}</Paragraph>
    </section>
  );
}

export function Members({ members, redactions, label }: { members: readonly FamilyMember[]; redactions: RedactionIndex; label: Label }) {
  const { t, formatDate } = useI18n();
  return (
    <Section id="file-members" title={t('pro.members.heading')}>
      <div className="kring-cards">
        {members.map((m) => {
          const at = (field: string) => `members.${m.id}.${field}`;
          return (
            <div key={m.id} className="kring-card">
              <Heading level={3}>{label(m.id)}</Heading>
              <DataList>
                <DataListItem label={t('pro.members.name')}>
                  <SharedValue path={at('name')} redactions={redactions} value={m.name} />
                </DataListItem>
                <DataListItem label={t('pro.members.birthDate')}>
                  <SharedValue path={at('birthDate')} redactions={redactions} value={m.birthDate}>
                    {m.birthDate !== null && formatDate(m.birthDate)}
                  </SharedValue>
                </DataListItem>
                <DataListItem label={t('pro.members.bsn')}>
                  <SharedValue path={at('bsn')} redactions={redactions} value={m.bsn} />
                </DataListItem>
                <DataListItem label={t('pro.members.relation')}>
                  <SharedValue path={at('relation')} redactions={redactions} value={m.relation}>
                    {m.relation !== null && t(`relation.${m.relation}`)}
                  </SharedValue>
                </DataListItem>
                <DataListItem label={t('pro.members.authority')}>
                  <SharedValue path={at('holdsAuthorityOver')} redactions={redactions} value={m.holdsAuthorityOver}>
                    {m.holdsAuthorityOver !== null && (m.holdsAuthorityOver.length === 0 ? t('pro.members.noAuthority') : m.holdsAuthorityOver.map(label).join(', '))}
                  </SharedValue>
                </DataListItem>
              </DataList>
            </div>
          );
        })}
      </div>
    </Section>
  );
}

/** Who else is involved: the Verwijsindex view, with case direction marked in words. */
export function Involvements({ involvements, redactions, ownOrganisationId }: { involvements: readonly Involvement[]; redactions: RedactionIndex; ownOrganisationId: string | null }) {
  const { t, formatDate } = useI18n();
  return (
    <Section id="file-involvements" title={t('pro.involvements.heading')}>
      <Paragraph>{t('pro.involvements.intro')}</Paragraph>
      {involvements.length === 0 ? (
        <Paragraph>{t('pro.involvements.none')}</Paragraph>
      ) : (
        <CaptionedTable caption={t('pro.involvements.caption')} columns={[t('pro.involvements.organisation'), t('pro.involvements.kind'), t('pro.involvements.since'), t('pro.involvements.until'), t('pro.involvements.caseDirection')]}>
          {involvements.map((i) => {
            const path = `involvements.${i.id}`;
            const redaction = redactions.get(path);
            if (redaction !== undefined || i.organisation === null) {
              return (
                <TableRow key={i.id}>
                  <TableCell colSpan={5}>{redaction !== undefined ? <NotShared redaction={redaction} /> : <SharedValue path={path} redactions={redactions} value={null} />}</TableCell>
                </TableRow>
              );
            }
            return (
              <TableRow key={i.id} className={i.caseDirection === true ? 'kring-row--case-direction' : undefined}>
                <TableCell>
                  <span data-testid={`value-${path}`}>{i.organisation.name}</span>
                  {i.organisation.id === ownOrganisationId && <> {t('pro.involvements.own')}</>}
                </TableCell>
                <TableCell>{t(`domain.${i.organisation.domain}`)}</TableCell>
                <TableCell>{i.startsOn === null ? '' : formatDate(i.startsOn)}</TableCell>
                <TableCell>{i.endsOn === null ? t('pro.families.noEnd') : formatDate(i.endsOn)}</TableCell>
                <TableCell>{i.caseDirection === true ? <StatusBadge tone="ok">{t('pro.involvements.holds')}</StatusBadge> : t('common.no')}</TableCell>
              </TableRow>
            );
          })}
        </CaptionedTable>
      )}
    </Section>
  );
}

/** The organisations' records, grouped by section type, every field shown or marked as not shared (the family's own words are above them: OurStories). */
export function Records({ file, sections, redactions, label }: { file: FamilyFile; sections: readonly SectionType[]; redactions: RedactionIndex; label: Label }) {
  const { t } = useI18n();
  return (
    <Section id="file-records" title={t('pro.records.heading')}>
      <Paragraph>{t('pro.records.intro')}</Paragraph>
      {sections.filter((type) => type.source === 'ORGANISATION').map((type) => {
        const records = file.records.filter((r) => r.sectionType === type.name).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        return (
          <div key={type.name} className="kring-record-group">
            <Heading level={3} id={`records-${type.name}`}>
              {labelOf(t, 'pro.section', type.name)}
            </Heading>
            {records.length === 0 ? (
              <Paragraph>{t('pro.records.empty')}</Paragraph>
            ) : (
              records.map((r) => <RecordCard key={r.id} record={r} type={type} redactions={redactions} label={label} />)
            )}
          </div>
        );
      })}
    </Section>
  );
}

function RecordCard({ record, type, redactions, label }: { record: FamilyRecord; type: SectionType; redactions: RedactionIndex; label: Label }) {
  const { t, formatDate } = useI18n();
  const section = labelOf(t, 'pro.section', type.name);
  const date = formatDate(record.createdAt);
  const heading =
    record.sourceOrganisation === null ? t('pro.record.headingHidden', { section, date }) : t('pro.record.heading', { section, organisation: record.sourceOrganisation.name, date });
  const at = (field: string) => `records.${record.id}.${field}`;
  return (
    <div className="kring-card" data-record-id={record.id}>
      <Heading level={4}>{heading}</Heading>
      <DataList className="kring-data-list--columns">
        <DataListItem label={t('pro.record.about')}>{record.subjectMemberIds.map(label).join(', ')}</DataListItem>
        <DataListItem label={t('pro.record.source')}>
          <SharedValue path={at('sourceOrganisation')} redactions={redactions} value={record.sourceOrganisation}>
            {record.sourceOrganisation?.name}
          </SharedValue>
        </DataListItem>
        <DataListItem label={t('pro.record.date')}>{date}</DataListItem>
        {type.fields.map((f) => (
          <DataListItem key={f.name} label={t(`pro.field.${type.name}.${f.name}` as MessageKey)}>
            <SharedValue path={at(f.name)} redactions={redactions} value={sectionValue(record, f.name)}>
              <FieldValue field={f} value={sectionValue(record, f.name)} />
            </SharedValue>
          </DataListItem>
        ))}
      </DataList>
    </div>
  );
}

/** A shared value as people read it: dates in words, amounts in euros, lists as lists. */
function FieldValue({ field, value }: { field: SectionField; value: unknown }): ReactNode {
  const { t, language, formatDate } = useI18n();
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  if (value === null || value === undefined) return null;
  switch (field.kind) {
    case 'text-list':
      return Array.isArray(value) ? (
        <UnorderedList>
          {value.map((item, index) => (
            <ListItem key={index}>{asText(item)}</ListItem>
          ))}
        </UnorderedList>
      ) : (
        asText(value)
      );
    case 'date':
      return typeof value === 'string' ? formatDate(value) : asText(value);
    case 'euro':
      return typeof value === 'number' ? new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(value) : asText(value);
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : asText(value);
    case 'boolean':
      return value === true ? t('common.yes') : t('common.no');
    case 'text':
      return asText(value);
  }
}
