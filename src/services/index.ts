import type { Database } from '../db/client';
import { getLinkedMember } from './accounts/get-linked-member';
import { unlinkAccount } from './accounts/unlink-account';
import type { Actor, Clock, ServiceContext } from './context';
import { ServiceError } from './errors';
import { approveSummaryFromDashboard } from './dashboard/approve-summary-from-dashboard';
import { complianceMatrix } from './dashboard/compliance-matrix';
import { createSignInLink } from './dashboard/create-sign-in-link';
import { documentReport } from './dashboard/document-report';
import { documentSummariesForReview } from './dashboard/document-summaries-for-review';
import { endDashboardSession } from './dashboard/end-dashboard-session';
import { getDashboardSession } from './dashboard/get-dashboard-session';
import { listTargetChoices, listTargets } from './dashboard/list-targets';
import { meetingList } from './dashboard/meeting-list';
import { meetingReport } from './dashboard/meeting-report';
import { memberActivity } from './dashboard/member-activity';
import { dashboardOverview } from './dashboard/overview';
import { quizReport } from './dashboard/quiz-report';
import { recordExport } from './dashboard/record-export';
import { redeemSignInLink } from './dashboard/redeem-sign-in-link';
import { removeTarget } from './dashboard/remove-target';
import { scopedLeaderboard } from './dashboard/scoped-leaderboard';
import { scopedQuestionStats } from './dashboard/scoped-question-stats';
import { setTarget } from './dashboard/set-target';
import { targetsReport } from './dashboard/targets-report';
import { unitBreakdown } from './dashboard/unit-breakdown';
import { seedDemoIfEmpty } from './demo/seed-demo';
import { getDocumentDetails, listDocuments } from './documents/document-details';
import { importDocument } from './documents/import-document';
import { listMemberDocuments, listReadableDocuments } from './documents/list-member-documents';
import { confirmStudy, openMemberDocument, readMemberSection } from './documents/read-member-document';
import { searchDocuments } from './documents/search-documents';
import { studyCoverage } from './documents/study-coverage';
import { type Summariser, proposeSummaryWithModel } from './documents/model-summariser';
import { approveSummary, editSummary, listSummaries } from './documents/summaries';
import { acceptInvite } from './invites/accept-invite';
import { checkInvite } from './invites/check-invite';
import { createInvites } from './invites/create-invites';
import { checkIn, markAttendance, meetingRoster } from './meetings/attendance';
import { clearChatPrompt, getChatPrompt, setChatPrompt } from './meetings/chat-prompts';
import { createMeeting } from './meetings/create-meeting';
import { addFeedbackComment, feedbackSummary, rateMeeting, submitFeedback } from './meetings/feedback-and-rating';
import { listUnitMeetings } from './meetings/list-meetings';
import { createMeetingSeries } from './meetings/recurring-meetings';
import { replyToMeeting } from './meetings/reply-to-meeting';
import { type NoticeRenderer, sendMeetingNotice } from './meetings/send-meeting-notice';
import { importMembers } from './members/import-members';
import { assertAttemptOfLink } from './member-links/assert-attempt-of-link';
import { createChatPageLink } from './member-links/create-chat-page-link';
import { createMemberLink } from './member-links/create-member-link';
import { getMemberMeeting } from './member-links/get-member-meeting';
import { listMemberLinks } from './member-links/list-member-links';
import { verifyMemberLink } from './member-links/verify-member-link';
import { answerQuestion } from './quizzes/answer-question';
import { attemptResult, hasPendingPrediction, submitPrediction } from './quizzes/attempt-result';
import { contestLeaderboard, contestWeeklyStats, createContest } from './quizzes/contests';
import { draftQuizFromDocument } from './quizzes/draft-quiz-from-document';
import { importQuestionBank } from './quizzes/import-question-bank';
import { approveQuestions, importQuizSet } from './quizzes/import-quiz-set';
import { listOpenQuizzes } from './quizzes/list-open-quizzes';
import { questionStats, quizResults } from './quizzes/quiz-stats';
import { showQuestion } from './quizzes/show-question';
import { startAttempt } from './quizzes/start-attempt';
import { listMembers } from './members/list-members';
import { eraseMemberData, exportMemberData } from './members/member-data';
import { importUnits } from './units/import-units';
import { assignGuide } from './units/assign-guide';
import { listUnits } from './units/list-units';
import { setAnonymousFeedback } from './units/set-anonymous-feedback';
import { claimUpdate, pruneProcessedUpdates, releaseUpdate } from './updates/claim-update';
import { leaseUpdate } from './updates/lease-update';
import { markUpdatesHandled } from './updates/mark-updates-handled';

type Verb<I, O> = (args: { ctx: ServiceContext; input: I }) => Promise<O>;

/**
 * Binds every service verb to the database and clock, so surfaces call
 * `services.acceptInvite(input, actor)` and never see the database.
 */
