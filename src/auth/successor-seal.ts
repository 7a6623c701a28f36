import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/*
 * A rotated refresh token's successor, encrypted under a key derived from the rotated token's own secret.
 * Only whoever presents that (spent) token can open it, which is exactly who the reuse grace answers, and
 * the database never holds a usable token in the clear.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;

const keyFor = (secret: string, tokenId: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, tokenId, 'guildhall refresh-token successor', 32));

export function sealSuccessor(spentSecret: string, spentId: string, successor: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFor(spentSecret, spentId), iv);
  const body = Buffer.concat([cipher.update(successor, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** null when the box was not sealed under this secret (or was tampered with). */
export function openSuccessor(spentSecret: string, spentId: string, sealed: Buffer): string | null {
  if (sealed.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(spentSecret, spentId), sealed.subarray(0, IV_BYTES));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
