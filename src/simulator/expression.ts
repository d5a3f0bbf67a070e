/**
 * The `where.expression` grammar: condition aliases joined by AND and OR, with parentheses.
 * AND binds tighter than OR. Gainsight's samples show only two-term forms; the simulator
 * accepts any number of terms and nesting, so it can serve both readings of that open point.
 */

import { invalidRequest } from './errors.js';

export type Expression =
  | { kind: 'alias'; alias: string }
  | { kind: 'and' | 'or'; operands: Expression[] };

/** Parses an expression, throwing GSOBJ_1008 with the position of the first problem. */
export function parseExpression(source: string): Expression {
  const tokens = source.match(/\(|\)|[^\s()]+/g) ?? [];
  let position = 0;

  const fail = (problem: string): never => {
    throw invalidRequest(`Invalid where.expression '${source}': ${problem}`);
  };
  const peek = (): string | undefined => tokens[position];
  const isKeyword = (token: string | undefined, keyword: string) => token?.toUpperCase() === keyword;

  const parseOperand = (): Expression => {
    const token = tokens[position++];
    if (token === undefined) return fail('ends where an alias or ( was expected');
    if (token === '(') {
      const inner = parseOr();
      if (tokens[position++] !== ')') fail('a ( is not closed');
      return inner;
    }
    if (token === ')' || isKeyword(token, 'AND') || isKeyword(token, 'OR')) return fail(`unexpected '${token}'`);
    return { kind: 'alias', alias: token };
  };

  const parseAnd = (): Expression => {
    const operands = [parseOperand()];
    while (isKeyword(peek(), 'AND')) {
      position++;
      operands.push(parseOperand());
    }
    return operands.length === 1 ? (operands[0] as Expression) : { kind: 'and', operands };
  };

  function parseOr(): Expression {
    const operands = [parseAnd()];
    while (isKeyword(peek(), 'OR')) {
      position++;
      operands.push(parseAnd());
    }
    return operands.length === 1 ? (operands[0] as Expression) : { kind: 'or', operands };
  }

  if (tokens.length === 0) fail('it is empty');
  const expression = parseOr();
  if (position < tokens.length) fail(`unexpected '${tokens[position]}'`);
  return expression;
}

export function aliasesOf(expression: Expression): string[] {
  return expression.kind === 'alias' ? [expression.alias] : expression.operands.flatMap(aliasesOf);
}

/** Whether the expression only joins aliases with AND, so every condition must hold. */
export function isConjunction(expression: Expression): boolean {
  return expression.kind === 'alias' || (expression.kind === 'and' && expression.operands.every(isConjunction));
}

export function evaluateExpression(expression: Expression, test: (alias: string) => boolean): boolean {
  switch (expression.kind) {
    case 'alias':
      return test(expression.alias);
    case 'and':
      return expression.operands.every((operand) => evaluateExpression(operand, test));
    case 'or':
      return expression.operands.some((operand) => evaluateExpression(operand, test));
  }
}
