import type { Severity } from '../engine/types.js';

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;

/** A terminal style {@link painter} can apply. */
export type Style = keyof typeof CODES;
/** Wraps `text` in the styles given, or returns it untouched when colour is off. */
export type Paint = (text: string, ...styles: Style[]) => string;

/** ANSI styling when `enabled`, the text untouched otherwise. */
export function painter(enabled: boolean): Paint {
  if (!enabled) return (text) => text;
  return (text, ...styles) => styles.reduce((styled, style) => `\u001b[${CODES[style][0]}m${styled}\u001b[${CODES[style][1]}m`, text);
}

/** How the terminal reports colour each severity. */
export const SEVERITY_STYLE: Record<Severity, Style[]> = {
  critical: ['red', 'bold'],
  high: ['red'],
  medium: ['yellow'],
  low: ['cyan'],
  info: ['dim'],
};
