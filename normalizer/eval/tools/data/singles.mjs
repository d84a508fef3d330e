// Hand-written single messages (not part of a dedupe group). Each is [SERVICE, text, options?].
// The SERVICE is what the writer is reporting, decided by reading the text as a person would.
// Location slots (all slots in one message render the same place, chosen by the generator):
//   {L}  a place phrase of any kind ("outside 211 bear st", "at wolf & bear", "on the 300 block of banff",
//        "here https://maps.apple.com/?ll=...", "in central park") - the generator picks the kind
//   {AP} a place phrase that names an address (or the town hall, or a number that does not exist)
//   {A}  a bare address ("412 otter st"), {AW} the same address with the number said in words
//   {X}  a bare intersection ("banff ave and wolf st"), {S} a bare street, {C} pasted coordinates, {K} a map link
// A text without a slot has no location at all (precision none).
// options: { pool: 'main' } draws the place from the main downtown streets (traffic signals, crosswalks);
//          { night: true } received at night local time; { avoidNumber: 'N' } never house number N;
//          { noUnit: true } never an address written with a unit.

export const SMS_EN = [
  // POTHOLE
  ['POTHOLE', 'massive pothole {L} nearly took out my front tire 😡'],
  ['POTHOLE', 'theres a hole in the road {L} thats like 30cm deep, someone is gonna wreck a rim'],
  ['POTHOLE', 'pot hole {L} again. 3rd time this winter i report it'],
  ['POTHOLE', 'road is all broken up {L}, big chunks of asphalt sitting in the lane'],
  ['POTHOLE', 'hi, reporting a pothole {L}. its full of water so you cant tell how deep it is'],
  ['POTHOLE', 'pothole!! {L}'],
  ['POTHOLE', 'big dip in the pavement {L}, my bike went right into it at 7:30 this morning'],
  ['POTHOLE', 'pothole on my street is getting huge, when is someone coming to fix it'],
  ['POTHOLE', 'how do i report a pothole? the one by my work is brutal'],
  ['POTHOLE', 'pothole somewhere on {S}, u cant miss it, right in the middle of the lane'],
  // STREETLIGHT
  ['STREETLIGHT', 'streetlight out {L+}'],
  ['STREETLIGHT', 'the street light {L} has been flickering on and off for 2 weeks'],
  ['STREETLIGHT', 'light pole {L+} is dark. pitch black walking home after my shift at 11'],
  ['STREETLIGHT', 'lamp post {L} is on all day but off at night lol'],
  ['STREETLIGHT', 'street lamp out {L} 💡❌'],
  ['STREETLIGHT', 'hey the light {L} is out again, kinda sketchy for the kids walking to school'],
  ['STREETLIGHT', 'streetlight outside my building is out. been like that since nov 2'],
  ['STREETLIGHT', 'light out on the path down to the river, total darkness 🙁'],
  ['STREETLIGHT', 'all the lights on {S} are out tonight, is it a power outage or just the streetlights?'],
  // SIGN
  ['SIGN', 'stop sign knocked over {L}'],
  ['SIGN', 'someone bent the street sign {L}, its pointing the wrong way now'],
  ['SIGN', 'traffic light {L} stuck on red for like 10 min, people just running it', { pool: 'main' }],
  ['SIGN', 'the no parking sign {L} blew down in the wind'],
  ['SIGN', 'yield sign missing {L}'],
  ['SIGN', 'pedestrian crossing light {L} isnt working, pushing the button does nothing', { pool: 'main' }],
  ['SIGN', 'a stop sign is down near the school, pls fix asap'],
  // SNOW
  ['SNOW', 'road hasnt been plowed {L}, cars sliding everywhere'],
  ['SNOW', 'sidewalk {L+} is a sheet of ice, my mom almost fell'],
  ['SNOW', 'plow left a huge windrow across my driveway {AP} cant get my car out'],
  ['SNOW', 'super icy {L+} can u send sand or salt'],
  ['SNOW', 'snowbank {L} is so high you cant see traffic when pulling out'],
  ['SNOW', 'still unplowed {L}, its been 2 days since the storm'],
  ['SNOW', 'the crosswalk {L} is buried in snow, people are walking in the road', { pool: 'main' }],
  ['SNOW', 'when is my street getting plowed?? its been 3 days'],
  ['SNOW', 'ice everywhere on the sidewalks downtown, someone is going to break a hip'],
  ['SNOW', '{S} hasnt seen a plow all day ❄️❄️'],
  // SIDEWALK
  ['SIDEWALK', 'sidewalk slab heaved up {L}, tripped on it last night'],
  ['SIDEWALK', 'big crack in the sidewalk {L}, my wheelchair cant get past'],
  ['SIDEWALK', 'curb is smashed {L}, bits of concrete in the gutter'],
  ['SIDEWALK', 'broken sidewalk {L} 🚧 someones gonna fall'],
  ['SIDEWALK', 'the sidewalk {L} is crumbling, big gap next to the driveway'],
  ['SIDEWALK', 'the sidewalk in front of my place is lifted by a tree root, theres like a 4cm lip'],
  // GRAFFITI
  ['GRAFFITI', 'graffiti {L+} overnight, big black tags all over the wall'],
  ['GRAFFITI', 'someone spray painted the bus shelter {L+}'],
  ['GRAFFITI', 'tagging on the utility box {L}'],
  ['GRAFFITI', 'offensive graffiti {L+}, my 3 kids walk past this every day, pls remove'],
  ['GRAFFITI', 'fresh spray paint on the fence {L} 🙄'],
  ['GRAFFITI', 'theres new graffiti on the wall by my work, same tag as last month'],
  // GARBAGE
  ['GARBAGE', 'garbage wasnt picked up {L} today'],
  ['GARBAGE', 'recycling missed {L} again, bin been out since 6am'],
  ['GARBAGE', 'the bear bin {L+} is overflowing, bags piled up beside it'],
  ['GARBAGE', 'compost pickup got skipped {L}'],
  ['GARBAGE', 'public trash cans {L+} are full and stuff is blowing everywhere'],
  ['GARBAGE', 'missed pickup {A}'],
  ['GARBAGE', 'my garbage didnt get picked up this week, whats going on'],
  ['GARBAGE', 'hi the lid on the communal bin {L} is broken and wont latch, ravens are getting in'],
  ['GARBAGE', 'missed recycling at {A}, blue bin still full'],
  // DUMPING
  ['DUMPING', 'someone dumped a couch {L}, probably to dodge the $40 dump fee'],
  ['DUMPING', 'old mattress left {L+} for a week now'],
  ['DUMPING', 'pile of construction debris dumped {L}, drywall with nails sticking out'],
  ['DUMPING', 'a fridge and 2 tires got dumped {L} overnight'],
  ['DUMPING', 'people keep dumping bags of household garbage {L}, its not a dump'],
  ['DUMPING', 'someone left a whole pile of furniture in the alley behind my building'],
  ['DUMPING', 'old tv and a bbq dumped {L}'],
  // TREE
  ['TREE', 'big branch down {L} blocking half the road'],
  ['TREE', 'tree fell {L} in the wind last night'],
  ['TREE', 'a limb is hanging over the sidewalk {L+}, looks like its about to snap'],
  ['TREE', 'spruce leaning into the power lines {L}, it moves a lot in the wind'],
  ['TREE', 'branches down all over {L+} after the storm'],
  ['TREE', 'theres a dead tree in the park thats going to come down on someone'],
  ['TREE', 'tree down {L} 🌲'],
  // WATER
  ['WATER', 'water bubbling up out of the road {L}, looks like a main break'],
  ['WATER', 'hydrant {L} is leaking, water running down the street'],
  ['WATER', 'we have no water at {A} since about 9am, is there work going on?'],
  ['WATER', 'pipe burst? water gushing {L}'],
  ['WATER', 'water seeping out of the ground {L}, the puddle has been growing all day'],
  ['WATER', 'water pressure is super low in our building, anyone else?'],
  ['WATER', 'fire hydrant {L} got clipped by a car and is spraying'],
  // SEWER
  ['SEWER', 'storm drain {L} is plugged, road is flooding'],
  ['SEWER', 'sewer smell {L} is awful'],
  ['SEWER', 'catch basin {L} clogged with leaves'],
  ['SEWER', 'manhole cover {L} is loose and clanks every time a car goes over it'],
  ['SEWER', 'street flooded {L}, drain isnt taking any water'],
  ['SEWER', 'sewer backing up into our basement!!! call me 403-555-0148'],
  ['SEWER', 'the drain {L} is frozen over and theres a lake forming'],
  // WILDLIFE
  ['WILDLIFE', 'elk {L+} being aggressive, charged a guy walking his dog'],
  ['WILDLIFE', 'dead deer {L} on the side of the road'],
  ['WILDLIFE', 'black bear going through the bins {L} 🐻'],
  ['WILDLIFE', 'coyote hanging around {L+}, not scared of people at all'],
  ['WILDLIFE', 'roadkill {L}, looks like a fox'],
  ['WILDLIFE', 'herd of like 15 elk {L+} blocking traffic, people getting out of their cars for photos'],
  ['WILDLIFE', 'saw a cougar on the trail near the river at 6:15 this morning'],
  ['WILDLIFE', 'theres a dead raven {L}, been there 2 days'],
  ['WILDLIFE', 'bull elk {L+} in rut, bugling, people getting way too close'],
  ['WILDLIFE', 'elk on the road {L} ⚠️'],
  // NOISE
  ['NOISE', 'loud music {L} its 2am 😤', { night: true }],
  ['NOISE', 'party {L} going all night, screaming and music', { night: true }],
  ['NOISE', 'dog barking nonstop {L} for 3 hours'],
  ['NOISE', 'construction noise {L} started at 5:45am, isnt that too early'],
  ['NOISE', 'someone revving their truck {L} every night around midnight', { night: true }],
  ['NOISE', 'the neighbours are having a massive party again, can someone come', { night: true }],
  ['NOISE', 'noise complaint {A}, music still going', { night: true }],
  ['NOISE', 'generator running all night {L}, super loud', { night: true }],
  // PARKING
  ['PARKING', 'car parked {L} blocking my driveway, cant get out for work'],
  ['PARKING', 'abandoned car {L} hasnt moved in 3 weeks, flat tires'],
  ['PARKING', 'truck parked right on the sidewalk {L}'],
  ['PARKING', 'rv has been parked {L} for 5 days, people living in it'],
  ['PARKING', 'someone parked in the fire lane {L}'],
  ['PARKING', 'grey honda civic blocking the lane {L}, plate CKT 4821'],
  ['PARKING', 'theres a car parked across my driveway again, what can i do'],
  ['PARKING', 'vehicle abandoned {L} with the windows smashed'],
  // OTHER (nothing in the catalogue fits)
  ['OTHER', 'the swing at the playground {L+} is broken, chain snapped'],
  ['OTHER', 'bench {L+} is smashed, slats missing'],
  ['OTHER', 'public washroom {L+} is locked and its only 4pm'],
  ['OTHER', 'how do i pay my utility bill online'],
  ['OTHER', 'is the transfer station open on sundays'],
  ['OTHER', 'dog off leash {L+} every morning, it jumped on my kid'],
  ['OTHER', 'the bike rack {L+} got pulled out of the ground'],
  // more messages with no place at all
  ['STREETLIGHT', 'is there a number to call for streetlights? the one on our corner has been out forever'],
  ['WILDLIFE', 'elk in the school field again, kids cant go out for recess'],
  ['SNOW', 'who do i call about snow in the back lane? its impassable, garbage truck cant get in either'],
  ['GARBAGE', 'hi when is garbage day for the north side? i think i missed it'],
  ['NOISE', 'can bylaw do anything about the bar noise downtown every friday and saturday?'],
];

