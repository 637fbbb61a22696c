/**
 * localStorage with the failures handled: it throws in some private modes and when full,
 * and what it holds may be from an older app version. Nothing here is worth crashing for.
 */
const PREFIX = 'doorstep.';

export function readFromDevice<T>(key: string, isExpectedShape: (value: unknown) => value is T): T | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    return isExpectedShape(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeToDevice(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeFromDevice(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to clean up if storage is unavailable.
  }
}
