import type { LabelledSentence } from './labelled-sentence.js';

/**
 * The held-out quarter of the labelled set: written before the anonymiser, and never used to tune it.
 * Its figures are reported beside the tuning set's; a fall here is what new words in real views would
 * do.
 */
export const HELD_OUT: readonly LabelledSentence[] = [
  {
    id: 'h01',
    text: 'my sw is called Bronwen and she never txts back',
    pii: [['name', 'Bronwen']],
  },
  {
    id: 'h02',
    text: 'I got moved from Middlesbrough to a place in Redcar and I dont no anyone',
    pii: [
      ['place', 'Middlesbrough'],
      ['place', 'Redcar'],
    ],
  },
  {
    id: 'h03',
    text: 'me n oakley got excluded from Thornfield Academy for nothing',
    pii: [
      ['name', 'oakley'],
      ['school', 'Thornfield Academy'],
    ],
  },
  {
    id: 'h04',
    text: 'my bday is 17/09/2011 and nobody rememberd it at the home',
    pii: [['date', '17/09/2011']],
  },
  {
    id: 'h05',
    text: 'add me on snap its lilz.mae09',
    pii: [['handle', 'lilz.mae09']],
  },
  {
    id: 'h06',
    text: 'The new carers are nice but I miss my nan who lives on Brierley Crescent',
    pii: [['address', 'Brierley Crescent']],
  },
  {
    id: 'h07',
    text: 'i want 2 see my little brother tanisha says he is in Doncaster now',
    pii: [
      ['name', 'tanisha'],
      ['place', 'Doncaster'],
    ],
  },
  {
    id: 'h08',
    text: 'Please can we have wifi in the house, everyone needs it for homework',
    pii: [],
  },
  {
    id: 'h09',
    text: 'Mihai is my key worker and he is the only one who listens',
    pii: [['name', 'Mihai']],
  },
  {
    id: 'h10',
    text: 'i was born on the 2nd of april 2008 in Bradford',
    pii: [
      ['date', '2nd of april 2008'],
      ['place', 'Bradford'],
    ],
  },
  {
    id: 'h11',
    text: 'my mate jaymz from St Cuthberts RC High got a place at college',
    pii: [
      ['name', 'jaymz'],
      ['school', 'St Cuthberts RC High'],
    ],
  },
  {
    id: 'h12',
    text: 'When I turned 18 I had to leave and find a flat on my own',
    pii: [],
  },
  {
    id: 'h13',
    text: 'we used to live at 44 Hawthorn Terrace, Blyth NE24 3QT',
    pii: [
      ['address', '44 Hawthorn Terrace'],
      ['place', 'Blyth'],
      ['address', 'NE24 3QT'],
    ],
  },
  {
    id: 'h14',
    text: 'ring me 07911 482 305 if u want to no more',
    pii: [['contact', '07911 482 305']],
  },
  {
    id: 'h15',
    text: 'Yonas and Dawit came with me from Eritrea and we want to stay together',
    pii: [
      ['name', 'Yonas'],
      ['name', 'Dawit'],
      ['place', 'Eritrea'],
    ],
  },
  {
    id: 'h16',
    text: 'my foster mum Mrs Okonkwo makes the best jollof',
    pii: [['name', 'Mrs Okonkwo']],
  },
  {
    id: 'h17',
    text: 'the bus to college takes 2 hours and costs too much',
    pii: [],
  },
  {
    id: 'h18',
    text: 'everyone calls me Tink but my real name is Kirsty-Leigh',
    pii: [
      ['nickname', 'Tink'],
      ['name', 'Kirsty-Leigh'],
    ],
  },
  {
    id: 'h19',
    text: 'i go to the youth club at Bensham on thursdays',
    pii: [['place', 'Bensham']],
  },
  {
    id: 'h20',
    text: 'my IRO changed 3 times this year and the last one Graham didnt even read my file',
    pii: [['name', 'Graham']],
  },
  {
    id: 'h21',
    text: 'follow my tiktok @dancin_queen_kez for my vids',
    pii: [['handle', '@dancin_queen_kez']],
  },
  {
    id: 'h22',
    text: 'Im doing my GCSEs at Kingsmeadow Community School and I want extra help with maths',
    pii: [['school', 'Kingsmeadow Community School']],
  },
  {
    id: 'h23',
    text: 'I have a dog at my mums house and I want to see him more',
    pii: [],
  },
  {
    id: 'h24',
    text: 'my brothers name is Aleksander but we call him Olek',
    pii: [
      ['name', 'Aleksander'],
      ['nickname', 'Olek'],
    ],
  },
  {
    id: 'h25',
    text: 'dob 3.11.2013 i am in year 6',
    pii: [['date', '3.11.2013']],
  },
  {
    id: 'h26',
    text: 'it was horrible at the childrens home in Ashington, staff shouted all the time',
    pii: [['place', 'Ashington']],
  },
  {
    id: 'h27',
    text: 'I email my PA on leanne.forbes@northshire.gov.uk but she takes weeks',
    pii: [['contact', 'leanne.forbes@northshire.gov.uk']],
  },
  {
    id: 'h28',
    text: 'Can care leavers get free gym membership like in other councils',
    pii: [],
  },
  {
    id: 'h29',
    text: 'my girlfriend chloe lives in south shields and i only get to see her on weekends',
    pii: [
      ['name', 'chloe'],
      ['place', 'south shields'],
    ],
  },
  {
    id: 'h30',
    text: 'big Deano from the estate keeps trying to get me to go out at night',
    pii: [['nickname', 'big Deano']],
  },
  {
    id: 'h31',
    text: 'I finish at Tyne Met College in june and then I dont know what happens to my money',
    pii: [['school', 'Tyne Met College']],
  },
  {
    id: 'h32',
    text: 'my xbox gamertag is ShadowWolf2212 if anyone wants to play',
    pii: [['handle', 'ShadowWolf2212']],
  },
  {
    id: 'h33',
    text: 'Social workers should knock before coming in my room',
    pii: [],
  },
  {
    id: 'h34',
    text: 'My sister Precious got a placement in Hartlepool and I got one in Stockton',
    pii: [
      ['name', 'Precious'],
      ['place', 'Hartlepool'],
      ['place', 'Stockton'],
    ],
  },
  {
    id: 'h35',
    text: 'my birthday is on christmas eve 24th december and i always get forgotten',
    pii: [['date', '24th december']],
  },
  {
    id: 'h36',
    text: 'the flat they gave me on Westgate Road has mould everywhere',
    pii: [['address', 'Westgate Road']],
  },
  {
    id: 'h37',
    text: 'mr hussain at school is the best teacher he helps me with reading',
    pii: [['name', 'mr hussain']],
  },
  {
    id: 'h38',
    text: 'i want to go back to my old school in Consett',
    pii: [['place', 'Consett']],
  },
  {
    id: 'h39',
    text: 'I have had 5 placements since I was 9',
    pii: [],
  },
  {
    id: 'h40',
    text: 'Tell Sharon-Marie my new number is 07588 120934',
    pii: [
      ['name', 'Sharon-Marie'],
      ['contact', '07588 120934'],
    ],
  },
  {
    id: 'h41',
    text: 'me and my cousin Rhys go to Riverside Primary',
    pii: [
      ['name', 'Rhys'],
      ['school', 'Riverside Primary'],
    ],
  },
  {
    id: 'h42',
    text: 'i live in Heaton with my foster carers Pete and Lorraine',
    pii: [
      ['place', 'Heaton'],
      ['name', 'Pete'],
      ['name', 'Lorraine'],
    ],
  },
  {
    id: 'h43',
    text: 'I do not like it when they talk about me in meetings and I am not there',
    pii: [],
  },
  {
    id: 'h44',
    text: 'my insta is kayyy.b_x msg me',
    pii: [['handle', 'kayyy.b_x']],
  },
  {
    id: 'h45',
    text: 'I was at Northumbria Uni but I had to drop out cos I had no money for rent',
    pii: [['school', 'Northumbria Uni']],
  },
  {
    id: 'h46',
    text: 'my mum is in Durham prison and nobody takes me to visit',
    pii: [['place', 'Durham']],
  },
  {
    id: 'h47',
    text: 'Danny Whitfield at the leaving care team helped me get my passport',
    pii: [['name', 'Danny Whitfield']],
  },
  {
    id: 'h48',
    text: 'my little sis was born 09/02/2016 and i want to be at her birthday',
    pii: [['date', '09/02/2016']],
  },
  {
    id: 'h49',
    text: 'we went to Whitley Bay on a trip and it was the best day ever',
    pii: [['place', 'Whitley Bay']],
  },
  {
    id: 'h50',
    text: 'I think there should be more activities in the holidays',
    pii: [],
  },
  {
    id: 'h51',
    text: 'JJ and Tommo said the staff at Oak Lodge read our diaries',
    pii: [
      ['nickname', 'JJ'],
      ['nickname', 'Tommo'],
      ['place', 'Oak Lodge'],
    ],
  },
  {
    id: 'h52',
    text: 'my postcode is DH1 5RT and the bus does not come here after 6',
    pii: [['address', 'DH1 5RT']],
  },
  {
    id: 'h53',
    text: 'i moved here from Poland when i was 7 and my english is ok now',
    pii: [['place', 'Poland']],
  },
  {
    id: 'h54',
    text: 'Kerry-Ann from the advocacy service is the only one who came to my review',
    pii: [['name', 'Kerry-Ann']],
  },
  {
    id: 'h55',
    text: 'why do I have to ask permission to stay at my friends house',
    pii: [],
  },
  {
    id: 'h56',
    text: 'my youtube is youtube.com/@gamer_lad_jack check it out',
    pii: [['contact', 'youtube.com/@gamer_lad_jack']],
  },
  {
    id: 'h57',
    text: 'i hate living in Seaham theres nothing to do',
    pii: [['place', 'Seaham']],
  },
  {
    id: 'h58',
    text: 'my foster brother ibrahim and me share a room and its too small',
    pii: [['name', 'ibrahim']],
  },
  {
    id: 'h59',
    text: 'I was born in Sunderland on 30 August 2007 and came into care at 12',
    pii: [
      ['place', 'Sunderland'],
      ['date', '30 August 2007'],
    ],
  },
  {
    id: 'h60',
    text: 'the wifi at Elm House is always off after 10 so I cant talk to anyone',
    pii: [['place', 'Elm House']],
  },
];
