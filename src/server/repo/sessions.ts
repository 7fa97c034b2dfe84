/** Sessions: the cookie holds a random token; the database keeps only its sha256. */
import { createHash, randomBytes } from 'node:crypto';
import type { User } from '../access.ts';
import { one, type Queryable } from '../db/db.ts';

export const SESSION_HOURS = 12;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(q: Queryable, userId: number): Promise<{ token: string; hash: string }> {
  const token = randomBytes(32).toString('base64url');
  const hash = tokenHash(token);
  await q.query(`INSERT INTO sessions (id_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`, [
    hash,
    userId,
    SESSION_HOURS,
  ]);
  return { token, hash };
}

export async function sessionUser(q: Queryable, hash: string): Promise<User | undefined> {
  return one<User>(
    q,
    `SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.department_code AS "departmentCode", u.unit_code AS "unitCode"
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [hash],
  );
}

export async function deleteSession(q: Queryable, hash: string) {
  await q.query('DELETE FROM sessions WHERE id_hash = $1', [hash]);
}

/** Ends the user's sessions, all of them or all but the one given (the one changing its password). */
export async function deleteUserSessions(q: Queryable, userId: number, exceptHash?: string) {
  await q.query('DELETE FROM sessions WHERE user_id = $1 AND id_hash IS DISTINCT FROM $2', [userId, exceptHash ?? null]);
}

export async function purgeExpiredSessions(q: Queryable) {
  await q.query('DELETE FROM sessions WHERE expires_at <= now()');
}

/** A secret generated once and kept in the database (cookie signing, CSRF HMAC). */
export async function serverSecret(q: Queryable, name: string): Promise<string> {
  await q.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    randomBytes(32).toString('base64url'),
  ]);
  return (await one<{ value: string }>(q, 'SELECT value FROM server_secrets WHERE name = $1', [name]))!.value;
}
