// Hand-written single emails. Slots as in singles.mjs, plus {NAME} (the writer's name) and {PHONE}
// (a phone number: a distractor, never a place). kind: 'plain' (default), 'quoted' (a reply written above
// the town's earlier message, quoted below "On ... wrote:"), 'quoted-self' (a correction above the writer's
// own earlier email, whose quoted place is wrong), 'fwd' (forwarded by a town clerk).
// `home: true` marks an email whose place is given only as the writer's own address in the signature
// ("outside my house" + "Jane, 412 Otter St"): the label is that address, because it is what they meant.

export const EMAIL_EN = [
  { svc: 'POTHOLE', subject: 'Pothole', body: 'Hello,\n\nThere is a deep pothole {L}. I hit it this morning and it jolted the whole car. It is right where people turn, so it gets hit a lot.\n\nThanks,\n{NAME}' },
  { svc: 'POTHOLE', subject: 'Road damage - needs repair before it gets worse', body: 'Hi there,\n\nThe road surface {L} is breaking apart. There are three or four holes now and loose gravel everywhere. I walk my dog there twice a day and it has gotten noticeably worse over the past 2 weeks.\n\nRegards,\n{NAME}\n{PHONE}' },
  { svc: 'POTHOLE', subject: 're: potholes', kind: 'quoted', quote: 'Thank you for contacting the Town of Banff. Could you please tell us exactly where the pothole is so we can send a crew?', body: 'Sorry, should have said. It is {L}, eastbound side.\n\n{NAME}' },
  { svc: 'STREETLIGHT', subject: 'Streetlight out', body: 'Good evening,\n\nJust letting you know the streetlight {L} is out. It has been dark for about a week and it is a busy spot for people walking home from the bars.\n\nCheers,\n{NAME}' },
  { svc: 'STREETLIGHT', subject: 'Light flickering all night', body: 'Hi,\n\nThe street light {L+} flickers constantly from dusk until about 2 am and then goes off completely. Could someone take a look? Happy to answer questions at {PHONE}.\n\n{NAME}' },
  { svc: 'STREETLIGHT', subject: 'street light', body: 'the street light outside my house has been out since the 12th. thanks\n\n{NAME}\n{A}\nBanff, AB', home: true },
  { svc: 'STREETLIGHT', subject: 'Dark corner', kind: 'fwd', body: 'Hi Town of Banff,\n\nThe light {L} is out, it is very dark there at 5 pm now that the clocks changed.\n\nThank you,\n{NAME}' },
  { svc: 'SIGN', subject: 'Damaged stop sign', body: 'To whom it may concern,\n\nThe stop sign {L} has been hit by a vehicle and is bent over at about 45 degrees. Drivers coming around the corner can barely see it.\n\nSincerely,\n{NAME}' },
  { svc: 'SIGN', subject: 'Traffic light timing problem', body: 'Hi,\n\nThe pedestrian signal {L} only gives about 6 seconds to cross, and this morning it did not change at all for over 5 minutes. Lots of tourists with strollers there.\n\nBest,\n{NAME}', opts: { pool: 'main' } },
  { svc: 'SIGN', subject: 'Missing street sign', body: 'Hello,\n\nThe street name sign {L} has been missing since the windstorm on the 3rd. The post is still there but the blades are gone.\n\n{NAME}' },
  { svc: 'SNOW', subject: 'Unplowed street', body: 'Hello,\n\nOur street still has not been plowed after the weekend storm. The snow is up to my knees and my elderly neighbour cannot get out. We are {AP}.\n\nPlease send a plow.\n\n{NAME}\n{PHONE}' },
  { svc: 'SNOW', subject: 'Icy sidewalk - fall risk', body: 'Hi,\n\nThe sidewalk {L+} is solid ice. I watched two people fall in 10 minutes this morning. Could it please be sanded?\n\nThank you,\n{NAME}' },
  { svc: 'SNOW', subject: 'Windrow blocking driveway', body: "Hello,\n\nFor the third time this month the grader has left a huge ridge of packed snow across our driveway at {A}. I'm 74 and I can't shovel that. Is there a program for seniors?\n\n{NAME}" },
  { svc: 'SNOW', subject: 'Snow clearing schedule?', body: 'Hi,\n\nIs there a schedule for when residential streets are plowed? We never know when to move our cars.\n\nThanks,\n{NAME}' },
  { svc: 'SNOW', subject: 'Fwd: icy crosswalk', kind: 'fwd', body: 'The crosswalk {L} is a skating rink. Someone is going to get hurt.\n\n{NAME}' },
  { svc: 'SIDEWALK', subject: 'Sidewalk hazard', body: 'Good afternoon,\n\nThere is a raised slab on the sidewalk {L}, about 5 cm high. I tripped on it on Tuesday evening and hurt my wrist. It really needs to be ground down or replaced.\n\nRegards,\n{NAME}' },
  { svc: 'SIDEWALK', subject: 'Broken curb', body: 'Hi,\n\nThe curb {L} was broken by the snowplow and a chunk is lying in the road. There is rebar sticking out.\n\n{NAME}\nSent from my iPhone' },
  { svc: 'SIDEWALK', subject: 'accessibility issue', body: 'Hello, I use a power chair and the sidewalk {L} has a gap where the concrete has sunk, my front wheel gets stuck. It has been like this since spring. Thank you. {NAME}' },
  { svc: 'GRAFFITI', subject: 'Graffiti', body: 'Hi,\n\nSomeone has tagged the wall {L+} with spray paint. It appeared sometime between 10 pm and 6 am last night.\n\nThanks for your help,\n{NAME}' },
  { svc: 'GRAFFITI', subject: 'Offensive graffiti near school route', body: 'Hello,\n\nThere is offensive graffiti {L}, including a slur. My kids (8 and 11) walk past it every day. Please remove it as soon as possible.\n\n{NAME}' },
  { svc: 'GRAFFITI', subject: 'Re: graffiti', kind: 'quoted', quote: 'Thanks for your message. Which building or structure is the graffiti on, and where?', body: 'It is on the electrical box {L}. Silver and black paint, about 1 m wide.\n\n{NAME}' },
  { svc: 'GARBAGE', subject: 'Missed garbage pickup', body: 'Hi,\n\nOur garbage was not picked up on Thursday, Dec 3. The bin was at the curb by 6:30 am. The address is {A}.\n\nThank you,\n{NAME}' },
  { svc: 'GARBAGE', subject: 'Recycling not collected', body: 'Hello,\n\nThe recycling was skipped on our block this week. Everyone on the street still has their blue bins out. We are {AP}.\n\nCheers,\n{NAME}' },
  { svc: 'GARBAGE', subject: 'Overflowing bin', body: 'Good morning,\n\nThe public garbage bin {L+} is overflowing and there is trash all around it. The ravens are pulling it apart.\n\n{NAME}' },
  { svc: 'GARBAGE', subject: 'Compost', body: 'Hello,\n\nI live at {A} and our compost has been missed twice now. Is there a problem with our route? Please call me at {PHONE} if you need anything.\n\n{NAME}' },
  { svc: 'DUMPING', subject: 'Illegal dumping', body: 'Hi,\n\nSomeone has dumped a pile of old furniture {L}: a couch, two chairs and a mattress. It has been there since Saturday and now it is covered in snow.\n\n{NAME}' },
  { svc: 'DUMPING', subject: 'Construction waste dumped', body: 'Hello,\n\nThere are about 20 bags of drywall and insulation dumped {L}. It looks like a contractor just left it.\n\nRegards,\n{NAME}' },
  { svc: 'DUMPING', subject: 'Fwd: dumping in alley', kind: 'fwd', body: 'Hi,\n\nPeople keep dumping garbage bags and old appliances {L}. Can bylaw do something? It attracts animals.\n\n{NAME}' },
  { svc: 'TREE', subject: 'Tree down', body: 'Hello,\n\nA tree came down in the wind last night {L}. It is blocking most of the sidewalk and part of the road.\n\nThanks,\n{NAME}' },
  { svc: 'TREE', subject: 'Dangerous branch', body: 'Hi,\n\nThere is a large dead branch hanging above the sidewalk {L+}. It is about 4 m up and swings in the wind. I am worried it will fall on someone.\n\n{NAME}\n{PHONE}' },
  { svc: 'TREE', subject: 'Tree on power line', body: 'Good morning,\n\nA tall spruce {L} is leaning against the power line after the snow. I have also called the power company.\n\n{NAME}' },
  { svc: 'WATER', subject: 'Water leak in the street', body: 'Hello,\n\nThere is water coming up through the road {L}. It started yesterday and now there is a sheet of ice across both lanes.\n\n{NAME}' },
  { svc: 'WATER', subject: 'Hydrant leaking', body: 'Hi,\n\nThe fire hydrant {L} is leaking from the base. You can hear it running.\n\nThanks,\n{NAME}' },
  { svc: 'WATER', subject: 'No water', body: 'Hello,\n\nWe have had no running water since 2 pm today at {A}. Our neighbours have the same problem. Is there a main break?\n\n{NAME}\n{PHONE}' },
  { svc: 'WATER', subject: 'Brown water from the tap', body: 'Hi,\n\nOur tap water has been brown since this morning. Is something going on with the water system? We have a baby at home.\n\n{NAME}' },
  { svc: 'SEWER', subject: 'Flooding - blocked drain', body: 'Hello,\n\nThe storm drain {L} is blocked and the whole road is flooded to the curb. Cars are spraying water onto the sidewalk.\n\n{NAME}' },
  { svc: 'SEWER', subject: 'Sewer smell', body: 'Hi,\n\nThere has been a strong sewage smell {L} for three days, worst in the evenings. I think it is coming from the manhole.\n\n{NAME}' },
  { svc: 'SEWER', subject: 'Re: drainage complaint', kind: 'quoted', quote: 'Thank you for your report. Can you confirm the location of the drain?', body: 'Yes, the catch basin {L}. It was covered again by the plow.\n\n{NAME}' },
  { svc: 'WILDLIFE', subject: 'Dead animal', body: 'Hello,\n\nThere is a dead deer {L}. It looks like it was hit by a car overnight. It is on the boulevard.\n\n{NAME}' },
  { svc: 'WILDLIFE', subject: 'Aggressive elk', body: 'Hi,\n\nA bull elk {L} charged at my son this morning as he walked to school at 8:10. He was not hurt but it was close. Please do something.\n\n{NAME}\n{PHONE}' },
  { svc: 'WILDLIFE', subject: 'Bear sighting', body: 'Hello,\n\nI saw a black bear {L+} at about 9 pm last night. It was going through the bins behind the houses.\n\n{NAME}' },
  { svc: 'WILDLIFE', subject: 'Coyote', body: 'Good morning,\n\nThere has been a coyote hanging around our neighbourhood for a week, it is very bold and does not run away. We have small children and a cat.\n\n{NAME}' },
  { svc: 'NOISE', subject: 'Noise complaint', body: 'Hello,\n\nI want to make a noise complaint about the house {AP}. There are parties every weekend with music until 3 or 4 in the morning.\n\n{NAME}' },
  { svc: 'NOISE', subject: 'Early construction noise', body: 'Hi,\n\nThe construction site {L} starts work at 6 am with heavy machinery. I thought the bylaw said 7 am?\n\nThanks,\n{NAME}' },
  { svc: 'NOISE', subject: 'Barking dog', body: 'Hello,\n\nMy neighbour\u2019s dog barks all day while they are at work, from about 8 am to 5 pm. I work from home and it is making that impossible.\n\n{NAME}' },
  { svc: 'PARKING', subject: 'Abandoned vehicle', body: 'Hi,\n\nThere is a red pickup truck parked {L} that has not moved in over a month. It has expired plates and a flat tire.\n\n{NAME}' },
  { svc: 'PARKING', subject: 'Driveway blocked', body: 'Hello,\n\nCars keep parking across our driveway at {A} on weekends, mostly tourists. Could bylaw patrol on Saturdays?\n\nThank you,\n{NAME}' },
  { svc: 'PARKING', subject: 'Fwd: parking on sidewalk', kind: 'fwd', body: 'Delivery trucks park on the sidewalk {L} every morning between 7 and 9 and we have to walk in the road with our kids.\n\n{NAME}' },
  { svc: 'OTHER', subject: 'Park bench', body: 'Hello,\n\nOne of the benches {L+} is broken, the backrest has come off. Could it be repaired?\n\n{NAME}' },
  { svc: 'OTHER', subject: 'Question about dog licence', body: 'Hi,\n\nHow do I renew my dog licence? The website link seems to be broken.\n\nThanks,\n{NAME}' },
  { svc: 'OTHER', subject: 'Playground', body: 'Hello,\n\nThe climbing net at the playground {L+} has a torn rope. A child could get a foot caught in it.\n\nRegards,\n{NAME}' },
  { svc: 'NOISE', subject: 'noise from short-term rental', body: 'Hi,\n\nThe short-term rental next door to us has a hot tub party every night until 2 am. It is at {A}, we are next door.\n\n{NAME}', opts: { night: true } },
  { svc: 'SIDEWALK', subject: 'sidewalk in front of my house', body: 'Hello,\n\nThe sidewalk in front of my house has a big crack across it and the two pieces are at different heights now. Please have a look.\n\nThank you\n{NAME}\n{A}, Banff', home: true },
];

