import { redactionMark, Secret } from '../config/secret.js';

export { redactionMark };

/**
 * Replaces every occurrence of each secret in `text` with `[redacted]`. Besides the raw value it
 * also replaces the value as it appears inside a JSON string and URL-encoded, because a server may
 * echo the key back in either form inside an error body. Empty secrets are ignored.
 */
export function redact(text: string, secrets: Iterable<Secret | string>): string {
  let result = text;

  for (const form of secretForms(secrets)) {
    result = result.split(form).join(redactionMark);
  }

  return result;
}

// Longest forms go first, so that a form which contains a shorter one is replaced whole.
function secretForms(secrets: Iterable<Secret | string>): string[] {
  const forms = new Set<string>();

  for (const secret of secrets) {
    const value = secret instanceof Secret ? secret.reveal() : secret;
    if (value === '') continue;

    forms.add(value);
    forms.add(JSON.stringify(value).slice(1, -1));
    forms.add(encodeURIComponent(value));
  }

  return [...forms].sort((a, b) => b.length - a.length);
}
