// Prints the scrypt hash of a password for the "passwordHash" field of a session file.
//
//   npx tsx scripts/hash-password.ts                 asks twice, without echo, on a terminal
//   printf '%s' "$PASSWORD" | npx tsx scripts/hash-password.ts
//
// From a pipe the whole input is the password, minus one trailing newline. Nothing but the hash
// goes to stdout, so the output can be pasted (or captured) as it is.
import { ExitCode } from '../src/errors';
import { hashPassword } from '../src/config/password-hash';

async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Reads one line from the terminal in raw mode, so the password is never echoed. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    process.stderr.write(prompt);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    let typed = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(typed);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new Error('cancelled'));
          return;
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

async function main(): Promise<number> {
  let password: string;
  if (process.stdin.isTTY) {
    password = await askHidden('Password: ');
    if ((await askHidden('Repeat password: ')) !== password) {
      process.stderr.write('the two passwords differ; nothing printed\n');
      return ExitCode.Usage;
    }
  } else {
    password = await readPiped();
  }
  if (password.length === 0) {
    process.stderr.write('the password is empty; nothing printed\n');
    return ExitCode.Usage;
  }
  process.stdout.write(`${await hashPassword(password)}\n`);
  return ExitCode.Ok;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`hash-password failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = ExitCode.Failure;
  },
);
