/**
 * `npm run package`: builds both targets and zips them for the stores:
 *   dist/sourcelight-chrome-<version>.zip   (Chrome Web Store)
 *   dist/sourcelight-firefox-<version>.zip  (addons.mozilla.org)
 * with manifest.json at the zip root and forward-slash entry names.
 *
 * The zip is written here with node:zlib (deflateRaw + crc32), no dependency.
 * Entries are sorted and their times come from SOURCE_DATE_EPOCH when set,
 * so the same build gives byte-identical archives. `--no-build` zips dist/ as
 * it is. If `unzip` is installed, each archive is checked with `unzip -tq`
 * and listed with `unzip -l`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { ensureBuilt, TARGETS } from '../tests/e2e/support/build.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface ZipEntry {
  /** Path inside the archive, forward slashes, no leading slash. */
  name: string;
  data: Buffer;
  mtime: Date;
}

/** MS-DOS date and time (UTC fields, so archives do not depend on the time zone; 2-second resolution, 1980–2107). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** A complete zip archive (no zip64: fine below 4 GiB and 65 535 entries). */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    if (e.name.includes('\\') || e.name.startsWith('/')) throw new Error(`bad zip entry name ${e.name}`);
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data) >>> 0;
    const deflated = deflateRawSync(e.data, { level: 9 });
    const stored = deflated.length >= e.data.length;
    const body = stored ? e.data : deflated;
    const method = stored ? 0 : 8;
    const { time, date } = dosDateTime(e.mtime);
    const flags = 0x0800; // names are UTF-8

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal attributes: 0
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + body.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

/** Every file under `dir`, as zip entries named relative to it, sorted. */
export function entriesOf(dir: string, fixedTime?: Date): ZipEntry[] {
  const out: ZipEntry[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (st.isFile())
        out.push({ name: relative(dir, full).split(sep).join('/'), data: readFileSync(full), mtime: fixedTime ?? st.mtime });
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function unzipAvailable(): boolean {
  return spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;
}

function main(): void {
  const noBuild = process.argv.includes('--no-build');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  if (!noBuild) ensureBuilt({ force: true, log: (l) => console.log(l) });
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const fixedTime = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
  const check = unzipAvailable();

  for (const target of TARGETS) {
    const dir = join(ROOT, 'dist', target);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version?: string };
    if (manifest.version !== pkg.version) {
      throw new Error(`dist/${target}/manifest.json has version ${manifest.version}, package.json ${pkg.version}: rebuild first.`);
    }
    const entries = entriesOf(dir, fixedTime);
    if (!entries.some((e) => e.name === 'manifest.json')) throw new Error(`dist/${target} has no manifest.json at its root.`);
    const file = join(ROOT, 'dist', `sourcelight-${target}-${pkg.version}.zip`);
    const archive = zip(entries);
    writeFileSync(file, archive);
    const raw = entries.reduce((n, e) => n + e.data.length, 0);
    console.log(
      `${relative(ROOT, file)}: ${entries.length} files, ${(raw / 1024).toFixed(1)} KiB → ${(archive.length / 1024).toFixed(1)} KiB`,
    );

    if (check) {
      const test = spawnSync('unzip', ['-tq', file], { encoding: 'utf8' });
      if (test.status !== 0) throw new Error(`unzip -t failed for ${file}:\n${test.stdout}${test.stderr}`);
      const list = spawnSync('unzip', ['-l', file], { encoding: 'utf8' });
      const lines = list.stdout.trimEnd().split('\n');
      console.log(lines.length > 14 ? [...lines.slice(0, 10), '   …', ...lines.slice(-3)].join('\n') : lines.join('\n'));
    }
  }
  if (!check) console.log('(unzip not found: archives were not re-read; install it with apt-get install -y unzip to verify)');
}

main();
