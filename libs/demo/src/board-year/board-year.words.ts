// What the scenario's young people say, by theme. Written to pass the default safeguarding screen
// (the driver refuses to go on if one is flagged by surprise); `{name}` is a name a moderator redacts.
// Every view is fictional.

export const VIEW_WORDS: Readonly<Record<string, readonly string[]>> = {
  'placement-stability': [
    'I have moved three times this year and each time I had to start again with new friends.',
    'Moving placement meant a new school and that was the hardest part.',
    'My carer {name} is great and I want to stay with her until I am eighteen.',
    'Please tell us earlier when a move is planned so we can say goodbye properly.',
  ],
  'emotional-and-mental-health': [
    'The waiting list for counselling was nine months and I gave up.',
    'I want someone to talk to who is not my social worker.',
    'The wellbeing worker {name} at college helped more than anything else.',
    'Care leavers need support with anxiety too, not just younger children.',
  ],
  'education-and-attendance': [
    'My personal education plan meetings happen without me being asked.',
    'I missed weeks of school between placements and nobody caught me up.',
    'The virtual school paid for a tutor and my grades went up.',
    'Teachers should not say I am in care in front of the class.',
  ],
  'accommodation-and-homelessness': [
    'The flat I was offered at seventeen was miles from college and my friends.',
    'Supported lodgings with {name} gave me time to learn to cook and budget.',
    'Please do not put sixteen year olds in bed and breakfasts.',
    'I want to know my housing options a year before I turn eighteen.',
  ],
  'leaving-care-local-offer': [
    'I did not know about the setting up home allowance until my friend told me.',
    'The local offer should be on an app, not a long leaflet.',
    'Free bus passes until twenty five would make a big difference.',
    'My personal adviser {name} always calls back, which really helps.',
  ],
  'changes-of-social-worker': [
    'I have had six social workers in two years and had to tell my story every time.',
    'When my social worker left nobody told me for a month.',
    'A handover meeting with the old and new worker would help.',
    'My social worker {name} has stayed for three years and she knows me.',
  ],
  health: [
    'Health assessments feel like a tick box and nobody explains the results.',
    'I would like to choose where my health check happens.',
    'Dentist appointments are hard to get after a move.',
    'The nurse {name} explained everything and let me ask questions.',
  ],
  'participation-and-rights': [
    'Children in care council meetings should be after school, not during.',
    'We want to help interview new staff.',
    'Young people should get paid for their time on panels.',
    'I want to know what the board did with what we said last time.',
  ],
  'family-time': [
    'Family time with my brother is only once a month and I miss him.',
    'Contact should be somewhere nicer than an office.',
    'I want to see my nan more often.',
    'My family time worker {name} makes it feel normal.',
  ],
  'placed-at-a-distance': [
    'I live two hours away and cannot see my friends from before.',
    'When you live far away the social worker visits less.',
    'Living out of area meant I lost my football team.',
    'My foster family {name} drive me back to see my friends every month.',
  ],
};

/**
 * The moderator's summary of each view above, same theme and order: what the board reads of a view its
 * author shares as a summary only. In the third person, with no names.
 */
export const SUMMARY_WORDS: Readonly<Record<string, readonly string[]>> = {
  'placement-stability': [
    'Moving placement three times in a year meant starting again with new friends each time.',
    'A move of placement brought a new school, which was the hardest part.',
    'They are happy with their carer and want to stay until they are eighteen.',
    'They ask to be told earlier about a planned move, to say goodbye properly.',
  ],
  'emotional-and-mental-health': [
    'They waited so long for counselling that they gave up.',
    'They want someone to talk to who is not their social worker.',
    'A wellbeing worker at college helped them more than anything else.',
    'Care leavers need help with anxiety as much as younger children do.',
  ],
  'education-and-attendance': [
    'Their education plan meetings happen without them being asked to take part.',
    'They missed weeks of school between placements and nobody helped them catch up.',
    'A tutor paid for by the virtual school helped their grades go up.',
    'Teachers should not say in front of the class that they are in care.',
  ],
  'accommodation-and-homelessness': [
    'The flat offered at seventeen was far from college and friends.',
    'Supported lodgings gave them time to learn to cook and budget.',
    'Sixteen-year-olds should not be placed in bed and breakfasts.',
    'They want to know their housing options a year before turning eighteen.',
  ],
  'leaving-care-local-offer': [
    'They only heard about the setting-up-home allowance from a friend.',
    'The local offer would be easier to use as an app than as a leaflet.',
    'Free bus travel until twenty-five would make a big difference.',
    'Their personal adviser always calls back, and that helps a lot.',
  ],
  'changes-of-social-worker': [
    'Many changes of social worker meant telling their story again each time.',
    'Nobody told them for a month that their social worker had left.',
    'A handover meeting with the old and the new worker would help.',
    'Their social worker has stayed for years and knows them well.',
  ],
  health: [
    'Health assessments feel like ticking boxes, and nobody explains the results.',
    'They would like to choose where their health check happens.',
    'It is hard to get a dentist appointment after a move.',
    'A nurse explained everything and let them ask questions.',
  ],
  'participation-and-rights': [
    'Children in care council meetings should be after school, not during it.',
    'Young people want to help interview new staff.',
    'Young people should be paid for their time on panels.',
    'They want to know what the board did with what young people said last time.',
  ],
  'family-time': [
    'Seeing their brother once a month is not enough.',
    'Family time should happen somewhere nicer than an office.',
    'They want to see their grandmother more often.',
    'Their family time worker makes it feel normal.',
  ],
  'placed-at-a-distance': [
    'Living two hours away, they cannot see the friends they had before.',
    'Social workers visit less when a child lives far away.',
    'Living out of area meant losing their football team.',
    'Their foster family drive them back each month to see their friends.',
  ],
};

/** The summary of a view given in the words of VIEW_WORDS[theme][i] (any {name} filled in). */
export function summaryOf(theme: string, template: string): string | undefined {
  const index = VIEW_WORDS[theme]?.indexOf(template) ?? -1;
  return index < 0 ? undefined : SUMMARY_WORDS[theme]?.[index];
}

/** A view the default screen flags (category: harm). Fictional, for the safeguarding path. */
export const FLAGGED_VIEW_WORDS = 'I do not like the new placement and honestly i dont feel safe at home anymore.';

/** A view the screen does not flag but a moderator reads as a possible concern and escalates. */
export const MODERATOR_ESCALATED_WORDS =
  'My new carers are nice but I go quiet when my uncle visits and I stay in my room until he leaves.';

export const QUESTION_TO_AUTHOR = 'Thank you. Which part of the review did you mean? Your answer stays private.';
export const ANSWER_FROM_AUTHOR = 'The part about moving school in the middle of exams.';

export const FIRST_NAMES = ['Dan', 'Amira', 'Jess', 'Tom', 'Priya', 'Kofi', 'Lena', 'Mo'] as const;
