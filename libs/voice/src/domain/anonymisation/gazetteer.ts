/**
 * Word lists the anonymiser adds to compromise's own lexicon (about 3,000 first names, 500 cities):
 * given names and short forms common among children and young adults in the UK today (ONS baby-name
 * tables since the 1990s, the names of children arriving unaccompanied from the countries most of them
 * come from, and the nicknames the UK makes of them), and the UK's cities and larger towns. A board
 * adds its own local places (estates, neighbourhoods, homes) through the options.
 */
const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/u));

export const FIRST_NAMES = words(`
  aaliyah aaron abbie abby abdul abdullah abigail adam adrian ahmed aidan aiden aimee aisha alannah albert
  alesha alex alexa alexander alexandra alexis alfie alfie-jay ali alice alicia alisha alisha-mae alison
  amaya amber amelia amelie amir amira amy amy-leigh ana andre andrea andrew andy angel angela angelica
  ann anna annabelle anne anthony antonio archie aria arian ariana arlo arthur asad ashleigh ashley ashton
  aston austin ava ayaan ayesha bailey barry becky bella ben benjamin bethan bethany billie billy blake
  bobby bonnie brad bradley brandon brenda brendan brian brittany brodie brogan brooke brooklyn bryony
  caitlin caleb callum cameron carl carly carmen caroline casey cassie catherine cerys chanelle chantelle
  charlene charley charlie charlie-rose charlotte chelsea chenise cheryl chloe christian christopher
  ciara ciaran claire clare cody connor conor corey courtney craig daisy daisy-mae dale damian damon dan
  dana daniel daniella danielle danny darcey darcie darcy darius darren david dawn dean declan demi
  demi-leigh denise derek destiny dexter diane dominic donna dylan eden edward elena eli elijah elise
  eliza elizabeth ella ella-rose ellen ellie ellie-mae elliot elliott ellis elsie emilia emily emma
  emmanuel erin esme ethan eva evan eve evelyn evie ewan faith farah fatima faye felix finlay finley
  fiona florence frankie freddie freya gabriel gabriella gareth gary gavin gemma george georgia
  georgina grace gracie graham hadley hailey haleigh hamza hannah harley harper harriet harrison harry
  harvey hassan hayden hayley heather heidi helen henry hollie holly hugo iman imogen isaac isabel
  isabella isabelle isaiah isla ivy izzy jack jackson jacob jade jaden jake james jamie jamie-lee jan
  jasmine jason jay jayce jaylen jayden jaxon jenna jennifer jenson jessica jodie joe joel john jonathan
  jordan jordan-lee joseph josh joshua jude julia julie justin kacey kai kaitlyn karen karl kate katie
  kayden kayla kaylee kayleigh keeley keira kelly kelsey kenzie kerry kevin khadija kian kiera kieran
  kimberley kirsty kobe kyle kylie lacey laila lana lara laura lauren layla leah lee leighton leila
  leo leon leona lewis lexi liam libby lilly lily lily-mae lily-rose logan lola louie louis louise luca
  lucas lucy luke lydia lyla mackenzie macy maddison madison maisie maisy malachi malik maria mariam
  marie mark martha martin maryam mason matilda matthew max maya megan mia michael michaela michelle
  mila millie mohammad mohammed mollie molly muhammad mya nadia naomi nathan neil niamh nicola nicole
  noah ollie olivia omar oscar owen paige patrick paul peter phoebe poppy rachel ravi rebecca reece
  reggie reuben rhianna rhiannon riley robert robyn ronnie rory rosie ross ruby ryan sadie sam samantha
  samuel sara sarah scarlett sean sebastian shakira shane shania shannon shauna shaun sian sienna skye
  sofia sonny sophia sophie stacey stephen steven summer tanya tayla taylor teagan teddy theo thomas tia
  tiana tiffany tilly toby tommy tori tyler tyrone vanessa victoria violet wayne wiktoria william willow
  xavier yasmin zach zachary zak zara zoe zac kaden jasper ruben rio tyrese kyrie deshawn jermaine
  abdi abdirahman ahmad ali-reza amanuel aziz bilal dilan eyob filmon habib hamid hussein idris ismail
  jamal karim kidane mohamed mustafa nasir osman rahim reza samir semere sultan tesfay yusuf zain
  ardit arjan besnik erion klevis kristian leonardo marius andrei bogdan cristian daria ionut jakub
  kacper kamil maja natalia oliwia patryk szymon wojciech zofia adebayo ayomide chidi chioma emeka
  femi kemi olu tobi tunde amara anaya arjun harpreet jaspreet priya rahul sanjay simran
`);

