import { SinapsisError } from '../../../../shared/contract/errors';
import type { TextEncodingName } from '../../../../shared/contract/datasets';

/**
 * The text of a CSV file, whatever spreadsheet wrote it, and never with silent replacement characters:
 * - a byte-order mark decides: UTF-8 (Excel's "CSV UTF-8"), UTF-16 little or big endian (Excel's "Unicode text");
 * - without one, the bytes must be valid UTF-8; if they are not, they are read as Windows-1252 (a superset of
 *   Latin-1, what Excel on Windows writes in Spanish and Portuguese) and the inspection says so, unless that also
 *   fails: Windows-1252 leaves five bytes undefined, and a C1 control character means neither guess is right.
 */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const strict = (label: string) => new TextDecoder(label, { fatal: true });

export function decodeCsvText(bytes: Uint8Array, path: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decodeOrExplain(bytes.subarray(3), 'utf-8', path), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeOrExplain(bytes.subarray(2), 'utf-16le', path), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeOrExplain(bytes.subarray(2), 'utf-16be', path), encoding: 'utf-16be' };
  if (bytes.includes(0)) {
    throw new SinapsisError(
      'csv-binary',
      `"${path}" is not a text file (it holds NUL bytes; UTF-16 text needs its byte-order mark). Choose a CSV or TSV file, or save it as "CSV UTF-8".`,
      { path },
    );
  }
  try {
    return { text: strict('utf-8').decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: the usual other one.
  }
  const undefinedAt = bytes.findIndex((byte) => WINDOWS_1252_UNDEFINED.has(byte));
  if (undefinedAt >= 0) throw unknownEncoding(path, bytes, lineOf(bytes, undefinedAt));
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/**
 * Windows-1252 by its table, not by TextDecoder: Node 20's 'windows-1252' decoder reads 0x80–0x9F as Latin-1's C1
 * controls (so "€" and curly quotes would come out as invisible characters). 0x00–0x7F and 0xA0–0xFF are Latin-1.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const WINDOWS_1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

function lineOf(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function decodeOrExplain(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be', path: string): string {
  try {
    return strict(label).decode(bytes);
  } catch {
    const line =
      new TextDecoder(label)
        .decode(bytes)
        .split('\n')
        .findIndex((l) => l.includes('\ufffd')) + 1;
    throw new SinapsisError(
      'csv-encoding-invalid',
      `"${path}" starts with the byte-order mark of ${label.toUpperCase()}, but line ${line} is not valid ${label.toUpperCase()}. Save the file again from the spreadsheet as "CSV UTF-8".`,
      { path, encoding: label.toUpperCase(), line },
    );
  }
}

function unknownEncoding(path: string, bytes: Uint8Array, line: number): SinapsisError {
  return new SinapsisError(
    'csv-encoding-unknown',
    `"${path}" is neither UTF-8 nor Windows-1252/Latin-1 text (line ${line} holds bytes neither can read). Save it again from the spreadsheet as "CSV UTF-8".`,
    { path, line, bytes: bytes.length },
  );
}
