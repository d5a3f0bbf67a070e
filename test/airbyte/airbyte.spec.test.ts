import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { startTestTenant } from '../helpers/simulator-control.js';
import { ofType, runAirbyte, type AirbyteRun } from './helpers.js';

// Property names the acceptance tests treat as secrets: a string, number or integer property with
// one of these names must be marked `airbyte_secret`.
const secretNames = new Set(['client_token', 'access_token', 'api_token', 'token', 'secret', 'client_secret', 'password', 'key', 'credentials', 'refresh_token', 'jwt']);
// Keywords the Airbyte UI cannot render in a connection specification.
const forbiddenKeywords = ['$ref', 'not', 'anyOf', 'allOf', 'if', 'then', 'else', 'patternProperties', 'prefixItems', 'dependentSchemas', 'dependentRequired'];

type SchemaNode = Record<string, unknown>;

/** Calls `visit` with every subschema of a JSON Schema and its path. */
function walkSchema(node: SchemaNode, visit: (node: SchemaNode, path: string, name: string | undefined) => void, path = '', name?: string): void {
  visit(node, path, name);
  for (const [property, child] of Object.entries((node.properties ?? {}) as Record<string, SchemaNode>)) {
    walkSchema(child, visit, `${path}/properties/${property}`, property);
  }
  if (typeof node.items === 'object' && node.items !== null) walkSchema(node.items as SchemaNode, visit, `${path}/items`, name);
}

describe('airbyte: spec', () => {
  let run: AirbyteRun;
  let specification: SchemaNode;

  before(async () => {
    run = await runAirbyte(['spec']);
    specification = ofType(run.messages, 'SPEC')[0]?.spec?.connectionSpecification as SchemaNode;
  });

  it('writes one SPEC message and exits 0', () => {
    expect(run.code).to.equal(0);
    expect(run.messages.map((message) => message.type)).to.deep.equal(['SPEC']);
  });

  it('uses no keyword the UI cannot render', () => {
    const text = JSON.stringify(specification);
    for (const keyword of forbiddenKeywords) expect(text, keyword).to.not.include(`"${keyword}":`);
  });

  it('gives each property one type, or one and null', () => {
    walkSchema(specification, (node, path) => {
      if (!Array.isArray(node.type)) return;
      expect(node.type.length, path).to.be.oneOf([1, 2]);
      if (node.type.length === 2) expect(node.type[1], path).to.equal('null');
    });
  });

  it('sets additionalProperties only to true', () => {
    walkSchema(specification, (node, path) => {
      if ('additionalProperties' in node) expect(node.additionalProperties, path).to.equal(true);
    });
  });

  it('marks every secret-named field airbyte_secret', () => {
    let secrets = 0;
    walkSchema(specification, (node, path, name) => {
      const canHoldSecret = ['string', 'number', 'integer'].includes(String(node.type)) && node.const === undefined;
      if (name !== undefined && secretNames.has(name.toLowerCase()) && canHoldSecret) {
        expect(node.airbyte_secret, path).to.equal(true);
        secrets += 1;
      }
      if (node.airbyte_secret === true) expect(canHoldSecret, `${path} is marked secret but cannot hold one`).to.equal(true);
    });
    expect(secrets).to.be.greaterThan(0);
  });

  it('gives every object property fields', () => {
    walkSchema(specification, (node, path) => {
      if (node.type === 'object') expect(Object.keys((node.properties ?? {}) as object), path).to.not.be.empty;
    });
  });

  it('accepts a working config', async () => {
    const tenant = await startTestTenant();
    try {
      const ajv = new Ajv({ allErrors: true, strict: false });
      addFormats.default(ajv);
      const validate = ajv.compile(specification);
      const config = JSON.parse(readFileSync(tenant.configPath, 'utf8'));
      expect(validate(config), JSON.stringify(validate.errors)).to.equal(true);
    } finally {
      await tenant.stop();
    }
  });
});
