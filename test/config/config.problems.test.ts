import { expect } from 'chai';
import { problemsOfObject, testKey } from './helpers.js';

const manyProblems = {
  domain: 'ftp://acme.gainsightcloud.com',
  credentials: { access_token: testKey, api_token: 'other' },
  start_date: 'soon',
  page_size: 0,
  max_retries: 'six',
  pagesize: 10,
};

describe('config problems', () => {
  it('reports every problem at once', () => {
    expect(problemsOfObject(manyProblems)).to.have.length(6);
  });

  it('names each setting once', () => {
    const problems = problemsOfObject(manyProblems);
    const settings = problems.map((problem) => problem.split(' ')[0]);
    expect(settings).to.have.members([
      'pagesize',
      'start_date',
      'page_size',
      'max_retries',
      'credentials.access_token',
      'domain',
    ]);
  });

  it('puts each problem on one line', () => {
    for (const problem of problemsOfObject(manyProblems)) expect(problem).not.to.include('\n');
  });

  it('says what to write', () => {
    for (const problem of problemsOfObject(manyProblems))
      expect(problem).to.match(/\b(Write|Keep|Did you mean)\b/);
  });

  it('reports an empty string once', () => {
    const problems = problemsOfObject({ domain: '', access_key: testKey });
    expect(problems).to.have.length(1);
  });

  it('skips alias checks of a broken key', () => {
    const problems = problemsOfObject({ domain: 'acme', credentials: { access_token: 5 } });
    expect(problems).to.have.length(1);
    expect(problems[0]).to.match(/^credentials\.access_token .* must be a string/);
  });
});
