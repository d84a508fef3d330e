// Hard negatives: pairs of messages that look alike but are NOT the same real-world problem, so they get
// no shared dedupe group.
//   rel 'far'   same service, same street, 110-400 m apart, within 48 h (a different hole / party / carcass)
//   rel 'other' the same place within 24 h, but a different service (a different problem)
//   rel 'later' same service, same place, 10-20 days later (a new occurrence, well outside any window)
// place: 'street:<Street>' (two addresses on it, for 'far'), 'addr', 'addr:res', 'addr:main', 'inter:A|B'
// Each message: [channel, lang, service, text].

export const HARD_NEGATIVES = [
  { rel: 'far', place: 'street:Banff Avenue', msgs: [
    ['sms', 'en', 'POTHOLE', 'pothole {AP} in the right lane, deep one'],
    ['email', 'en', 'POTHOLE', { subject: 'Pothole', body: 'Hello,\n\nThere is a pothole {AP} near the curb. Not huge but growing.\n\n{NAME}' }],
  ] },
  { rel: 'far', place: 'street:Bear Street', msgs: [
    ['sms', 'en', 'STREETLIGHT', 'streetlight out {AP}'],
    ['web', 'en', 'STREETLIGHT', 'The street light {AP} is out.'],
  ] },
  { rel: 'far', place: 'street:Muskrat Street', night: true, msgs: [
    ['sms', 'en', 'NOISE', 'loud party {AP}, its 1am'],
    ['sms', 'en', 'NOISE', 'music blasting {AP} since midnight'],
  ] },
  { rel: 'far', place: 'street:Beaver Street', msgs: [
    ['whatsapp', 'en', 'TREE', 'Branch down {AP} 🌲'],
    ['sms', 'en', 'TREE', 'tree limb fell on the sidewalk {AP}'],
  ] },
  { rel: 'far', place: 'street:Banff Avenue', msgs: [
    ['sms', 'en', 'GRAFFITI', 'graffiti on the planter {AP}'],
    ['web', 'en', 'GRAFFITI', 'Graffiti tag on the shop window {AP}.'],
  ] },
  { rel: 'far', place: 'street:Deer Street', msgs: [
    ['sms', 'en', 'DUMPING', 'someone dumped a pile of tires {AP}'],
    ['whatsapp', 'en', 'DUMPING', 'Old fridge dumped {AP}'],
  ] },
  { rel: 'far', place: 'street:Otter Street', msgs: [
    ['sms', 'en', 'WILDLIFE', 'dead deer on the boulevard {AP}'],
    ['email', 'en', 'WILDLIFE', { subject: 'Dead animal', body: 'Hi,\n\nThere is a dead porcupine on the road {AP}.\n\n{NAME}' }],
  ] },
  { rel: 'far', place: 'street:Cave Avenue', msgs: [
    ['web', 'en', 'PARKING', 'Abandoned blue sedan parked {AP} for two weeks.'],
    ['sms', 'en', 'PARKING', 'abandoned white pickup {AP}, hasnt moved since october'],
  ] },
  { rel: 'other', place: 'inter:Banff Avenue|Caribou Street', msgs: [
    ['sms', 'en', 'POTHOLE', 'pothole {L} in the crosswalk'],
    ['sms', 'en', 'STREETLIGHT', 'streetlight out {L}'],
  ] },
  { rel: 'other', place: 'addr:main', msgs: [
    ['sms', 'en', 'SIDEWALK', 'cracked sidewalk slab {L}, tripping hazard'],
    ['whatsapp', 'en', 'SNOW', 'Sidewalk {L} is sheer ice, please sand 🧂'],
  ] },
  { rel: 'other', place: 'addr', msgs: [
    ['web', 'en', 'WATER', 'The hydrant {L} is leaking.'],
    ['sms', 'en', 'PARKING', 'car parked right in front of the hydrant {L} all day'],
  ] },
  { rel: 'other', place: 'addr:res', night: true, msgs: [
    ['sms', 'en', 'NOISE', 'party at {A}, super loud'],
    ['transcript', 'en', 'PARKING', "Clerk: Town of Banff.\nCaller: Hi, there are cars from a party parked all over my driveway and across the sidewalk.\nClerk: What's the address?\nCaller: {A}.\nClerk: Okay, bylaw will come by."],
  ] },
  { rel: 'later', place: 'addr:res', msgs: [
    ['sms', 'en', 'GARBAGE', 'garbage not picked up at {A} today'],
    ['email', 'en', 'GARBAGE', { subject: 'Missed pickup again', body: 'Hello,\n\nOur garbage was missed again this week at {A}. This is the second time this month.\n\n{NAME}' }],
  ] },
  { rel: 'later', place: 'addr:res', night: true, msgs: [
    ['web', 'en', 'NOISE', 'Loud party at {A} with music past 2 am.'],
    ['sms', 'en', 'NOISE', 'another party at {A}, same as 2 weekends ago'],
  ] },
];
