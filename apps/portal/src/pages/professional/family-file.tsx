import { useEffect, useMemo, useState } from 'react';
import { ApiError, graphql } from '../../api/graphql';
import { useSession } from '../../api/session';
import { gql } from '../../api/generated';
import { useApi } from '../../api/use-api';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { Link, useRouter } from '../../router';
import { Heading, Paragraph, SecondaryActionButton } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { AddRecordForm } from './add-record-form';
import { OurStories } from './our-stories';
import { CircleSection, useCircle } from './circle';
import { CaseDirection, Involvements, Members, Records, RedactionSummary, sharedValueCount } from './file-sections';
import { BreakGlassSection } from './break-glass-section';
import { EscalationSection } from './escalation-section';
import { PlanSection } from './plan-section';
import { FamilyThread } from './family-thread';
import { ThreadsSection } from './threads-section';
import { PurposeChooser } from './purpose-chooser';
import { ReferralsSection } from './referrals-section';
import { loadSectionTypes, organisationSections } from './section-catalogue';
import { familyLabel, indexRedactions, memberLabeller } from './shared-value';

const FAMILY = gql(`query FamilyFile($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { ...FamilyFileFields } }`);

/** Errors this page explains in its own words, beyond the general text. */
const EXPLAINED = new Set(['NOT_FOUND', 'UNKNOWN_PURPOSE', 'FORBIDDEN', 'PURPOSE_REQUIRED']);
const PURPOSE_ERRORS = new Set(['UNKNOWN_PURPOSE', 'FORBIDDEN', 'PURPOSE_REQUIRED']);

/**
 * The family file for a declared purpose. Without a purpose in the URL it asks for one
 * first; with `?purpose=CODE` it opens directly. Every opening is logged by the API.
 */
export function FamilyFilePage({ familyId }: { familyId: string }) {
  const { t } = useI18n();
  const { location, navigate } = useRouter();
  usePageTitle(t('pro.file.title'));
  const purpose = location.query.get('purpose') || null;
  // The last purpose declared, so "choose another purpose" starts from it.
  const [lastPurpose, setLastPurpose] = useState<string | null>(purpose);
  const base = `/families/${familyId}`;
  // Opening the file or going back to the purposes replaces the page's content: start
  // keyboard and screen-reader users at its top again, as a new page does.
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [purpose]);

  return (
    <>
      <Heading level={1}>{t('pro.file.title')}</Heading>
      <Paragraph lead>{familyLabel(familyId, t)}</Paragraph>
      <Paragraph>
        <Link to="/families">{t('pro.file.back')}</Link>
      </Paragraph>
      {purpose === null ? (
        <PurposeChooser
          initial={lastPurpose}
          onChoose={(chosen) => {
            setLastPurpose(chosen);
            navigate(`${base}?purpose=${encodeURIComponent(chosen)}`);
          }}
        />
      ) : (
        <FileView key={purpose} familyId={familyId} purpose={purpose} onChangePurpose={() => navigate(base)} />
      )}
    </>
  );
}

function FileView({ familyId, purpose, onChangePurpose }: { familyId: string; purpose: string; onChangePurpose: () => void }) {
  const { t } = useI18n();
  const { viewer } = useSession();
  const threadId = useRouter().location.query.get('thread');
  const ownOrganisationId = viewer?.professional?.organisation.id ?? null;
  // The file and the section catalogue that says how to show it arrive together.
  const file = useApi(
    () =>
      Promise.all([graphql(FAMILY, { id: familyId, purpose }), loadSectionTypes()]).then(([d, sections]) => {
        if (d.family === null) throw new ApiError('NOT_FOUND', 'No family file.');
        return { ...d.family, sections };
      }),
    `${familyId}|${purpose}`,
  );
  const circle = useCircle(familyId);
  const data = file.data;
  const redactions = useMemo(() => indexRedactions(data?.redactions ?? []), [data]);
  const label = useMemo(() => memberLabeller(data?.members ?? [], t), [data, t]);

  const changeButton = (
    <SecondaryActionButton type="button" onClick={onChangePurpose}>
      {t('pro.file.changePurpose')}
    </SecondaryActionButton>
  );

  if (file.error !== null && data === null) {
    return (
      <>
        <ErrorAlert error={file.error} />
        {EXPLAINED.has(file.error.code) && <Paragraph>{t(`pro.file.error.${file.error.code}` as MessageKey)}</Paragraph>}
        {PURPOSE_ERRORS.has(file.error.code) && changeButton}
      </>
    );
  }
  if (data === null) return <Paragraph>{t('app.loading')}</Paragraph>;

  // One of the family's conversations in place of the file's sections; the file stays loaded for its names.
  if (threadId !== null) return <FamilyThread key={threadId} threadId={threadId} backTo={`/families/${familyId}?purpose=${encodeURIComponent(purpose)}`} label={label} />;
  const known = t(`purpose.${data.purpose ?? purpose}` as MessageKey);
  return (
    <div className="kring-file">
      <ErrorAlert error={file.error} />
      <div className="kring-card kring-purpose">
        <Paragraph>
          {t('pro.file.openedFor')} <strong data-testid="declared-purpose">{known.startsWith('purpose.') ? purpose : known}</strong>
        </Paragraph>
        <Paragraph>{t('pro.file.logged')}</Paragraph>
        {changeButton}
      </div>
      {/* The family's own words come first (DESIGN.md §9). */}
      <OurStories file={data} redactions={redactions} label={label} />
      <RedactionSummary redactions={data.redactions} shared={sharedValueCount(data, data.sections, redactions, t)} />
      <CaseDirection involvements={data.involvements} ownOrganisationId={ownOrganisationId} />
      <CircleSection familyId={familyId} circle={circle} members={data.members} label={label} onChanged={file.reload} />
      <PlanSection familyId={familyId} purpose={purpose} members={data.members} label={label} caseDirector={circle.data?.caseDirector ?? null} />
      <EscalationSection familyId={familyId} purpose={purpose} members={data.members} label={label} />
      <ThreadsSection familyId={familyId} purpose={purpose} members={data.members} label={label} circle={circle} />
      <ReferralsSection familyId={familyId} members={data.members} label={label} />
      <Members members={data.members} redactions={redactions} label={label} />
      <Involvements involvements={data.involvements} redactions={redactions} ownOrganisationId={ownOrganisationId} />
      <Records file={data} sections={data.sections} redactions={redactions} label={label} />
      <BreakGlassSection familyId={familyId} members={data.members} label={label} circle={circle} />
      <AddRecordForm familyId={familyId} sections={organisationSections(data.sections)} members={data.members} label={label} onAdded={file.reload} />
    </div>
  );
}
