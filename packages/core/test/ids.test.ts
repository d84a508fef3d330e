import { newRequestId, pooledBytes } from '../src/ids.js';

describe('pooled randomness', () => {
  it('never hands out the same bytes twice, across refills of the pool too', () => {
    const tokens = new Set<string>();
    // 1,000 draws of 12 bytes go through the 4 KiB pool three times, with request ids drawing from it in between
    for (let i = 0; i < 1000; i += 1) {
      const bytes = pooledBytes(12);
      expect(bytes).toHaveLength(12);
      tokens.add(bytes.toString('hex'));
      newRequestId();
    }
    expect(tokens.size).toBe(1000);
  });

  it('gives a draw as large as the pool', () => {
    const whole = pooledBytes(4096);
    expect(whole).toHaveLength(4096);
    // 4096 bytes all zero would mean the pool was handed out unfilled
    expect(whole.some((byte) => byte !== 0)).toBe(true);
  });
});
