// Callback data carries everything a tap needs (≤ 64 bytes), so any process can handle it.
export const callbackData = {
  consentYes: (code: string) => `consent:yes:${code}`,
  consentNo: 'consent:no',
  unlinkAsk: 'me:unlink',
  unlinkYes: 'me:unlink:yes',
  unlinkNo: 'me:unlink:no',
  docList: (page: number) => `doc:list:${page}`,
  docOpen: (id: number) => `doc:open:${id}`,
  docSection: (id: number, ordinal: number) => `doc:sec:${id}:${ordinal}`,
  docFull: (id: number, ordinal: number) => `doc:full:${id}:${ordinal}`,
  docConfirm: (id: number) => `doc:ok:${id}`,
  quizStart: (setId: number) => `qz:set:${setId}`,
  contestStart: (contestId: number) => `qz:ct:${contestId}`,
  answer: (attemptId: number, position: number, option: number) => `qz:a:${attemptId}:${position}:${option}`,
  toggle: (attemptId: number, position: number, mask: number) => `qz:t:${attemptId}:${position}:${mask}`,
  submit: (attemptId: number, position: number, mask: number) => `qz:s:${attemptId}:${position}:${mask}`,
  nextQuestion: (attemptId: number) => `qz:n:${attemptId}`,
  result: (attemptId: number) => `qz:r:${attemptId}`,
  leaderboard: (contestId: number) => `qz:lb:${contestId}`,
  meetingNew: 'mt:new',
  meetingKind: (kind: string) => `mt:k:${kind}`,
  meetingSend: 'mt:send',
  meetingCancel: 'mt:cancel',
  meetingOpen: (id: number) => `mt:o:${id}`,
  meetingAttend: (id: number) => `mt:y:${id}`,
  meetingExcused: (id: number) => `mt:n:${id}`,
  meetingCheckIn: (id: number) => `mt:c:${id}`,
  meetingAttendance: (id: number) => `mt:att:${id}`,
  meetingMark: (id: number, memberId: number, state: number) => `mt:m:${id}:${memberId}:${state}`,
  meetingMinutes: (id: number) => `mt:min:${id}`,
  meetingRate: (id: number) => `mt:rate:${id}`,
  meetingRateCriteria: (id: number, mask: number) => `mt:rc:${id}:${mask}`,
  meetingRateLevel: (id: number, level: string, mask: number) => `mt:r:${id}:${level}:${mask}`,
  feedback: (meetingId: number, score: number) => `fb:${meetingId}:${score}`,
  meetingDocToggle: (documentId: number) => `mt:d:${documentId}`,
  meetingRecurToggle: 'mt:rec',
};

export const meetingDocTogglePattern = /^mt:d:(\d{1,9})$/;

export const meetingRatePattern = /^mt:rate:(\d{1,9})$/;
export const meetingRateCriteriaPattern = /^mt:rc:(\d{1,9}):(\d{1,3})$/;
export const meetingRateLevelPattern = /^mt:r:(\d{1,9}):(tot|kha|trung_binh|kem):(\d{1,3})$/;
export const feedbackPattern = /^fb:(\d{1,9}):([1-5])$/;

export const meetingKindPattern = /^mt:k:([a-z_]{2,20})$/;
export const meetingOpenPattern = /^mt:o:(\d{1,9})$/;
export const meetingAttendPattern = /^mt:y:(\d{1,9})$/;
export const meetingExcusedPattern = /^mt:n:(\d{1,9})$/;
export const meetingCheckInPattern = /^mt:c:(\d{1,9})$/;
export const meetingAttendancePattern = /^mt:att:(\d{1,9})$/;
export const meetingMarkPattern = /^mt:m:(\d{1,9}):(\d{1,9}):(\d)$/;
export const meetingMinutesPattern = /^mt:min:(\d{1,9})$/;

export const quizStartPattern = /^qz:set:(\d{1,9})$/;
export const contestStartPattern = /^qz:ct:(\d{1,9})$/;
export const answerPattern = /^qz:a:(\d{1,12}):(\d{1,4}):(\d)$/;
// Multi-select: the current selection travels as a bit mask, so no state is kept between taps.
export const togglePattern = /^qz:t:(\d{1,12}):(\d{1,4}):(\d{1,3})$/;
export const submitPattern = /^qz:s:(\d{1,12}):(\d{1,4}):(\d{1,3})$/;
export const nextQuestionPattern = /^qz:n:(\d{1,12})$/;
export const resultPattern = /^qz:r:(\d{1,12})$/;
export const leaderboardPattern = /^qz:lb:(\d{1,9})$/;

export const docListPattern = /^doc:list:(\d{1,4})$/;
export const docOpenPattern = /^doc:open:(\d{1,9})$/;
export const docSectionPattern = /^doc:sec:(\d{1,9}):(\d{1,5})$/;
export const docFullPattern = /^doc:full:(\d{1,9}):(\d{1,5})$/;
export const docConfirmPattern = /^doc:ok:(\d{1,9})$/;

export const consentYesPattern = /^consent:yes:([A-Z2-9]{10})$/;
