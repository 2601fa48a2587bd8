import { describe, expect, it } from 'vitest';
import { importErrors } from '../src/pages/admin/users';

describe('importErrors', () => {
  it('names each line and field, in line order', () => {
    expect(
      importErrors({
        'lines.12.email': ['This address is already registered.'],
        'lines.3.role': ['Expected one of student, teacher, proctor, admin.'],
        'lines.3.name': ['Required.'],
      }),
    ).toEqual([
      'Line 3, role: Expected one of student, teacher, proctor, admin.',
      'Line 3, name: Required.',
      'Line 12, email: This address is already registered.',
    ]);
  });

  it('keeps a whole-file error as it is', () => {
    expect(importErrors({ csv: ['Line 1: the header has no \'role\' column; it needs name, email and role.'] })).toEqual([
      "Line 1: the header has no 'role' column; it needs name, email and role.",
    ]);
  });
});
