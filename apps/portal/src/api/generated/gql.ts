/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment OrganisationFields on Organisation { id name domain }\n": typeof types.OrganisationFieldsFragmentDoc,
    "\n  fragment FamilyFileFields on FamilyFile {\n    id purpose\n    members { id name birthDate bsn relation holdsAuthorityOver }\n    involvements { id caseDirection startsOn endsOn organisation { ...OrganisationFields } }\n    redactions { path field category reason memberId recordId involvementId }\n    records {\n      id sectionType createdAt supersededAt subjectMemberIds authorMemberId\n      sourceOrganisation { ...OrganisationFields }\n      section {\n        __typename\n        ... on OurStory { text }\n        ... on ContactDetails { address phone email }\n        ... on CareTrajectory { provider startDate endDate goals frequency diagnosis medication }\n        ... on SupportProvision { provision hoursPerWeek decisionDate }\n        ... on DebtSituation { totalDebt creditorCount arrangement monthlyInstalment budgetManagement }\n        ... on IncomeAndWork { benefit reintegrationRoute jobCoach }\n        ... on SafetySignal { signal signalDate reporterRole riskAssessment }\n        ... on FamilyPlan { familyGoals actions whoDoesWhat reviewDate }\n      }\n    }\n  }\n": typeof types.FamilyFileFieldsFragmentDoc,
    "\n  fragment ConsentFields on Consent {\n    id familyId subjectMemberId grantedByMemberId categories purposes\n    recipientOrganisation { ...OrganisationFields } recipientDomain\n    validFrom validUntil revokedAt status awaitingSignatureFrom createdAt\n    signatures { memberId capacity signedAt }\n  }\n": typeof types.ConsentFieldsFragmentDoc,
    "\n  fragment AccessLogEntryFields on AccessLogEntry {\n    id occurredAt traceId activity purpose decision breakGlass familyId subjectMemberIds\n    decisions { targetKind category fields outcome basis basisRefs reason sourceOrganisation { ...OrganisationFields } }\n    actor { kind role professionalId name organisation { ...OrganisationFields } }\n    chainKey sequence\n  }\n": typeof types.AccessLogEntryFieldsFragmentDoc,
    "\n  fragment CircleProfessionalFields on CircleProfessional { id name roles contact organisation { ...OrganisationFields } }\n": typeof types.CircleProfessionalFieldsFragmentDoc,
    "\n  fragment CircleFields on Circle {\n    familyId\n    caseDirector { ...CircleProfessionalFields }\n    handover { handedOverAt note from { ...OrganisationFields } }\n    involvements { id since caseDirection organisation { ...OrganisationFields } contact { ...CircleProfessionalFields } }\n  }\n": typeof types.CircleFieldsFragmentDoc,
    "\n  fragment PlanFields on Plan {\n    familyId version latestVersion agreed\n    items {\n      id kind subjectMemberIds category text status dueOn changedAt shownToFamily agreed caseDirectorAgreed waitingForMemberIds\n      actor { kind memberId name organisation { ...OrganisationFields } }\n      source { ...OrganisationFields }\n    }\n    redactions { itemId kind category reason subjectMemberIds }\n    versions { version at change itemId byMemberId byOrganisation { ...OrganisationFields } }\n    agreements { memberId caseDirectorName agreedAt withdrawnAt }\n  }\n": typeof types.PlanFieldsFragmentDoc,
    "query SectionCatalogue { sectionCatalogue { name input source supersededBy fields { name category kind required unit } } }": typeof types.SectionCatalogueDocument,
    "query Me { me { kind member { id name familyId } professional { id name roles organisation { id name domain } } } }": typeof types.MeDocument,
    "query AdminOrganisations { organisations { ...OrganisationFields oin kvkNumber } }": typeof types.AdminOrganisationsDocument,
    "mutation RegisterOrganisation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id name } }": typeof types.RegisterOrganisationDocument,
    "\n  fragment DirectoryProfessionalFields on DirectoryProfessional {\n    id name roles contact subject registeredAt deactivatedAt organisation { id name }\n  }\n": typeof types.DirectoryProfessionalFieldsFragmentDoc,
    "query DirectoryProfessionals($organisationId: ID) { directoryProfessionals(organisationId: $organisationId) { ...DirectoryProfessionalFields } }": typeof types.DirectoryProfessionalsDocument,
    "mutation RegisterProfessional($input: RegisterProfessionalInput!) { registerProfessional(input: $input) { ...DirectoryProfessionalFields } }": typeof types.RegisterProfessionalDocument,
    "mutation ChangeProfessionalRoles($id: ID!, $roles: [ProfessionalRole!]!) { changeProfessionalRoles(professionalId: $id, roles: $roles) { ...DirectoryProfessionalFields } }": typeof types.ChangeProfessionalRolesDocument,
    "mutation DeactivateProfessional($id: ID!) { deactivateProfessional(professionalId: $id) { ...DirectoryProfessionalFields } }": typeof types.DeactivateProfessionalDocument,
    "\n  fragment EscalationProfessionalFields on EscalationProfessional { id name organisation { ...OrganisationFields } }\n": typeof types.EscalationProfessionalFieldsFragmentDoc,
    "\n  fragment EscalationFields on Escalation {\n    id familyId kind subjectMemberIds category purpose blockingKind blockingOrganisation { ...OrganisationFields } blocks tried\n    closed { category reason }\n    raisedBy { kind memberId professional { ...EscalationProfessionalFields } }\n    raisedAt ageInDays status dueOn overdue\n    takenOnBy { ...EscalationProfessionalFields } takenOnAt\n    decision { decision setAside authority budgetCents decidedAt decidedBy { ...EscalationProfessionalFields } }\n    decisionClosed { category reason }\n  }\n": typeof types.EscalationFieldsFragmentDoc,
    "mutation RaiseEscalation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { id dueOn } }": typeof types.RaiseEscalationDocument,
    "query EscalationOrganisations { organisations { ...OrganisationFields } }": typeof types.EscalationOrganisationsDocument,
    "query EscalationPurposes { purposes { code name domains } }": typeof types.EscalationPurposesDocument,
    "query MyBreakGlassNotices {\n  myBreakGlassNotices { grantId organisation { id name } openedAt expiresAt categories justification verdict reviewedAt memberIds reads }\n}": typeof types.MyBreakGlassNoticesDocument,
    "query BreakGlassNoticeReach { myReach { id name self } }": typeof types.BreakGlassNoticeReachDocument,
    "query ConsentReceipts($consentId: ID!) { consentReceipts(consentId: $consentId) { receiptId event eventTime document } }": typeof types.ConsentReceiptsDocument,
    "mutation GrantConsent($input: GrantConsentInput!) { grantConsent(input: $input) { ...ConsentFields } }": typeof types.GrantConsentDocument,
    "query MessagesReach { myReach { id name birthDate } }": typeof types.MessagesReachDocument,
    "mutation JoinThread($threadId: ID!) { joinThread(threadId: $threadId) { ...ThreadFields } }": typeof types.JoinThreadDocument,
    "query MyCircle { myCircle { ...CircleFields } }": typeof types.MyCircleDocument,
    "mutation RequestOtherCaseDirector($reason: String!) { requestOtherCaseDirector(reason: $reason) { id requestedAt } }": typeof types.RequestOtherCaseDirectorDocument,
    "query MyReach { myReach { id self name birthDate decidesConsents } }": typeof types.MyReachDocument,
    "query Consents($familyId: ID!) { consents(familyId: $familyId) { ...ConsentFields } }": typeof types.ConsentsDocument,
    "query ConsentChoices { organisations { ...OrganisationFields } purposes { code domains maxCategories statutoryFor } }": typeof types.ConsentChoicesDocument,
    "mutation SignConsent($id: ID!) { signConsent(id: $id) { ...ConsentFields } }": typeof types.SignConsentDocument,
    "mutation RevokeConsent($id: ID!) { revokeConsent(id: $id) { ...ConsentFields } }": typeof types.RevokeConsentDocument,
    "query MyLog($first: Int, $after: String, $filter: AccessLogFilter) { accessLog(first: $first, after: $after, filter: $filter) { edges { cursor node { ...AccessLogEntryFields } } pageInfo { hasNextPage endCursor } } }": typeof types.MyLogDocument,
    "query OurThreads { ourThreads { ...ThreadFields } }": typeof types.OurThreadsDocument,
    "query MyFamilyStories { myFamily { ...FamilyFileFields } }": typeof types.MyFamilyStoriesDocument,
    "mutation WriteOurStory($input: WriteOurStoryInput!) { writeOurStory(input: $input) { id createdAt } }": typeof types.WriteOurStoryDocument,
    "\n  query OurStoryReads {\n    accessLog(first: 200, filter: { category: \"OWN_WORDS\", activity: \"READ_FAMILY_FILE\", decision: ALLOWED, byOthers: true }) {\n      edges { node { id traceId occurredAt purpose subjectMemberIds actor { organisation { id name } } decisions { category outcome } } }\n    }\n  }\n": typeof types.OurStoryReadsDocument,
    "query MyFamily { myFamily { ...FamilyFileFields } }": typeof types.MyFamilyDocument,
    "query EscalationReach { myReach { id self name birthDate } }": typeof types.EscalationReachDocument,
    "query OurEscalations { ourEscalations { ...EscalationFields } }": typeof types.OurEscalationsDocument,
    "query OurPlan($version: Int) { ourPlan(version: $version) { ...PlanFields } }": typeof types.OurPlanDocument,
    "query PlanContext { myReach { id self name birthDate decidesConsents } myCircle { caseDirector { id name } } }": typeof types.PlanContextDocument,
    "mutation ShowPlanItemToFamily($itemId: ID!, $shown: Boolean!) { showPlanItemToFamily(itemId: $itemId, shown: $shown) { id shownToFamily } }": typeof types.ShowPlanItemToFamilyDocument,
    "\n  fragment ThreadProfessionalFields on ThreadProfessional { id name organisation { id name } }\n": typeof types.ThreadProfessionalFieldsFragmentDoc,
    "\n  fragment ThreadFields on Thread {\n    id familyId topic subjectMemberIds category purpose startedAt joined unreadCount lastMessageAt\n    startedBy { ...ThreadProfessionalFields }\n    participants { joinedAt memberId professional { ...ThreadProfessionalFields } }\n    closed { category reason }\n  }\n": typeof types.ThreadFieldsFragmentDoc,
    "\n  fragment MessageFields on Message {\n    id threadId sequence sentAt body withdrawnAt\n    author { kind memberId professional { ...ThreadProfessionalFields } }\n  }\n": typeof types.MessageFieldsFragmentDoc,
    "query Thread($id: ID!) { thread(id: $id) { ...ThreadFields } }": typeof types.ThreadDocument,
    "\n  query ThreadMessages($threadId: ID!, $last: Int, $before: String) {\n    threadMessages(threadId: $threadId, last: $last, before: $before) {\n      unreadCount\n      edges { node { ...MessageFields } }\n      pageInfo { hasPreviousPage startCursor }\n    }\n  }\n": typeof types.ThreadMessagesDocument,
    "mutation PostMessage($input: PostMessageInput!) { postMessage(input: $input) { ...MessageFields } }": typeof types.PostMessageDocument,
    "mutation WithdrawMessage($id: ID!) { withdrawMessage(id: $id) { ...MessageFields } }": typeof types.WithdrawMessageDocument,
    "\n  subscription ThreadEvents($threadId: ID!) {\n    threadEvents(threadId: $threadId) {\n      kind threadId unreadCount\n      closed { category reason }\n      message { ...MessageFields }\n    }\n  }\n": typeof types.ThreadEventsDocument,
    "query OurUnreadThreads { ourThreads { id unreadCount } }": typeof types.OurUnreadThreadsDocument,
    "query Log($filter: AccessLogFilter, $after: String) {\n  accessLog(filter: $filter, first: 50, after: $after) { edges { cursor node { ...AccessLogEntryFields } } pageInfo { hasNextPage endCursor } }\n}": typeof types.LogDocument,
    "query Days($filter: AccessLogFilter) { accessLogDays(filter: $filter) { day allowed denied breakGlass integrityAlarms } }": typeof types.DaysDocument,
    "query LogChoices { organisations { ...OrganisationFields } purposes { code } }": typeof types.LogChoicesDocument,
    "query BreakGlassQueue {\n  breakGlassGrants {\n    id familyId organisation { ...OrganisationFields } professionalId professionalName justification purpose categories openedAt expiresAt status overdue\n    review { verdict reviewedAt }\n    consultedColleague { id name organisation { ...OrganisationFields } }\n    concernedMemberIds\n    notice { state deferredUntil deferralReason }\n    uses { entryId occurredAt activity subjectMemberIds categories fields }\n  }\n}": typeof types.BreakGlassQueueDocument,
    "mutation ReviewBreakGlass($id: ID!, $verdict: BreakGlassVerdict!, $note: String!) { reviewBreakGlass(id: $id, verdict: $verdict, note: $note) { id status } }": typeof types.ReviewBreakGlassDocument,
    "mutation DeferBreakGlassNotice($id: ID!, $until: DateTime!, $reason: String!) { deferBreakGlassNotice(id: $id, until: $until, reason: $reason) { id notice { state deferredUntil } } }": typeof types.DeferBreakGlassNoticeDocument,
    "mutation Erase($id: ID!, $reason: String!) {\n  eraseFamily(id: $id, reason: $reason) { familyId erasedAt organisation { name } members records consents breakGlassGrants }\n}": typeof types.EraseDocument,
    "query Erasures { familyErasures(first: 50) { edges { node { familyId erasedAt organisation { name } members records reason } } pageInfo { hasNextPage } } }": typeof types.ErasuresDocument,
    "query EscalationFigures($from: String!, $to: String!) {\n  escalationFigures(from: $from, to: $to) {\n    organisation { ...OrganisationFields }\n    raised open takenOn decided takenOnByThisOrganisation overdue decidedLate medianDaysToDecision p90DaysToDecision\n  }\n}": typeof types.EscalationFiguresDocument,
    "query LookUpMemberByBsn($bsn: String!) { lookUpMemberByBsn(bsn: $bsn) { members { id familyId name } more } }": typeof types.LookUpMemberByBsnDocument,
    "query LookUpMembersByName($name: String!) { lookUpMembersByName(name: $name) { members { id familyId name } more } }": typeof types.LookUpMembersByNameDocument,
    "query LookUpProfessionals($name: String!) { lookUpProfessionals(name: $name) { professionals { id name organisation { id name } } more } }": typeof types.LookUpProfessionalsDocument,
    "query InvolvementShieldings {\n  involvementShieldings {\n    id familyId involvementId memberId organisation { ...OrganisationFields } reason shieldedAt shieldedByProfessionalId\n    liftedAt liftedByProfessionalId liftReason\n  }\n}": typeof types.InvolvementShieldingsDocument,
    "query Verify($familyId: ID) {\n  verifyAccessLog(familyId: $familyId) { intact chainsChecked entriesChecked checkpointsVerified keyId verifiedAt firstBroken { chainKey sequence problem entryId } }\n}": typeof types.VerifyDocument,
    "mutation Checkpoint { checkpointAccessLog { signed signedAt } }": typeof types.CheckpointDocument,
    "mutation WritePlanItem($input: WritePlanItemInput!) { writePlanItem(input: $input) { id shownToFamily } }": typeof types.WritePlanItemDocument,
    "mutation AgreeToPlan($familyId: ID) { agreeToPlan(familyId: $familyId) { agreedAt } }": typeof types.AgreeToPlanDocument,
    "mutation WithdrawPlanAgreement($familyId: ID) { withdrawPlanAgreement(familyId: $familyId) { withdrawnAt } }": typeof types.WithdrawPlanAgreementDocument,
    "mutation AddRecord($input: AddRecordInput!) { addRecord(input: $input) { id } }": typeof types.AddRecordDocument,
    "mutation OpenBreakGlass($input: BreakGlassInput!) { breakGlass(input: $input) { id expiresAt } }": typeof types.OpenBreakGlassDocument,
    "query ConsultableColleagues { consultableColleagues { id name organisation { ...OrganisationFields } } }": typeof types.ConsultableColleaguesDocument,
    "query Circle($familyId: ID!) { circle(familyId: $familyId) { ...CircleFields involvements { id shieldings { id memberId shieldedAt } } } }": typeof types.CircleDocument,
    "mutation TransferCaseDirection($input: TransferCaseDirectionInput!) { transferCaseDirection(input: $input) { id to { id name } } }": typeof types.TransferCaseDirectionDocument,
    "query EscalationQueue { escalationQueue { ...EscalationFields } }": typeof types.EscalationQueueDocument,
    "mutation TakeOnEscalation($id: ID!) { takeOnEscalation(id: $id) { id status } }": typeof types.TakeOnEscalationDocument,
    "mutation DecideEscalation($input: DecideEscalationInput!) { decideEscalation(input: $input) { id status } }": typeof types.DecideEscalationDocument,
    "query FamilyEscalations($familyId: ID!) { familyEscalations(familyId: $familyId) { ...EscalationFields } }": typeof types.FamilyEscalationsDocument,
    "query Families($first: Int, $after: String) {\n  families(first: $first, after: $after) {\n    edges { cursor node { id involvementId caseDirection startsOn endsOn } }\n    pageInfo { hasNextPage endCursor }\n  }\n}": typeof types.FamiliesDocument,
    "query FamilyFile($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { ...FamilyFileFields } }": typeof types.FamilyFileDocument,
    "query FamilyPlan($familyId: ID!, $purpose: String!) { familyPlan(familyId: $familyId, purpose: $purpose) { ...PlanFields } }": typeof types.FamilyPlanDocument,
    "query Purposes { purposes { code name description domains statutoryFor maxCategories } }": typeof types.PurposesDocument,
    "mutation ShieldInvolvement($input: ShieldInvolvementInput!) { shieldInvolvement(input: $input) { id memberId } }": typeof types.ShieldInvolvementDocument,
    "mutation LiftShielding($input: LiftShieldingInput!) { liftShielding(input: $input) { id memberId } }": typeof types.LiftShieldingDocument,
    "mutation StartThread($input: StartThreadInput!) { startThread(input: $input) { id } }": typeof types.StartThreadDocument,
    "query ThreadPurposes { purposes { code name domains } }": typeof types.ThreadPurposesDocument,
    "query FamilyThreads($familyId: ID!) { familyThreads(familyId: $familyId) { ...ThreadFields } }": typeof types.FamilyThreadsDocument,
    "\n  fragment ReferralFields on Referral {\n    id familyId subjectMemberId status referredAt answeredAt purpose consentId consentStatus awaitingSignatureFrom\n    waitingWeeks waitingTimeStatedOn note declineReason\n    service { id name }\n    referringOrganisation { ...OrganisationFields }\n    receivingOrganisation { ...OrganisationFields }\n  }\n": typeof types.ReferralFieldsFragmentDoc,
    "\n  fragment IncomingReferralFields on IncomingReferral {\n    id status referredAt answeredAt purpose categories consentActive waitingWeeks waitingTimeStatedOn note declineReason familyId\n    service { id name }\n    referringOrganisation { ...OrganisationFields }\n    member { id name }\n  }\n": typeof types.IncomingReferralFieldsFragmentDoc,
    "query FamilyReferrals($familyId: ID!) { referrals(familyId: $familyId) { ...ReferralFields } }": typeof types.FamilyReferralsDocument,
    "query OurReferrals { ourReferrals { ...ReferralFields } }": typeof types.OurReferralsDocument,
    "query IncomingReferrals { incomingReferrals { ...IncomingReferralFields } }": typeof types.IncomingReferralsDocument,
    "mutation ReferToService($input: ReferToServiceInput!) { referToService(input: $input) { ...ReferralFields } }": typeof types.ReferToServiceDocument,
    "mutation WithdrawReferral($id: ID!) { withdrawReferral(id: $id) { ...ReferralFields } }": typeof types.WithdrawReferralDocument,
    "mutation AcceptReferral($id: ID!) { acceptReferral(id: $id) { ...IncomingReferralFields } }": typeof types.AcceptReferralDocument,
    "mutation DeclineReferral($id: ID!, $reason: String!) { declineReferral(id: $id, reason: $reason) { ...IncomingReferralFields } }": typeof types.DeclineReferralDocument,
    "query ReferralPurposes { purposes { code name domains maxCategories } }": typeof types.ReferralPurposesDocument,
    "query SignInOptions { signInOptions { method issuer clientId scope } }": typeof types.SignInOptionsDocument,
    "\n  fragment ServiceSummaryFields on Service {\n    id name description domain accessRoute ageFrom ageTo problems\n    municipalities { code name }\n    organisation { ...OrganisationFields }\n    waitingWeeks waitingTimeStatedOn waitingTimeStale\n  }\n": typeof types.ServiceSummaryFieldsFragmentDoc,
    "query Services($search: ServiceSearch, $first: Int!, $after: String) {\n  services(search: $search, first: $first, after: $after) { edges { cursor node { ...ServiceSummaryFields } } pageInfo { hasNextPage endCursor } }\n}": typeof types.ServicesDocument,
    "query Service($id: ID!) {\n  service(id: $id) { ...ServiceSummaryFields contact { phone email website address } updatedAt }\n}": typeof types.ServiceDocument,
};
const documents: Documents = {
    "\n  fragment OrganisationFields on Organisation { id name domain }\n": types.OrganisationFieldsFragmentDoc,
    "\n  fragment FamilyFileFields on FamilyFile {\n    id purpose\n    members { id name birthDate bsn relation holdsAuthorityOver }\n    involvements { id caseDirection startsOn endsOn organisation { ...OrganisationFields } }\n    redactions { path field category reason memberId recordId involvementId }\n    records {\n      id sectionType createdAt supersededAt subjectMemberIds authorMemberId\n      sourceOrganisation { ...OrganisationFields }\n      section {\n        __typename\n        ... on OurStory { text }\n        ... on ContactDetails { address phone email }\n        ... on CareTrajectory { provider startDate endDate goals frequency diagnosis medication }\n        ... on SupportProvision { provision hoursPerWeek decisionDate }\n        ... on DebtSituation { totalDebt creditorCount arrangement monthlyInstalment budgetManagement }\n        ... on IncomeAndWork { benefit reintegrationRoute jobCoach }\n        ... on SafetySignal { signal signalDate reporterRole riskAssessment }\n        ... on FamilyPlan { familyGoals actions whoDoesWhat reviewDate }\n      }\n    }\n  }\n": types.FamilyFileFieldsFragmentDoc,
    "\n  fragment ConsentFields on Consent {\n    id familyId subjectMemberId grantedByMemberId categories purposes\n    recipientOrganisation { ...OrganisationFields } recipientDomain\n    validFrom validUntil revokedAt status awaitingSignatureFrom createdAt\n    signatures { memberId capacity signedAt }\n  }\n": types.ConsentFieldsFragmentDoc,
    "\n  fragment AccessLogEntryFields on AccessLogEntry {\n    id occurredAt traceId activity purpose decision breakGlass familyId subjectMemberIds\n    decisions { targetKind category fields outcome basis basisRefs reason sourceOrganisation { ...OrganisationFields } }\n    actor { kind role professionalId name organisation { ...OrganisationFields } }\n    chainKey sequence\n  }\n": types.AccessLogEntryFieldsFragmentDoc,
    "\n  fragment CircleProfessionalFields on CircleProfessional { id name roles contact organisation { ...OrganisationFields } }\n": types.CircleProfessionalFieldsFragmentDoc,
    "\n  fragment CircleFields on Circle {\n    familyId\n    caseDirector { ...CircleProfessionalFields }\n    handover { handedOverAt note from { ...OrganisationFields } }\n    involvements { id since caseDirection organisation { ...OrganisationFields } contact { ...CircleProfessionalFields } }\n  }\n": types.CircleFieldsFragmentDoc,
    "\n  fragment PlanFields on Plan {\n    familyId version latestVersion agreed\n    items {\n      id kind subjectMemberIds category text status dueOn changedAt shownToFamily agreed caseDirectorAgreed waitingForMemberIds\n      actor { kind memberId name organisation { ...OrganisationFields } }\n      source { ...OrganisationFields }\n    }\n    redactions { itemId kind category reason subjectMemberIds }\n    versions { version at change itemId byMemberId byOrganisation { ...OrganisationFields } }\n    agreements { memberId caseDirectorName agreedAt withdrawnAt }\n  }\n": types.PlanFieldsFragmentDoc,
    "query SectionCatalogue { sectionCatalogue { name input source supersededBy fields { name category kind required unit } } }": types.SectionCatalogueDocument,
    "query Me { me { kind member { id name familyId } professional { id name roles organisation { id name domain } } } }": types.MeDocument,
    "query AdminOrganisations { organisations { ...OrganisationFields oin kvkNumber } }": types.AdminOrganisationsDocument,
    "mutation RegisterOrganisation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id name } }": types.RegisterOrganisationDocument,
    "\n  fragment DirectoryProfessionalFields on DirectoryProfessional {\n    id name roles contact subject registeredAt deactivatedAt organisation { id name }\n  }\n": types.DirectoryProfessionalFieldsFragmentDoc,
    "query DirectoryProfessionals($organisationId: ID) { directoryProfessionals(organisationId: $organisationId) { ...DirectoryProfessionalFields } }": types.DirectoryProfessionalsDocument,
    "mutation RegisterProfessional($input: RegisterProfessionalInput!) { registerProfessional(input: $input) { ...DirectoryProfessionalFields } }": types.RegisterProfessionalDocument,
    "mutation ChangeProfessionalRoles($id: ID!, $roles: [ProfessionalRole!]!) { changeProfessionalRoles(professionalId: $id, roles: $roles) { ...DirectoryProfessionalFields } }": types.ChangeProfessionalRolesDocument,
    "mutation DeactivateProfessional($id: ID!) { deactivateProfessional(professionalId: $id) { ...DirectoryProfessionalFields } }": types.DeactivateProfessionalDocument,
    "\n  fragment EscalationProfessionalFields on EscalationProfessional { id name organisation { ...OrganisationFields } }\n": types.EscalationProfessionalFieldsFragmentDoc,
    "\n  fragment EscalationFields on Escalation {\n    id familyId kind subjectMemberIds category purpose blockingKind blockingOrganisation { ...OrganisationFields } blocks tried\n    closed { category reason }\n    raisedBy { kind memberId professional { ...EscalationProfessionalFields } }\n    raisedAt ageInDays status dueOn overdue\n    takenOnBy { ...EscalationProfessionalFields } takenOnAt\n    decision { decision setAside authority budgetCents decidedAt decidedBy { ...EscalationProfessionalFields } }\n    decisionClosed { category reason }\n  }\n": types.EscalationFieldsFragmentDoc,
    "mutation RaiseEscalation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { id dueOn } }": types.RaiseEscalationDocument,
    "query EscalationOrganisations { organisations { ...OrganisationFields } }": types.EscalationOrganisationsDocument,
    "query EscalationPurposes { purposes { code name domains } }": types.EscalationPurposesDocument,
    "query MyBreakGlassNotices {\n  myBreakGlassNotices { grantId organisation { id name } openedAt expiresAt categories justification verdict reviewedAt memberIds reads }\n}": types.MyBreakGlassNoticesDocument,
    "query BreakGlassNoticeReach { myReach { id name self } }": types.BreakGlassNoticeReachDocument,
    "query ConsentReceipts($consentId: ID!) { consentReceipts(consentId: $consentId) { receiptId event eventTime document } }": types.ConsentReceiptsDocument,
    "mutation GrantConsent($input: GrantConsentInput!) { grantConsent(input: $input) { ...ConsentFields } }": types.GrantConsentDocument,
    "query MessagesReach { myReach { id name birthDate } }": types.MessagesReachDocument,
    "mutation JoinThread($threadId: ID!) { joinThread(threadId: $threadId) { ...ThreadFields } }": types.JoinThreadDocument,
    "query MyCircle { myCircle { ...CircleFields } }": types.MyCircleDocument,
    "mutation RequestOtherCaseDirector($reason: String!) { requestOtherCaseDirector(reason: $reason) { id requestedAt } }": types.RequestOtherCaseDirectorDocument,
    "query MyReach { myReach { id self name birthDate decidesConsents } }": types.MyReachDocument,
    "query Consents($familyId: ID!) { consents(familyId: $familyId) { ...ConsentFields } }": types.ConsentsDocument,
    "query ConsentChoices { organisations { ...OrganisationFields } purposes { code domains maxCategories statutoryFor } }": types.ConsentChoicesDocument,
    "mutation SignConsent($id: ID!) { signConsent(id: $id) { ...ConsentFields } }": types.SignConsentDocument,
    "mutation RevokeConsent($id: ID!) { revokeConsent(id: $id) { ...ConsentFields } }": types.RevokeConsentDocument,
    "query MyLog($first: Int, $after: String, $filter: AccessLogFilter) { accessLog(first: $first, after: $after, filter: $filter) { edges { cursor node { ...AccessLogEntryFields } } pageInfo { hasNextPage endCursor } } }": types.MyLogDocument,
    "query OurThreads { ourThreads { ...ThreadFields } }": types.OurThreadsDocument,
    "query MyFamilyStories { myFamily { ...FamilyFileFields } }": types.MyFamilyStoriesDocument,
    "mutation WriteOurStory($input: WriteOurStoryInput!) { writeOurStory(input: $input) { id createdAt } }": types.WriteOurStoryDocument,
    "\n  query OurStoryReads {\n    accessLog(first: 200, filter: { category: \"OWN_WORDS\", activity: \"READ_FAMILY_FILE\", decision: ALLOWED, byOthers: true }) {\n      edges { node { id traceId occurredAt purpose subjectMemberIds actor { organisation { id name } } decisions { category outcome } } }\n    }\n  }\n": types.OurStoryReadsDocument,
    "query MyFamily { myFamily { ...FamilyFileFields } }": types.MyFamilyDocument,
    "query EscalationReach { myReach { id self name birthDate } }": types.EscalationReachDocument,
    "query OurEscalations { ourEscalations { ...EscalationFields } }": types.OurEscalationsDocument,
    "query OurPlan($version: Int) { ourPlan(version: $version) { ...PlanFields } }": types.OurPlanDocument,
    "query PlanContext { myReach { id self name birthDate decidesConsents } myCircle { caseDirector { id name } } }": types.PlanContextDocument,
    "mutation ShowPlanItemToFamily($itemId: ID!, $shown: Boolean!) { showPlanItemToFamily(itemId: $itemId, shown: $shown) { id shownToFamily } }": types.ShowPlanItemToFamilyDocument,
    "\n  fragment ThreadProfessionalFields on ThreadProfessional { id name organisation { id name } }\n": types.ThreadProfessionalFieldsFragmentDoc,
    "\n  fragment ThreadFields on Thread {\n    id familyId topic subjectMemberIds category purpose startedAt joined unreadCount lastMessageAt\n    startedBy { ...ThreadProfessionalFields }\n    participants { joinedAt memberId professional { ...ThreadProfessionalFields } }\n    closed { category reason }\n  }\n": types.ThreadFieldsFragmentDoc,
    "\n  fragment MessageFields on Message {\n    id threadId sequence sentAt body withdrawnAt\n    author { kind memberId professional { ...ThreadProfessionalFields } }\n  }\n": types.MessageFieldsFragmentDoc,
    "query Thread($id: ID!) { thread(id: $id) { ...ThreadFields } }": types.ThreadDocument,
    "\n  query ThreadMessages($threadId: ID!, $last: Int, $before: String) {\n    threadMessages(threadId: $threadId, last: $last, before: $before) {\n      unreadCount\n      edges { node { ...MessageFields } }\n      pageInfo { hasPreviousPage startCursor }\n    }\n  }\n": types.ThreadMessagesDocument,
    "mutation PostMessage($input: PostMessageInput!) { postMessage(input: $input) { ...MessageFields } }": types.PostMessageDocument,
    "mutation WithdrawMessage($id: ID!) { withdrawMessage(id: $id) { ...MessageFields } }": types.WithdrawMessageDocument,
    "\n  subscription ThreadEvents($threadId: ID!) {\n    threadEvents(threadId: $threadId) {\n      kind threadId unreadCount\n      closed { category reason }\n      message { ...MessageFields }\n    }\n  }\n": types.ThreadEventsDocument,
    "query OurUnreadThreads { ourThreads { id unreadCount } }": types.OurUnreadThreadsDocument,
    "query Log($filter: AccessLogFilter, $after: String) {\n  accessLog(filter: $filter, first: 50, after: $after) { edges { cursor node { ...AccessLogEntryFields } } pageInfo { hasNextPage endCursor } }\n}": types.LogDocument,
    "query Days($filter: AccessLogFilter) { accessLogDays(filter: $filter) { day allowed denied breakGlass integrityAlarms } }": types.DaysDocument,
    "query LogChoices { organisations { ...OrganisationFields } purposes { code } }": types.LogChoicesDocument,
    "query BreakGlassQueue {\n  breakGlassGrants {\n    id familyId organisation { ...OrganisationFields } professionalId professionalName justification purpose categories openedAt expiresAt status overdue\n    review { verdict reviewedAt }\n    consultedColleague { id name organisation { ...OrganisationFields } }\n    concernedMemberIds\n    notice { state deferredUntil deferralReason }\n    uses { entryId occurredAt activity subjectMemberIds categories fields }\n  }\n}": types.BreakGlassQueueDocument,
    "mutation ReviewBreakGlass($id: ID!, $verdict: BreakGlassVerdict!, $note: String!) { reviewBreakGlass(id: $id, verdict: $verdict, note: $note) { id status } }": types.ReviewBreakGlassDocument,
    "mutation DeferBreakGlassNotice($id: ID!, $until: DateTime!, $reason: String!) { deferBreakGlassNotice(id: $id, until: $until, reason: $reason) { id notice { state deferredUntil } } }": types.DeferBreakGlassNoticeDocument,
    "mutation Erase($id: ID!, $reason: String!) {\n  eraseFamily(id: $id, reason: $reason) { familyId erasedAt organisation { name } members records consents breakGlassGrants }\n}": types.EraseDocument,
    "query Erasures { familyErasures(first: 50) { edges { node { familyId erasedAt organisation { name } members records reason } } pageInfo { hasNextPage } } }": types.ErasuresDocument,
    "query EscalationFigures($from: String!, $to: String!) {\n  escalationFigures(from: $from, to: $to) {\n    organisation { ...OrganisationFields }\n    raised open takenOn decided takenOnByThisOrganisation overdue decidedLate medianDaysToDecision p90DaysToDecision\n  }\n}": types.EscalationFiguresDocument,
    "query LookUpMemberByBsn($bsn: String!) { lookUpMemberByBsn(bsn: $bsn) { members { id familyId name } more } }": types.LookUpMemberByBsnDocument,
    "query LookUpMembersByName($name: String!) { lookUpMembersByName(name: $name) { members { id familyId name } more } }": types.LookUpMembersByNameDocument,
    "query LookUpProfessionals($name: String!) { lookUpProfessionals(name: $name) { professionals { id name organisation { id name } } more } }": types.LookUpProfessionalsDocument,
    "query InvolvementShieldings {\n  involvementShieldings {\n    id familyId involvementId memberId organisation { ...OrganisationFields } reason shieldedAt shieldedByProfessionalId\n    liftedAt liftedByProfessionalId liftReason\n  }\n}": types.InvolvementShieldingsDocument,
    "query Verify($familyId: ID) {\n  verifyAccessLog(familyId: $familyId) { intact chainsChecked entriesChecked checkpointsVerified keyId verifiedAt firstBroken { chainKey sequence problem entryId } }\n}": types.VerifyDocument,
    "mutation Checkpoint { checkpointAccessLog { signed signedAt } }": types.CheckpointDocument,
    "mutation WritePlanItem($input: WritePlanItemInput!) { writePlanItem(input: $input) { id shownToFamily } }": types.WritePlanItemDocument,
    "mutation AgreeToPlan($familyId: ID) { agreeToPlan(familyId: $familyId) { agreedAt } }": types.AgreeToPlanDocument,
    "mutation WithdrawPlanAgreement($familyId: ID) { withdrawPlanAgreement(familyId: $familyId) { withdrawnAt } }": types.WithdrawPlanAgreementDocument,
    "mutation AddRecord($input: AddRecordInput!) { addRecord(input: $input) { id } }": types.AddRecordDocument,
    "mutation OpenBreakGlass($input: BreakGlassInput!) { breakGlass(input: $input) { id expiresAt } }": types.OpenBreakGlassDocument,
    "query ConsultableColleagues { consultableColleagues { id name organisation { ...OrganisationFields } } }": types.ConsultableColleaguesDocument,
    "query Circle($familyId: ID!) { circle(familyId: $familyId) { ...CircleFields involvements { id shieldings { id memberId shieldedAt } } } }": types.CircleDocument,
    "mutation TransferCaseDirection($input: TransferCaseDirectionInput!) { transferCaseDirection(input: $input) { id to { id name } } }": types.TransferCaseDirectionDocument,
    "query EscalationQueue { escalationQueue { ...EscalationFields } }": types.EscalationQueueDocument,
    "mutation TakeOnEscalation($id: ID!) { takeOnEscalation(id: $id) { id status } }": types.TakeOnEscalationDocument,
    "mutation DecideEscalation($input: DecideEscalationInput!) { decideEscalation(input: $input) { id status } }": types.DecideEscalationDocument,
    "query FamilyEscalations($familyId: ID!) { familyEscalations(familyId: $familyId) { ...EscalationFields } }": types.FamilyEscalationsDocument,
    "query Families($first: Int, $after: String) {\n  families(first: $first, after: $after) {\n    edges { cursor node { id involvementId caseDirection startsOn endsOn } }\n    pageInfo { hasNextPage endCursor }\n  }\n}": types.FamiliesDocument,
    "query FamilyFile($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { ...FamilyFileFields } }": types.FamilyFileDocument,
    "query FamilyPlan($familyId: ID!, $purpose: String!) { familyPlan(familyId: $familyId, purpose: $purpose) { ...PlanFields } }": types.FamilyPlanDocument,
    "query Purposes { purposes { code name description domains statutoryFor maxCategories } }": types.PurposesDocument,
    "mutation ShieldInvolvement($input: ShieldInvolvementInput!) { shieldInvolvement(input: $input) { id memberId } }": types.ShieldInvolvementDocument,
    "mutation LiftShielding($input: LiftShieldingInput!) { liftShielding(input: $input) { id memberId } }": types.LiftShieldingDocument,
    "mutation StartThread($input: StartThreadInput!) { startThread(input: $input) { id } }": types.StartThreadDocument,
    "query ThreadPurposes { purposes { code name domains } }": types.ThreadPurposesDocument,
    "query FamilyThreads($familyId: ID!) { familyThreads(familyId: $familyId) { ...ThreadFields } }": types.FamilyThreadsDocument,
    "\n  fragment ReferralFields on Referral {\n    id familyId subjectMemberId status referredAt answeredAt purpose consentId consentStatus awaitingSignatureFrom\n    waitingWeeks waitingTimeStatedOn note declineReason\n    service { id name }\n    referringOrganisation { ...OrganisationFields }\n    receivingOrganisation { ...OrganisationFields }\n  }\n": types.ReferralFieldsFragmentDoc,
    "\n  fragment IncomingReferralFields on IncomingReferral {\n    id status referredAt answeredAt purpose categories consentActive waitingWeeks waitingTimeStatedOn note declineReason familyId\n    service { id name }\n    referringOrganisation { ...OrganisationFields }\n    member { id name }\n  }\n": types.IncomingReferralFieldsFragmentDoc,
    "query FamilyReferrals($familyId: ID!) { referrals(familyId: $familyId) { ...ReferralFields } }": types.FamilyReferralsDocument,
    "query OurReferrals { ourReferrals { ...ReferralFields } }": types.OurReferralsDocument,
    "query IncomingReferrals { incomingReferrals { ...IncomingReferralFields } }": types.IncomingReferralsDocument,
    "mutation ReferToService($input: ReferToServiceInput!) { referToService(input: $input) { ...ReferralFields } }": types.ReferToServiceDocument,
    "mutation WithdrawReferral($id: ID!) { withdrawReferral(id: $id) { ...ReferralFields } }": types.WithdrawReferralDocument,
    "mutation AcceptReferral($id: ID!) { acceptReferral(id: $id) { ...IncomingReferralFields } }": types.AcceptReferralDocument,
    "mutation DeclineReferral($id: ID!, $reason: String!) { declineReferral(id: $id, reason: $reason) { ...IncomingReferralFields } }": types.DeclineReferralDocument,
    "query ReferralPurposes { purposes { code name domains maxCategories } }": types.ReferralPurposesDocument,
    "query SignInOptions { signInOptions { method issuer clientId scope } }": types.SignInOptionsDocument,
    "\n  fragment ServiceSummaryFields on Service {\n    id name description domain accessRoute ageFrom ageTo problems\n    municipalities { code name }\n    organisation { ...OrganisationFields }\n    waitingWeeks waitingTimeStatedOn waitingTimeStale\n  }\n": types.ServiceSummaryFieldsFragmentDoc,
    "query Services($search: ServiceSearch, $first: Int!, $after: String) {\n  services(search: $search, first: $first, after: $after) { edges { cursor node { ...ServiceSummaryFields } } pageInfo { hasNextPage endCursor } }\n}": types.ServicesDocument,
    "query Service($id: ID!) {\n  service(id: $id) { ...ServiceSummaryFields contact { phone email website address } updatedAt }\n}": types.ServiceDocument,
};

