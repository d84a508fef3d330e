// Dedupe groups: 2-4 messages that report the same real-world problem (same problem, same place, within a
// few days), mostly from different people, worded differently, often on different channels.
//
// anchor: where the problem is -
//   'addr' / 'addr:res' / 'addr:main'  a random address (any / residential / main downtown streets)
//   'addr-x'                           a random address within 45 m of one of the corpus intersections
//   'addr:<number> <Street>'           that address
//   'inter:<Street A>|<Street B>'      that intersection
//   'townhall' (110 Bear Street), 'park' (Central Park, from the config)
// member: [channel, lang, how this person names the place, hours after the first report, text, opts]
//   how: 'A' the anchor address (or, for an intersection anchor, the nearest address to it)
//        'N' another address on the same street 12-45 m from the anchor (a neighbour)
//        'U' the anchor address written with a unit
//        'X' the intersection (anchor, or the corpus intersection within 60 m of an address anchor)
//        'C' pasted coordinates within 10 m of the anchor, 'K' a map link within 10 m of the anchor
//        'T' the town hall landmark, 'P' the Central Park landmark
//   opts.same: sent by the same person as the previous member (a repeat within minutes)
// Texts use the slots of singles.mjs; emails are { subject, body } objects.

export const GROUPS = [
  { svc: 'POTHOLE', anchor: 'inter:Banff Avenue|Wolf Street', members: [
    ['sms', 'en', 'X', 0, 'huge pothole {L} 🕳️ had to swerve into the other lane'],
    ['email', 'en', 'N', 5, { subject: 'Pothole on Banff Ave', body: 'Hi,\n\nThere is a very large pothole {L}, right in the driving lane. I watched a car lose a hubcap on it this morning.\n\n{NAME}' }],
    ['transcript', 'en', 'X', 21, "Clerk: Town of Banff.\nCaller: Hi, I want to report a pothole, a big one.\nClerk: Where is it?\nCaller: {L}, just before the crosswalk.\nClerk: Thanks. I think we've had a report on that one already, I'll add your call to it."],
  ] },
  { svc: 'STREETLIGHT', anchor: 'addr:main', members: [
    ['sms', 'en', 'A', 0, 'light out {L+}'],
    ['web', 'en', 'N', 26, 'Streetlight not working {L+}. The sidewalk is completely dark in the evening.'],
    ['whatsapp', 'en', 'K', 40, 'This streetlight is out 👉 {K}'],
  ] },
  { svc: 'SNOW', anchor: 'addr:res', members: [
    ['sms', 'en', 'A', 0, 'our street still not plowed, im {AP} and cant get the car out'],
    ['email', 'en', 'N', 9, { subject: 'No plowing on our street', body: 'Hello,\n\nOur street has not been plowed since Friday\u2019s snowfall. I live {AP} and there is about 30 cm of packed snow on the road.\n\nThank you,\n{NAME}' }],
  ] },
  { svc: 'GARBAGE', anchor: 'addr:res', members: [
    ['sms', 'en', 'A', 0, 'garbage missed at {A}'],
    ['sms', 'en', 'A', 0.1, 'sorry, garbage AND recycling both missed at {A}. bins still at the curb', { same: true }],
  ] },
  { svc: 'WILDLIFE', anchor: 'park', members: [
    ['sms', 'en', 'P', 0, 'aggressive elk {L} chasing people near the playground'],
    ['whatsapp', 'fr', 'P', 2, 'Attention, un wapiti qui charge les gens {L} 🦌'],
    ['web', 'en', 'C', 3, 'A cow elk with a calf is bluff-charging walkers here {C}. Someone is going to get hurt.'],
  ] },
  { svc: 'GRAFFITI', anchor: 'townhall', members: [
    ['sms', 'en', 'T', 0, 'someone tagged the wall {L} last night, big red letters'],
    ['email', 'en', 'A', 14, { subject: 'Graffiti', body: 'Hello,\n\nThere is new graffiti on the building {L}, red spray paint on the stone wall near the entrance.\n\nThanks,\n{NAME}' }],
  ] },
  { svc: 'WATER', anchor: 'inter:Otter Street|Wolf Street', members: [
    ['transcript', 'en', 'X', 0, "Clerk: Town of Banff.\nCaller: Hi, there's water gushing up out of the pavement {L}. It's running down the street.\nClerk: Okay, that sounds like a water main. Is it near a hydrant?\nCaller: No, it's in the middle of the road.\nClerk: I'm calling utilities right now, thank you."],
    ['sms', 'en', 'N', 0.5, 'water main break? water pouring out of the road {L}'],
    ['whatsapp', 'en', 'C', 1, 'Lots of water coming up from the road here {C} 💦 already freezing on the edges'],
    ['email', 'en', 'X', 3, { subject: 'Water in the road', body: 'Hi,\n\nJust walked by {L} and there is a lot of water coming up through a crack in the road. Your crew may already know.\n\n{NAME}' }],
  ] },
  { svc: 'TREE', anchor: 'addr:res', members: [
    ['sms', 'en', 'A', 0, 'tree came down {L} in the wind, its across the road'],
    ['web', 'en', 'N', 4, 'Fallen tree blocking the road {L}. Cars cannot get through.'],
  ] },
  { svc: 'SEWER', anchor: 'inter:Caribou Street|Muskrat Street', members: [
    ['sms', 'en', 'X', 0, 'street flooding {L}, drain is totally blocked'],
    ['email', 'en', 'N', 6, { subject: 'Blocked storm drain', body: 'Hello,\n\nThe storm drain {L} is plugged with ice and gravel and the water is now pooling across the whole road.\n\nRegards,\n{NAME}' }],
    ['whatsapp', 'en', 'K', 20, 'Big puddle, drain blocked {K}'],
  ] },
  { svc: 'NOISE', anchor: 'addr:res', night: true, members: [
    ['sms', 'en', 'A', 0, 'super loud party at {A}, music and yelling'],
    ['transcript', 'en', 'A', 1, "Clerk: Town of Banff after-hours.\nCaller: Hi, I'm calling about the noise from a party, it's been going for hours.\nClerk: What's the address of the party?\nCaller: {A}.\nClerk: Okay, bylaw is already aware of that one, they're on their way."],
  ] },
  { svc: 'PARKING', anchor: 'addr', members: [
    ['email', 'en', 'A', 0, { subject: 'Abandoned car', body: 'Hello,\n\nA silver minivan has been parked {L} for about three weeks. It has not moved at all and now it is buried by the plow.\n\n{NAME}' }],
    ['sms', 'en', 'A', 30, 'theres an abandoned silver van {L}, been there weeks'],
    ['web', 'en', 'N', 50, 'Abandoned minivan parked {L}, no plates visible, covered in snow.'],
  ] },
  { svc: 'DUMPING', anchor: 'addr', members: [
    ['sms', 'en', 'A', 0, 'someone dumped a couch and a mattress {L}'],
    ['whatsapp', 'en', 'K', 8, 'Couch and mattress dumped here {K} 🛋️'],
    ['web', 'en', 'A', 27, 'Illegally dumped furniture {L}: a brown couch and a mattress.'],
  ] },
  { svc: 'SIDEWALK', anchor: 'addr:main', members: [
    ['web', 'en', 'A', 0, 'Raised sidewalk slab {L}, about 4 cm, people are tripping on it.'],
    ['sms', 'en', 'U', 22, 'the sidewalk outside my building is lifted and my neighbour tripped, im at {A}'],
  ] },
  { svc: 'SIGN', anchor: 'inter:Bear Street|Wolf Street', members: [
    ['sms', 'en', 'X', 0, 'stop sign down {L}'],
    ['transcript', 'en', 'X', 3, "Clerk: Town of Banff, how can I help?\nCaller: Hi, the stop sign {L} is lying on the ground.\nClerk: Okay, thanks, we'll put up a temporary one today."],
    ['email', 'en', 'X', 7, { subject: 'Stop sign knocked down', body: 'Hi,\n\nThe stop sign {L} has been knocked down, probably by a snowplow. Cars are rolling straight through.\n\n{NAME}' }],
  ] },
  { svc: 'POTHOLE', anchor: 'addr', members: [
    ['sms', 'en', 'A', 0, 'deep pothole {L}, filled with slush so you cant see it'],
    ['sms', 'fr', 'A', 12, 'gros nid de poule {L}, faites attention'],
    ['whatsapp', 'en', 'C', 30, 'Pothole at {C}, pretty deep'],
  ] },
  { svc: 'STREETLIGHT', anchor: 'inter:Bear Street|Caribou Street', members: [
    ['sms', 'en', 'X', 0, 'streetlight out {L}'],
    ['email', 'en', 'X', 18, { subject: 'Street light out', body: 'Hello,\n\nThe street light {L} has been out for a few nights now.\n\nBest regards,\n{NAME}' }],
    ['web', 'en', 'N', 44, 'Light out {L}, near the corner.'],
  ] },
  { svc: 'SNOW', anchor: 'addr:main', members: [
    ['sms', 'en', 'A', 0, 'sidewalk {L} is pure ice, not sanded at all'],
    ['whatsapp', 'en', 'K', 3, 'Very slippery sidewalk here, please sand {K}'],
    ['email', 'en', 'N', 5, { subject: 'Icy sidewalk', body: 'Hello,\n\nThe sidewalk {L} is extremely icy. My customers are slipping on the way into the shop.\n\n{NAME}\n{PHONE}' }],
  ] },
  { svc: 'GARBAGE', anchor: 'addr', members: [
    ['sms', 'en', 'A', 0, 'the bear proof bin {L} is jammed full and people are leaving bags on the ground'],
    ['web', 'en', 'A', 16, 'Communal garbage bin {L} is overflowing. Bags on the ground attracting ravens.'],
  ] },
  { svc: 'WILDLIFE', anchor: 'addr', members: [
    ['sms', 'en', 'A', 0, 'dead deer on the road {L}'],
    ['transcript', 'en', 'N', 2, "Clerk: Town of Banff.\nCaller: Hi, there's a deer that's been hit, it's lying on the side of the road.\nClerk: Where exactly?\nCaller: {L}.\nClerk: Okay, I'll send someone to pick it up."],
    ['web', 'en', 'C', 5, 'Dead deer on the shoulder at {C}.'],
  ] },
  { svc: 'TREE', anchor: 'inter:Caribou Street|Grizzly Street', members: [
    ['email', 'en', 'X', 0, { subject: 'Branch on power line', body: 'Hello,\n\nA large branch has fallen onto the power line {L}. It is sagging quite low over the road.\n\n{NAME}\n{PHONE}' }],
    ['sms', 'en', 'N', 2, 'branch hanging on the wires {L}, looks dangerous'],
  ] },
  { svc: 'WATER', anchor: 'addr', members: [
    ['sms', 'en', 'A', 0, 'hydrant {L} is leaking everywhere'],
    ['web', 'en', 'A', 10, 'The fire hydrant {L} is leaking and the water is icing the sidewalk.'],
  ] },
  { svc: 'SEWER', anchor: 'addr', members: [
    ['sms', 'en', 'A', 0, 'catch basin {L} is covered with ice, water everywhere'],
    ['email', 'en', 'A', 26, { subject: 'Drain', body: 'Hi,\n\nThe drain {L} is frozen over and there is a big pool of water on the road.\n\nThanks,\n{NAME}' }],
  ] },
  { svc: 'NOISE', anchor: 'addr', members: [
    ['email', 'en', 'A', 0, { subject: 'Construction noise before 7 am', body: 'Hello,\n\nThe renovation crew {L} has been running saws and a compressor from 6:15 am every day this week.\n\n{NAME}' }],
    ['web', 'en', 'N', 25, 'Construction noise starting before 7 am at the job site {L}.'],
  ] },
  { svc: 'PARKING', anchor: 'addr:res', members: [
    ['sms', 'en', 'A', 0, 'a black truck is blocking my driveway at {A}, need to leave for work'],
    ['sms', 'en', 'A', 0.15, 'still there!! 40 minutes now. {A}', { same: true }],
  ] },
  { svc: 'GRAFFITI', anchor: 'addr', members: [
    ['whatsapp', 'en', 'K', 0, 'New graffiti on the fence here {K}'],
    ['sms', 'en', 'A', 9, 'fence {L} got tagged overnight'],
  ] },
  { svc: 'POTHOLE', anchor: 'addr', members: [
    ['sms', 'es', 'A', 0, 'hay un bache muy grande {L}'],
    ['email', 'en', 'A', 4, { subject: 'Pothole', body: 'Hi,\n\nThere is a large pothole {L}. It is about the size of a dinner plate and deep.\n\n{NAME}' }],
  ] },
  { svc: 'STREETLIGHT', anchor: 'addr:res', members: [
    ['sms', 'en', 'A', 0, 'the streetlight {L} keeps going on and off all night'],
    ['transcript', 'en', 'A', 28, "Clerk: Town of Banff.\nCaller: Hi, the streetlight outside my house flickers all night, it's like a strobe.\nClerk: What's your address?\nCaller: {A}.\nClerk: Okay, I've added it."],
  ] },
  { svc: 'SNOW', anchor: 'inter:Banff Avenue|Caribou Street', members: [
    ['sms', 'en', 'X', 0, 'the crosswalk {L} is buried in snow, people walking in traffic'],
    ['web', 'en', 'X', 6, 'Pedestrian crossing {L} has a snowbank across the curb ramps on both sides.'],
    ['whatsapp', 'es', 'C', 8, 'El paso de peatones está lleno de nieve aquí: {C}'],
  ] },
  { svc: 'SIDEWALK', anchor: 'addr', members: [
    ['email', 'en', 'A', 0, { subject: 'Broken curb', body: 'Hello,\n\nThe curb {L} is broken, there is a large piece of concrete missing and exposed rebar.\n\n{NAME}' }],
    ['sms', 'en', 'N', 19, 'broken curb {L}, metal sticking out'],
  ] },
  { svc: 'TREE', anchor: 'addr', members: [
    ['sms', 'en', 'A', 0, 'tree down {L}, blocking the whole road'],
    ['whatsapp', 'en', 'C', 0.5, 'Tree fell across the road! {C}'],
    ['transcript', 'en', 'A', 1, "Clerk: Town of Banff.\nCaller: Hi, there's a big tree down across the road {L}.\nClerk: Yes, we've had a couple of calls, the crew is on the way."],
    ['web', 'en', 'N', 2, 'A large tree has fallen across the road {L}.'],
  ] },
  { svc: 'WILDLIFE', anchor: 'addr:res', members: [
    ['sms', 'en', 'A', 0, 'black bear in the garbage {L} right now 🐻'],
    ['whatsapp', 'fr', 'A', 0.5, 'Un ours noir fouille les poubelles {L} en ce moment!'],
    ['email', 'en', 'N', 11, { subject: 'Bear in the neighbourhood', body: 'Hello,\n\nA black bear was in the bins {L} last night around 10 pm. It came back again this morning.\n\n{NAME}' }],
  ] },
  { svc: 'DUMPING', anchor: 'addr:res', members: [
    ['sms', 'en', 'A', 0, 'someone left an old mattress {L}'],
    ['web', 'en', 'A', 34, 'Mattress dumped {L}. It has been there since the weekend.'],
  ] },
  { svc: 'GARBAGE', anchor: 'addr:res', members: [
    ['email', 'en', 'A', 0, { subject: 'Recycling missed', body: 'Hi,\n\nRecycling was not picked up on our street today. I am at {A}.\n\n{NAME}' }],
    ['sms', 'en', 'N', 3, 'recycling not picked up {AP}'],
    ['sms', 'en', 'N', 5, 'blue bin missed today at {A}'],
  ] },
  { svc: 'WATER', anchor: 'addr:res', members: [
    ['web', 'en', 'A', 0, 'No water at {A} since 10 am.'],
    ['sms', 'en', 'N', 0.7, 'no water at our house {AP}, is there a break?'],
    ['transcript', 'en', 'N', 1.5, "Clerk: Town of Banff.\nCaller: Hi, our water just stopped, nothing from the taps.\nClerk: What's your address?\nCaller: {A}.\nClerk: Okay, there's a repair in your area, it should be back on this afternoon."],
  ] },
  { svc: 'SIGN', anchor: 'inter:Banff Avenue|Buffalo Street', members: [
    ['sms', 'en', 'X', 0, 'traffic lights {L} are completely dark'],
    ['transcript', 'en', 'X', 0.3, "Clerk: Town of Banff.\nCaller: Hi, the traffic signals {L} are out, it's chaos.\nClerk: Okay, we're aware, a crew is on the way."],
    ['whatsapp', 'es', 'X', 0.6, 'El semáforo {L} no funciona'],
    ['email', 'en', 'X', 1, { subject: 'Traffic signals out', body: 'Hi,\n\nThe traffic lights {L} are not working at all, and traffic is backing up over the bridge.\n\n{NAME}' }],
  ] },
  { svc: 'POTHOLE', anchor: 'inter:Buffalo Street|Otter Street', members: [
    ['sms', 'en', 'X', 0, 'bad pothole {L}'],
    ['web', 'en', 'N', 30, 'Pothole in the road {L}, about 20 cm deep.'],
  ] },
  { svc: 'STREETLIGHT', anchor: 'townhall', members: [
    ['sms', 'en', 'T', 0, 'the streetlight {L} is out'],
    ['email', 'en', 'A', 20, { subject: 'Light out', body: 'Hello,\n\nThe street light {L} is not working.\n\nRegards,\n{NAME}' }],
  ] },
  { svc: 'NOISE', anchor: 'addr:main', night: true, members: [
    ['sms', 'en', 'A', 0, 'bar music {L} is way too loud, windows shaking'],
    ['sms', 'en', 'A', 0.25, 'still going. {A}', { same: true }],
    ['web', 'en', 'A', 1, 'Very loud music from the bar {L}, still going now.'],
  ] },
  { svc: 'OTHER', anchor: 'park', members: [
    ['sms', 'en', 'P', 0, 'bench {L} is broken, the seat boards are cracked'],
    ['email', 'en', 'P', 30, { subject: 'Broken bench', body: 'Hello,\n\nOne of the benches {L} is broken and has a sharp splintered board.\n\n{NAME}' }],
  ] },
  { svc: 'SEWER', anchor: 'addr', members: [
    ['sms', 'en', 'A', 0, 'manhole cover {L} is loose, bangs every time a car drives over'],
    ['whatsapp', 'es', 'A', 20, 'La tapa de alcantarilla {L} está suelta y hace mucho ruido'],
    ['web', 'en', 'A', 26, 'Loose manhole cover {L}, loud bang whenever a car goes over it.'],
  ] },
  { svc: 'PARKING', anchor: 'addr-x', members: [
    ['sms', 'en', 'A', 0, 'car parked in the crosswalk {L} every morning, blocking the ramp'],
    ['web', 'en', 'X', 20, 'Vehicles parking in the crosswalk {L}.'],
  ] },
];
