import type { Condition } from '../playbook/schema.js';
import type { Answers } from './answers.js';

/** Evaluates a `when` condition against the answers given so far. Unanswered steps match nothing. */
export function holds(condition: Condition, answers: Answers): boolean {
  if ('not' in condition) return !holds(condition.not, answers);
  if ('all' in condition) return condition.all.every((inner) => holds(inner, answers));
  if ('any' in condition) return condition.any.some((inner) => holds(inner, answers));
  const answer = answers[condition.step];
  if ('answered' in condition) return isAnswered(answer) === condition.answered;
  if (answer === undefined) return false;
  if ('equals' in condition) return answer === condition.equals;
  if ('in' in condition) return typeof answer === 'string' && condition.in.includes(answer);
  return Array.isArray(answer) && answer.includes(condition.includes);
}

export function isAnswered(answer: Answers[string] | undefined): boolean {
  if (answer === undefined) return false;
  if (typeof answer === 'string') return answer.trim() !== '';
  if (Array.isArray(answer)) return answer.length > 0;
  return true;
}

/** Every step id a condition looks at, for the loader's "only look back" check. */
export function referencedSteps(condition: Condition): string[] {
  if ('not' in condition) return referencedSteps(condition.not);
  if ('all' in condition) return condition.all.flatMap(referencedSteps);
  if ('any' in condition) return condition.any.flatMap(referencedSteps);
  return [condition.step];
}
