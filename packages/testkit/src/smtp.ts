import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps every mail it is given, parsed. */
export interface SmtpSink {
  host: string;
  port: number;
  messages: ParsedMail[];
  close(): Promise<void>;
}

/** How the sink answers a mail's DATA instead of taking it, e.g. `{ code: 451, message: '4.3.0 try again later' }`. */
export interface SmtpRefusal {
  code: number;
  message: string;
}

export interface SmtpSinkOptions {
  /** asked for every mail, numbered from 0; a refusal answers with its code and keeps nothing */
  refuse?: (attempt: number) => SmtpRefusal | null;
}

const refusalError = ({ code, message }: SmtpRefusal) => Object.assign(new Error(message), { responseCode: code });

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    // no certificate to offer on loopback
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const refusal = options.refuse?.(attempts++) ?? null;
      if (refusal !== null) {
        // the whole message must be read before the server may answer
        stream.on('end', () => callback(refusalError(refusal))).resume();
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A client killed mid-mail (a gateway a fault test SIGKILLs) resets its socket; smtp-server reports that as an
  // 'error' event, which with no listener would end the test process. The mail it was sending is not kept either way.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