/** Short forms and nicknames: most are not in a name list, and many are not English words either. */
export const NICKNAMES = words(`
  abbs addy aj alfs ally baz bazza becca bex bexy billie-jo bob boo bradders cal cazza charl chaz chezza
  chris col daz dazza dee dev dom dot ed eddie em emz fitzy fran freddo gaz gazza gee geordie
  georgie gem gemz haz hazza izzy jac jacko jakey jay-jay jaz jazz jen jenny jess jessie jimbo jimmy jo
  joey jonno jonny jord josie kaz kez kezza kiki kirst kris laz lew lex lexie lils liv livvy liz lou
  lozza luce lyds macca mads maddie mags mal matty maz mel mez micky mikey millz mo mofe moz nat naz
  nicky nico olly pete petey rach raz rob robbie rosie saz shaz shazza sid smithy sof sophs spud stevo
  stu tash tasha tel tez tom tommy tone tony vicky vinny wes woody zed zee
`);

/**
 * Given names that are also everyday English words: removed only where they look like a name (a capital
 * away from the start of a sentence, or after "my friend", "called" and the like).
 */
export const NAMES_THAT_ARE_WORDS = words(`
  amber angel april autumn bill bob brook brooke buddy carol chance charity cherry chase crystal dawn
  destiny dot eve faith frank gay grace guy hope iris ivy jack jade jay jewel joy june justice lily
  mark may miles misty nick pat patience penny pearl rae ray rich river rob robin rose ruby rusty sage
  scarlett sky skye star sue summer sunny will willow winter
`);

/** The UK's cities and larger towns, its nations and regions, in lower case; multi-word names with spaces. */
export const UK_PLACES = words(`
  aberdeen aberystwyth accrington aldershot alnwick altrincham andover arbroath armagh ashford
  ashington ashton-under-lyne aylesbury ayr banbury bangor barking barnet barnsley barnstaple barrow
  barrow-in-furness barry basildon basingstoke bath batley bedford bedlington belfast bexhill bicester
  billingham birkenhead birmingham bishop-auckland blackburn blackpool blaydon blyth bognor bolton bootle
  boston bournemouth bracknell bradford braintree brent brentwood bridgend bridgwater brighton bristol
  bromley burnley burton bury caerphilly camborne cambridge camden cannock canterbury cardiff carlisle
  carmarthen chatham chelmsford cheltenham chester chester-le-street chesterfield chichester chorley
  clacton colchester coleraine consett corby coventry cramlington crawley crewe croydon cumbernauld
  cwmbran darlington dartford darwen derby derry devizes dewsbury doncaster dorchester dover dudley
  dumfries dundee dunfermline durham ealing eastbourne eastleigh edinburgh ellesmere enfield epsom
  exeter falkirk fareham farnborough felixstowe folkestone gateshead gillingham glasgow gloucester
  gosport grantham gravesend grays greenock grimsby guildford hackney halifax hamilton harlow harrogate
  harrow hartlepool hastings hatfield havant haringey hebburn hemel hereford hexham high-wycombe
  hinckley hounslow houghton huddersfield hull huntingdon ilford inverness ipswich islington jarrow
  keighley kendal kettering kidderminster kilmarnock kings-lynn kingston kirkcaldy lambeth lancaster
  leamington leeds leicester lewisham lichfield lincoln lisburn liverpool livingston llandudno llanelli
  london loughborough lowestoft luton macclesfield maidenhead maidstone manchester mansfield margate
  merthyr middlesbrough milton-keynes morpeth motherwell neath newark newbury newcastle newham newport
  newquay newry newton-aycliffe northampton northallerton norwich nottingham nuneaton oldham oxford
  paisley penrith perth peterborough peterlee plymouth pontefract pontypridd poole portsmouth preston
  ramsgate rayleigh redcar redditch redruth rhyl rochdale rochester rotherham rugby runcorn salford
  salisbury scarborough scunthorpe seaham sheffield shrewsbury skegness slough solihull southampton
  southend southport southwark stafford staines stevenage stirling stockport stockton stockton-on-tees
  stoke stoke-on-trent stourbridge stratford sunderland sutton swansea swindon tamworth taunton telford
  thornaby tower-hamlets truro tunbridge tynemouth wakefield wallasey wallsend walsall warrington
  warwick washington watford wellingborough westminster wetherby weymouth whitby whitehaven whitley-bay
  widnes wigan winchester windsor woking wolverhampton worcester workington worthing wrexham yarm
  yeovil york
  south-shields north-shields whitley-bay newton-aycliffe bishop-auckland milton-keynes high-wycombe
  houghton-le-spring kings-lynn tower-hamlets
  england scotland wales ireland britain uk northern-ireland cornwall devon kent essex yorkshire
  northumberland cumbria lancashire teesside tyneside wearside
`);

