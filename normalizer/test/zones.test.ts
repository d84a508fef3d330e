import { emailZones, inlineSignatures, zoneWeight } from '../src/zones.js';

const weightOf = (text: string, words: string) => {
  const start = text.indexOf(words);
  return zoneWeight(emailZones(text), start, start + words.length);
};

describe('emailZones: what in an email is not the report', () => {
  const forwarded = [
    'Fwd: icy crosswalk',
    'Please create a request for this one, thanks.',
    'Marie Tremblay',
    'Town of Exampleton',
    '100 Main Street, Box 12',
    '---------- Forwarded message ---------',
    'From: Jane Roe <jane@example.org>',
    'Subject: icy crosswalk',
    'The crosswalk at 12 Oak Street is a skating rink.',
    'Jane Roe',
    '(403) 555-0135',
  ].join('\n');

  it('gives a forwarding clerk note and signature no weight, the forwarded report full weight, and its signature none', () => {
    expect(weightOf(forwarded, '100 Main Street')).toBe(0);
    expect(weightOf(forwarded, 'Please create a request')).toBe(0);
    expect(weightOf(forwarded, '12 Oak Street')).toBe(1);
    expect(weightOf(forwarded, '(403) 555-0135')).toBe(0);
  });

  it('gives quoted earlier mail half weight, and finds a signature after a sign-off, whose address is not the place', () => {
    const reply = [
      'Re: streetlight out',
      'Sorry, wrong number before. The light is out in front of 219 Oak Street.',
      'Thanks,',
      'Maya Anderson',
      '12 Elm Avenue',
      'On Wed, Oct 21, 2026 at 11:05 AM Maya Anderson <maya@example.com> wrote:',
      '> Hi, the streetlight in front of 214 Oak Street has been out for a week.',
    ].join('\n');
    expect(weightOf(reply, '219 Oak Street')).toBe(1);
    expect(weightOf(reply, '12 Elm Avenue')).toBe(0);
    expect(weightOf(reply, '214 Oak Street')).toBe(0.5);
  });

  it("counts a signature's address for half when the body speaks of the writer's home", () => {
    const home = ['Hello,', 'The tree outside my house came down in the storm.', 'Regards,', 'Maya Anderson', '12 Elm Avenue'].join('\n');
    expect(weightOf(home, '12 Elm Avenue')).toBe(0.5);
    const casa = ['Hola,', 'se cayó un árbol frente a mi casa.', 'Saludos,', 'Ana Ruiz', '12 Elm Avenue'].join('\n');
    expect(weightOf(casa, '12 Elm Avenue')).toBe(0.5);
  });

  it('leaves a short mail without signature or quote whole, greeting included', () => {
    expect(emailZones('Hello\nPothole at 12 Oak Street')).toEqual([]);
    expect(emailZones('Hi\nDear Team\nPothole at 12 Oak Street')).toEqual([]);
  });

  it("reads the words data's closings, device footers, forward markers and quote headers in every language", () => {
    const french = [
      'Bonjour,',
      'Il y a un nid-de-poule devant le 40 rue des Érables.',
      'Bien à vous',
      '5 rue du Moulin',
      'Le lun. 3 oct. 2026 à 10:00, Jean Tremblay <jean@example.org> a écrit :',
      'le nid-de-poule devant le 38 rue des Érables',
    ].join('\n');
    expect(weightOf(french, '40 rue des Érables')).toBe(1);
    expect(weightOf(french, '5 rue du Moulin')).toBe(0);
    expect(weightOf(french, '38 rue des Érables')).toBe(0.5);
    const spanish = ['Hola,', 'Hay basura en la calle Luna 12.', 'Enviado desde mi iPhone', 'Calle Sol 9'].join('\n');
    expect(weightOf(spanish, 'calle Luna 12')).toBe(1);
    expect(weightOf(spanish, 'Calle Sol 9')).toBe(0);
    const forwarded = ['Please log this.', '-------- Mensaje reenviado --------', 'Hay un bache en la calle Luna 12.'].join('\n');
    expect(weightOf(forwarded, 'Please log this.')).toBe(0);
    expect(weightOf(forwarded, 'calle Luna 12')).toBe(1);
  });
});

describe('inlineSignatures: a signature inside a line of a text', () => {
  const inlineWeightOf = (text: string, words: string) => {
    const start = text.indexOf(words);
    return zoneWeight(inlineSignatures(text), start, start + words.length);
  };

  it('finds a sign-off, a name and an address in one line, in any language, and gives the address no weight', () => {
    const sms = 'pothole on Oak Street by the library thanks - Maria Lopez, 12 Elm Avenue';
    expect(inlineWeightOf(sms, 'Oak Street')).toBe(1);
    expect(inlineWeightOf(sms, '12 Elm Avenue')).toBe(0);
    expect(inlineWeightOf('nid de poule rue Oak. Merci beaucoup! Julie Tremblay 12 Elm Avenue', '12 Elm Avenue')).toBe(0);
    expect(inlineWeightOf('bache en la calle Oak, gracias, Ana 12 Elm Avenue', '12 Elm Avenue')).toBe(0);
  });

  it("counts the address for half when the text speaks of the writer's home", () => {
    expect(inlineWeightOf('tree down in front of my house. thanks, Maya 12 Elm Avenue', '12 Elm Avenue')).toBe(0.5);
  });

  it('finds none without a name between the sign-off and the number, or where the "name" is a street', () => {
    expect(inlineSignatures('thanks! 12 Elm Avenue, pothole')).toEqual([]);
    expect(inlineSignatures('Thanks, Elm Ave 12 has a pothole')).toEqual([]);
    expect(inlineSignatures('thank you, I live at 12 Elm Avenue')).toEqual([]);
  });
});
