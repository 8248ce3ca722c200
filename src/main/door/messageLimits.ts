import { SinapsisError } from '../../shared/contract/errors';
import { MAX_MESSAGE_DEPTH } from '../../shared/contract/wire';

/**
 * Checks the nesting of a JSON text without parsing it: `JSON.parse` of a deeply nested document costs time
 * and memory far beyond its size (and can overflow the stack), so depth is bounded before anything is built.
 * Brackets inside strings (and escaped quotes) do not count. Linear, no allocation. It reads the message's bytes
 * as received, before any decoding: the characters that matter are ASCII, and no byte of a multi-byte UTF-8
 * character is below 0x80, so the bytes give the same answer as the text.
 */
export function jsonDepthExceeds(text: string | Uint8Array, maxDepth: number = MAX_MESSAGE_DEPTH): boolean {
  const at: (i: number) => number = typeof text === 'string' ? (i) => text.charCodeAt(i) : (i) => text[i];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = at(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export interface RateLimit {
  /** Calls a connection may make at once after being quiet (the bucket's size). */
  burst: number;
  /** Calls per second it may keep up. */
  perSecond: number;
}

/**
 * Per connection: a page opening a gallery sends a few dozen calls at once, a training UI a few per second;
 * a script flooding the server sends thousands. The bucket lets the first through and refuses the rest.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 200, perSecond: 50 };

/** A token bucket: `take()` spends one call, refilled at `perSecond` up to `burst`. */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = limit.burst;
    this.last = now();
  }

  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export function rateLimitedError(limit: RateLimit): SinapsisError {
  return new SinapsisError(
    'rate-limited',
    `Too many requests from this page at once (more than ${limit.perSecond} per second); this one was refused. Wait a moment and try again.`,
    { perSecond: limit.perSecond },
  );
}

export function tooDeepError(): SinapsisError {
  return new SinapsisError(
    'message-too-deep',
    `The message nests arrays or objects more than ${MAX_MESSAGE_DEPTH} levels deep; it was refused unread.`,
    { depth: MAX_MESSAGE_DEPTH },
  );
}
