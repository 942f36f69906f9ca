// Reads the fields of one JSON object from a config file with the checks every field needs, and
// collects what is wrong instead of stopping at the first problem, so one run of the loader shows
// an operator every mistake in the file. Each issue names the file, the object (the gateway or a
// session), the field, what is wrong and what is allowed; an unknown key (usually a typo) is an
// issue too, with the nearest known key as a suggestion.

export interface ConfigIssue {
  readonly file: string;
  /** "gateway", `session "NAME"`, or `sessions[2]` while a session has no valid name. */
  readonly where: string;
  /** Dotted path inside that object, e.g. "heartbeat.maxSeconds". */
  readonly field: string;
  readonly problem: string;
}

export function formatIssue(issue: ConfigIssue): string {
  return `${issue.file}: ${issue.where}: "${issue.field}" ${issue.problem}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

export class FieldReader {
  constructor(
    private readonly issues: ConfigIssue[],
    private readonly file: string,
    readonly where: string,
    private readonly raw: Record<string, unknown>,
    private readonly prefix = '',
  ) {}

  report(key: string, problem: string): void {
    this.issues.push({ file: this.file, where: this.where, field: this.prefix + key, problem });
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined;
  }

  value(key: string): unknown {
    return this.raw[key];
  }

  /** Reports every key not in `known`; `hints` gives a specific answer for keys we expect people to try. */
  rejectUnknownKeys(known: readonly string[], hints: Readonly<Record<string, string>> = {}): void {
    for (const key of Object.keys(this.raw)) {
      if (known.includes(key)) continue;
      const hint = hints[key];
      if (hint) {
        this.report(key, hint);
        continue;
      }
      const near = nearest(key, known);
      this.report(key, `is not a known field${near ? ` (did you mean "${near}"?)` : ''}; known fields: ${known.join(', ')}`);
    }
  }

  string(key: string, rule: { pattern: RegExp; explain: string }, fallback?: string): string {
    const v = this.raw[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'string' || !rule.pattern.test(v)) {
      this.report(key, `${v === undefined ? 'is required and ' : ''}must be ${rule.explain} (got ${describe(v)})`);
      return fallback ?? '';
    }
    return v;
  }

  integer(key: string, min: number, max: number, fallback?: number): number {
    const v = this.raw[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.report(key, `${v === undefined ? 'is required and ' : ''}must be an integer from ${min} to ${max} (got ${describe(v)})`);
      return fallback ?? min;
    }
    return v;
  }

  boolean(key: string, fallback: boolean): boolean {
    const v = this.raw[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') {
      this.report(key, `must be true or false (got ${describe(v)})`);
      return fallback;
    }
    return v;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback?: T): T {
    const v = this.raw[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (!allowed.includes(v as T)) {
      const list = allowed.map((a) => `"${a}"`).join(', ');
      this.report(key, `${v === undefined ? 'is required and ' : ''}must be one of ${list} (got ${describe(v)})`);
      return fallback ?? allowed[0]!;
    }
    return v as T;
  }

  /** A nested object: undefined (and reported if `required`) when absent, reported when not an object. */
  object(key: string, required: boolean): FieldReader | undefined {
    const v = this.raw[key];
    if (v === undefined) {
      if (required) this.report(key, 'is required and must be an object');
      return undefined;
    }
    if (!isPlainObject(v)) {
      this.report(key, `must be an object (got ${describe(v)})`);
      return undefined;
    }
    return new FieldReader(this.issues, this.file, this.where, v, `${this.prefix}${key}.`);
  }
}

/** The known key closest to a typo (other case, shortened, or at most 2 edits away), if any. */
function nearest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  const typed = key.toLowerCase();
  for (const candidate of known) {
    const lower = candidate.toLowerCase();
    const shortened = typed.length >= 4 && (lower.startsWith(typed) || typed.startsWith(lower));
    const d = lower === typed ? 0 : shortened ? 1 : editDistance(candidate, key);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
