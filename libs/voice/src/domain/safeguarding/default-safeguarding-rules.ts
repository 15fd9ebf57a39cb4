import type { SafeguardingRule } from './screen.js';

// The screen's starting list, written for how children and young people actually write, and measured
// against the labelled set in labelled/ (docs/adr/0015-safeguarding-screen.md). A board can add its
// own phrases (local slang, place names) but never remove these. Phrases are plain words compared
// whole-word after normalisation; patterns are regular expressions over the normalised text (lower
// case, text-speak spelt out: see screen-text.ts), tried on each reading of a view, its lemmas included
// ("he was hitting me" is also read "he is hit me"). `unless` sets aside a match that lies wholly
// inside an innocent context: a game, a sport, an idiom, a lesson or a film about harm, what the board
// should do for young people in general. Those contexts never reach across "i", "me", "my" or "we":
// "the film made me want to kill myself" still flags.
//
// This is a FIRST filter: it errs towards flagging (every flagged view is read by the safeguarding
// lead, and a false alarm is closed with "no further action"), and a moderator reads every view anyway.

const alt = (...words: readonly string[]) => `(?:${words.join('|')})`;
const words = (text: string) => text.trim().split(/\s*\|\s*/u);
const list = (text: string) => alt(...words(text));
/** One pattern per group of `size` words, so each stays under the screen's 2,000 characters. */
const inGroups = (all: readonly string[], size: number, build: (group: string) => string) =>
  Array.from({ length: Math.ceil(all.length / size) }, (_, i) => build(alt(...all.slice(i * size, (i + 1) * size))));
/** Up to n more words, none of them the writer ("i", "me", "my", "we"...) except "to me", "with us". */
const othersGap = (n: number) =>
  `(?: (?:to|with) (?:me|us)| (?!(?:i|me|my|myself|mine|we|our|us|ourselves)(?![a-z0-9]))[a-z0-9]+){0,${n}}`;

// Who harms: family, carers, partners, adults around a child.
const RELATIVE = list(`
  mum | mums | mam | mom | mother | dad | dads | father | stepdad | stepmum | stepfather | stepmother |
  stepbrother | stepsister | parent | parents | carer | carers | nan | nana | nanna | gran | granny | grandma |
  grandad | grandpa | grandfather | grandmother | uncle | auntie | aunty | aunt | brother | sister | bro | sis |
  cousin | boyfriend | girlfriend | bf | gf | fella | partner | husband | wife | son | daughter | staff |
  worker | teacher | coach | neighbour | lodger | landlord`);
const AGENT = `(?:he|she|they|someone|somebody|man|men|lad|lads|guy|guys|lady|woman|${RELATIVE})`;
// What may stand between who and what they do: "he always hits me", "she has been hitting me". Never a
// negation: "my foster mum never hits us" is not a disclosure.
const OFTEN =
  '(?:(?:always|sometimes|still|keeps|keep|kept|used to|use to|has|had|have|is|was|are|were|will|would|does|' +
  'did|do|been|then|just|even|also|often|usually|normally|really|properly|literally|actually|constantly|' +
  'started|starts|start|tries to|tried to|try to|going to|likes to|wants to|gets|get|got|and|again|all|both) ){0,4}';
const PHYSICAL_WORDS = words(`
  hit | hits | hitting | hiting | hitt | hitts | hittin | punch | punches | punched | punching | kick | kicks | kicked | kicking |
  slap | slaps | slapped | slapping | smack | smacks | smacked | smacking | whack | whacks | whacked | whacking |
  wack | wacks | wacked | beat | beats | beating | beaten | batter | batters | battered | battering |
  choke | chokes | choked | choking | strangle | strangles | strangled | strangling | throttle | throttles |
  throttled | hurt | hurts | hurting | burn | burns | burnt | burned | burning | grab | grabs | grabbed |
  grabbing | push | pushes | pushed | pushing | shove | shoves | shoved | shoving | stab | stabs | stabbed |
  stabbing | bite | bites | bit | biting | pinch | pinches | pinched | pinching | scratch | scratches |
  scratched | scratching | squeeze | squeezes | squeezed | twist | twists | twisted | drag | drags | dragged |
  dragging | slam | slams | slammed | slamming | belt | belts | belted | belting | thump | thumps | thumped |
  thumping | headbutt | headbutts | headbutted | headbutting | attack | attacks | attacked | attacking |
  assault | assaults | assaulted | throw | throws | threw | thrown | throwing | chuck | chucks | chucked |
  strike | strikes | struck | bash | bashes | bashed | lamp | lamped | leather | leathered | deck | decked |
  floor | floored | boot | booted | restrain | restrains | restrained | pin | pins | pinned | shake | shakes |
  shook | shaking | spit on | spat on | stamp on | stamped on | stamps on`);
const PHYSICAL = alt(...PHYSICAL_WORDS);
const HARMED_WORDS = words(`
  hit | punched | kicked | slapped | smacked | whacked | wacked | beat | beaten | battered | strangled | choked |
  hurt | burnt | burned | pushed | shoved | stabbed | bitten | pinched | thrown | restrained | attacked |
  assaulted | belted | headbutted | jumped | bashed | leathered | decked | slammed | dragged | grabbed | beat up |
  beaten up | knocked about | knocked around`);
const KIN = list(`
  mum | mam | dad | sister | brother | sis | bro | nan | nana | gran | grandad | baby | siblings | brothers |
  sisters | stepbrother | stepsister | cousin | cousins | dog | cat | pet | puppy | kitten`);
const BODY = list(`
  hand | hands | arm | arms | face | head | leg | legs | back | neck | throat | hair | stomach | belly | chest |
  ribs | nose | eye | eyes | mouth | wrist | wrists | finger | fingers | ear | ears`);
const VICTIM =
  `(?:me|us|him|her(?! (?:own|self|back|knee|leg|arm|ankle|wrist|foot|head|hand|shoulder|neck|finger|toe|hip))|` +
  `the (?:baby|kids|little ones|dog)|(?:my|our) (?:(?:little|baby|younger|big|older|twin|half|foster|new) )?${KIN}|` +
  `mum|mam|dad|nan|my ${BODY})`;
// "my brother always beats me at fifa" is a game, not a disclosure.
/** Who did it, before an innocent context: "i went missing from the group for five minutes". */
const SUBJECT = '(?:(?:i|we|he|she|they|me|us|my [a-z]+) (?:[a-z]+ ){0,2})?';
const GAMES =
  'fifa|football|chess|cards|games?|pool|snooker|darts|uno|monopoly|scrabble|racing|running|swimming|xbox|' +
  'playstation|ps[0-9]|mario(?: kart)?|fortnite|minecraft|roblox|tennis|[a-z]*ball|cod|warzone|call of duty|' +
  'among us|the game|a game|a race|the race|arm wrestling|wrestling|boxing|judo|karate|pillow fights?|table tennis';
const NOT_A_GAME = `(?! (?:at|in|on|playing)(?: [a-z]+){0,2} (?:${GAMES})(?![a-z]))`;
// "she hit me up last night" and "hit me back on snap" are messages, not blows.
const NOT_A_MESSAGE = '(?!(?<=hit+(?:s|ing)? (?:me|us)) (?:up|back (?:on|later|asap|tomorrow|tonight|when|in|after)))';
const FEAR = '(?:scar+ed|afraid|frightened|terrified|petrified|scared shitless)';
const HOME =
  '(?:at home|in the house|in my house|at my house|at my mums|at my dads|in my placement|at my placement|here)';
const TELL = '(?:tell|told|telling|say|said|speak|grass|snitch|report|go to the police|tell anyone|tell my)';
const PICS = '(?:pics|pictures|photos|nudes|nude|videos|vids|images|selfies|pic|picture|photo|video)';
const ONLINE =
  '(?:online|on (?:snapchat|instagram|tiktok|discord|roblox|xbox|fortnite|whatsapp|facebook|omegle|minecraft|' +
  'a game|twitter|x|telegram|kik|wizz|yubo|twitch|reddit|youtube|the internet|the game|a server))';
