import { describe, expect, it } from 'vitest';
import { userPath } from './userPath';

describe('userPath', () => {
  it('trims spaces and quotes, expands ~ to the home folder', () => {
    expect(userPath('  /datos/fotos \n', '/home/ana')).toBe('/datos/fotos');
    expect(userPath('"/datos/mis fotos"', '/home/ana')).toBe('/datos/mis fotos');
    expect(userPath("'~/digitos'", '/home/ana')).toBe('/home/ana/digitos');
    expect(userPath('~', '/home/ana')).toBe('/home/ana');
    expect(userPath(' ~/a/b ', '/home/ana')).toBe('/home/ana/a/b');
  });

  it('leaves other paths alone: ~user and names that only contain a tilde', () => {
    expect(userPath('~otro/x', '/home/ana')).toBe('~otro/x');
    expect(userPath('/tmp/a~b', '/home/ana')).toBe('/tmp/a~b');
    expect(userPath('relativa/carpeta', '/home/ana')).toBe('relativa/carpeta');
  });
});
