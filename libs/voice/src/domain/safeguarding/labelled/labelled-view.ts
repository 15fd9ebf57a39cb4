/**
 * One view of the safeguarding screen's labelled set, written for this product in the way children in
 * care and care leavers (8 to 25) write on a phone: lower case, text-speak, slang, misspellings, regional
 * words ("me mam", "fella"), half sentences. Every one is invented; any likeness to a real person is
 * chance. They are test data: never logged, never printed outside a developer's own terminal.
 *
 * A view is either a disclosure, with the harm it discloses, or a near miss that must pass the screen,
 * with what makes it look like one.
 *
 * Harms (what a safeguarding lead would want to read today):
 * - suicide: wanting to die, plans, attempts; direct ("i want to kill myself"), indirect ("everyone
 *   would be better off"), slang ("kms", "unalive", "sewerslide"), text-speak and misspellings.
 * - self-harm: cutting, burning, hitting oneself, starving or making oneself sick, relapse.
 * - physical-abuse: a carer, parent, partner or adult hitting, kicking, choking, burning... the writer
 *   or someone else in the home (a sibling, a parent: domestic abuse).
 * - sexual-abuse: touching, rape, being made to do or watch sexual things, an adult in a child's bed.
 * - emotional-abuse: threats, being told they are worthless or unwanted, cruel punishment, fear.
 * - neglect: no food, no heat, no bed, no care, medical needs ignored, left alone, a parent too drunk.
 * - exploitation: criminal (county lines, holding, owing a debt) and sexual (older "boyfriends",
 *   gifts, parties, hotels), grooming.
 * - missing: running away, going missing, sleeping rough or sofa surfing, not returning.
 * - online-harm: sextortion, requests for images, strangers wanting to meet, images shared,
 *   threats and "kill yourself" messages online.
 *
 * Near misses (words that sit close to a disclosure and must not be flagged):
 * - idiom: "this is killing me", "i'd die for", "i'm dead lol", "my phone died".
 * - injury: sport, play and everyday accidents ("got kicked at football").
 * - game: video games, board games, sport scores ("he kills me in fortnite", "we got battered 5-0").
 * - learning: workshops, training, lessons, talks about harm ("a workshop on exploitation").
 * - news: news, films, books, programmes, social media about harm.
 * - advocacy: what the board should do for young people at risk, in general.
 * - everyday: ordinary home and care life, including the safe side of a harm ("i feel safe here").
 */
export type Harm =
  | 'suicide'
  | 'self-harm'
  | 'physical-abuse'
  | 'sexual-abuse'
  | 'emotional-abuse'
  | 'neglect'
  | 'exploitation'
  | 'missing'
  | 'online-harm';

export type NearMiss = 'idiom' | 'injury' | 'game' | 'learning' | 'news' | 'advocacy' | 'everyday';

export const HARMS: readonly Harm[] = [
  'suicide',
  'self-harm',
  'physical-abuse',
  'sexual-abuse',
  'emotional-abuse',
  'neglect',
  'exploitation',
  'missing',
  'online-harm',
];

export const NEAR_MISSES: readonly NearMiss[] = ['idiom', 'injury', 'game', 'learning', 'news', 'advocacy', 'everyday'];

export type LabelledView =
  | { readonly id: string; readonly text: string; readonly harm: Harm }
  | { readonly id: string; readonly text: string; readonly near: NearMiss };

/** A disclosure: the screen must flag it. */
export const disclosure = (id: string, harm: Harm, text: string): LabelledView => ({ id, text, harm });

/** A near miss: the screen must let it pass. */
export const nearMiss = (id: string, near: NearMiss, text: string): LabelledView => ({ id, text, near });

export const isDisclosure = (view: LabelledView): view is Extract<LabelledView, { harm: Harm }> => 'harm' in view;
