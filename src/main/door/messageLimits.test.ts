import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds, RateLimiter } from './messageLimits';

describe('message limits', () => {
  it('measures JSON nesting without parsing, ignoring brackets inside strings', () => {
    expect(jsonDepthExceeds('[[1]]', 2)).toBe(false);
    expect(jsonDepthExceeds('[[[1]]]', 2)).toBe(true);
    expect(jsonDepthExceeds('{"a":{"b":[]}}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":{"b":[{}]}}', 3)).toBe(true);
    expect(jsonDepthExceeds('["[[[[[[", "\\"[[[[[["]', 1)).toBe(false);
    expect(jsonDepthExceeds('[]'.repeat(1000), 1)).toBe(false);
    // The bytes as received give the same answers, also around multi-byte characters.
    expect(jsonDepthExceeds(Buffer.from('["ñ[[", {"é": ["💥"]}]'), 3)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from('["ñ[[", {"é": [["💥"]]}]'), 3)).toBe(true);
    // Depth agrees with what JSON.parse builds, for random documents.
    for (let depth = 0; depth < 20; depth++) {
      const text = '{"x":['.repeat(depth) + '"]}"' + ']}'.repeat(depth);
      expect(JSON.parse(text)).toBeDefined();
      expect(jsonDepthExceeds(text, depth * 2)).toBe(false);
      if (depth > 0) expect(jsonDepthExceeds(text, depth * 2 - 1)).toBe(true);
    }
  });

  it('lets a burst through, refuses what follows, and refills with time', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 3, perSecond: 2 }, () => now);
    expect([limiter.take(), limiter.take(), limiter.take(), limiter.take()]).toEqual([true, true, true, false]);
    now = 499;
    expect(limiter.take()).toBe(false);
    now = 500;
    expect(limiter.take()).toBe(true);
    now = 100_000;
    expect([limiter.take(), limiter.take(), limiter.take(), limiter.take()]).toEqual([true, true, true, false]);
  });
});