const STRANGER =
  '(?:man|men|guy|guys|lad|lads|boy|boys|girl|girls|woman|women|someone|somebody|stranger|strangers|adult|' +
  'adults|person|people|grown man|grown men|grown up|older (?!(?:sister|brother|cousin|sis|bro)s?(?![a-z]))[a-z]+|olders)';

// Innocent contexts every rule sets aside: talk, teaching, films, books and news about harm, and what
// young people in general need. None reaches across the writer's own words (see othersGap).
const FRAME = list(`
  talk | talks | talked | talking | workshop | workshops | session | sessions | training | trained | course |
  courses | lesson | lessons | assembly | assemblies | learn | learns | learnt | learned | learning | teach |
  teaches | taught | quiz | project | projects | poster | posters | leaflet | leaflets | documentary |
  documentaries | film | films | movie | movies | programme | programmes | show | series | episode | book |
  books | novel | story | stories | article | articles | news | newspaper | podcast | play | song | songs |
  lyrics | essay | studying | study | degree | awareness | prevention | campaign | charity | speaker | pshe |
  drama | presentation | research | read | saw a post | watched | heard about | explained | explain |
  eastenders | hollyoaks | character | characters | netflix | youtuber | tiktok said | survived | experience of`);
const GENERAL_SUBJECT =
  '(?:(?:no|every|any|all|most|many|some|other|lots of|loads of|more|fewer|less|how many) )?' +
  '(?:kids|kid|children|child|young people|young person|people|care leavers|care leaver|teenagers|teens|young men|' +
  'young women|girls|boys|victims|pupils|students|anyone|everyone|a friend|friends|others|those|someone)';
const GENERAL_VERB =
  '(?: in care| who| that| are| is| go| goes| get| gets| getting| being| will| would| should| shouldnt| should not| ' +
  'need| needs| dont| do not| have| has| can| cant| cannot| deserve| deserves| must| to| at risk| like| who are| ' +
  'end up| ending up| says| say| think| thinking| feel| feeling| struggle| struggling| suffer| suffering)';
