export { destinationPlugins } from './destinations/index.js';
export { createRules, type Decision, type RuleTrace, type Rules } from './rules.js';
export { createRouter, type DeadLetterEntry, type IntakeRouter, type Routed, type RouterDeps } from './router.js';
export type { DeliveredHook } from './delivery.js';
