import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SessionUser } from '../../shared/courier/manifest';
import { ApiError } from '../api/api-error';
import { fetchSessionUser, signIn as signInOnServer, signOut as signOutOnServer } from '../api/auth-api';
import { readFromDevice, removeFromDevice, writeToDevice } from '../offline/device-storage';
import { listWaitingReports, resumeSync } from '../offline/outbox-store';

const STORAGE_KEY = 'courier.user';
const RECHECK_INTERVAL_MS = 60_000;

function isCourierUser(value: unknown): value is SessionUser {
  const user = value as Partial<SessionUser> | null;
  return user?.role === 'courier' && typeof user.id === 'number' && typeof user.name === 'string' && typeof user.login === 'string';
}

/**
 * Who is signed in on this phone. Remembered on the device (the session cookie itself is
 * HttpOnly and lasts days), so the manifest opens in a basement without asking the server.
 * An expired session does not forget the courier: it only asks them to sign in again.
 */
export const useCourierSessionStore = defineStore('courier-session', () => {
  const user = ref<SessionUser | null>(readFromDevice(STORAGE_KEY, isCourierUser));
  /** The server said 401/403 to a sync or the manifest: sending waits for a new sign-in. */
  const needsSignIn = ref(false);
  let lastRecheckAt = 0;

  /** Throws the ApiError so the form can say what was wrong; a staff account is refused here. */
  async function signIn(login: string, password: string): Promise<SessionUser> {
    const signedIn = await signInOnServer(login, password);
    if (signedIn.role !== 'courier') {
      await signOutOnServer().catch(() => undefined);
      throw new ApiError(403, 'not_a_courier', 'This account is not a courier account');
    }
    // Reports another courier left waiting on this phone would go out under this session and
    // be refused as not theirs: that courier has to sign in and send them first.
    const othersWaiting = (await listWaitingReports()).filter((e) => e.courierId !== undefined && e.courierId !== signedIn.id);
    if (othersWaiting.length > 0) {
      await signOutOnServer().catch(() => undefined);
      throw new ApiError(409, 'outbox_of_another_courier', `${othersWaiting.length} reports of another courier are waiting on this phone`);
    }
    user.value = signedIn;
    writeToDevice(STORAGE_KEY, signedIn);
    needsSignIn.value = false;
    await resumeSync();
    return signedIn;
  }

  /** Waiting reports stay on the phone and go once a courier signs in again. */
  async function signOut(): Promise<void> {
    await signOutOnServer().catch(() => undefined);
    user.value = null;
    needsSignIn.value = false;
    removeFromDevice(STORAGE_KEY);
  }

  function markSessionExpired() {
    if (user.value) needsSignIn.value = true;
  }

  /**
   * Sending is paused after a 401, but the cookie may be fine again (a 401 from a server
   * restarting on a fresh session store, say). Asks the server once; true when the same
   * courier is still signed in and sending resumed without troubling them.
   */
  async function recheckSession(): Promise<boolean> {
    // At most once a minute: were /me and /sync ever to disagree, this must not become a loop.
    const now = Date.now();
    if (!needsSignIn.value || !user.value || now - lastRecheckAt < RECHECK_INTERVAL_MS) return false;
    lastRecheckAt = now;
    try {
      const current = await fetchSessionUser();
      if (current.role !== 'courier' || current.id !== user.value.id) return false;
      needsSignIn.value = false;
      await resumeSync();
      return true;
    } catch {
      return false;
    }
  }

  return { user, needsSignIn, signIn, signOut, markSessionExpired, recheckSession };
});