export const SMS_FR = [
  ['POTHOLE', "gros nid de poule {L}, j'ai failli perdre une roue"],
  ['SNOW', 'la rue est pas déneigée {L} depuis 2 jours, ça glisse en masse'],
  ['STREETLIGHT', 'le lampadaire {L} est brûlé, il fait noir comme chez le loup'],
  ['NOISE', 'musique super forte {L} à 1h du matin, ça fait 3 fois cette semaine', { night: true }],
  ['WILDLIFE', 'un wapiti agressif {L}, attention aux gens avec des chiens'],
  ['GARBAGE', 'les poubelles ont pas été ramassées {L}'],
  ['SIDEWALK', 'le trottoir devant chez nous est tout brisé, ma fille est tombée'],
];

export const SMS_ES = [
  ['POTHOLE', 'hay un bache enorme {L}, cuidado'],
  ['SNOW', 'mucho hielo {L}, casi me caigo 2 veces'],
  ['PARKING', 'un coche estacionado {L} bloqueando mi entrada desde las 7'],
  ['WATER', 'fuga de agua {L}, sale agua de la calle'],
  ['TREE', 'se cayó una rama grande {L}'],
  ['GARBAGE', 'no pasaron por la basura esta semana en mi casa'],
];

export const WHATSAPP_EN = [
  ['POTHOLE', 'Hi! Just hit a nasty pothole {L} 🕳️ my rim is bent, $350 to fix. Who do I talk to about that?'],
  ['POTHOLE', 'Pothole here {K}'],
  ['STREETLIGHT', 'Streetlight out 👇 {K}'],
  ['STREETLIGHT', 'hey, the streetlight {L} keeps buzzing and flickering, drives my kids nuts at bedtime'],
  ['SIGN', 'Stop sign {L} is covered in snow, you literally cannot see it 🛑'],
  ['SNOW', 'No plow yet {L}? 😩 buses sliding'],
  ['SNOW', 'Sidewalk is pure ice here {K} — please sand it before someone gets hurt'],
  ['SIDEWALK', 'The curb {L} got cracked by the plow, there is a big piece missing now'],
  ['GRAFFITI', 'Graffiti on the public washroom {L+} 😕'],
  ['GARBAGE', 'Our street got skipped for garbage again!! third week in a row'],
  ['DUMPING', 'Someone dumped a bunch of old tires {L}, like 8 of them'],
  ['DUMPING', 'Dumped furniture 👉 {K}'],
  ['TREE', 'Huge branch came down {L+}, just missed a parked car'],
  ['WATER', 'Water is pouring out of the hydrant {L} 💦'],
  ['SEWER', 'Drain is blocked and the road is flooding {L}'],
  ['WILDLIFE', 'Dead elk on the side of the road here {K} 😢'],
  ['WILDLIFE', 'Coyotes {L+} following people with dogs, 2 of them'],
  ['WILDLIFE', 'There is a bear up a tree {L+} 🐻 !! kids are in the yard next door'],
  ['NOISE', 'Bar music {L} shaking our windows, it is 1:30am', { night: true }],
  ['PARKING', 'Car parked in front of the fire hydrant {L} for 2 days'],
  ['OTHER', 'Hi, I found a wallet on the bus, where do I drop it off?'],
  ['OTHER', 'Who do I talk to about a business licence?'],
  ['PARKING', 'Tour bus idling and parked in the loading zone {L} for an hour'],
  ['POTHOLE', 'Hello 👋 do you fix potholes in back lanes too? ours is a mess'],
  ['DUMPING', 'Someone dumped a bunch of garbage bags at the trailhead parking lot 😠'],
];

