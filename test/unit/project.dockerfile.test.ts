import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageInfo, packageRoot } from '../../src/package-root.js';

interface Instruction {
  keyword: string;
  value: string;
}

// Reads a Dockerfile's instructions, joining continued lines and dropping comments.
function readInstructions(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const space = line.indexOf(' ');
      return { keyword: line.slice(0, space).toUpperCase(), value: line.slice(space + 1).trim() };
    });
}

// Reads `KEY=value` or `KEY="value"` from an ENV or LABEL instruction.
function readAssignment(value: string): [string, string] {
  const [key = '', ...rest] = value.split('=');
  const text = rest.join('=');
  return [key, text.startsWith('"') ? (JSON.parse(text) as string) : text];
}

const instructions = readInstructions(readFileSync(join(packageRoot, 'Dockerfile'), 'utf8'));
// The image is the last stage: the instructions after the last FROM.
const lastFrom = instructions.map((instruction) => instruction.keyword).lastIndexOf('FROM');
const image = instructions.slice(lastFrom);
const environment = new Map(image.filter((instruction) => instruction.keyword === 'ENV').map((instruction) => readAssignment(instruction.value)));
const labels = new Map(image.filter((instruction) => instruction.keyword === 'LABEL').map((instruction) => readAssignment(instruction.value)));
const packageJson = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };

describe('project: Dockerfile', () => {
  it('builds on node:20-slim', () => {
    for (const from of instructions.filter((instruction) => instruction.keyword === 'FROM')) expect(from.value).to.match(/^node:20-slim\b/);
  });

  it('sets AIRBYTE_ENTRYPOINT to the ENTRYPOINT', () => {
    const entrypoint = image.find((instruction) => instruction.keyword === 'ENTRYPOINT');
    expect(JSON.parse(entrypoint?.value ?? '[]').join(' ')).to.equal(environment.get('AIRBYTE_ENTRYPOINT'));
  });

  it("runs the package's tap-gainsight command", () => {
    const workdir = image.find((instruction) => instruction.keyword === 'WORKDIR')?.value;
    expect(environment.get('AIRBYTE_ENTRYPOINT')).to.equal(`node ${workdir}/${packageJson.bin['tap-gainsight']}`);
  });

  it('labels the package version', () => {
    expect(labels.get('io.airbyte.version')).to.equal(packageInfo.version);
  });

  it('labels the image name the README builds', () => {
    const name = labels.get('io.airbyte.name');
    expect(name).to.match(/^[a-z0-9][a-z0-9._/-]*$/);
    expect(readFileSync(join(packageRoot, 'README.md'), 'utf8')).to.include(`docker build -t ${name}:${packageInfo.version} .`);
  });

  it('copies only files that exist and .dockerignore lets in', () => {
    const allowed = readFileSync(join(packageRoot, '.dockerignore'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('!'))
      .map((line) => line.slice(1));
    const copies = instructions.filter((instruction) => instruction.keyword === 'COPY' && !instruction.value.startsWith('--from'));
    expect(copies).to.not.be.empty;

    for (const copy of copies) {
      const sources = copy.value.split(/\s+/).slice(0, -1);
      for (const source of sources) {
        expect(existsSync(join(packageRoot, source)), source).to.equal(true);
        expect(allowed, source).to.include(source);
      }
    }
  });
});