export function createServices(deps: { db: Database; clock: Clock; summariser?: Summariser; memberLinkSecret?: string }) {
  const base = { db: deps.db, clock: deps.clock };
  const bind =
    <I, O>(verb: Verb<I, O>) =>
    (input: I, actor: Actor = 'system') =>
      verb({ ctx: { ...base, actor }, input });
  return {
    /** The business clock, for surfaces that must read a time the same way services do. */
    now: () => deps.clock.now(),
    importUnits: bind(importUnits),
    importMembers: bind(importMembers),
    listUnits: bind(listUnits as Verb<void, Awaited<ReturnType<typeof listUnits>>>),
    listMembers: bind(listMembers),
    setAnonymousFeedback: bind(setAnonymousFeedback),
    exportMemberData: bind(exportMemberData),
    eraseMemberData: bind(eraseMemberData),
    assignGuide: bind(assignGuide),
    createInvites: bind(createInvites),
    checkInvite: bind(checkInvite),
    acceptInvite: bind(acceptInvite),
    getLinkedMember: bind(getLinkedMember),
    unlinkAccount: bind(unlinkAccount),
    claimUpdate: bind(claimUpdate),
    leaseUpdate: bind(leaseUpdate),
    markUpdatesHandled: bind(markUpdatesHandled),
    releaseUpdate: bind(releaseUpdate),
    pruneProcessedUpdates: bind(pruneProcessedUpdates),
    seedDemoIfEmpty: bind(seedDemoIfEmpty as Verb<void, boolean>),
    importDocument: bind(importDocument),
    listDocuments: bind(listDocuments as Verb<void, Awaited<ReturnType<typeof listDocuments>>>),
    getDocumentDetails: bind(getDocumentDetails),
    listMemberDocuments: bind(listMemberDocuments),
    listReadableDocuments: bind(listReadableDocuments),
    openMemberDocument: bind(openMemberDocument),
    readMemberSection: bind(readMemberSection),
    confirmStudy: bind(confirmStudy),
    searchDocuments: bind(searchDocuments),
    studyCoverage: bind(studyCoverage),
    listSummaries: bind(listSummaries),
    editSummary: bind(editSummary),
    approveSummary: bind(approveSummary),
    importQuizSet: bind(importQuizSet),
    importQuestionBank: bind(importQuestionBank),
    approveQuestions: bind(approveQuestions),
    draftQuizFromDocument: bind(draftQuizFromDocument),
    listOpenQuizzes: bind(listOpenQuizzes),
    startAttempt: bind(startAttempt),
    showQuestion: bind(showQuestion),
    answerQuestion: bind(answerQuestion),
    attemptResult: bind(attemptResult),
    submitPrediction: bind(submitPrediction),
    hasPendingPrediction: bind(hasPendingPrediction),
    createContest: bind(createContest),
    contestLeaderboard: bind(contestLeaderboard),
    contestWeeklyStats: bind(contestWeeklyStats),
    questionStats: bind(questionStats),
    quizResults: bind(quizResults),
    createMeeting: bind(createMeeting),
    sendMeetingNotice: bind(
      ({ ctx, input }: { ctx: ServiceContext; input: Parameters<typeof sendMeetingNotice>[0]['input'] & { render: NoticeRenderer } }) =>
        sendMeetingNotice({ ctx, input, render: input.render }),
    ),
    replyToMeeting: bind(replyToMeeting),
    checkIn: bind(checkIn),
    markAttendance: bind(markAttendance),
    meetingRoster: bind(meetingRoster),
    listUnitMeetings: bind(listUnitMeetings),
    createMeetingSeries: bind(createMeetingSeries),
    submitFeedback: bind(submitFeedback),
    addFeedbackComment: bind(addFeedbackComment),
    feedbackSummary: bind(feedbackSummary),
    rateMeeting: bind(rateMeeting),
    createSignInLink: bind(createSignInLink),
    redeemSignInLink: bind(redeemSignInLink),
    getDashboardSession: bind(getDashboardSession),
    endDashboardSession: bind(endDashboardSession),
    dashboardOverview: bind(dashboardOverview),
    unitBreakdown: bind(unitBreakdown),
    complianceMatrix: bind(complianceMatrix),
    meetingList: bind(meetingList),
    meetingReport: bind(meetingReport),
    documentReport: bind(documentReport),
    documentSummariesForReview: bind(documentSummariesForReview),
    approveSummaryFromDashboard: bind(approveSummaryFromDashboard),
    quizReport: bind(quizReport),
    scopedQuestionStats: bind(scopedQuestionStats),
    scopedLeaderboard: bind(scopedLeaderboard),
    memberActivity: bind(memberActivity),
    listTargets: bind(listTargets),
    targetsReport: bind(targetsReport),
    listTargetChoices: bind(listTargetChoices),
    setTarget: bind(setTarget),
    removeTarget: bind(removeTarget),
    recordExport: bind(recordExport),
    setChatPrompt: bind(setChatPrompt),
    getChatPrompt: bind(getChatPrompt),
    clearChatPrompt: bind(clearChatPrompt),
    // Member page links: signed with MEMBER_LINK_SECRET, or the database-kept secret when unset.
    createMemberLink: bind(({ ctx, input }: { ctx: ServiceContext; input: Parameters<typeof createMemberLink>[0]['input'] }) =>
      createMemberLink({ ctx, input, secret: deps.memberLinkSecret }),
    ),
    verifyMemberLink: bind(({ ctx, input }: { ctx: ServiceContext; input: Parameters<typeof verifyMemberLink>[0]['input'] }) =>
      verifyMemberLink({ ctx, input, secret: deps.memberLinkSecret }),
    ),
    getMemberMeeting: bind(getMemberMeeting),
    assertAttemptOfLink: bind(assertAttemptOfLink),
    createChatPageLink: bind(({ ctx, input }: { ctx: ServiceContext; input: Parameters<typeof createChatPageLink>[0]['input'] }) =>
      createChatPageLink({ ctx, input, secret: deps.memberLinkSecret }),
    ),
    listMemberLinks: bind(({ ctx, input }: { ctx: ServiceContext; input: { memberId: number } }) => listMemberLinks({ ctx, input, secret: deps.memberLinkSecret })),
    /** Throws summariser_failed when no summariser endpoint is configured. */
    proposeSummaryWithModel: bind(async ({ ctx, input }: { ctx: ServiceContext; input: { documentId: number; scope: string } }) => {
      if (!deps.summariser) throw new ServiceError('summariser_failed', 'SUMMARY_API_URL is not set');
      return proposeSummaryWithModel({ ctx, input, summariser: deps.summariser });
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
