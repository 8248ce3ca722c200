import { buildMessages, type Locale } from './messages';

const messages = buildMessages();

/** The interface's messages as vue-i18n's `t` renders these (`{name}` placeholders only), for unit tests without Vue. */
export function translator(locale: Locale): (key: string, params?: Record<string, unknown>) => string {
  return (key, params = {}) => {
    let node: unknown = messages[locale];
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node !== 'string') throw new Error(`missing ${locale} message ${key}`);
    return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
