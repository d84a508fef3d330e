export { Conversations } from './conversations.js';
export { Replies, type ReplyDeps } from './replies.js';
export { RequestStatuses, type CrmStatusUpdate, type RequestStatusesDeps } from './crm-status.js';
export { StatusWords, UnknownStatusError, statusWord, type StatusMeaning } from './statuses.js';
export { acknowledgementTexts, followTexts, trackingLink } from './links.js';
export { addUpdate, type AddedUpdate } from './updates.js';
export {
  renderTracking,
  streetOnly,
  trackingRouter,
  trackingView,
  type TrackingDeps,
  type TrackingStep,
  type TrackingView,
} from './tracking.js';