/** Words that introduce a person's name after them ("my mate ___", "called ___"). */
export const PERSON_CUES = words(`
  mate mates friend friends bestie bestfriend bff bf gf boyfriend girlfriend partner brother bro
  brothers sister sis sisters cousin cuz nan nana nanna gran grandma granny grandad grandpa uncle
  aunt aunty auntie mum mam mom dad carer carers worker sw iro pa teacher mentor advocate son daughter
  baby called named name names im i'm
`);

/** Words after which a capitalised or unknown word is a place: "in ___", "from ___", "moved to ___". */
export const PLACE_CUES = words(`in from to near round around at outside`);

/**
 * Words that look like names or places but identify nobody here: services, platforms, brands, holidays,
 * subjects and the care system's own words. Compared in lower case.
 */
export const NOT_IDENTIFYING = words(`
  i im i'm ive i've id i'd ill i'll mum mam mom dad nan nana gran grandad carer carers staff sw iro pa
  camhs nhs gp ofsted cicc cic lac pep pru sen send ehcp yot dwp ucas gcse gcses a-level a-levels btec
  council board social worker team school college uni home care leaver leavers foster
  snap snapchat insta instagram tiktok twitter facebook fb whatsapp discord youtube xbox playstation ps4
  ps5 psn roblox fortnite minecraft netflix spotify google iphone android wifi
  tesco asda aldi lidl primark greggs mcdonalds maccies kfc nandos costa subway
  christmas easter eid ramadan diwali halloween xmas monday tuesday wednesday thursday friday saturday
  sunday january february march april may june july august september october november december
  english maths science pe re ict art music drama history geography french spanish
  god allah jesus mr mrs miss ms dr sir ok okay lol omg tbh idk pls plz yeah nah
  muslim muslims islam islamic catholic jewish sikh hindu buddhist quran bible church mosque gurdwara
`);

/** Text-speak and spellings young people use that a dictionary does not hold: words, not names. */
export const TEXT_SPEAK = words(`
  im ive id ill dont cant wont didnt doesnt isnt wasnt arent havent hasnt shouldnt wouldnt couldnt
  thats whats theres wheres whos lets youre theyre u ur r n y c b4 gonna wanna gotta dunno innit aint
  coz cos cuz bc tbh idk ngl rn omg lol lmao pls plz thx ty msg txt txts txting skool wiv wud cud shud
  gud luv bruv fam peng ppl bday sooo soo yh ye ya yea nah naw wat wot wen dat dis becuase beacuse
  realy rly alot vids hw mam mams nan nans sw sws pa iro ok okay kinda sorta tho thru cuz fone
  rememberd nobodys every1 some1 any1 no1 2day 2moro 2nite gr8 l8r m8 h8 sumthin nuthin nothin
  summat owt nowt mebbe canny howay hinny pet lush mint minted chuffed gutted skint mardy
`);
