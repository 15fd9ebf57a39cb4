// Staff roles within one tenant (a council's board). Young people have no accounts by default.
export const STAFF_ROLES = [
  'admin',
  'clerk',
  'chair',
  'member',
  'officer',
  'moderator',
  'safeguarding-lead',
  'auditor',
] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/**
 * The role a caller acts in for a route that allows `allowed`: the first of the caller's roles
 * the route accepts, or undefined (deny). Deny by default: an empty `allowed` admits nobody.
 */
export function actingRole(callerRoles: readonly StaffRole[], allowed: readonly StaffRole[]): StaffRole | undefined {
  return allowed.find((role) => callerRoles.includes(role));
}
