// A board's theme codes in plain words for young readers (the default list; unknown codes are
// shown with their hyphens taken out).
const WORDS = {
  'help-and-protection': 'help and keeping safe',
  'placement-stability': 'where I live and moving home',
  'placed-at-a-distance': 'living far from home',
  'missing-and-exploitation': 'going missing and being used by others',
  'disabled-children': 'disabled children',
  'emotional-and-mental-health': 'feelings and mental health',
  'education-and-attendance': 'school and learning',
  health: 'health',
  'accommodation-and-homelessness': 'a place to live after care',
  'leaving-care-local-offer': 'leaving care',
  'changes-of-social-worker': 'my social worker',
  'family-time': 'seeing my family',
  'participation-and-rights': 'being listened to and my rights',
};

export function themeWords(code) {
  return WORDS[code] ?? code.replaceAll('-', ' ');
}
