// Free-mail domains: a sender there is not a "colleague at the prospect's company".
import { emailDomain, normalizeEmail } from '../../../shared/import/email';

const freeMail = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.de', 'hotmail.fr', 'live.com', 'live.de', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.de', 'yahoo.fr', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'gmx.de', 'gmx.net', 'gmx.com',
  'web.de', 't-online.de', 'freenet.de', 'proton.me', 'protonmail.com', 'pm.me', 'yandex.ru', 'yandex.com', 'mail.ru', 'zoho.com', 'orange.fr',
  'free.fr', 'laposte.net', 'libero.it', 'virgilio.it', 'qq.com', '163.com', '126.com', 'naver.com', 'rediffmail.com', 'fastmail.com', 'hey.com',
  'tutanota.com', 'seznam.cz', 'wp.pl', 'o2.pl', 'bluewin.ch', 'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net',
]);

export function isFreeMailDomain(domain: string): boolean {
  return freeMail.has(domain.toLowerCase());
}

/** The domain of an address, as prospects' emails are stored (lower-cased, in ASCII). */
export function domainOf(email: string): string {
  return emailDomain(normalizeEmail(email));
}
