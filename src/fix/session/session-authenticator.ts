// Who may log on: the remote address against the definition's allowlist, and Username/Password
// against its credential. Both are read with src/config's meanings (ip-allowlist.ts: IPv4 and
// IPv6 blocks, ::ffff: peers matched as IPv4, no entries = any address; password-hash.ts: scrypt
// with validated parameters, constant-time comparison), so a session file means the same thing
// here as where it was checked. scrypt runs on libuv's thread pool (the async API), so a burst of
// logons never blocks the event loop that serves the logged-on sessions.
import { createHash, timingSafeEqual } from 'node:crypto';
import { verifyPassword } from '../../config/password-hash';
import type { AcceptorDefinition } from './session-definition';

export interface SessionAuthenticator {
  addressAllowed(definition: AcceptorDefinition, remoteAddress: string): boolean;
  /**
   * Resolves false (never rejects) when the credentials do not match or the hash is unreadable;
   * true without a check when the definition has no credentials.
   */
  verifyCredentials(definition: AcceptorDefinition, username: string, password: string): Promise<boolean>;
}

/** Equal strings, in a time that does not depend on where they differ (digests have one length). */
function sameText(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** Everything it needs is on the definition. */
export class DefinitionAuthenticator implements SessionAuthenticator {
  addressAllowed(definition: AcceptorDefinition, remoteAddress: string): boolean {
    return definition.allowlist.allows(remoteAddress);
  }

  async verifyCredentials(definition: AcceptorDefinition, username: string, password: string): Promise<boolean> {
    const credentials = definition.credentials;
    if (credentials === undefined) return true;
    // Both checks always run, so the time taken does not tell which one failed.
    const usernameOk = sameText(username, credentials.username);
    let passwordOk: boolean;
    try {
      passwordOk = await verifyPassword(password, credentials.passwordHash);
    } catch {
      passwordOk = false;
    }
    return usernameOk && passwordOk;
  }
}
