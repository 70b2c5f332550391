import { createPhoneSealer, derivedDataKeys, type DataKeys } from '../../src/services/ratings/phoneSealer.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone } from '../../src/methods/ratings/privacy.js';

const mobile = fc
  .tuple(fc.integer({ min: 3, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }))
  .map(([second, rest]) => `1${second}${rest.join('')}`);

describe('phone numbers', () => {
  it('normalizes a mainland mobile number written with spaces, dashes, +86 or 0086, or full-width', () => {
    for (const text of [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      ' +86 138 1234 5678 ',
      '+86-13812345678',
      '0086 13812345678',
      '１３８１２３４５６７８',
      '＋８６ １３８－１２３４－５６７８',
    ])
      expect(normalizePhone(text)).toBe('13812345678');
  });

  it('refuses anything else', () => {
    for (const text of [
      '',
      '12812345678',
      '10812345678',
      '1381234567',
      '138123456789',
      '+85 13812345678',
      '86 13812345678',
      '+8613812345678x',
      '0571-88881234',
      '138 1234 567８9a',
      `1${'3'.repeat(100)}`,
    ])
      expect(normalizePhone(text)).toBeNull();
  });

  it('masks the middle four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(() => maskPhone('12345')).toThrow(RangeError);
    // The message never echoes the text, which may be personal data.
    expect(() => maskPhone('010-6512 3456')).toThrow(/^not a mainland mobile number$/);
  });

  it('finds the number whatever separators and prefix surround it', () => {
    const separator = fc.constantFrom('', ' ', '-', '  ', ' - ');
    fc.assert(
      fc.property(mobile, fc.constantFrom('', '+86', '0086'), fc.array(separator, { minLength: 12, maxLength: 12 }), (digits, prefix, seps) => {
        const text = [...digits].reduce((acc, d, i) => acc + d + seps[i]!, `${seps[11]}${prefix}${seps[10]}`);
        expect(normalizePhone(text)).toBe(digits);
      }),
    );
  });

  it('masking keeps the first 3 and last 4 digits and hides the other 4', () => {
    fc.assert(
      fc.property(mobile, (digits) => {
        const masked = maskPhone(digits);
        expect(masked).toHaveLength(11);
        expect(masked.slice(0, 3)).toBe(digits.slice(0, 3));
        expect(masked.slice(3, 7)).toBe('****');
        expect(masked.slice(7)).toBe(digits.slice(7));
      }),
    );
  });
});

describe('sealing phone numbers (envelope encryption)', () => {
  it('opens what it sealed, gives each number its own ciphertext, and refuses a tampered one', async () => {
    const sealer = createPhoneSealer(derivedDataKeys('a-local-secret-of-at-least-32-bytes!!'));
    const a = await sealer.seal('13812345678');
    const b = await sealer.seal('13812345678');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
    expect(await sealer.open(a)).toBe('13812345678');
    const tampered = `${a.slice(0, -3)}${a.endsWith('A') ? 'B' : 'A'}${a.slice(-2)}`;
    await expect(sealer.open(tampered)).rejects.toThrow();
    // Another deployment's key cannot open it.
    await expect(createPhoneSealer(derivedDataKeys('another-secret-of-at-least-32-bytes!!!')).open(a)).rejects.toThrow();
  });

  it('seals with the current key source and still opens numbers sealed by the local one', async () => {
    const local = derivedDataKeys('a-local-secret-of-at-least-32-bytes!!');
    const calls = { current: 0 };
    const plain = Buffer.alloc(32, 7);
    const kmsLike: DataKeys = {
      version: 'v2',
      async current() {
        calls.current += 1;
        return { plain, wrapped: 'wrapped-by-kms' };
      },
      async unwrap(wrapped) {
        if (wrapped !== 'wrapped-by-kms') throw new Error('unknown key');
        return plain;
      },
    };
    const old = await createPhoneSealer(local).seal('13900001111');
    const sealer = createPhoneSealer(kmsLike, [local]);
    const sealed = await sealer.seal('13912345678');
    expect(sealed.startsWith('v2.wrapped-by-kms.')).toBe(true);
    expect(await sealer.open(sealed)).toBe('13912345678');
    expect(await sealer.open(old)).toBe('13900001111');
  });
});
