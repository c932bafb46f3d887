/**
 * A throwaway self-signed certificate, made in memory for each server start
 * (P-256 key, X.509 v3, DER by hand), so the fixture server can also answer
 * HTTPS. Chromium upgrades HSTS-preloaded news hosts (www.theguardian.com…)
 * from http to https before any request leaves, so the server must speak TLS;
 * the browsers are launched to accept this certificate. No key is ever written
 * to disk or committed.
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

const tlv = (tag: number, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  const n = body.length;
  const len =
    n < 0x80
      ? Buffer.from([n])
      : n < 0x100
        ? Buffer.from([0x81, n])
        : n < 0x10000
          ? Buffer.from([0x82, n >> 8, n & 0xff])
          : Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
};
const seq = (...parts: Buffer[]) => tlv(0x30, ...parts);
const oid = (dotted: string): Buffer => {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * a + b];
  for (const v of rest) {
    const chunk = [v & 0x7f];
    for (let x = v >>> 7; x > 0; x >>>= 7) chunk.unshift((x & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
};
const positiveInt = (raw: Buffer): Buffer => tlv(0x02, (raw[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), raw]) : raw);
const utcTime = (d: Date): Buffer => tlv(0x17, Buffer.from(`${d.toISOString().slice(2, 19).replace(/[-T:]/g, '')}Z`, 'ascii'));
const name = (cn: string): Buffer => seq(tlv(0x31, seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn, 'utf8')))));

export interface TestCertificate {
  key: string;
  cert: string;
}

/** A certificate for `hostnames` (subjectAltName), valid from yesterday for one year. */
export function makeTestCertificate(hostnames: string[] = ['localhost']): TestCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ecdsaSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const now = Date.now();
  const san = seq(...hostnames.map((h) => tlv(0x82, Buffer.from(h, 'ascii'))));
  const extensions = tlv(0xa3, seq(seq(oid('2.5.29.17'), tlv(0x04, san))));
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))), // v3
    positiveInt(randomBytes(12)),
    ecdsaSha256,
    name('Sourcelight test fixture server'),
    seq(utcTime(new Date(now - 86_400_000)), utcTime(new Date(now + 365 * 86_400_000))),
    name(hostnames[0] ?? 'localhost'),
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions,
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = seq(tbs, ecdsaSha256, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const pem = (label: string, b: Buffer) =>
    `-----BEGIN ${label}-----\n${b
      .toString('base64')
      .replace(/(.{64})/g, '$1\n')
      .replace(/\n?$/, '\n')}-----END ${label}-----\n`;
  return {
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    cert: pem('CERTIFICATE', der),
  };
}
