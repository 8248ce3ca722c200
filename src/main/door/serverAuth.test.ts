import { describe, expect, it } from 'vitest';
import { TEACHER } from '../core/caller';
import { generateToken, isLoopbackAddress, parseCookies, secretsMatch, ServerAuth } from './serverAuth';

const request = (headers: Record<string, string>, remoteAddress = '192.168.1.20') => ({ headers, socket: { remoteAddress } }) as never;
const root = new URL('http://localhost/');

describe('server authentication', () => {
  it('compares secrets exactly, whatever their lengths', () => {
    expect(secretsMatch('secret-token-0123456', 'secret-token-0123456')).toBe(true);
    expect(secretsMatch('secret-token-0123456', 'secret-token-0123457')).toBe(false);
    expect(secretsMatch('secret-token-0123456', 'secret')).toBe(false);
    expect(secretsMatch('secret-token-0123456', '')).toBe(false);
    expect(secretsMatch('secret-token-0123456', null)).toBe(false);
    expect(generateToken()).toMatch(/^[\w-]{32}$/);
  });

  it('reads cookies defensively', () => {
    expect(parseCookies('a=1; b = two ; =x; junk; a=3')).toEqual(
      new Map([
        ['a', '1'],
        ['b', 'two'],
      ]),
    );
    expect(parseCookies(undefined).size).toBe(0);
    expect(parseCookies(Array.from({ length: 500 }, (_, i) => `c${i}=1`).join('; ')).size).toBe(64);
  });

  it('without a token admits only this machine; with one, only its holders (URL, header or signed cookie)', () => {
    const open = new ServerAuth(null, 5170);
    expect(open.authenticate(request({}, '127.0.0.1'), root)).toEqual({ caller: TEACHER, via: 'no-token' });
    expect(open.authenticate(request({}, '::ffff:127.0.0.1'), root)?.via).toBe('no-token');
    expect(open.authenticate(request({}, '192.168.1.20'), root)).toBeNull();

    const token = 'secret-token-0123456';
    const auth = new ServerAuth(token, 5170);
    expect(auth.authenticate(request({}, '127.0.0.1'), root)).toBeNull();
    expect(auth.authenticate(request({}), new URL(`http://localhost/?token=${token}`))).toEqual({ caller: TEACHER, via: 'url-token' });
    expect(auth.authenticate(request({}), new URL('http://localhost/?token=secret-token-0123457'))).toBeNull();
    // A wrong token in the URL is refused even with a valid cookie: nothing is guessed around a bad credential.
    const cookie = auth.sessionCookie(TEACHER).split(';')[0];
    expect(auth.authenticate(request({ cookie }), root)).toEqual({ caller: TEACHER, via: 'cookie' });
    expect(auth.authenticate(request({ cookie }), new URL('http://localhost/?token=wrong'))).toBeNull();
    expect(auth.authenticate(request({ authorization: `token ${token}` }), root)?.via).toBe('header-token');
    // A cookie of another server (another token, or another port's name) is not this server's.
    const foreign = new ServerAuth('another-token-000000', 5170).sessionCookie(TEACHER).split(';')[0];
    expect(auth.authenticate(request({ cookie: foreign }), root)).toBeNull();
    expect(new ServerAuth(token, 5171).authenticate(request({ cookie }), root)).toBeNull();
    // A validly signed payload that is not a caller is refused.
    const student = auth.sessionCookie({ role: 'student', studentId: 'ana' }).split(';')[0];
    expect(auth.authenticate(request({ cookie: student }), root)?.caller).toEqual({ role: 'student', studentId: 'ana' });
    expect(auth.authenticate(request({ cookie: `${auth.cookieName}=${'x'.repeat(600)}` }), root)).toBeNull();
    expect(isLoopbackAddress('127.0.0.5')).toBe(true);
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
    expect(isLoopbackAddress(undefined)).toBe(false);
  });
});
