// How binary request fields (file chunks) travel over the HTTP transport: JSON cannot carry bytes, so they go as base64.
// IPC needs none of this: structured clone carries a Uint8Array as it is.

export const bytesMarker = '$bytes';

export function isEncodedBytes(value: unknown): value is { [bytesMarker]: string } {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[bytesMarker] === 'string' && Object.keys(value).length === 1;
}
