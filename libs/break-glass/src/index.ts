export { BREAK_GLASS_CATEGORIES, BREAK_GLASS_PURPOSE, JUSTIFICATION_LENGTH, MAX_DURATION_MINUTES, openBreakGlass } from './open-break-glass';
export type { BreakGlassOpener, OpenBreakGlassDecision, OpenBreakGlassRefusal, OpenBreakGlassRequest, OpenedBreakGlass } from './open-break-glass';
export { breakGlassState, isReviewOverdue, overdueIfOpenedBy, REVIEW_DUE_AFTER_MS, REVIEW_NOTE_LENGTH, reviewBreakGlass } from './review-break-glass';
export type { BreakGlassGrantFacts, BreakGlassReview, BreakGlassReviewer, BreakGlassState, ReviewStanding, BreakGlassVerdictCode, ReviewBreakGlassDecision, ReviewBreakGlassRefusal } from './review-break-glass';
export { judgeConsultedColleague } from './consulted-colleague';
export type { ConsultedColleagueRefusal, ConsultedProfessional } from './consulted-colleague';
export { DEFERRAL_REASON_LENGTH, deferNotice, MAX_DEFERRAL_DAYS, noticeState } from './notice';
export type { DeferNoticeDecision, DeferNoticeRefusal, NoticeFacts, NoticeState } from './notice';
