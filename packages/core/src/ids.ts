import { randomFillSync } from 'node:crypto';
import { ulid } from 'ulid';

const pool = new Uint8Array(4096);
let next = pool.length;

/** Cryptographic randomness drawn from a refilled pool: ulid's default asks the OS once per character. */
function pooledRandom(): number {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  return pool[next++]! / 256;
}

/** A request id: a ULID, so ids sort by the time they were received. */
export function newRequestId(): string {
  return ulid(Date.now(), pooledRandom);
}
