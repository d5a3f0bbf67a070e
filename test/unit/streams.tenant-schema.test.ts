import { expect } from 'chai';
import type { FieldDescription } from '../../src/client/types.js';
import { silentLogger } from '../../src/logging/logger.js';
import { findStream } from '../../src/streams/definitions.js';
import { resolveTenantSchema } from '../../src/streams/tenant-schema.js';

const companies = findStream('companies')!;

const fields: FieldDescription[] = [
  { fieldName: 'Gsid', dataType: 'GSID' },
  { fieldName: 'ModifiedDate', dataType: 'DATETIME' },
  { fieldName: 'Name', dataType: 'STRING' },
  { fieldName: 'Zeta__gc', dataType: 'STRING' },
  { fieldName: 'Alpha__gc', dataType: 'NUMBER' },
  { fieldName: 'Mid__gc', dataType: 'BOOLEAN' },
];

function propertyNames(described: FieldDescription[]): string[] {
  const tenant = resolveTenantSchema(companies, { objectName: 'Company', fields: described }, silentLogger);
  return Object.keys(tenant.schema.properties);
}

describe('streams: tenant schema field order', () => {
  it('keeps hand-written fields in schema order', () => {
    expect(propertyNames(fields).slice(0, 3)).to.deep.equal(['Gsid', 'Name', 'ModifiedDate']);
  });

  it('sorts the tenant-only fields by name', () => {
    expect(propertyNames(fields).slice(3)).to.deep.equal(['Alpha__gc', 'Mid__gc', 'Zeta__gc']);
  });

  it('ignores the order describe returns', () => {
    expect(propertyNames([...fields].reverse())).to.deep.equal(propertyNames(fields));
  });
});
