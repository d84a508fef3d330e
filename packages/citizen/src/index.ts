export { Conversations } from './conversations.js';
export { Replies, type ReplyDeps } from './replies.js';
export { RequestStatuses, type CrmStatusUpdate, type RequestStatusesDeps } from './crm-status.js';
export { StatusWords, UnknownStatusError, statusWord, type StatusMeaning } from './statuses.js';
export { acknowledgementTexts, followTexts, trackingLink } from './links.js';
export { addFollowUp, addUpdate, type Added, type AddedUpdate } from './updates.js';
export { followUpKind, statusKeywordOf, type FollowUpKind, type StatusKeyword } from './inquiries.js';
export { RecentReports, type RecentReport } from './recent-reports.js';
export { StatusAnswers, type StatusAnswersDeps } from './status-answers.js';
export { FollowUps } from './follow-ups.js';
export {
  renderTracking,
  streetOnly,
  trackingRouter,
  trackingView,
  type TrackingDeps,
  type TrackingStep,
  type TrackingView,
} from './tracking.js';
