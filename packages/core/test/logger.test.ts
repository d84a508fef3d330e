import { Writable } from 'node:stream';
import { createLogger, maskEmail, maskPersonalText, maskPhone } from '../src/index.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger({ level: 'info', destination }), text: () => lines.join('') };
}

describe('logs', () => {
  it('mask phone numbers and emails wherever they sit, and never print secrets', () => {
    const { log, text } = capture();
    log.info(
      {
        sender: { phone: '+14035550123', email: 'jane.doe@example.org' },
        reply_to: { to: '+14035550123' },
        config: { channels: { sms: { auth_token: 'twilio-secret-token' }, email: { imap: { pass: 'imap-password' } } } },
        headers: { authorization: 'Bearer admin-token-value' },
        api_key: 'open311-key',
      },
      'something happened',
    );
    const out = text();
    for (const secret of ['5550123', 'jane.doe', 'twilio-secret-token', 'imap-password', 'admin-token-value', 'open311-key'])
      expect(out).not.toContain(secret);
    expect(out).toContain('+140•••0123');
    expect(out).toContain('j•••@example.org');
    expect(out).toContain('something happened');
  });

  it('mask what a child logger is bound to', () => {
    const { log, text } = capture();
    log.child({ caller: '+14035550123', smtp: { pass: 'hunter2' } }).warn('from a child');
    log
      .child({ stage: 'router' })
      .child({ destination: { email: 'crm@example.org', token: 'grandchild-token' } })
      .warn('from a grandchild');
    expect(text()).not.toContain('5550123');
    expect(text()).not.toContain('hunter2');
    expect(text()).not.toContain('crm@');
    expect(text()).not.toContain('grandchild-token');
    expect(text()).toContain('"stage":"router"');
    expect(text()).toContain('from a grandchild');
  });

  it('mask phones and emails inside the error texts of other services, wherever they are logged', () => {
    const { log, text } = capture();
    const twilio = Object.assign(new Error("The 'To' number +14035550123 is not a valid phone number."), {
      code: 21211,
      moreInfo: 'call (403) 555-0199 or mail ops@example.org',
    });
    log.warn({ err: twilio }, 'reply failed');
    log.warn({ destination: 'crm', err: 'CRM answered 422: {"email":"jane.doe@example.org","phone":"403-555-0123"}' }, 'delivery failed');
    log.error('delivery to +1 403 555 0142 failed');
    const out = text();
    for (const personal of ['5550123', '555-0123', '555-0199', '555 0142', 'jane.doe', 'ops@']) expect(out).not.toContain(personal);
    expect(out).toContain('is not a valid phone number');
    expect(out).toContain('21211');
  });

  it('leave dates, counts, ids and house numbers readable in texts', () => {
    const text = 'request 01JD8X4Q2V7ZK3M5N6P8R9T0AB at 211 Bear St on 2026-11-22, 3 of 12 attempts, digest 4035550123abcdef';
    expect(maskPersonalText(text)).toBe(text);
  });

  it('keep enough of a number or address to tell them apart', () => {
    expect(maskPhone('+1 (403) 555-0123')).toBe('+140•••0123');
    expect(maskPhone('123')).toBe('•••');
    expect(maskEmail('jane@example.org')).toBe('j•••@example.org');
    expect(maskEmail('not-an-email')).toBe('•••');
  });
});