const GENERAL = [
  `${FRAME}${othersGap(8)}`,
  `${GENERAL_SUBJECT}${GENERAL_VERB}${othersGap(8)}`,
  `(?:the board|the council|councils|social workers|social services|carers|foster carers|staff|police|schools|` +
    `the government|you) (?:should|shouldnt|should not|need to|needs to|must|could|can|have to|ought to)${othersGap(8)}`,
  `please (?:stop|make sure|fund|help|do|support|protect|give|train)${othersGap(8)}`,
];

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
      'hanging myself',
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
      'never wake up',
      'not wake up',
      'overdose',
      'overdosed',
      'sewerslide',
      'sewer slide',
      'tired of living',
      'tired of being alive',
      'tired of life',
      'sick of living',
      'sick of being alive',
      'done with life',
      'done with living',
      'sleep forever',
      'no way out',
      'goodbye letters',
      'goodbye letter',
      'goodbye notes',
      'suicide note',
    ],
    patterns: [
      'kil+(?:s|ing)? myself',
      `(?<!(?:they|he|she|you|someone|somebody|people|friend|friends|mate|mates) )(?:want|wants|wanted|wanting|wish|wished|need|ready|planning|plan|deserve|going|gonna|trying|tried|try|about) to (?:die|be dead|not exist|not be alive|not be here|disappe?ar forever|disap+ear forever|end it|end things|end everything|go to sleep forever|sleep forever|be with [a-z]+ in heaven|go to heaven|kill myself|kms|unalive myself|od|overdose|jump)`,
      // kms, but not "5 kms".
      '(?<![0-9] )kms',
      'unaliv(?:e|es|ed|ing)(?: myself| me| my self)?',
      // suicide, suicidal and the usual misspellings (sucide, suiside, suicid, suicidle); not the film.
      'su[aiy]?[sc]{1,2}[iy]?d(?:e|es|al|le|el|ial)?(?! squad)',
      // "i dont want to live" but not "...live with my dad" or "...live here".
      'do not want to live(?! (?:with|in|at|near|there|here|somewhere|anywhere|on|by|far|close|so|too|where|next|alone))',
      'do not want to be (?:here|alive|around) any ?more',
      '(?:took|take|taking|swallowed|swallow|took an|taken|gonna take|going to take) (?:a lot of|loads of|all (?:my|the|of my|of the)|lots of|a load of|a packet of|a box of|too many|a bunch of|an|more of my|extra) ?(?:pills|tablets|paracetamol|painkillers|meds|medication|overdose|od)',
      '(?:jump|jumping|jumped|throw myself) (?:off|from) (?:a|the|that) (?:bridge|building|roof|cliff|car park|multi storey|multistorey|block of flats|balcony|tower|top floor|flats)',
      '(?:jump|step|stepping|walk|walking|throw myself|lie|lay) in front of (?:a|the) (?:train|car|bus|lorry|truck)',
      '(?:stood|standing|stand|sat|sitting|was) on (?:the|a) (?:edge|bridge|ledge|roof|cliff|railway|tracks|train tracks)',
      '(?:nearly|almost|going to|gonna|want to|wanted to) jump(?:ed)?(?! (?:in|into|on|up|for|out of|the queue))',
      'i (?:wish|want|wanted) (?:i was|i were|to be|i could be) dead',
      'i should (?:just )?(?:die|be dead|kill myself|disappear|not exist|not be here|not be alive)',
      '(?:life|living|my life) (?:is not|isnt|is|was) (?:worth (?:living|it)|pointless|meaningless|not worth it)',
      '(?:do not|cannot|cant) see (?:the|any) point (?:in|of)? ?(?:living|life|being here|being alive|going on|anymore|any more)',
      'no point (?:in )?(?:being here|being alive|going on|me being here|carrying on)',
      'want (?:it|this|everything|it all|the pain|life) (?:all )?to (?:stop|end|be over)',
      '(?:cannot|cant) (?:do this|do it|take it|take this|cope|go on|carry on) any ?more',
      '(?:happier|better off|easier|better) (?:[a-z]+ ){0,3}(?:without me|if i (?:was|were|am|wasnt|was not|werent|were not) (?:not )?(?:here|around|alive|gone|dead|born))',
      '(?:nobody|no one|anyone|no body|noone|everyone|they|people) (?:would|will|wud|wld)(?: even| not| ever)? (?:care|notice|miss me|cry|be sad|be happier|be better)',
      '(?:if|when|once) i (?:was|were|am) (?:gone|dead|not here|not around|no longer here)',
      'if i (?:died|die|disappeared|killed myself|was not here|wasnt here|was not around|was not alive)',
      '(?:not|never) (?:be|going to be|gonna be) (?:around|here|alive) (?:much )?(?:longer|any ?more|for long|next (?:week|month|year)|tomorrow|by)',
      '(?:will not|wont|wo not) be (?:here|around|alive) (?:much )?(?:longer|any ?more|for long|next (?:week|month|year)|tomorrow|soon|by)',
      '(?:thoughts|thinking|think|thought|thinks|dream|dreaming|obsessed) (?:about|of) (?:not being (?:here|around|alive)|dying|death|ending it|ending my life|killing myself|suicide|unaliving|hanging myself|jumping|taking my life|taking my own life|ways to die)',
      '(?:ways|way|how) to (?:die|kill myself|end it|end my life|hang myself|overdose|od)',
      '(?:fastest|easiest|quickest|painless|best|quick) way to (?:die|go)',
      'how many (?:tablets|pills|paracetamol|painkillers) (?:it takes|to|would|does it|do you need)',
      '(?:saved|saving|save|stockpiling|stockpiled|hiding|hid|hoarding|hoarded|collecting|collected|kept) (?:up )?(?:my |all my |loads of |some |the )?(?:pills|tablets|meds|medication|paracetamol|painkillers)',
      'where (?:my |his |her |dads |mums |the )?(?:pills|tablets|meds|medication|paracetamol|painkillers) (?:are|is|were)',
      '(?:a |my |the )?rope (?:in|under|hidden|for when|ready|round|around|tied)',
      '(?:given|gave|giving|give) (?:away )?(?:my|all my) (?:stuff|things|belongings|clothes|games|stuff) (?:away|to)',
      '(?:will not|wont|do not|dont) need (?:it|them|my stuff|anything) (?:soon|anymore|any more|where i am going)',
      '(?:said|saying|say) goodbye to (?:everyone|everybody|my|all)',
      '(?:attempt|attempted|attempts|attempting) (?:on my life|suicide|to kill myself|to end my life|to end it)',
      'tried to (?:kill|hang|end|od|overdose|unalive|drown|strangle|suffocate) (?:myself|it|my life)',
      '(?:tried|try|trying) to od',
      '(?:be with|join) (?:my )?[a-z]+ in heaven',
      'i (?:am|feel) (?:so )?(?:done|finished) with (?:everything|it all|life|living)',
      'slit (?:my )?(?:wrists?|throat)',
      // Not squeezed like a phrase: "noose" is not "nose".
      'no{2,}se',
    ],
    unless: [
      ...GENERAL,
      'kil+(?:s|ed|ing)? myself (?:laughing|with laughter)',
      '(?:[a-z]+ ){0,4}(?:die|died|dying|dead) (?:of|from|with) (?:boredom|embarrassment|laughter|laughing|shame|cringe|hunger|the heat|the cold)',
      '(?:phone|battery|tablet|xbox|laptop|ipad|switch|controller|charger|screen|computer)s? (?:[a-z]+ ){0,2}(?:dead|died|dying)',
      'jump(?:ed)? (?:off|from) (?:the|a) (?:diving board|pier|rocks|wall|trampoline|swing|sofa|bed)',
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
      'till it bleeds',
      'starve myself',
      'starving myself',
      'make myself sick',
      'making myself sick',
      'make myself throw up',
      'making myself throw up',
      'punch walls',
      'punching walls',
      'punch the wall',
      'punching the wall',
      'hit myself',
      'hitting myself',
      'punch myself',
      'punching myself',
      'bite myself',
      'biting myself',
      'drink bleach',
      'drank bleach',
    ],
    patterns: [
      // "cut myself a slice" is cake; "cut myself a lot" is not.
      'cut+(?:s|ing)? myself(?! (?:a|an|some) (?:slice|piece|bit of|sandwich|cake|bread))',
      'cut+(?:s|ing)? (?:my|me) (?:arms?|wrists?|legs?|thighs?|skin|stomach|belly|body|hips?|ankles?)',
      // "sh" is how young people write self-harm: "relapsed sh", "6 months clean from sh".
      '(?:relapsed|relapse|relapsing) (?:on |with |into )?(?:sh|self harm|cutting|harming)',
      '(?:clean from|clean of|stopped|quit) (?:sh|self harm|cutting|harming)',
      '(?:[0-9]+|days?|weeks?|months?|years?) clean',
      '(?:started|doing|did|do|been|i|i still|i sometimes|i used to|my) sh',
      'sh (?:scars|cuts|again|urges|is|helps|marks)',
      '(?:scars|cuts|marks|burns) (?:on|all over|up) my (?:arms?|wrists?|legs?|thighs?|stomach|body|hips?)',
      '(?:fresh|new|deep|old) (?:cuts|scars)',
      '(?:scars|cuts|marks) from (?:cutting|sh|self harm|harming|the blade|blades|razors?|burning)',
      'covered in (?:scars|cuts)',
      '(?:see|sees|seeing|saw|hide|hiding|hid|cover|covering|covered) (?:the |my )?(?:cuts|scars|marks|burns)',
      '(?:hide|hid|hiding|keep|use|used|using|found|find|got|have|box of|took|take|buy|bought) (?:my |the |a |some )?(?:blades?|razors?|razor blades?|sharpener blades?)',
      '(?:razor|blade|blades|razors|sharpener|compass|scissors|glass) (?:on|to|into|across|over) my',
      '(?:been|started|start|keep|kept|still|stop|stopped|am|i|i keep|i have been|again) cutting(?! (?:the|a|an|my hair|hair|onions|paper|out|in|back|down|up|class|school|lessons|it|off|through|across|corners|the grass|grass))',
      'cutting (?:is|was|helps|again|myself|my)',
      '(?:burn|burns|burnt|burned|burning) (?:my (?:arms?|wrists?|legs?|thighs?|skin|stomach|hands?)) (?:with|using)',
      '(?:scratch|scratches|scratching|scratched|pick|picks|picking|picked) (?:at )?(?:myself|my (?:skin|arms?|legs?|face|wrists?)) (?:until|till|til|so|and|with)',
      '(?:until|till|til) (?:it|they|my [a-z]+) (?:bleeds?|bled|bleeding)',
      '(?:bang|bangs|banging|banged|hit|hitting|hits|smash|smashing) my head (?:against|on|off|into) (?:the |a )?(?:wall|walls|floor|door)',
      '(?:carve|carves|carved|carving) (?:[a-z]+ ){0,2}(?:into|in|on) my',
      '(?:tie|tied|ties|tying|put|putting) (?:[a-z]+ ){0,2}(?:round|around) my (?:neck|throat)',
      '(?:make|makes|made|making) myself (?:sick|throw up|vomit|puke|bleed)',
      '(?:stopped|stop|not|no longer) eating (?:so|to|because|cos|on purpose|for days|again)',
      '(?:take|took|taking) (?:more|too many|extra|loads|double) (?:of )?(?:my )?(?:meds|medication|tablets|pills)',
      '(?:hurt|harm|punish)(?:s|ing)? (?:myself|my self) (?:on purpose|so|to|when|because|cos|as)',
    ],
    unless: [
      ...GENERAL,
      `${SUBJECT}cut+(?:s|ing)? myself (?:shaving|on|by accident|accidentally|cooking|chopping|when i fell|falling|with a knife (?:when|while|cooking))`,
      `${SUBJECT}hurt(?:s|ing)? myself (?:falling|fell|playing|at|on (?:the|a)|when i fell|tripping|skating|by accident|accidentally|in (?:pe|training|football|rugby|the gym)|doing)`,
      '(?:fell|fall|falling|tripped|slipped|crashed)(?: [a-z]+){0,6} (?:cut|hurt|burnt|burned|scratched|bruised)(?: [a-z]+){0,3}',
      'cut (?:my|me) [a-z]+ open',
      '(?:[0-9]+|days?|weeks?|months?|years?) clean (?:from|off) (?:drugs|weed|vaping|smoking|alcohol|drinking|fizzy)',
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
      ...inGroups(
        PHYSICAL_WORDS,
        12,
        (verbs) =>
          `${AGENT} ${OFTEN}${verbs}(?: up| down| over| round| about| around)? ${VICTIM}${NOT_A_GAME}${NOT_A_MESSAGE}`,
      ),
      ...inGroups(
        HARMED_WORDS,
        10,
        (harmed) =>
          `(?:i|we|me|us|my (?:(?:little|baby|younger|big|older|twin|half) )?${KIN}|mum|mam) ${OFTEN}(?:get|gets|got|getting|was|were|am|is|are|been|being|have been|has been) ${OFTEN}${harmed}(?= (?:by (?:my |me |his |her |their |a |an |the |some |this |that )?(?:${AGENT}|older [a-z]+)|at home|in the house|at my|in my|if|when|whenever|for|with (?:a|the|his|her|their|my) (?:belt|slipper|spoon|wooden spoon|stick|hoover|lead|wire|shoe|hand|cable|hanger|bat|fist|plate|remote|phone)|off (?:my|me|him|her|them|his)|every|all the time|again|loads|a lot|so bad|really bad|badly|daily|most days|$))`,
      ),
      '(?:got|get|was|been|getting) jumped',
      // "he hurts me when mum is at work" but not "it really hurts me when my social worker changes".
      '(?<!(?:^|[^a-z])(?:it|that|this|which)(?: really| real| so| just| kind of| always)? )hurts? me when',
      `(?:black eyes?|bruises?|bruised|marks|welts?|a fat lip|a split lip|a nosebleed|burns?)(?: (?:on|all over|up) (?:my|me|her|his) [a-z]+)? (?:off|from(?: where)?|cos|because|cause) (?:of )?(?:my |me |his |her |the |a )?(?:${AGENT}|belt|the belt|slipper|him|her|them|where (?:he|she|they))`,
      '(?:gave|give|gives|left) (?:me |us )?(?:a )?(?:black eye|bruises?|marks|a fat lip|a nosebleed|a nose bleed)',
      '(?:put|puts|putting|has|had|wraps|wrapped) (?:his|her|their|both) hands? (?:round|around|on) (?:my|me|her|his) (?:neck|throat)',
      '(?:pulls|pulled|pulling|pull|drags|dragged|dragging|yanks|yanked) (?:me |us )?(?:by |out by |across the floor by )?(?:my|our|her) hair',
      '(?:twist|twists|twisted|twisting) my arm',
      '(?:threw|throws|thrown|throwing|chucked|chucks|chuck|throw|slammed|slams|pushed|pushes|shoved) (?:me|us|my [a-z]+) (?:against|into|across|down|onto|on) (?:the|a|my)',
      `${AGENT} (?:threw|throws|throwing|throw|chucked|chucks|lobbed) (?:a |the |his |her |their |my |our )?(?:[a-z]+ ){0,2}at (?:me|us|my|our|her|him)`,
      '(?:kneel|kneels|kneeled|knelt|kneeling|sat|sits|sitting|stood|stands|standing) on (?:my|me|her|his) (?:back|chest|neck|head|stomach)',
      '(?:could not|cannot|can not|couldnt|cant|could nt) breathe',
      '(?:teach|taught|teaching) (?:me|us) a lesson',
      'restrain(?:s|ed|ing)? (?:me|us)',
      `${FEAR} (?:to go|of going|to go back|of going back|to be) (?:home|back home|at home|to my placement|back to my placement|back there|in my house|in the house)`,
      `${FEAR} (?:of|to be around|to be near|to be alone with|of being (?:alone )?with|to go near) (?:him|her|them|my (?:[a-z]+ )?${RELATIVE}|(?:mums|dads) [a-z]+|the (?:staff|carers?|men|lads))(?! (?:dog|cat|spider|spiders))`,
      `do not want to go (?:back )?home (?:because|as|when|while|if|cos)`,
      `(?:said|says|saying|threatened|threatens|threatening|threaten|told me|tells me|messaged|messages|texted|texts|keeps saying)(?: that)?(?: to)? ?(?:he|she|they|someone|people)?(?: would| will| is going to| was going to| are going to| going to| gonna)? ?(?:kill|hurt|stab|shank|batter|beat|hit|burn|jump|knife|shoot|break|smash) (?:me|us|my|our)`,
      `(?:will|would|going to|is going to|are going to) (?:stab|shank|batter|beat up|knife|shoot|jump|hurt|burn) (?:me|us)`,
      `(?:threaten|threatens|threatened|threatening) (?:me|us|to (?:[a-z]+ ){0,5}(?:kill|hurt|stab|batter|beat|hit|burn|jump|break|smash|shoot))`,
      `${AGENT} (?:threw|throws|throwing|throw) (?:a |the |his |her |their )?[a-z]+ at (?:me|us)`,
      'lock(?:s|ed|ing)? (?:me|us) (?:in|out)(?! of (?:my|the) (?:account|phone|xbox|game|laptop|ipad|tablet|computer))',
      '(?:has|have|had|got|carries|carry|carrying|carried|pulled|pulls|pulled out|threatens me with|threatened me with) (?:a )?(?:knife|blade|machete|shank|gun)',
      '(?:told|tells|telling|said) (?:me )?to (?:kys|kill yourself|kill myself)',
      '(?:fighting|violence|fights) (?:at home|in my house|in the house|between my|every night)',
      '(?:hurt|hit|beat|batter|punch|kick)(?:s|ing)? (?:my|our) (?:dog|cat|pet)',
    ],
    unless: [
      ...GENERAL,
      `(?:[a-z]+ ){0,4}${PHYSICAL} (?:me|us|him|her)(?: [a-z]+){0,6} (?:pillow|pillows|play fight|play fighting|messing|mucking|by accident|accidentally|snowball|water fight|nerf|tickle|tickling|in a game)`,
      '(?:feel |feeling |felt |are |is )?unsafe in (?:our|the|their|some|we) (?:areas?|town|city|community|streets|estate|park)',
      `black eyes? (?:from|off|at|in|playing) (?:a |the |my )?(?:[a-z]+ ){0,2}(?:ball|match|game|training|football|rugby|boxing|pe|hockey|practice|stick|bat|fall|fight at school)`,
    ],
  },
  {
    category: 'abuse',
    phrases: [
      'touched me down there',
      'our little secret',
      'our secret',
      'keep it a secret',
      'keep it secret',
      'told me not to tell',
      'said not to tell',
      'says not to tell',
      'sexually abused',
      'sexually assaulted',
      'sexual assault',
      'domestic abuse',
      'molested',
      'forced himself on me',
      'forced herself on me',
      'had sex with me',
      'no one will believe me',
      'nobody will believe me',
      'no one would believe me',
      'nobody would believe me',
    ],
    patterns: [
      `${AGENT} ${OFTEN}(?:touch|touches|touched|touching|feels|felt|grope|gropes|groped|groping|fondle|fondles|fondled|rubs|rubbed|kisses|kissed|licks|licked) (?:me|us|my (?:privates?|private parts|private area|bum|butt|chest|boobs|breasts|bits|legs?|thighs?|body|willy|penis|vagina|sister|brother|little [a-z]+))`,
      '(?:touch|touches|touched|touching|touchin) (?:me|us)(?! (?:on the shoulder|on the arm))',
      `(?:touch|touches|touched|touching|grope|gropes|groped) (?:my|her|his) (?:privates?|private parts|private area|bum|butt|chest|boobs|breasts|bits|willy|penis|vagina|thighs?)`,
      `(?:made|makes|make|making|forced|forces|force|forcing|got|gets|tells|told|asks|asked|wants|wanted|pressured|pressures|pressuring|tries to (?:get|make)|tried to (?:get|make)) (?:me|us|my [a-z]+) (?:to )?(?:touch (?:him|her|them|his|it)|kiss (?:him|her|them)|suck|lick|do (?:sexual )?(?:stuff|things|sexual things) (?:to|with|for|and)|do sexual|have sex|sleep with|watch (?:porn|videos|him|them|sex)|take (?:my|off my|me) clothes|take my [a-z]+ off|undress|get (?:naked|undressed|in the bath|in the shower|in bed|into bed)|sit on (?:his|her) (?:lap|knee)|give (?:him|her) a)`,
      `${AGENT} (?:comes|come|came|coming|gets|got|getting|climbs|climbed|crawls|creeps|sneaks) (?:into|in|in to) (?:my|our) (?:room|bed)`,
      `${AGENT} ${OFTEN}(?:sleeps|slept|sleeping|gets) in my bed`,
      'rap(?:e|ed|es|ing|ist)',
      '(?:abused|abusing|abuses) (?:me|us|my)',
      '(?:i was|i am|i have been|been|being|got|get|was) (?:sexually )?(?:abused|assaulted|groped|touched up)',
      '(?:is|was|are|were|gets|get|being|so|really) abusive',
      '(?:calls|called|calling|call) (?:me|us) (?:worthless|useless|a waste of space|a mistake|names)',
      '(?:says|said|tells|told|saying|telling|calls|called|calling|shouts|shouted|screams|screamed|keeps telling me|keeps saying)(?: at)? ?(?:me|us)? ?(?:that )?(?:i am|i was|we are|we were|a|an|i)? ?(?:worthless|useless|a waste of space|waste of space|a mistake|a burden|burden|evil|the devil|thick|ugly|stupid|disgusting|retard|a retard|slag|a slag|slut|a slut|whore|a whore|pathetic|a freak|freak|vile|scum|trash|nothing|nobody|unlovable|unwanted|a failure|fat)(?! (?:at|in|of|for) (?:maths|school|football|games?|english))',
      '(?:says|said|tells|told|telling|saying|calls|called|shouts|shouted|screams|screamed)(?: [a-z]+){0,6} (?:that )?(?:i am|i was|we are|im) (?:a |an |so |such a )?(?:worthless|useless|a waste of space|waste of space|a mistake|mistake|a burden|burden|evil|thick|ugly|stupid|disgusting|retard|slag|slut|whore|pathetic|freak|vile|scum|trash|nothing|unlovable|unwanted|failure)',
      '(?:wishes|wished|wish) (?:i|we|she|he) (?:was|were|had|never) (?:never )?(?:born|been born|had me|had us)',
      '(?:should|shouldnt) (?:never )?have (?:been born|died|had me)',
      '(?:nobody|no one|noone) (?:wants|wanted|loves|loved|would ever love|will ever love|would love|cares about) (?:me|us)',
      '(?:hates|hated) (?:me|us)(?: \\w+){0,2}(?: every day| and| because|$)',
      '(?:only|just) (?:keep|keeps|kept|have|has|want|wants) (?:me|us) (?:for|because of) the money',
      '(?:send|put|sends|puts) (?:me|us) (?:away|back in care|back into care|into care|in care)',
      '(?:never|not) (?:see|seeing) (?:my|our) [a-z]+ again',
      // Threats that keep a child quiet.
      `(?:hurt|kill|get|batter|burn|break|smash|send|take|put|throw|kick|stab|beat) (?:[a-z]+ ){0,3}if (?:i|we) (?:ever )?${TELL}`,
      `(?:get|be) in (?:trouble|big trouble) if (?:i|we) ${TELL}`,
      `if (?:i|we) (?:ever )?${TELL}(?: [a-z]+){0,6} (?:send|hurt|kill|burn|break|batter|beat|stab|get|put|take|smash|throw|kick) (?:me|us|my|our)`,
      '(?:not|never|do not|dont) (?:to )?tell (?:my|your|anyone|anybody|the|a) ?(?:carers?|mum|dad|sw|social worker|parents|teacher|foster [a-z]+|anyone|anybody)?',
      `(?:says|said|threatens|threatened|threatening)(?: that)? (?:he|she|they)?(?: will| would| is going to| going to| gonna)? ?kill (?:me|us|my|our)`,
      'kill us all',
      `(?:make|makes|made|making) (?:me|us) (?:stand|sit|kneel|stay|wait|sleep) (?:in the corner|outside|in the cold|in the garden|in the rain|on the floor|for hours)`,
      '(?:stand|sleep|wait|stay|stood|slept|waited|stayed) outside in the (?:cold|rain|dark|snow)',
      '(?:cannot|cant|can not) (?:go out or talk|talk to anyone|see anyone|leave the house|leave my room)',
      `(?:not allowed|wont let (?:me|us)|will not let (?:me|us)|does not let (?:me|us)|do not let (?:me|us)|never let (?:me|us))(?: to)? (?:eat|talk|speak|wash|shower|use the toilet|go to the toilet|go toilet|leave my room|leave the house|come out of my room|out of my room|come downstairs|have food|have dinner|sleep|go out or talk|talk to anyone|see anyone|see my friends)`,
      '(?:take|takes|took|taking) (?:my|our) food (?:away)?',
      '(?:make|makes|made) fun of (?:me|us) (?:for|when|because)',
      '(?:ignore|ignores|ignored|ignoring) (?:me|us) for (?:days|weeks|hours)',
      '(?:act|acts|acted) like (?:i am|im|we are) not (?:there|here)',
      '(?:controls|control|controlling) (?:everything|everything we do|what we|us|me|my mum)',
      '(?:smash|smashes|smashed|smashing) (?:up )?(?:the house|things|stuff|the place|my stuff|my room|everything|our stuff)',
      '(?:says|said|saying|tells me|told me)(?: that)? (?:it is|its|it was) my fault',
      `(?:scream|screams|screamed|screaming|shout|shouts|shouted|shouting|yell|yells|yelled|yelling|swear|swears|swore|swearing) (?:at|in) (?:me|us|my face)(?: [a-z]+){0,3} (?:every day|all the time|constantly|for hours|every night|and (?:calls|called|hits|hit|throws|threw|tells|told|says|said|threatens))`,
      '(?:scream|screams|screamed|screaming|shout|shouts|shouted|shouting|yell|yells|yelled) in my face',
      '(?:get|gets|got|getting) (?:screamed|shouted|yelled|sworn) at (?:every day|all the time|constantly|every night)',
      '(?:kill|hurt|drown|get rid of) (?:my|our) (?:dog|cat|pet|puppy|hamster|rabbit) if',
      '(?:wets?|wetting|wet) the bed',
      `(?:walks|walking|walked|comes|came|coming|barges|barged) in (?:when|while|on me when|on me while) (?:i am|im|i was) (?:in the shower|in the bath|getting changed|changing|naked|getting dressed|on the toilet)`,
      '(?:watch|watches|watched|watching|looks at|looked at|stares at) (?:me|us) (?:get changed|getting changed|in the shower|shower|undress|undressing|in the bath|getting dressed)',
      `${PICS} of (?:me|us) (?:with no clothes|with nothing on|naked|without (?:my |any )?clothes|in my underwear|in the shower|in the bath|undressed)`,
      '(?:shows|showed|showing|show) (?:me|us) (?:porn|videos of people having sex|sex videos|sexual|dirty|his|him|himself|naked)',
      '(?:kiss|kisses|kissed|kissing) (?:me|us) on the (?:mouth|lips)',
      '(?:sit|sits|sat|sitting) on (?:his|her) (?:lap|knee)',
      '(?:rubs|rubbed|rubbing) (?:himself|herself|his [a-z]+) (?:on|against) (?:me|us)',
      'hands? (?:in|down|inside|up) my (?:pants|knickers|trousers|top|shirt|skirt|underwear|pyjamas)',
      'comments? about my (?:body|boobs|bum|chest|figure)',
      '(?:do|did|does|doing) (?:sexual )?(?:stuff|things) (?:to|with) me',
      '(?:made|makes|make|making|forced|forces|force|forcing) (?:me|us) (?:to )?do (?:things|stuff)(?! (?:around|round|in) the (?:house|home|garden)| for (?:school|college|homework)| like)',
      'sexual (?:things|stuff) (?:to|with) (?:me|him|her)',
      '(?:had|have|having) sex with (?:me|him|her)',
      '(?:touches|touched|touching) me (?:where|when|in my sleep|at night|inappropriately|down)',
      'touched me',
    ],
    unless: [...GENERAL, '(?:it|that|this|your|the [a-z]+|what you) (?:really |deeply |so )?touched me'],
  },
  {
    category: 'neglect',
    phrases: [
      'not been fed',
      'go to bed hungry',
      'going to bed hungry',
      'went to bed hungry',
      'hungry all the time',
      'always hungry',
      'constantly hungry',
      'no clean clothes',
      'same clothes every day',
      'same clothes for days',
      'sleep on the floor',
      'no bed to sleep in',
      'locks the fridge',
      'locked the fridge',
      'not allowed to eat',
      'nothing to eat',
      'no food',
      'never any food',
      'not enough food',
      'home alone',
      'too drunk',
      'off her face',
      'off his face',
      'off their face',
      'no hot water',
      'no heating',
      'no electric',
      'no electricity',
      'no gas',
    ],
    patterns: [
      '(?:nobody|no one|no body|noone) (?:feeds|fed|feed|cooks for|makes food for|gives food to|looks after|look after|looked after|washes|washed|wash|cleans|buys|bought|takes|took|picks|picked|checks on|helps|cares if|cares about|cares where|cares when|cares whether|does anything|sorts it|noticed|notices|notice|came|comes|come) ?(?:me|us|my|anything|it|if|up|to|out|looking|out)?',
      `(?:no|not any|never any) food ${HOME}`,
      `(?:no|not any|never any) food in the (?:fridge|cupboards?|house|flat)`,
      '(?:have|has|had|haven|havent|not) (?:not )?eaten (?:since|for|in|all)',
      '(?:leaves|left|leave|leaving) (?:me|us|my (?:little |baby |younger )?(?:brother|sister|bro|sis|siblings)) (?:[a-z]+ )?(?:at home )?(?:on (?:my|our|his|her|their) own|alone|by (?:myself|ourselves)|home alone|in the car)',
      '(?:on (?:my|our) own|by (?:myself|ourselves)|alone) (?:for|all) (?:days|the weekend|weekend|night|nights|the night|week|a week|[0-9]+ days)',
      '(?:been|is|was) gone (?:for )?(?:[0-9]+|two|three|four|a few|a couple of|several) (?:days|nights|weeks)',
      'home alone (?:for|all|every)',
      '(?:forgets|forgot|forget|forgetting) (?:to (?:feed|give food to|make food for|pick up|get)|about) (?:me|us)',
      '(?:never|not ever) (?:have|got|get|any) (?:any )?food',
      `(?:no|not any) (?:electric|electricity|gas|heating|hot water|water|money for food|money for the meter) (?:${HOME}|for (?:days|weeks)|again)`,
      '(?:have|has|had|got|do not have|dont have|does not have) (?:no|any) (?:heating|electric|electricity|gas|hot water|water|food|beds?|a bed)',
      'do not have (?:a bed|any food|food|beds|electric|heating)',
      `${AGENT} (?:is|are|gets|get|was|were|comes home|came home) (?:always |usually |often |too |so )?(?:drunk|stoned|wasted|off (?:her|his|their) (?:head|face)|high (?:all the time|every day|every night|again|on))`,
      `(?:mums|dads|mum|dad|mam) (?:is )?(?:always|usually|often|too) (?:drunk|stoned|wasted|high|off (?:her|his) face)`,
      'too (?:drunk|high|wasted|out of it) to',
      '(?:fridge|cupboards?|cupboard) (?:is|are|was|were) (?:empty|locked|bare)',
      'lock(?:s|ed|ing)? the (?:fridge|food|cupboards?|kitchen)',
      '(?:money|benefits|wages) (?:on|for) (?:drink|drugs|booze|alcohol|weed|gambling|fags)',
      '(?:eats|ate|takes|took|eat) all (?:the|our) food',
      '(?:we|i) (?:get|got) nothing',
      '(?:only|just) (?:eat|get|have|had|ate) (?:food |a meal |meals )?(?:once|one meal|twice a week|toast|bread|cereal|crisps)',
      '(?:get|got|have|had) no (?:dinner|tea|breakfast|lunch|meals?|food)',
      'no (?:dinner|tea|breakfast|lunch) ' + HOME,
      '(?:dinner|tea|breakfast|lunch|food) (?:at|in) (?:school|the shop) (?:or not at all|or nothing)',
      '(?:look after|looking after|care for|caring for|feed|feeding|have to look after|left to look after) (?:my|our) (?:little |baby |younger )?(?:sisters?|brothers?|siblings) (?:all night|all day|on my own|by myself|because|cos|while|when)',
      'left to look after',
      '(?:get|got|gets|getting|are|were|am|was|been) left (?:alone|on (?:our|my) own|in the car|at home|by ourselves|by myself|outside|in the house)',
      '(?:stays|stay|stayed|lies|lays|lay|sleeps|sleep|slept) in bed all day',
      '(?:sleeps|sleep|slept) all day (?:cos|because|coz)',
      '(?:cos|because|coz) of the (?:drugs|drink|alcohol|booze)',
      '(?:house|flat|home|room|bedroom|kitchen) (?:is|was) (?:filthy|disgusting|covered in|full of (?:rubbish|dog poo|mould|rats|mice))',
      '(?:dog poo|dog mess|rats|mice|mould|mold|cockroaches|maggots|needles|rubbish) (?:everywhere|all over)',
      '(?:same clothes|my clothes) (?:for|every|are too small|are full of holes|have holes|smell)',
      '(?:say|says|said) i (?:smell|stink)',
      '(?:i am|im) [5-9] and i (?:make|cook|have to make|get) (?:my own|our|myself) (?:tea|dinner|food|meals|breakfast)',
      '(?:medication|meds|inhaler|insulin|tablets|prescription) (?:ran|run|has run|have run|runs) out',
      '(?:does not|doesnt|do not|dont|never|will not|wont) give (?:me|us) (?:my|our|any) (?:tablets|meds|medication|food|dinner|tea|breakfast|inhaler)',
      '(?:not allowed|never allowed) (?:any )?(?:food|to eat|dinner|tea|snacks|breakfast)',
      '(?:i|we) (?:am|are|was|were|been) (?:hungry|starving) (?:at school|all the time|every day|every night|most days|because|cos)',
      'hungry at school (?:cos|because|as)',
      'nits for (?:months|weeks|ages)',
      '(?:steal|stealing|stole) (?:food|from the shop) (?:because|cos|so|to)',
      '(?:no|not any) food (?:at home|so)',
    ],
    unless: [
      ...GENERAL,
      'no food (?:and drink |or drink )?(?:allowed|in the|at the) (?:library|classroom|cinema|meeting|room)',
      '(?:nobody|no one) (?:came|comes) (?:to|top|first|last|close)',
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
      'living on the streets',
      'nowhere to sleep',
      'nowhere to stay',
      'nowhere to go',
      'sofa surfing',
      'sofa surf',
      'do a runner',
      'did a runner',
      'done a runner',
      'doing a runner',
      'legged it',
      'went awol',
      'go awol',
      'gone awol',
      'nobody will find me',
      'no one will find me',
    ],
    patterns: [
      '(?<!(?:dog|cat|puppy|kitten|hamster|rabbit|bunny|horse|pony|ball|tortoise|budgie|bird|pet) )ran away(?! with)',
      '(?:want|wanted|wants|going|planning|plan|thinking of|thinking about|think about|about|will|might|could|should|tried|try|trying|to|gonna|ive|have|i) (?:to )?run(?:ning)? away',
      '(?:ran|run|running|runs) (?:away |off )?from (?:my |the |a )?(?:placement|home|care|foster|the home|carers|the unit|my carers|my foster [a-z]+|children s home|childrens home|residential)',
      '(?:i|we|me) (?:(?:have|had|keep|kept|sometimes|always|often|just|then|been|also|usually|nearly|almost) )*(?:went|go|going|gone|goes|been|got|get) missing',
      // "i was missing for 3 days", not "i was missing my mum".
      '(?:i|we) (?:was|were|am|are|been|have been) missing (?:for|from|overnight|all night|again|when|and|until|since|twice|[0-9])',
      'reported (?:me |us )?missing',
      '(?:police|they|staff|carers) (?:found|brought|bring|brings|picked|pick|fetched) (?:me|us) (?:back|up|at|in|from)',
      '(?:slept|sleep|sleeping|sleeps|stayed|staying|stay|living|live|lived|spent the night) (?:in|on|at|under) (?:a|the|my) (?:park|bench|streets?|stairwell|bus shelter|bus station|train station|car park|tent|doorway|car|garage|shed|underpass|field|woods|subway|bin shed)',
      'kicked (?:me |us )?out(?: of (?:home|the house|my house|my placement|my flat|my mums|my dads))?(?! of)',
      '(?:chucked|thrown|threw|booted|kicked) (?:me |us )?out(?! of (?:class|school|the lesson|the shop|the game|the club|the team))',
      '(?:i am|i was|i will be|going to be|made|become|becoming|basically|nearly|about to be|been) homeless',
      '(?:nobody|no one|noone) (?:came|come|comes|went|was|is) (?:looking|to look|searching)',
      '(?:did not|do not|does not|never|nobody|no one) (?:even )?(?:look|looked|come looking|came looking|notice|noticed) (?:for me|i was|that i was|i had|for us)?',
      '(?:nobody|no one|noone) (?:noticed|notices|knew|knows) (?:i was|i am|i had|we were|where)',
      '(?:do not|dont|does not|doesnt|nobody|no one) knows? where (?:i|we) (?:am|was|go|sleep|stay|are)',
      '(?:left|leave|leaving|walked out|walk out)(?: [a-z]+){0,3} (?:and )?(?:did not|didnt|never|not) (?:come|coming|go|going) (?:back|home)',
      '(?:did not|didnt|not|never) (?:go|come|going|coming|went) back (?:to [a-z]+ [a-z]+ |to [a-z]+ |home )?(?:for|until|till|since)',
      '(?:not|never) (?:going|go|coming|come) back (?:to (?:the home|my placement|the unit|there|my carers|my foster|my mums|my dads|that place)|home|there)',
      'never (?:coming|come) back',
      '(?:for a week|for days|for [0-9]+ (?:days|nights)|all week|all weekend|for two nights|for a few nights)(?: [a-z]+){0,3} (?:and )?(?:nobody|no one|noone) (?:noticed|cared|came|asked|looked|knew)',
      '(?:climb|climbed|climbs|sneak|sneaked|snuck|sneaking) out (?:of )?(?:my|the) (?:window|house|home)',
      '(?:sleeping|staying|stayed|slept|living) (?:at|in|with) (?:different|random|other|strangers|a random|some) (?:peoples?|people s|guys?|mens|men s|lads|houses|places)',
      '(?:cannot|cant|can not) go (?:back )?home',
      `if (?:they|you|she|he) (?:send|move|make|put|take) me(?: [a-z]+){0,4} (?:i will|i am going to|i am gonna) (?:just )?(?:run|go|leave|disappear)`,
      '(?:i will|i am going to) (?:just )?run(?: away| off)?(?! (?:for|to|in|at|a|the|round|around|with|out|late|faster|every|fast|a marathon|the race|it|this|that|things))',
      '(?:ran|run|running) off (?:and|from|to|with me)',
      '(?:packed|pack|packing) (?:a|my) bag',
      '(?:ive|i have|i had|i am|i been) (?:been )?(?:sleeping|staying|living) (?:in my car|on the street|on the streets|rough|in a tent)',
    ],
    unless: [
      ...GENERAL,
      '(?:dog|cat|puppy|kitten|hamster|rabbit|bunny|horse|pony|ball|tortoise|budgie|bird|pet|goat|parrot|snake)s? (?:[a-z]+ ){0,2}(?:ran|run|runs|running) (?:away|off)',
      `${SUBJECT}(?:ran|run|runs|running) away (?:with|from (?:a|the) (?:goose|geese|dog|bee|wasp|spider|monster|zombie|ghost|clown|swan|cow|horse|bull))`,
      'run away train',
      `${SUBJECT}(?:went|go|gone|was|were) missing (?:from the group|for (?:like |about )?(?:a few|a couple of|five|ten|two|[0-9]+) (?:minutes?|mins?|seconds?|secs?))`,
      'camping(?: [a-z]+){0,6}',
      '(?:ran|run) off (?:the|a) (?:pitch|field|stage|bus)',
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
      'trap houses',
      'cuckooed',
      'cuckooing',
      'work it off',
      'asked for nudes',
      'send nudes',
      'sent nudes',
      'burner phone',
      'burner',
      'in a gang',
      'mature for my age',
      'olders',
    ],
    patterns: [
      'older (?:boys|lads|lad|boy|men|man|guys|guy|girls|people|ones|friends|mates|bloke|blokes) (?:[a-z]+ ){0,4}(?:give|gives|gave|giving|buy|buys|bought|buying|pay|pays|paid|paying|pick|picks|picked|picking|take|takes|took|taking|send|sends|sent|get|gets|got|getting|offer|offers|offered) (?:me|us)(?: and my [a-z]+)? (?:stuff|things|money|cash|weed|drugs|free [a-z]+|a phone|a new phone|phones|new [a-z]+|lifts?|a lift|up|to|places|presents|gifts|food|alcohol|drink|vodka|vapes?|cigs|fags|clothes|trainers|an iphone|a new iphone|iphones?|nails)',
      `${STRANGER} (?:[a-z]+ ){0,6}(?:give|gives|gave|giving|buy|buys|bought|buying|pay|pays|paid|paying|send|sends|sent|sending|offer|offers|offered) (?:me|us)(?: and my [a-z]+)? (?:money|cash|alcohol|vodka|drink|drinks|weed|drugs|vapes?|cigs|fags|lifts?|a lift|food|presents|gifts|trainers|phones?|a phone|nails|robux|v bucks|vbucks|gift cards|free [a-z]+)`,
      '(?:paid|pay|pays|paying) (?:me |us )?to (?:drop off|deliver|carry|hold|sell|run|move|take|hide|stash|keep)',
      '(?:made|make|makes|making|force|forced|forces|forcing|told|tell|tells|got|get|gets|ask|asks|asked|asking|want|wants|wanted|pay|pays|paid) (?:me|us) (?:to )?(?:sell|deal|carry|hold|move|deliver|run|stash|hide|drop off|take (?:bags|packages|parcels|stuff|drugs)|steal|shoplift|plug|keep)(?! (?:my|our|the door|on|up|away|quiet|the dog))',
      '(?:hold|holding|held|carry|carrying|carried|sell|selling|sold|deliver|delivering|delivered|stash|stashing|hide|hiding|keep|keeping|move|moving|run|running|drop|dropping) (?:[a-z]+ ){0,2}(?:drugs|stuff|packages|parcels|bags|weed|gear|things|phones?|a knife|knives|food|it) for (?:them|him|her|older [a-z]+|some (?:lads|boys|men|guys|people|olders)|these [a-z]+|those [a-z]+|lads|boys|men|guys|olders|a dealer|dealers)',
      '(?:hide|stash|keep|hold|hiding|stashing|keeping|holding) (?:their|his|the) (?:stuff|drugs|gear|weed|things|bags|knives|phones?) (?:in|at|under) (?:my|our)',
      '(?:i|we|me) (?:owe|owes|owed) (?:them|him|her|some people|these people|those people|people|a dealer|dealers?|money|[0-9]+|the olders|a lot|loads)',
      '(?:owe|owes|owed) (?:them|him|some people|these people|those people|people|a dealer|dealers?) (?:money|a lot|loads|cash|[0-9]+)',
      '(?:pay|paying|paid) (?:him|them|her|it) back (?:[a-z]+ ){0,3}(?:other ways|in other ways|with (?:sex|favours|my body)|by sleeping|by doing)',
      '(?:boyfriend|girlfriend|bf|gf|partner|fella)(?:s| is)? (?:1[89]|[2-9][0-9])(?: [a-z0-9]+){0,8} (?:i am|im|i m) (?:1[0-5]|[0-9])(?![0-9])',
      'my (?:1[89]|[2-9][0-9]) (?:year old|yo|yr old) (?:boyfriend|bf|girlfriend|gf|partner|fella|man|guy)',
      '(?:he|she|they|him|her) (?:is|s) (?:actually |like )?(?:2[0-9]|[3-9][0-9])(?: and| but| i am| im|$)',
      `(?:stay|staying|stayed|sleep|sleeping|slept|go|going|went) (?:at|round|over at|to|in) (?:a|an|this|some|his|their) (?:older )?(?:mans|guys|mens|lads|older [a-z]+) (?:flat|house|place|car)`,
      '(?:lets|let|letting) (?:me|us) stay (?:at|in|round) (?:his|her|their) (?:flat|house|place)',
      '(?:sends|sent|send|gives|gave|pays|paid) me (?:money|cash|gifts|presents|vouchers|robux|v bucks|vbucks)(?: and| to| so| but| if| for)',
      '(?:threatening|threatened|threatens|threaten) to (?:share|send|post|leak|show) (?:my|me|the|our) (?:pics|pictures|photos|nudes|videos|private)',
      '(?:take|takes|took|taken|taking) (?:me |us )?to (?:parties|party|hotels?|a hotel|flats|a flat|houses|his (?:flat|house|car|place)|their (?:flat|house|place))(?! (?:for my birthday|with my (?:carer|mum|dad|family)))',
      '(?:picks|picked|picking|pick) (?:me|us) up (?:from school |after school )?in (?:a|his|their) car',
      '(?:getting|get|got|gets) picked up by (?:older|a man|men|some|these|those|lads|guys)',
      '(?:running|run|ran|doing|do|did) (?:lines|a line|food|county|drops|runs|a run)',
      '(?:doing|do|did|make|making|go on) (?:runs|drops|a drop)',
      '(?:other|another|different) (?:towns?|cities|city|areas?) (?:for|to|on the train|with drugs|with bags|every weekend)',
      '(?:drugs|weed|gear|a knife) (?:in|on) (?:me|my bag|my room)',
      '(?:arrested|caught|nicked|stopped)(?: [a-z]+){0,6} (?:drugs|weed|knife|cash|gear) on me',
      '(?:i am|im|i was|been|got) in a gang',
      '(?:cannot|cant|can not) get out',
      '(?:groom|grooms|groomed|grooming) (?:me|us|my)',
      '(?:i was|i am being|i been|i have been|been|being|got|get) groomed',
      '(?:sleep|slept|sleeping|have sex|had sex|having sex|do stuff|did stuff) with (?:them|him|his mates?|his friends?|their mates?|men|older men|a man|people) (?:for|to pay|to get|so)',
      '(?:pays|paid|pay|paying) (?:me|us) (?:to have sex|for sex|to sleep with|for stuff|for pics)',
      'for money',
      '(?:do|doing) (?:whatever|what) (?:he|she|they|his [a-z]+|their [a-z]+) (?:says?|wants?|tells?|say|want)',
      '(?:his|her) (?:girlfriend|bf|boyfriend|gf)(?: [a-z]+){0,4} (?:has|have|had) to',
      'wants me to be his girlfriend',
      '(?:keep|kept|keeping|keeps) (?:me|us) (?:in|at) (?:a|his|their|the) (?:flat|house|room|hotel)',
      '(?:men|man|older [a-z]+|lads) (?:were|was|are|is|kept) (?:touching|grabbing|feeling) (?:us|me)',
      'in (?:a|the|his) hotel',
      '(?:cuckoo|cuckood|cuckooed)',
      // The first list's patterns, kept as they were.
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
    unless: [
      ...GENERAL,
      'older (?:sister|brother|cousin)s? (?:[a-z]+ ){0,4}(?:give|gives|gave|giving|take|takes|took|pick|picks|picked)',
      'for money (?:for|to buy|towards) (?:the|a|my|school)',
      '(?:social worker|sw|carer|carers|mum|dad|nan|personal adviser|pa|foster [a-z]+|teacher|school|council|leaving care team) (?:gave|gives|give|sent|sends|send|pays|paid|pay) (?:me|us) (?:money|cash)(?: [a-z]+){0,6}',
      '(?:raising|raise|raised|collect|collecting|save|saving|saved) (?:[a-z]+ ){0,3}for money',
      '(?:hotel|a hotel|the hotel) (?:on holiday|for our holiday|in spain|near the beach)',
      'in (?:a|the) hotel on holiday',
    ],
  },
  {
    category: 'online-harm',
    phrases: [
      'dick pics',
      'dick pic',
      'sextorted',
      'sextortion',
      'sextorting',
      'kill yourself',
      'group chat about me',
      'fake account',
      'pretending to be me',
      'blackmailing me',
      'blackmailed me',
      'blackmail me',
    ],
    patterns: [
      `(?:has|have|got|gets|had) (?:my|me) ${PICS}`,
      `(?:send|sent|sending|sends|share|shared|sharing|shares|post|posted|posting|posts|leak|leaked|leaking|sell|selling|sold|show|showed|showing|spread|spreading|upload|uploaded) (?:[a-z]+ ){0,3}(?:my|me|of me|of us) ${PICS}`,
      `(?:selling|sold|sell|posting|posted|sharing|shared) ${PICS} of (?:me|us)`,
      `${PICS} of (?:me|us)`,
      `(?:sent|send|sending) (?:a |him |her |them )?(?:pic|pics|nude|nudes|photo|photos|picture|video|vid) (?:[a-z]+ ){0,8}(?:sharing|shared|showing|showed|posted|sent|sending|spreading) (?:it|them)`,
      `(?:asks|asked|asking|ask|wants|wanted|keeps asking|kept asking|begging|begged|pressuring|pressured|pressure) (?:me )?(?:for|to send|to take|to turn my camera on|to video call|to facetime|to go on cam|to send him|to send her|to send them) (?:[a-z]+ ){0,4}(?:${PICS}|my body|no clothes|naked|underwear|my top off|my clothes off)`,
      `(?:send|sending|sent|take|taking) (?:him |her |them )?${PICS} (?:of|in) my (?:body|underwear|bra|pants|bedroom)`,
      '(?:take|taking|took) (?:my|off my) (?:top|clothes|shirt|bra|pants|trousers|underwear) off',
      '(?:with|in) no clothes(?: on)?',
      'without (?:my |any )?clothes(?: on)?',
      '(?:what colour|the colour) (?:my|of my) (?:underwear|pants|bra|knickers)',
      '(?:if|whether) (?:i am|im) (?:alone|on my own|home alone|by myself)',
      '(?:showed|shows|show|flashed|flashes|exposed) (?:himself|herself|his [a-z]+|me his|me himself)',
      '(?:sends|sent|sending|send|shows|showed|showing) (?:me|us) (?:porn|sexual|dick|naked|nudes|rude)',
      '(?:sexual|porn|naked|nude|rude) (?:videos|pics|pictures|photos|stuff|messages|content|images|vids)',
      '(?:photoshopped|edited|put) my face (?:onto|on|in)',
      '(?:threaten|threatens|threatening|threatened) (?:me|us)',
      '(?:knows?|found out|find out|know) where i (?:live|am|go to school|stay)',
      '(?:asked|asks|asking|ask|wants|wanted|want) (?:me )?(?:for )?(?:my address|where i live|what school i go to|which school i go to|my school|where i go to school|my location|my postcode|where i am)',
      `(?:met|talking|talk|chatting|chat|speaking|speak|been talking) (?:to )?(?:[a-z]+ ){0,2}${ONLINE}(?: [a-z]+){0,8} (?:wants|wanted|asked|asks|keeps|says|said|sends|sent|pics|meet|photos|nudes|money)`,
      `${STRANGER} (?:[a-z]+ ){0,2}${ONLINE}(?: [a-z]+){0,3} (?:wants|wanted|asked|asks|asking|keeps|kept|says|said|sends|sent|threatens|threatening|showed|messages|messaging|dms|loves)`,
      '(?:grown|old) (?:man|men|woman|adult|adults|up|bloke) (?:[a-z]+ ){0,3}(?:messaging|messages|messaged|online|texting|texts|talking|chatting|sends|sent|keeps|wants|asks|asked|says|said|on)',
      '(?:wants|wanted|want|asked|asks|asking) (?:me )?to meet(?: up| him| her| them| in person|$)',
      '(?:telling|tell|tells|told|saying|say|says|said) (?:me )?(?:that )?(?:i should|to) (?:die|kill myself|kms|hurt myself|go die|cut myself|end it)',
      '(?:telling|tell|tells|told) me to (?:hurt|cut|kill|starve) myself',
      '(?:messages|comments|texts|posts) (?:[a-z]+ ){0,4}(?:saying|telling) (?:me|i)',
      '(?:me|us) (?:getting|get|got) (?:beat|beaten|battered|jumped|hit|attacked|stabbed|beat up|beaten up)',
      '(?:filmed|filming|recorded|videoed) (?:me|us)',
      '(?:hacked|hacking) (?:my|into my) (?:account|snapchat|instagram|tiktok|phone)',
      '(?:stab|hurt|beat|batter|jump|shank|knife) (?:me|us) when (?:they|he|she) see',
      'keep (?:it|this|us) (?:a )?secret',
      '(?:says|said|told me|tells me) (?:he|she) (?:loves|love) me',
      'added (?:me )?to (?:a )?group chat with',
      '(?:asking|asks|asked) (?:me )?how old i am',
    ],
    unless: [...GENERAL, '(?:we|i) (?:filmed|recorded|videoed) (?:me|us) (?:doing|dancing|singing|playing)'],
  },
];
