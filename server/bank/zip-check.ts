// Checking an XLSX (a zip file) before any reader inflates it: a zip bomb of a few hundred
// kilobytes can inflate to gigabytes. The central directory's declared sizes are checked first,
// then every entry is actually inflated with a hard cap, so a file that lies about its sizes or
// hides entries the directory does not list is refused too.
import { inflateRawSync } from 'node:zlib';

/** The most an XLSX may inflate to, all its parts together. A 5,000-question bank needs ~20 MB. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/** The most parts an XLSX may hold. */
export const MAX_ZIP_ENTRIES = 1000;

export type ZipRefusal = 'bad-xlsx' | 'xlsx-too-large';

interface Entry {
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_RECORD_BYTES = 22;
const ZIP64_MARK = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;

/** Where the end-of-central-directory record starts: the last one, within the comment's reach. */
function findEnd(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - END_RECORD_BYTES - 0xffff);
  for (let i = zip.length - END_RECORD_BYTES; i >= earliest; i--) if (zip.readUInt32LE(i) === END_SIGNATURE) return i;
  return -1;
}

function readDirectory(zip: Buffer): { entries: Entry[]; directoryStart: number } | ZipRefusal {
  const end = findEnd(zip);
  if (end < 0) return 'bad-xlsx';
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryStart = zip.readUInt32LE(end + 16);
  if (count > MAX_ZIP_ENTRIES) return 'xlsx-too-large';
  if (directoryStart === ZIP64_MARK || directoryStart + directorySize > end) return 'bad-xlsx';
  const entries: Entry[] = [];
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) return 'bad-xlsx';
    const entry = {
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
    };
    // Zip64 sizes: no bank needs them, and a bomb would.
    if (entry.size === ZIP64_MARK || entry.compressedSize === ZIP64_MARK) return 'xlsx-too-large';
    if (entry.offset === ZIP64_MARK) return 'bad-xlsx';
    entries.push(entry);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return { entries, directoryStart };
}

/** An entry's compressed bytes, located by its local header. */
function dataOf(zip: Buffer, entry: Entry): { start: number; end: number } | null {
  const at = entry.offset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) return null;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  return end > zip.length ? null : { start, end };
}

/** Bytes a data descriptor may take after an entry's data (with or without its signature). */
const DESCRIPTOR_GAPS = [0, 12, 16];

/**
 * Null when the zip is safe to inflate: every part is listed, declared and actual sizes agree,
 * and all together stay under MAX_INFLATED_BYTES. Otherwise why not. Costs at most that much
 * memory for one part at a time, and the CPU to inflate it.
 */
export function checkZip(zip: Buffer): ZipRefusal | null {
  const directory = readDirectory(zip);
  if (typeof directory === 'string') return directory;
  const { entries, directoryStart } = directory;
  let declared = 0;
  for (const entry of entries) {
    declared += entry.size;
    if (declared > MAX_INFLATED_BYTES) return 'xlsx-too-large';
    if (entry.method !== STORED && entry.method !== DEFLATED) return 'bad-xlsx';
  }
  // The parts must tile the file up to the directory: nothing hidden that a streaming reader would find.
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  let expected = 0;
  for (const entry of byOffset) {
    const data = dataOf(zip, entry);
    if (!data || entry.offset - expected < 0) return 'bad-xlsx';
    const gap = entry.offset - expected;
    if (expected > 0 && !DESCRIPTOR_GAPS.includes(gap)) return 'bad-xlsx';
    if (expected === 0 && gap !== 0) return 'bad-xlsx';
    expected = data.end;
  }
  const tail = directoryStart - expected;
  if (!DESCRIPTOR_GAPS.includes(tail)) return 'bad-xlsx';

  for (const entry of entries) {
    const data = dataOf(zip, entry)!;
    const compressed = zip.subarray(data.start, data.end);
    if (entry.method === STORED) {
      if (compressed.length !== entry.size) return 'bad-xlsx';
      continue;
    }
    let inflated: Buffer;
    try {
      // One byte over the declared size is enough to know it lied.
      inflated = inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.size + 1) });
    } catch (error) {
      return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'xlsx-too-large' : 'bad-xlsx';
    }
    if (inflated.length !== entry.size) return inflated.length > entry.size ? 'xlsx-too-large' : 'bad-xlsx';
  }
  return null;
}
