import { randomFillSync } from 'node:crypto';
import { ulid } from 'ulid';

const pool = Buffer.alloc(4096);
let next = pool.length;

function reserve(size: number): void {
  if (next + size > pool.length) {
    randomFillSync(pool);
    next = 0;
  }
}

/** Cryptographic randomness drawn from a refilled pool: ulid's default asks the OS once per character. */
function pooledRandom(): number {
  reserve(1);
  return pool[next++]! / 256;
}

/** `size` random bytes from the same pool: crypto.randomBytes costs a crypto job a call (1% of the web route's CPU for a token). */
export function pooledBytes(size: number): Buffer {
  reserve(size);
  const bytes = Buffer.from(pool.subarray(next, next + size));
  next += size;
  return bytes;
}

/** A request id: a ULID, so ids sort by the time they were received. */
export function newRequestId(): string {
  return ulid(Date.now(), pooledRandom);
}
