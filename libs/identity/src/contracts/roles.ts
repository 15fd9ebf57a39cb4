// The staff roles other contexts name on their routes and rules. The list and its checks are identity's
// domain (domain/roles.ts, with the rule a guard applies); this is the door other contexts use.
export { STAFF_ROLES, actingRole, isStaffRole, type StaffRole } from '../domain/roles.js';