EMAIL_EN.push(
  { svc: 'GRAFFITI', subject: 'Graffiti everywhere', body: 'Hello,\n\nI have noticed a lot more graffiti around town this fall, mostly the same tag on utility boxes and signs. Is there a way to report these all at once?\n\n{NAME}' },
  { svc: 'TREE', subject: 'Re: Your service request', kind: 'quoted', quote: 'We have received your request about a fallen branch. To help our crew find it, please reply with the nearest address or intersection.', body: 'Hi, the branch is {L+}. It is still blocking the bike lane.\n\n{NAME}' },
  { svc: 'WILDLIFE', subject: 'RE: deer', kind: 'quoted', quote: 'Hello, thanks for reporting the dead deer. Where exactly is it?', body: "It's {L}, on the boulevard.\n\nThanks\n{NAME}" },
  { svc: 'STREETLIGHT', subject: 'Re: streetlight out', kind: 'quoted-self', quote: 'Hi, the streetlight in front of 214 Bear Street has been out for a week.', body: 'Sorry, I gave you the wrong number in my last email. The light that is out is in front of {A}.\n\n{NAME}', opts: { avoidNumber: '214', noUnit: true } },
  { svc: 'PARKING', subject: 'RVs parked overnight', body: 'Hi,\n\nThere are RVs parked overnight on our residential street almost every night, and people are living in them. I thought overnight camping in town was not allowed?\n\n{NAME}' },
);

