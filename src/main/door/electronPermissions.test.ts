import { describe, expect, it } from 'vitest';
import { grantsPermission } from './electronPermissions';

describe("the desktop app's permissions", () => {
  it('grants the camera to our own page only, never the microphone or anything else', () => {
    expect(grantsPermission('media', ['video'], true)).toBe(true);
    expect(grantsPermission('media', ['video'], false)).toBe(false);
    expect(grantsPermission('media', ['video', 'audio'], true)).toBe(false);
    expect(grantsPermission('media', ['audio'], true)).toBe(false);
    expect(grantsPermission('media', [], true)).toBe(false);
    expect(grantsPermission('media', undefined, true)).toBe(false);
    for (const other of ['geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      expect(grantsPermission(other, ['video'], true)).toBe(false);
  });
});
