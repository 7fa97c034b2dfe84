/** The password rules: what they refuse, with a reason, and that ordinary strong choices pass. */
import { describe, expect, test } from 'vitest';
import { passwordProblem } from '../../../src/server/auth/password-policy.ts';

describe('password rules', () => {
  test.each([
    ['short1!', '至少 10 个字符'],
    ['1111111111', '同一个字符'],
    ['password12', '常见密码'],
    ['Password2024!', '常见密码'],
    ['P@ssw0rd99', '常见密码'],
    ['woaini1314', '常见密码'],
    ['5201314520', '常见密码'],
    ['Admin@12345', '常见密码'],
    ['qwertyuiop', '常见密码'],
    ['1234567890', '常见密码'],
    ['abcdefghijk', '连续'],
    ['8765432109', '连续'],
    ['7890123456', '常见密码'], // ends in 123456
    ['poiuytrewq', '连续'],
    ['1qaz2wsx3edc', '常见密码'],
    ['hjklasdfgh', '连续'],
    ['abcabcabcabc', '过于重复'],
    ['1212121212', '常见密码'], // 121212 and digits
    ['xyzxyzxyzx', '过于重复'],
    ['aaaaabbbbb', '过于重复'],
    ['!!abcdefgh!!', '连续'],
  ])('%s is refused (%s)', (password, reason) => {
    expect(passwordProblem(password)).toContain(reason);
  });

  test('a password containing the user name is refused, whatever the case', () => {
    expect(passwordProblem('xX-ed186001-Xx', 'ed186001')).toContain('用户名');
    expect(passwordProblem('my ED186001 key', 'ed186001')).toContain('用户名');
    expect(passwordProblem('my ED186001 key', 'rev104')).toBeUndefined();
  });

  test.each(['correct horse battery', 'Hn-2024-预算-审核', 'tR7#kq9Lw2', 'zhang@hunan-finance-07x'])('%s is accepted', (password) => {
    expect(passwordProblem(password, 'someone')).toBeUndefined();
  });

  test('every line of the shipped list is refused, alone and with digits added', async () => {
    const { readFileSync } = await import('node:fs');
    const words = readFileSync(new URL('../../../src/server/auth/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(words.length).toBeGreaterThan(150);
    for (const w of words) {
      const padded = w.length >= 10 ? w : w + '1234567890'.slice(0, 10 - w.length);
      expect(passwordProblem(padded), padded).toBeDefined();
      expect(passwordProblem(`${w.toUpperCase()}#2024!!!!`), w).toBeDefined();
    }
  });
});
