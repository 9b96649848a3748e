import { describe, expect, it } from 'vitest';
import { checkVietnamesePhone, findVietnamesePhone } from '../../src/domain/phone.js';

describe('Vietnamese mobile numbers', () => {
  it('are accepted in the usual ways of writing them and stored as 0xxxxxxxxx', () => {
    for (const typed of ['0912 345 678', '+84 912345678', '84912345678', '0912.345.678', '0912-345-678', '+84 0912 345 678']) {
      expect(checkVietnamesePhone(typed), typed).toEqual({ ok: true, phone: '0912345678' });
    }
  });

  it('say why a number is refused', () => {
    expect(checkVietnamesePhone('không có')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(checkVietnamesePhone('091234567')).toEqual({ ok: false, problem: 'wrong_length' });
    expect(checkVietnamesePhone('02693 824 567')).toEqual({ ok: false, problem: 'not_mobile' });
  });

  it('accept every mobile prefix after the renumbering', () => {
    for (const prefix of ['03', '05', '07', '08', '09']) {
      expect(checkVietnamesePhone(`${prefix}12345678`).ok, prefix).toBe(true);
    }
  });

  it('are found inside a sentence, the longest run of digits counting', () => {
    for (const typed of ['đồng ý, số 0912 345 678', 'sđt: +84 912.345.678 ạ', 'tổ 3, số 0912345678', '1 0912 345 678']) {
      expect(findVietnamesePhone(typed), typed).toMatchObject({ ok: true, phone: '0912345678' });
    }
    expect(findVietnamesePhone('đồng ý')).toBeNull();
    expect(findVietnamesePhone('tổ 12')).toBeNull();
    expect(findVietnamesePhone('số 0912 345')).toEqual({ ok: false, problem: 'wrong_length', typed: '0912 345' });
    expect(findVietnamesePhone('máy bàn 0269 3824 567')).toEqual({ ok: false, problem: 'not_mobile', typed: '0269 3824 567' });
    // The part taken as the number, so that the words around it can be read too.
    expect(findVietnamesePhone('1 0912 345 678')).toEqual({ ok: true, phone: '0912345678', typed: '0912 345 678' });
  });
});
