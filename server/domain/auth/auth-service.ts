import type { Kysely } from 'kysely';
import type { SessionUser } from '../../../shared/courier/manifest';
import { unauthorized } from '../../app-error';
import type { Database } from '../../db/schema';
import { findCourierById, findCourierByPhone, findStaffByEmail, findStaffById } from './account-repository';
import { newSessionToken } from './session-token';
import type { AttemptLimits } from './attempt-limits';
import { admitAttempt, rememberThisDevice } from './attempt-gate';
import { attemptRefused } from './attempt-refusal';
import { forgetLoginAttempt, markLoginAdmitted, markLoginFailed, markLoginSucceeded, recordLoginAttempt, tallyFailedLogins } from './login-attempt-repository';
import { hashPassword, verifyPassword } from './password';
import { findLiveUserSession, insertUserSession, revokeUserSession, type UserRole } from './user-session-repository';

/**
 * 5 wrong passwords per account from one address and 20 from one address in 15 minutes, as
 * before; an account guessed at more than 20 times in an hour from anywhere takes one try per
 * 3 minutes (20 an hour, the most one address could ever try it) instead of locking its owner out.
 */
export const LOGIN_LIMITS: AttemptLimits = {
  windowMs: 15 * 60_000,
  perPair: 5,
  perAddress: 20,
  spreadWindowMs: 60 * 60_000,
  spreadBeforeSlowing: 20,
  slowedSpacingMs: 3 * 60_000,
};
/** A courier may work offline for days; the session must outlast a long weekend. */
export const USER_SESSION_MS = 14 * 24 * 3600_000;

interface Account {
  role: UserRole;
  id: number;
  name: string;
  login: string;
  passwordHash: string;
}

// Compared against when no account matches, so a wrong login costs the same time as a
// wrong password and the answer's timing doesn't reveal which accounts exist. Made on first
// use: a scrypt hash holds 128 MiB for a moment, which start-up need not pay.
let decoyHash: Promise<string> | null = null;
const decoy = () => (decoyHash ??= hashPassword('decoy password that matches nothing'));

/**
 * The one spelling of a login that limits are counted under and accounts are found by:
 * `+86 138-0013-8000` and `13800138000` are the same courier, and must share one count.
 */
export function normalizeLogin(raw: string): string {
  const login = raw.trim().toLowerCase();
  if (login.includes('@')) return login;
  return login.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
}

async function findAccount(db: Kysely<Database>, login: string): Promise<Account | null> {
  if (login.includes('@')) {
    const staff = await findStaffByEmail(db, login.toLowerCase());
    return staff ? { role: staffSessionRole(staff), id: staff.id, name: staff.name, login: staff.email, passwordHash: staff.passwordHash } : null;
  }
  // A courier who left keeps their account for history, but may no longer sign in.
  const courier = await findCourierByPhone(db, login);
  return courier?.active ? { role: 'courier', id: courier.id, name: courier.name, login: courier.phone, passwordHash: courier.passwordHash } : null;
}

/** A staff row with role `warehouse` is a warehouse worker (never ops staff, even without a warehouse); any other is ops staff. */
function staffSessionRole(staff: { role: string }): 'staff' | 'warehouse' {
  return staff.role === 'warehouse' ? 'warehouse' : 'staff';
}

export interface LoginResult {
  token: string;
  user: SessionUser;
  /** This browser's device token, known to the account from now on (OWASP's device cookie). */
  deviceToken: string;
}

export async function logIn(
  db: Kysely<Database>,
  input: { login: string; password: string; clientKey: string; deviceToken?: string },
  now: number,
): Promise<LoginResult> {
  const login = normalizeLogin(input.login);
  const clientKey = input.clientKey;
  const subject = `login:${login}`;
  // Recorded as a failure before anything is checked, and counted with itself: parallel
  // guesses all see each other, so a burst can't slip under a limit during the slow check.
  const attemptId = await recordLoginAttempt(db, { login, clientKey, succeeded: false, at: now, stage: 'pending' });
  const since = now - LOGIN_LIMITS.windowMs;
  const [pair, address] = await Promise.all([tallyFailedLogins(db, { login, clientKey }, since), tallyFailedLogins(db, { clientKey }, since)]);
  const verdict = await admitAttempt(db, LOGIN_LIMITS, {
    subject,
    picture: { now, pair, address },
    deviceToken: input.deviceToken,
    markAdmitted: () => markLoginAdmitted(db, attemptId),
    subjectFailures: async () => (await tallyFailedLogins(db, { login, admittedOnly: true }, now - LOGIN_LIMITS.spreadWindowMs)).count,
  });
  if (!verdict.check) {
    await forgetLoginAttempt(db, attemptId);
    throw attemptRefused(verdict, 'account');
  }
  const account = await findAccount(db, login);
  let ok = false;
  if (account) ok = await verifyPassword(input.password, account.passwordHash);
  else await verifyPassword(input.password, await decoy());
  if (!ok || !account) {
    await markLoginFailed(db, attemptId);
    throw unauthorized('invalid_credentials', 'That phone/email and password do not match');
  }
  await markLoginSucceeded(db, { id: attemptId, login, clientKey });
  const deviceToken = await rememberThisDevice(db, input.deviceToken, subject, now);

  const { token, tokenHash } = newSessionToken();
  const expiresAt = now + USER_SESSION_MS;
  await insertUserSession(db, { tokenHash, role: account.role, userId: account.id, createdAt: now, expiresAt });
  return { token, deviceToken, user: { role: account.role, id: account.id, name: account.name, login: account.login, expiresAt } };
}

export async function logOut(db: Kysely<Database>, token: string | undefined, now: number): Promise<void> {
  if (token) await revokeUserSession(db, token, now);
}

/** The signed-in user behind a session token, or null for none, unknown, expired or revoked. */
export async function findSessionUser(db: Kysely<Database>, token: string | undefined, now: number): Promise<SessionUser | null> {
  if (!token) return null;
  const session = await findLiveUserSession(db, token, now);
  if (!session) return null;
  if (session.role === 'courier') {
    const c = await findCourierById(db, session.userId);
    return c?.active ? { role: 'courier', id: session.userId, name: c.name, login: c.phone, expiresAt: session.expiresAt } : null;
  }
  const s = await findStaffById(db, session.userId);
  return s ? { role: staffSessionRole(s), id: session.userId, name: s.name, login: s.email, expiresAt: session.expiresAt } : null;
}
