import { expect } from 'chai';
import { environmentVariableName, listSettings } from '../../src/config/index.js';

const settings = listSettings();
const byName = new Map(settings.map((setting) => [setting.name, setting]));

describe('config settings list', () => {
  it('lists every setting', () => {
    expect(settings.map((setting) => setting.name)).to.deep.equal([
      'credentials.access_token',
      'credentials.api_token',
      'credentials.credentials_title',
      'access_key',
      'domain',
      'start_date',
      'page_size',
      'request_timeout_seconds',
      'max_retries',
      'requests_per_minute',
      'max_concurrent_requests',
    ]);
  });

  it('marks required settings', () => {
    const required = settings.filter((setting) => setting.required).map((setting) => setting.name);
    expect(required).to.deep.equal(['credentials.access_token', 'domain']);
  });

  it('marks secret settings', () => {
    const secret = settings.filter((setting) => setting.secret).map((setting) => setting.name);
    expect(secret).to.deep.equal([
      'credentials.access_token',
      'credentials.api_token',
      'access_key',
    ]);
  });

  it('names the aliases', () => {
    expect(byName.get('credentials.api_token')?.aliasOf).to.equal('credentials.access_token');
    expect(byName.get('access_key')?.aliasOf).to.equal('credentials.access_token');
    expect(byName.get('credentials.access_token')?.aliasOf).to.equal(undefined);
  });

  it('gives the defaults', () => {
    expect(byName.get('page_size')?.default).to.equal(5000);
    expect(byName.get('request_timeout_seconds')?.default).to.equal(120);
    expect(byName.get('max_retries')?.default).to.equal(6);
    expect(byName.get('requests_per_minute')?.default).to.equal(95);
    expect(byName.get('max_concurrent_requests')?.default).to.equal(8);
    expect(byName.get('credentials.credentials_title')?.default).to.equal(
      'Private App Credentials',
    );
    expect(byName.get('start_date')?.default).to.equal(undefined);
  });

  it('gives the types', () => {
    expect(byName.get('page_size')?.type).to.equal('integer');
    expect(byName.get('domain')?.type).to.equal('string');
  });

  it('gives the descriptions', () => {
    expect(byName.get('start_date')?.description).to.include(
      'Default: 30 days before the run starts.',
    );
    expect(byName.get('domain')?.title).to.equal('Domain');
  });

  it('names the environment variables', () => {
    expect(byName.get('credentials.access_token')?.environmentVariable).to.equal(
      'TAP_GAINSIGHT_CREDENTIALS_ACCESS_TOKEN',
    );
    expect(byName.get('start_date')?.environmentVariable).to.equal('TAP_GAINSIGHT_START_DATE');
    expect(environmentVariableName('access_key')).to.equal('TAP_GAINSIGHT_ACCESS_KEY');
  });
});