export const WHATSAPP_FR = [
  ['TREE', "Bonjour, une grosse branche est tombée {L} et bloque le trottoir"],
  ['SNOW', "Bonjour! Le trottoir n'a pas été déneigé {L}, c'est de la glace vive"],
  ['WILDLIFE', 'Il y a un ours noir {L+} 🐻 près des poubelles'],
];

export const WHATSAPP_ES = [
  ['SNOW', 'Hola, la calle no está limpia de nieve {L}, los carros no pueden pasar'],
  ['WILDLIFE', 'Hay un venado muerto {L}'],
  ['GRAFFITI', 'Pintadas nuevas en la pared {L+}'],
  ['NOISE', 'Hola buenas noches, hay ruido muy fuerte, música alta {L} desde las 11', { night: true }],
];

export const WEB_EN = [
  ['POTHOLE', 'There is a large pothole {L}. It is roughly 50 cm across and has been getting deeper with the freeze-thaw.'],
  ['POTHOLE', 'Several potholes in a row {L}. Cyclists are swerving into traffic to avoid them.'],
  ['STREETLIGHT', 'Streetlight not working {L}. It has been out for at least a week.'],
  ['STREETLIGHT', 'The street light {L} cycles on and off every few minutes all night.'],
  ['SIGN', 'The street name sign {L} is missing. Delivery drivers keep getting lost.'],
  ['SIGN', 'Traffic signal {L} is flashing red in all directions since about 4 pm.', { pool: 'main' }],
  ['SNOW', 'The sidewalk {L} has not been cleared since Saturday and is very icy. Our building has several elderly residents.'],
  ['SNOW', 'Please sand the hill {L}. Two cars slid through the stop this morning.'],
  ['SIDEWALK', 'A section of sidewalk {L} has sunk about 5 cm, creating a tripping hazard.'],
  ['SIDEWALK', 'Curb ramp {L} is broken and not usable with a stroller or wheelchair.'],
  ['GRAFFITI', 'Graffiti on the side of the building {L+}. Please remove.'],
  ['GRAFFITI', 'Tags painted on the pedestrian sign and the lamp post {L+}.'],
  ['GARBAGE', 'Recycling was not collected on our scheduled day {L}.'],
  ['GARBAGE', 'Missed garbage collection. Address: {A}'],
  ['DUMPING', 'Large pile of yard waste and lumber dumped {L}.'],
  ['DUMPING', 'An old sofa and a box spring have been left {L} since the weekend.'],
  ['TREE', 'A large tree limb is cracked and hanging over the road {L}.'],
  ['TREE', 'A tree came down in last night\u2019s wind {L} and is partly blocking the lane.'],
  ['WATER', 'Water is running across the road {L}. It looks like it is coming up through a crack in the asphalt.'],
  ['WATER', 'The hydrant {L} has been dripping for days and there is now a patch of ice around it.'],
  ['SEWER', 'The storm drain {L} is completely covered with ice and water is pooling across the road.'],
  ['SEWER', 'Strong sewage smell from the manhole {L}, worse in the evening.'],
  ['WILDLIFE', 'A dead deer is lying {L}. It has been there since yesterday morning.'],
  ['WILDLIFE', 'Elk cow with a calf {L+} is acting aggressively toward pedestrians.'],
  ['NOISE', 'Ongoing loud music and shouting {L} most nights after 11 pm.', { night: true }],
  ['NOISE', 'Construction crew {L} running equipment before 7 am on a Sunday.'],
  ['PARKING', 'A vehicle with no plates has been parked {L} for over two weeks.'],
  ['PARKING', 'Cars are regularly parked in the bus stop {L}.'],
  ['OTHER', 'I would like to request a new bench for the bus stop. Many seniors wait there.'],
  ['OTHER', 'The playground equipment {L+} has a broken slide with a sharp edge.'],
  ['SNOW', 'When will the residential streets be plowed after this storm? We have 40 cm on our street.'],
  ['OTHER', 'Please send me information about the 2027 street festival permits.'],
  ['SIDEWALK', 'The sidewalks in our neighbourhood have many cracks and heaves. Is there a plan to repair them next summer?'],
  ['TREE', 'A tree on the boulevard in front of our house looks dead. Can the town assess it before it falls?'],
];

