import type { SafeguardingRule } from './screen.js';

// The screen's starting list, written for how children and young people actually write. A board can
// add its own phrases (local slang, place names) or replace the list. Phrases are plain words compared
// whole-word after normalisation; patterns are regular expressions over the normalised text (see
// screen.ts). This is a FIRST filter only: it errs towards flagging, and a moderator who reads a view
// the screen missed escalates it by hand.

// Who a young person names when they disclose harm ("my mum's boyfriend hits me" ends "boyfriend hits me").
const WHO =
  '(?:he|she|they|mum|dad|stepdad|stepmum|carer|carers|foster carer|foster mum|foster dad|nan|nana|gran|grandad|' +
  'grandma|grandpa|uncle|auntie|aunt|brother|sister|bro|sis|cousin|boyfriend|girlfriend|bf|gf|partner|staff|' +
  'worker|teacher|coach|someone|somebody|man|men|boys|lads|guys)';
// "he always hits me", "she used to hit me", "he has been hitting me".
const OFTEN =
  '(?:(?:always|sometimes|still|keeps|kept|used to|has|had|have|is|was|will|would|does|did|been|then|just|even|' +
  'also|often|started|starts|tries to|tried to|going to) )*';
const VIOLENCE =
  '(?:hit+(?:s|ing)?|beat(?:s|ing|en)?(?: up)?|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|slap+(?:s|ed|ing)?|' +
  'smack(?:s|ed|ing)?|whack(?:s|ed|ing)?|batter(?:s|ed|ing)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|' +
  'throttl(?:es|ed|ing)|hurt(?:s|ing)?|burn(?:s|ed|t|ing)?|bit|bites|biting|grab+(?:s|ed|ing)?|' +
  'push(?:es|ed|ing)?|shov(?:es|ed|ing)|stab+(?:s|ed|ing)?|belt(?:s|ed|ing)?)';
const VICTIM = '(?:me|us|my (?:mum|sister|brother|sis|bro|nan|little [a-z]+|baby [a-z]+|younger [a-z]+))';
// "my brother always beats me at fifa" is a game, not a disclosure.
const NOT_A_GAME =
  '(?! (?:at|in|on) (?:fifa|football|chess|cards|games?|pool|uno|monopoly|racing|running|swimming|xbox|' +
  'playstation|ps[0-9]|mario|fortnite|minecraft|roblox|tennis|[a-z]*ball|the game|a game|a race|the race))';
// "she hit me up last night" and "hit me back on snap" are messages, not blows.
const NOT_A_MESSAGE = '(?!(?<=hit+(?:s|ing)? (?:me|us)) (?:up|back (?:on|later|asap|tomorrow|tonight)))';
const FEAR = '(?:scar+ed|afraid|frightened|terrified|petrified)';
const HOME = '(?:at home|in the house|in my house|at my house|at my mums|at my dads|in my placement|at my placement)';

