// Loads a gateway's session definitions: who may log on, from where, with which limits. The format
// is documented field by field in sessions/README.md; its types and defaults are in
// session-config-schema.ts and its checks in session-config-validation.ts. The result is typed
// and deeply frozen, so no part of the gateway can change another's view of a session.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ErrorCode, GatewayError } from '../errors';
import { formatIssue, type ConfigIssue } from './config-fields';
import { IpAllowlist } from './ip-allowlist';
import type { GatewayConfig } from './session-config-schema';
import { validateGatewayConfig, type GatewayConfigResult } from './session-config-validation';

export * from './session-config-schema';
export type { ConfigIssue } from './config-fields';
export { validateGatewayConfig, type GatewayConfigResult, type ValidationContext } from './session-config-validation';

/** The file name looked for when a gateway directory (e.g. sessions/demo) is given. */
export const SESSIONS_FILE = 'sessions.json';

/** GW_ERR_CONFIG_INVALID with every issue found, one per line, and the issues themselves. */
export class ConfigInvalidError extends GatewayError {
  constructor(
    readonly file: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(ErrorCode.ConfigInvalid, `${file} has ${count}:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`);
    this.name = 'ConfigInvalidError';
  }
}

/**
 * Reads and validates a session file, or `<dir>/sessions.json` when given a directory. Throws
 * GatewayError GW_ERR_CONFIG_UNREADABLE (no such file, no permission) or ConfigInvalidError
 * (GW_ERR_CONFIG_INVALID: not JSON, or not a valid session file).
 */
export function loadGatewayConfig(path: string): GatewayConfig {
  const result = readGatewayConfig(path);
  if (!result.ok) throw new ConfigInvalidError(displayName(path), result.issues);
  return result.config;
}

/** Like loadGatewayConfig, but returns the issues instead of throwing them (unreadable files still throw). */
export function readGatewayConfig(path: string): GatewayConfigResult {
  const file = displayName(path);
  const absoluteFile = resolve(file);
  let text: string;
  try {
    text = readFileSync(absoluteFile, 'utf8');
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new GatewayError(ErrorCode.ConfigUnreadable, `cannot read the session file ${file}: ${detail}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    return { ok: false, issues: [{ file, where: 'gateway', field: '(file)', problem: `is not valid JSON: ${jsonProblem(cause, text)}` }] };
  }
  const baseDir = dirname(absoluteFile);
  const result = validateGatewayConfig(raw, { file, absoluteFile, baseDir, defaultName: basename(baseDir) });
  return result.ok ? { ok: true, config: deepFreeze(result.config) } : result;
}

function displayName(path: string): string {
  try {
    if (statSync(path).isDirectory()) return join(path, SESSIONS_FILE);
  } catch {
    // A path that does not exist is reported by the read that follows, with its own reason.
  }
  return path;
}

/** JSON.parse says "at position N"; operators edit by line and column. */
function jsonProblem(cause: unknown, text: string): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  const position = /at position (\d+)/.exec(message);
  if (!position) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

function deepFreeze<T>(value: T): T {
  if (value instanceof IpAllowlist) return Object.freeze(value);
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
