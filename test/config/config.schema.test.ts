import { Ajv } from 'ajv';
import { expect } from 'chai';
import {
  airbyteConnectionSpecification,
  configSchema,
  type JsonSchemaObject,
} from '../../src/config/index.js';

// Every schema node below `properties`, with its dotted path.
function propertySchemas(schema: JsonSchemaObject, prefix = ''): [string, JsonSchemaObject][] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchemaObject>;
  return Object.entries(properties).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [[path, child] as [string, JsonSchemaObject], ...propertySchemas(child, path)];
  });
}

// Every object node anywhere in a schema, including the root.
function allNodes(node: unknown): Record<string, unknown>[] {
  if (typeof node !== 'object' || node === null) return [];
  const children = Object.values(node).flatMap(allNodes);
  return Array.isArray(node) ? children : [node as Record<string, unknown>, ...children];
}

const schema = configSchema as unknown as JsonSchemaObject;

describe('config schema', () => {
  it('declares draft-07', () => {
    expect(schema.$schema).to.equal('http://json-schema.org/draft-07/schema#');
  });

  it('is a valid draft-07 schema', () => {
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema(schema), ajv.errorsText()).to.equal(true);
  });

  it('titles every property', () => {
    for (const [path, property] of propertySchemas(schema)) {
      expect(property.title, path).to.be.a('string').that.is.not.empty;
    }
  });

  it('states the default in every description', () => {
    for (const [path, property] of propertySchemas(schema)) {
      expect(property.description, path).to.match(/Default: |No default|Required/);
    }
  });

  it('states each schema default in its description', () => {
    for (const [path, property] of propertySchemas(schema)) {
      if (property.default === undefined) continue;
      expect(property.description, path).to.include(`Default: ${String(property.default)}`);
    }
  });

  it('marks the access key settings secret', () => {
    const secrets = propertySchemas(schema).filter(
      ([, property]) => property.airbyte_secret === true,
    );
    expect(secrets.map(([path]) => path)).to.deep.equal([
      'credentials.access_token',
      'credentials.api_token',
      'access_key',
    ]);
  });

  it('marks secrets write-only', () => {
    for (const [path, property] of propertySchemas(schema)) {
      if (property.airbyte_secret === true) expect(property.writeOnly, path).to.equal(true);
    }
  });

  it('rejects unknown settings at every level', () => {
    const objects = allNodes(schema).filter((node) => node.type === 'object');
    expect(objects).to.have.length(2);
    for (const node of objects) expect(node.additionalProperties).to.equal(false);
  });
});

describe('config airbyte spec', () => {
  const spec = airbyteConnectionSpecification();

  it('uses no keyword Airbyte rejects', () => {
    const forbidden = ['anyOf', 'allOf', 'oneOf', 'not', 'if', 'then', 'else', '$ref'];
    for (const node of allNodes(spec)) {
      for (const keyword of forbidden) expect(node, keyword).not.to.have.property(keyword);
    }
  });

  it('has at most one type besides null', () => {
    for (const node of allNodes(spec)) {
      if (!Array.isArray(node.type)) continue;
      expect(node.type.filter((type) => type !== 'null')).to.have.length(1);
    }
  });

  it('allows additional properties', () => {
    const flags = allNodes(spec)
      .filter((node) => 'additionalProperties' in node)
      .map((node) => node.additionalProperties);
    expect(flags).to.deep.equal([true, true]);
  });

  it('leaves the schema unchanged', () => {
    airbyteConnectionSpecification();
    expect(configSchema.additionalProperties).to.equal(false);
    expect(configSchema.properties.credentials.additionalProperties).to.equal(false);
  });

  it('keeps the secret marks', () => {
    const credentials = (spec.properties as Record<string, JsonSchemaObject>).credentials;
    const accessToken = (credentials.properties as Record<string, JsonSchemaObject>).access_token;
    expect(accessToken.airbyte_secret).to.equal(true);
  });

  it('survives a JSON round trip', () => {
    expect(JSON.parse(JSON.stringify(spec))).to.deep.equal(spec);
  });
});
