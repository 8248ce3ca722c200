/**
 * The one permission the desktop app grants: the camera (video only, no microphone) for Sinapsis' own page, for
 * Datos' webcam capture. Every other request (notifications, geolocation, the microphone, other pages) is refused.
 * Pure, so that it is tested where no Electron binary exists.
 */
export function grantsPermission(permission: string, mediaTypes: readonly string[] | undefined, ownPage: boolean): boolean {
  return (
    ownPage && permission === 'media' && mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video')
  );
}
