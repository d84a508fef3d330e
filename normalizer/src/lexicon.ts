/**
 * What people call the common problems a town's 311 handles, in English, French and Spanish. Each concept is tied
 * to whichever service of a town's catalogue names it (by name, keywords, description or group), so a terse catalogue
 * ("LIGHTS: Street lights") still understands "the lamp post by my house is flickering".
 *
 * A term may end in ":<weight>": words that name a thing rather than its problem ("sidewalk", "car") or that are
 * only a hint ("dark") count for less than words that name the problem ("icy", "pothole"). Anchors are words a
 * catalogue uses for the service ("road repair", "animal control") that are too broad to be evidence in a message.
 */
export interface Concept {
  id: string;
  /** how much a report that names it is about it: a wild animal draws the eye more than the bin it is in */
  salience?: number;
  en: readonly string[];
  fr: readonly string[];
  es: readonly string[];
  anchors?: readonly string[];
}

export const CONCEPTS: readonly Concept[] = [
  {
    id: 'pothole',
    en: ['pothole', 'pot hole', 'potholes', 'hole in the road', 'hole in the street', 'road damage', 'damaged road', 'crack in the road', 'cracked road', 'sinkhole', 'rut:0.7', 'ruts:0.7', 'hole:0.6', 'asphalt:0.5', 'broken pavement:0.8', 'crater', 'dip:0.6', 'bump:0.4', 'washout', 'washed out', 'broken road', 'uneven road:0.8', 'cracks in the road', 'cracked asphalt', 'crumbling road', 'road is breaking up'],
    fr: ['nid de poule', 'nid-de-poule', 'nids de poule', 'trou:0.6', 'trou dans la rue', 'trou dans la chaussee', 'chaussee endommagee', 'chaussee defoncee', 'rue defoncee', 'chaussee:0.4', 'affaissement', 'ornieres:0.7', 'asphalte:0.5', 'trous:0.6', 'bosse:0.4', 'chaussee abimee', 'fissures:0.5'],
    es: ['bache', 'baches', 'hoyo', 'pozo:0.6', 'socavon', 'hundimiento', 'agujero:0.6', 'asfalto:0.5', 'pavimento roto', 'hoyos', 'grieta:0.6', 'pavimento danado', 'hundido:0.6'],
    anchors: ['road repair', 'road', 'roads', 'paving', 'pavement repair', 'street repair', 'voirie', 'chaussee', 'pavimento', 'calles'],
  },
  {
    id: 'streetlight',
    en: ['streetlight', 'streetlights', 'street light', 'street lights', 'streetlamp', 'street lamp', 'lamp post', 'lamppost', 'light pole', 'lamp:0.8', 'bulb:0.8', 'light:0.7', 'lights:0.7', 'light out', 'lights out', 'flickering:0.6', 'flickers:0.6', 'burnt out:0.7', 'burned out:0.7', 'dark:0.4', 'pitch black:0.5', 'lamps:0.8', 'light standard', 'lights are off', 'lighting:0.7', 'cycling:0.4'],
    fr: ['lampadaire', 'lampadaires', 'eclairage', 'lumiere:0.7', 'lampe:0.8', 'ampoule:0.8', 'reverbere', 'poteau d eclairage', 'eclairage de rue', 'clignote:0.6', 'sombre:0.4', 'reverberes', 'lumieres:0.7', 'eclairage public'],
    es: ['farola', 'farolas', 'alumbrado', 'luminaria', 'poste de luz', 'luz:0.7', 'luces:0.7', 'foco:0.7', 'lampara:0.8', 'parpadea:0.6', 'oscuro:0.4', 'oscura:0.4', 'faroles', 'lamparas:0.8', 'alumbrado publico', 'luminarias', 'poste de alumbrado'],
    anchors: ['lighting', 'lights', 'street lighting'],
  },
  {
    id: 'traffic signal',
    en: ['traffic light', 'traffic lights', 'traffic signal', 'traffic signals', 'stoplight', 'stop light', 'signal:0.8', 'crossing light', 'crosswalk light', 'pedestrian light', 'pedestrian signal', 'pedestrian crossing light', 'walk signal', 'crosswalk signal', 'crosswalk button', 'push button:0.8', 'button:0.5', 'traffic lights out', 'signal timing', 'left turn arrow', 'flashing red:0.8', 'walk light', 'pedestrian button'],
    fr: ['feu de circulation', 'feux de circulation', 'feu rouge', 'feux:0.6', 'feu pieton', 'signal:0.8', 'signalisation lumineuse', 'bouton:0.5', 'feu clignotant', 'feu pour pietons'],
    es: ['semaforo', 'semaforos', 'semaforo peatonal', 'senal de transito:0.8', 'boton:0.5', 'semaforo descompuesto', 'luz roja:0.6'],
    anchors: ['signals', 'traffic'],
  },
  {
    id: 'sign',
    en: ['sign', 'signs', 'stop sign', 'street sign', 'road sign', 'yield sign', 'speed sign', 'no parking sign', 'parking sign', 'sign post', 'signpost', 'sign down', 'street name sign', 'signage', 'speed limit sign', 'crosswalk sign', 'school zone sign', 'detour sign'],
    fr: ['panneau', 'panneaux', 'panneau d arret', 'arret:0.4', 'affiche:0.6', 'signalisation', 'plaque de rue', 'panneau de signalisation', 'panneau de vitesse', 'panneau arret'],
    es: ['senal', 'senales', 'letrero', 'letreros', 'senalamiento', 'senal de alto', 'senal de pare', 'cartel:0.7', 'senal de transito', 'senal de velocidad', 'letrero de alto'],
    anchors: ['signage'],
  },
  {
    id: 'snow and ice',
    en: ['snow', 'snowy', 'snowbank', 'snowbanks', 'snow bank', 'snowdrift', 'drift:0.6', 'drifts:0.6', 'ice', 'icy', 'iced', 'black ice', 'slippery', 'slipping:0.8', 'slipped:0.8', 'slick:0.8', 'skating rink:0.8', 'plow:0.8', 'plows:0.8', 'plough:0.8', 'plowed', 'plowing', 'snowplow:0.8', 'snow plow:0.8', 'unplowed', 'windrow', 'windrows', 'sand:0.7', 'sanded:0.8', 'sanding', 'unsanded', 'salt:0.7', 'salted:0.8', 'salting', 'slush', 'shovel:0.7', 'shoveled:0.7', 'shovelled:0.7', 'not cleared:0.6', 'uncleared:0.7', 'cleared:0.4', 'snowfall', 'snowed', 'snowed in', 'snow removal', 'snow clearing', 'blizzard', 'sheet of ice', 'freezing rain', 'ice build-up', 'ice buildup', 'iced over', 'snow-covered', 'snow covered', 'ridge:0.4'],
    fr: ['neige', 'enneige', 'enneigee', 'banc de neige', 'glace', 'glacee', 'glace noire', 'verglas', 'glissant', 'glissante', 'glisse', 'patinoire:0.8', 'deneigement', 'deneige', 'deneigee', 'deneiger', 'chasse-neige', 'chasse neige', 'souffleuse', 'sable:0.7', 'sel:0.7', 'gadoue', 'sloche', 'pelleter:0.7', 'deglacage', 'tempete de neige', 'bordee de neige', 'deblayage', 'pluie verglacante', 'abrasif', 'trottoir glace'],
    es: ['nieve', 'nevada', 'hielo', 'helado:0.8', 'helada:0.8', 'congelado:0.5', 'resbaladizo', 'resbaladiza', 'resbaloso', 'resbalosa', 'resbala', 'quitanieves', 'sal:0.6', 'aguanieve', 'palear:0.7', 'despejar:0.5', 'nieve acumulada', 'quitar la nieve', 'retirar la nieve', 'escarcha', 'hielo negro'],
    anchors: ['snow removal', 'winter', 'winter maintenance', 'snow clearing', 'deneigement', 'hiver', 'invierno'],
  },
  {
    id: 'sidewalk',
    en: ['sidewalk:0.6', 'sidewalks:0.6', 'curb:0.6', 'curbs:0.6', 'kerb:0.6', 'curb ramp:0.6', 'curb ramps:0.6', 'walkway:0.5', 'footpath:0.5', 'crosswalk:0.3', 'pedestrian crossing:0.3', 'slab:0.7', 'cracked sidewalk', 'broken sidewalk', 'uneven sidewalk', 'heaved:0.8', 'trip hazard', 'tripping hazard', 'tripped:0.7', 'uneven:0.6', 'pavers:0.7', 'paving stones:0.7', 'interlocking:0.5', 'lifted:0.6'],
    fr: ['trottoir:0.6', 'trottoirs:0.6', 'bordure:0.6', 'passage pieton:0.3', 'passage pour pietons:0.3', 'dalle:0.7', 'trottoir brise', 'souleve:0.8', 'soulevee:0.8', 'trebuche:0.7', 'paves:0.7'],
    es: ['acera:0.6', 'aceras:0.6', 'banqueta:0.6', 'bordillo:0.6', 'vereda:0.6', 'paso de peatones:0.3', 'paso peatonal:0.3', 'cruce peatonal:0.3', 'losa:0.7', 'levantada:0.8', 'levantado:0.8', 'tropezo:0.7', 'adoquines:0.7', 'loseta:0.7'],
    anchors: ['sidewalks', 'walkways'],
  },
  {
    id: 'graffiti',
    en: ['graffiti', 'grafitti', 'grafiti', 'tag:0.7', 'tags:0.7', 'tagged', 'tagging', 'spray paint', 'spray painted', 'spray-painted', 'vandalism', 'vandalized', 'vandalised', 'defaced', 'paint:0.4', 'painted:0.5', 'marker:0.6', 'sharpie', 'etched:0.7', 'scratched:0.5', 'stickers:0.5', 'wrote on:0.6', 'drew on:0.6', 'offensive writing', 'tagger', 'taggers'],
    fr: ['graffiti', 'graffitis', 'tag:0.7', 'tags:0.7', 'vandalisme', 'vandalise', 'vandalisee', 'peinture:0.4', 'barbouillage', 'inscriptions:0.6', 'dessins:0.4', 'barbouille'],
    es: ['grafiti', 'grafitis', 'graffiti', 'pintada', 'pintadas', 'pintaron', 'vandalismo', 'vandalizado', 'vandalizada', 'rayado:0.6', 'pintura:0.4', 'rayones:0.6', 'rayaron', 'pintarrajearon'],
  },
  {
    id: 'garbage',
    en: ['garbage', 'trash', 'rubbish', 'refuse:0.7', 'recycling', 'recyclables', 'blue bin', 'green bin', 'black bin', 'compost', 'organics', 'yard waste', 'bin', 'bins', 'cart:0.6', 'carts:0.6', 'dumpster', 'garbage can', 'trash can', 'pickup:0.8', 'pick up:0.6', 'picked up:0.7', 'collection:0.8', 'collected:0.7', 'missed:0.5', 'skipped:0.5', 'overflowing', 'overflow:0.8', 'garbage truck', 'recycling truck', 'bear bin', 'bear bins', 'bear-proof bin', 'waste:0.7', 'garbage day', 'not emptied', 'not picked up', 'collection day', 'trash pickup', 'garbage pickup', 'recycling pickup', 'leaf bags:0.6', 'bin lid', 'cart lid', 'overfilled'],
    fr: ['ordures', 'dechets:0.8', 'poubelle', 'poubelles', 'bac', 'bacs', 'recyclage', 'compost', 'matieres organiques', 'collecte', 'ramassage', 'ramasse:0.7', 'ramassee:0.7', 'ramassees:0.7', 'camion a ordures', 'deborde', 'debordent', 'conteneur', 'collecte des ordures', 'cueillette', 'vidanges', 'bac bleu', 'bac brun', 'bac vert', 'pas ete vide', 'pas ete videe'],
    es: ['basura', 'reciclaje', 'reciclables', 'contenedor', 'contenedores', 'bote de basura', 'recoleccion', 'recogida', 'recogieron:0.7', 'recoger:0.5', 'residuos:0.8', 'desbordado', 'desbordada', 'camion de basura', 'composta', 'camion recolector', 'no paso el camion', 'bolsas de basura:0.6', 'basurero'],
    anchors: ['waste collection', 'solid waste', 'sanitation'],
  },
  {
    id: 'dumping',
    en: ['dumping', 'dumped', 'dump:0.7', 'illegal dumping', 'furniture', 'couch', 'sofa', 'mattress', 'mattresses', 'box spring', 'boxspring', 'armchair', 'fridge', 'refrigerator', 'freezer', 'appliance', 'appliances', 'washer:0.8', 'dryer:0.8', 'television:0.7', 'tires:0.6', 'tyres:0.6', 'junk', 'debris', 'construction waste', 'renovation waste', 'renovation junk', 'left behind:0.5', 'pile of:0.4', 'abandoned furniture', 'shingles', 'drywall', 'lumber:0.7', 'carpet:0.6', 'paint cans', 'truckload', 'unloaded:0.7', 'construction materials', 'tv:0.6', 'microwave', 'stove:0.7', 'dishwasher'],
    fr: ['depot sauvage', 'depot illegal', 'deversement', 'meubles', 'meuble', 'canape', 'divan', 'sofa', 'matelas', 'sommier', 'electromenager', 'electromenagers', 'frigo', 'refrigerateur', 'pneus', 'debris', 'dechets de construction', 'encombrants', 'bardeaux', 'gypse', 'tapis:0.6', 'pots de peinture', 'materiaux de construction'],
    es: ['tiraron', 'tirado:0.7', 'tirados:0.7', 'tiradero', 'escombros', 'muebles', 'mueble', 'sofa', 'colchon', 'colchones', 'somier', 'refrigerador', 'nevera', 'electrodomesticos', 'llantas', 'neumaticos', 'desechos:0.7', 'basura tirada', 'llantas viejas', 'cascajo', 'tablaroca', 'materiales de construccion'],
    anchors: ['illegal dumping', 'bulky items'],
  },
  {
    id: 'tree',
    en: ['tree', 'trees', 'branch', 'branches', 'limb', 'limbs', 'trunk', 'stump', 'fallen tree', 'tree down', 'uprooted', 'leaning tree', 'dead tree', 'spruce', 'pine:0.8', 'fir:0.8', 'poplar', 'aspen', 'birch:0.8', 'cedar:0.8', 'willow:0.8', 'cottonwood', 'hedge:0.7', 'shrub:0.7', 'shrubs:0.7', 'roots:0.5', 'split:0.4', 'snapped:0.5', 'rotten:0.5', 'dead branches', 'hanging branch', 'overhanging:0.7', 'tree limb', 'deadfall', 'windfall', 'blowdown', 'logs:0.5'],
    fr: ['arbre', 'arbres', 'branche', 'branches', 'tronc', 'souche', 'sapin', 'epinette', 'pin:0.8', 'peuplier', 'bouleau', 'erable', 'haie:0.7', 'arbuste:0.7', 'racines:0.5', 'arbre tombe', 'arbre mort', 'branches cassees', 'elagage'],
    es: ['arbol', 'arboles', 'rama', 'ramas', 'tronco', 'tocon', 'pino', 'abeto', 'alamo', 'abedul', 'arbusto:0.7', 'raices:0.5', 'arbol caido', 'poda', 'ramas caidas'],
    anchors: ['forestry', 'urban forestry'],
  },
  {
    id: 'water',
    en: ['water:0.6', 'water leak', 'water coming up', 'water coming out', 'water bubbling', 'water gushing', 'water spraying', 'water pouring', 'water running', 'water flowing', 'water shooting', 'leak:0.7', 'leaking:0.7', 'leaks:0.7', 'leaky:0.7', 'water main', 'watermain', 'main break', 'burst pipe', 'broken pipe', 'pipe:0.5', 'hydrant', 'fire hydrant', 'no water', 'water pressure', 'low pressure', 'pressure:0.4', 'tap water', 'brown water', 'discoloured water', 'discolored water', 'gushing:0.8', 'bubbling:0.7', 'curb stop', 'shutoff valve', 'valve:0.6', 'water meter', 'pipe burst', 'water main break', 'waterline', 'water line', 'service line', 'boil water', 'water quality', 'cloudy water', 'rusty water'],
    fr: ['eau:0.6', 'eau qui sort', 'eau qui coule', 'eau qui jaillit', 'fuite', 'fuite d eau', 'aqueduc', 'conduite', 'conduite d eau', 'bris d aqueduc', 'tuyau:0.5', 'borne-fontaine', 'borne fontaine', 'borne d incendie', 'bornes-fontaines', 'pas d eau', 'plus d eau', 'pression:0.5', 'eau brune', 'robinet:0.7', 'compteur d eau', 'eau rouillee', 'bris de conduite'],
    es: ['agua:0.6', 'sale agua', 'brota agua', 'agua saliendo', 'agua brotando', 'fuga', 'fuga de agua', 'tuberia', 'tubo:0.5', 'cano:0.5', 'hidrante', 'toma de agua', 'sin agua', 'presion:0.5', 'agua turbia', 'llave:0.5', 'medidor de agua', 'tuberia rota', 'agua sucia'],
    anchors: ['water service', 'water main', 'utilities', 'aqueduc', 'agua potable'],
  },
  {
    id: 'sewer',
    en: ['drain', 'drains', 'storm drain', 'catch basin', 'catchbasin', 'sewer', 'sewage', 'sewer backup', 'backing up:0.8', 'backed up:0.8', 'manhole', 'manhole cover', 'culvert', 'ditch:0.7', 'flooding', 'flooded', 'flood', 'puddle:0.7', 'pooling:0.8', 'ponding', 'standing water', 'clogged', 'plugged:0.8', 'blocked drain', 'grate:0.7', 'storm water', 'stormwater', 'sewer smell', 'smells like sewage', 'odour:0.4', 'odor:0.4', 'stink:0.4', 'septic', 'overflowing drain', 'water pooling', 'flooded street', 'gutter:0.6', 'storm grate'],
    fr: ['egout', 'egouts', 'drain', 'puisard', 'bouche d egout', 'grille:0.5', 'inondation', 'inonde', 'inondee', 'refoulement', 'refoule', 'bouche:0.5', 'flaque:0.7', 'fosse:0.6', 'ponceau', 'odeur d egout', 'refoulement d egout', 'caniveau:0.6'],
    es: ['alcantarilla', 'alcantarillado', 'drenaje', 'coladera', 'tapa de alcantarilla', 'inundacion', 'inundado', 'inundada', 'aguas negras', 'aguas residuales', 'atascado', 'tapado:0.7', 'charco:0.7', 'cuneta', 'olor a drenaje', 'alcantarilla desbordada', 'coladera tapada'],
    anchors: ['drainage', 'storm sewer', 'sanitary sewer', 'wastewater'],
  },
  {
    id: 'wildlife',
    salience: 1.25,
    en: ['animal', 'animals', 'wildlife', 'dead animal', 'carcass', 'roadkill', 'road kill', 'bear', 'bears', 'grizzly', 'elk', 'deer', 'moose', 'caribou', 'bighorn', 'sheep:0.8', 'mountain goat', 'coyote', 'coyotes', 'wolf', 'wolves', 'cougar', 'mountain lion', 'fox', 'foxes', 'raccoon', 'raccoons', 'skunk', 'porcupine', 'beaver', 'muskrat', 'marten', 'squirrel', 'rabbit', 'hare', 'bird', 'birds', 'raven', 'crow', 'magpie', 'goose', 'geese', 'duck', 'owl', 'eagle', 'hawk', 'bat', 'snake', 'possum', 'opossum', 'armadillo', 'bobcat', 'lynx', 'pigeon', 'pigeons', 'seagull', 'seagulls', 'gull', 'groundhog', 'woodchuck', 'gopher', 'ground squirrel', 'badger', 'weasel', 'mink', 'otter', 'turtle', 'frog', 'herd:0.5', 'den:0.4'],
    fr: ['animal', 'animaux', 'faune', 'animal mort', 'carcasse', 'ours', 'grizzli', 'wapiti', 'wapitis', 'cerf', 'chevreuil', 'orignal', 'caribou', 'mouflon', 'coyote', 'loup', 'couguar', 'puma', 'renard', 'raton laveur', 'mouffette', 'porc-epic', 'castor', 'ecureuil', 'lievre', 'lapin', 'oiseau', 'oiseaux', 'corbeau', 'corneille', 'oie', 'bernache', 'canard', 'hibou', 'aigle', 'chauve-souris', 'serpent', 'lynx', 'pigeon', 'pigeons', 'mouette', 'marmotte', 'belette', 'tortue', 'grenouille', 'troupeau:0.5'],
    es: ['animal', 'animales', 'fauna', 'animal muerto', 'cadaver', 'oso', 'osos', 'alce', 'ciervo', 'venado', 'venados', 'wapiti', 'borrego', 'cabra montes', 'coyote', 'lobo', 'puma', 'zorro', 'mapache', 'zorrillo', 'mofeta', 'puercoespin', 'castor', 'ardilla', 'conejo', 'liebre', 'pajaro', 'ave', 'aves', 'cuervo', 'urraca', 'ganso', 'pato', 'buho', 'aguila', 'murcielago', 'serpiente', 'tlacuache', 'lince', 'paloma', 'palomas', 'gaviota', 'marmota', 'comadreja', 'tortuga', 'rana', 'manada:0.5'],
    anchors: ['animal control', 'animal services', 'dead animal'],
  },
  {
    id: 'pets',
    en: ['dog', 'dogs', 'puppy', 'cat', 'cats', 'off leash', 'off-leash', 'unleashed', 'stray', 'dog poop', 'dog waste', 'dog bite', 'pet', 'pets'],
    fr: ['chien', 'chiens', 'chat', 'chats', 'sans laisse', 'errant', 'crottes', 'animal de compagnie'],
    es: ['perro', 'perros', 'gato', 'gatos', 'sin correa', 'callejero', 'excremento', 'mascota'],
    anchors: ['animal control', 'animal services', 'dog licence'],
  },
  {
    id: 'noise',
    en: ['noise', 'noisy', 'loud', 'music', 'party', 'parties', 'partying', 'barking', 'dog barking', 'shouting', 'yelling', 'screaming', 'bass', 'stereo', 'speakers:0.7', 'generator:0.8', 'construction noise', 'jackhammer', 'drilling:0.7', 'racket', 'banging:0.8', 'fireworks', 'revving', 'honking', 'idling:0.5', 'alarm:0.7', 'car alarm', 'construction:0.4', 'leaf blower', 'leaf blowers', 'lawn mower', 'mower:0.7', 'chainsaw', 'power tools', 'loudspeaker', 'amplified', 'subwoofer', 'karaoke', 'drums:0.7', 'howling:0.6', 'muffler:0.7'],
    fr: ['bruit', 'bruits', 'bruyant', 'bruyante', 'bruyants', 'musique', 'fete', 'party', 'tapage', 'vacarme', 'cris', 'crient', 'aboie', 'aboiements', 'generatrice:0.8', 'chantier:0.5', 'travaux:0.4', 'alarme:0.7', 'feux d artifice', 'souffleuse a feuilles', 'tondeuse:0.7', 'scie a chaine', 'klaxon', 'silencieux:0.5'],
    es: ['ruido', 'ruidos', 'ruidoso', 'ruidosa', 'musica', 'musica alta', 'fiesta', 'gritos', 'gritando', 'ladrando', 'ladridos', 'generador:0.8', 'obras:0.4', 'escandalo', 'alarma:0.7', 'cohetes', 'sopladora', 'podadora:0.7', 'motosierra', 'claxon'],
    anchors: ['noise complaint', 'nuisance'],
  },
  {
    id: 'parking',
    en: ['parked', 'parking', 'abandoned:0.5', 'illegally parked', 'double parked', 'blocking:0.3', 'blocked in', 'blocking driveway', 'blocking my driveway', 'driveway:0.4', 'abandoned car', 'abandoned vehicle', 'tow', 'towed', 'towing', 'tow truck', 'car:0.6', 'cars:0.6', 'truck:0.6', 'trucks:0.6', 'van:0.6', 'vehicle:0.6', 'vehicles:0.6', 'suv:0.6', 'pickup truck:0.6', 'trailer:0.6', 'rv:0.6', 'motorhome:0.6', 'camper:0.6', 'licence plate:0.6', 'license plate:0.6', 'plates:0.5', 'expired plates', 'meter:0.4', 'fire lane', 'no parking zone', 'handicap spot', 'accessible parking', 'disabled parking', 'loading zone', 'parked illegally', 'overnight parking', 'boat:0.5', 'motorcycle:0.4', 'plate:0.5'],
    fr: ['stationnement', 'stationne', 'stationnee', 'stationnes', 'gare:0.6', 'garee:0.6', 'gares:0.6', 'garees:0.6', 'voiture:0.6', 'voitures:0.6', 'auto:0.6', 'camion:0.6', 'vehicule:0.6', 'vehicules:0.6', 'remorque:0.6', 'roulotte:0.6', 'bloque:0.3', 'bloquent:0.3', 'remorquage', 'voiture abandonnee', 'entree:0.3', 'plaque:0.5', 'zone de remorquage', 'stationnement interdit', 'voie reservee'],
    es: ['estacionado', 'estacionada', 'estacionados', 'estacionamiento', 'aparcado', 'aparcada', 'mal estacionado', 'coche:0.6', 'coches:0.6', 'carro:0.6', 'carros:0.6', 'auto:0.6', 'camioneta:0.6', 'vehiculo:0.6', 'vehiculos:0.6', 'remolque:0.6', 'grua', 'bloquea:0.3', 'bloqueando:0.3', 'coche abandonado', 'placas:0.5', 'cochera:0.4', 'lugar para discapacitados', 'zona de carga', 'carro abandonado'],
    anchors: ['parking enforcement', 'abandoned vehicles', 'vehicles'],
  },
  {
    id: 'litter and street cleaning',
    en: ['litter', 'littering', 'street sweeping', 'sweeping', 'sweeper', 'broken glass', 'glass:0.5', 'needles', 'syringes', 'needle', 'leaves:0.6', 'dirty:0.4'],
    fr: ['detritus', 'balayage', 'balai mecanique', 'verre brise', 'seringues', 'feuilles mortes', 'sale:0.3'],
    es: ['barrido', 'barrer', 'vidrios', 'vidrio roto', 'jeringas', 'hojas secas', 'sucio:0.4'],
    anchors: ['street cleaning', 'litter'],
  },
  {
    id: 'pests',
    en: ['rats', 'rat', 'mice', 'rodent', 'rodents', 'mosquitoes', 'mosquito', 'wasps', 'wasp nest', 'hornets', 'bees', 'cockroaches', 'bed bugs', 'pests'],
    fr: ['rats', 'souris', 'rongeurs', 'moustiques', 'guepes', 'nid de guepes', 'coquerelles', 'punaises', 'vermine'],
    es: ['ratas', 'raton', 'ratones', 'roedores', 'mosquitos', 'avispas', 'abejas', 'cucarachas', 'plaga', 'plagas'],
    anchors: ['pest control'],
  },
  {
    id: 'grass and weeds',
    en: ['grass', 'overgrown', 'weeds', 'mowing', 'mow', 'long grass', 'lawn:0.7', 'brush:0.5'],
    fr: ['gazon', 'herbe', 'mauvaises herbes', 'tonte', 'pelouse'],
    es: ['pasto', 'cesped', 'maleza', 'hierba', 'podar:0.6'],
    anchors: ['mowing', 'vegetation'],
  },
  {
    id: 'road markings',
    en: ['road markings', 'line painting', 'lane markings', 'faded lines', 'painted lines', 'crosswalk lines'],
    fr: ['marquage', 'lignes effacees', 'marquage au sol'],
    es: ['senalizacion horizontal', 'lineas pintadas', 'rayas'],
    anchors: ['markings'],
  },
  {
    id: 'traffic safety',
    en: ['speeding', 'speeders', 'speed bump', 'speed hump', 'traffic calming', 'racing'],
    fr: ['vitesse', 'exces de vitesse', 'dos d ane', 'ralentisseur'],
    es: ['exceso de velocidad', 'velocidad', 'tope', 'reductor de velocidad'],
    anchors: ['traffic safety', 'traffic calming'],
  },
  {
    id: 'transit',
    en: ['bus stop', 'bus shelter', 'bus', 'transit'],
    fr: ['abribus', 'arret d autobus', 'autobus'],
    es: ['parada de autobus', 'autobus', 'marquesina'],
    anchors: ['transit', 'public transport'],
  },
  {
    id: 'playground',
    en: ['playground', 'play structure', 'play equipment', 'slide:0.6', 'swing:0.6', 'swings:0.6', 'climbing frame', 'jungle gym', 'sandbox'],
    fr: ['terrain de jeux', 'aire de jeux', 'module de jeux', 'glissade', 'glissoire', 'balancoire', 'balancoires', 'carre de sable'],
    es: ['parque infantil', 'juegos infantiles', 'area de juegos', 'tobogan', 'resbaladilla', 'columpio', 'columpios', 'arenero'],
    anchors: ['playgrounds', 'parks', 'park maintenance'],
  },
  {
    id: 'park amenities',
    en: ['park:0.4', 'parks:0.4', 'bench', 'benches', 'picnic table', 'washroom', 'washrooms', 'restroom', 'restrooms', 'public toilet', 'toilet:0.7', 'outhouse', 'water fountain', 'drinking fountain', 'bike rack', 'fence:0.6', 'trail:0.5'],
    fr: ['parc:0.4', 'banc', 'bancs', 'table de pique-nique', 'toilettes', 'toilette', 'fontaine', 'support a velos', 'cloture:0.6', 'sentier:0.5'],
    es: ['parque:0.4', 'banca', 'bancas', 'mesa de picnic', 'bano publico', 'banos', 'sanitarios', 'fuente', 'bebedero', 'bicicletero', 'sendero:0.5'],
    anchors: ['parks', 'park maintenance', 'facilities'],
  },
  {
    id: 'billing and permits',
    en: ['billing', 'invoice', 'property tax', 'taxes', 'permit', 'permits', 'licence', 'license', 'fee', 'fees', 'payment', 'refund', 'water bill', 'utility bill', 'tax bill'],
    fr: ['facture', 'facturation', 'taxe', 'taxes', 'impot foncier', 'permis', 'licence', 'frais', 'paiement', 'remboursement'],
    es: ['factura', 'cobro', 'impuesto', 'impuestos', 'predial', 'permiso', 'permisos', 'licencia', 'pago', 'reembolso'],
    anchors: ['billing', 'permits', 'licensing', 'taxes'],
  },
  {
    // Words that say nothing of the problem but look like words that do: a place named by what is there ("parking
    // lot" is where, not a parking problem), a landmark, and "to report" ("signaler" is not a "signal").
    id: 'neutral',
    en: ['report:0', 'reporting:0', 'parking lot:0', 'parking garage:0', 'parkade:0', 'car park:0', 'rec centre:0', 'recreation centre:0', 'community centre:0', 'town hall:0', 'city hall:0', 'fire hall:0', 'post office:0', 'gas station:0', 'back lane:0', 'back lanes:0', 'alley:0', 'alleyway:0'],
    fr: ['signaler:0', 'signale:0', 'signalement:0', 'hotel de ville:0', 'centre communautaire:0', 'ruelle:0', 'arena:0'],
    es: ['reportar:0', 'reporte:0', 'denunciar:0', 'senalar:0', 'ayuntamiento:0', 'centro comunitario:0', 'callejon:0'],
  },
];
