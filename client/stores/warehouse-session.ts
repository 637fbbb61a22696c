import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SessionUser } from '../../shared/courier/manifest';
import { ApiError } from '../api/api-error';
import { fetchSessionUser, signIn as signInOnServer, signOut as signOutOnServer } from '../api/auth-api';

/**
 * The worker signed in to the warehouse face. As in the ops face, the server's session cookie
 * is the only truth (picking needs the server anyway): asked once when the face opens, dropped
 * at the first 401. `warehouseName` is what the waves list says this account works in.
 */
export const useWarehouseSessionStore = defineStore('warehouse-session', () => {
  const user = ref<SessionUser | null>(null);
  const checked = ref(false);
  const warehouseName = ref<{ 'zh-CN': string; en: string } | null>(null);
  let checking: Promise<void> | null = null;

  function check(): Promise<void> {
    checking ??= (async () => {
      try {
        const current = await fetchSessionUser();
        user.value = current.role === 'warehouse' ? current : null;
      } catch {
        user.value = null;
      } finally {
        checked.value = true;
        checking = null;
      }
    })();
    return checking;
  }

  /** Throws the ApiError so the form can say what was wrong; other roles are refused here. */
  async function signIn(login: string, password: string): Promise<SessionUser> {
    const signedIn = await signInOnServer(login, password);
    if (signedIn.role !== 'warehouse') {
      await signOutOnServer().catch(() => undefined);
      throw new ApiError(403, 'not_warehouse', 'This account is not a warehouse account');
    }
    user.value = signedIn;
    checked.value = true;
    return signedIn;
  }

  async function signOut(): Promise<void> {
    await signOutOnServer().catch(() => undefined);
    user.value = null;
    warehouseName.value = null;
  }

  /** Any warehouse call answered 401: the layout sends the worker to sign in. */
  function markSessionExpired(): void {
    user.value = null;
    checked.value = true;
  }

  return { user, checked, warehouseName, check, signIn, signOut, markSessionExpired };
});
