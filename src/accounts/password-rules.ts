import { createRequire } from 'node:module';

let common: Set<string> | undefined;

/** The commonest passwords (about 50,000, lower case), from zxcvbn's list; loaded on first use. */
function commonPasswords(): Set<string> {
  if (!common) {
    // Only the password list: the package's index would also unpack word lists and keyboard maps.
    const list = createRequire(import.meta.url)('@zxcvbn-ts/language-common/dist/passwords.json.cjs') as string[];
    common = new Set(list);
  }
  return common;
}

/** A common password, or one with digits and symbols around it ("Sunshine2024!"). */
function isCommon(lower: string): boolean {
  const core = lower.replace(/^\P{L}+|\P{L}+$/gu, '');
  return commonPasswords().has(lower) || (core.length >= 4 && commonPasswords().has(core));
}

const runs = ['0123456789'.repeat(4), 'abcdefghijklmnopqrstuvwxyz'];

/** One short piece repeated ("aaaaaaaaaaaa", "abcabcabcabc") or a run ("1234567890", "zyxwvutsrq"). */
function isPattern(lower: string): boolean {
  if (/^(.{1,4})\1+$/su.test(lower)) return true;
  const reversed = [...lower].reverse().join('');
  return runs.some((run) => run.includes(lower) || run.includes(reversed));
}

/** The parts of the e-mail's local part and of the name long enough to mean something. */
function personalWords(email: string, name: string): string[] {
  const local = email.trim().toLowerCase().split('@')[0] ?? '';
  const words = [local, ...local.split(/[^\p{L}\p{N}]+/u), ...name.toLowerCase().split(/[^\p{L}\p{N}]+/u)];
  return words.filter((w) => [...w].length >= 4);
}

/**
 * Password rules: long enough to matter, short enough not to be a denial of service, and not
 * one an attacker tries first (a common password, a pattern, the user's own name or e-mail).
 */
export function passwordProblem(password: string, who: { email: string; name?: string }): string | null {
  if (password.length < 10) return 'the password must be at least 10 characters';
  if (password.length > 1000) return 'the password must be at most 1000 characters';
  const lower = password.normalize('NFC').toLowerCase();
  if (isCommon(lower)) return 'that password is one of the most common passwords';
  if (isPattern(lower)) return 'the password must not be one character repeated or a simple sequence';
  if (personalWords(who.email, who.name ?? '').some((w) => lower.includes(w))) return 'the password must not contain your name or e-mail';
  return null;
}
