export * from './audit-log';
export * from './channel-accounts';
export * from './invites';
export * from './members';
export * from './processed-updates';
export * from './units';
export * from './documents';
export * from './quizzes';