export const EMAIL_FR = [
  { svc: 'SNOW', subject: 'Déneigement', body: "Bonjour,\n\nLa rue n'a toujours pas été déneigée {L} depuis la tempête de samedi. Les voitures restent prises.\n\nMerci,\n{NAME}" },
  { svc: 'GARBAGE', subject: 'Collecte des ordures', body: "Bonjour,\n\nNos ordures n'ont pas été ramassées jeudi au {A}. Le bac était au bord de la rue dès 7h.\n\nCordialement,\n{NAME}" },
  { svc: 'STREETLIGHT', subject: 'Lampadaire en panne', body: "Bonjour,\n\nLe lampadaire {L} ne fonctionne plus depuis une semaine. C'est très sombre le soir.\n\nMerci d'avance,\n{NAME}" },
  { svc: 'SNOW', subject: 'Fwd: trottoir glacé', kind: 'fwd', body: "Bonjour,\n\nLe trottoir {L} est une vraie patinoire, ma mère est tombée hier.\n\n{NAME}" },
  { svc: 'WATER', subject: "Pas d'eau", body: "Bonjour,\n\nNous n'avons plus d'eau depuis ce matin. Y a-t-il des travaux dans le secteur?\n\n{NAME}" },
];

export const EMAIL_ES = [
  { svc: 'SIDEWALK', subject: 'Acera rota', body: 'Hola,\n\nLa acera {L} está rota y levantada, es peligroso para las personas mayores.\n\nGracias,\n{NAME}' },
  { svc: 'TREE', subject: 'Árbol caído', body: 'Buenas tardes,\n\nSe cayó un árbol {L} con el viento de anoche y está bloqueando la calle.\n\nSaludos,\n{NAME}' },
  { svc: 'NOISE', subject: 'Ruido', body: 'Hola,\n\nQuiero reportar ruido muy fuerte todas las noches, música alta hasta las 3 de la mañana {L}.\n\nGracias,\n{NAME}', opts: { night: true } },
];