export const DEFAULT_SAFEGUARDING_RULES: readonly SafeguardingRule[] = [
  {
    category: 'suicide',
    phrases: [
      'kill myself',
      'end my life',
      'end my own life',
      'take my own life',
      'take my life',
      'end it all',
      'ending it all',
      'end myself',
      'off myself',
      'hang myself',
      'wish i was dead',
      'wish i were dead',
      'wish i was not alive',
      'wish i was never born',
      'better off dead',
      'better off without me',
      'no reason to live',
      'nothing to live for',
      'no point living',
      'no point in living',
      'cannot go on',
      'do not want to be alive',
      'do not want to exist',
      'do not want to wake up',
      'overdose',
      'overdosed',
      'sewerslide',
      'sewer slide',
    ],
    patterns: [
      // "killing myself laughing" is a British idiom; "killed myself" is never a first-person disclosure.
      'kil+(?:s|ing)? myself(?! laughing)',
      'want(?:s|ed|ing)? to (?:die|be dead|not exist|not be alive|disappear forever)',
      // kms, but not "5 kms".
      '(?<![0-9] )kms',
      'unalive(?:d|ing)?(?: myself| me)?',
      // suicide, suicidal and the usual misspellings (sucide, suiside, suicid); not the film.
      'su[aiy]?[sc]{1,2}[iy]?d(?:e|es|al|le)?(?! squad)',
      // "i dont want to live" but not "...live with my dad" or "...live here".
      'do not want to live(?! (?:with|in|at|near|there|here|somewhere|anywhere|on|by|far|close|so|too|where|next|alone))',
      'do not want to be here any ?more',
      '(?:took|take|taking|swallowed|swallow) (?:a lot of|loads of|all (?:my|the|of my|of the)|lots of|a load of|a packet of|a box of|too many) (?:pills|tablets|paracetamol|painkillers)',
      'jump (?:off|from) (?:a|the) (?:bridge|building|roof|cliff|car park)',
      '(?:jump|step|walk) in front of (?:a|the) (?:train|car|bus|lorry)',
    ],
  },
  {
    category: 'self-harm',
    phrases: [
      'self harm',
      'self harming',
      'self harmed',
      'harm myself',
      'harming myself',
      'hurt myself',
      'hurting myself',
      'burn myself',
      'burning myself',
      'scratch myself',
      'scratching myself',
      'make myself bleed',
      'until it bleeds',
      'starve myself',
      'starving myself',
      'make myself sick',
      'making myself sick',
      'make myself throw up',
      'bang my head',
      'banging my head',
      'punch walls',
      'punching walls',
    ],
    patterns: [
      // "cut myself a slice" is cake; "cut myself a lot" is not.
      'cut+(?:s|ing)? myself(?! (?:a|an|some) (?:slice|piece|bit of|sandwich|cake|bread))',
      'cut+(?:s|ing)? (?:my|me) (?:arms?|wrists?|legs?|thighs?|skin|stomach|belly|body)',
      // "sh" is how young people write self-harm: "relapsed sh", "6 months clean from sh".
      '(?:relapsed|relapse|relapsing|clean from|stopped) (?:sh|self harm|cutting)',
      '(?:started|doing|did|do|been|i|i still|i sometimes|i used to) sh',
      'sh (?:scars|cuts|again)',
      '(?:scars|cuts) on my (?:arms?|wrists?|legs?|thighs?)',
      '(?:hide|hid|hiding|keep|use|used|using) (?:my |the |a )?(?:blades?|razors?)',
    ],
  },
  {
    category: 'harm',
    phrases: [
      'not safe at home',
      'do not feel safe',
      'feel unsafe',
      'not safe where i live',
      'not safe in my placement',
      'not safe here',
      'scared to go home',
      'scared of going home',
      'scared to go back home',
      'afraid to go home',
      'frightened to go home',
      'domestic violence',
      'black eye',
    ],
    patterns: [
      `${WHO} ${OFTEN}${VIOLENCE} ${VICTIM}${NOT_A_GAME}${NOT_A_MESSAGE}`,
      '(?:got|get|was|been|getting) jumped',
      // "he hurts me when mum is at work" but not "it really hurts me when my social worker changes".
      '(?<!(?:^|[^a-z])(?:it|that|this|which)(?: really| so| just| kind of| always)? )hurts? me when',
      `i (?:get|got|am|was|have been|keep getting|been) (?:hit|punched|slapped|battered|beaten up|beat up|strangled|choked|stabbed|burnt|burned)`,
      `${FEAR} (?:to go|of going|to go back|of going back) (?:home|back home|to my placement|back to my placement)`,
      `${FEAR} (?:of|to be around|to be near|to be alone with) (?:him|her|them|my (?:mum|dad|stepdad|stepmum|carers?|foster (?:carers?|mum|dad)|uncle|aunt|auntie|brother|sister|cousin|nan|grandad|mums boyfriend|mums partner|dads girlfriend|dads partner|boyfriend|girlfriend))`,
      `do not want to go (?:back )?home (?:because|as|when|while|if)`,
      `(?:said|says|threatened|threatens|threatening)(?: that)?(?: to)? (?:he|she|they|hed|shed|theyd)?(?: would| will| is going to| was going to| going to| is| was)? ?(?:kill|hurt|stab|batter|beat|hit|burn) (?:me|us)`,
      `${WHO} (?:threw|throws|throwing|throw) (?:a |the |his |her |their )?[a-z]+ at (?:me|us)`,
      '(?:gave|give|gives|left) (?:me |us )?(?:a )?(?:black eye|bruises?|marks|a fat lip|a nosebleed|a nose bleed)',
      'lock(?:s|ed|ing)? (?:me|us) (?:in|out)(?! of (?:my|the) (?:account|phone|xbox|game|laptop|ipad|tablet|computer))',
      '(?:has|have|had|got|carries|carry|carrying|carried|pulled|pulls|pulled out) (?:a )?(?:knife|blade|machete|shank|gun)',
      '(?:told|tells|telling|said) (?:me )?to (?:kys|kill yourself|kill myself)',
    ],
  },
  {
    category: 'abuse',
    phrases: [
      'touched me down there',
      'our little secret',
      'keep it a secret',
      'told me not to tell',
      'said not to tell',
      'says not to tell',
      'sexually abused',
      'domestic abuse',
    ],
    patterns: [
      `${WHO} ${OFTEN}(?:touch|touches|touched|touching|feels|felt|grope|gropes|groped|groping) (?:me|us|my (?:privates?|private parts|body|bum|chest|boobs|bits|legs))`,
      `(?:made|makes|make|making|forced|forces|force|forcing|pressured|pressures|pressuring) (?:me|us) (?:to )?(?:do (?:things|stuff|sexual)|have sex|sleep with|watch (?:videos|porn|things|stuff|him|them)|touch (?:him|her|them))`,
      `${WHO} (?:comes|come|came|coming|gets|got|climbs) (?:into|in) my (?:room|bed) (?:at night|when)`,
      'rap(?:e|ed|es|ing)',
      '(?:abused|abusing|abuses) (?:me|us|my)',
      '(?:i was|i am|i have been|been|being|got|get) (?:sexually )?abused',
      '(?:is|was|are|were|gets|get|being|so|really) abusive',
      '(?:calls|called|calling|call) (?:me|us) (?:worthless|useless|a waste of space|a mistake)',
      '(?:says|said|tells|told) (?:me )?(?:i am|i was|we are) (?:worthless|a waste of space|a mistake)',
      '(?:wishes|wished) (?:i|we) (?:was|were|had) never (?:born|been born)',
      // Threats that keep a child quiet.
      '(?:hurt|kill|get|batter) (?:me|us|my (?:family|mum|dad|sister|brother|nan)) if (?:i|we) (?:tell|told|say|said|speak|grass|snitch)',
    ],
  },
  {
    category: 'neglect',
    phrases: [
      'not been fed',
      'go to bed hungry',
      'going to bed hungry',
      'went to bed hungry',
      'hungry all the time',
      'no clean clothes',
      'same clothes every day',
      'same clothes for days',
      'sleep on the floor',
      'no bed to sleep in',
      'locks the fridge',
      'locked the fridge',
      'not allowed to eat',
    ],
    patterns: [
      '(?:nobody|no one) (?:feeds|fed|feed|cooks for|makes food for|gives food to|looks after|look after|looked after) (?:me|us)',
      `(?:no|not any|never any) food ${HOME}`,
      `(?:no|not any|never any) food in the (?:fridge|cupboards?)`,
      `nothing to eat (?:${HOME}|for days|since)`,
      '(?:have|has|had) not eaten (?:for|in) (?:days|ages|[0-9]+ days|two days|three days)',
      '(?:leaves|left|leave|leaving) (?:me|us|my (?:little |baby |younger )?(?:brother|sister|bro|sis)) (?:at home )?(?:on (?:my|our|his|her|their) own|alone|by (?:myself|ourselves))',
      '(?:on (?:my|our) own|by (?:myself|ourselves)) (?:for|all) (?:days|the weekend|weekend|night|nights|the night)',
      'home alone (?:for|all|every)',
      '(?:forgets|forgot|forget|forgetting) to (?:feed|give food to|make food for) (?:me|us)',
      '(?:never|not ever) (?:have|got|get|any) (?:any )?food',
      `no (?:electric|electricity|gas|heating|hot water|water) (?:${HOME}|for (?:days|weeks)|again)`,
      `${WHO} (?:is|are|gets|get|was|were|comes home|came home) (?:always |usually |often |too |so )?(?:drunk|stoned|wasted|off (?:her|his|their) (?:head|face)|high (?:all the time|every day|every night|again|on))`,
      'too (?:drunk|high|wasted) to',
    ],
  },
  {
    category: 'running-away',
    // Missing from care, and being away from home with nowhere safe to sleep.
    phrases: [
      'run away again',
      'running away',
      'missing episode',
      'missing from care',
      'missing from home',
      'missing from my placement',
      'stayed out all night',
      'stay out all night',
      'staying out all night',
      'sleeping rough',
      'slept rough',
      'sleep rough',
      'sleeping on the street',
      'sleeping on the streets',
      'slept on the street',
      'slept on the streets',
      'nowhere to sleep',
      'nowhere to stay',
      'sofa surfing',
    ],
    patterns: [
      // "our dog ran away" and "we ran away with the match" are not running away from care.
      '(?<!(?:dog|cat|puppy|kitten|hamster|rabbit|bunny|horse|pony|ball|tortoise|budgie|bird|pet) )ran away(?! with)',
      '(?:want|wanted|wants|going|planning|plan|thinking of|thinking about|think about|about|will|might|could|should|tried|try|trying|to|gonna) (?:to )?run(?:ning)? away',
      'run(?:ning)? away from (?:my )?(?:placement|home|care|foster|the home|carers|the unit|my carers)',
      '(?:i|we|me) (?:(?:have|had|keep|kept|sometimes|always|often|just|then|been|also|usually|nearly|almost) )*(?:went|go|going|gone|goes|been|got|get) missing',
      // "i was missing for 3 days", not "i was missing my mum".
      '(?:i|we) (?:was|were) missing (?:for|from|overnight|all night|again|when|and|until)',
      'reported (?:me |us )?missing',
      'slept in (?:a|the) (?:park|stairwell|car|tent|bus station|train station)',
      'kicked (?:me |us )?out(?: of (?:home|the house|my house|my placement|my flat|my mums|my dads))?(?! of)',
      '(?:i am|i was|i will be|going to be|made|become|becoming|basically|nearly|about to be) homeless',
    ],
  },
  {
    category: 'exploitation',
    phrases: [
      'county lines',
      'going country',
      'go country',
      'went country',
      'gone country',
      'trap house',
      'cuckooed',
      'work it off',
      'asked for nudes',
      'send nudes',
      'sent nudes',
    ],
    patterns: [
      'older (?:boys|lads|men|man|guys|guy|girls|kids|people|friends|mates|ones) (?:[a-z]+ ){0,2}(?:give|gives|gave|giving|buy|buys|bought|buying|pick|picks|picked|take|takes|took|taking|send|sends|sent) (?:me|us) (?:stuff|things|money|cash|weed|drugs|free [a-z]+|a phone|a new phone|phones|new [a-z]+|lifts?|up|to|places|presents|gifts|food|alcohol|drink|vapes?|cigs|fags|clothes|trainers)',
      '(?:made|make|makes|making|force|forced|forces|forcing|told|tell|tells) (?:me|us) (?:to )?(?:sell|deal|carry|hold|move|deliver|run|stash|hide) (?:drugs|weed|stuff|packages|parcels|bags|gear|things|food|phones?|knives|a knife)',
      '(?:hold|holding|held|carry|carrying|carried|sell|selling|sold|deliver|delivering|delivered|stash|stashing) (?:drugs|stuff|packages|parcels|bags|weed|gear|things|phones?) for (?:them|him|older [a-z]+|some (?:lads|boys|men|guys|people)|these [a-z]+|those [a-z]+|lads|boys|men|guys)',
      '(?:owe|owes|owed) (?:them|him|some people|these people|those people|people|a dealer|dealers?) (?:money|a lot|loads|cash)',
      '(?:man|men|guy|boy|girl|lady|woman|someone|somebody|person|people) (?:i |we )?(?:met|talk to|talking to|chat to|chatting to|speak to|speaking to) (?:online|on snap|on snapchat|on insta|on instagram|on tiktok|on discord|on roblox|on xbox|on fortnite|in a game)',
      '(?:asks|asked|asking|ask|wants|wanted|want) (?:me )?(?:for|to send|to send him|to send her|to send them) (?:nudes|pics|pictures|photos|videos)(?: of me)?',
      '(?:made|makes|make|making|forced|forces|force|told|tells|tell) (?:me|us) (?:to )?send (?:him |her |them )?(?:pics|pictures|photos|nudes|videos)',
      // An adult partner of a child: "my boyfriend is 24 and im 14".
      '(?:boyfriend|bf|girlfriend|gf|partner) is (?:1[89]|[2-9][0-9]) and (?:i am|i was) (?:1[0-5]|[0-9])',
      '(?:stay|staying|stayed|sleep|sleeping|slept|go|going|went) (?:at|round|over at|to) (?:a|an|this|some) (?:older )?(?:mans|guys|mens|lads) (?:flat|house|place)',
      '(?:sends|sent|send|gives|gave) me (?:money|cash|gifts|presents|vouchers|robux|v bucks|vbucks)(?: and| to| so| but| if| for)',
      '(?:threatening|threatened|threatens|threaten) to (?:share|send|post|leak|show) (?:my|me|the|our) (?:pics|pictures|photos|nudes|videos|private)',
      '(?:take|takes|took|taken|taking) (?:me |us )?to (?:parties|hotels|flats|houses) (?:with|where|and|for)',
    ],
  },
];