/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  fragment OrganisationFields on Organisation { id name domain }\n"): typeof import('./graphql').OrganisationFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  fragment FamilyFileFields on FamilyFile {\n    id purpose\n    members { id name birthDate bsn relation holdsAuthorityOver }\n    involvements { id caseDirection startsOn endsOn organisation { ...OrganisationFields } }\n    redactions { path field category reason memberId recordId involvementId }\n    records {\n      id sectionType createdAt supersededAt subjectMemberIds authorMemberId\n      sourceOrganisation { ...OrganisationFields }\n      section {\n        __typename\n        ... on OurStory { text }\n        ... on ContactDetails { address phone email }\n        ... on CareTrajectory { provider startDate endDate goals frequency diagnosis medication }\n        ... on SupportProvision { provision hoursPerWeek decisionDate }\n        ... on DebtSituation { totalDebt creditorCount arrangement monthlyInstalment budgetManagement }\n        ... on IncomeAndWork { benefit reintegrationRoute jobCoach }\n        ... on SafetySignal { signal signalDate reporterRole riskAssessment }\n        ... on FamilyPlan { familyGoals actions whoDoesWhat reviewDate }\n      }\n    }\n  }\n"): typeof import('./graphql').FamilyFileFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  fragment ConsentFields on Consent {\n    id familyId subjectMemberId grantedByMemberId categories purposes\n    recipientOrganisation { ...OrganisationFields } recipientDomain\n    validFrom validUntil revokedAt status awaitingSignatureFrom createdAt\n    signatures { memberId capacity signedAt }\n  }\n"): typeof import('./graphql').ConsentFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  fragment AccessLogEntryFields on AccessLogEntry {\n    id occurredAt traceId activity purpose decision breakGlass familyId subjectMemberIds\n    decisions { targetKind category fields outcome basis basisRefs reason sourceOrganisation { ...OrganisationFields } }\n    actor { kind role professionalId name organisation { ...OrganisationFields } }\n    chainKey sequence\n  }\n"): typeof import('./graphql').AccessLogEntryFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  fragment CircleProfessionalFields on CircleProfessional { id name roles contact organisation { ...OrganisationFields } }\n"): typeof import('./graphql').CircleProfessionalFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  fragment CircleFields on Circle {\n    familyId\n    caseDirector { ...CircleProfessionalFields }\n    handover { handedOverAt note from { ...OrganisationFields } }\n    involvements { id since caseDirection organisation { ...OrganisationFields } contact { ...CircleProfessionalFields } }\n  }\n"): typeof import('./graphql').CircleFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  fragment PlanFields on Plan {\n    familyId version latestVersion agreed\n    items {\n      id kind subjectMemberIds category text status dueOn changedAt shownToFamily agreed caseDirectorAgreed waitingForMemberIds\n      actor { kind memberId name organisation { ...OrganisationFields } }\n      source { ...OrganisationFields }\n    }\n    redactions { itemId kind category reason subjectMemberIds }\n    versions { version at change itemId byMemberId byOrganisation { ...OrganisationFields } }\n    agreements { memberId caseDirectorName agreedAt withdrawnAt }\n  }\n"): typeof import('./graphql').PlanFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query SectionCatalogue { sectionCatalogue { name input source supersededBy fields { name category kind required unit } } }"): typeof import('./graphql').SectionCatalogueDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Me { me { kind member { id name familyId } professional { id name roles organisation { id name domain } } } }"): typeof import('./graphql').MeDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query AdminOrganisations { organisations { ...OrganisationFields oin kvkNumber } }"): typeof import('./graphql').AdminOrganisationsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation RegisterOrganisation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id name } }"): typeof import('./graphql').RegisterOrganisationDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  fragment DirectoryProfessionalFields on DirectoryProfessional {\n    id name roles contact subject registeredAt deactivatedAt organisation { id name }\n  }\n"): typeof import('./graphql').DirectoryProfessionalFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query DirectoryProfessionals($organisationId: ID) { directoryProfessionals(organisationId: $organisationId) { ...DirectoryProfessionalFields } }"): typeof import('./graphql').DirectoryProfessionalsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation RegisterProfessional($input: RegisterProfessionalInput!) { registerProfessional(input: $input) { ...DirectoryProfessionalFields } }"): typeof import('./graphql').RegisterProfessionalDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation ChangeProfessionalRoles($id: ID!, $roles: [ProfessionalRole!]!) { changeProfessionalRoles(professionalId: $id, roles: $roles) { ...DirectoryProfessionalFields } }"): typeof import('./graphql').ChangeProfessionalRolesDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation DeactivateProfessional($id: ID!) { deactivateProfessional(professionalId: $id) { ...DirectoryProfessionalFields } }"): typeof import('./graphql').DeactivateProfessionalDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  fragment EscalationProfessionalFields on EscalationProfessional { id name organisation { ...OrganisationFields } }\n"): typeof import('./graphql').EscalationProfessionalFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  fragment EscalationFields on Escalation {\n    id familyId kind subjectMemberIds category purpose blockingKind blockingOrganisation { ...OrganisationFields } blocks tried\n    closed { category reason }\n    raisedBy { kind memberId professional { ...EscalationProfessionalFields } }\n    raisedAt ageInDays status dueOn overdue\n    takenOnBy { ...EscalationProfessionalFields } takenOnAt\n    decision { decision setAside authority budgetCents decidedAt decidedBy { ...EscalationProfessionalFields } }\n    decisionClosed { category reason }\n  }\n"): typeof import('./graphql').EscalationFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation RaiseEscalation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { id dueOn } }"): typeof import('./graphql').RaiseEscalationDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query EscalationOrganisations { organisations { ...OrganisationFields } }"): typeof import('./graphql').EscalationOrganisationsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query EscalationPurposes { purposes { code name domains } }"): typeof import('./graphql').EscalationPurposesDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query MyBreakGlassNotices {\n  myBreakGlassNotices { grantId organisation { id name } openedAt expiresAt categories justification verdict reviewedAt memberIds reads }\n}"): typeof import('./graphql').MyBreakGlassNoticesDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query BreakGlassNoticeReach { myReach { id name self } }"): typeof import('./graphql').BreakGlassNoticeReachDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query ConsentReceipts($consentId: ID!) { consentReceipts(consentId: $consentId) { receiptId event eventTime document } }"): typeof import('./graphql').ConsentReceiptsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation GrantConsent($input: GrantConsentInput!) { grantConsent(input: $input) { ...ConsentFields } }"): typeof import('./graphql').GrantConsentDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query MessagesReach { myReach { id name birthDate } }"): typeof import('./graphql').MessagesReachDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation JoinThread($threadId: ID!) { joinThread(threadId: $threadId) { ...ThreadFields } }"): typeof import('./graphql').JoinThreadDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query MyCircle { myCircle { ...CircleFields } }"): typeof import('./graphql').MyCircleDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation RequestOtherCaseDirector($reason: String!) { requestOtherCaseDirector(reason: $reason) { id requestedAt } }"): typeof import('./graphql').RequestOtherCaseDirectorDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query MyReach { myReach { id self name birthDate decidesConsents } }"): typeof import('./graphql').MyReachDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Consents($familyId: ID!) { consents(familyId: $familyId) { ...ConsentFields } }"): typeof import('./graphql').ConsentsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query ConsentChoices { organisations { ...OrganisationFields } purposes { code domains maxCategories statutoryFor } }"): typeof import('./graphql').ConsentChoicesDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation SignConsent($id: ID!) { signConsent(id: $id) { ...ConsentFields } }"): typeof import('./graphql').SignConsentDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation RevokeConsent($id: ID!) { revokeConsent(id: $id) { ...ConsentFields } }"): typeof import('./graphql').RevokeConsentDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query MyLog($first: Int, $after: String, $filter: AccessLogFilter) { accessLog(first: $first, after: $after, filter: $filter) { edges { cursor node { ...AccessLogEntryFields } } pageInfo { hasNextPage endCursor } } }"): typeof import('./graphql').MyLogDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query OurThreads { ourThreads { ...ThreadFields } }"): typeof import('./graphql').OurThreadsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query MyFamilyStories { myFamily { ...FamilyFileFields } }"): typeof import('./graphql').MyFamilyStoriesDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation WriteOurStory($input: WriteOurStoryInput!) { writeOurStory(input: $input) { id createdAt } }"): typeof import('./graphql').WriteOurStoryDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  query OurStoryReads {\n    accessLog(first: 200, filter: { category: \"OWN_WORDS\", activity: \"READ_FAMILY_FILE\", decision: ALLOWED, byOthers: true }) {\n      edges { node { id traceId occurredAt purpose subjectMemberIds actor { organisation { id name } } decisions { category outcome } } }\n    }\n  }\n"): typeof import('./graphql').OurStoryReadsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query MyFamily { myFamily { ...FamilyFileFields } }"): typeof import('./graphql').MyFamilyDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query EscalationReach { myReach { id self name birthDate } }"): typeof import('./graphql').EscalationReachDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query OurEscalations { ourEscalations { ...EscalationFields } }"): typeof import('./graphql').OurEscalationsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query OurPlan($version: Int) { ourPlan(version: $version) { ...PlanFields } }"): typeof import('./graphql').OurPlanDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query PlanContext { myReach { id self name birthDate decidesConsents } myCircle { caseDirector { id name } } }"): typeof import('./graphql').PlanContextDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation ShowPlanItemToFamily($itemId: ID!, $shown: Boolean!) { showPlanItemToFamily(itemId: $itemId, shown: $shown) { id shownToFamily } }"): typeof import('./graphql').ShowPlanItemToFamilyDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  fragment ThreadProfessionalFields on ThreadProfessional { id name organisation { id name } }\n"): typeof import('./graphql').ThreadProfessionalFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  fragment ThreadFields on Thread {\n    id familyId topic subjectMemberIds category purpose startedAt joined unreadCount lastMessageAt\n    startedBy { ...ThreadProfessionalFields }\n    participants { joinedAt memberId professional { ...ThreadProfessionalFields } }\n    closed { category reason }\n  }\n"): typeof import('./graphql').ThreadFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  fragment MessageFields on Message {\n    id threadId sequence sentAt body withdrawnAt\n    author { kind memberId professional { ...ThreadProfessionalFields } }\n  }\n"): typeof import('./graphql').MessageFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Thread($id: ID!) { thread(id: $id) { ...ThreadFields } }"): typeof import('./graphql').ThreadDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  query ThreadMessages($threadId: ID!, $last: Int, $before: String) {\n    threadMessages(threadId: $threadId, last: $last, before: $before) {\n      unreadCount\n      edges { node { ...MessageFields } }\n      pageInfo { hasPreviousPage startCursor }\n    }\n  }\n"): typeof import('./graphql').ThreadMessagesDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation PostMessage($input: PostMessageInput!) { postMessage(input: $input) { ...MessageFields } }"): typeof import('./graphql').PostMessageDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation WithdrawMessage($id: ID!) { withdrawMessage(id: $id) { ...MessageFields } }"): typeof import('./graphql').WithdrawMessageDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  subscription ThreadEvents($threadId: ID!) {\n    threadEvents(threadId: $threadId) {\n      kind threadId unreadCount\n      closed { category reason }\n      message { ...MessageFields }\n    }\n  }\n"): typeof import('./graphql').ThreadEventsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query OurUnreadThreads { ourThreads { id unreadCount } }"): typeof import('./graphql').OurUnreadThreadsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Log($filter: AccessLogFilter, $after: String) {\n  accessLog(filter: $filter, first: 50, after: $after) { edges { cursor node { ...AccessLogEntryFields } } pageInfo { hasNextPage endCursor } }\n}"): typeof import('./graphql').LogDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Days($filter: AccessLogFilter) { accessLogDays(filter: $filter) { day allowed denied breakGlass integrityAlarms } }"): typeof import('./graphql').DaysDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query LogChoices { organisations { ...OrganisationFields } purposes { code } }"): typeof import('./graphql').LogChoicesDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query BreakGlassQueue {\n  breakGlassGrants {\n    id familyId organisation { ...OrganisationFields } professionalId professionalName justification purpose categories openedAt expiresAt status overdue\n    review { verdict reviewedAt }\n    consultedColleague { id name organisation { ...OrganisationFields } }\n    concernedMemberIds\n    notice { state deferredUntil deferralReason }\n    uses { entryId occurredAt activity subjectMemberIds categories fields }\n  }\n}"): typeof import('./graphql').BreakGlassQueueDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation ReviewBreakGlass($id: ID!, $verdict: BreakGlassVerdict!, $note: String!) { reviewBreakGlass(id: $id, verdict: $verdict, note: $note) { id status } }"): typeof import('./graphql').ReviewBreakGlassDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation DeferBreakGlassNotice($id: ID!, $until: DateTime!, $reason: String!) { deferBreakGlassNotice(id: $id, until: $until, reason: $reason) { id notice { state deferredUntil } } }"): typeof import('./graphql').DeferBreakGlassNoticeDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation Erase($id: ID!, $reason: String!) {\n  eraseFamily(id: $id, reason: $reason) { familyId erasedAt organisation { name } members records consents breakGlassGrants }\n}"): typeof import('./graphql').EraseDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Erasures { familyErasures(first: 50) { edges { node { familyId erasedAt organisation { name } members records reason } } pageInfo { hasNextPage } } }"): typeof import('./graphql').ErasuresDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query EscalationFigures($from: String!, $to: String!) {\n  escalationFigures(from: $from, to: $to) {\n    organisation { ...OrganisationFields }\n    raised open takenOn decided takenOnByThisOrganisation overdue decidedLate medianDaysToDecision p90DaysToDecision\n  }\n}"): typeof import('./graphql').EscalationFiguresDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query LookUpMemberByBsn($bsn: String!) { lookUpMemberByBsn(bsn: $bsn) { members { id familyId name } more } }"): typeof import('./graphql').LookUpMemberByBsnDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query LookUpMembersByName($name: String!) { lookUpMembersByName(name: $name) { members { id familyId name } more } }"): typeof import('./graphql').LookUpMembersByNameDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query LookUpProfessionals($name: String!) { lookUpProfessionals(name: $name) { professionals { id name organisation { id name } } more } }"): typeof import('./graphql').LookUpProfessionalsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query InvolvementShieldings {\n  involvementShieldings {\n    id familyId involvementId memberId organisation { ...OrganisationFields } reason shieldedAt shieldedByProfessionalId\n    liftedAt liftedByProfessionalId liftReason\n  }\n}"): typeof import('./graphql').InvolvementShieldingsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Verify($familyId: ID) {\n  verifyAccessLog(familyId: $familyId) { intact chainsChecked entriesChecked checkpointsVerified keyId verifiedAt firstBroken { chainKey sequence problem entryId } }\n}"): typeof import('./graphql').VerifyDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation Checkpoint { checkpointAccessLog { signed signedAt } }"): typeof import('./graphql').CheckpointDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation WritePlanItem($input: WritePlanItemInput!) { writePlanItem(input: $input) { id shownToFamily } }"): typeof import('./graphql').WritePlanItemDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation AgreeToPlan($familyId: ID) { agreeToPlan(familyId: $familyId) { agreedAt } }"): typeof import('./graphql').AgreeToPlanDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation WithdrawPlanAgreement($familyId: ID) { withdrawPlanAgreement(familyId: $familyId) { withdrawnAt } }"): typeof import('./graphql').WithdrawPlanAgreementDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation AddRecord($input: AddRecordInput!) { addRecord(input: $input) { id } }"): typeof import('./graphql').AddRecordDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation OpenBreakGlass($input: BreakGlassInput!) { breakGlass(input: $input) { id expiresAt } }"): typeof import('./graphql').OpenBreakGlassDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query ConsultableColleagues { consultableColleagues { id name organisation { ...OrganisationFields } } }"): typeof import('./graphql').ConsultableColleaguesDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Circle($familyId: ID!) { circle(familyId: $familyId) { ...CircleFields involvements { id shieldings { id memberId shieldedAt } } } }"): typeof import('./graphql').CircleDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation TransferCaseDirection($input: TransferCaseDirectionInput!) { transferCaseDirection(input: $input) { id to { id name } } }"): typeof import('./graphql').TransferCaseDirectionDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query EscalationQueue { escalationQueue { ...EscalationFields } }"): typeof import('./graphql').EscalationQueueDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation TakeOnEscalation($id: ID!) { takeOnEscalation(id: $id) { id status } }"): typeof import('./graphql').TakeOnEscalationDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation DecideEscalation($input: DecideEscalationInput!) { decideEscalation(input: $input) { id status } }"): typeof import('./graphql').DecideEscalationDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query FamilyEscalations($familyId: ID!) { familyEscalations(familyId: $familyId) { ...EscalationFields } }"): typeof import('./graphql').FamilyEscalationsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Families($first: Int, $after: String) {\n  families(first: $first, after: $after) {\n    edges { cursor node { id involvementId caseDirection startsOn endsOn } }\n    pageInfo { hasNextPage endCursor }\n  }\n}"): typeof import('./graphql').FamiliesDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query FamilyFile($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { ...FamilyFileFields } }"): typeof import('./graphql').FamilyFileDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query FamilyPlan($familyId: ID!, $purpose: String!) { familyPlan(familyId: $familyId, purpose: $purpose) { ...PlanFields } }"): typeof import('./graphql').FamilyPlanDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Purposes { purposes { code name description domains statutoryFor maxCategories } }"): typeof import('./graphql').PurposesDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation ShieldInvolvement($input: ShieldInvolvementInput!) { shieldInvolvement(input: $input) { id memberId } }"): typeof import('./graphql').ShieldInvolvementDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation LiftShielding($input: LiftShieldingInput!) { liftShielding(input: $input) { id memberId } }"): typeof import('./graphql').LiftShieldingDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation StartThread($input: StartThreadInput!) { startThread(input: $input) { id } }"): typeof import('./graphql').StartThreadDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query ThreadPurposes { purposes { code name domains } }"): typeof import('./graphql').ThreadPurposesDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query FamilyThreads($familyId: ID!) { familyThreads(familyId: $familyId) { ...ThreadFields } }"): typeof import('./graphql').FamilyThreadsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  fragment ReferralFields on Referral {\n    id familyId subjectMemberId status referredAt answeredAt purpose consentId consentStatus awaitingSignatureFrom\n    waitingWeeks waitingTimeStatedOn note declineReason\n    service { id name }\n    referringOrganisation { ...OrganisationFields }\n    receivingOrganisation { ...OrganisationFields }\n  }\n"): typeof import('./graphql').ReferralFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  fragment IncomingReferralFields on IncomingReferral {\n    id status referredAt answeredAt purpose categories consentActive waitingWeeks waitingTimeStatedOn note declineReason familyId\n    service { id name }\n    referringOrganisation { ...OrganisationFields }\n    member { id name }\n  }\n"): typeof import('./graphql').IncomingReferralFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query FamilyReferrals($familyId: ID!) { referrals(familyId: $familyId) { ...ReferralFields } }"): typeof import('./graphql').FamilyReferralsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query OurReferrals { ourReferrals { ...ReferralFields } }"): typeof import('./graphql').OurReferralsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query IncomingReferrals { incomingReferrals { ...IncomingReferralFields } }"): typeof import('./graphql').IncomingReferralsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation ReferToService($input: ReferToServiceInput!) { referToService(input: $input) { ...ReferralFields } }"): typeof import('./graphql').ReferToServiceDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation WithdrawReferral($id: ID!) { withdrawReferral(id: $id) { ...ReferralFields } }"): typeof import('./graphql').WithdrawReferralDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation AcceptReferral($id: ID!) { acceptReferral(id: $id) { ...IncomingReferralFields } }"): typeof import('./graphql').AcceptReferralDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation DeclineReferral($id: ID!, $reason: String!) { declineReferral(id: $id, reason: $reason) { ...IncomingReferralFields } }"): typeof import('./graphql').DeclineReferralDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query ReferralPurposes { purposes { code name domains maxCategories } }"): typeof import('./graphql').ReferralPurposesDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query SignInOptions { signInOptions { method issuer clientId scope } }"): typeof import('./graphql').SignInOptionsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  fragment ServiceSummaryFields on Service {\n    id name description domain accessRoute ageFrom ageTo problems\n    municipalities { code name }\n    organisation { ...OrganisationFields }\n    waitingWeeks waitingTimeStatedOn waitingTimeStale\n  }\n"): typeof import('./graphql').ServiceSummaryFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Services($search: ServiceSearch, $first: Int!, $after: String) {\n  services(search: $search, first: $first, after: $after) { edges { cursor node { ...ServiceSummaryFields } } pageInfo { hasNextPage endCursor } }\n}"): typeof import('./graphql').ServicesDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Service($id: ID!) {\n  service(id: $id) { ...ServiceSummaryFields contact { phone email website address } updatedAt }\n}"): typeof import('./graphql').ServiceDocument;


export function gql(source: string) {
  return (documents as any)[source] ?? {};
}
