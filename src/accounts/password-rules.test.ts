import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rules.js';

const ed = { email: 'eda.editor@example.org', name: 'Eda Editor' };

describe('passwordProblem', () => {
  it('accepts a long passphrase of the person’s own', () => {
    expect(passwordProblem('correct horse battery', ed)).toBeNull();
    expect(passwordProblem('tr0ub4dor&3-staple', { email: 'x@example.org' })).toBeNull();
  });

  it('refuses the commonest passwords, in any case and with digits or symbols around them', () => {
    for (const p of ['password123', 'QWERTYUIOP', 'Sunshine2024!', '1qaz2wsx3edc']) {
      expect(passwordProblem(p, ed), p).toBe('that password is one of the most common passwords');
    }
  });

  it('refuses one character repeated, a short piece repeated and simple runs', () => {
    for (const p of ['aaaaaaaaaaaa', 'abcabcabcabc', '0987654321', 'defghijklmno', '4567890123']) {
      expect(passwordProblem(p, ed), p).toBe('the password must not be one character repeated or a simple sequence');
    }
  });

  it('refuses passwords made of the person’s name or e-mail', () => {
    for (const p of ['EdaEditor2024', 'my-editor-pass', 'eda.editor!!', 'x-Editor-x-1']) {
      expect(passwordProblem(p, ed), p).toBe('the password must not contain your name or e-mail');
    }
    // Short name parts ("Eda") are too common in other words to refuse.
    expect(passwordProblem('medal of honour', ed)).toBeNull();
  });

  it('keeps the length rules', () => {
    expect(passwordProblem('short', ed)).toBe('the password must be at least 10 characters');
    expect(passwordProblem('x'.repeat(1001), ed)).toBe('the password must be at most 1000 characters');
  });
});