export const WEB_FR = [
  ['POTHOLE', "Il y a un nid-de-poule profond {L}. Plusieurs voitures ont déjà frappé dedans."],
  ['GRAFFITI', "Graffitis sur le mur {L}, apparus pendant la nuit."],
  ['NOISE', "Bruit excessif tous les soirs, fête dans l'appartement voisin, impossible de dormir.", { night: true }],
];

export const WEB_ES = [
  ['STREETLIGHT', 'La farola {L} no funciona desde hace una semana.'],
  ['SEWER', 'La alcantarilla {L} está tapada y se inunda la calle cuando llueve.'],
  ['DUMPING', 'Tiraron un colchón y muebles viejos en el callejón detrás de mi edificio.'],
];

// Phone calls transcribed. "Clerk" is the town's agent.
export const TRANSCRIPT_EN = [
  ['POTHOLE', "Clerk: Town of Banff, how can I help?\nCaller: Yeah hi, there's a pothole that's gotten really bad.\nClerk: Okay, where is it?\nCaller: It's {L}. Right in the driving lane.\nClerk: Got it, I'll put that in for the roads crew."],
  ['POTHOLE', "Clerk: Good morning, Town of Banff.\nCaller: Morning. I want to report a hole in the road, it's like a foot wide.\nClerk: What's the address?\nCaller: Uh, it's {AW}.\nClerk: {A}?\nCaller: That's right.\nClerk: Thanks, we'll get someone out."],
  ['STREETLIGHT', "Clerk: Town of Banff, this is Dana.\nCaller: Hi Dana. The streetlight by my place has been out for about 10 days.\nClerk: Sorry about that. Can I get the location?\nCaller: It's {L}.\nClerk: Okay, I've logged it."],
  ['STREETLIGHT', "Clerk: Town of Banff.\nCaller: Hi, yes, streetlight out {L}.\nClerk: Is it completely out or flickering?\nCaller: Completely out. Since Sunday I think.\nClerk: Okay, thank you."],
  ['SIGN', "Clerk: Town of Banff, how can I help you?\nCaller: There's a stop sign that got knocked flat, probably the plow.\nClerk: Where's that?\nCaller: {L}.\nClerk: Okay, that's a safety issue, I'll flag it urgent."],
  ['SNOW', "Clerk: Town of Banff.\nCaller: Hi, I'm calling because the plow went by and left a two-foot ridge in front of my driveway again.\nClerk: What's your address?\nCaller: {A}.\nClerk: Okay, I'll send that to the snow crew."],
  ['SNOW', "Clerk: Hello, Town of Banff.\nCaller: Hi. It's really icy {L}, I saw two people fall already this morning.\nClerk: Thanks for letting us know, I'll ask for sanding there."],
  ['SIDEWALK', "Clerk: Town of Banff, how may I help?\nCaller: Hi there, I use a walker and the sidewalk {L} is all broken up, I can't get through.\nClerk: I'm sorry, we'll have someone look at it. Is there a number I can call you back on?\nCaller: Yes, 403-555-0193.\nClerk: Thank you."],
  ['GRAFFITI', "Clerk: Town of Banff.\nCaller: Hi, there's graffiti all over the side of the building {L+}, somebody did it last night.\nClerk: Is it offensive?\nCaller: Some of it, yeah.\nClerk: Okay, we'll prioritize it."],
  ['GARBAGE', "Clerk: Town of Banff, how can I help?\nCaller: Our garbage didn't get picked up on Tuesday.\nClerk: What's the address?\nCaller: {A}.\nClerk: And was the bin out by 7 am?\nCaller: Yes, it was out the night before.\nClerk: Okay, I'll log a missed pickup."],
  ['GARBAGE', "Clerk: Town of Banff.\nCaller: Hi, um, I'm calling about my recycling, it wasn't taken.\nClerk: Sure, what's the address?\nCaller: It's uh, two-fourteen, no sorry, {A}.\nClerk: {A}, okay. I'll put in a missed collection.", { avoidNumber: '214' }],
  ['DUMPING', "Clerk: Town of Banff, good afternoon.\nCaller: Hi, someone has dumped a load of renovation junk {L}. Cabinets, a toilet, the works.\nClerk: When did you notice it?\nCaller: This morning around 8.\nClerk: Thanks, bylaw will take a look."],
  ['TREE', "Clerk: Town of Banff.\nCaller: Hi, a big tree came down in the wind {L} and it's lying across the road.\nClerk: Is anyone hurt? Is it on any power lines?\nCaller: No, nobody's hurt, and I don't think so.\nClerk: Okay, I'm sending the crew now."],
  ['TREE', "Clerk: Town of Banff, how can I help?\nCaller: There's a cracked branch hanging over the sidewalk, it's going to fall on someone.\nClerk: Where is it?\nCaller: {L}, on the boulevard tree.\nClerk: Okay, I'll send that to parks."],
  ['WATER', "Clerk: Town of Banff.\nCaller: Hi, there's water coming up out of the road {L}, quite a lot of it.\nClerk: Is it clear water?\nCaller: Yeah, it's clear, and it's starting to freeze on the road.\nClerk: Okay, that sounds like a main, I'm calling utilities right now."],
  ['WATER', "Clerk: Town of Banff, this is Marc.\nCaller: Hi Marc, we've got no water at all in our house since noon.\nClerk: What's the address?\nCaller: {AW}.\nClerk: Okay, {A}. There's no planned work there, I'll send it to utilities."],
  ['SEWER', "Clerk: Town of Banff.\nCaller: Hi, the storm drain {L} is totally blocked and there's a big pond in the road.\nClerk: Okay, thanks, I'll get it cleared."],
  ['WILDLIFE', "Clerk: Town of Banff.\nCaller: Hi, there's a dead deer {L}, it looks like it was hit by a car.\nClerk: Is it on the road or on the side?\nCaller: On the shoulder, kind of half on the sidewalk.\nClerk: Okay, I'll have it picked up."],
  ['WILDLIFE', "Clerk: Town of Banff.\nCaller: Yeah, there's a cow elk {L+} with a calf and she's really agitated, she went after a lady with a stroller.\nClerk: Okay, please keep your distance. I'm passing this to Parks Canada wildlife now."],
  ['NOISE', "Clerk: Town of Banff after-hours line.\nCaller: Hi, sorry to call so late, there's a party {L} and it's been loud since 10.\nClerk: Is it music or people?\nCaller: Both. Really loud bass.\nClerk: Okay, I'll send it to bylaw.", { night: true }],
  ['NOISE', "Clerk: Town of Banff.\nCaller: My neighbour's dog has been barking for about 3 hours straight. I just want it to stop.\nClerk: I understand. What's the address of the dog?\nCaller: I don't know their number, I'd rather not say anyway.\nClerk: Okay, I'll note it, but bylaw will need a location to follow up."],
  ['PARKING', "Clerk: Town of Banff, how can I help?\nCaller: Hi, there's a car blocking my driveway and I need to get to work.\nClerk: What's your address?\nCaller: {A}.\nClerk: Do you know the plate?\nCaller: It's a white Jeep, plate starts with B-K-R.\nClerk: Okay, I'm sending bylaw."],
  ['PARKING', "Clerk: Town of Banff.\nCaller: There's an old van that's been parked {L} for about a month, it's got a flat and stuff piled inside.\nClerk: Okay, we'll tag it for abandoned vehicle."],
  ['OTHER', "Clerk: Town of Banff.\nCaller: Hi, I wanted to ask what time the rec centre opens on Boxing Day.\nClerk: Let me transfer you to recreation services, they'll have the holiday hours.\nCaller: Thanks."],
  ['SNOW', "Clerk: Town of Banff, how can I help?\nCaller: Hi, I'm just wondering when the plows will get to our neighbourhood, it hasn't been done at all.\nClerk: We're working through the priority routes, residential should be done by tomorrow afternoon.\nCaller: Okay, thanks."],
  ['SEWER', "Clerk: Town of Banff.\nCaller: Hi, we've got water coming up through the floor drain in our basement and it smells like sewage.\nClerk: Oh no. Is it still coming in?\nCaller: It's slowed down but it's still there.\nClerk: Okay, I'm sending a utilities crew. What's the address?\nCaller: {A}.\nClerk: Thanks, they'll be there within the hour."],
  ['OTHER', "Clerk: Town of Banff.\nCaller: Hi, I'd like to talk to someone about a development permit for a garage.\nClerk: Sure, that's planning and development, I'll transfer you.\nCaller: Great, thanks."],
  ['STREETLIGHT', "Clerk: Town of Banff.\nCaller: Hi, calling about a street light that's out.\nClerk: Where is it?\nCaller: It's {L}, the one right on the corner.\nClerk: Thank you, logged."],
];

export const TRANSCRIPT_FR = [
  ['POTHOLE', "Agent : Ville de Banff, bonjour.\nAppelant : Bonjour, je veux signaler un gros nid-de-poule.\nAgent : Où se trouve-t-il?\nAppelant : C'est {L}.\nAgent : Merci, je transmets à l'équipe des routes."],
  ['SNOW', "Agent : Ville de Banff, bonjour.\nAppelant : Oui bonjour, ma rue n'a pas été déneigée depuis la tempête, on est bloqués.\nAgent : Quelle est votre adresse?\nAppelant : {A}.\nAgent : D'accord, je le signale."],
];

export const TRANSCRIPT_ES = [
  ['WATER', "Agente: Town of Banff, buenos días.\nLlamante: Hola, buenos días, hay una fuga de agua {L}, sale mucha agua.\nAgente: ¿Desde cuándo?\nLlamante: Desde esta mañana, como a las 8.\nAgente: Gracias, aviso a servicios públicos."],
  ['STREETLIGHT', "Agente: Town of Banff.\nLlamante: Hola, la farola {L} está apagada hace días.\nAgente: Muy bien, lo anoto. Gracias."],
];
