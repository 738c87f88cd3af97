// Hostile XLSX files built in memory for the upload tests and the benchmark: zips whose parts
// inflate far beyond their size on disk, that lie about it, or that hide parts from the directory.
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The raw-deflated bytes. */
  compressed: Buffer;
  /** The size the zip says the part inflates to (a liar says less than the truth). */
  declaredSize: number;
  crc: number;
  /** Left out of the central directory: only a streaming reader would find it. */
  hidden?: boolean;
}

/** A part from real content. */
export function part(name: string, content: string | Buffer): ZipPart {
  const data = typeof content === 'string' ? Buffer.from(content) : content;
  return { name, compressed: deflateRawSync(data), declaredSize: data.length, crc: crc32(data) };
}

/** A part of `megabytes` MB of repeated XML-ish text, deflated a megabyte at a time (never held whole). */
export async function bombPart(name: string, megabytes: number): Promise<ZipPart> {
  const chunk = Buffer.alloc(1024 * 1024, '<row r="1"><c><v>0</v></c></row>');
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { name, compressed: Buffer.concat(out), declaredSize: megabytes * 1024 * 1024, crc };
}

/** The zip file of `parts`, each stored deflated, with a central directory of the parts not hidden. */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let listed = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.compressed.length, 18);
    local.writeUInt32LE(p.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, p.compressed);
    if (!p.hidden) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(p.crc >>> 0, 16);
      central.writeUInt32LE(p.compressed.length, 20);
      central.writeUInt32LE(p.declaredSize, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      centrals.push(central, name);
      listed++;
    }
    offset += 30 + name.length + p.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(listed, 8);
  end.writeUInt16LE(listed, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="题目" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** The parts of a workbook around one sheet, for a bomb to sit among. */
export function workbookParts(): ZipPart[] {
  return [part('[Content_Types].xml', CONTENT_TYPES), part('_rels/.rels', RELS), part('xl/workbook.xml', WORKBOOK), part('xl/_rels/workbook.xml.rels', WORKBOOK_RELS)];
}

/** An XLSX whose sheet declares and inflates to `megabytes` MB: the 1.4 MB upload that inflated to 467 MB. */
export async function zipBombXlsx(megabytes: number): Promise<Buffer> {
  return zip([...workbookParts(), await bombPart('xl/worksheets/sheet1.xml', megabytes)]);
}

/** The same bomb, but its directory says the sheet inflates to a few kilobytes. */
export async function lyingZipBombXlsx(megabytes: number): Promise<Buffer> {
  const bomb = await bombPart('xl/worksheets/sheet1.xml', megabytes);
  return zip([...workbookParts(), { ...bomb, declaredSize: 4096 }]);
}

/** A CSV of `rows` short rows under a header: the 6 MB, million-row file. */
export function millionRowCsv(rows = 1_000_000): Buffer {
  const lines = ['题型,题干,答案'];
  for (let i = 0; i < rows; i++) lines.push(`x,${i % 10},a`);
  return Buffer.from(lines.join('\n'));
}
