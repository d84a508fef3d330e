export { createGateway, type Gateway, type GatewayOptions } from './gateway.js';
export { loadGatewayConfig, DEMO_CONFIG } from './config.js';
export { ensureRedis } from './redis-autostart.js';
