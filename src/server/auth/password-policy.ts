/**
 * Which passwords a person may choose (admin-set and self-chosen alike; the server's own random
 * passwords are strong by construction and not checked). Length alone let `1111111111` and
 * `password12` through, so a password is also refused when it is one character repeated, a short
 * pattern repeated, a run (1234567890, abcdefghij, 9876543210) or a keyboard walk (qwertyuiop),
 * a common password (common-passwords.txt) with digits or signs around it, or contains the user
 * name.
 */
import { readFileSync } from 'node:fs';

export const MIN_LENGTH = 10;

const COMMON = new Set(
  readFileSync(new URL('../../../src/server/auth/common-passwords.txt', import.meta.url), 'utf8') // from src/ or dist/ alike: dist/ holds compiled code only
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')),
);

/** Keyboard rows and runs, walked either way. */
const WALKS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p', 'qazwsxedcrfvtgbyhnujmikolp'];
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', '$': 's', '5': 's', '7': 't' };

/** Why the password may not be used, or undefined when it may. */
export function passwordProblem(password: string, username?: string): string | undefined {
  const chars = [...password];
  if (chars.length < MIN_LENGTH) return `密码至少 ${MIN_LENGTH} 个字符`;
  const lower = password.toLowerCase();
  if (new Set(chars).size === 1) return '密码不能由同一个字符组成';
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) return '密码不能包含用户名';
  // the word inside digits and signs: password12 → password, Admin@2024 → admin
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if ([lower, core, ...commonEnds(lower)].some(isCommon)) return '这是常见密码（或常见密码加数字、符号），很容易被猜中';
  for (const s of core.length >= 6 ? [lower, core] : [lower]) {
    if (isRun(s) || isWalk(s)) return '密码不能是连续或键盘上相邻的字符（如 1234567890、abcdefghij、qwertyuiop）';
    if (isPeriodic(s) || new Set(s).size < 4) return '密码过于重复（如 abcabcabca、1212121212），请换一个';
  }
  return undefined;
}

/** The start before, and the end after, a tail or head of only digits and signs: 5201314 of 5201314520. */
function commonEnds(s: string): string[] {
  const out: string[] = [];
  for (let i = 4; i < s.length; i++) {
    if (/^[\d\W_]+$/.test(s.slice(i))) out.push(s.slice(0, i));
    if (/^[\d\W_]+$/.test(s.slice(0, s.length - i))) out.push(s.slice(s.length - i));
  }
  return out;
}

const isCommon = (s: string) => s.length > 0 && (COMMON.has(s) || COMMON.has([...s].map((c) => LEET[c] ?? c).join('')));

/** Each character one code point above (or below) the one before: 0123456789, abcdef, 98765. */
function isRun(s: string): boolean {
  const codes = [...s].map((c) => c.codePointAt(0)!);
  const step = codes[1] - codes[0];
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - codes[i - 1] === step);
}

function isWalk(s: string): boolean {
  return WALKS.some((w) => {
    const round = w + w; // walks may wrap around: 7890123456
    return round.includes(s) || [...round].reverse().join('').includes(s);
  });
}

/** A shorter pattern repeated to the full length: abcabcabca, 1212121212, passpass. */
function isPeriodic(s: string): boolean {
  const cs = [...s];
  for (let p = 1; p <= cs.length / 2; p++) {
    if (cs.every((c, i) => c === cs[i % p])) return true;
  }
  return false;
}
