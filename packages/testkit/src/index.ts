// Only re-exports: the helpers live in modules of their own, so they can use each other without an import cycle.
export { startLoopbackServer, type LoopbackServer, type ReceivedRequest, type Reply, type Responder } from './loopback.js';
export { REDIS_URL, deletePrefix, uniquePrefix } from './redis.js';
export { waitFor } from './wait.js';
export { startDovecot, type Dovecot, type StoredMail } from './dovecot.js';
export { startSmtpSink, type SmtpRefusal, type SmtpSink, type SmtpSinkOptions } from './smtp.js';
export {
  SLACK_BOT,
  blockOf,
  postAsSlack,
  slackDirectMessage,
  slackSignature,
  startSlackStandIn,
  type SlackAnswer,
  type SlackArgs,
  type SlackBlock,
  type SlackBody,
  type SlackCall,
  type SlackPost,
  type SlackStandIn,
  type SlackView,
} from './slack.js';
export { startConnectorApp, type ConnectorApp, type ConnectorAppOptions, type Enqueue, type TestRedis } from './connector-app.js';
export { OPEN311_CONFORMANCE, open311Fixture, open311Schema } from './conformance.js';
export { freePort, waitForPort } from './ports.js';
export { startRedisServer, type RedisServer } from './redis-server.js';
export { CHROMIUM_AVAILABLE, CHROMIUM_LAUNCH, CHROMIUM_PATH } from './chromium.js';
export { startRedisCluster, startSentinelSet, type RedisCluster, type SentinelSet } from './redis-ha.js';
