import { actingRole, isStaffRole } from './roles.js';

describe('roles', () => {
  it('denies by default and picks the first allowed role the caller holds', () => {
    expect(actingRole(['member', 'chair'], [])).toBeUndefined();
    expect(actingRole(['member'], ['chair', 'clerk'])).toBeUndefined();
    expect(actingRole(['member', 'clerk'], ['chair', 'clerk'])).toBe('clerk');
  });
  it('recognises staff roles only', () => {
    expect(isStaffRole('auditor')).toBe(true);
    expect(isStaffRole('young-person')).toBe(false);
    expect(isStaffRole(undefined)).toBe(false);
  });
});
