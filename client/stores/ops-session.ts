import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SessionUser } from '../../shared/courier/manifest';
import { ApiError } from '../api/api-error';
import { fetchSessionUser, signIn as signInOnServer, signOut as signOutOnServer } from '../api/auth-api';

/**
 * The staff member signed in to the ops face. Unlike the courier's, nothing is remembered on
 * the device: ops work needs the server anyway, so the server's session cookie is the only
 * truth, asked once when the face opens and dropped at the first 401.
 */
export const useOpsSessionStore = defineStore('ops-session', () => {
  const user = ref<SessionUser | null>(null);
  /** The server has answered "who is this?" at least once (or someone signed in). */
  const checked = ref(false);
  /** The check could not reach the server; the layout offers to try again. */
  const unreachable = ref(false);
  let checking: Promise<void> | null = null;

  function check(): Promise<void> {
    checking ??= (async () => {
      try {
        const current = await fetchSessionUser();
        // A courier's cookie in this browser is nobody here: they sign in as staff.
        user.value = current.role === 'staff' ? current : null;
        unreachable.value = false;
        checked.value = true;
      } catch (error) {
        const noAnswer = error instanceof ApiError && error.unreachable;
        unreachable.value = noAnswer;
        if (!noAnswer) {
          user.value = null;
          checked.value = true;
        }
      } finally {
        checking = null;
      }
    })();
    return checking;
  }

  /** Throws the ApiError so the form can say what was wrong; a courier account is refused here. */
  async function signIn(login: string, password: string): Promise<SessionUser> {
    const signedIn = await signInOnServer(login, password);
    if (signedIn.role !== 'staff') {
      await signOutOnServer().catch(() => undefined);
      throw new ApiError(403, 'not_staff', 'This account is not a staff account');
    }
    user.value = signedIn;
    checked.value = true;
    unreachable.value = false;
    return signedIn;
  }

  async function signOut(): Promise<void> {
    await signOutOnServer().catch(() => undefined);
    user.value = null;
  }

  /** Any ops call answered 401: the session expired or was revoked elsewhere. */
  function markSessionExpired(): void {
    user.value = null;
    checked.value = true;
  }

  return { user, checked, unreachable, check, signIn, signOut, markSessionExpired };
});
