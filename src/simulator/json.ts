/**
 * JSON serialisation that writes `bigint` values as bare digits. JSON.stringify rejects
 * bigints, and converting them to numbers would round integers beyond 2^53 (a NUMBER value of
 * 9007199254740993 would be sent as ...992).
 */
export function serializeJson(value: unknown): string {
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map(serializeJson).join(',')}]`;
      const members: string[] = [];
      for (const [key, member] of Object.entries(value)) {
        if (member !== undefined) members.push(`${JSON.stringify(key)}:${serializeJson(member)}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      return 'null';
  }
}
