// Checking an XLSX (a zip file) before any reader inflates it: a zip bomb of a few hundred
// kilobytes can inflate to gigabytes. yauzl reads the central directory and the local headers;
// the declared sizes are checked first, then every entry is actually inflated with a hard cap,
// so a file that lies about its sizes or hides entries the directory does not list is refused too.
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** The most an XLSX may inflate to, all its parts together. A 5,000-question bank needs ~20 MB. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/** The most parts an XLSX may hold. */
export const MAX_ZIP_ENTRIES = 1000;

export type ZipRefusal = 'bad-xlsx' | 'xlsx-too-large';

const STORED = 0;
const DEFLATED = 8;
/** Bytes a data descriptor may take after an entry's data (with or without its signature, zip64 or not). */
const DESCRIPTOR_GAPS = [0, 12, 16, 20, 24];

class Refused extends Error {
  constructor(readonly refusal: ZipRefusal) {
    super(refusal);
  }
}

/**
 * Null when the zip is safe to inflate: every part is listed, declared and actual sizes agree,
 * and all together stay under MAX_INFLATED_BYTES. Otherwise why not. Holds one chunk of one
 * part at a time, and stops inflating a part one chunk past its declared size.
 */
export async function checkZip(zip: Buffer): Promise<ZipRefusal | null> {
  let zipfile: ZipFile;
  try {
    // Sizes are counted below, where a lie can be told from a broken file.
    zipfile = await yauzl.fromBufferPromise(zip, { lazyEntries: true, validateEntrySizes: false });
  } catch {
    return 'bad-xlsx';
  }
  try {
    if (zipfile.entryCount > MAX_ZIP_ENTRIES) return 'xlsx-too-large';
    // Until the first entry is read, yauzl's cursor is where the central directory starts.
    const directoryStart = Number(zipfile.readEntryCursor);
    const entries = await listed(zipfile);
    checkTiling(entries, directoryStart);
    for (const { entry } of entries) await inflateWithin(await zipfile.openReadStreamPromise(entry), entry.uncompressedSize);
    return null;
  } catch (error) {
    return error instanceof Refused ? error.refusal : 'bad-xlsx';
  } finally {
    zipfile.close();
  }
}

interface Part {
  entry: Entry;
  dataStart: number;
}

/** The directory's entries with where their data starts, refused on declared sizes alone. */
async function listed(zipfile: ZipFile): Promise<Part[]> {
  const parts: Part[] = [];
  let declared = 0;
  for await (const entry of zipfile.eachEntry()) {
    declared += entry.uncompressedSize;
    if (declared > MAX_INFLATED_BYTES) throw new Refused('xlsx-too-large');
    if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) throw new Refused('bad-xlsx');
    if (entry.isEncrypted()) throw new Refused('bad-xlsx');
    const { fileDataStart } = await zipfile.readLocalFileHeaderPromise(entry, { minimal: true });
    parts.push({ entry, dataStart: fileDataStart });
  }
  return parts;
}

/** The parts must tile the file up to the directory: nothing hidden that a streaming reader (exceljs's) would find. */
function checkTiling(parts: Part[], directoryStart: number): void {
  let expected = 0;
  for (const { entry, dataStart } of [...parts].sort((a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader)) {
    const gap = entry.relativeOffsetOfLocalHeader - expected;
    if (expected === 0 ? gap !== 0 : !DESCRIPTOR_GAPS.includes(gap)) throw new Refused('bad-xlsx');
    expected = dataStart + entry.compressedSize;
  }
  if (!DESCRIPTOR_GAPS.includes(directoryStart - expected)) throw new Refused('bad-xlsx');
}

/** Reads a part to its end, stopping as soon as it gives more than it declared. */
async function inflateWithin(part: Readable, declared: number): Promise<void> {
  let inflated = 0;
  try {
    for await (const chunk of part) {
      inflated += (chunk as Buffer).length;
      if (inflated > declared) throw new Refused('xlsx-too-large');
    }
  } catch (error) {
    throw error instanceof Refused ? error : new Refused('bad-xlsx');
  } finally {
    part.destroy();
  }
  if (inflated !== declared) throw new Refused('bad-xlsx');
}
