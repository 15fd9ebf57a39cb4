import { RuleBroken } from '#kernel';
import type { ServingMember } from '../board/board.queries.js';
import type { Attendance } from './meeting.commands.js';

/**
 * Members present count towards the quorum; a substitute counts once, for the member they replace.
 * Refuses attendance that names people who are not members, or substitutes that do not add up.
 */
export function countPresent(attendance: readonly Attendance[], members: readonly ServingMember[]): number {
  const isMember = (memberId: string) => members.some((member) => member.memberId === memberId);
  const substituted = new Set<string>();
  for (const entry of attendance) {
    if (entry.status !== 'substitute' && !isMember(entry.memberId)) {
      throw new RuleBroken('not-a-member', 'Attendance names someone who is not a member of the board.', {
        memberId: entry.memberId,
      });
    }
    if (entry.status === 'substitute') {
      const replaced = entry.substituteFor ?? '';
      if (!isMember(replaced)) {
        throw new RuleBroken('not-a-member', 'A substitute must stand in for a member of the board.', {
          substituteFor: replaced,
        });
      }
      if (substituted.has(replaced)) {
        throw new RuleBroken('member-substituted-twice', 'A member can have only one substitute.', {
          substituteFor: replaced,
        });
      }
      if (attendance.some((other) => other.memberId === replaced && other.status === 'present')) {
        throw new RuleBroken(
          'substitute-for-present-member',
          'A member who is present cannot also have a substitute.',
          {
            substituteFor: replaced,
          },
        );
      }
      substituted.add(replaced);
    }
  }
  return attendance.filter((entry) => entry.status === 'present' || entry.status === 'substitute').length;
}
