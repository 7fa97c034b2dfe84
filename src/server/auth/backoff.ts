/**
 * Per-account backoff after failed sign-ins, kept in the database (login_failures) so that it holds
 * across restarts and across servers sharing one PostgreSQL. The per-IP rate limit stops one
 * client; this stops many clients guessing one account's password.
 *
 * The count is kept by user name whether the name exists or not: an unknown name locks exactly
 * like a real one, so a lockout tells nothing about which accounts exist.
 */
import { one, type Queryable } from '../db/db.ts';

/** Failures allowed before the first lock. */
export const FREE_FAILURES = 5;
const FIRST_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 15 * 60;
/** A name with no failure for this long starts counting afresh. */
const FORGET_HOURS = 24;

/** How long the name stays locked after its n-th consecutive failure (0: not locked). */
export const lockSeconds = (failures: number) =>
  failures < FREE_FAILURES ? 0 : Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - FREE_FAILURES));

/** Seconds left on the name's lock, or 0. */
export async function lockedFor(q: Queryable, username: string): Promise<number> {
  const row = await one<{ seconds: number }>(
    q,
    `SELECT ceil(extract(epoch FROM locked_until - now()))::integer AS seconds FROM login_failures WHERE username = $1 AND locked_until > now()`,
    [username],
  );
  return row?.seconds ?? 0;
}

/** Counts a failed sign-in and locks the name when it has failed too often. */
export async function recordFailure(q: Queryable, username: string): Promise<void> {
  const { failures } = (await one<{ failures: number }>(
    q,
    `INSERT INTO login_failures AS f (username, failures) VALUES ($1, 1)
     ON CONFLICT (username) DO UPDATE SET
       failures = CASE WHEN f.last_failure_at < now() - make_interval(hours => $2) THEN 1 ELSE f.failures + 1 END,
       last_failure_at = now()
     RETURNING failures`,
    [username, FORGET_HOURS],
  ))!;
  const seconds = lockSeconds(failures);
  if (seconds) await q.query(`UPDATE login_failures SET locked_until = now() + make_interval(secs => $2) WHERE username = $1`, [username, seconds]);
}

export async function clearFailures(q: Queryable, username: string): Promise<void> {
  await q.query('DELETE FROM login_failures WHERE username = $1', [username]);
}

/** Forgets names that have not failed for a day (called with the hourly session purge). */
export async function purgeOldFailures(q: Queryable): Promise<void> {
  await q.query(`DELETE FROM login_failures WHERE last_failure_at < now() - make_interval(hours => $1) AND (locked_until IS NULL OR locked_until < now())`, [FORGET_HOURS]);
}
